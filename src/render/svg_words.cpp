// The drawing in words, for the SVG's <desc> and each role's <title> and <desc>: what a screen
// reader announces and what a tooltip shows.
#include <algorithm>
#include <map>
#include <set>

#include "svg_text.hpp"
#include "svg_writer.hpp"

namespace pathways::svg {

namespace {

/// The progressions drawn, counted and indexed for the sentences below.
struct LinkCounts {
    std::map<LinkKind, std::size_t> kinds;
    std::size_t progressions = 0;
    std::map<const Role*, std::size_t> reached;               // in-view progressions into each role
    std::map<const Role*, std::vector<const Role*>> up;        // upward progressions from each role
};

LinkCounts count_links(const Layout& L) {
    LinkCounts n;
    for (const auto& l : L.links()) {
        if (l.kind == LinkKind::SameRole) continue;
        ++n.kinds[l.kind];
        ++n.progressions;
        if (l.kind != LinkKind::Transfer && l.to && l.from != l.to) ++n.reached[l.to];
        if (l.kind == LinkKind::Up && l.from && l.to) n.up[l.from].push_back(l.to);
    }
    return n;
}

/// The distinct roles drawn, in drawing order.
std::vector<const Role*> drawn_roles(const Layout& L) {
    std::vector<const Role*> roles;
    std::set<const Role*> seen;
    for (const auto& r : L.roles())
        if (r.role && seen.insert(r.role).second) roles.push_back(r.role);
    return roles;
}

/// How many roles, at which levels, coloured by which settings, and those shown at two levels.
std::string shape_sentences(const Poster& p, const Style& s, const DrawingFacts& facts,
                            const std::vector<const Role*>& roles) {
    const Layout& L = p.layout;
    std::vector<std::string> levels, settings;
    for (const auto& b : L.bands()) levels.push_back(b.level->name);
    for (const auto& id : facts.setting_ids) settings.push_back(facts.name_of_setting(id));
    std::string dimension = lower_first(p.setting_dimension.empty() ? "setting" : p.setting_dimension);

    std::string d = "A career pathway diagram of " + count_words(roles.size(), "job role");
    if (levels.size() == 1) {
        d += " at one level, " + levels[0] + ".";
    } else if (!levels.empty()) {
        bool ltr = L.choice().left_to_right;
        d += " at " + std::to_string(levels.size()) + " career levels, drawn as bands from " + levels.front() +
             (ltr ? " on the left to " : " at the bottom to ") + levels.back() +
             (ltr ? " on the right: " : " at the top: ") + list_words(levels) + ".";
    } else {
        d += ".";
    }
    if (settings.size() == 1) {
        d += " All of them are in " + settings[0] + ".";
    } else if (!settings.empty()) {
        d += " Each role is coloured by its " + dimension + ", one of " + std::to_string(settings.size()) + " (" +
             list_words(settings) + ")";
        d += facts.any_striped ? "; a role found in more than one is striped with each of their colours." : ".";
    }
    std::size_t multi_level = std::count_if(roles.begin(), roles.end(), [](const Role* r) { return r->levels.size() > 1; });
    if (multi_level)
        d += " " + count_words(multi_level, "role") + (multi_level == 1 ? " appears" : " appear") +
             " at two or more levels, joined by a " + s.same_role.line + " line.";
    return d;
}

/// How many arrows of each kind.
std::string link_sentence(LinkCounts& n) {
    if (n.progressions == 0) return " No routes between roles are shown.";
    std::vector<std::string> parts;
    if (n.kinds[LinkKind::Up]) parts.push_back(std::to_string(n.kinds[LinkKind::Up]) + " lead up to a higher level");
    if (n.kinds[LinkKind::Within])
        parts.push_back(std::to_string(n.kinds[LinkKind::Within]) + " to another role at the same level");
    if (n.kinds[LinkKind::Down]) parts.push_back(std::to_string(n.kinds[LinkKind::Down]) + " down to a lower level");
    if (n.kinds[LinkKind::Transfer])
        parts.push_back(std::to_string(n.kinds[LinkKind::Transfer]) + " to roles outside this diagram");
    return " " + std::to_string(n.progressions) + (n.progressions == 1 ? " arrow shows" : " arrows show") +
           " where a role can lead: " + list_words(parts) + ".";
}

/// The roles most often reached (from two roles or more), at most three.
std::string hubs_sentence(const std::vector<const Role*>& roles, LinkCounts& n) {
    std::vector<const Role*> hubs;
    for (const Role* r : roles)
        if (n.reached[r] >= 2) hubs.push_back(r);
    std::stable_sort(hubs.begin(), hubs.end(), [&](const Role* a, const Role* b) { return n.reached[a] > n.reached[b]; });
    if (hubs.size() > 3) hubs.resize(3);
    if (hubs.empty()) return {};
    std::vector<std::string> words;
    for (std::size_t i = 0; i < hubs.size(); ++i)
        words.push_back(hubs[i]->name + " (from " + std::to_string(n.reached[hubs[i]]) + (i == 0 ? " roles)" : ")"));
    return " The roles most often reached are " + list_words(words) + ".";
}

/// For each role, the number of roles on the longest climb of upward links from it (itself
/// included). An explicit stack, not recursion, so a long chain cannot overflow the stack; a role
/// met again while still on the stack (a cycle, which upward links cannot form) counts 0.
std::map<const Role*, std::size_t> climb_depths(const std::vector<const Role*>& roles,
                                                std::map<const Role*, std::vector<const Role*>>& up) {
    std::map<const Role*, std::size_t> depth;
    std::set<const Role*> on_stack;
    for (const Role* start : roles) {
        std::vector<std::pair<const Role*, std::size_t>> stack{{start, 0}};  // role, next child
        on_stack.insert(start);
        while (!stack.empty()) {
            auto& [r, next] = stack.back();
            if (depth.count(r)) {
                on_stack.erase(r), stack.pop_back();
                continue;
            }
            const auto& children = up[r];
            if (next < children.size()) {
                const Role* child = children[next++];
                if (!depth.count(child) && on_stack.insert(child).second) stack.push_back({child, 0});
                continue;
            }
            std::size_t best = 0;
            for (const Role* c : children) best = std::max(best, depth.count(c) ? depth[c] : 0);
            depth[r] = best + 1;
            on_stack.erase(r);
            stack.pop_back();
        }
    }
    return depth;
}

/// Main routes: the longest climbs, chosen to cover as many different roles as possible.
std::string routes_sentence(const std::vector<const Role*>& roles, LinkCounts& n) {
    auto& up = n.up;
    std::map<const Role*, std::size_t> depth = climb_depths(roles, up);
    auto longest = [&](const Role* r) { return depth.count(r) ? depth[r] : 1; };
    std::set<const Role*> has_up_in;
    for (const auto& [from, tos] : up) has_up_in.insert(tos.begin(), tos.end());
    std::vector<std::vector<const Role*>> candidates;
    for (const Role* r : roles) {
        if (has_up_in.count(r) || up[r].empty()) continue;
        std::vector<const Role*> route{r};
        for (const Role* at = r; !up[at].empty();) {
            const Role* next = nullptr;
            for (const Role* t : up[at])
                if (!next || longest(t) > longest(next)) next = t;
            if (std::find(route.begin(), route.end(), next) != route.end()) break;
            route.push_back(next);
            at = next;
        }
        if (route.size() >= 3) candidates.push_back(route);
    }
    std::vector<std::vector<const Role*>> routes;
    std::set<const Role*> covered;
    auto score = [&](const std::vector<const Role*>& route) {
        std::size_t fresh = 0;
        for (const Role* r : route) fresh += covered.count(r) ? 0 : 1;
        return fresh * 100 + route.size();
    };
    while (routes.size() < 3 && !candidates.empty()) {
        std::size_t best = 0;
        for (std::size_t i = 1; i < candidates.size(); ++i)
            if (score(candidates[i]) > score(candidates[best])) best = i;
        routes.push_back(candidates[best]);
        covered.insert(candidates[best].begin(), candidates[best].end());
        candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(best));
    }
    if (routes.empty()) return {};
    std::string d = routes.size() == 1 ? " A main route up the levels: " : " Main routes up the levels: ";
    for (std::size_t i = 0; i < routes.size(); ++i) {
        std::string words;
        for (std::size_t k = 0; k < routes[i].size(); ++k) words += (k ? " to " : "") + routes[i][k]->name;
        d += (i ? "; " : "") + words;
    }
    return d + ".";
}

}  // namespace

