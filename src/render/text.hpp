#pragma once
#include <string>
#include <vector>

#include "../support/cairo_owned.hpp"

namespace pathways {

/// Measures and wraps text with Pango, in points, the way the Cairo page draws it.
class TextMeasure {
public:
    explicit TextMeasure(std::string family);

    /// Lines of `text` broken at word boundaries to fit `width` points.
    std::vector<std::string> wrap(const std::string& text, double size, bool bold, double width);
    double width(const std::string& text, double size, bool bold);
    /// Distance from the top of a line to its baseline.
    double ascent(double size, bool bold);
    /// Height of one line (Pango's logical extent of "Hg").
    double line_height(double size, bool bold);

private:
    void prepare(const std::string& text, double size, bool bold, double width);
    std::string family_;
    SurfacePtr surface_;
    CairoPtr cr_;
    PangoLayoutPtr layout_;
};

/// The fonts tried after the style's own, in order: Noto Sans (Latin, Greek, Cyrillic and, through
/// its sister families, Devanagari, Thai, Arabic, Hebrew, …), Noto Sans CJK (Chinese, Japanese,
/// Korean). Not Noto Color Emoji: it has digits too, and Pango then drew every digit from it
/// (raised, spaced apart); emoji still reach it through fontconfig's own fallback.
inline constexpr const char* kFallbackFonts = "Noto Sans,Noto Sans CJK SC";

/// Sets up `layout` with the family (then kFallbackFonts), size (points) and weight.
void set_font(PangoLayout* layout, const std::string& family, double size, bool bold);

}  // namespace pathways
