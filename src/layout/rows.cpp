#include "rows.hpp"

#include <algorithm>
#include <set>

namespace pathways {

std::string RowPlan::tail_node(const Catalogue& c, const Role* from, const Role* to) const {
    const auto& ns = nodes_of.at(from);
    int target = c.lowest_level(*to);
    std::string best = ns.front();
    for (const auto& n : ns)
        if (c.level_index(node_level.at(n)) < target) best = n;
    return best;
}

namespace {

/// One node per role per level of the view: the role's id at its lowest level, "id@level" above.
void add_nodes(RowPlan& plan, const PathwayGraph& pg) {
    const Catalogue& c = *pg.catalogue;
    for (const Role* r : pg.roles) {
        std::vector<std::string> levels = r->levels;
        std::sort(levels.begin(), levels.end(),
                  [&](const auto& a, const auto& b) { return c.level_index(a) < c.level_index(b); });
        for (std::size_t i = 0; i < levels.size(); ++i) {
            std::string name = i == 0 ? r->id : r->id + "@" + levels[i];
            plan.nodes_of[r].push_back(name);
            plan.node_level[name] = levels[i];
        }
    }
}

/// What the row plan needs to know of the links: which nodes lead up, which are reached from
/// below, and the within-level progressions (tail, head).
struct LinkFacts {
    std::set<std::string> has_up, has_in;
    std::vector<std::pair<std::string, std::string>> within;
};

LinkFacts link_facts(const RowPlan& plan, const PathwayGraph& pg) {
    LinkFacts facts;
    for (const auto& l : pg.links) {
        std::string tail = plan.tail_node(*pg.catalogue, l.from, l.to), head = plan.head_node(l.to);
        if (l.kind == LinkKind::Up) {
            facts.has_up.insert(tail);
            facts.has_in.insert(head);
        } else if (l.kind == LinkKind::Within && l.from != l.to) {
            facts.within.emplace_back(tail, head);
        }
    }
    return facts;
}

/// Each node of a within-level chain in `level`, with its depth along the chain (longest path;
/// bounded by the band's size, so a cycle stops).
std::map<std::string, int> chain_depths(const RowPlan& plan, const LinkFacts& facts, const std::string& level,
                                        std::size_t members) {
    std::map<std::string, int> depth;
    std::set<std::string> chained;
    for (const auto& [t, h] : facts.within)
        if (plan.node_level.at(t) == level && plan.node_level.at(h) == level) chained.insert(t), chained.insert(h);
    for (const auto& n : chained) depth[n];
    for (std::size_t pass = 0; pass < members; ++pass) {
        bool changed = false;
        for (const auto& [t, h] : facts.within)
            if (chained.count(t) && chained.count(h) && depth[h] < depth[t] + 1 &&
                depth[t] + 1 < static_cast<int>(members)) {
                depth[h] = depth[t] + 1;
                changed = true;
            }
        if (!changed) break;
    }
    return depth;
}

/// The rows of one band. A within-level progression climbs a row inside its band (so it is drawn
/// as a short link up, not an arc along the row); other roles fill the rows evenly, those reached
/// from below in lower rows and those leading on upwards in higher ones.
BandRows band_rows(const RowPlan& plan, const LinkFacts& facts, const std::vector<std::string>& members,
                   const std::string& level, int rows_per_level) {
    std::map<std::string, int> depth = chain_depths(plan, facts, level, members.size());
    int needed = 1;
    for (const auto& [n, d] : depth) needed = std::max(needed, d + 1);
    int k = std::max(needed, std::min<int>(rows_per_level, static_cast<int>((members.size() + 2) / 3)));
    BandRows rows(static_cast<std::size_t>(k));
    std::vector<std::string> free;
    for (const auto& n : members) {
        if (depth.count(n)) rows[static_cast<std::size_t>(depth[n])].push_back(n);
        else free.push_back(n);
    }
    auto score = [&](const std::string& n) { return (facts.has_up.count(n) ? 1 : 0) - (facts.has_in.count(n) ? 1 : 0); };
    std::stable_sort(free.begin(), free.end(), [&](const auto& a, const auto& b) { return score(a) < score(b); });
    std::size_t target = (members.size() + static_cast<std::size_t>(k) - 1) / static_cast<std::size_t>(k);
    for (const auto& n : free) {
        std::size_t best = 0;
        while (best + 1 < rows.size() && rows[best].size() >= target) ++best;
        rows[best].push_back(n);
    }
    rows.erase(std::remove_if(rows.begin(), rows.end(), [](const auto& r) { return r.empty(); }), rows.end());
    return rows;
}

}  // namespace

RowPlan plan_rows(const PathwayGraph& pg, int rows_per_level) {
    RowPlan plan;
    add_nodes(plan, pg);
    LinkFacts facts = link_facts(plan, pg);
    for (const Level* level : pg.levels) {
        std::vector<std::string> members;
        for (const Role* r : pg.roles)
            for (const auto& n : plan.nodes_of[r])
                if (plan.node_level[n] == level->id) members.push_back(n);
        plan.rows.push_back(band_rows(plan, facts, members, level->id, rows_per_level));
    }
    return plan;
}

}  // namespace pathways
