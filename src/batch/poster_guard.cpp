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

}  // namespace

Poster compose_guarded_poster(const PathwayGraph& graph, const Style& style, const PosterOptions& options,
                              const ReadabilityPolicy& policy) {
    const std::string paper = options.page.empty() ? style.page : options.page;
    if (graph.roles.size() > role_limit(paper) && !policy.crowded)
        throw UnreadablePoster(std::to_string(graph.roles.size()) + " roles are too many for one readable " + paper +
                               " poster (at most about " + std::to_string(role_limit(paper)) +
                               "): split it into posters of views in the manifest, or give it a bigger 'page' "
                               "(--allow-crowded builds it anyway)");
    Poster poster = compose_poster(graph, style, options);

    Diagnostics diags;
    check_readability(poster, graph, style, diags, policy.strict);
    if (policy.strict) {  // without --strict, `build` shows these once per catalogue, not per poster
        Catalogue shown = shown_part(graph);
        check_names(shown, diags, true);
        check_glyphs(shown, style.font, diags, true);
    }
    if (diags.has_errors()) {
        std::string why = "its text would not be readable (--strict):";
        for (const auto& d : diags.all()) why += "\n" + format(d);
        throw UnreadablePoster(why);
    }
    for (const auto& d : diags.all()) std::cerr << format(d) << '\n';
    return poster;
}

}  // namespace pathways
