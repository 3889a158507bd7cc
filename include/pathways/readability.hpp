#pragma once
// Guards against posters nobody can read: text printed under the page's floor, settings that
// share a colour, names too long for a box, and catalogues too big for one page.
#include <optional>
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

// Issue 17: floors for every text of a page, and for the embeddable SVG in its column.

/// The column (CSS px) an embeddable SVG is read in when nobody says (`--svg-width`, `column_px:`):
/// a leaflet's text column.
inline constexpr double kEmbedColumnPx = 420;
/// The least size (CSS px) role names may show at in an embeddable SVG at its column's width.
inline constexpr double kEmbedTextPx = 11;

/// Warns (errors when `strict`) when the smallest text on `page` (title, legend, panels, footer,
/// grid; role names are check_readability's) prints under its paper's floor; `side` names the page ("front", "back page").
void check_page_floor(const Poster& page, const std::string& side, Diagnostics& diags, bool strict = false);

/// The size (CSS px) role names show at when `embed` (a poster laid out for the embeddable SVG) is
/// drawn `column_px` wide.
double embed_role_px(const Poster& embed, const Style& style, double column_px);

/// The poster as the embeddable SVG draws it when the page's own layout is too wide for its role
/// names to meet kEmbedTextPx at `column_px` (0: kEmbedColumnPx): the narrowest shape of the
/// drawing (the one whose names show largest in the column); nothing when the page's layout
/// will do (it meets the floor, or no shape is narrower).
std::optional<Poster> embed_poster(const Poster& front, const PathwayGraph& graph, const Style& style, double column_px);

/// Warns (errors when `strict`) when the embeddable SVG's role names show under kEmbedTextPx at
/// `column_px` even in its narrowest shape.
void check_embed_floor(const Poster& embed, const Style& style, double column_px, Diagnostics& diags,
                       bool strict = false);

/// Warnings (errors when `strict`) about role names too long to wrap into a box (the layout's
/// fit_name cuts them with "…" or breaks a word with a hyphen), and names with right-to-left
/// override characters (which can make text read backwards), located at the role.
void check_names(const Catalogue& catalogue, Diagnostics& diags, bool strict = false);

}  // namespace pathways
