// Career stories: `stories: [{id, name, title, source, entry_route, steps: [role-id | {text, level}]}]`.
#include <map>

#include "catalogue_parts.hpp"

namespace pathways {

namespace {

std::vector<std::string> ids_of_roles(const Catalogue& c) {
    std::vector<std::string> out;
    for (const auto& r : c.roles) out.push_back(r.id);
    return out;
}

std::vector<std::string> ids_of_levels(const Catalogue& c) {
    std::vector<std::string> out;
    for (const auto& l : c.levels) out.push_back(l.id);
    return out;
}

/// A step written as a mapping: `{text, level}` for a job the catalogue does not have, or
/// `{role, text}` for a catalogue role under the person's own job title.
std::optional<StoryStep> read_step_map(const YAML::Node& item, const std::string& label, const Catalogue& c,
                                       Diagnostics& diags) {
    MapReader m(item, "a step of " + label, c.file, diags, {"role", "text", "level"});
    StoryStep s;
    s.where = m.where();
    if (m.has("role")) {
        s.role = m.text("role", true);
        s.text = m.text("text", false);
        if (m.has("level"))
            diags.error(m.where("level"), "a step with a 'role' takes its level from the role; remove 'level'");
        if (s.role.empty()) return std::nullopt;
        if (!c.role(s.role)) {
            diags.error(m.where("role"), "story step: unknown role '" + s.role + "'" + did_you_mean(s.role, ids_of_roles(c)));
            return std::nullopt;
        }
        return m.has("level") ? std::nullopt : std::optional<StoryStep>(s);
    }
    s.text = m.text("text", true);
    s.level = m.text("level", true);
    if (!s.level.empty() && c.level_index(s.level) < 0) {
        diags.error(m.where("level"), "unknown level '" + s.level + "'" + did_you_mean(s.level, ids_of_levels(c)));
        return std::nullopt;
    }
    if (s.text.empty() || s.level.empty()) return std::nullopt;
    return s;
}

/// One step: a role id of the catalogue, or a mapping (read_step_map).
std::optional<StoryStep> read_step(const YAML::Node& item, const std::string& label, const Catalogue& c,
                                   Diagnostics& diags) {
    StoryStep s;
    s.where = location_of(c.file, item);
    if (item.IsScalar() && !item.Scalar().empty()) {
        s.role = item.Scalar();
        if (c.role(s.role)) return s;
        diags.error(s.where, "story step: unknown role '" + s.role + "'" + did_you_mean(s.role, ids_of_roles(c)) +
                                 "; for a job the catalogue does not have, write {text: \"...\", level: ID}");
        return std::nullopt;
    }
    if (item.IsMap()) return read_step_map(item, label, c, diags);
    diags.error(s.where, "steps of " + label + " must be role ids or {text: \"...\", level: ID}, not " + describe(item));
    return std::nullopt;
}

std::optional<Story> read_story(const YAML::Node& node, Catalogue& c, Diagnostics& diags,
                                std::map<std::string, Location>& seen) {
    std::string id = node.IsMap() && node["id"].IsDefined() && node["id"].IsScalar() ? node["id"].Scalar() : "";
    std::string label = id.empty() ? "story" : "story '" + id + "'";
    MapReader m(node, label, c.file, diags, {"id", "name", "title", "source", "entry_route", "steps"});
    if (!m.is_map()) return std::nullopt;
    Story s;
    s.where = m.where();
    s.id = m.text("id", true);
    if (!s.id.empty()) {
        if (!is_valid_id(s.id))
            diags.error(m.where("id"), "story id '" + s.id +
                                           "' must use only lower-case letters, digits and hyphens, starting with a letter");
        auto [it, inserted] = seen.emplace(s.id, m.where("id"));
        if (!inserted)
            diags.error(m.where("id"), "duplicate story id '" + s.id + "' (first defined at line " +
                                           std::to_string(it->second.line) + ")");
    }
    s.name = m.text("name", true);
    s.title = m.text("title", true);
    s.source = m.text("source", true);
    s.entry_route = m.text("entry_route", false);
    YAML::Node steps = m.get("steps");
    if (!steps.IsDefined()) {
        m.text("steps", true);  // reports it missing
    } else if (!steps.IsSequence()) {
        diags.error(m.where("steps"), "'steps' in " + label + " must be a list, not " + describe(steps));
    } else if (steps.size() == 0) {
        diags.error(m.where("steps"), label + " must list at least one step");
    } else {
        for (const auto& item : steps)
            if (auto step = read_step(item, label, c, diags)) s.steps.push_back(std::move(*step));
    }
    return s;
}

}  // namespace

void read_stories(MapReader& top, Catalogue& c) {
    std::map<std::string, Location> seen;
    for (const auto& node : top.map_list("stories", false))
        if (auto story = read_story(node, c, top.diags(), seen)) c.stories.push_back(std::move(*story));
}

}  // namespace pathways
