// The focus of a route or story view: which roles and progressions it emphasises.
#include "pathways/focus.hpp"

#include <algorithm>

#include "pathways/view.hpp"

namespace pathways {

std::string_view to_string(Emphasis emphasis) {
    switch (emphasis) {
        case Emphasis::Normal: return "normal";
        case Emphasis::Emphasised: return "emphasised";
        case Emphasis::Faded: return "faded";
    }
    return "normal";
}

Emphasis Focus::of(const Role* role) const {
    if (!active()) return Emphasis::Normal;
    return std::find(roles.begin(), roles.end(), role) != roles.end() ? Emphasis::Emphasised : Emphasis::Faded;
}

Emphasis Focus::of(const Role* a, const Role* b) const {
    if (!active()) return Emphasis::Normal;
    if (a == b) return Emphasis::Faded;
    return std::find(links.begin(), links.end(), std::make_pair(a, b)) != links.end() ? Emphasis::Emphasised
                                                                                     : Emphasis::Faded;
}

namespace {

/// A story's roles, and the progressions between consecutive role steps (when the catalogue has
/// them), each once, in catalogue order.
void story_emphasis(const Catalogue& c, Focus& f) {
    std::vector<std::pair<const Role*, const Role*>> steps;
    for (std::size_t i = 0; i + 1 < f.stops.size(); ++i)
        if (f.stops[i].role && f.stops[i + 1].role) steps.emplace_back(f.stops[i].role, f.stops[i + 1].role);
    for (const auto& r : c.roles) {
        if (std::any_of(f.stops.begin(), f.stops.end(), [&](const StoryStop& s) { return s.role == &r; }))
            f.roles.push_back(&r);
        for (const auto& t : r.progresses_to) {
            const Role* to = c.role(t);
            auto link = std::make_pair(static_cast<const Role*>(&r), to);
            if (to && std::find(steps.begin(), steps.end(), link) != steps.end() &&
                std::find(f.links.begin(), f.links.end(), link) == f.links.end())
                f.links.push_back(link);
        }
    }
}

}  // namespace

Focus focus_of(const Catalogue& c, const View& view) {
    Focus f;
    if (view.kind == View::Kind::Route && view.ids.size() == 2) {
        f.from = c.role(view.ids[0]);
        f.to = c.role(view.ids[1]);
        if (!f.from || !f.to || f.from == f.to) return f;
        f.kind = Focus::Kind::Route;
        f.routes = find_routes(c, *f.from, *f.to);
        RouteEmphasis e = emphasis_of(c, f.routes);
        f.roles = std::move(e.roles);
        f.links = std::move(e.links);
    } else if (view.kind == View::Kind::Story && view.ids.size() == 1) {
        f.story = find_story(c, view.ids[0]);
        if (!f.story) return f;
        f.kind = Focus::Kind::Story;
        f.stops = story_stops(c, *f.story);
        story_emphasis(c, f);
    }
    return f;
}

}  // namespace pathways
