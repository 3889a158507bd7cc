#pragma once
// Where each role goes before Graphviz sees it: its boxes (one per level it is listed at) and the
// rows of each level's band.
#include <map>
#include <string>
#include <vector>

#include "pathways/view.hpp"

namespace pathways {

/// One band's rows, lowest first, each a list of node names in order.
using BandRows = std::vector<std::vector<std::string>>;

/// Where each role goes: one node per role per level of the view, and the rows of each band.
struct RowPlan {
    std::map<const Role*, std::vector<std::string>> nodes_of;  // node names, lowest level first
    std::map<std::string, std::string> node_level;             // node -> level id
    std::vector<BandRows> rows;                                // by level index in the graph

    /// A progression leaves from the role's highest copy that is below the target, else its lowest.
    std::string tail_node(const Catalogue& c, const Role* from, const Role* to) const;
    /// A progression arrives at the role's lowest copy.
    std::string head_node(const Role* to) const { return nodes_of.at(to).front(); }
};

/// Plans the rows of each band for at most `rows_per_level` rows (more when a chain of
/// within-level progressions needs them).
RowPlan plan_rows(const PathwayGraph& graph, int rows_per_level);

}  // namespace pathways
