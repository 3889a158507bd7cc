// Drawing a finished layout with Graphviz's own renderers: onto a Cairo page, or as Graphviz's SVG.
#include <cmath>
#include <cstdio>

#include "../support/cairo_owned.hpp"
#include "graphviz.hpp"
#include "pathways/layout.hpp"

// Exported by libgvc but not declared in its public headers: names the output file of the
// next job. gvRenderContext's PNG device writes a PNG of its target at the end of a page;
// sending it to /dev/null keeps it off standard output.
extern "C" void gvjobs_output_filename(GVC_t* gvc, const char* name);

namespace pathways {

void Layout::draw(cairo_t* cr) const {
    if (!graph_) return;  // nothing laid out (a series' overview page, a poster's back page)
    // Graphviz's cairo renderer needs a device; its PNG device draws onto our context and then
    // writes a PNG of the context's target. So draw into a small bounded recording surface at a
    // reduced scale (the PNG it writes is tiny and goes to /dev/null), then replay that
    // recording, scaled back up, onto the real page: vectors and text stay vectors and text.
    constexpr double kShrink = 1.0 / 16;
    cairo_rectangle_t extents{0, 0, std::ceil(width_ * kShrink) + 1, std::ceil(height_ * kShrink) + 1};
    SurfacePtr rec(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
    {
        CairoPtr rc(cairo_create(rec.get()));
        set_unhinted(rc.get());
        cairo_scale(rc.get(), kShrink, kShrink);
        ensure_laid_out_last(graph_.get());
        join_chains();  // again, in case that laid it out anew
        apply_band_labels();
        GVC_t* gvc = graphviz_context();
        std::fflush(stdout);
        gvjobs_output_filename(gvc, "/dev/null");
        agreseterrors();
        if (gvRenderContext(gvc, graph_.get(), "png:cairo", rc.get()) != 0 || agerrors() >= AGERR)
            graphviz_failed("draw the layout");
    }
    cairo_save(cr);
    cairo_scale(cr, 1 / kShrink, 1 / kShrink);
    cairo_set_source_surface(cr, rec.get(), 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
}

std::string Layout::graphviz_svg() const {
    ensure_laid_out_last(graph_.get());
    apply_band_labels();
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(graphviz_context(), graph_.get(), "svg", &data, &length) != 0 || !data)
        graphviz_failed("write the layout as SVG");
    std::string svg(data, length);
    gvFreeRenderData(data);
    return svg;
}

}  // namespace pathways
