#pragma once
#include "pathways/poster.hpp"
#include "pathways/style.hpp"
#include "text.hpp"

namespace pathways {

/// Room (points) the grid's column letters take above the drawing, at text scale `f`.
double grid_label_room(const Style& style, double f);

/// Cuts the placed drawing of `p` into lettered columns and numbered rows of about 70 mm (scaled
/// by `f`) and labels them along its top and left edges, in the footer's size (for the back
/// page's index: "Practice Nurse … at C4").
void add_grid(Poster& p, const Style& style, TextMeasure& measure, double f);

}  // namespace pathways
