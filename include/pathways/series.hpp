#pragma once
// A poster series (#10 part 2): a view too big for one legible page, cut into sheets along lanes
// (settings), then along level ranges. The view stage decides which role goes on which sheet;
// the render stage (series_poster.hpp) composes and draws the pages.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "pathways/view.hpp"

namespace pathways {

/// The lane (row of the career-framework grid) a role belongs to in a series: the id of its first
/// setting ("" when it has none). One home for the rule, to be replaced by the framework layout's
/// lanes (include/pathways/lanes.hpp) when that is merged.
std::string series_lane_of(const Role& role);

/// One lane of a series: a setting of the view, in catalogue order.
struct SeriesLane {
    std::string id;    // the setting id ("" for roles with no setting)
    std::string name;  // the setting's name ("Other roles" for "")
};

/// One sheet of a series: the lanes and the range of levels it covers, and the roles drawn on it.
struct SeriesSheet {
    std::size_t number = 0;                // 1, 2, … (the overview comes first and has no number)
    std::vector<std::size_t> lanes;        // indices into Series::lanes
    std::size_t first_level = 0, last_level = 0;  // indices into the view's levels, inclusive
    // A cell (one lane at one level) too big for one legible sheet is cut into slices: this sheet
    // draws the cell's roles from..to-1, counted in catalogue order (#10: 5,000-role catalogues).
    std::size_t from = 0, to = static_cast<std::size_t>(-1);
    std::vector<const Role*> roles;        // drawn here, in catalogue order
    std::vector<const Role*> also_here;    // in one of these lanes too, but drawn on another sheet
};

/// Progressions from one lane to another (a role's lane is series_lane_of).
struct SeriesFlow {
    std::size_t from = 0, to = 0;  // indices into Series::lanes
    std::size_t count = 0;
};

/// How a view is cut into sheets.
struct Series {
    const PathwayGraph* graph = nullptr;         // the whole view
    std::vector<SeriesLane> lanes;
    std::vector<std::vector<std::size_t>> cells; // roles per [lane][level] (a role counts once, at its lowest level)
    std::vector<SeriesSheet> sheets;             // in order; every role of the view on exactly one
    std::vector<SeriesFlow> flows;               // between different lanes, most first (ties: lane order)

    /// The sheet (its number) that draws `role`; 0 when the view does not hold it.
    std::size_t sheet_of(const Role* role) const;
    /// The lane and the level (indices) of the cell a role counts in.
    std::size_t lane_index(const Role* role) const;
    std::size_t level_index(const Role* role) const;
    /// Cuts sheet `index` (0-based) in two when it composed too small to read: its first lanes
    /// holding at most `keep` roles (0: half), or a single lane's first levels, then the rest.
    /// One lane at one level is cut into slices of its roles; false when it holds one role.
    bool split(std::size_t index, std::size_t keep = 0);
    /// The sheet's lanes and levels in words: "Primary care, Community · levels 1–4".
    std::string describe(const SeriesSheet& sheet) const;
};

/// Cuts `graph` into sheets of at most about `capacity` roles: lanes are packed onto a sheet in
/// order while they fit; a lane bigger than that alone is cut into ranges of levels.
Series plan_series(const PathwayGraph& graph, std::size_t capacity);

/// The graph sheet `index` draws: its roles and the links between them; a progression to a role on
/// another sheet becomes a transfer naming that sheet and the grid cell `cell_of` gives for the
/// role there; progressions leaving the view stay transfers as they were.
PathwayGraph sheet_graph(const Series& series, std::size_t index,
                         const std::function<std::string(const Role*)>& cell_of);

}  // namespace pathways
