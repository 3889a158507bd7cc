#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <vector>

#include "commands.hpp"
#include "render_target.hpp"
#include "pathways/back_page.hpp"
#include "pathways/catalogue.hpp"
#include "pathways/glyph_check.hpp"
#include "pathways/readability.hpp"
#include "render_progress.hpp"
#include "pathways/output.hpp"
#include "pathways/page_files.hpp"
#include "pathways/manifest.hpp"
#include "pathways/poster.hpp"
#include "pathways/route.hpp"
#include "pathways/view_option.hpp"
#include "pathways/series_poster.hpp"

#ifndef PATHWAYS_DATA_RELATIVE
#define PATHWAYS_DATA_RELATIVE "../share/pathways"  // set by cmake/Install.cmake from the install folders
#endif

namespace pathways::cli {

/// styles/nhs.yaml in the current folder, else in the folder above the program's (a build tree
/// inside a checkout: build/pathways finds styles/), else in the installed data folder beside
/// the program's (bin/pathways finds share/pathways/styles/, wherever the tree was installed or
/// copied), else in the program's own folder.
std::string default_style_path() {
    const std::filesystem::path relative = "styles/nhs.yaml";
    std::error_code ec;
    std::vector<std::filesystem::path> places{relative};
    std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        places.push_back(exe.parent_path().parent_path() / relative);
        places.push_back(exe.parent_path() / PATHWAYS_DATA_RELATIVE / relative);
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
        auto* sub = app.add_subcommand("render", "Render one catalogue as a poster (PDF, SVG or PNG) or an explorer page (HTML)");
        sub->add_option("catalogue", catalogue_, "Catalogue YAML file")->required();
        sub->add_option("--style", style_,
                        "Style YAML file (default: styles/nhs.yaml, here or beside the program's folder)");
        sub->add_option("--page", page_, "Paper size: A0, A1, A2, A3 or A4 (default: the style's)")
            ->transform(CLI::IsMember({"A0", "A1", "A2", "A3", "A4"}, CLI::ignore_case));
        auto* portrait = sub->add_flag("--portrait", portrait_, "Portrait page");
        auto* landscape = sub->add_flag("--landscape", landscape_, "Landscape page");
        portrait->excludes(landscape);
        sub->add_option("--format", format_,
                        "pdf, svg, png, or html (the explorer: one offline web page) (default: from the extension "
                        "of OUT; needed with -o -)")
            ->transform(CLI::IsMember({"pdf", "svg", "png", "html"}, CLI::ignore_case));
        sub->add_option("--layout", layout_,
                        "pathway (the graph in career-level bands), framework (the career-framework grid: a column "
                        "per level, a lane per setting or family) or auto (whichever is legible with fewer crossings)")
            ->transform(CLI::IsMember({"pathway", "framework", "auto"}))
            ->capture_default_str();
        sub->add_option("--dpi", dpi_, "PNG resolution")->check(CLI::Range(10, 1200))->capture_default_str();
        auto* embed = sub->add_flag("--embed", embed_,
                                    "SVG for embedding in a web page or leaflet: the drawing and a compact legend, "
                                    "no page frame, scalable (a viewBox, no fixed size)");
        sub->add_option("--svg-width", svg_width_, "With --embed: a fixed width in px, and the column its role names must show at 11 px or more in (default: none, the page decides; the floor is checked at 420 px)")
            ->check(CLI::Range(1.0, 100000.0))
            ->needs(embed);
        sub->add_option("--id-prefix", id_prefix_,
                        "SVG: prefix for every element id, so two SVGs can share a page (default: the output file's name)");
        sub->add_option("-o,--output", output_, "Output file ('-': standard output, with --format)")->required();
        sub->add_flag("--strict", strict_, "Treat warnings (such as characters no font draws) as errors");
        sub->add_flag("--force", force_, "With --series off: render even a catalogue too big to read on one page");
        sub->add_option("--series", series_,
                        "auto: a view too big to read on one page becomes a series of sheets with an overview; "
                        "off: one page, even with text under the legibility floor (default: auto)")
            ->transform(CLI::IsMember({"auto", "off"}, CLI::ignore_case));
        sub->add_flag("--back", back_,
                      "Also make the back page (panels the front has no room for, an index of roles with aliases, "
                      "pay bands and grid references, the glossary): the PDF's second page, or OUT-back.svg / "
                      "OUT-back.png beside OUT");
        auto* route = sub->add_option("--route", route_,
                                      "Draw the shortest routes from one role to another on the whole map (FROM TO: "
                                      "ids, names or aliases, any case) with a 'Your route' panel")
                          ->expected(2);
        route->type_name("FROM TO");
        auto* story = sub->add_option("--story", story_, "Draw one of the catalogue's career stories (its id) on the whole map, the rest faded, with numbered steps and a trail");
        route->excludes(story);
        auto* view = sub->add_option("--view", view_,
                                     "Only part of the catalogue, written as a manifest view: all, '{settings: [ID...]}', "
                                     "'{levels: [ID...]}' or '{reachable_from: ROLE}'");
        view->excludes(route)->excludes(story);
        sub->add_option("--bleed", bleed_mm_,
                        "PDF for a print shop: MM of bleed around the trimmed page (background runs into it; "
                        "TrimBox and BleedBox are set)")
            ->check(CLI::Range(0.0, 20.0));
        sub->add_flag("--marks", marks_,
                      "PDF for a print shop: crop marks and a slug line outside the bleed (bleed 3 mm unless --bleed)");
        sub->add_option("--tile", tile_,
                        "PDF split across A4 or A3 pages at 100 % with 10 mm overlap and alignment marks, to tape together")
            ->check(CLI::IsMember({"A4", "A3"}));
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
        // Hardening (#15): text that would print as boxes, and other warnings, are shown; --strict fails.
        // (The catalogue's own warnings are `check`'s to show; these are about the printed poster.)
        std::size_t shown = diags.all().size();
        check_glyphs(*catalogue, style->font, diags, strict_);
        check_names(*catalogue, diags, strict_);
        if (!show_from(diags, shown)) return kInvalidInput;
        shown = diags.all().size();
        std::optional<View> view = chosen_view(*catalogue, diags);
        if (!view) return kInvalidInput;
        PathwayGraph graph = select(*catalogue, *view);
        std::string paper = page_.empty() ? style->page : page_;
        if (series_ == "off" && graph.roles.size() > role_limit(paper) && !force_) {
            std::cerr << catalogue_ << ": error: " << graph.roles.size() << " roles are too many for one readable "
                      << paper << " poster (at most about " << role_limit(paper)
                      << "): leave out --series off to print it as a series of sheets, draw a view or a series of posters "
                         "with `pathways build`, or use a bigger --page "
                         "(--force renders it anyway)\n";
            return kInvalidInput;
        }
        PosterOptions options;
        options.page = page_;
        if (portrait_) options.landscape = false;
        if (landscape_) options.landscape = true;
        options.layout = layout_mode(layout_).value_or(LayoutMode::Auto);
        options.title = view_title(*view, *catalogue);
        options.subtitle = view_subtitle(*view, *catalogue);
        std::optional<PosterSeries> composed;
        {
            RenderProgress progress("laying out " + std::to_string(graph.roles.size()) + " roles");
            composed = compose_series(graph, *style, options, series_ == "off" ? SeriesMode::Off : SeriesMode::Auto);
        }
        const PosterSeries& series = *composed;
        // A series is checked once, on its page with the smallest role names.
        const Poster* smallest = &series.pages.front();
        for (const auto& page : series.pages)
            if (page.role_text_size < smallest->role_text_size) smallest = &page;
        PosterPages pages = other_pages(series, graph, *style, format);
        if (!readable(*smallest, graph, *style, diags, shown, pages)) return kInvalidInput;
        if (series.split() && to_stdout_ && (format == OutputFormat::Svg || format == OutputFormat::Png ||
                                            format == OutputFormat::EmbedSvg))
            throw UsageError("this catalogue is a series of " + std::to_string(series.plan.sheets.size()) +
                             " sheets, written as one " + format_name(format) +
                             " file each: name a file with -o (or write a PDF, one page a sheet)");
        if (format == OutputFormat::Png)
            for (const auto& page : series.pages)
                if (auto problem = png_size_problem(page.width, page.height, dpi_)) throw PageError(*problem);
        write_series(series, graph, *style, format, pages);
        if (series.split()) report_series(series);
        else report(series.pages.front(), graph);
        return kOk;
    }

private:
    /// The view asked for: the whole catalogue, a manifest view (--view), a route (--route) or a
    /// story (--story); nothing after saying why when it names what is not there.
    std::optional<View> chosen_view(const Catalogue& c, Diagnostics& diags) const {
        if (view_.empty()) return focus_view(c);
        auto view = parse_view_option(view_, c, diags);
        if (!view) diags.print_errors(std::cerr);
        return view;
    }

