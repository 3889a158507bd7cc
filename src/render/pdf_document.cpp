// The PDF a poster is written as: the page (inside bleed and crop marks when asked for), links on
// role boxes, document metadata and an outline, drawn with Cairo; page boxes set with qpdf.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

#include <cairo-pdf.h>

#include "cairo_page.hpp"
#include "pathways/catalogue.hpp"
#include "pathways/page_files.hpp"
#include "pathways/poster.hpp"
#include "pathways/print.hpp"
#include "pathways/version.hpp"
#include "text.hpp"

namespace pathways {

namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kMarksSpace = 12 * kMm;  // room outside the bleed for crop marks and the slug line
constexpr double kMarkGap = 1 * kMm;      // crop marks start this far outside the bleed
constexpr double kMarkWidth = 0.3;        // points (print shops ask for at least 0.25)

/// Where the trimmed page sits on the PDF page (device units: points, origin top-left).
struct Sheet {
    double bleed = 0;  // points
    double pad = 0;    // from the media edge to the trim edge
    double width = 0, height = 0;  // the media
};

Sheet sheet_for(const Poster& p, const PrintOptions& print) {
    Sheet s;
    double bleed_mm = print.bleed_mm > 0 ? print.bleed_mm : (print.marks ? kDefaultBleedMm : 0);
    s.bleed = bleed_mm * kMm;
    s.pad = s.bleed + (print.marks ? kMarksSpace : 0);
    s.width = p.width + 2 * s.pad;
    s.height = p.height + 2 * s.pad;
    return s;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status) {
    if (status != CAIRO_STATUS_SUCCESS) throw RenderError(std::string("PDF rendering failed: ") + cairo_status_to_string(status));
}

/// A string value in Cairo's attribute syntax: quoted, with quotes and backslashes escaped.
std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

/// A role box's rectangle on the PDF page (device units).
Box page_box(const Poster& p, const Sheet& s, const Box& b) {
    return {s.pad + p.drawing_at.x + b.x * p.drawing_scale, s.pad + p.drawing_at.y + b.y * p.drawing_scale,
            b.w * p.drawing_scale, b.h * p.drawing_scale};
}

/// A link annotation over every role box whose role has a url the catalogue accepts.
void add_role_links(cairo_t* cr, const Poster& p, const Sheet& s) {
    for (const PlacedRole& r : p.layout.roles()) {
        if (!r.role || r.role->url.empty() || !is_safe_url(r.role->url)) continue;
        Box b = page_box(p, s, r.box);
        std::string attributes = "rect=[" + number(b.x) + " " + number(b.y) + " " + number(b.w) + " " + number(b.h) +
                                 "] uri=" + quoted(r.role->url);
        cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
        cairo_tag_end(cr, CAIRO_TAG_LINK);
    }
}

/// Bookmarks: the poster's title, and under it each level's band, lowest level first.
void add_outline(cairo_surface_t* surface, const Poster& p, const Sheet& s, int page) {
    const std::string at_page = "page=" + std::to_string(page) + " pos=[";
    std::string top = at_page + number(s.pad) + " " + number(s.pad) + "]";
    int root = cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, p.title.c_str(), top.c_str(),
                                             CAIRO_PDF_OUTLINE_FLAG_OPEN);
    std::vector<const PlacedBand*> bands;
    for (const auto& b : p.layout.bands())
        if (b.level) bands.push_back(&b);
    if (p.catalogue) {
        const Catalogue& c = *p.catalogue;
        std::stable_sort(bands.begin(), bands.end(),
                         [&](auto* a, auto* b) { return c.level_index(a->level->id) < c.level_index(b->level->id); });
    }
    for (const PlacedBand* b : bands) {
        Box at = page_box(p, s, b->box);
        std::string dest = at_page + number(at.x) + " " + number(at.y) + "]";
        cairo_pdf_surface_add_outline(surface, root, b->level->name.c_str(), dest.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
    }
}

void line(cairo_t* cr, double x0, double y0, double x1, double y1) {
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
}

/// Crop marks at the four corners of the trim, on the trim lines, from just outside the bleed to
/// near the media edge: nothing of them falls inside the bleed.
void draw_crop_marks(cairo_t* cr, const Poster& p, const Sheet& s) {
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, kMarkWidth);
    const double near = s.bleed + kMarkGap, far = s.pad - kMarkGap;
    for (double x : {s.pad, s.pad + p.width}) {
        line(cr, x, s.pad - near, x, s.pad - far);                        // above the top edge
        line(cr, x, s.pad + p.height + near, x, s.pad + p.height + far);  // below the bottom edge
    }
    for (double y : {s.pad, s.pad + p.height}) {
        line(cr, s.pad - near, y, s.pad - far, y);                      // left of the left edge
        line(cr, s.pad + p.width + near, y, s.pad + p.width + far, y);  // right of the right edge
    }
    cairo_stroke(cr);
}

