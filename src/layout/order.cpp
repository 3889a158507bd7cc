// Ordering the rows of a layered graph to cut crossings: barycentre sweeps up and down from
// several deterministic starting orders, each polished by sifting (every node tried at every
// place in its row); the best order found wins.
#include "pathways/order.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>

namespace pathways {

namespace {

/// The working state: each node's row and place, and its neighbours in the rows below and above.
class Orderer {
public:
    explicit Orderer(const OrderProblem& p) : p_(p), n_(count_nodes(p)) {
        row_of_.assign(n_, -1);
        pos_.assign(n_, 0);
        below_.resize(n_);
        above_.resize(n_);
        flat_.resize(n_);
        for (std::size_t r = 0; r < p.rows.size(); ++r)
            for (int v : p.rows[r]) row_of_[static_cast<std::size_t>(v)] = static_cast<int>(r);
        for (auto [a, b] : p.edges) {
            int ra = row_of(a), rb = row_of(b);
            if (ra < 0 || rb < 0 || std::abs(ra - rb) != 1) continue;
            if (ra > rb) std::swap(a, b);
            above_[static_cast<std::size_t>(a)].push_back(b);
            below_[static_cast<std::size_t>(b)].push_back(a);
        }
        for (auto [a, b] : p.flat)
            if (row_of(a) >= 0 && row_of(a) == row_of(b)) {
                flat_[static_cast<std::size_t>(a)].push_back(b);
                flat_[static_cast<std::size_t>(b)].push_back(a);
            }
    }

    RowOrder run(const OrderEffort& effort) {
        double per_start = 30.0 * static_cast<double>(p_.edges.size() + n_) + sifting_cost();
        int starts = std::clamp(static_cast<int>(effort.work / std::max(per_start, 1.0)), 1, std::max(1, effort.starts));
        RowOrder best = p_.rows;
        normalise(best);
        std::size_t best_count = count(best);
        for (int s = 0; s < starts && best_count > 0; ++s) {
            RowOrder order = start(s);
            sweep(order);
            sift(order);
            std::size_t c = count(order);
            if (c < best_count) best = std::move(order), best_count = c;
        }
        return best;
    }

    std::size_t count(const RowOrder& order) {
        place(order);
        std::size_t total = 0;
        for (std::size_t r = 0; r + 1 < order.size(); ++r) total += between(order[r]);
        for (auto [a, b] : p_.flat) total += flat_cost(order, a, b);
        return total;
    }

private:
    const OrderProblem& p_;
    std::size_t n_;
    std::vector<int> row_of_, pos_;
    std::vector<std::vector<int>> below_, above_, flat_;

    static std::size_t count_nodes(const OrderProblem& p) {
        int most = -1;
        for (const auto& row : p.rows)
            for (int v : row) most = std::max(most, v);
        return static_cast<std::size_t>(most + 1);
    }
    int row_of(int v) const { return v >= 0 && static_cast<std::size_t>(v) < n_ ? row_of_[static_cast<std::size_t>(v)] : -1; }
    bool outside(int v) const { return static_cast<std::size_t>(v) < p_.outside.size() && p_.outside[static_cast<std::size_t>(v)]; }

    void place(const RowOrder& order) {
        for (const auto& row : order)
            for (std::size_t i = 0; i < row.size(); ++i) pos_[static_cast<std::size_t>(row[i])] = static_cast<int>(i);
    }

    /// Crossings between the edges from `row` up to the next row (places as in pos_).
    std::size_t between(const std::vector<int>& row) const {
        std::vector<std::pair<int, int>> es;
        int width = 0;
        for (int v : row)
            for (int w : above_[static_cast<std::size_t>(v)]) {
                es.emplace_back(pos_[static_cast<std::size_t>(v)], pos_[static_cast<std::size_t>(w)]);
                width = std::max(width, pos_[static_cast<std::size_t>(w)] + 1);
            }
        std::sort(es.begin(), es.end());
        std::vector<std::size_t> tree(static_cast<std::size_t>(width) + 1, 0);  // Fenwick: ends seen so far
        std::size_t total = 0, seen = 0;
        for (auto [a, b] : es) {
            std::size_t le = 0;
            for (int i = b + 1; i > 0; i -= i & -i) le += tree[static_cast<std::size_t>(i)];
            total += seen - le;  // earlier edges ending right of b
            for (int i = b + 1; i <= width; i += i & -i) ++tree[static_cast<std::size_t>(i)];
            ++seen;
        }
        return total;
    }

