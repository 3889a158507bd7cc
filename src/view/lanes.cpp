// The lane rule of the career-framework grid (include/pathways/lanes.hpp).
#include "pathways/lanes.hpp"

#include <algorithm>

namespace pathways {

namespace {

std::size_t index_of(const std::vector<Lane>& lanes, const std::string& id) {
    auto it = std::find_if(lanes.begin(), lanes.end(), [&](const Lane& l) { return l.id == id; });
    return static_cast<std::size_t>(it - lanes.begin());
}

}  // namespace

LaneAssignment assign_lanes(const Catalogue& c) {
    LaneAssignment a;
    if (!c.families.empty()) {
        for (const auto& f : c.families) a.lanes.push_back({f.id, f.name, f.description, true});
    } else {
        for (const auto& s : c.settings) a.lanes.push_back({s.id, s.name, s.description, false});
    }
    return a;
}

std::size_t LaneAssignment::lane_of(const Role& role) const {
    // A loaded catalogue always names a listed family or setting; anything else goes in the first lane.
    const std::string& id = by_family() ? role.family : role.settings.empty() ? std::string() : role.settings.front();
    std::size_t i = index_of(lanes, id);
    return i < lanes.size() ? i : 0;
}

std::vector<std::size_t> LaneAssignment::other_lanes(const Role& role) const {
    std::vector<std::size_t> others;
    if (by_family()) return others;
    for (std::size_t k = 1; k < role.settings.size(); ++k)
        if (std::size_t i = index_of(lanes, role.settings[k]); i < lanes.size()) others.push_back(i);
    return others;
}

}  // namespace pathways
