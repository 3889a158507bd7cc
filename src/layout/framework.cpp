// The career-framework layout: one column per career level, one lane (row) per setting or family,
// still laid out by dot in-process (see LaneGrid in framework.hpp for how the grid is held).
#include "framework.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "pathways/look.hpp"

namespace pathways {

const char* to_string(LayoutMode mode) {
    switch (mode) {
        case LayoutMode::Pathway: return "pathway";
        case LayoutMode::Framework: return "framework";
        case LayoutMode::Auto: break;
    }
    return "auto";
}

std::optional<LayoutMode> layout_mode(std::string_view word) {
    for (LayoutMode m : {LayoutMode::Pathway, LayoutMode::Framework, LayoutMode::Auto})
        if (word == to_string(m)) return m;
    return std::nullopt;
}

namespace {

/// The cells of one level: per lane, the level's nodes in catalogue order.
std::vector<std::vector<std::string>> cells_of(const PathwayGraph& pg, const RowPlan& plan, const LaneAssignment& lanes,
                                               const Level& level) {
    std::vector<std::vector<std::string>> cells(lanes.lanes.size());
    for (const Role* r : pg.roles)
        for (const auto& n : plan.nodes_of.at(r))
            if (plan.node_level.at(n) == level.id) cells[lanes.lane_of(*r)].push_back(n);
    return cells;
}

}  // namespace

RowPlan plan_framework(const PathwayGraph& graph, int columns) {
    RowPlan plan = plan_rows(graph, 1);  // one node per role per level; the rows are redone below
    const LaneAssignment lanes = assign_lanes(*graph.catalogue);
    for (std::size_t li = 0; li < graph.levels.size(); ++li) {
        auto cells = cells_of(graph, plan, lanes, *graph.levels[li]);
        std::size_t fullest = 1;
        for (const auto& cell : cells) fullest = std::max(fullest, cell.size());
        std::size_t m = std::min(fullest, static_cast<std::size_t>(std::max(columns, 1)));
        BandRows ranks(m);
        for (const auto& cell : cells)
            for (std::size_t i = 0; i < cell.size(); ++i) ranks[i % m].push_back(cell[i]);
        plan.rows[li] = std::move(ranks);
    }
    return plan;
}

LaneGrid::LaneGrid(const PathwayGraph& graph, const Style& style, const RowPlan& plan)
    : pg_(graph), style_(style), plan_(plan), assignment_(assign_lanes(*graph.catalogue)) {
    std::vector<bool> used(assignment_.lanes.size(), false);
    for (const Role* r : pg_.roles) used[assignment_.lane_of(*r)] = true;
    for (std::size_t k = 0; k < used.size(); ++k)
        if (used[k]) row_of_lane_[k] = shown_.size(), shown_.push_back(k);
}

std::vector<std::string> LaneGrid::other_lanes(const Role& role) const {
    std::vector<std::string> names;
    for (std::size_t k : assignment_.other_lanes(role)) names.push_back(assignment_.lanes[k].name);
    return names;
}

Agnode_t* LaneGrid::node(Agraph_t* g, Agraph_t* band, Agraph_t* same, const std::string& name) {
    std::string n = name;
    Agnode_t* v = agnode(band ? band : g, n.data(), 1);
    agsubnode(same, v, 1);
    set_attr(v, "shape", "point");
    set_attr(v, "style", "invis");
    set_attr(v, "width", "0.01");
    set_attr(v, "height", "0.01");
    set_attr(v, "label", "");
    return v;
}

/// An invisible same-rank edge: dot keeps `a` before (above) `b`.
void LaneGrid::order(Agraph_t* g, Agnode_t* a, Agnode_t* b) {
    Agedge_t* e = agedge(g, a, b, nullptr, 1);
    set_attr(e, "style", "invis");
}

void LaneGrid::add(Agraph_t* g, const std::vector<GridRank>& ranks) {
    const std::size_t lanes = shown_.size();
    std::map<std::string, const Role*> role_of;
    for (const auto& [r, ns] : plan_.nodes_of)
        for (const auto& n : ns) role_of[n] = r;
    // A rank at each end (the lanes' rules run from one to the other), the lane names, the levels.
    auto add_rank = [&](Agraph_t* band, Agraph_t* same, const std::string& tag) {
        std::vector<Agnode_t*> b;
        for (std::size_t k = 0; k <= lanes; ++k) b.push_back(node(g, band, same, "lane-edge-" + tag + "-" + std::to_string(k)));
        boundaries_.push_back(b);
        return b;
    };
    auto plain_rank = [&](const char* name) {
        std::string n = name;
        Agraph_t* same = agsubg(g, n.data(), 1);
        set_attr(same, "rank", "same");
        return same;
    };
    auto start = add_rank(nullptr, plain_rank("rank_lane_start"), "start");
    for (std::size_t k = 0; k < lanes; ++k) order(g, start[k], start[k + 1]);
    Agraph_t* label_rank = plain_rank("rank_lane_labels");
    auto b = add_rank(nullptr, label_rank, "labels");
    for (std::size_t k = 0; k < lanes; ++k) {
        const Lane& lane = assignment_.lanes[shown_[k]];
        std::string name = "lane-" + lane.id, text;
        for (const auto& line : wrap_words(lane.name, 16)) text += (text.empty() ? "" : "\n") + escape_label(line);
        Agnode_t* v = agnode(g, name.data(), 1);
        agsubnode(label_rank, v, 1);
        set_attr(v, "shape", "plaintext");
        set_attr(v, "label", text);
        set_attr(v, "fontname", style_.font + " Bold");
        set_attr(v, "fontsize", std::to_string(style_.band_size));
        set_attr(v, "fontcolor", style_.band_label.hex());
        set_attr(v, "id", "lane-" + lane.id);
        labels_.push_back(v);
        order(g, b[k], v);
        order(g, v, b[k + 1]);
    }
    column_nodes_.assign(pg_.levels.size(), {});
    for (std::size_t r = 0; r < ranks.size(); ++r) {
        auto edges = add_rank(ranks[r].band, ranks[r].same, std::to_string(r));
        if (r == 0 || ranks[r].level != ranks[r - 1].level) order(g, level_head(g, ranks[r]), edges.front());
        std::vector<bool> filled(lanes, false);
        for (const auto& n : ranks[r].nodes) {
            auto it = role_of.find(n);
            if (it == role_of.end()) continue;
            std::size_t k = row_of_lane_.at(assignment_.lane_of(*it->second));
            Agnode_t* v = agnode(g, const_cast<char*>(n.c_str()), 0);
            column_nodes_[ranks[r].level].push_back(v);
            order(g, edges[k], v);
            order(g, v, edges[k + 1]);
            filled[k] = true;
        }
        for (std::size_t k = 0; k < lanes; ++k)
            if (!filled[k]) order(g, edges[k], edges[k + 1]);
    }
    auto end = add_rank(nullptr, plain_rank("rank_lane_end"), "end");
    for (std::size_t k = 0; k < lanes; ++k) order(g, end[k], end[k + 1]);
    add_rules(g);
}

/// Room above the first lane of a level's first rank for the level's name (the column's heading,
/// drawn with the column by the poster's writers).
Agnode_t* LaneGrid::level_head(Agraph_t* g, const GridRank& rank) {
    const Level& level = *pg_.levels[rank.level];
    std::string text;
    for (const auto& line : column_heading(level)) text += escape_label(line) + "\\l";
    Agnode_t* v = node(g, rank.band, rank.same, "level-" + level.id);
    set_attr(v, "shape", "plaintext");
    set_attr(v, "label", text);
    set_attr(v, "width", "0");
    set_attr(v, "height", "0");
    set_attr(v, "margin", "0.05,0.04");
    set_attr(v, "fontname", style_.font + " Bold");
    set_attr(v, "fontsize", std::to_string(style_.band_size));
    column_nodes_[rank.level].push_back(v);
    return v;
}

/// Each boundary runs straight from the first rank to the last (weight keeps it straight); the
/// ones between two lanes are drawn: the lanes' rules.
void LaneGrid::add_rules(Agraph_t* g) {
    const LinkLook look = lane_rule_look(style_);
    const std::size_t lanes = shown_.size();
    for (std::size_t r = 1; r < boundaries_.size(); ++r)
        for (std::size_t k = 0; k <= lanes; ++k) {
            Agedge_t* e = agedge(g, boundaries_[r - 1][k], boundaries_[r][k], nullptr, 1);
            set_attr(e, "weight", "1000");
            set_attr(e, "dir", "none");
            if (k == 0 || k == lanes) {
                set_attr(e, "style", "invis");
                continue;
            }
            set_attr(e, "color", look.colour.hex());
            set_attr(e, "penwidth", std::to_string(look.width));
        }
}

bool Layout::grid_holds() const {
    for (const auto& r : roles_) {
        auto lane = std::find_if(lanes_.begin(), lanes_.end(), [&](const PlacedLane& l) { return l.lane.id == r.lane; });
        if (lane == lanes_.end() || r.box.y < lane->box.y - 1 || r.box.y + r.box.h > lane->box.y + lane->box.h + 1)
            return false;
    }
    return true;
}

std::vector<LayoutChoice> Layout::explore(const PathwayGraph& graph, const Style& style, LayoutMode mode) {
    const LaneAssignment lanes = assign_lanes(*graph.catalogue);
    std::set<std::size_t> used;
    for (const Role* r : graph.roles) used.insert(lanes.lane_of(*r));
    bool one_lane = used.size() < 2;
    if (mode == LayoutMode::Pathway || (mode == LayoutMode::Auto && (graph.focus.active() || one_lane)))
        return explore(graph, style);
    std::vector<LayoutChoice> tried;
    if (mode == LayoutMode::Auto) tried = explore(graph, style);
    std::vector<std::vector<BandRows>> plans;
    for (int columns : {1, 2, 3, 4}) {
        auto plan = plan_framework(graph, columns).rows;
        if (std::find(plans.begin(), plans.end(), plan) != plans.end()) continue;
        plans.push_back(std::move(plan));
        for (double effort : {1.0, 4.0}) {
            Layout l = make_framework(graph, style, columns, effort);
            if (l.grid_holds() || columns == 1) tried.push_back(l.choice_);
            if (std::getenv("PATHWAYS_DEBUG_LAYOUT"))
                std::fprintf(stderr, "layout framework columns=%d effort=%g: %.0fx%.0f crossings=%zu\n", columns,
                             effort, l.width(), l.height(), l.choice_.crossings);
        }
    }
    return tried;
}

}  // namespace pathways
