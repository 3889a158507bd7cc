#pragma once
#include <string>
#include <vector>

#include <cairo.h>
#include <pango/pangocairo.h>

namespace pathways {

/// Measures and wraps text with Pango, in points, the way the Cairo page draws it.
class TextMeasure {
public:
    explicit TextMeasure(std::string family);
    ~TextMeasure();
    TextMeasure(const TextMeasure&) = delete;
    TextMeasure& operator=(const TextMeasure&) = delete;

    /// Lines of `text` broken at word boundaries to fit `width` points.
    std::vector<std::string> wrap(const std::string& text, double size, bool bold, double width);
    double width(const std::string& text, double size, bool bold);
    /// Distance from the top of a line to its baseline.
    double ascent(double size, bool bold);

private:
    void prepare(const std::string& text, double size, bool bold, double width);
    std::string family_;
    cairo_surface_t* surface_;
    cairo_t* cr_;
    PangoLayout* layout_;
};

/// The fonts tried after the style's own, in order: Noto Sans (Latin, Greek, Cyrillic and, through
/// its sister families, Devanagari, Thai, Arabic, Hebrew, …), Noto Sans CJK (Chinese, Japanese,
/// Korean) and Noto Color Emoji.
inline constexpr const char* kFallbackFonts = "Noto Sans,Noto Sans CJK SC,Noto Color Emoji";

/// Sets up `layout` with the family (then kFallbackFonts), size (points) and weight.
void set_font(PangoLayout* layout, const std::string& family, double size, bool bold);

/// Turns off hinting so that text measures the same on every surface.
void set_unhinted(cairo_t* cr);

}  // namespace pathways
