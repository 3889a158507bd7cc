#pragma once
// The lanes of the career-framework grid: the one rule, shared by the framework layout and poster
// series, that says which lane each role sits in and in which order the lanes come.
#include <string>
#include <vector>

#include "pathways/catalogue.hpp"

namespace pathways {

/// One lane (row) of the career-framework grid: a family when the catalogue lists `families:`,
/// else a setting.
struct Lane {
    std::string id, name, description;
    bool is_family = false;  // a Family's id; else a Setting's
};

/// Every lane of a catalogue in order, and the lane of each role.
struct LaneAssignment {
    std::vector<Lane> lanes;  // the families in `families:` order, else the settings in `settings:` order

    /// The index in `lanes` of a role's lane: its family's, else its first setting's (a role in
    /// several settings sits in its first setting's lane and shows the others on its box).
    std::size_t lane_of(const Role& role) const;
    /// The lanes a role is found in but does not sit in (its other settings; none by family).
    std::vector<std::size_t> other_lanes(const Role& role) const;

    bool by_family() const { return !lanes.empty() && lanes.front().is_family; }
};

/// The lane rule: lanes are the catalogue's families when it lists any, else its settings.
LaneAssignment assign_lanes(const Catalogue& catalogue);

}  // namespace pathways
