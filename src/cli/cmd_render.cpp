#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <vector>

#include "commands.hpp"
#include "render_target.hpp"
#include "pathways/catalogue.hpp"
#include "pathways/glyph_check.hpp"
#include "pathways/readability.hpp"
#include "render_progress.hpp"
#include "pathways/output.hpp"
#include "pathways/page_files.hpp"
#include "pathways/manifest.hpp"
#include "pathways/poster.hpp"
#include "pathways/route.hpp"

#ifndef PATHWAYS_DATA_RELATIVE
#define PATHWAYS_DATA_RELATIVE "../share/pathways"  // set by cmake/Install.cmake from the install folders
#endif

namespace pathways::cli {

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
        sub->add_option("--dpi", dpi_, "PNG resolution")->check(CLI::Range(10, 1200))->capture_default_str();
        auto* embed = sub->add_flag("--embed", embed_,
                                    "SVG for embedding in a web page or leaflet: the drawing and a compact legend, "
                                    "no page frame, scalable (a viewBox, no fixed size)");
        sub->add_option("--svg-width", svg_width_, "With --embed: a fixed width in px (default: none, the page decides)")
            ->check(CLI::Range(1.0, 100000.0))
            ->needs(embed);
        sub->add_option("--id-prefix", id_prefix_,
                        "SVG: prefix for every element id, so two SVGs can share a page (default: the output file's name)");
        sub->add_option("-o,--output", output_, "Output file ('-': standard output, with --format)")->required();
        sub->add_flag("--strict", strict_, "Treat warnings (such as characters no font draws) as errors");
        sub->add_flag("--force", force_, "Render even a catalogue too big to read on one page");
        auto* route = sub->add_option("--route", route_,
                                      "Draw the shortest routes from one role to another on the whole map (FROM TO: "
                                      "ids, names or aliases, any case) with a 'Your route' panel")
                          ->expected(2);
        route->type_name("FROM TO");
        auto* story = sub->add_option("--story", story_, "Draw one of the catalogue's career stories on the map of its jobs' settings (its id)");
        route->excludes(story);
        return sub;
    }

    int run() override {
        OutputFormat format = output_format();
        Diagnostics diags;
        auto catalogue = load_catalogue(catalogue_, diags);
        auto style = load_style(style_.empty() ? default_style() : style_, diags);
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
        std::string paper = page_.empty() ? style->page : page_;
        if (catalogue->roles.size() > role_limit(paper) && !force_) {
            std::cerr << catalogue_ << ": error: " << catalogue->roles.size() << " roles are too many for one readable "
                      << paper << " poster (at most about " << role_limit(paper)
                      << "): draw a view or a series of posters with `pathways build`, or use a bigger --page "
                         "(--force renders it anyway)\n";
            return kInvalidInput;
        }
        PosterOptions options;
        options.page = page_;
        if (portrait_) options.landscape = false;
        if (landscape_) options.landscape = true;
        std::optional<View> view = focus_view(*catalogue);
        if (!view) return kInvalidInput;
        options.title = view_title(*view, *catalogue);
        PathwayGraph graph = select(*catalogue, *view);
        std::optional<Poster> composed;
        {
            RenderProgress progress("laying out " + std::to_string(graph.roles.size()) + " roles");
            composed = compose_poster(graph, *style, options);
        }
        const Poster& poster = *composed;
        if (!readable(poster, graph, *style, diags, shown)) return kInvalidInput;
        if (format == OutputFormat::Png)
            if (auto problem = png_size_problem(poster.width, poster.height, dpi_)) throw PageError(*problem);
        std::string bytes = render_output(poster, graph, *style, format, output_settings());
        if (to_stdout_) {
            std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            std::cout.flush();
            if (!std::cout) throw OutputError("cannot write to standard output");
        } else {
            write_file_atomically(output_, bytes);
        }
        report(poster, graph);
        return kOk;
    }

private:
    /// The view asked for: the whole catalogue, a route (--route) or a story (--story); nothing
    /// after saying why when a role, route or story is not there.
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

    /// The poster's title: the catalogue's, or what the route or story shows.
    static std::string view_title(const View& view, const Catalogue& c) {
        if (view.kind == View::Kind::Route) return "Your route: " + lower_from(describe_view(view, c));
        if (view.kind == View::Kind::Story) return describe_view(view, c);
        return {};
    }

    static std::string lower_from(std::string s) {
        if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
        return s;
    }

    /// Hardening (#15): warns about text under the page's floor and settings sharing a colour
    /// (printing the diagnostics after the first `shown`); false when that fails under --strict.
    bool readable(const Poster& poster, const PathwayGraph& graph, const Style& style, Diagnostics& diags,
                  std::size_t shown) const {
        check_readability(poster, graph, style, diags, strict_);
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
        if (embed_) return OutputFormat::EmbedSvg;
        if (target.format == "html") return OutputFormat::Html;
        return target.format == "pdf" ? OutputFormat::Pdf : target.format == "png" ? OutputFormat::Png : OutputFormat::Svg;
    }

    OutputSettings output_settings() const {
        OutputSettings o;
        o.dpi = dpi_;
        o.svg_width = svg_width_;
        // Default prefix: the output's name without extensions ("ncl-primary-care.embed.svg" -> "ncl-primary-care"),
        // or the catalogue's when writing to standard output.
        o.id_prefix = id_prefix_;
        if (o.id_prefix.empty()) {
            o.id_prefix = std::filesystem::path(output_ == "-" ? catalogue_ : output_).filename().string();
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
                     to_stdout_ ? "standard output" : output_.c_str(), poster.paper.c_str(), poster.landscape ? "landscape" : "portrait",
                     graph.roles.size(), graph.roles.size() == 1 ? "" : "s", graph.links.size(),
                     graph.links.size() == 1 ? "" : "s", c.left_to_right ? "left to right" : "bottom to top",
                     c.rows_per_level, c.crossings, c.crossings == 1 ? "" : "s", poster.fill_ratio() * 100,
                     poster.smallest_text());
    }

    /// styles/nhs.yaml in the current folder, else in the folder above the program's (a build tree
    /// inside a checkout: build/pathways finds styles/), else in the installed data folder beside
    /// the program's (bin/pathways finds share/pathways/styles/, wherever the tree was installed or
    /// copied), else in the program's own folder.
    static std::string default_style() {
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

    std::string catalogue_, style_, page_, format_, output_;
    std::vector<std::string> route_;
    std::string story_;
    std::string id_prefix_;
    bool to_stdout_ = false;
    bool portrait_ = false, landscape_ = false, embed_ = false;
    bool strict_ = false, force_ = false;
    double svg_width_ = 0;
    double dpi_ = 150;
};

std::unique_ptr<Command> make_render() { return std::make_unique<RenderCommand>(); }

}  // namespace pathways::cli