    /// The whole catalogue, a route (--route) or a story (--story).
    std::optional<View> focus_view(const Catalogue& c) const {
        View view;
        if (route_.size() == 2) {
            const Role* from = lookup_role(c, route_[0], "--route FROM");
            const Role* to = lookup_role(c, route_[1], "--route TO");
            if (!from || !to) return std::nullopt;
            if (from == to) {
                std::cerr << "pathways: error: --route: '" << route_[0] << "' and '" << route_[1]
                          << "' are the same role (" << from->name << "); give two different roles\n";
                return std::nullopt;
            }
            if (!find_routes(c, *from, *to).found()) {
                std::cerr << route_report(c, *from, *to, {}, find_routes(c, *from, *to), RouteFormat::Text);
                return std::nullopt;
            }
            view.kind = View::Kind::Route;
            view.ids = {from->id, to->id};
        } else if (!story_.empty()) {
            if (!find_story(c, story_)) {
                std::vector<std::string> ids;
                for (const auto& s : c.stories) ids.push_back(s.id);
                std::cerr << "pathways: error: --story: no story '" << story_ << "' in " << c.file
                          << (ids.empty() ? " (it has no stories)" : did_you_mean(story_, ids)) << "\n";
                return std::nullopt;
            }
            view.kind = View::Kind::Story;
            view.ids = {story_};
        }
        return view;
    }

