// Our ordering pass: the order of each row of a layered graph, against every possible order on
// small graphs; same inputs, same order; transfer markers kept at the ends of their rows.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <random>

#include "pathways/order.hpp"
#include "test_support.hpp"

using namespace pathways;

namespace {

/// A random layered graph: `rows` rows of 2..`widest` nodes, each node joined to 1-2 nodes of the
/// next row, from a fixed seed.
OrderProblem random_problem(unsigned seed, int rows, int widest, bool with_outside) {
    std::mt19937 rng(seed);
    OrderProblem p;
    int next = 0;
    for (int r = 0; r < rows; ++r) {
        p.rows.emplace_back();
        int width = 2 + static_cast<int>(rng() % static_cast<unsigned>(widest - 1));
        for (int i = 0; i < width; ++i) p.rows.back().push_back(next++);
    }
    p.outside.assign(static_cast<std::size_t>(next), false);
    for (int r = 0; r + 1 < rows; ++r)
        for (int v : p.rows[static_cast<std::size_t>(r)]) {
            const auto& up = p.rows[static_cast<std::size_t>(r + 1)];
            int k = 1 + static_cast<int>(rng() % 2);
            for (int j = 0; j < k; ++j) p.edges.emplace_back(v, up[rng() % up.size()]);
        }
    if (with_outside) {  // a marker at the end of a row, reached along the row
        int row = static_cast<int>(rng() % static_cast<unsigned>(rows));
        int marker = next++;
        p.outside.push_back(true);
        auto& r = p.rows[static_cast<std::size_t>(row)];
        p.flat.emplace_back(r[rng() % r.size()], marker);
        r.push_back(marker);
    }
    return p;
}

/// The fewest crossings of any order of the rows (every permutation of every row).
std::size_t brute_force(const OrderProblem& p) {
    RowOrder order = p.rows;
    for (auto& row : order) std::sort(row.begin(), row.end());
    std::size_t best = SIZE_MAX;
    std::function<void(std::size_t)> walk = [&](std::size_t r) {
        if (r == order.size()) {
            if (outside_at_ends(p, order)) best = std::min(best, count_order_crossings(p, order));
            return;
        }
        std::sort(order[r].begin(), order[r].end());
        do walk(r + 1);
        while (std::next_permutation(order[r].begin(), order[r].end()));
    };
    walk(0);
    return best;
}

}  // namespace

TEST_CASE("ordering: crossings between rows are counted as in a drawing", "[order]") {
    OrderProblem p;
    p.rows = {{0, 1}, {2, 3}};
    p.edges = {{0, 3}, {1, 2}};
    CHECK(count_order_crossings(p, {{0, 1}, {2, 3}}) == 1);
    CHECK(count_order_crossings(p, {{0, 1}, {3, 2}}) == 0);
    p.edges = {{0, 2}, {0, 3}};  // sharing an end: never crossing
    CHECK(count_order_crossings(p, {{0, 1}, {3, 2}}) == 0);
}

TEST_CASE("ordering: the pass finds the fewest crossings on small graphs (against every order)", "[order]") {
    int optimal = 0, cases = 0;
    for (unsigned seed = 1; seed <= 40; ++seed) {
        OrderProblem p = random_problem(seed, 3 + static_cast<int>(seed % 2), 4, seed % 3 == 0);
        std::size_t best = brute_force(p);
        RowOrder found = minimise_crossings(p);
        INFO("seed " << seed);
        REQUIRE(outside_at_ends(p, found));
        std::size_t got = count_order_crossings(p, found);
        CHECK(got >= best);
        CHECK(got <= best + 1);
        optimal += got == best;
        ++cases;
        CHECK(count_order_crossings(p, p.rows) >= got);  // never worse than the starting order
    }
    CHECK(optimal >= cases * 9 / 10);
}

TEST_CASE("ordering: the same graph gives the same order; a larger graph is ordered quickly", "[order]") {
    OrderProblem p = random_problem(7, 12, 30, true);
    RowOrder a = minimise_crossings(p), b = minimise_crossings(p);
    CHECK(a == b);
    CHECK(count_order_crossings(p, a) < count_order_crossings(p, p.rows));
    for (std::size_t r = 0; r < p.rows.size(); ++r) {  // each row a permutation of its nodes
        auto x = a[r], y = p.rows[r];
        std::sort(x.begin(), x.end());
        std::sort(y.begin(), y.end());
        CHECK(x == y);
    }
}

TEST_CASE("ordering: markers outside the bands stay at the ends of their rows", "[order]") {
    OrderProblem p;
    p.rows = {{0, 1, 2, 3}, {4, 5, 6}, {7, 8}};
    p.outside = {false, false, false, false, false, false, true, false, false};
    p.edges = {{0, 5}, {1, 4}, {2, 5}, {3, 4}, {4, 7}, {5, 8}};
    p.flat = {{5, 6}};
    RowOrder o = minimise_crossings(p);
    CHECK(outside_at_ends(p, o));
    CHECK((o[1].front() == 6 || o[1].back() == 6));
    // The marker sits beside the node that leads to it.
    auto at = [&](int v) { return std::find(o[1].begin(), o[1].end(), v) - o[1].begin(); };
    CHECK(std::abs(at(6) - at(5)) == 1);
    CHECK_FALSE(outside_at_ends(p, {{0, 1, 2, 3}, {4, 6, 5}, {7, 8}}));
}
