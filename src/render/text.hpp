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

/// Sets up `layout` with the family, size (points) and weight.
void set_font(PangoLayout* layout, const std::string& family, double size, bool bold);

/// Turns off hinting so that text measures the same on every surface.
void set_unhinted(cairo_t* cr);

}  // namespace pathways
