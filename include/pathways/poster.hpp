#pragma once
#include <stdexcept>
#include <string>
#include <vector>

#include "pathways/layout.hpp"
#include "pathways/print.hpp"
#include "pathways/style.hpp"
#include "pathways/view.hpp"

namespace pathways {

/// An ISO 216 paper size in points.
struct PaperSize {
    std::string name;
    double width = 0, height = 0;  // portrait: width < height
};

/// A0..A4 in points (1 mm = 72/25.4 pt); nothing for an unknown name.
std::optional<PaperSize> paper_size(const std::string& name);

/// The date printed on posters: SOURCE_DATE_EPOCH's day when that is set, else today's (UTC);
/// in the footer's form, "21 November 2026". One build resolves it once, so every poster of a
/// run carries the same date whatever the number of jobs.
struct BuildDate {
    std::string text;
    bool pinned = false;  // from SOURCE_DATE_EPOCH (then it is an input of every poster's key)
};
BuildDate resolve_build_date();

/// What to put on one page.
struct PosterOptions {
    std::string page;              // A0..A4; empty: the style's
    std::optional<bool> landscape; // unset: the style's
    std::string title;             // empty: the catalogue's
    std::string build_date;        // e.g. "21 November 2026"; empty: resolve_build_date()
    LayoutMode layout = LayoutMode::Auto;  // pathway, framework, or whichever suits the page
    // A sheet of a poster series (series_poster.hpp): the shapes to choose from (Layout::explore's
    // for this graph, kept from an earlier pass; empty: explored here), and room kept free above
    // the footer for the sheet's index (points).
    std::vector<LayoutChoice> shapes;
    double reserve_bottom = 0;
    std::string url;               // "find out more" as a QR code; empty: the catalogue's (if any)
    std::string subtitle;          // empty: the catalogue's (or, for a filtered view, one naming it)
};

/// A line of text placed on the page (baseline position, in points).
struct PageText {
    double x = 0, baseline = 0, size = 0;
    bool bold = false;
    Colour colour;
    std::string text;
    std::string role;  // what it is, for SVG classes: "title", "subtitle", "heading", "text", "footer"
};

/// A rectangle (legend swatch, band sample) on the page, optionally striped.
struct PageRect {
    Box box;
    std::vector<Colour> fills;  // side-by-side stripes; empty: no fill
    Colour stroke;
    double stroke_width = 0;
    std::string tag;  // text written in the swatch (greyscale styles), may be empty
    Colour tag_colour;
    // What the swatch shows: the setting of each stripe, or the level whose band it samples.
    std::vector<const Setting*> settings;
    const Level* level = nullptr;
};

/// A line sample in the legend: the look of one kind of link.
struct PageLine {
    Point from, to;
    LinkKind kind = LinkKind::Up;
    LinkLook look;
    bool arrow = true;
    Emphasis emphasis = Emphasis::Normal;  // Emphasised: the route's sample
};

/// A story step's numbered badge on the drawing (drawing units).
struct Badge {
    Point centre;
    double radius = 0;
    std::string number;  // "1", "2", ...
    std::string text;    // the step in words (the SVG tooltip)
};

/// A story poster's marks over the drawing: its trail through the steps and their badges.
struct StoryMarks {
    std::vector<Badge> badges;  // in step order
    std::vector<Point> trail;   // through the badges, in order (drawing units)
    LinkLook trail_look;
    Colour badge_fill, badge_text, badge_ring;
};

/// A framework layout's columns under the drawing (drawing units): fills, borders and headings.
struct GridMarks {
    std::vector<PageRect> columns;  // one per level, left to right
    std::vector<PageText> headings; // each column's name, line by line
};

/// A way in on the drawing (#19): a lettered tag at the top-right corner of a role box that an
/// entry route (a scheme, not a job) leads into, keyed by its letter in the legend's "Ways in".
struct EntryTag {
    Box box;               // drawing units
    std::string key;       // "A", "B", … in the order of the catalogue's entry_routes
    std::string name;      // the entry route's name (the SVG tooltip)
    const Role* role = nullptr;
};

/// The front's grid references: the drawing cut into lettered columns (A, B, …) and numbered rows
/// (1, 2, …), labelled along its top and left edges, so the back's index can say where a role is.
struct PageGrid {
    Box box;  // the scaled drawing on the page (points)
    int columns = 0, rows = 0;
    /// "C4": the cell holding `at` (page points); empty when there is no grid.
    std::string ref(Point at) const;
};

/// A whole poster page: text, legend, panels and the placed drawing; drawn by the PDF/PNG and SVG writers.
struct Poster {
    double width = 0, height = 0;  // points
    std::string paper;             // "A1"
    bool landscape = true;
    std::string title, subtitle, description;
    std::vector<PageText> texts;
    std::vector<PageRect> rects;
    std::vector<PageLine> lines;
    Box drawing_area;   // space left for the drawing after title, legend, panels and footer
    std::vector<Box> placement_areas;  // the areas each legend placement tried left the drawing (#10)
    Point drawing_at;   // top-left of the scaled drawing
    double drawing_scale = 1;
    std::string font;
    Colour background;
    Layout layout;
    StoryMarks marks;  // empty except on a story poster
    GridMarks grid;    // empty except for a framework layout
    std::vector<EntryTag> entry_tags;  // ways in marked on the roles they lead into (#19)
    Colour entry_fill, entry_text;     // the tags' colours (the style's title colour)