    /// A flat edge passes over the nodes between its ends, on whichever side has fewer edges.
    std::size_t flat_cost(const RowOrder& order, int a, int b) const {
        int r = row_of(a);
        if (r < 0 || r != row_of(b)) return 0;
        int i = pos_[static_cast<std::size_t>(a)], j = pos_[static_cast<std::size_t>(b)];
        if (i > j) std::swap(i, j);
        std::size_t up = 0, down = 0;
        for (int k = i + 1; k < j; ++k) {
            int v = order[static_cast<std::size_t>(r)][static_cast<std::size_t>(k)];
            up += above_[static_cast<std::size_t>(v)].size();
            down += below_[static_cast<std::size_t>(v)].size();
        }
        return std::min(up, down);
    }

    double sifting_cost() const {
        double c = 0;
        for (const auto& row : p_.rows) {
            double deg = 0;
            for (int v : row) deg += static_cast<double>(above_[static_cast<std::size_t>(v)].size() + below_[static_cast<std::size_t>(v)].size());
            c += 3 * deg * deg + static_cast<double>(row.size() * row.size());
        }
        return c;
    }

    RowOrder start(int s) const {
        RowOrder order = p_.rows;
        if (s == 1)
            for (auto& row : order) std::reverse(row.begin(), row.end());
        if (s >= 2) {
            std::mt19937 rng(static_cast<std::uint32_t>(s) * 2654435761u);
            for (auto& row : order)  // Fisher-Yates on the engine's raw output: the same everywhere
                for (std::size_t i = row.size(); i > 1; --i) std::swap(row[i - 1], row[rng() % i]);
        }
        normalise(order);
        return order;
    }

    /// Outside nodes moved to the ends of their rows (the nearer end, keeping their order).
    void normalise(RowOrder& order) const {
        for (auto& row : order) {
            std::vector<int> left, mid, right;
            for (std::size_t i = 0; i < row.size(); ++i) {
                int v = row[i];
                if (!outside(v)) mid.push_back(v);
                else if (2 * i < row.size()) left.push_back(v);
                else right.push_back(v);
            }
            row = left;
            row.insert(row.end(), mid.begin(), mid.end());
            row.insert(row.end(), right.begin(), right.end());
        }
    }

