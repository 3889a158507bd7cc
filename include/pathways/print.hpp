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
    std::string tile;     // "A4" or "A3": split across office pages instead (no bleed or marks)
    /// Whether anything beyond the exact page was asked for.
    bool wanted() const { return bleed_mm > 0 || marks; }
};

/// `print: {bleed: MM, marks: yes|no}` under `parent` (a style or a manifest poster), checked and
/// located; nothing when absent. `what` names the owner in messages.
std::optional<PrintOptions> read_print_options(MapReader& parent, const std::string& what);

/// The bleed used when marks or a print PDF are asked for without a bleed size.
inline constexpr double kDefaultBleedMm = 3;

/// Everything the PDF writer (render_pdf, poster.hpp) adds beyond the page itself. It writes the
/// page (inside bleed and marks when asked for), a link on every role box with a safe url,
/// document metadata (title, subject, author, keywords, dates from the poster's build date) and
/// an outline of the levels. With bleed or marks the MediaBox holds them, TrimBox is the exact ISO
/// page and BleedBox the trim plus bleed (set with qpdf). With a tile paper, tiles instead.
struct PdfOptions {
    PrintOptions print;
    std::string name;  // the poster's name, printed on the slug line (empty: its title)
};

/// How a poster is split into tiles: the tile page, the poster window each shows (inside a 10 mm
/// margin), the overlap between neighbours, and the number of columns and rows.
struct TileGrid {
    double page_width = 0, page_height = 0;
    double window_width = 0, window_height = 0;
    double overlap = 0;
    int columns = 0, rows = 0;
};

/// The tiles of `poster` on `paper` (A4 or A3), portrait or landscape, whichever needs fewer.
TileGrid plan_tiles(const Poster& poster, const std::string& paper);
/// A tile's name: row letter, column number ("B2").
std::string tile_name(int column, int row);
/// The poster at 100 % across tile pages, one PDF page per tile, rows top to bottom.
std::string render_tiled_pdf(const Poster& poster, const std::string& paper);

/// A PDF page box in points, PDF coordinates (origin bottom-left).
struct PdfBox {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
};

/// Rewrites `pdf` (one page) with qpdf, setting its TrimBox and BleedBox and giving it an sRGB
/// output intent (the colours are sRGB values; the profile is embedded). Deterministic bytes.
std::string set_page_boxes(const std::string& pdf, const PdfBox& trim, const PdfBox& bleed);

/// The sRGB ICC profile a print PDF's output intent embeds (Debian's colord-data), and the
/// output condition it names.
inline constexpr const char* kSrgbProfilePath = "/usr/share/color/icc/colord/sRGB.icc";
inline constexpr const char* kSrgbCondition = "sRGB IEC61966-2.1";

}  // namespace pathways

namespace pathways {

struct Style;

/// One fact of a preflight report: what it is, its value in words, and a warning when it falls
/// below its floor (empty when it does not).
struct PreflightFact {
    std::string label, value, warning;
};

/// Letter height per metre of reading distance (about 7 mm, the sign-makers' rule).
inline constexpr double kLetterMmPerMetre = 7;
/// Capital height per em of Liberation Sans and Arial.
inline constexpr double kCapHeightPerEm = 0.716;
/// The text size in points that reads from `metres` (the inverse of reading_distance_m): 28 pt
/// from 1 m, 42 pt from 1.5 m.
inline constexpr double text_size_for_distance(double metres) {
    return metres * kLetterMmPerMetre / kCapHeightPerEm * 72.0 / 25.4;
}
/// The distance in metres text of `size_pt` can be read from (its capital height, 0.716 em in
/// Liberation Sans and Arial, at kLetterMmPerMetre per metre): 14 pt about 0.5 m, 24 pt about 0.9 m.
double reading_distance_m(double size_pt);

/// What a print shop checks, from the composed poster: page, smallest text and its reading
/// distance, thinnest line, lowest text and line contrasts, whether colour alone tells settings apart.
std::vector<PreflightFact> preflight_poster(const Poster& poster, const Style& style);

/// What a print shop checks, read from a PDF with qpdf: page and trim size, bleed, fonts
/// embedded, links. Throws std::runtime_error when the file is not a readable PDF.
std::vector<PreflightFact> preflight_pdf(const std::string& path);

}  // namespace pathways
