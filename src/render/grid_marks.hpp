#pragma once
#include "pathways/poster.hpp"

namespace pathways {

/// For a framework layout, fills `p.grid` from its laid-out drawing: each level's column (its
/// band fill and border, as the pathway layout's bands look) and its name across the top, for the
/// Cairo writer to draw under the Graphviz drawing (the SVG writer draws the same from the layout's
/// bands). Pathway layouts get none.
void add_grid_marks(Poster& p, const Style& style);

}  // namespace pathways
