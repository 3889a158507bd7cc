#pragma once
// Our own routing of the links between adjacent rows, once dot has placed the boxes.
#include <set>
#include <string>

#include "graphviz.hpp"

namespace pathways {

/// Redraws every visible edge between two adjacent ranks of a laid-out pathway graph: straight
/// out of its box (from a port spread along the box side, in the order of the other ends), one
/// S-shaped piece across the gap between the two ranks, straight into the other box. All pieces
/// in one gap span the same height, so two edges cross there exactly when their ends are in
/// opposite orders: the drawing crosses as often as the row order implies, no more (dot's own
/// splines braid in narrow gaps). A link through waypoints becomes one straight line through
/// each row it passes. Edges within a rank keep dot's curves. The links on one side of a node
/// named in `one_port` (transfer markers) all meet at one point, under one arrowhead. Run after
/// every dot layout.
void route_between_ranks(Agraph_t* g, bool left_to_right, const std::set<std::string>& one_port);

}  // namespace pathways
