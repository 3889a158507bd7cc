// Choosing a layout's shape: the grid of shapes tried, and the rule that picks one for an area.
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>

#include "pathways/layout.hpp"
#include "rows.hpp"

namespace pathways {

namespace {

/// choose_shape's rule for layout shapes (`prefer_larger`, see layout.hpp) refined: among the
/// eligible candidates with at most one crossing more than `best`, the one printed
/// largest, then the one that leaves the most room around it (for panels): one crossing is not
/// worth a smaller or more crowded page.
template <typename Eligible>
std::size_t near_tie(const std::vector<ShapeScore>& candidates, std::size_t best, Eligible eligible) {
    const std::size_t most = candidates[best].crossings + 1;
    std::size_t pick = best;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const ShapeScore& c = candidates[i];
        const ShapeScore& p = candidates[pick];
        if (!eligible(c) || c.crossings > most) continue;
        if (c.scale > p.scale * 1.01 || (c.scale >= p.scale * 0.99 && c.fill < p.fill - 0.01)) pick = i;
    }
    return pick;
}

}  // namespace

std::size_t choose_shape(const std::vector<ShapeScore>& candidates, double min_scale, bool prefer_larger) {
    double best_scale = 0;
    for (const auto& c : candidates) best_scale = std::max(best_scale, c.scale);
    auto legible = [&](const ShapeScore& c) { return c.scale >= min_scale && c.fill >= 0.7; };
    bool any_legible = std::any_of(candidates.begin(), candidates.end(), legible);
    auto eligible = [&](const ShapeScore& c) { return any_legible ? legible(c) : c.scale >= 0.9 * best_scale; };
    std::size_t best = candidates.size();
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const ShapeScore& c = candidates[i];
        if (!eligible(c)) continue;
        if (best == candidates.size() || c.crossings < candidates[best].crossings ||
            (prefer_larger && c.crossings == candidates[best].crossings && c.scale > candidates[best].scale))
            best = i;
    }
    if (prefer_larger && best < candidates.size()) best = near_tie(candidates, best, eligible);
    if (best == candidates.size() && !candidates.empty())  // no room at all (every scale 0 or less)
        best = static_cast<std::size_t>(
            std::max_element(candidates.begin(), candidates.end(),
                             [](const ShapeScore& a, const ShapeScore& b) { return a.scale < b.scale; }) -
            candidates.begin());
    return best;
}

std::vector<LayoutChoice> Layout::explore(const PathwayGraph& graph, const Style& style) {
    // dot's crossing minimisation is a heuristic whose result swings with its effort setting
    // (mclimit) and with the shape asked of it, so lay out a small grid of shapes once; the page
    // then picks the one that suits its drawing area.
    // A rows setting whose plan is the same as a smaller one's (small bands, or bands whose
    // within-level chains already need more rows) would give the same layouts: skipped.
    std::vector<LayoutChoice> tried;
    for (bool ltr : {false, true}) {
        std::vector<std::vector<BandRows>> plans;
        for (int rows : {1, 2, 3, 4}) {
            if (ltr && rows > 2) continue;
            auto plan = plan_rows(graph, rows).rows;
            if (std::find(plans.begin(), plans.end(), plan) != plans.end()) continue;
            plans.push_back(std::move(plan));
            // dot's own order at four efforts, then our ordering pass (pathways/order.hpp) held
            // by dot with the default room between rows, and (up to 150 roles) twice and three
            // times as much (links between rows braid less with room). Transfer markers stand at
            // their destinations' levels (issue 17: a move up is never drawn sideways or down).
            for (bool at_destination : {true}) {
                for (int trial = 0; trial < 7; ++trial) {
                    if (trial > 4 && graph.roles.size() > 150) continue;  // time: dot is slow on large graphs
                    double effort = trial < 4 ? std::array{1.0, 4.0, 10.0, 30.0}[static_cast<std::size_t>(trial)] : 4.0;
                    double gap = trial < 4 ? 1.0 : static_cast<double>(trial - 3);
                    Layout l = make(graph, style, ltr, rows, effort, trial >= 4, at_destination, gap);
                    tried.push_back(l.choice_);
                    if (std::getenv("PATHWAYS_DEBUG_LAYOUT"))
                        std::fprintf(stderr, "layout %s rows=%d effort=%g%s%s gap=%g: %.0fx%.0f crossings=%zu\n",
                                     ltr ? "LR" : "BT", rows, effort, trial >= 4 ? " own order" : "",
                                     at_destination ? " markers at destination" : "", gap, l.width(), l.height(),
                                     l.choice_.crossings);
                }
            }
        }
    }
    return tried;
}

LayoutChoice Layout::pick(const std::vector<LayoutChoice>& shapes, double area_width, double area_height,
                          double min_scale, double max_scale) {
    std::vector<LayoutChoice> scored = shapes;
    std::vector<ShapeScore> scores;
    for (auto& c : scored) {
        c.scale = std::min({area_width / c.width, area_height / c.height, max_scale});
        c.fill = c.width * c.height * c.scale * c.scale / (area_width * area_height);
        scores.push_back({c.scale, c.fill, c.crossings});
    }
    return scored[choose_shape(scores, min_scale, true)];
}

Layout Layout::make(const PathwayGraph& graph, const Style& style, const LayoutChoice& choice) {
    Layout l = choice.framework ? make_framework(graph, style, choice.rows_per_level, choice.effort)  // framework.cpp
                                : make(graph, style, choice.left_to_right, choice.rows_per_level, choice.effort, choice.own_order,
                                       choice.markers_at_destination, choice.row_gap);
    l.choice_.fill = choice.fill;
    return l;
}

Layout Layout::make(const PathwayGraph& graph, const Style& style, double area_width, double area_height) {
    return make(graph, style, pick(explore(graph, style), area_width, area_height, 0));
}

}  // namespace pathways
