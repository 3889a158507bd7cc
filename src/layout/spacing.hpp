#pragma once
// How much room the pathway layout leaves around and between role boxes: the usual room, or the
// closer spacing of a story poster, which draws the whole map on an A3 page.
#include "pathways/view.hpp"

namespace pathways {

/// The room dot is given around and between the boxes of one pathway layout (Graphviz units:
/// inches, except `band_margin` in points).
struct Spacing {
    double row_gap = 1;              // dot's ranksep, times the layout's default
    const char* role_margin = "";    // room between a box's border and its name ("x,y")
    const char* role_width = "";     // a box's least width
    const char* band_margin = "";    // room between a band's border and its boxes
};

/// The usual spacing, or a story's closer one: a story poster draws every role of the catalogue,
/// faded except the story's, and must print them at the page's text floor on A3 portrait (the
/// management catalogue's 71 roles: 9.1 to 9.2 pt with it, 7.7 pt without). Rows closer together
/// (under a third of the usual gap), narrower boxes with a little less room beside the name (as
/// much above and below it, where entry tags sit), and thinner band margins make the drawing
/// 16 % shorter and 5 to 10 % narrower; route posters and every other view keep the usual room.
Spacing spacing_for(const PathwayGraph& graph, bool left_to_right);

}  // namespace pathways