    void sweep(RowOrder& order);
    void sort_row(std::vector<int>& row, bool use_below, bool use_above);
    void sift(RowOrder& order);
    void sift_node(std::vector<int>& row, std::size_t at);
    std::size_t pair_cost(int u, int v) const;
};

/// Barycentre sweeps: up the rows, then down, then both ways, until a round finds nothing better.
void Orderer::sweep(RowOrder& order) {
    RowOrder best = order;
    std::size_t best_count = count(order);
    for (int round = 0, stale = 0; round < 24 && stale < 3; ++round) {
        bool up = round % 2 == 0;
        for (std::size_t k = 1; k < order.size(); ++k) {
            std::size_t r = up ? k : order.size() - 1 - k;
            place(order);
            sort_row(order[r], up, !up);
        }
        std::size_t c = count(order);
        if (c < best_count) best = order, best_count = c, stale = 0;
        else ++stale;
    }
    order = std::move(best);
}

/// Sorts a row by the mean place of each node's neighbours in the rows used (nodes with none keep
/// their place); outside nodes go to the nearer end.
void Orderer::sort_row(std::vector<int>& row, bool use_below, bool use_above) {
    struct Keyed {
        double key;
        int v;
        bool flat_only;
    };
    std::vector<Keyed> keyed;
    for (std::size_t i = 0; i < row.size(); ++i) {
        int v = row[i];
        double sum = 0;
        std::size_t m = 0;
        auto add = [&](const std::vector<int>& ns) {
            for (int w : ns) sum += pos_[static_cast<std::size_t>(w)], ++m;
        };
        if (use_below) add(below_[static_cast<std::size_t>(v)]);
        if (use_above) add(above_[static_cast<std::size_t>(v)]);
        bool flat_only = m == 0 && outside(v) && !flat_[static_cast<std::size_t>(v)].empty();
        if (flat_only) add(flat_[static_cast<std::size_t>(v)]);
        keyed.push_back({m ? sum / static_cast<double>(m) : static_cast<double>(i), v, flat_only});
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) { return a.key < b.key; });
    std::vector<Keyed> left, mid, right;
    double middle = (static_cast<double>(row.size()) - 1) / 2;
    for (const auto& k : keyed) (!outside(k.v) ? mid : k.key < middle ? left : right).push_back(k);
    // Markers reached along the row nest: the one whose source is farthest in goes outermost.
    auto nest = [](std::vector<Keyed>& side) {
        std::stable_sort(side.begin(), side.end(), [](const Keyed& a, const Keyed& b) {
            return a.flat_only && b.flat_only ? a.key > b.key : a.flat_only < b.flat_only;
        });
    };
    nest(left);
    nest(right);
    row.clear();
    for (const auto* part : {&left, &mid, &right})
        for (const auto& k : *part) row.push_back(k.v);
}

/// Crossings between u's and v's edges (to the rows below and above) when u is left of v.
std::size_t Orderer::pair_cost(int u, int v) const {
    std::size_t c = 0;
    for (const auto* side : {&below_, &above_})
        for (int a : (*side)[static_cast<std::size_t>(u)])
            for (int b : (*side)[static_cast<std::size_t>(v)])
                if (pos_[static_cast<std::size_t>(a)] > pos_[static_cast<std::size_t>(b)]) ++c;
    return c;
}

/// Moves the node at `at` to the place in its row where its edges cross least, keeping outside
/// nodes at the ends and inside nodes between them.
void Orderer::sift_node(std::vector<int>& row, std::size_t at) {
    int v = row[at];
    std::vector<int> rest = row;
    rest.erase(rest.begin() + static_cast<long>(at));
    std::size_t first_in = rest.size(), last_in = 0;
    for (std::size_t i = 0; i < rest.size(); ++i)
        if (!outside(rest[i])) first_in = std::min(first_in, i), last_in = i + 1;
    if (first_in == rest.size()) first_in = 0, last_in = rest.size();
    // cost(k): v placed before rest[k]; cost(0) = sum of c(v, w); each step right swaps one pair.
    long cost = 0;
    for (int w : rest) cost += static_cast<long>(pair_cost(v, w));
    long best_cost = std::numeric_limits<long>::max();
    std::size_t best = at;
    for (std::size_t k = 0; k <= rest.size(); ++k) {
        bool ok = outside(v) ? (k <= first_in || k >= last_in) : (k >= first_in && k <= last_in);
        if (ok && (cost < best_cost || (cost == best_cost && k == at))) best_cost = cost, best = k;
        if (k < rest.size()) cost += static_cast<long>(pair_cost(rest[k], v)) - static_cast<long>(pair_cost(v, rest[k]));
    }
    rest.insert(rest.begin() + static_cast<long>(best), v);
    row = std::move(rest);
}

/// Sifting: each node in turn to its best place, rows up then down, until nothing improves.
void Orderer::sift(RowOrder& order) {
    RowOrder best = order;
    std::size_t before = count(order);
    for (int round = 0; round < 6; ++round) {
        for (std::size_t k = 0; k < 2 * order.size(); ++k) {
            std::size_t r = k < order.size() ? k : 2 * order.size() - 1 - k;
            place(order);  // sifting a row reads only the places of the rows beside it
            std::vector<int> nodes = order[r];
            for (int v : nodes) {
                auto it = std::find(order[r].begin(), order[r].end(), v);
                sift_node(order[r], static_cast<std::size_t>(it - order[r].begin()));
            }
        }
        std::size_t after = count(order);
        if (after >= before) break;
        before = after;
        best = order;
    }
    order = std::move(best);
}

}  // namespace

std::size_t count_order_crossings(const OrderProblem& problem, const RowOrder& order) {
    return Orderer(problem).count(order);
}

RowOrder minimise_crossings(const OrderProblem& problem, const OrderEffort& effort) {
    return Orderer(problem).run(effort);
}

bool outside_at_ends(const OrderProblem& problem, const RowOrder& order) {
    auto out = [&](int v) { return static_cast<std::size_t>(v) < problem.outside.size() && problem.outside[static_cast<std::size_t>(v)]; };
    for (const auto& row : order) {
        std::size_t i = 0, j = row.size();
        while (i < j && out(row[i])) ++i;
        while (j > i && out(row[j - 1])) --j;
        for (std::size_t k = i; k < j; ++k)
            if (out(row[k])) return false;
    }
    return true;
}

}  // namespace pathways