    /// Issue 17: the poster's other pages: its back (with --back), its embeddable layout (--embed).
    /// A series has neither: each sheet carries its own index and is drawn at its page's size.
    struct PosterPages {
        std::optional<Poster> back, embed;  // embed: the embeddable SVG's own layout, when the page's is too wide
        bool embeds = false;
        std::vector<const Poster*> sheets;  // a series' pages, overview first (each checked against its floor)
    };
    PosterPages other_pages(const PosterSeries& series, const PathwayGraph& graph, const Style& style,
                            OutputFormat format) const {
        PosterPages pages;
        for (const auto& page : series.pages)
            if (series.split()) pages.sheets.push_back(&page);
        if (series.split()) return pages;
        const Poster& poster = series.pages.front();
        if (back_ && (format == OutputFormat::Svg || format == OutputFormat::Png) && to_stdout_)
            throw UsageError("--back writes OUT-back." + std::string(format_name(format)) +
                             " beside OUT: give a file with -o, not standard output");
        if (back_ && format != OutputFormat::Html && format != OutputFormat::EmbedSvg)
            pages.back = compose_back(poster, graph, style);
        if (format == OutputFormat::EmbedSvg) {
            pages.embeds = true;
            pages.embed = embed_poster(poster, graph, style, svg_width_);
        }
        return pages;
    }