    /// Share of the drawing area the scaled drawing covers (0..1).
    double fill_ratio() const;
    /// The printed size in points of the smallest text on the page (including inside the drawing).
    double smallest_text() const;
    double role_text_size = 0;  // printed size of role labels
    std::string build_date;     // the footer's date, "21 November 2026"; also the PDF's creation date

    const Catalogue* catalogue = nullptr;  // what the poster is drawn from
    // What the drawing shows, for writers that describe it in words (SVG title, desc, compact legend).
    std::vector<const Setting*> settings;  // the settings used by a role of the view, catalogue order
    std::string setting_dimension;         // what a setting is, e.g. "Care setting"

    // Issue 17: what the front had no room for, and where the back page's index finds roles.
    std::vector<const Panel*> panels_left_off;  // the catalogue's panels not on this page, in order
    bool legend_incomplete = false;             // some legend entries did not fit on this page
    PageGrid grid_refs;                         // the front's grid references (none on a back page)
    std::vector<std::string> left_off;          // back page: what fits on neither side ("glossary term 'X'")
};

/// The page a poster with `options` gets (paper, size, orientation), without composing it.
Poster page_like(const Style& style, const PosterOptions& options);

/// Another page of the same poster (its back, its embeddable drawing): the front's paper, font,
/// background, titles and what it describes, with none of its content.
Poster page_of(const Poster& front);

/// A page that cannot hold a poster (margins, title, legend and footer leave no room to draw).
struct PageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Lays out the graph and composes the page. Throws PageError when the page has no room for it.
Poster compose_poster(const PathwayGraph& graph, const Style& style, const PosterOptions& options);

/// Writes the poster as a PDF (bytes): one page, or with bleed and marks for a print shop, or in
/// tiles; see PdfOptions (print.hpp, pdf_document.cpp). The one PDF writer.
std::string render_pdf(const Poster& poster, const PdfOptions& options = {});
/// Writes posters as one PDF, a page each in order (a poster series), with the same options; the
/// first page's title and date are the document's.
std::string render_pdf(const std::vector<const Poster*>& pages, const PdfOptions& options = {});
/// Writes the poster as a PNG at `dpi` (bytes).
std::string render_png(const Poster& poster, double dpi);
/// How an SVG is written.
struct SvgOptions {
    bool embed = false;        // for embedding in a page: drawing and compact legend, no page frame, scalable
    std::string id_prefix;     // prefixed to every element id (the poster name), so two SVGs can share a page
    double width = 0;          // embed only: a fixed width in px; 0 leaves width to the page (viewBox only)
};

/// Writes the poster as one self-contained SVG document.
std::string render_svg(const Poster& poster, const Style& style, const SvgOptions& options = {});

/// Cairo could not draw a page (its status says why).
struct RenderError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// One kind of file a poster can be written as: a drawing, or its graph as data (JSON, DOT).
enum class OutputFormat { Pdf, Svg, Png, EmbedSvg, Json, Dot, Html };

/// "pdf", "svg", "png", "embed-svg", "json", "dot", "html" (as written in a manifest).
const char* format_name(OutputFormat format);
/// The file name ending a format writes: ".pdf", ".svg", ".png", ".embed.svg", ".json", ".dot", ".html".
const char* format_suffix(OutputFormat format);
/// Whether the format is a picture of the poster (not its graph as data); the explorer page is not.
bool is_drawing(OutputFormat format);

/// How a poster's files are written: PNG resolution and the SVGs' id prefix and width.
struct OutputSettings {
    double dpi = 150;
    std::string id_prefix;  // SVG: prefixed to every id, so two posters' SVGs can share a page
    double svg_width = 0;   // embed-svg: a fixed width in px; 0 leaves it to the page
    PrintOptions print;     // PDF (issue 13): bleed and crop marks, or tiles; the slug line names id_prefix
    const Poster* back = nullptr;  // the back page: the PDF's second page (see back_page.hpp)
    const Poster* embed = nullptr; // embed-svg: the poster as laid out for its column (embed_poster); null: this one
};

/// The bytes of `poster`, drawn from `graph` in `style`, in one format: the one function both
/// `render` and `build` write posters through. Throws RenderError (Cairo), LayoutError (Graphviz).
std::string render_output(const Poster& poster, const PathwayGraph& graph, const Style& style, OutputFormat format,
                          const OutputSettings& settings);

}  // namespace pathways
