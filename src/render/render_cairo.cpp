#include <cmath>

#include <cairo-pdf.h>

#include "pathways/output.hpp"
#include "pathways/page_files.hpp"
#include "pathways/poster.hpp"
#include "text.hpp"

namespace pathways {

namespace {

void set_colour(cairo_t* cr, const Colour& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

void set_dash(cairo_t* cr, const std::string& line, double width) {
    if (line == "dashed") {
        double d[] = {width * 4, width * 2.5};
        cairo_set_dash(cr, d, 2, 0);
    } else if (line == "dotted") {
        double d[] = {width, width * 2};
        cairo_set_dash(cr, d, 2, 0);
    } else {
        cairo_set_dash(cr, nullptr, 0, 0);
    }
}

void draw_text(cairo_t* cr, PangoLayout* layout, const std::string& family, const PageText& t) {
    set_font(layout, family, t.size, t.bold);
    pango_layout_set_width(layout, -1);
    pango_layout_set_text(layout, t.text.c_str(), -1);
    double baseline = pango_layout_get_baseline(layout) / double(PANGO_SCALE);
    set_colour(cr, t.colour);
    cairo_move_to(cr, t.x, t.baseline - baseline);
    pango_cairo_show_layout(cr, layout);
}

/// Draws the whole page onto `cr` (whose units are points).
void draw_page(cairo_t* cr, const Poster& p) {
    set_unhinted(cr);
    set_colour(cr, p.background);
    cairo_paint(cr);

    PangoLayout* layout = pango_cairo_create_layout(cr);
    for (const auto& r : p.rects) {
        double stripe = r.box.w / std::max<std::size_t>(1, r.fills.size());
        for (std::size_t i = 0; i < r.fills.size(); ++i) {
            set_colour(cr, r.fills[i]);
            cairo_rectangle(cr, r.box.x + stripe * static_cast<double>(i), r.box.y, stripe, r.box.h);
            cairo_fill(cr);
        }
        if (r.stroke_width > 0) {
            set_colour(cr, r.stroke);
            cairo_set_line_width(cr, r.stroke_width);
            cairo_set_dash(cr, nullptr, 0, 0);
            cairo_rectangle(cr, r.box.x, r.box.y, r.box.w, r.box.h);
            cairo_stroke(cr);
        }
        if (!r.tag.empty()) {
            PageText t{r.box.x + 3, r.box.y + r.box.h * 0.72, r.box.h * 0.55, true, r.tag_colour, r.tag, "tag"};
            draw_text(cr, layout, p.font, t);
        }
    }
    for (const auto& l : p.lines) {
        set_colour(cr, l.look.colour);
        cairo_set_line_width(cr, l.look.width);
        set_dash(cr, l.look.line, l.look.width);
        double end = l.arrow ? l.to.x - l.look.width * 4 : l.to.x;
        cairo_move_to(cr, l.from.x, l.from.y);
        cairo_line_to(cr, end, l.to.y);
        cairo_stroke(cr);
        if (l.arrow) {
            double a = l.look.width * 4;
            cairo_move_to(cr, l.to.x, l.to.y);
            cairo_line_to(cr, l.to.x - a * 1.6, l.to.y - a * 0.7);
            cairo_line_to(cr, l.to.x - a * 1.6, l.to.y + a * 0.7);
            cairo_close_path(cr);
            cairo_fill(cr);
        }
    }
    for (const auto& t : p.texts) draw_text(cr, layout, p.font, t);
    g_object_unref(layout);

    cairo_save(cr);
    cairo_translate(cr, p.drawing_at.x, p.drawing_at.y);
    cairo_scale(cr, p.drawing_scale, p.drawing_scale);
    p.layout.draw(cr);
    cairo_restore(cr);
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string render_pdf(const Poster& p) {
    std::string out;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &out, p.width, p.height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, p.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "pathways");
    // The build date (the footer's: SOURCE_DATE_EPOCH's day, or the day of the build), so the bytes
    // stay reproducible.
    std::string date = pdf_date(p.build_date);
    if (!date.empty()) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
    }
    cairo_t* cr = cairo_create(surface);
    draw_page(cr, p);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw OutputError(std::string("PDF rendering failed: ") + cairo_status_to_string(status));
    return out;
}

std::string render_png(const Poster& p, double dpi) {
    if (auto problem = png_size_problem(p.width, p.height, dpi)) throw OutputError(*problem);
    double k = dpi / 72.0;
    int w = static_cast<int>(std::lround(p.width * k)), h = static_cast<int>(std::lround(p.height * k));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, k, k);
    draw_page(cr, p);
    cairo_destroy(cr);
    std::string out;
    cairo_status_t status = cairo_surface_write_to_png_stream(surface, append, &out);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw OutputError(std::string("PNG rendering failed: ") + cairo_status_to_string(status));
    return with_png_resolution(out, dpi);
}

}  // namespace pathways