    /// Hardening (#15): warns about text under the page's floor and settings sharing a colour
    /// (printing the diagnostics after the first `shown`); false when that fails under --strict.
    /// Issue 17: and what the front left off, text under the floor on any page, the embed's column.
    bool readable(const Poster& poster, const PathwayGraph& graph, const Style& style, Diagnostics& diags,
                  std::size_t shown, const PosterPages& pages) const {
        check_readability(poster, graph, style, diags, strict_);
        const Poster* back = pages.back ? &*pages.back : nullptr;
        for (const auto& w : left_off_warnings(poster, back, "use --back"))
            strict_ ? diags.error({graph.catalogue->file, 0, 0}, w) : diags.warning({graph.catalogue->file, 0, 0}, w);
        if (!pages.embeds && pages.sheets.empty()) check_page_floor(poster, "front", diags, strict_);
        for (std::size_t i = 0; i < pages.sheets.size(); ++i)
            check_page_floor(*pages.sheets[i], i == 0 ? "overview" : "sheet " + std::to_string(i), diags, strict_);
        if (back) check_page_floor(*back, "back page", diags, strict_);
        if (pages.embeds) check_embed_floor(pages.embed ? *pages.embed : poster, style, svg_width_, diags, strict_);
        return show_from(diags, shown);
    }

    /// Prints the diagnostics after the first `from`; false if one is an error.
    static bool show_from(const Diagnostics& diags, std::size_t from) {
        bool ok = true;
        for (std::size_t i = from; i < diags.all().size(); ++i) {
            std::cerr << format(diags.all()[i]) << '\n';
            ok = ok && diags.all()[i].severity != Severity::Error;
        }
        return ok;
    }

    /// The format asked for, or told by OUT's extension (see resolve_render_target); notes `-o -`.
    OutputFormat output_format() {
        auto resolved = resolve_render_target(output_, format_);
        if (auto* error = std::get_if<std::string>(&resolved)) throw UsageError(*error);
        const RenderTarget target = std::get<RenderTarget>(resolved);
        to_stdout_ = target.to_stdout;
        if (embed_ && target.format != "svg") throw UsageError("--embed writes SVG, not " + target.format);
        if (!tile_.empty() && (bleed_mm_ > 0 || marks_)) throw UsageError("--tile prints on office pages: no --bleed or --marks");
        if ((bleed_mm_ > 0 || marks_ || !tile_.empty()) && (embed_ || target.format != "pdf"))
            throw UsageError("--bleed, --marks and --tile are for PDF output, not " + target.format);
        if (embed_) return OutputFormat::EmbedSvg;
        if (target.format == "html") return OutputFormat::Html;
        return target.format == "pdf" ? OutputFormat::Pdf : target.format == "png" ? OutputFormat::Png : OutputFormat::Svg;
    }

    OutputSettings output_settings() const {
        OutputSettings o;
        o.dpi = dpi_;
        o.svg_width = svg_width_;
        o.print.bleed_mm = bleed_mm_;
        o.print.marks = marks_;
        o.print.tile = tile_;
        // Default prefix: the output's name without extensions ("ncl-primary-care.embed.svg" -> "ncl-primary-care"),
        // or the catalogue's when writing to standard output.
        o.id_prefix = id_prefix_;
        if (o.id_prefix.empty()) {
            o.id_prefix = std::filesystem::path(output_ == "-" ? catalogue_ : output_).filename().string();
            o.id_prefix = o.id_prefix.substr(0, o.id_prefix.find('.'));
        }
        return o;
    }

