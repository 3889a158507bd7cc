// Routes along progressions, reachable sets, role lookup and story steps. No recursion anywhere:
// breadth-first searches use a queue, path enumeration an explicit stack.
#include "pathways/route.hpp"

#include <algorithm>
#include <deque>
#include <functional>
#include <limits>
#include <map>
#include <set>

namespace pathways {

namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
/// The most path extensions one enumeration may try before it gives up and reports `cut`.
constexpr std::size_t kMaxWork = 5'000'000;

/// The progression graph by role index (position in catalogue.roles): out- and in-neighbours.
struct Adjacency {
    std::vector<std::vector<std::size_t>> out, in;
};

Adjacency adjacency_of(const Catalogue& c) {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < c.roles.size(); ++i) index.emplace(c.roles[i].id, i);
    Adjacency a;
    a.out.resize(c.roles.size());
    a.in.resize(c.roles.size());
    for (std::size_t i = 0; i < c.roles.size(); ++i) {
        for (const auto& t : c.roles[i].progresses_to) {
            auto it = index.find(t);
            if (it == index.end() || it->second == i) continue;  // unknown ids are load errors; self links go nowhere
            a.out[i].push_back(it->second);
            a.in[it->second].push_back(i);
        }
    }
    return a;
}

std::size_t index_of(const Catalogue& c, const Role& r) { return static_cast<std::size_t>(&r - c.roles.data()); }

/// Steps from `start` to every role (kNone when unreachable), following `edges`.
std::vector<std::size_t> distances(const std::vector<std::vector<std::size_t>>& edges, std::size_t start) {
    std::vector<std::size_t> dist(edges.size(), kNone);
    std::deque<std::size_t> queue{start};
    dist[start] = 0;
    while (!queue.empty()) {
        std::size_t v = queue.front();
        queue.pop_front();
        for (std::size_t w : edges[v])
            if (dist[w] == kNone) {
                dist[w] = dist[v] + 1;
                queue.push_back(w);
            }
    }
    return dist;
}

/// Paths of one exact length from `s` to `t` without repeated roles.
struct PathSearch {
    const Adjacency& graph;
    const std::vector<std::size_t>& to_target;  // steps from each role to t
    std::size_t s, t, length;
    std::size_t work = 0;
};

/// Appends to `out` every path of `search.length` steps, stopping when it would exceed `limit`
/// paths or the work bound; returns false when it stopped early (so more paths may exist).
bool paths_of_length(PathSearch& search, std::size_t limit, std::vector<std::vector<std::size_t>>& out) {
    const auto& edges = search.graph.out;
    std::vector<std::size_t> path{search.s}, next{0};
    std::vector<char> on_path(edges.size(), 0);
    on_path[search.s] = 1;
    std::size_t found = 0;
    while (!path.empty()) {
        std::size_t v = path.back(), depth = path.size() - 1;
        if (v == search.t) {
            if (found == limit) return false;
            out.push_back(path);
            ++found;
        } else {
            bool pushed = false;
            while (!pushed && next.back() < edges[v].size()) {
                std::size_t w = edges[v][next.back()++];
                std::size_t remaining = search.length - depth - 1;
                if (on_path[w] || search.to_target[w] > remaining || (w == search.t && remaining != 0)) continue;
                if (++search.work > kMaxWork) return false;
                path.push_back(w);
                next.push_back(0);
                on_path[w] = 1;
                pushed = true;
            }
            if (pushed) continue;
        }
        on_path[v] = 0;
        path.pop_back();
        next.pop_back();
    }
    return true;
}

bool share_a_setting(const Role& a, const Role& b) {
    return std::any_of(a.settings.begin(), a.settings.end(), [&](const std::string& s) {
        return std::find(b.settings.begin(), b.settings.end(), s) != b.settings.end();
    });
}

Route route_of(const Catalogue& c, const std::vector<std::size_t>& path) {
    Route r;
    for (std::size_t i : path) r.roles.push_back(&c.roles[i]);
    for (std::size_t k = 1; k < r.roles.size(); ++k) {
        const Role* from = r.roles[k - 1];
        const Role* to = r.roles[k];
        r.steps.push_back({from, to, progression_via(*from, to->id), !share_a_setting(*from, *to)});
    }
    return r;
}

std::vector<const Role*> roles_at(const Catalogue& c, const std::vector<std::size_t>& dist, std::size_t self) {
    std::vector<const Role*> out;
    for (std::size_t i = 0; i < dist.size(); ++i)
        if (i != self && dist[i] != kNone) out.push_back(&c.roles[i]);
    return out;
}

}  // namespace

