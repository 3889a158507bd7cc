#pragma once
// The career-framework grid inside the layout stage: which rank each role goes in, and the lanes
// held in the Graphviz graph (boundary nodes, ordering edges, lane labels). layout.cpp's builder
// calls these when the choice is a framework.
#include <map>
#include <string>
#include <vector>

#include "graphviz.hpp"
#include "pathways/layout.hpp"
#include "rows.hpp"

namespace pathways {

/// A column's heading: the level's name, wrapped to the column.
inline std::vector<std::string> column_heading(const Level& level) { return wrap_words(level.name, 24); }

/// Plans the framework's ranks: each level's roles spread over at most `columns` ranks (never
/// more than its fullest lane needs), each rank's nodes in lane order, then catalogue order.
RowPlan plan_framework(const PathwayGraph& graph, int columns);

/// One rank of the layout as the builder made it: the level's cluster and the rank's subgraph.
struct GridRank {
    Agraph_t* band = nullptr;
    Agraph_t* same = nullptr;
    std::vector<std::string> nodes;  // its role nodes
    std::size_t level = 0;           // index of its level in the graph
};

/// The lanes of a framework layout in the graph. In every rank, boundary nodes B0..BK with
/// invisible same-rank edges B(k) -> each node of lane k -> B(k+1) fix the lanes' order (dot keeps
/// a same-rank edge's tail before its head); heavy edges from each boundary to the next rank's
/// keep every boundary one straight line, so each lane is one row across every level's column.
/// A first rank, before the levels, holds the lane names.
class LaneGrid {
public:
    LaneGrid(const PathwayGraph& graph, const Style& style, const RowPlan& plan);

    void add(Agraph_t* g, const std::vector<GridRank>& ranks);
    /// The lanes' rows and labels from dot's result (`conv`: Graphviz point to drawing point).
    template <typename Conv>
    std::vector<PlacedLane> read(Conv conv) const;

    /// Each level's column: from its ranks' boxes and name, down to the last lane's foot.
    template <typename Conv>
    std::vector<Box> columns(Conv conv) const;

    /// The names of the lanes a role is in besides the one it sits in.
    std::vector<std::string> other_lanes(const Role& role) const;
    std::size_t size() const { return shown_.size(); }
    const std::string& lane_id(const Role& role) const { return assignment_.lanes[assignment_.lane_of(role)].id; }

private:
    Agnode_t* node(Agraph_t* g, Agraph_t* band, Agraph_t* same, const std::string& name);
    void order(Agraph_t* g, Agnode_t* a, Agnode_t* b);
    void add_rules(Agraph_t* g);
    Agnode_t* level_head(Agraph_t* g, const GridRank& rank);

    const PathwayGraph& pg_;
    const Style& style_;
    const RowPlan& plan_;
    LaneAssignment assignment_;
    std::vector<std::size_t> shown_;                   // lanes with a role of the view, in lane order
    std::map<std::size_t, std::size_t> row_of_lane_;   // lane index -> index in shown_
    std::vector<std::vector<Agnode_t*>> boundaries_;   // [rank][k], the label rank first
    std::vector<Agnode_t*> labels_;
    std::vector<std::vector<Agnode_t*>> column_nodes_;  // per level: its nodes and its name's room
};

template <typename Conv>
std::vector<Box> LaneGrid::columns(Conv conv) const {
    std::vector<Box> out;
    double bottom = -1e300;
    for (const auto& rank : boundaries_) bottom = std::max(bottom, conv(ND_coord(rank.back())).y);
    for (const auto& nodes : column_nodes_) {
        double left = 1e300, right = -1e300, top = 1e300;
        for (Agnode_t* v : nodes) {
            Point c = conv(ND_coord(v));
            double w = ND_width(v) * 72, h = ND_height(v) * 72;
            left = std::min(left, c.x - w / 2), right = std::max(right, c.x + w / 2), top = std::min(top, c.y - h / 2);
        }
        out.push_back({left - 8, top - 4, right - left + 16, bottom - top + 4});
    }
    double top = 1e300;  // every column starts at the top of the tallest heading
    for (const auto& b : out) top = std::min(top, b.y);
    for (auto& b : out) b.h += b.y - top, b.y = top;
    return out;
}

template <typename Conv>
std::vector<PlacedLane> LaneGrid::read(Conv conv) const {
    std::vector<PlacedLane> out;
    for (std::size_t k = 0; k < shown_.size(); ++k) {
        PlacedLane pl;
        pl.lane = assignment_.lanes[shown_[k]];
        double top = 1e300, bottom = -1e300;
        for (const auto& rank : boundaries_) {
            top = std::min(top, conv(ND_coord(rank[k])).y);
            bottom = std::max(bottom, conv(ND_coord(rank[k + 1])).y);
        }
        double left = conv(ND_coord(boundaries_.front()[k])).x, right = conv(ND_coord(boundaries_.back()[k])).x;
        pl.box = {left, top, right - left, bottom - top};
        Point c = conv(ND_coord(labels_[k]));
        double w = ND_width(labels_[k]) * 72, h = ND_height(labels_[k]) * 72;
        pl.label_box = {c.x - w / 2, c.y - h / 2, w, h};
        pl.lines = wrap_words(pl.lane.name, 16);
        out.push_back(std::move(pl));
    }
    return out;
}

}  // namespace pathways