/// The slug line below the bleed: poster name, page size, bleed and build date.
void draw_slug(cairo_t* cr, const Poster& p, const Sheet& s, const PdfOptions& o) {
    char size[96];
    std::snprintf(size, sizeof size, "%s %s, %.0f \xC3\x97 %.0f mm trim, %g mm bleed", p.paper.c_str(),
                  p.landscape ? "landscape" : "portrait", p.width / kMm, p.height / kMm, s.bleed / kMm);
    std::string text = (o.name.empty() ? p.title : o.name) + "  \xC2\xB7  " + size + "  \xC2\xB7  built " + p.build_date +
                       " with pathways " + kVersion;
    PangoLayoutPtr layout(pango_cairo_create_layout(cr));
    set_font(layout.get(), p.font, 7, false);
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_move_to(cr, s.pad + kMarksSpace, s.pad + p.height + s.bleed + 4 * kMm);
    pango_cairo_show_layout(cr, layout.get());
}

/// The page, its background clipped to the bleed box (so it extends into the bleed).
void draw_trimmed_page(cairo_t* cr, const Poster& p, const Sheet& s) {
    cairo_save(cr);
    cairo_rectangle(cr, s.pad - s.bleed, s.pad - s.bleed, p.width + 2 * s.bleed, p.height + 2 * s.bleed);
    cairo_clip(cr);
    cairo_translate(cr, s.pad, s.pad);
    draw_page(cr, p);
    cairo_restore(cr);
}

}  // namespace

void set_pdf_metadata(cairo_surface_t* surface, const Poster& p) {
    std::string keywords = "career pathways";
    if (!p.setting_dimension.empty()) keywords += ", " + p.setting_dimension;
    for (const Setting* s : p.settings) keywords += ", " + s->name;
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, p.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, p.subtitle.c_str());
    if (p.catalogue) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, p.catalogue->publisher.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, keywords.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, (std::string("pathways ") + kVersion).c_str());
    // The build date (the footer's: SOURCE_DATE_EPOCH's day, or the day of the build), so the
    // bytes stay reproducible.
    if (std::string date = pdf_date(p.build_date); !date.empty()) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
    }
}

std::string render_pdf(const Poster& p, const PdfOptions& o) { return render_pdf(std::vector<const Poster*>{&p}, o); }

std::string render_pdf(const std::vector<const Poster*>& pages, const PdfOptions& o) {
    const Poster& first = *pages.front();
    if (!o.print.tile.empty()) return render_tiled_pdf(first, o.print.tile);
    const Sheet s = sheet_for(first, o.print);  // every page of a series has the same paper
    std::string out;
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(append, &out, s.width, s.height));
    set_pdf_metadata(surface.get(), first);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const Poster& p = *pages[i];
        CairoPtr cr(cairo_create(surface.get()));
        draw_trimmed_page(cr.get(), p, s);
        add_role_links(cr.get(), p, s);
        if (o.print.marks) {
            draw_crop_marks(cr.get(), p, s);
            draw_slug(cr.get(), p, s, o);
        }
        add_outline(surface.get(), p, s, static_cast<int>(i) + 1);
        cairo_show_page(cr.get());
        check(cairo_status(cr.get()));
    }
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()));
    if (!o.print.wanted()) return out;
    // PDF coordinates run bottom-up, but the trim sits symmetrically on the media.
    PdfBox trim{s.pad, s.pad, s.pad + first.width, s.pad + first.height};
    PdfBox bleed{trim.x0 - s.bleed, trim.y0 - s.bleed, trim.x1 + s.bleed, trim.y1 + s.bleed};
    return set_page_boxes(out, trim, bleed);
}

}  // namespace pathways
