#pragma once
// Our own crossing minimisation: the order of the nodes in each row of a layered graph (rows are
// dot ranks; links spanning rows go through one waypoint per row), found by barycentre sweeps
// from several deterministic starts, then sifting; dot is then told to keep it.
#include <cstddef>
#include <vector>

namespace pathways {

/// A layered graph to order: node ids (0..n-1) row by row in their starting order, edges between
/// nodes of adjacent rows, and flat edges within a row. An `outside` node (a transfer marker, which
/// sits outside every band) must stay at one end of its row, before or after the others.
struct OrderProblem {
    std::vector<std::vector<int>> rows;
    std::vector<std::pair<int, int>> edges;
    std::vector<std::pair<int, int>> flat;
    std::vector<bool> outside;  // by node id; may be empty (no outside nodes)
};

/// Each row's nodes, left to right.
using RowOrder = std::vector<std::vector<int>>;

/// How hard to try: starting orders (the given one, then shuffles from fixed seeds), and a cap on
/// the work (edge visits) so that large graphs stay quick. The same inputs give the same order.
struct OrderEffort {
    int starts = 16;
    double work = 4e7;
};

/// Crossings between edges of adjacent rows in `order` (edges sharing an end never cross), plus,
/// for each flat edge, the edges it passes over (those incident to nodes between its ends).
std::size_t count_order_crossings(const OrderProblem& problem, const RowOrder& order);

/// An order of each row with few crossings, respecting outside nodes. Deterministic.
RowOrder minimise_crossings(const OrderProblem& problem, const OrderEffort& effort = {});

/// Whether `order` keeps every outside node at one end of its row.
bool outside_at_ends(const OrderProblem& problem, const RowOrder& order);

}  // namespace pathways
