#pragma once
// The page drawn onto any Cairo context: shared by the PDF/PNG writer and the print PDF writer.
#include <cairo.h>

namespace pathways {

struct Poster;

/// Draws the whole page onto `cr` (whose units are points, origin at the page's top-left); the
/// background is painted over the whole clip, so a clip wider than the page extends it into bleed.
void draw_page(cairo_t* cr, const Poster& p);

/// A PDF's document metadata: title, subject (the catalogue's subtitle), author (its publisher),
/// keywords (what the poster shows), creator, and the creation and modification dates (the
/// poster's build date, so the bytes are reproducible). pdf_document.cpp.
void set_pdf_metadata(cairo_surface_t* surface, const Poster& p);

}  // namespace pathways
