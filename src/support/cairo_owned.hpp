#pragma once
// Owning handles for the Cairo and Pango objects the layout and render stages create, so that
// every one is released on every path (exceptions included), and the one font set-up they share.
#include <memory>

#include <cairo.h>
#include <pango/pangocairo.h>

namespace pathways {

struct CairoDeleter {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
    void operator()(cairo_font_options_t* o) const { cairo_font_options_destroy(o); }
    void operator()(PangoLayout* l) const { g_object_unref(l); }
    void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};

/// An owned cairo_t.
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
/// An owned cairo_surface_t.
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDeleter>;
/// An owned PangoLayout.
using PangoLayoutPtr = std::unique_ptr<PangoLayout, CairoDeleter>;
/// An owned PangoFontDescription.
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, CairoDeleter>;

/// Turns off hinting on `cr`, so that text measures and draws the same on every surface
/// (the page, the measuring surface and Graphviz's drawing all use it).
inline void set_unhinted(cairo_t* cr) {
    std::unique_ptr<cairo_font_options_t, CairoDeleter> fo(cairo_font_options_create());
    cairo_font_options_set_hint_metrics(fo.get(), CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo.get(), CAIRO_HINT_STYLE_NONE);
    cairo_set_font_options(cr, fo.get());
}

}  // namespace pathways
