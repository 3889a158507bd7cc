// A role's progressions: `progresses_to: [id, {to: id, via: "what the step takes"}, ...]`.
#include <algorithm>

#include "catalogue_parts.hpp"

namespace pathways {

namespace {

/// One entry of `progresses_to` as written: the target id, what the step takes, and where.
struct ProgressionEntry {
    std::string to, via;
    Location where;
    bool ok = false;
};

ProgressionEntry read_entry(const YAML::Node& item, const std::string& label, const std::string& file,
                            Diagnostics& diags) {
    ProgressionEntry e;
    e.where = location_of(file, item);
    if (item.IsScalar() && !item.Scalar().empty()) {
        e.to = item.Scalar();
        e.ok = true;
        return e;
    }
    if (!item.IsMap()) {
        diags.error(e.where, "items of 'progresses_to' in " + label +
                                 " must be a role id or {to: ID, via: \"...\"}, not " + describe(item));
        return e;
    }
    MapReader m(item, "progression of " + label, file, diags, {"to", "via"});
    e.to = m.text("to", true);
    e.where = m.where("to");
    if (m.has("via")) e.via = m.text("via", true);
    e.ok = !e.to.empty() && (!m.has("via") || !e.via.empty());
    return e;
}

}  // namespace

void read_progressions(MapReader& m, const std::string& label, const std::vector<std::string>& role_ids,
                       Role& r) {
    YAML::Node list = m.get("progresses_to");
    if (!list.IsDefined() || list.IsNull()) return;
    if (!list.IsSequence()) {
        std::string hint = list.IsScalar() ? " (write [" + list.Scalar() + "])" : "";
        m.diags().error(m.where("progresses_to"),
                        "'progresses_to' in " + label + " must be a list" + hint + ", not " + describe(list));
        return;
    }
    for (const auto& item : list) {
        ProgressionEntry e = read_entry(item, label, m.file(), m.diags());
        if (!e.ok) continue;
        if (std::find(role_ids.begin(), role_ids.end(), e.to) == role_ids.end()) {
            m.diags().error(e.where, "progression to unknown role '" + e.to + "'" + did_you_mean(e.to, role_ids));
        } else if (std::find(r.progresses_to.begin(), r.progresses_to.end(), e.to) != r.progresses_to.end()) {
            m.diags().error(e.where, label + " lists progression to '" + e.to + "' twice");
        } else {
            r.progresses_to.push_back(e.to);
            r.progression_at.push_back(e.where);
            r.progression_via.push_back(e.via);
        }
    }
}

}  // namespace pathways
