#include <algorithm>
#include <cmath>
#include <set>

#include "series_files.hpp"
#include "pathways/batch.hpp"
#include "pathways/escape.hpp"
#include "pathways/poster.hpp"
#include "pathways/version.hpp"

namespace pathways {

namespace {

const char* kStyleSheet = R"(
  body { margin: 0; font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: #212b32; background: #f0f4f5; }
  header { background: #005eb8; color: #fff; padding: 1.5rem 2rem; }
  header h1 { margin: 0 0 .4rem; font-size: 1.8rem; }
  header p { margin: .2rem 0; }
  main { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 1.5rem; padding: 2rem; }
  article { background: #fff; border: 1px solid #aeb7bd; border-radius: 4px; padding: 1rem; display: flex; flex-direction: column; }
  article h2 { font-size: 1.1rem; margin: .8rem 0 .3rem; }
  article p { margin: .2rem 0; font-size: .9rem; }
  .thumb { display: flex; align-items: center; justify-content: center; height: 300px; background: #e8edee; }
  .thumb img { max-width: 100%; max-height: 300px; width: auto; height: auto; box-shadow: 0 1px 4px rgba(0,0,0,.3); background: #fff; }
  .files { margin-top: auto; padding-top: .6rem; }
  .files a { display: inline-block; margin: 0 .4rem .3rem 0; padding: .2rem .6rem; border: 1px solid #005eb8; border-radius: 3px; color: #005eb8; text-decoration: none; font-weight: bold; }
  .files a:hover, .files a:focus { background: #005eb8; color: #fff; }
  .failed { color: #d5281b; font-weight: bold; }
  footer { padding: 0 2rem 2rem; font-size: .85rem; }
)";

/// Issue 17: links to the poster's back page (the PDF's second page; its own SVG and PNG files).
std::string back_links(const PosterSpec& p, const std::string& poster_name) {
    if (!p.back_pages) return {};
    std::string out;
    for (auto f : p.formats) {
        if (f == OutputFormat::Pdf) out += "<a href=\"" + poster_name + ".pdf#page=2\">Back page (PDF page 2)</a>";
        if (f == OutputFormat::Svg || f == OutputFormat::Png)
            out += "<a href=\"" + back_file_name(poster_name + format_suffix(f)) + "\">Back page (" +
                   std::string(f == OutputFormat::Svg ? "SVG" : "PNG") + ")</a>";
    }
    return out;
}

const char* format_label(OutputFormat f) {
    switch (f) {
        case OutputFormat::Pdf: return "PDF";
        case OutputFormat::Svg: return "SVG";
        case OutputFormat::Png: return "PNG";
        case OutputFormat::EmbedSvg: return "SVG to embed";
        case OutputFormat::Json: return "JSON data";
        case OutputFormat::Dot: return "DOT graph";
        case OutputFormat::Html: return "Explorer (web page)";
    }
    return "";
}

}  // namespace

std::string index_html(const BuildPlan& plan, const BuildState& state, const BuildReport& report) {
    const Manifest& m = plan.manifest;
    std::string title = m.title.empty() ? "Career pathway posters" : m.title;

    // The catalogues the set is drawn from, in the order posters first use them.
    std::vector<const Catalogue*> sources;
    std::set<const Catalogue*> seen;
    for (const auto& p : m.posters) {
        const Catalogue* c = &plan.catalogue_of(p).value;
        if (seen.insert(c).second) sources.push_back(c);
    }

    std::string cards;
    std::size_t shown = 0;
    for (const auto& p : m.posters) {
        const Catalogue& c = plan.catalogue_of(p).value;
        const Style& style = plan.style_of(p).value;
        std::string poster_name = xml_escape(p.name);
        std::string poster_title_text = xml_escape(poster_title(p, c));
        auto entry = state.posters.find(p.name);
        const PosterOutcome* outcome = report.outcome(p.name);
        bool failed = outcome && outcome->status == PosterOutcome::Status::Failed;
        bool have_files = entry != state.posters.end();

        std::string page = p.page.empty() ? style.page : p.page;
        bool landscape = p.landscape.value_or(style.landscape);
        auto paper = paper_size(page);
        long tw = 0, th = 0;
        if (paper) {
            double w = landscape ? paper->height : paper->width, h = landscape ? paper->width : paper->height;
            double k = kThumbnailPixels / std::max(w, h);
            tw = std::lround(w * k);
            th = std::lround(h * k);
        }

        cards += "<article id=\"poster-" + poster_name + "\">\n";
        // The thumbnail opens the first picture of the poster (or, when it only has data files, itself).
        auto picture = std::find_if(p.formats.begin(), p.formats.end(), is_drawing);
        std::string first_file = poster_name + (picture != p.formats.end() ? format_suffix(*picture) : kThumbnailSuffix);
        if (have_files) {
            cards += "  <a class=\"thumb\" href=\"" + first_file + "\"><img src=\"" + poster_name + kThumbnailSuffix +
                     "\" width=\"" + std::to_string(tw) + "\" height=\"" + std::to_string(th) + "\" alt=\"" +
                     poster_title_text + " (thumbnail)\"></a>\n";
            ++shown;
        } else {
            cards += "  <div class=\"thumb\"><p class=\"failed\">Not built</p></div>\n";
        }
        cards += "  <h2>" + poster_title_text + "</h2>\n";
        cards += "  <p>" + xml_escape(describe_view(p.view, c)) + " \xC2\xB7 " + xml_escape(page) +
                 (landscape ? " landscape" : " portrait") + "</p>\n";
        cards += "  <p>From <cite>" + xml_escape(c.title) + "</cite> (data version " + xml_escape(c.version) +
                 ")</p>\n";
        if (have_files) {
            cards += "  <p>Built " + xml_escape(entry->second.built) + "</p>\n";
        }
        if (failed)
            cards += have_files ? "  <p class=\"failed\">The last build of this poster failed; these files are from an "
                                  "earlier build.</p>\n"
                                : "  <p class=\"failed\">This poster failed to build.</p>\n";
        if (have_files) {
            cards += "  <p class=\"files\">";
            for (auto f : p.formats)
                cards += "<a href=\"" + poster_name + format_suffix(f) + "\">" + format_label(f) + "</a>";
            cards += back_links(p, poster_name);
            cards += "</p>\n";
            cards += series_sheets_html(p, entry->second.files);
        }
        cards += "</article>\n";
    }

    std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                       xml_escape(title) + "</title>\n<style>" + kStyleSheet + "</style>\n</head>\n<body>\n<header>\n";
    html += "<h1>" + xml_escape(title) + "</h1>\n";
    for (const Catalogue* c : sources) {
        html += "<p>" + xml_escape(c->title);
        if (!c->publisher.empty()) html += " \xC2\xB7 " + xml_escape(c->publisher);
        html += " \xC2\xB7 data version " + xml_escape(c->version) + "</p>\n";
    }
    html += "<p>" + std::to_string(m.posters.size()) + (m.posters.size() == 1 ? " poster" : " posters") +
            (shown < m.posters.size() ? " (" + std::to_string(m.posters.size() - shown) + " not built)" : "") +
            "</p>\n</header>\n<main>\n" + cards + "</main>\n";
    html += "<footer><p>Made with pathways " + xml_escape(kVersion) +
            ". Each poster shows the date it was built; PDF is for printing, PNG for screens and slides, "
            "SVG for web pages and leaflets; the explorer is one web page that works offline (search, routes, "
            "stories); JSON and DOT carry the graph for other tools.</p></footer>\n"
            "</body>\n</html>\n";
    return html;
}

}  // namespace pathways
