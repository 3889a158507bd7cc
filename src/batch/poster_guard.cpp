// `build`'s readability guard (#15): the checks `render` makes on its one poster, made on each
// poster of a manifest, so that a build cannot quietly write a poster nobody can read.
#include "pathways/poster_guard.hpp"

#include <iostream>
#include <set>

#include "pathways/glyph_check.hpp"
#include "pathways/readability.hpp"

namespace pathways {

namespace {

/// The catalogue cut down to the roles the poster shows (for the checks of printed text).
Catalogue shown_part(const PathwayGraph& graph) {
    Catalogue shown = *graph.catalogue;
    std::set<std::string> ids;
    for (const Role* r : graph.roles) ids.insert(r->id);
    std::erase_if(shown.roles, [&](const Role& r) { return !ids.count(r.id); });
    return shown;
}

/// The checks `render` makes on a composed page: text under the page's floor, settings sharing a
/// colour, and under --strict names cut or broken to fit and characters no font draws.
void check_page(const Poster& poster, const PathwayGraph& graph, const Style& style, const ReadabilityPolicy& policy) {
    Diagnostics diags;
    check_readability(poster, graph, style, diags, policy.strict);
    if (policy.strict) {  // without --strict, `build` shows these once per catalogue, not per poster
        Catalogue shown = shown_part(graph);
        check_names(shown, diags, true);
        check_glyphs(shown, style.font, diags, true);
    }
    report_readability(diags);
}

}  // namespace

void report_readability(const Diagnostics& diags) {
    if (diags.has_errors()) {
        std::string why = "its text would not be readable (--strict):";
        for (const auto& d : diags.all()) why += "\n" + format(d);
        throw UnreadablePoster(why);
    }
    for (const auto& d : diags.all()) std::cerr << format(d) << '\n';
}

PosterSeries compose_guarded_series(const PathwayGraph& graph, const Style& style, const PosterOptions& options,
                                    SeriesMode mode, const ReadabilityPolicy& policy) {
    const std::string paper = options.page.empty() ? style.page : options.page;
    if (mode == SeriesMode::Off && graph.roles.size() > role_limit(paper) && !policy.crowded)
        throw UnreadablePoster(std::to_string(graph.roles.size()) + " roles are too many for one readable " + paper +
                               " poster (at most about " + std::to_string(role_limit(paper)) +
                               "): leave out 'series: off' to print it as a series of sheets, split it into posters "
                               "of views in the manifest, or give it a bigger 'page' (--allow-crowded builds it anyway)");
    PosterSeries series = compose_series(graph, style, options, mode);
    if (!series.split()) check_page(series.pages.front(), graph, style, policy);
    for (std::size_t i = 0; series.split() && i < series.graphs.size(); ++i)
        check_page(series.pages[i + 1], series.graphs[i], style, policy);  // pages[0] is the overview
    return series;
}

}  // namespace pathways
