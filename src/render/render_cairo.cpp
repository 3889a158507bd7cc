// The page as PDF and PNG, drawn with Cairo: page text, legend swatches and samples, and the
// layout drawn by Graphviz's cairo renderer.
#include <cmath>


#include "pathways/look.hpp"
#include "pathways/page_files.hpp"
#include "pathways/poster.hpp"
#include "cairo_page.hpp"
#include "text.hpp"

namespace pathways {

namespace {

void set_colour(cairo_t* cr, const Colour& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

void set_dash(cairo_t* cr, const LinkLook& look) {
    std::vector<double> dashes = dash_pattern(look);
    cairo_set_dash(cr, dashes.empty() ? nullptr : dashes.data(), static_cast<int>(dashes.size()), 0);
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

void draw_rect(cairo_t* cr, PangoLayout* layout, const std::string& font, const PageRect& r) {
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
        draw_text(cr, layout, font, t);
    }
}

void draw_sample(cairo_t* cr, const PageLine& l) {
    set_colour(cr, l.look.colour);
    cairo_set_line_width(cr, l.look.width);
    set_dash(cr, l.look);
    Arrowhead head = legend_arrowhead(l.to, l.look.width);
    cairo_move_to(cr, l.from.x, l.from.y);
    cairo_line_to(cr, l.arrow ? head.line_end : l.to.x, l.to.y);
    cairo_stroke(cr);
    if (l.arrow) {
        cairo_move_to(cr, head.corners[0].x, head.corners[0].y);
        cairo_line_to(cr, head.corners[1].x, head.corners[1].y);
        cairo_line_to(cr, head.corners[2].x, head.corners[2].y);
        cairo_close_path(cr);
        cairo_fill(cr);
    }
}

/// A story's trail and numbered badges, over the drawing (in drawing units).
void draw_marks(cairo_t* cr, const StoryMarks& m, const std::string& font) {
    if (m.badges.empty()) return;
    if (m.trail.size() > 1) {
        set_colour(cr, m.trail_look.colour);
        cairo_set_line_width(cr, m.trail_look.width);
        set_dash(cr, m.trail_look);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_move_to(cr, m.trail.front().x, m.trail.front().y);
        for (std::size_t i = 1; i < m.trail.size(); ++i) cairo_line_to(cr, m.trail[i].x, m.trail[i].y);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
    }
    PangoLayoutPtr layout(pango_cairo_create_layout(cr));
    for (const auto& b : m.badges) {
        cairo_new_path(cr);
        cairo_arc(cr, b.centre.x, b.centre.y, b.radius, 0, 2 * M_PI);
        set_colour(cr, m.badge_fill);
        cairo_fill_preserve(cr);
        set_colour(cr, m.badge_ring);
        cairo_set_line_width(cr, 2);
        cairo_stroke(cr);
        set_font(layout.get(), font, b.radius * 1.25, true);
        pango_layout_set_width(layout.get(), -1);
        pango_layout_set_text(layout.get(), b.number.c_str(), -1);
        int w = 0, h = 0;
        pango_layout_get_size(layout.get(), &w, &h);
        set_colour(cr, m.badge_text);
        cairo_move_to(cr, b.centre.x - w / 2.0 / PANGO_SCALE, b.centre.y - h / 2.0 / PANGO_SCALE);
        pango_cairo_show_layout(cr, layout.get());
    }
}

/// The ways in (#19): a lettered tag (the legend swatch's colour and shape) on each role an entry route leads into (drawing units).
void draw_entry_tags(cairo_t* cr, const Poster& p) {
    PangoLayoutPtr layout(pango_cairo_create_layout(cr));
    for (const auto& t : p.entry_tags) {
        const Box& b = t.box;
        double r = b.h * 0.2;
        cairo_new_path(cr);
        cairo_arc(cr, b.x + r, b.y + r, r, M_PI, 3 * M_PI / 2);
        cairo_arc(cr, b.x + b.w - r, b.y + r, r, -M_PI / 2, 0);
        cairo_arc(cr, b.x + b.w - r, b.y + b.h - r, r, 0, M_PI / 2);
        cairo_arc(cr, b.x + r, b.y + b.h - r, r, M_PI / 2, M_PI);
        cairo_close_path(cr);
        set_colour(cr, p.entry_fill);
        cairo_fill_preserve(cr);
        set_colour(cr, p.background);
        cairo_set_line_width(cr, 2);
        cairo_stroke(cr);
        set_font(layout.get(), p.font, b.h * 0.62, true);
        pango_layout_set_width(layout.get(), -1);
        pango_layout_set_text(layout.get(), t.key.c_str(), -1);
        int w = 0, h = 0;
        pango_layout_get_size(layout.get(), &w, &h);
        set_colour(cr, p.entry_text);
        cairo_move_to(cr, b.x + b.w / 2 - w / 2.0 / PANGO_SCALE, b.y + b.h / 2 - h / 2.0 / PANGO_SCALE);
        pango_cairo_show_layout(cr, layout.get());
    }
}

}  // namespace

/// Draws the whole page onto `cr` (whose units are points).
void draw_page(cairo_t* cr, const Poster& p) {
    set_unhinted(cr);
    set_colour(cr, p.background);
    cairo_paint(cr);
    {
        PangoLayoutPtr layout(pango_cairo_create_layout(cr));
        for (const auto& r : p.rects) draw_rect(cr, layout.get(), p.font, r);
        for (const auto& l : p.lines) draw_sample(cr, l);
        for (const auto& t : p.texts) draw_text(cr, layout.get(), p.font, t);
    }
    cairo_save(cr);
    cairo_translate(cr, p.drawing_at.x, p.drawing_at.y);
    cairo_scale(cr, p.drawing_scale, p.drawing_scale);
    if (!p.grid.columns.empty()) {  // a framework layout's columns, under its drawing
        PangoLayoutPtr layout(pango_cairo_create_layout(cr));
        for (const auto& r : p.grid.columns) draw_rect(cr, layout.get(), p.font, r);
        for (const auto& t : p.grid.headings) draw_text(cr, layout.get(), p.font, t);
    }
    p.layout.draw(cr);
    draw_marks(cr, p.marks, p.font);
    draw_entry_tags(cr, p);
    cairo_restore(cr);
}

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

/// Cairo's status as an OutputError when it is a failure.
void check(cairo_status_t status, const char* what) {
    if (status != CAIRO_STATUS_SUCCESS) throw RenderError(std::string(what) + " rendering failed: " + cairo_status_to_string(status));
}

}  // namespace

std::string render_png(const Poster& p, double dpi) {
    if (auto problem = png_size_problem(p.width, p.height, dpi)) throw PageError(*problem);
    double k = dpi / 72.0;
    int w = static_cast<int>(std::lround(p.width * k)), h = static_cast<int>(std::lround(p.height * k));
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
    check(cairo_surface_status(surface.get()), "PNG");
    {
        CairoPtr cr(cairo_create(surface.get()));
        cairo_scale(cr.get(), k, k);
        draw_page(cr.get(), p);
        check(cairo_status(cr.get()), "PNG");
    }
    std::string out;
    check(cairo_surface_write_to_png_stream(surface.get(), append, &out), "PNG");
    return with_png_resolution(out, dpi);
}

}  // namespace pathways
