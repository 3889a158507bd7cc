// The one place a poster becomes the bytes of a file, whichever command asks.
#include "pathways/back_page.hpp"
#include "pathways/dot_export.hpp"
#include "pathways/explorer.hpp"
#include "pathways/export.hpp"
#include "pathways/poster.hpp"

namespace pathways {

const char* format_name(OutputFormat f) {
    switch (f) {
        case OutputFormat::Pdf: return "pdf";
        case OutputFormat::Svg: return "svg";
        case OutputFormat::Png: return "png";
        case OutputFormat::EmbedSvg: return "embed-svg";
        case OutputFormat::Json: return "json";
        case OutputFormat::Dot: return "dot";
        case OutputFormat::Html: return "html";
    }
    return "?";
}

const char* format_suffix(OutputFormat f) {
    switch (f) {
        case OutputFormat::Pdf: return ".pdf";
        case OutputFormat::Svg: return ".svg";
        case OutputFormat::Png: return ".png";
        case OutputFormat::EmbedSvg: return ".embed.svg";
        case OutputFormat::Json: return ".json";
        case OutputFormat::Dot: return ".dot";
        case OutputFormat::Html: return ".html";
    }
    return "";
}

bool is_drawing(OutputFormat f) { return f != OutputFormat::Json && f != OutputFormat::Dot && f != OutputFormat::Html; }

std::string render_output(const Poster& poster, const PathwayGraph& graph, const Style& style, OutputFormat format,
                          const OutputSettings& settings) {
    SvgOptions svg;
    svg.id_prefix = settings.id_prefix;
    switch (format) {
        case OutputFormat::Pdf: {  // the back page, when there is one, is the PDF's second page
            PdfOptions options{settings.print, settings.id_prefix};
            if (settings.back) return render_pdf(std::vector<const Poster*>{&poster, settings.back}, options);
            return render_pdf(poster, options);
        }
        case OutputFormat::Png: return render_png(poster, settings.dpi);
        case OutputFormat::Svg: return render_svg(poster, style, svg);
        case OutputFormat::EmbedSvg:
            svg.embed = true;
            svg.width = settings.svg_width;
            return render_svg(settings.embed ? *settings.embed : poster, style, svg);
        case OutputFormat::Json: return export_json(cut_to(graph));
        case OutputFormat::Dot: return export_dot(cut_to(graph));
        case OutputFormat::Html: return render_explorer(poster, graph, style, settings.id_prefix);
    }
    return {};
}

}  // namespace pathways
