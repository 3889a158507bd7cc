#include "pathways/graph_walk.hpp"

#include <algorithm>

namespace pathways {

namespace {

/// Tarjan's bookkeeping, shared by the iterative walk.
struct Tarjan {
    const Successors& next;
    std::vector<long> index, low;
    std::vector<bool> on_stack;
    std::vector<std::size_t> stack;
    std::vector<std::vector<std::size_t>> components;
    long counter = 0;

    explicit Tarjan(const Successors& s)
        : next(s), index(s.size(), -1), low(s.size(), 0), on_stack(s.size(), false) {}

    void enter(std::size_t v) {
        index[v] = low[v] = counter++;
        stack.push_back(v);
        on_stack[v] = true;
    }
    void leave(std::size_t v) {
        if (low[v] != index[v]) return;
        std::vector<std::size_t> component;
        std::size_t w;
        do {
            w = stack.back();
            stack.pop_back();
            on_stack[w] = false;
            component.push_back(w);
        } while (w != v);
        std::sort(component.begin(), component.end());
        components.push_back(std::move(component));
    }

    /// One depth-first search from `root`; the call stack is `frames` (node, next edge to try).
    void search(std::size_t root) {
        std::vector<std::pair<std::size_t, std::size_t>> frames{{root, 0}};
        enter(root);
        while (!frames.empty()) {
            auto& [v, edge] = frames.back();
            if (edge < next[v].size()) {
                std::size_t w = next[v][edge++];
                if (index[w] < 0) {
                    enter(w);
                    frames.push_back({w, 0});  // invalidates v and edge: the loop re-reads them
                } else if (on_stack[w]) {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            std::size_t done = v;
            frames.pop_back();
            leave(done);
            if (!frames.empty()) {
                std::size_t parent = frames.back().first;
                low[parent] = std::min(low[parent], low[done]);
            }
        }
    }
};

}  // namespace

std::vector<std::vector<std::size_t>> strongly_connected_components(const Successors& successors) {
    Tarjan t(successors);
    for (std::size_t v = 0; v < successors.size(); ++v)
        if (t.index[v] < 0) t.search(v);
    return std::move(t.components);
}

std::vector<bool> reachable_from(const Successors& successors, const std::vector<std::size_t>& starts) {
    std::vector<bool> seen(successors.size(), false);
    std::vector<std::size_t> todo(starts.begin(), starts.end());
    while (!todo.empty()) {
        std::size_t v = todo.back();
        todo.pop_back();
        if (v >= seen.size() || seen[v]) continue;
        seen[v] = true;
        for (std::size_t w : successors[v])
            if (!seen[w]) todo.push_back(w);
    }
    return seen;
}

}  // namespace pathways
