#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <vector>

#include "commands.hpp"
#include "pathways/catalogue.hpp"
#include "pathways/output.hpp"
#include "pathways/poster.hpp"

namespace pathways::cli {

/// styles/nhs.yaml in the current folder, else in the folder above the program's (a build tree
/// inside a checkout: build/pathways finds styles/), else in the program's own folder.
std::string default_style_path() {
    const std::filesystem::path relative = "styles/nhs.yaml";
    std::error_code ec;
    std::vector<std::filesystem::path> places{relative};
    std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        places.push_back(exe.parent_path().parent_path() / relative);
        places.push_back(exe.parent_path() / relative);
    }
    for (const auto& p : places)
        if (std::filesystem::is_regular_file(p, ec)) return p.string();
    return relative.string();  // not found: the loader says so, naming it
}

/// `pathways render CATALOGUE -o OUT`: one poster of a whole catalogue.
class RenderCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override {
        auto* sub = app.add_subcommand("render", "Render one catalogue as a poster (PDF, SVG or PNG)");
        sub->add_option("catalogue", catalogue_, "Catalogue YAML file")->required();
        sub->add_option("--style", style_,
                        "Style YAML file (default: styles/nhs.yaml, here or beside the program's folder)");
        sub->add_option("--page", page_, "Paper size: A0, A1, A2, A3 or A4 (default: the style's)")
            ->check(CLI::IsMember({"A0", "A1", "A2", "A3", "A4"}));
        auto* portrait = sub->add_flag("--portrait", portrait_, "Portrait page");
        auto* landscape = sub->add_flag("--landscape", landscape_, "Landscape page");
        portrait->excludes(landscape);
        sub->add_option("--format", format_, "pdf, svg or png (default: from the extension of OUT)")
            ->check(CLI::IsMember({"pdf", "svg", "png"}));
        sub->add_option("--dpi", dpi_, "PNG resolution")->check(CLI::Range(10, 1200))->capture_default_str();
        auto* embed = sub->add_flag("--embed", embed_,
                                    "SVG for embedding in a web page or leaflet: the drawing and a compact legend, "
                                    "no page frame, scalable (a viewBox, no fixed size)");
        sub->add_option("--svg-width", svg_width_, "With --embed: a fixed width in px (default: none, the page decides)")
            ->check(CLI::Range(1.0, 100000.0))
            ->needs(embed);
        sub->add_option("--id-prefix", id_prefix_,
                        "SVG: prefix for every element id, so two SVGs can share a page (default: the output file's name)");
        sub->add_option("--bleed", bleed_mm_,
                        "PDF for a print shop: MM of bleed around the trimmed page (background runs into it; "
                        "TrimBox and BleedBox are set)")
            ->check(CLI::Range(0.0, 20.0));
        sub->add_flag("--marks", marks_,
                      "PDF for a print shop: crop marks and a slug line outside the bleed (bleed 3 mm unless --bleed)");
        sub->add_option("--tile", tile_,
                        "PDF split across A4 or A3 pages at 100 % with 10 mm overlap and alignment marks, to tape together")
            ->check(CLI::IsMember({"A4", "A3"}));
        sub->add_option("-o,--output", output_, "Output file")->required();
        return sub;
    }

    int run() override {
        OutputFormat format = output_format();
        Diagnostics diags;
        auto catalogue = load_catalogue(catalogue_, diags);
        auto style = load_style(style_.empty() ? default_style_path() : style_, diags);
        if (diags.has_errors()) {
            diags.print_errors(std::cerr);
            return kInvalidInput;
        }
        PosterOptions options;
        options.page = page_;
        if (portrait_) options.landscape = false;
        if (landscape_) options.landscape = true;
        options.build_date = resolve_build_date().text;  // the footer's, the PDF's metadata and slug line
        if (!tile_.empty() && (bleed_mm_ > 0 || marks_)) throw UsageError("--tile prints on office pages: no --bleed or --marks");
        if ((bleed_mm_ > 0 || marks_ || !tile_.empty()) && format != OutputFormat::Pdf)
            throw UsageError("--bleed, --marks and --tile are for PDF output, not " + std::string(format_name(format)));
        PathwayGraph graph = select(*catalogue, View{});
        Poster poster = compose_poster(graph, *style, options);
        OutputSettings settings = output_settings();
        settings.build_date = options.build_date;
        write_file_atomically(output_, render_output(poster, graph, *style, format, settings));
        report(poster, graph);
        return kOk;
    }

private:
    /// The format asked for, or told by OUT's extension.
    OutputFormat output_format() const {
        std::string format = format_;
        if (format.empty()) {
            std::string ext = std::filesystem::path(output_).extension().string();
            if (ext != ".pdf" && ext != ".svg" && ext != ".png")
                throw UsageError("cannot tell the format from '" + output_ + "'; use --format pdf|svg|png");
            format = ext.substr(1);
        }
        if (embed_ && format != "svg") throw UsageError("--embed writes SVG, not " + format);
        if (embed_) return OutputFormat::EmbedSvg;
        return format == "pdf" ? OutputFormat::Pdf : format == "png" ? OutputFormat::Png : OutputFormat::Svg;
    }

    OutputSettings output_settings() const {
        OutputSettings o;
        o.dpi = dpi_;
        o.svg_width = svg_width_;
        o.print.bleed_mm = bleed_mm_;
        o.print.marks = marks_;
        o.print.tile = tile_;
        // Default prefix: the output's name without extensions ("ncl-primary-care.embed.svg" -> "ncl-primary-care").
        o.id_prefix = id_prefix_;
        if (o.id_prefix.empty()) {
            o.id_prefix = std::filesystem::path(output_).filename().string();
            o.id_prefix = o.id_prefix.substr(0, o.id_prefix.find('.'));
        }
        return o;
    }

    /// One line saying what was written and what it measured.
    void report(const Poster& poster, const PathwayGraph& graph) const {
        const LayoutChoice& c = poster.layout.choice();
        std::fprintf(stderr,
                     "wrote %s: %s %s, %zu role%s, %zu link%s, %s, %d row(s) per level, %zu crossing%s, "
                     "drawing fills %.0f%% of its area, smallest text %.1f pt\n",
                     output_.c_str(), poster.paper.c_str(), poster.landscape ? "landscape" : "portrait",
                     graph.roles.size(), graph.roles.size() == 1 ? "" : "s", graph.links.size(),
                     graph.links.size() == 1 ? "" : "s", c.left_to_right ? "left to right" : "bottom to top",
                     c.rows_per_level, c.crossings, c.crossings == 1 ? "" : "s", poster.fill_ratio() * 100,
                     poster.smallest_text());
    }


    std::string catalogue_, style_, page_, format_, output_;
    std::string id_prefix_;
    bool portrait_ = false, landscape_ = false, embed_ = false;
    double svg_width_ = 0;
    double dpi_ = 150;
    double bleed_mm_ = 0;
    bool marks_ = false;
    std::string tile_;
};

std::unique_ptr<Command> make_render() { return std::make_unique<RenderCommand>(); }

}  // namespace pathways::cli
