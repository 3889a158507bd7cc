// A poster split across office-printer pages at 100 % scale, to be taped together: each tile
// overlaps its neighbours by 10 mm and carries alignment marks, its place ("B2 of 3 × 2") and a
// small map of the sheet.
#include <algorithm>
#include <cmath>
#include <string>

#include <cairo-pdf.h>

#include "cairo_page.hpp"
#include "pathways/poster.hpp"
#include "pathways/print.hpp"
#include "text.hpp"

namespace pathways {

namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kTileMargin = 10 * kMm;  // unprinted edge of an office page, and room for labels
constexpr double kOverlap = 10 * kMm;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

/// A row's letters, top row first: A … Z, AA, AB, ….
std::string row_letters(int row) {
    std::string letters;
    for (int r = row + 1; r > 0; r = (r - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (r - 1) % 26));
    return letters;
}

/// Tiles of the poster with the tile paper one way round; the way round that needs fewer wins.
TileGrid grid_for(const Poster& p, double tile_w, double tile_h) {
    TileGrid g;
    g.page_width = tile_w;
    g.page_height = tile_h;
    g.window_width = tile_w - 2 * kTileMargin;
    g.window_height = tile_h - 2 * kTileMargin;
    g.overlap = kOverlap;
    g.columns = std::max(1, static_cast<int>(std::ceil((p.width - kOverlap) / (g.window_width - kOverlap) - 1e-9)));
    g.rows = std::max(1, static_cast<int>(std::ceil((p.height - kOverlap) / (g.window_height - kOverlap) - 1e-9)));
    return g;
}

/// Short marks outside the window at its corners and where the neighbours' overlap begins.
void draw_alignment_marks(cairo_t* cr, const TileGrid& g) {
    const double x0 = kTileMargin, y0 = kTileMargin, x1 = x0 + g.window_width, y1 = y0 + g.window_height;
    const double len = 6 * kMm, gap = 1 * kMm;
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.3);
    for (double x : {x0, x0 + g.overlap, x1 - g.overlap, x1}) {
        cairo_move_to(cr, x, y0 - gap), cairo_line_to(cr, x, y0 - gap - len);
        cairo_move_to(cr, x, y1 + gap), cairo_line_to(cr, x, y1 + gap + len);
    }
    for (double y : {y0, y0 + g.overlap, y1 - g.overlap, y1}) {
        cairo_move_to(cr, x0 - gap, y), cairo_line_to(cr, x0 - gap - len, y);
        cairo_move_to(cr, x1 + gap, y), cairo_line_to(cr, x1 + gap + len, y);
    }
    cairo_stroke(cr);
}

/// "B2 of 3 × 2 (columns × rows)" and a map of the tiles with this one filled, in the bottom margin.
void draw_tile_label(cairo_t* cr, const Poster& p, const TileGrid& g, int column, int row) {
    std::string text = tile_name(column, row) + " of " + std::to_string(g.columns) + " \xC3\x97 " +
                       std::to_string(g.rows) + " (columns \xC3\x97 rows): " + p.title;
    PangoLayoutPtr layout(pango_cairo_create_layout(cr));
    set_font(layout.get(), p.font, 8, false);
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_move_to(cr, kTileMargin + 12 * kMm, g.page_height - kTileMargin + 3 * kMm);
    pango_cairo_show_layout(cr, layout.get());
    const double cell = std::min(2.5 * kMm, 8 * kMm / std::max(g.columns, g.rows));
    const double mx = kTileMargin, my = g.page_height - kTileMargin + 2 * kMm;
    cairo_set_line_width(cr, 0.3);
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.columns; ++c) {
            cairo_rectangle(cr, mx + c * cell, my + r * cell, cell, cell);
            if (r == row && c == column) cairo_fill_preserve(cr);
            cairo_stroke(cr);
        }
}

}  // namespace

std::string tile_name(int column, int row) { return row_letters(row) + std::to_string(column + 1); }

TileGrid plan_tiles(const Poster& p, const std::string& paper) {
    auto size = paper_size(paper);
    if (!size) throw RenderError("unknown tile paper '" + paper + "'");
    TileGrid portrait = grid_for(p, size->width, size->height), landscape = grid_for(p, size->height, size->width);
    return landscape.columns * landscape.rows < portrait.columns * portrait.rows ? landscape : portrait;
}

std::string render_tiled_pdf(const Poster& p, const std::string& paper) {
    TileGrid g = plan_tiles(p, paper);
    std::string out;
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(append, &out, g.page_width, g.page_height));
    set_pdf_metadata(surface.get(), p);
    // The outline: the poster, and under it each tile by name, opening at its page.
    int root = cairo_pdf_surface_add_outline(surface.get(), CAIRO_PDF_OUTLINE_ROOT, p.title.c_str(), "page=1",
                                             CAIRO_PDF_OUTLINE_FLAG_OPEN);
    CairoPtr cr(cairo_create(surface.get()));
    for (int row = 0; row < g.rows; ++row)
        for (int column = 0; column < g.columns; ++column) {
            std::string page = "page=" + std::to_string(row * g.columns + column + 1);
            std::string name = "Tile " + tile_name(column, row) + " (row " + row_letters(row) + ", column " +
                               std::to_string(column + 1) + ")";
            cairo_pdf_surface_add_outline(surface.get(), root, name.c_str(), page.c_str(),
                                          static_cast<cairo_pdf_outline_flags_t>(0));
            cairo_save(cr.get());
            cairo_rectangle(cr.get(), kTileMargin, kTileMargin, g.window_width, g.window_height);
            cairo_clip(cr.get());
            cairo_translate(cr.get(), kTileMargin - column * (g.window_width - g.overlap),
                            kTileMargin - row * (g.window_height - g.overlap));
            draw_page(cr.get(), p);
            cairo_restore(cr.get());
            draw_alignment_marks(cr.get(), g);
            draw_tile_label(cr.get(), p, g, column, row);
            cairo_show_page(cr.get());
        }
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
        throw RenderError(std::string("PDF rendering failed: ") + cairo_status_to_string(cairo_status(cr.get())));
    cr.reset();
    cairo_surface_finish(surface.get());
    return out;
}

}  // namespace pathways
