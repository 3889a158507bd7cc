#pragma once
// Remembering the ordering pass's answers (#10 part 3): the shape search lays out the same
// layered problem several times (each row gap, both directions of a one-row plan, and the winner
// once more), and the pass does not depend on any of that.
#include "pathways/order.hpp"

namespace pathways {

/// minimise_crossings(problem) with the default effort, from memory when the same problem was
/// ordered recently (the pass is deterministic: the same answer either way).
const RowOrder& remembered_order(const OrderProblem& problem);

}  // namespace pathways
