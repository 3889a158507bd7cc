#include "pathways/view.hpp"

#include <algorithm>
#include <set>

namespace pathways {

bool PathwayGraph::contains(const Role* role) const {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

namespace {
bool intersects(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::any_of(a.begin(), a.end(), [&](const auto& x) { return std::find(b.begin(), b.end(), x) != b.end(); });
}
}  // namespace

PathwayGraph select(const Catalogue& c, const View& view) {
    PathwayGraph g;
    g.catalogue = &c;
    std::set<const Role*> chosen;
    switch (view.kind) {
        case View::Kind::All:
        case View::Kind::Route:  // a route and a story are drawn on the whole map, the rest faded
        case View::Kind::Story:
            for (const auto& r : c.roles) chosen.insert(&r);
            break;
        case View::Kind::Settings:
            for (const auto& r : c.roles)
                if (intersects(r.settings, view.ids)) chosen.insert(&r);
            break;
        case View::Kind::Levels:
            for (const auto& r : c.roles)
                if (intersects(r.levels, view.ids)) chosen.insert(&r);
            break;
        case View::Kind::ReachableFrom: {
            std::vector<const Role*> todo;
            for (const auto& id : view.ids)
                if (const Role* r = c.role(id)) todo.push_back(r);
            while (!todo.empty()) {
                const Role* r = todo.back();
                todo.pop_back();
                if (!chosen.insert(r).second) continue;
                for (const auto& t : r->progresses_to)
                    if (const Role* next = c.role(t)) todo.push_back(next);
            }
            break;
        }
    }
    for (const auto& r : c.roles)
        if (chosen.count(&r)) g.roles.push_back(&r);
    for (const Role* r : g.roles) {
        for (const auto& t : r->progresses_to) {
            const Role* to = c.role(t);
            if (!to) continue;
            if (chosen.count(to))
                g.links.push_back({r, to, link_kind(c, *r, *to)});
            else
                g.transfers.push_back({r, to, 0, {}});
        }
    }
    for (const auto& l : c.levels)
        if (std::any_of(g.roles.begin(), g.roles.end(), [&](const Role* r) {
                return std::find(r->levels.begin(), r->levels.end(), l.id) != r->levels.end();
            }))
            g.levels.push_back(&l);
    for (const auto& s : c.settings)
        if (std::any_of(g.roles.begin(), g.roles.end(), [&](const Role* r) {
                return std::find(r->settings.begin(), r->settings.end(), s.id) != r->settings.end();
            }))
            g.settings.push_back(&s);
    g.focus = focus_of(c, view);
    return g;
}

Catalogue cut_to(const PathwayGraph& graph) {
    Catalogue out = *graph.catalogue;
    out.roles.clear();
    for (const Role* r : graph.roles) {
        Role kept = *r;
        kept.progresses_to.clear();
        kept.progression_at.clear();
        kept.progression_via.clear();
        for (std::size_t i = 0; i < r->progresses_to.size(); ++i) {
            const Role* to = graph.catalogue->role(r->progresses_to[i]);
            if (!to || !graph.contains(to)) continue;
            kept.progresses_to.push_back(r->progresses_to[i]);
            if (i < r->progression_at.size()) kept.progression_at.push_back(r->progression_at[i]);
            if (i < r->progression_via.size()) kept.progression_via.push_back(r->progression_via[i]);
        }
        out.roles.push_back(std::move(kept));
    }
    // Stories stay only when every role they pass through is shown, so the data never names a
    // role it does not hold.
    std::erase_if(out.stories, [&](const Story& s) {
        return std::any_of(s.steps.begin(), s.steps.end(), [&](const StoryStep& step) {
            return !step.role.empty() && !graph.contains(graph.catalogue->role(step.role));
        });
    });
    // Entry routes keep only the roles the graph shows; a route into none of them is left out.
    out.entry_routes.clear();
    for (const auto& e : graph.catalogue->entry_routes) {
        EntryRoute kept = e;
        kept.leads_to.clear();
        kept.leads_to_at.clear();
        for (std::size_t i = 0; i < e.leads_to.size(); ++i) {
            const Role* to = graph.catalogue->role(e.leads_to[i]);
            if (!to || !graph.contains(to)) continue;
            kept.leads_to.push_back(e.leads_to[i]);
            if (i < e.leads_to_at.size()) kept.leads_to_at.push_back(e.leads_to_at[i]);
        }
        if (!kept.leads_to.empty()) out.entry_routes.push_back(std::move(kept));
    }
    return out;
}

}  // namespace pathways
