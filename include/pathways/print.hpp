#pragma once
// Print-shop and on-screen PDFs: bleed, crop marks and page boxes, links, metadata and outline;
// and the preflight report of the facts a print shop checks.
#include <optional>
#include <string>
#include <vector>

namespace pathways {

struct Poster;
class MapReader;

/// How a PDF is prepared for a print shop: bleed around the trimmed page and crop marks outside it.
struct PrintOptions {
    double bleed_mm = 0;  // 0: no bleed
    bool marks = false;   // crop marks and a slug line outside the bleed
    /// Whether anything beyond the exact page was asked for.
    bool wanted() const { return bleed_mm > 0 || marks; }
};

/// `print: {bleed: MM, marks: yes|no}` under `parent` (a style or a manifest poster), checked and
/// located; nothing when absent. `what` names the owner in messages.
std::optional<PrintOptions> read_print_options(MapReader& parent, const std::string& what);

/// The bleed used when marks or a print PDF are asked for without a bleed size.
inline constexpr double kDefaultBleedMm = 3;

/// Everything the PDF writer adds beyond the page itself.
struct PdfOptions {
    PrintOptions print;
    std::string name;        // the poster's name, printed on the slug line
    std::string build_date;  // the footer's date ("21 November 2026"); empty: resolve_build_date()
};

/// Writes the poster as a one-page PDF: the page (inside bleed and marks when asked for), a link
/// on every role box with a safe url, document metadata (title, subject, author, keywords, dates
/// from the build date) and an outline of the levels. With bleed or marks the MediaBox holds
/// them, TrimBox is the exact ISO page and BleedBox the trim plus bleed (set with qpdf).
std::string render_pdf_document(const Poster& poster, const PdfOptions& options);

/// A PDF page box in points, PDF coordinates (origin bottom-left).
struct PdfBox {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
};

/// Rewrites `pdf` (one page) with qpdf, setting its TrimBox and BleedBox. Deterministic bytes.
std::string set_page_boxes(const std::string& pdf, const PdfBox& trim, const PdfBox& bleed);

/// "2026-11-21T00:00:00Z" from the footer's "21 November 2026" (empty when it does not parse).
std::string iso_date(const std::string& footer_date);

}  // namespace pathways
