#pragma once
#include <string>

#include "pathways/style.hpp"
#include "pathways/view.hpp"

namespace pathways {

/// The graph's roles and progressions as GraphML (for yEd, Gephi, networkx, ...): each node with
/// its name (`label`), levels, settings, summary and url, and yEd's label; each edge with its
/// kind (`up`, `within`, `down`). Deterministic: catalogue order, ids from the catalogue.
std::string export_graphml(const PathwayGraph& graph);

/// The graph as a Mermaid `flowchart` for Markdown pages: one subgraph per level (lowest first),
/// each role in its lowest level's subgraph, a class per setting (filled with the style's colour
/// when a style is given), up links solid, within-level dotted, down-level dotted and labelled.
std::string export_mermaid(const PathwayGraph& graph, const Style* style);

/// The word for a link kind used by GraphML, Mermaid and the SVG classes: "up", "within", "down".
const char* link_kind_word(LinkKind kind);

}  // namespace pathways
