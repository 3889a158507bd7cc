// A catalogue's optional `families:` list (the lanes of the career-framework layout) and the
// check of every role's `family` against it.
#include <map>

#include "catalogue_parts.hpp"

namespace pathways {

const Family* Catalogue::family(const std::string& id) const {
    for (const auto& f : families)
        if (f.id == id) return &f;
    return nullptr;
}

namespace {

/// Reads one family's id (its form, and that no other family has it), name and description.
void read_family(MapReader& m, std::map<std::string, Location>& seen, Catalogue& c) {
    Family f;
    f.where = m.where();
    f.id = m.text("id", true);
    f.name = m.text("name", true);
    f.description = m.text("description", true);
    if (f.id.empty()) return;
    Location at = m.where("id");
    if (!is_valid_id(f.id))
        m.diags().error(at, "family id '" + f.id +
                                "' must use only lower-case letters, digits and hyphens, starting with a letter");
    auto [it, inserted] = seen.emplace(f.id, at);
    if (!inserted)
        m.diags().error(at, "duplicate family id '" + f.id + "' (first defined at line " +
                                std::to_string(it->second.line) + ")");
    c.families.push_back(std::move(f));
}

/// Every role's `family` names a listed family; a role without one is an error at the role.
void check_role_families(MapReader& top, const std::vector<std::string>& ids, Catalogue& c) {
    std::string listed;
    for (const auto& id : ids) listed += (listed.empty() ? "" : ", ") + id;
    YAML::Node roles = top.get("roles");
    if (!roles.IsSequence()) return;
    for (const auto& node : roles) {
        if (!node.IsMap()) continue;
        YAML::Node id = node["id"], family = node["family"];
        std::string label = id.IsScalar() ? "role '" + id.Scalar() + "'" : std::string("role");
        if (!family.IsDefined() || family.IsNull()) {
            top.diags().error(location_of(c.file, node), label + " has no 'family': this catalogue lists families, "
                                                             "so give each role one (" + listed + ")");
        } else if (family.IsScalar() && !c.family(family.Scalar())) {
            top.diags().error(location_of(c.file, family),
                              "unknown family '" + family.Scalar() + "'" + did_you_mean(family.Scalar(), ids));
        }
    }
}

}  // namespace

void read_families(MapReader& top, Catalogue& c) {
    std::map<std::string, Location> seen;
    for (const auto& node : top.map_list("families", false)) {
        MapReader m(node, "family", c.file, top.diags(), {"id", "name", "description"});
        if (m.is_map()) read_family(m, seen, c);
    }
    if (top.has("families") && c.families.empty()) {
        if (top.get("families").IsSequence())
            top.diags().error(top.where("families"), "'families' must list at least one family (or be left out)");
        return;
    }
    if (c.families.empty()) return;  // no families: a role's `family` is free text, lanes are settings
    std::vector<std::string> ids;
    for (const auto& f : c.families) ids.push_back(f.id);
    check_role_families(top, ids, c);
}

}  // namespace pathways
