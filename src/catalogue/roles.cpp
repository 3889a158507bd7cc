// Reading the `roles:` list of a catalogue: one role at a time, each key checked where it stands.
#include <algorithm>
#include <set>

#include "catalogue_parts.hpp"

namespace pathways {

namespace {

/// The ids of a map's keys, for did-you-mean suggestions.
std::vector<std::string> keys_of(const std::map<std::string, Location>& seen) {
    std::vector<std::string> out;
    for (const auto& [id, _] : seen) out.push_back(id);
    return out;
}

/// The id of a role node, if it has a usable one (a missing key must not be touched: yaml-cpp throws).
std::string id_of(const YAML::Node& node) {
    if (!node.IsMap()) return {};
    YAML::Node id = node["id"];
    return id.IsDefined() && id.IsScalar() ? id.Scalar() : std::string{};
}

/// What the role's `level` or `levels` key says, located; exactly one of the two must be there.
std::vector<LocatedString> written_levels(MapReader& m, const std::string& label) {
    std::vector<LocatedString> levels;
    if (m.has("level") && m.has("levels")) {
        m.diags().error(m.where("levels"), label + " has both 'level' and 'levels'; use one");
    } else if (m.has("level")) {
        std::string l = m.text("level", true);
        if (!l.empty()) levels.push_back({l, m.where("level")});
    } else if (m.has("levels")) {
        levels = m.text_list("levels", true);
        if (levels.empty() && m.get("levels").IsSequence())
            m.diags().error(m.where("levels"), label + " must be listed at one level at least");
    } else {
        m.diags().error(m.where(), label + " is missing required key 'level' (or 'levels')");
    }
    return levels;
}

/// Adds each written id that is known and not yet listed to `out`; reports the others, located.
void add_known_ids(const std::vector<LocatedString>& written, const std::map<std::string, Location>& known,
                   const std::string& what, const std::string& label, Diagnostics& diags,
                   std::vector<std::string>& out) {
    for (const auto& w : written) {
        if (!known.count(w.value))
            diags.error(w.where, "unknown " + what + " '" + w.value + "'" + did_you_mean(w.value, keys_of(known)));
        else if (std::find(out.begin(), out.end(), w.value) != out.end())
            diags.error(w.where, label + " lists " + what + " '" + w.value + "' twice");
        else
            out.push_back(w.value);
    }
}

/// Reads the role's `settings:`; an empty list is an error (every role works somewhere).
void read_role_settings(MapReader& m, const std::string& label, const IdsSeen& ids, Role& r) {
    auto settings = m.text_list("settings", true);
    YAML::Node node = m.get("settings");
    if (node.IsDefined() && (node.IsNull() || (node.IsSequence() && node.size() == 0)))
        m.diags().error(m.where("settings"), label + " is in no setting; list at least one");
    add_known_ids(settings, ids.settings, "setting", label, m.diags(), r.settings);
}

/// Reads one role entry; `role_list` holds every role id in the file, for forward progressions.
std::optional<Role> read_role(const YAML::Node& node, const std::vector<std::string>& role_list, IdsSeen& ids,
                              const Catalogue& c, Diagnostics& diags) {
    std::string id = id_of(node);
    std::string label = id.empty() ? "role" : "role '" + id + "'";
    MapReader m(node, label, c.file, diags,
                {"id", "name", "level", "levels", "settings", "progresses_to", "summary", "url", "aliases",
                 "pay_band", "family"});
    if (!m.is_map()) return std::nullopt;
    Role r;
    r.where = m.where();
    r.id = read_id(m, "role", ids.roles);
    r.name = m.text("name", true);
    r.summary = m.text("summary", true);
    r.pay_band = m.text("pay_band", false);
    r.family = m.text("family", false);  // the spreadsheet's "family" column
    add_known_ids(written_levels(m, label), ids.levels, "level", label, diags, r.levels);
    read_role_settings(m, label, ids, r);
    read_progressions(m, label, role_list, r);  // progressions.cpp: ids or {to, via}
    for (const auto& a : m.text_list("aliases", false)) r.aliases.push_back(a.value);
    r.url = m.text("url", false);
    if (!r.url.empty() && !is_safe_url(r.url))
        diags.error(m.where("url"), "url '" + r.url + "' is not allowed: only https:, http: and mailto: links may be used");
    return r;
}

}  // namespace

std::vector<std::string> read_roles(MapReader& top, IdsSeen& ids, Catalogue& c) {
    std::vector<YAML::Node> role_nodes = top.map_list("roles", true);
    std::vector<std::string> role_list;
    for (const auto& node : role_nodes)
        if (std::string id = id_of(node); !id.empty()) role_list.push_back(id);
    for (const auto& node : role_nodes)
        if (auto r = read_role(node, role_list, ids, c, top.diags())) c.roles.push_back(std::move(*r));
    if (top.has("roles") && c.roles.empty() && top.get("roles").IsSequence())
        top.diags().error(top.where("roles"), "'roles' must list at least one role");
    return role_list;
}

}  // namespace pathways
