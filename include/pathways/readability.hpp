#pragma once
// Guards against posters nobody can read: text printed under the page's floor, settings that
// share a colour, names too long for a box, and catalogues too big for one page.
#include <string>

#include "pathways/diagnostics.hpp"
#include "pathways/poster.hpp"

namespace pathways {

/// The smallest size (points) role labels may print at on `paper` ("A0".."A4"): legible from a
/// metre on A1 (12 pt), scaled with the page, and never under 9 pt (at hand on A3 and A4).
double text_floor(const std::string& paper);
/// The floor for a poster in `style` on `paper`: the size that reads from the style's
/// viewing_distance when it has one, else text_floor(paper).
double text_floor(const std::string& paper, const Style& style);

/// The most roles a poster on `paper` can hold with its labels at the floor (measured: the
/// 58-role NCL catalogue prints at 14 pt on A1 and 9.4 pt on A3): about 120 on A3, doubling with
/// each size up. Beyond it, render refuses before laying out for minutes.
std::size_t role_limit(const std::string& paper);

/// Warnings (errors when `strict`) about a composed poster: role labels under the page's floor,
/// and two settings shown in the same colour. Located at the catalogue file or the setting.
void check_readability(const Poster& poster, const PathwayGraph& graph, const Style& style, Diagnostics& diags,
                       bool strict = false);

/// A warning (never an error: a panel is extra reading, not the poster's content) for each of the
/// catalogue's panels the composed poster had no room for, so none is left out silently.
void check_panels_shown(const Poster& poster, const Catalogue& catalogue, Diagnostics& diags);

/// Warnings (errors when `strict`) about role names too long to wrap into a box (the layout's
/// fit_name cuts them with "…" or breaks a word with a hyphen), and names with
/// right-to-left override characters (which can make text read backwards), located at the role.
void check_names(const Catalogue& catalogue, Diagnostics& diags, bool strict = false);

}  // namespace pathways
