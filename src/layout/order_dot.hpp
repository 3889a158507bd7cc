#pragma once
// Our ordering pass applied to a Graphviz graph before dot lays it out (see pathways/order.hpp).
#include <set>
#include <string>
#include <vector>

#include "graphviz.hpp"

namespace pathways {

/// Orders the nodes of each rank subgraph in `ranks` (lowest rank first) so that the graph's
/// visible edges cross little, and makes dot keep that order: an invisible flat edge from each
/// node to the next in its rank (dot keeps a flat edge's tail before its head). Nodes named in
/// `outside` (transfer markers, outside every band) stay at an end of their rank. Returns the
/// names of each rank's nodes inside the bands, in the imposed order (dot places the markers
/// beside the bands as it sees fit: measured, it does not always keep their side).
std::vector<std::vector<std::string>> impose_order(Agraph_t* g, const std::vector<Agraph_t*>& ranks,
                                                   const std::set<std::string>& outside);

/// Whether dot kept the order `impose_order` asked for (each rank's nodes in that order).
bool order_kept(Agraph_t* g, const std::vector<std::vector<std::string>>& order);

}  // namespace pathways