/// A route or story poster: the roles it stresses, in drawing order, and the story's steps.
std::string focus_sentence(const Poster& p) {
    std::vector<std::string> names;
    std::set<const Role*> seen;
    for (const auto& r : p.layout.roles())
        if (r.emphasis == Emphasis::Emphasised && r.role && seen.insert(r.role).second) names.push_back(r.role->name);
    if (names.empty()) return {};
    std::string d = " Stressed on this poster, with the rest faded: " + list_words(names) + ".";
    if (!p.marks.badges.empty()) {
        d += " The story's steps, numbered on the map:";
        for (const auto& b : p.marks.badges) d += " " + b.number + ". " + b.text + ".";
    }
    return d;
}

std::string describe(const Poster& p, const Style& s, const DrawingFacts& facts) {
    std::vector<const Role*> roles = drawn_roles(p.layout);
    LinkCounts n = count_links(p.layout);
    std::string d = shape_sentences(p, s, facts, roles) + link_sentence(n) + focus_sentence(p);
    if (n.progressions == 0) return d;
    return d + hubs_sentence(roles, n) + routes_sentence(roles, n);
}

std::string role_title(const Poster& p, const DrawingFacts& facts, const Role& r) {
    std::string t = r.name;
    std::vector<std::string> levels, settings;
    for (const auto& b : p.layout.bands())
        if (std::find(r.levels.begin(), r.levels.end(), b.level->id) != r.levels.end()) levels.push_back(b.level->name);
    if (levels.size() < r.levels.size()) {  // levels outside the view: by id
        levels.clear();
        for (const auto& id : r.levels) {
            std::string name = id;
            for (const auto& b : p.layout.bands())
                if (b.level->id == id) name = b.level->name;
            levels.push_back(name);
        }
    }
    for (const auto& id : r.settings) settings.push_back(facts.name_of_setting(id));
    t += "\n" + std::string(levels.size() == 1 ? "Level: " : "Levels: ") + list_words(levels);
    std::string dim = p.setting_dimension.empty() ? "Setting" : p.setting_dimension;
    t += "\n" + plural(dim, settings.size()) + ": " + list_words(settings);
    if (!r.pay_band.empty()) t += "\nPay: " + r.pay_band;           // issue 17
    if (!r.aliases.empty()) t += "\nAlso called: " + list_words(r.aliases);
    return t;
}

std::string role_desc(const Poster& p, const Role& r) {
    std::string d = r.summary;
    std::vector<std::string> next;
    for (const auto& l : p.layout.links())
        if (l.from == &r && l.to && l.to != &r && l.kind != LinkKind::SameRole &&
            std::find(next.begin(), next.end(), l.to->name) == next.end())
            next.push_back(l.to->name);
    if (!next.empty()) d += (d.empty() ? "" : " ") + std::string("Can lead to: ") + list_words(next) + ".";
    return d;
}

}  // namespace pathways::svg
