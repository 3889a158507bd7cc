// Choosing a layout's shape: the grid of shapes tried, and the rule that picks one for an area.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>

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

namespace {

/// A search's trials for one rows plan stop short of this share of the target's scale.
constexpr double kNear = 0.93;

/// The largest scale a drawing of w × h gets in any of the target's areas.
double best_scale(const ShapeTarget& t, double w, double h) {
    double best = 0;
    for (const Box& a : t.areas) best = std::max(best, std::min({a.w / w, a.h / h, t.max_scale}));
    return best;
}

/// Whether a row gap of `gap` could still leave a shape within reach of the target: the quick
/// shape (gap 1) grows along its ranks by at least half of dot's extra room between them (measured:
/// between 60% and 100% of it).
bool gap_may_fit(const ShapeTarget& t, const LayoutChoice& quick, std::size_t ranks, double gap) {
    double grow = 0.5 * (gap - 1) * (quick.left_to_right ? 0.5 : 0.4) * 72 * static_cast<double>(ranks > 0 ? ranks - 1 : 0);
    double w = quick.width + (quick.left_to_right ? grow : 0), h = quick.height + (quick.left_to_right ? 0 : grow);
    return best_scale(t, w, h) >= kNear * t.min_scale;
}

/// One trial of the grid: dot's own order at four efforts, then our ordering pass at one, two and
/// three times the default room between rows.
struct Trial {
    double effort, gap;
    bool own_order;
};
Trial trial_of(int trial) {
    return {trial < 4 ? std::array{1.0, 4.0, 10.0, 30.0}[static_cast<std::size_t>(trial)] : 4.0,
            trial < 4 ? 1.0 : static_cast<double>(trial - 3), trial >= 4};
}

void debug_trial(const LayoutChoice& c, double ms) {
    if (std::getenv("PATHWAYS_DEBUG_LAYOUT"))
        std::fprintf(stderr, "layout %s rows=%d effort=%g%s%s gap=%g: %.0fx%.0f crossings=%zu %.1f ms\n",
                     c.left_to_right ? "LR" : "BT", c.rows_per_level, c.effort, c.own_order ? " own order" : "",
                     c.markers_at_destination ? " markers at destination" : "", c.row_gap, c.width, c.height,
                     c.crossings, ms);
}

LayoutChoice timed_make(const PathwayGraph& graph, const Style& style, bool ltr, int rows, Trial t, bool at_destination) {
    auto t0 = std::chrono::steady_clock::now();
    LayoutChoice c = Layout::make(graph, style, ltr, rows, t.effort, t.own_order, at_destination, t.gap).choice();
    debug_trial(c, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    return c;
}

/// The trials of one rows plan, in the grid's order. With a target, the plan's quick shape (our
/// order, default gap, markers where the full search most often puts them) is laid out first and
/// stands for the plan when it cannot come near the target; wider gaps that surely would not are skipped.
void search_plan(const PathwayGraph& graph, const Style& style, bool ltr, int rows, std::size_t ranks, std::size_t k,
                 const ShapeTarget* target, bool quick_only, std::vector<LayoutChoice>& tried) {
    std::optional<LayoutChoice> quick;
    if (target || quick_only) {
        // Plan k's quick shape: explore_quick's k-th, when the target brings them.
        quick = target && target->quick.size() > k && target->quick[k].left_to_right == ltr &&
                        target->quick[k].rows_per_level == rows
                    ? target->quick[k]
                    : timed_make(graph, style, ltr, rows, trial_of(4), true);
        if (quick_only || best_scale(*target, quick->width, quick->height) < kNear * target->min_scale) {
            tried.push_back(*quick);
            return;
        }
    }
    // Transfer markers stand at their destinations' levels (issue 17: a move up is never drawn
    // sideways or down).
    for (int trial = 0; trial < 7; ++trial) {
        if (trial > 4 && graph.roles.size() > 150) continue;  // time: dot is slow on large graphs
        Trial t = trial_of(trial);
        if (quick && trial == 4) {
            tried.push_back(*quick);
            continue;
        }
        if (quick && t.gap > 1 && !gap_may_fit(*target, *quick, ranks, t.gap)) continue;
        tried.push_back(timed_make(graph, style, ltr, rows, t, true));
    }
}

/// The grid of shapes: both directions, each distinct rows plan, every trial.
std::vector<LayoutChoice> search_shapes(const PathwayGraph& graph, const Style& style, const ShapeTarget* target,
                                        bool quick_only = false) {
    // dot's crossing minimisation is a heuristic whose result swings with its effort setting
    // (mclimit) and with the shape asked of it, so lay out a small grid of shapes once; the page
    // then picks the one that suits its drawing area.
    // A rows setting whose plan is the same as a smaller one's (small bands, or bands whose
    // within-level chains already need more rows) would give the same layouts: skipped.
    std::vector<LayoutChoice> tried;
    std::size_t k = 0;
    for (bool ltr : {false, true}) {
        std::vector<std::vector<BandRows>> plans;
        for (int rows : {1, 2, 3, 4}) {
            if (ltr && rows > 2) continue;
            auto plan = plan_rows(graph, rows).rows;
            if (std::find(plans.begin(), plans.end(), plan) != plans.end()) continue;
            std::size_t ranks = 0;
            for (const auto& band : plan) ranks += band.size();
            plans.push_back(std::move(plan));
            search_plan(graph, style, ltr, rows, ranks, k++, target, quick_only, tried);
        }
    }
    return tried;
}

}  // namespace

std::vector<LayoutChoice> Layout::explore(const PathwayGraph& graph, const Style& style) {
    return search_shapes(graph, style, nullptr);
}

std::vector<LayoutChoice> Layout::explore(const PathwayGraph& graph, const Style& style, const ShapeTarget& target) {
    return search_shapes(graph, style, &target);
}

std::vector<LayoutChoice> Layout::explore_quick(const PathwayGraph& graph, const Style& style) {
    return search_shapes(graph, style, nullptr, true);
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
