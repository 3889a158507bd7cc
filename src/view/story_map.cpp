// Which part of the map a story poster draws: the staff groups (settings) the story's jobs are in,
// each group's whole ladder, so the trail reads at A3 without the rest of a large catalogue.
#include <algorithm>

#include "pathways/view.hpp"

namespace pathways {

namespace {

bool has_setting(const Role& r, const std::string& id) {
    return std::find(r.settings.begin(), r.settings.end(), id) != r.settings.end();
}

bool at_level(const Role& r, const std::string& id) { return std::find(r.levels.begin(), r.levels.end(), id) != r.levels.end(); }

}  // namespace

StoryMap story_map(const Catalogue& c, const Story& story) {
    StoryMap map;
    for (const auto& s : c.settings)
        if (std::any_of(story.steps.begin(), story.steps.end(), [&](const StoryStep& step) {
                const Role* r = step.role.empty() ? nullptr : c.role(step.role);
                return r && has_setting(*r, s.id);
            }))
            map.settings.push_back(&s);
    for (const auto& r : c.roles)
        if (std::any_of(map.settings.begin(), map.settings.end(), [&](const Setting* s) { return has_setting(r, s->id); }))
            map.roles.push_back(&r);
    // Every step needs its level's band on the drawing: a free-text step at a level no role of
    // these groups holds (or a story with no role step at all) gets the whole map instead.
    bool every_band = !map.roles.empty() && std::all_of(story.steps.begin(), story.steps.end(), [&](const StoryStep& step) {
        return !step.role.empty() || std::any_of(map.roles.begin(), map.roles.end(),
                                                 [&](const Role* r) { return at_level(*r, step.level); });
    });
    if (!every_band || map.roles.size() == c.roles.size()) {
        map.settings.clear();
        map.roles.clear();
        for (const auto& r : c.roles) map.roles.push_back(&r);
    }
    return map;
}

}  // namespace pathways
