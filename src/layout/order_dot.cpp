// The ordering pass on a cgraph graph: the layered problem read from the rank subgraphs and the
// visible edges, solved by minimise_crossings, and held with invisible flat edges.
#include "order_dot.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>

#include "order_memo.hpp"
#include "pathways/order.hpp"

namespace pathways {

namespace {

bool invisible(Agedge_t* e) {
    const char* style = agget(e, const_cast<char*>("style"));
    return style && std::strstr(style, "invis");
}

/// The layered problem of `g`: the rank subgraphs' nodes and the visible edges between them.
struct DotProblem {
    OrderProblem problem;
    std::vector<Agnode_t*> nodes;
};

DotProblem read_problem(Agraph_t* g, const std::vector<Agraph_t*>& ranks, const std::set<std::string>& outside) {
    DotProblem dp;
    OrderProblem& problem = dp.problem;
    std::vector<Agnode_t*>& nodes = dp.nodes;
    std::map<Agnode_t*, int> id;
    std::vector<std::size_t> row_of;
    for (Agraph_t* rank : ranks) {
        problem.rows.emplace_back();
        for (Agnode_t* n = agfstnode(rank); n; n = agnxtnode(rank, n)) {
            if (id.count(n)) continue;
            id[n] = static_cast<int>(nodes.size());
            problem.rows.back().push_back(static_cast<int>(nodes.size()));
            nodes.push_back(n);
            row_of.push_back(problem.rows.size() - 1);
            problem.outside.push_back(outside.count(agnameof(n)) > 0);
        }
    }
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n))
        for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
            auto t = id.find(agtail(e)), h = id.find(aghead(e));
            if (t == id.end() || h == id.end() || t->second == h->second || invisible(e)) continue;
            bool same_row = row_of[static_cast<std::size_t>(t->second)] == row_of[static_cast<std::size_t>(h->second)];
            (same_row ? problem.flat : problem.edges).emplace_back(t->second, h->second);
        }
    return dp;
}

}  // namespace

std::vector<std::vector<std::string>> impose_order(Agraph_t* g, const std::vector<Agraph_t*>& ranks,
                                                   const std::set<std::string>& outside) {
    DotProblem dp = read_problem(g, ranks, outside);
    OrderProblem& problem = dp.problem;
    std::vector<Agnode_t*>& nodes = dp.nodes;
    const RowOrder order = remembered_order(problem);  // #10: the same problem is not ordered twice
    // dot's second mincross over the whole graph (remincross) ignores the order within clusters
    // (measured: the order is lost with it, kept without it).
    set_attr(g, "remincross", "false");
    if (std::getenv("PATHWAYS_DEBUG_LAYOUT"))
        std::fprintf(stderr, "own order: %zu nodes in %zu rows, %zu edges, %zu flat; crossings %zu -> %zu\n",
                     nodes.size(), problem.rows.size(), problem.edges.size(), problem.flat.size(),
                     count_order_crossings(problem, problem.rows), count_order_crossings(problem, order));
    std::vector<std::vector<std::string>> names;
    std::size_t chained = 0;
    for (const auto& row : order) {
        names.emplace_back();
        for (std::size_t i = 0; i < row.size(); ++i) {
            Agnode_t* n = nodes[static_cast<std::size_t>(row[i])];
            if (!problem.outside[static_cast<std::size_t>(row[i])]) names.back().push_back(agnameof(n));
            if (i == 0) continue;
            std::string name = "order" + std::to_string(chained++);
            Agedge_t* e = agedge(g, nodes[static_cast<std::size_t>(row[i - 1])], n, name.data(), 1);
            set_attr(e, "style", "invis");
            set_attr(e, "weight", "1");  // dot ignores the order of a flat edge of weight 0
        }
    }
    return names;
}

bool order_kept(Agraph_t* g, const std::vector<std::vector<std::string>>& order) {
    for (const auto& row : order) {
        double last = -1e300;
        for (const auto& name : row) {
            Agnode_t* n = agnode(g, const_cast<char*>(name.c_str()), 0);
            if (!n) return false;
            double at = ND_order(n);
            if (at <= last) return false;
            last = at;
        }
    }
    return true;
}

}  // namespace pathways