RouteResult find_routes(const Catalogue& c, const Role& from, const Role& to, const RouteOptions& options) {
    RouteResult result;
    if (&from == &to) return result;
    Adjacency graph = adjacency_of(c);
    std::size_t s = index_of(c, from), t = index_of(c, to);
    std::vector<std::size_t> from_start = distances(graph.out, s);
    if (from_start[t] == kNone) return result;
    std::vector<std::size_t> to_target = distances(graph.in, t);
    result.shortest = from_start[t];
    result.longest = options.all ? result.shortest + options.extra_steps : result.shortest;
    std::vector<std::vector<std::size_t>> paths;
    const std::size_t limit = std::max<std::size_t>(1, options.max_routes);  // 0 would hide every route
    for (std::size_t length = result.shortest; length <= result.longest; ++length) {
        PathSearch search{graph, to_target, s, t, length};
        std::vector<std::vector<std::size_t>> these;
        bool complete = paths_of_length(search, limit - paths.size(), these);
        std::sort(these.begin(), these.end());  // catalogue order of the roles taken
        paths.insert(paths.end(), these.begin(), these.end());
        if (!complete) {
            result.cut = true;
            break;
        }
    }
    for (const auto& p : paths) result.routes.push_back(route_of(c, p));
    return result;
}

std::vector<const Role*> reachable_from(const Catalogue& c, const Role& role) {
    std::size_t i = index_of(c, role);
    return roles_at(c, distances(adjacency_of(c).out, i), i);
}

std::vector<const Role*> leading_to(const Catalogue& c, const Role& role) {
    std::size_t i = index_of(c, role);
    return roles_at(c, distances(adjacency_of(c).in, i), i);
}

std::string progression_via(const Role& from, std::string_view to_id) {
    for (std::size_t i = 0; i < from.progresses_to.size() && i < from.progression_via.size(); ++i)
        if (from.progresses_to[i] == to_id) return from.progression_via[i];
    return {};
}

RouteEmphasis emphasis_of(const Catalogue& c, const RouteResult& result) {
    std::set<const Role*> roles;
    std::set<std::pair<const Role*, const Role*>> links;
    for (const auto& route : result.routes) {
        roles.insert(route.roles.begin(), route.roles.end());
        for (const auto& step : route.steps) links.insert({step.from, step.to});
    }
    RouteEmphasis e;
    for (const auto& r : c.roles) {
        if (roles.count(&r)) e.roles.push_back(&r);
        for (const auto& t : r.progresses_to) {
            const Role* to = c.role(t);
            if (links.count({&r, to})) e.links.push_back({&r, to});
        }
    }
    return e;
}

std::string normalise_name(std::string_view text) {
    std::string out;
    bool space = false;
    for (char ch : text) {
        auto u = static_cast<unsigned char>(ch);
        if (u == ' ' || u == '\t' || u == '\n' || u == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(u < 0x80 ? std::tolower(u) : u);
    }
    return out;
}

RoleMatch find_role(const Catalogue& c, std::string_view text) {
    RoleMatch m;
    if (const Role* exact = c.role(std::string(text))) {
        m.role = exact;
        return m;
    }
    // Ids (in any case) first, then names, then aliases: the first kind that matches decides.
    std::string want = normalise_name(text);
    auto by_id = [&](const Role& r) { return normalise_name(r.id) == want; };
    auto by_name = [&](const Role& r) { return normalise_name(r.name) == want; };
    auto by_alias = [&](const Role& r) {
        return std::any_of(r.aliases.begin(), r.aliases.end(), [&](const std::string& a) { return normalise_name(a) == want; });
    };
    for (const auto& matches : {std::function<bool(const Role&)>(by_id), std::function<bool(const Role&)>(by_name),
                                std::function<bool(const Role&)>(by_alias)}) {
        for (const auto& r : c.roles)
            if (matches(r)) m.ambiguous.push_back(&r);
        if (m.ambiguous.size() == 1) {
            m.role = m.ambiguous.front();
            m.ambiguous.clear();
            return m;
        }
        if (!m.ambiguous.empty()) return m;
    }
    std::vector<std::string> names, ids;
    for (const auto& r : c.roles) {
        names.push_back(r.name);
        names.insert(names.end(), r.aliases.begin(), r.aliases.end());
        ids.push_back(r.id);
        bool contains = want.size() >= 3 && (normalise_name(r.name).find(want) != std::string::npos ||
                                             std::any_of(r.aliases.begin(), r.aliases.end(), [&](const std::string& a) {
                                                 return normalise_name(a).find(want) != std::string::npos;
                                             }));
        if (contains) m.containing.push_back(&r);
    }
    m.suggestion = closest_match(want, names);
    if (m.suggestion.empty()) m.suggestion = closest_match(want, ids);
    return m;
}

const Story* find_story(const Catalogue& c, std::string_view id) {
    for (const auto& s : c.stories)
        if (s.id == id) return &s;
    return nullptr;
}

std::vector<StoryStop> story_stops(const Catalogue& c, const Story& story) {
    std::vector<StoryStop> out;
    for (const auto& step : story.steps) {
        StoryStop stop;
        if (!step.role.empty()) {
            stop.role = c.role(step.role);
            if (!stop.role) continue;  // the loader refuses unknown ids; a hand-made story may not
            stop.text = step.text.empty() ? stop.role->name : step.text;
            int lowest = c.lowest_level(*stop.role);
            if (lowest >= 0) stop.level = &c.levels[static_cast<std::size_t>(lowest)];
        } else {
            stop.text = step.text;
            int i = c.level_index(step.level);
            if (i >= 0) stop.level = &c.levels[static_cast<std::size_t>(i)];
        }
        out.push_back(std::move(stop));
    }
    return out;
}

}  // namespace pathways
