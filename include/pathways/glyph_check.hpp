#pragma once
// Finding text that no font on this machine can draw (it would print as boxes), so that it is
// reported, located, instead of passing silently.
#include <string>
#include <vector>

#include "pathways/catalogue.hpp"
#include "pathways/diagnostics.hpp"

namespace pathways {

/// A run of text (one character, or a cluster such as an emoji with modifiers) no font draws.
struct MissingGlyph {
    std::string text;                   // the cluster, as UTF-8
    std::vector<char32_t> code_points;  // its code points
};

/// The clusters of `text` that no installed font draws when set in `family` with the poster's
/// fallback fonts (Pango's unknown glyphs), each once, in order.
std::vector<MissingGlyph> missing_glyphs(const std::string& text, const std::string& family);

/// "U+1F469 U+200D U+2695" for a cluster's code points.
std::string code_point_names(const std::vector<char32_t>& code_points);

/// Warns, located at the role, level or setting (or the file), about every character in the
/// catalogue's printed text that no font on this machine draws in `family`; errors instead when
/// `strict`.
void check_glyphs(const Catalogue& catalogue, const std::string& family, Diagnostics& diags, bool strict = false);

}  // namespace pathways
