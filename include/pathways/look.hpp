#pragma once
// The look rules: how the style's values become a band's fill, a setting's colour and tag, a
// link's look, dash pattern and arrowhead. Each rule lives here once; the layout, the legend, the
// Cairo page and the SVG writer all ask here.
#include <array>
#include <string>
#include <vector>

#include "pathways/catalogue.hpp"
#include "pathways/geometry.hpp"
#include "pathways/style.hpp"

namespace pathways {

/// The fill of the band of the level at `position` in the drawing (bands alternate the style's fills).
Colour band_fill(const Style& style, std::size_t position);

/// How `setting` looks: the style's own look for it, or the fallback palette's by its position in
/// the catalogue.
SettingLook setting_look(const Style& style, const Catalogue& catalogue, const std::string& setting);

/// The tag printed for `setting` when the style shows tags (greyscale): the style's tag, else the
/// first two letters of its id — unless a setting before it in the catalogue has that tag, when it
/// takes the next free one (its id's initials, …): no two settings of a catalogue share a tag.
/// Empty when the style shows none.
std::string setting_tag(const Style& style, const Catalogue& catalogue, const std::string& setting);

/// One fill per setting of `role`, in its order: the stripes of its box.
std::vector<Colour> role_fills(const Style& style, const Catalogue& catalogue, const Role& role);

/// The label colour (style's dark or light text) with the best worst-case contrast on `fills`.
Colour text_colour_for(const Style& style, const std::vector<Colour>& fills);

/// How links of `kind` are drawn.
const LinkLook& link_look(const Style& style, LinkKind kind);

/// Whether links of `kind` end in an arrowhead (a same-role tie has none).
bool has_arrow(LinkKind kind);

/// A route or story poster's faded colour: `colour` blended into the page at the style's opacity.
Colour faded(const Style& style, const Colour& colour);
/// A link look with its colour faded.
LinkLook faded_look(const Style& style, const LinkLook& look);
/// How a link on the route (or between a story's steps) is drawn: solid, thick, in the route colour.
LinkLook route_link_look(const Style& style);
/// The width of a stressed role's outline.
double route_outline_width(const Style& style);
/// How a story's trail is drawn: dashed, in the route colour.
LinkLook trail_look(const Style& style);
/// The radius of a story step's numbered badge, in drawing units.
double badge_radius(const Style& style);

/// Dash and gap lengths for a look's line ("dashed", "dotted"); empty for a solid line.
std::vector<double> dash_pattern(const LinkLook& look);

/// A legend sample's arrowhead pointing right with its tip at `tip`: tip, upper and lower back
/// corners. `line_end` is where the sample's line stops (inside the head, so no gap shows).
struct Arrowhead {
    std::array<Point, 3> corners;
    double line_end = 0;
};
Arrowhead legend_arrowhead(Point tip, double line_width);

}  // namespace pathways
