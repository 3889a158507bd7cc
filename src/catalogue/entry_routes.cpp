#include "entry_routes.hpp"

#include <algorithm>
#include <map>

namespace pathways {

const EntryRoute* Catalogue::entry_route(const std::string& id) const {
    for (const auto& e : entry_routes)
        if (e.id == id) return &e;
    return nullptr;
}

namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

/// Checks an entry route's id: its form, that no other entry route has it, and that no role does
/// (a poster draws both as boxes, named by id).
void check_id(MapReader& m, const std::string& id, const std::vector<std::string>& role_ids,
              std::map<std::string, Location>& seen) {
    Location where = m.where("id");
    if (!is_valid_id(id))
        m.diags().error(where, "entry route id '" + id +
                                   "' must use only lower-case letters, digits and hyphens, starting with a letter");
    if (contains(role_ids, id))
        m.diags().error(where, "entry route id '" + id + "' is also a role's id; give the entry route its own id");
    auto [it, inserted] = seen.emplace(id, where);
    if (!inserted)
        m.diags().error(where, "duplicate entry route id '" + id + "' (first defined at line " +
                                   std::to_string(it->second.line) + ")");
}

/// Reads `leads_to`: at least one role id, each naming a role in the file, none twice.
void read_leads_to(MapReader& m, const std::string& label, const std::vector<std::string>& role_ids,
                   EntryRoute& route) {
    auto targets = m.text_list("leads_to", true);
    YAML::Node node = m.get("leads_to");
    if (node.IsDefined() && (node.IsNull() || (node.IsSequence() && node.size() == 0)))
        m.diags().error(m.where("leads_to"), label + " leads to no role; list at least one role id in 'leads_to'");
    for (const auto& t : targets) {
        if (!contains(role_ids, t.value)) {
            m.diags().error(t.where, label + " leads to unknown role '" + t.value + "'" +
                                         did_you_mean(t.value, role_ids));
        } else if (contains(route.leads_to, t.value)) {
            m.diags().error(t.where, label + " lists '" + t.value + "' twice in 'leads_to'");
        } else {
            route.leads_to.push_back(t.value);
            route.leads_to_at.push_back(t.where);
        }
    }
}

}  // namespace

void read_entry_routes(MapReader& top, const std::vector<std::string>& role_ids, Catalogue& c) {
    std::map<std::string, Location> seen;
    for (const auto& node : top.map_list("entry_routes", false)) {
        std::string id = node.IsMap() && node["id"].IsDefined() && node["id"].IsScalar() ? node["id"].Scalar() : "";
        std::string label = id.empty() ? "entry route" : "entry route '" + id + "'";
        MapReader m(node, label, top.file(), top.diags(), {"id", "name", "description", "leads_to", "url"});
        if (!m.is_map()) continue;
        EntryRoute route;
        route.where = m.where();
        route.id = m.text("id", true);
        if (!route.id.empty()) check_id(m, route.id, role_ids, seen);
        route.name = m.text("name", true);
        route.description = m.text("description", true);
        read_leads_to(m, label, role_ids, route);
        route.url = m.text("url", false);
        if (!route.url.empty() && !is_safe_url(route.url))
            m.diags().error(m.where("url"), "url '" + route.url +
                                                "' is not allowed: only https:, http: and mailto: links may be used");
        c.entry_routes.push_back(std::move(route));
    }
}

}  // namespace pathways
