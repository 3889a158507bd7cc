#include "pathways/catalogue.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "accept_warnings.hpp"
#include "entry_routes.hpp"
#include "pathways/graph_walk.hpp"
#include "pathways/yaml_reader.hpp"
#include "catalogue_parts.hpp"

namespace pathways {

const Role* Catalogue::role(const std::string& id) const {
    for (const auto& r : roles)
        if (r.id == id) return &r;
    return nullptr;
}

const Setting* Catalogue::setting(const std::string& id) const {
    for (const auto& s : settings)
        if (s.id == id) return &s;
    return nullptr;
}

int Catalogue::level_index(const std::string& id) const {
    for (std::size_t i = 0; i < levels.size(); ++i)
        if (levels[i].id == id) return static_cast<int>(i);
    return -1;
}

int Catalogue::lowest_level(const Role& r) const {
    int best = -1;
    for (const auto& l : r.levels) {
        int i = level_index(l);
        if (i >= 0 && (best < 0 || i < best)) best = i;
    }
    return best;
}

std::size_t Catalogue::link_count() const {
    std::size_t n = 0;
    for (const auto& r : roles) n += r.progresses_to.size();
    return n;
}

std::string_view to_string(LinkKind kind) {
    switch (kind) {
        case LinkKind::Up: return "up";
        case LinkKind::Within: return "within-level";
        case LinkKind::Down: return "down";
        case LinkKind::SameRole: return "same-role";
        case LinkKind::Transfer: return "transfer";
    }
    return "up";
}

LinkKind link_kind(const Catalogue& c, const Role& from, const Role& to) {
    int a = c.lowest_level(from), b = c.lowest_level(to);
    return b > a ? LinkKind::Up : b == a ? LinkKind::Within : LinkKind::Down;
}

bool is_safe_url(std::string_view url) {
    auto starts = [&](std::string_view p) {
        if (url.size() < p.size()) return false;
        for (std::size_t i = 0; i < p.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
        return true;
    };
    bool scheme_ok = (starts("https://") && url.size() > 8) || (starts("http://") && url.size() > 7) ||
                     (starts("mailto:") && url.size() > 7);
    if (!scheme_ok) return false;
    for (char ch : url)
        if (static_cast<unsigned char>(ch) <= ' ' || ch == '"' || ch == '<' || ch == '>' || ch == '\\') return false;
    return true;
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id[0] < 'a' || id[0] > 'z') return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

/// Reads the `id` of a level, setting or role, checking its form and that it is unique.
std::string read_id(MapReader& m, const std::string& what, std::map<std::string, Location>& seen) {
    std::string id = m.text("id", true);
    if (id.empty()) return id;
    Location where = m.where("id");
    if (!is_valid_id(id)) {
        m.diags().error(where, what + " id '" + id +
                                   "' must use only lower-case letters, digits and hyphens, starting with a letter");
    }
    auto [it, inserted] = seen.emplace(id, where);
    if (!inserted)
        m.diags().error(where, "duplicate " + what + " id '" + id + "' (first defined at line " +
                                   std::to_string(it->second.line) + ")");
    return id;
}

namespace {

void check_links(const Catalogue& c, Diagnostics& diags) {
    WarningFilter filter(c, diags);  // accept_warnings: drops the accepted ones, adds each one's kind
    std::map<std::string, std::size_t> index_of;
    for (std::size_t i = 0; i < c.roles.size(); ++i) index_of.emplace(c.roles[i].id, i);
    std::set<std::string> has_incoming;
    for (const auto& r : c.roles)
        for (const auto& t : r.progresses_to) has_incoming.insert(t);
    for (const auto& e : c.entry_routes)  // a role an entry route leads into is linked on the poster
        for (const auto& t : e.leads_to) has_incoming.insert(t);

    auto level_name = [&](int i) { return i >= 0 ? c.levels[static_cast<std::size_t>(i)].name : std::string("?"); };
    for (const auto& r : c.roles) {
        if (r.progresses_to.empty() && !has_incoming.count(r.id))
            filter.warn("no-links", {r.id}, r.where, "role '" + r.name + "' has no progression links to or from it");
        for (std::size_t i = 0; i < r.progresses_to.size(); ++i) {
            auto found = index_of.find(r.progresses_to[i]);
            const Role* to = found == index_of.end() ? nullptr : &c.roles[found->second];
            if (!to) continue;
            const Location& at = r.progression_at[i];
            if (to == &r) {
                filter.warn("self-link", {r.id}, at, "role '" + r.name + "' progresses to itself");
                continue;
            }
            int a = c.lowest_level(r), b = c.lowest_level(*to);
            if (b == a)
                filter.warn("within-level", {r.id}, at,
                            "progression from '" + r.name + "' to '" + to->name + "' stays within " + level_name(a));
            else if (b < a)
                filter.warn("down-level", {r.id}, at,
                            "progression from '" + r.name + "' (" + level_name(a) + ") to '" + to->name +
                                "' goes down to " + level_name(b));
        }
    }

    // Cycles: strongly connected components with more than one role (walked without recursion).
    Successors next(c.roles.size());
    for (std::size_t v = 0; v < c.roles.size(); ++v)
        for (const auto& t : c.roles[v].progresses_to)
            if (auto it = index_of.find(t); it != index_of.end() && it->second != v) next[v].push_back(it->second);
    auto components = strongly_connected_components(next);
    std::sort(components.begin(), components.end());  // in file order
    for (const auto& component : components) {
        if (component.size() < 2) continue;
        std::string names;
        std::vector<std::string> ids;
        for (auto k : component) names += (names.empty() ? "'" : ", '") + c.roles[k].name + "'";
        for (auto k : component) ids.push_back(c.roles[k].id);
        filter.warn("cycle", ids, c.roles[component.front()].where, "progressions form a cycle among " + names);
    }
    filter.report_unused();
}

// The catalogue's "find out more" page (issue 13), printed on posters as a QR code with the
// address beside it; only a URL `check` accepts for links.
std::string read_find_out_more_url(MapReader& top, Diagnostics& diags) {
    std::string url = top.text("url", false);
    if (!url.empty() && !is_safe_url(url))
        diags.error(top.where("url"), "url '" + url + "' is not allowed: only https:, http: and mailto: links may be used");
    return url;
}

/// Reads the `levels:` list, each level's id checked and recorded in `ids`.
void read_levels(MapReader& top, IdsSeen& ids, Catalogue& c) {
    for (const auto& node : top.map_list("levels", true)) {
        MapReader m(node, "level", c.file, top.diags(), {"id", "name", "description"});
        if (!m.is_map()) continue;
        Level l;
        l.where = m.where();
        l.id = read_id(m, "level", ids.levels);
        l.name = m.text("name", true);
        l.description = m.text("description", true);
        c.levels.push_back(std::move(l));
    }
    if (top.has("levels") && c.levels.empty())
        top.diags().error(top.where("levels"), "'levels' must list at least one level");
}

/// Reads the `settings:` list, each setting's id checked and recorded in `ids`.
void read_settings(MapReader& top, IdsSeen& ids, Catalogue& c) {
    for (const auto& node : top.map_list("settings", true)) {
        MapReader m(node, "setting", c.file, top.diags(), {"id", "name", "description"});
        if (!m.is_map()) continue;
        Setting s;
        s.where = m.where();
        s.id = read_id(m, "setting", ids.settings);
        s.name = m.text("name", true);
        s.description = m.text("description", true);
        c.settings.push_back(std::move(s));
    }
    if (top.has("settings") && c.settings.empty())
        top.diags().error(top.where("settings"), "'settings' must list at least one setting");
}

/// Reads the reader's notes: the optional `glossary:` and `panels:` lists.
void read_notes(MapReader& top, Catalogue& c) {
    for (const auto& node : top.map_list("glossary", false)) {
        MapReader m(node, "glossary entry", c.file, top.diags(), {"term", "definition"});
        if (!m.is_map()) continue;
        c.glossary.push_back({m.text("term", true), m.text("definition", true)});
    }
    for (const auto& node : top.map_list("panels", false)) {
        MapReader m(node, "panel", c.file, top.diags(), {"title", "text"});
        if (!m.is_map()) continue;
        c.panels.push_back({m.text("title", true), m.text("text", true)});
    }
}

/// Reads the catalogue's own description: title, publisher, source and the like.
void read_header(MapReader& top, Catalogue& c) {
    c.title = top.text("title", true);
    c.subtitle = top.text("subtitle", false);
    c.publisher = top.text("publisher", true);
    c.source = top.text("source", true);
    c.version = top.text("version", true);
    c.setting_dimension = top.text("setting_dimension", true);
    c.url = read_find_out_more_url(top, top.diags());
}

}  // namespace

std::optional<Catalogue> parse_catalogue(std::string_view text, const std::string& file, Diagnostics& diags) {
    std::size_t errors_before = diags.errors();
    auto root = parse_yaml(text, file, diags);
    if (!root) return std::nullopt;

    Catalogue c;
    c.file = file;
    MapReader top(*root, "the catalogue", file, diags,
                  {"title", "subtitle", "publisher", "source", "version", "setting_dimension", "levels",
                   "settings", "roles", "glossary", "panels", "stories", "entry_routes", "accept_warnings",
                   "families", "url"});
    if (!top.is_map()) return std::nullopt;
    IdsSeen ids;
    read_header(top, c);
    read_levels(top, ids, c);
    read_settings(top, ids, c);
    std::vector<std::string> role_list = read_roles(top, ids, c);  // roles.cpp
    read_entry_routes(top, role_list, c);
    read_notes(top, c);
    read_stories(top, c);  // stories.cpp
    read_families(top, c);  // families.cpp
    read_accept_warnings(top, role_list, c);

    if (diags.errors() > errors_before) return std::nullopt;
    check_links(c, diags);
    return c;
}

std::optional<Catalogue> load_catalogue(const std::string& path, Diagnostics& diags) {
    auto text = read_text_file(path, diags);
    if (!text) return std::nullopt;
    return parse_catalogue(*text, path, diags);
}

}  // namespace pathways
