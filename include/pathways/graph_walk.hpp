#pragma once
// Graph walks over role indices, written with explicit stacks: a catalogue of any length (a chain
// of tens of thousands of progressions) never deepens the call stack.
#include <cstddef>
#include <vector>

namespace pathways {

/// A directed graph as adjacency lists: successors[v] are the nodes v has an edge to.
using Successors = std::vector<std::vector<std::size_t>>;

/// The strongly connected components of the graph (Tarjan's algorithm, iterative), each listed
/// in ascending order; components come out in reverse topological order, as Tarjan's do.
std::vector<std::vector<std::size_t>> strongly_connected_components(const Successors& successors);

/// Every node reachable from `starts` (the starts included), as a yes/no per node.
std::vector<bool> reachable_from(const Successors& successors, const std::vector<std::size_t>& starts);

}  // namespace pathways