    /// Writes the poster, or every file of a series (OUT, then OUT-sheet-N beside it for SVG and PNG).
    void write_series(const PosterSeries& series, const PathwayGraph& graph, const Style& style, OutputFormat format,
                      const PosterPages& pages) const {
        std::filesystem::path out = output_;
        std::string stem = out.stem().string(), ext = out.extension().string();
        if (format == OutputFormat::EmbedSvg && stem.size() > 6 && stem.ends_with(".embed")) stem.resize(stem.size() - 6);
        OutputSettings settings = output_settings();
        settings.back = pages.back ? &*pages.back : nullptr;
        settings.embed = pages.embed ? &*pages.embed : nullptr;
        auto files = render_series_output(series, graph, style, format, settings, stem);
        if (to_stdout_) {
            const std::string& bytes = files.front().bytes;
            std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            std::cout.flush();
            if (!std::cout) throw OutputError("cannot write to standard output");
            return;
        }
        write_file_atomically(output_, files.front().bytes);
        for (std::size_t i = 1; i < files.size(); ++i) {
            std::string name = files[i].name.substr(0, files[i].name.size() - std::strlen(format_suffix(format))) + ext;
            write_file_atomically((out.parent_path() / name).string(), files[i].bytes);
        }
    }

    /// A series: how many sheets and why, and each page's smallest text.
    void report_series(const PosterSeries& series) const {
        const PathwayGraph& g = *series.plan.graph;
        std::fprintf(stderr, "wrote %s: %s %s, %zu roles, %zu links, as %s\n",
                     to_stdout_ ? "standard output" : output_.c_str(), series.pages[0].paper.c_str(),
                     series.pages[0].landscape ? "landscape" : "portrait", g.roles.size(), g.links.size(),
                     describe_series(series).c_str());
        for (std::size_t i = 0; i < series.pages.size(); ++i) {
            const Poster& p = series.pages[i];
            std::string what = i == 0 ? std::string("overview") : "sheet " + std::to_string(i);
            std::fprintf(stderr, "  %s: %zu role%s, %zu crossing%s, smallest text %.1f pt, role names %.1f pt\n", what.c_str(),
                         i == 0 ? series.plan.graph->roles.size() : series.graphs[i - 1].roles.size(),
                         (i == 0 ? series.plan.graph->roles.size() : series.graphs[i - 1].roles.size()) == 1 ? "" : "s",
                         p.layout.choice().crossings, p.layout.choice().crossings == 1 ? "" : "s", p.smallest_text(),
                         p.role_text_size);
        }
    }

    /// One line saying what was written and what it measured.
    void report(const Poster& poster, const PathwayGraph& graph) const {
        const LayoutChoice& c = poster.layout.choice();
        char shape[96];
        if (c.framework)
            std::snprintf(shape, sizeof shape, "career framework, %zu lane%s, %d column(s) per level", c.lanes,
                          c.lanes == 1 ? "" : "s", c.rows_per_level);
        else
            std::snprintf(shape, sizeof shape, "%s, %d row(s) per level", c.left_to_right ? "left to right" : "bottom to top",
                          c.rows_per_level);
        std::fprintf(stderr,
                     "wrote %s: %s %s, %zu role%s, %zu link%s, %s, %zu crossing%s, "
                     "drawing fills %.0f%% of its area, smallest text %.1f pt\n",
                     to_stdout_ ? "standard output" : output_.c_str(), poster.paper.c_str(), poster.landscape ? "landscape" : "portrait",
                     graph.roles.size(), graph.roles.size() == 1 ? "" : "s", graph.links.size(),
                     graph.links.size() == 1 ? "" : "s", shape, c.crossings, c.crossings == 1 ? "" : "s", poster.fill_ratio() * 100,
                     poster.smallest_text());
    }


    std::string catalogue_, style_, page_, format_, output_;
    std::vector<std::string> route_;
    std::string story_;
    std::string view_;  // --view, as a manifest writes it
    std::string series_ = "auto";
    std::string id_prefix_;
    std::string layout_ = "auto";  // --layout
    bool to_stdout_ = false;
    bool portrait_ = false, landscape_ = false, embed_ = false;
    bool strict_ = false, force_ = false, back_ = false;
    double svg_width_ = 0;
    double dpi_ = 150;
    double bleed_mm_ = 0;
    bool marks_ = false;
    std::string tile_;
};

std::unique_ptr<Command> make_render() { return std::make_unique<RenderCommand>(); }

}  // namespace pathways::cli
