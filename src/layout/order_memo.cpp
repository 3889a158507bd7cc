// The ordering pass's recent answers, kept for the problems the shape search asks again.
#include "order_memo.hpp"

#include <deque>
#include <utility>

namespace pathways {

namespace {

/// How many recent problems are kept: one per rows plan and marker placement of a search.
constexpr std::size_t kKept = 12;

bool same_problem(const OrderProblem& a, const OrderProblem& b) {
    return a.rows == b.rows && a.edges == b.edges && a.flat == b.flat && a.outside == b.outside;
}

/// The recent problems and their orders, newest first (a process orders one view at a time).
std::deque<std::pair<OrderProblem, RowOrder>>& memory() {
    static std::deque<std::pair<OrderProblem, RowOrder>> kept;
    return kept;
}

}  // namespace

const RowOrder& remembered_order(const OrderProblem& problem) {
    auto& kept = memory();
    for (std::size_t i = 0; i < kept.size(); ++i)
        if (same_problem(kept[i].first, problem)) {
            if (i > 0) {
                auto hit = std::move(kept[i]);
                kept.erase(kept.begin() + static_cast<long>(i));
                kept.push_front(std::move(hit));
            }
            return kept.front().second;
        }
    RowOrder order = minimise_crossings(problem);
    kept.emplace_front(problem, std::move(order));
    if (kept.size() > kKept) kept.pop_back();
    return kept.front().second;
}

}  // namespace pathways
