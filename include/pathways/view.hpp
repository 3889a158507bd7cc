#pragma once
#include <string>
#include <vector>

#include "pathways/catalogue.hpp"
#include "pathways/focus.hpp"

namespace pathways {

/// Which roles one poster shows. A route and a story show every role, with the route's or story's
/// own roles and links stressed and the rest faded (see Focus).
struct View {
    enum class Kind { All, Settings, Levels, ReachableFrom, Route, Story };
    Kind kind = Kind::All;
    std::vector<std::string> ids;  // setting, level or (one) role ids; Route: from, to; Story: the story's id
};

/// A progression between two roles that are both in the view.
struct GraphLink {
    const Role* from = nullptr;
    const Role* to = nullptr;
    LinkKind kind = LinkKind::Up;
};

/// A progression from a role in the view to one outside it, drawn as a marker at the edge.
struct Transfer {
    const Role* from = nullptr;
    const Role* to = nullptr;
    // On a sheet of a poster series (series.hpp): the sheet that draws `to` and its grid cell
    // there ("C2"); 0 and "" for a role outside the view.
    std::size_t sheet = 0;
    std::string cell;
};

/// The roles and links one poster shows, selected from a catalogue by a view.
struct PathwayGraph {
    const Catalogue* catalogue = nullptr;
    std::vector<const Role*> roles;        // in catalogue order
    std::vector<GraphLink> links;          // in catalogue order
    std::vector<Transfer> transfers;       // links leaving the view
    std::vector<const Level*> levels;      // the levels that hold a role of the view, lowest first
    std::vector<const Setting*> settings;  // the settings used by a role of the view, catalogue order
    Focus focus;                           // what a route or story view stresses (kind None otherwise)

    bool contains(const Role* role) const;
};

/// Selects the roles and links of `view` from `catalogue` (which must outlive the result).
/// Ids in the view must exist in the catalogue (the manifest loader checks them).
PathwayGraph select(const Catalogue& catalogue, const View& view);

/// The focus of a route or story view over `catalogue`; kind None for every other view, and for
/// ids the catalogue does not have (the manifest loader and `render` check them first).
Focus focus_of(const Catalogue& catalogue, const View& view);

/// The catalogue cut down to what a graph shows: its roles, each keeping only its progressions to
/// roles in the graph, and entry routes only into roles in the graph (a route into none is
/// dropped); levels, settings and everything else as they are. Exported (JSON, DOT), it
/// is the data of one poster.
Catalogue cut_to(const PathwayGraph& graph);

}  // namespace pathways
