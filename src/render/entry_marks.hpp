#pragma once
// Entry routes on a poster (#19): which ways in a poster shows, and their tags on the drawing.
#include <string>
#include <vector>

#include "pathways/poster.hpp"

namespace pathways {

/// An entry route as a poster shows it: its letter in the key and the roles of the view it leads into.
struct ShownEntryRoute {
    const EntryRoute* route = nullptr;
    std::string key;                   // "A", "B", …
    std::vector<const Role*> leads_to;  // shown roles only, in the route's order
};

/// The catalogue's entry routes that lead into a role of `graph`, lettered in catalogue order.
std::vector<ShownEntryRoute> shown_entry_routes(const PathwayGraph& graph);

/// Fills `p.entry_tags` from its laid-out drawing: one tag per (entry route, role box it leads
/// into), at the box's top-right corner, side by side when several routes lead into one role.
void add_entry_tags(Poster& p, const PathwayGraph& graph, const Style& style);

}  // namespace pathways
