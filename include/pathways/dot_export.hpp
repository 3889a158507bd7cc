#pragma once
#include <string>

#include "pathways/catalogue.hpp"

namespace pathways {

/// The progression graph in DOT, built through cgraph and written by agwrite.
std::string export_dot(const Catalogue& catalogue);

}  // namespace pathways

#include <map>
#include <optional>
#include <vector>

namespace pathways {

/// A DOT graph read back through cgraph, as plain data: for tools and tests that check what an
/// export holds without speaking cgraph themselves.
struct DotGraph {
    /// A node or edge with its attributes (only those set, by name).
    struct Item {
        std::string name, tail, head;  // name: a node's; tail and head: an edge's
        std::map<std::string, std::string> attributes;
    };
    bool directed = false;
    std::map<std::string, std::string> attributes;  // the graph's own
    std::vector<Item> nodes, edges;                 // in cgraph's order
};

/// Parses DOT text with cgraph's agmemread; nothing when it is not valid DOT.
std::optional<DotGraph> parse_dot(const std::string& text);

}  // namespace pathways
