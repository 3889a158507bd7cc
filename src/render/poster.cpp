// Composing a poster page: paper, header, footer, the legend placed where it suits the drawing,
// the drawing laid out for the area left, and panels in the room that remains.
#include "pathways/poster.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <ctime>
#include <optional>

#include "column.hpp"
#include "entry_marks.hpp"
#include "grid.hpp"
#include "grid_marks.hpp"
#include "legend.hpp"
#include "panels.hpp"
#include "qr_code.hpp"
#include "story_marks.hpp"
#include "pathways/readability.hpp"
#include "pathways/version.hpp"

namespace pathways {

namespace {
constexpr double kMm = 72.0 / 25.4;
constexpr double kA1Short = 594 * kMm;
constexpr double kMaxScale = 2.5;  // a small drawing is enlarged at most this much
}  // namespace

BuildDate resolve_build_date() {
    BuildDate d;
    std::time_t t = std::time(nullptr);
    if (const char* sde = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long v = std::strtoll(sde, &end, 10);
        if (*sde && end && *end == '\0' && v >= 0) {
            t = static_cast<std::time_t>(v);
            d.pinned = true;
        }
    }
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%d %B %Y", &tm);
    d.text = buf;
    if (!d.text.empty() && d.text[0] == '0') d.text.erase(0, 1);
    return d;
}

std::optional<PaperSize> paper_size(const std::string& name) {
    static const std::vector<PaperSize> sizes{{"A0", 841 * kMm, 1189 * kMm}, {"A1", 594 * kMm, 841 * kMm},
                                              {"A2", 420 * kMm, 594 * kMm},  {"A3", 297 * kMm, 420 * kMm},
                                              {"A4", 210 * kMm, 297 * kMm}};
    for (const auto& s : sizes)
        if (s.name == name) return s;
    return std::nullopt;
}

double Poster::fill_ratio() const {
    double area = drawing_area.w * drawing_area.h;
    if (area <= 0) return 0;
    return (layout.width() * drawing_scale) * (layout.height() * drawing_scale) / area;
}

Poster page_like(const Style& style, const PosterOptions& options) {
    Poster p;
    PaperSize paper = *paper_size(options.page.empty() ? style.page : options.page);
    p.paper = paper.name;
    p.landscape = options.landscape.value_or(style.landscape);
    p.width = p.landscape ? paper.height : paper.width;
    p.height = p.landscape ? paper.width : paper.height;
    return p;
}

Poster page_of(const Poster& front) {
    Poster p;
    p.width = front.width;
    p.height = front.height;
    p.paper = front.paper;
    p.landscape = front.landscape;
    p.font = front.font;
    p.background = front.background;
    p.title = front.title;
    p.subtitle = front.subtitle;
    p.description = front.description;
    p.build_date = front.build_date;
    p.catalogue = front.catalogue;
    p.settings = front.settings;
    p.setting_dimension = front.setting_dimension;
    return p;
}

double Poster::smallest_text() const {
    double smallest = role_text_size;
    for (const auto& t : texts) smallest = std::min(smallest, t.size);
    return smallest;
}

namespace {

/// A poster with its page set up: paper, orientation, title, font and background.
Poster blank_page(const PathwayGraph& graph, const Style& style, const PosterOptions& options) {
    const Catalogue& c = *graph.catalogue;
    Poster p = page_like(style, options);
    p.font = style.font;
    p.background = style.page_background;
    p.title = options.title.empty() ? c.title : options.title;
    p.subtitle = options.subtitle.empty() ? c.subtitle : options.subtitle;  // callers: view_subtitle
    p.catalogue = &c;
    p.settings = graph.settings;
    p.setting_dimension = c.setting_dimension;
    return p;
}

/// The title (on one line if it can be, shrinking it by up to 40%) and subtitle; returns where
/// the space below them starts.
double add_header(Poster& p, const Style& style, TextMeasure& measure, double m, double f) {
    Column head(measure, p, m, m, p.width - 2 * m, f);
    double title_size = style.title_size;
    double title_width = measure.width(p.title, title_size * f, true);
    if (title_width > p.width - 2 * m) title_size *= std::max(0.6, (p.width - 2 * m) / title_width * 0.98);
    head.text(p.title, title_size, true, style.title_colour, "title", p.height);
    if (!p.subtitle.empty()) head.text(p.subtitle, style.subtitle_size, false, style.text_colour, "subtitle", p.height);
    return head.y() + 10 * f;
}

/// The footer (publisher, source, data version, build), from the bottom up; returns where the
/// space above it ends.
double add_footer(Poster& p, const Catalogue& c, const Style& style, TextMeasure& measure, const std::string& date,
                  double m, double f, double reserve_right) {
    std::string footer = c.publisher + "  \xC2\xB7  Source: " + c.source + "  \xC2\xB7  Data version " + c.version +
                         "  \xC2\xB7  Built " + date + " with pathways " + kVersion;
    double fsize = style.footer_size * f;
    auto footer_lines = measure.wrap(footer, fsize, false, p.width - 2 * m - reserve_right);
    double bottom = p.height - m - fsize * 1.25 * static_cast<double>(footer_lines.size());
    double y = bottom + measure.ascent(fsize, false);
    for (const auto& line : footer_lines) {
        p.texts.push_back({m, y, fsize, false, style.text_colour, line, "footer"});
        y += fsize * 1.25;
    }
    return bottom - 12 * f;
}

/// One way to place the legend (beside the drawing or below it), with the shape of drawing that
/// suits the area it leaves.
struct Placement {
    LayoutChoice shape;
    std::vector<PageText> texts;
    std::vector<PageRect> rects;
    std::vector<PageLine> lines;
    Box area;
    std::size_t panels = 0;  // how many of the catalogue's panels the legend placed
    bool legend_complete = true;  // every legend entry placed
};

/// What compose_poster decides with: the shapes laid out, the legend, and the legibility floor.
struct Composition {
    const PathwayGraph& graph;
    const Style& style;
    std::vector<LayoutChoice> shapes;
    LegendComposer legend;
    double min_scale = 0;  // the drawing's scale at which its text meets the floor
    double min_side = 0;   // the drawing needs at least this much room each way
    double least_lf = 0.7; // the legend's text shrinks no further than this (its body text at the page's floor)
};

/// The legend placed beside (`right`) or below the drawing, shrinking its text up to 30% until its
/// essential blocks fit; nothing when the drawing would have no room.
std::optional<Placement> try_placement(Poster& p, Composition& k, bool right, std::size_t base_texts,
                                       double& roomiest) {
    for (double lf : {1.0, 0.9, 0.8, 0.7}) {
        lf = std::max(lf, k.least_lf);
        p.texts.resize(base_texts);
        p.rects.clear();
        p.lines.clear();
        bool fit = k.legend.compose(p, right, lf);
        if (std::getenv("PATHWAYS_DEBUG_LAYOUT"))
            std::fprintf(stderr, "legend %s lf=%.1f fit=%d\n", right ? "right" : "bottom", lf, fit);
        if (fit || lf <= k.least_lf) break;
    }
    const Box& a = p.drawing_area;
    roomiest = std::max(roomiest, std::min(a.w, a.h));
    if (a.w < k.min_side || a.h < k.min_side) return std::nullopt;
    LayoutChoice pick = Layout::pick(k.shapes, a.w, a.h, k.min_scale, kMaxScale);
    if (std::getenv("PATHWAYS_DEBUG_LAYOUT"))
        std::fprintf(stderr, "legend %s: area %.0fx%.0f -> %s rows=%d effort=%g%s%s gap=%g scale=%.2f fill=%.2f crossings=%zu\n",
                     right ? "right" : "bottom", a.w, a.h, pick.left_to_right ? "LR" : "BT", pick.rows_per_level,
                     pick.effort, pick.own_order ? " own order" : "", pick.markers_at_destination ? " markers at destination" : "",
                     pick.row_gap, pick.scale, pick.fill, pick.crossings);
    return Placement{pick, p.texts, p.rects, p.lines, p.drawing_area, k.legend.panels_placed(), k.legend.complete()};
}

PageError no_room(const Poster& p, const Style& style, double roomiest, double min_side) {
    char room[160];
    std::snprintf(room, sizeof room,
                  "%.0f mm margins has no room for the drawing: title, legend and footer leave at most %.0f mm",
                  style.margin_mm, std::max(0.0, roomiest) / kMm);
    return PageError("an " + p.paper + (p.landscape ? " landscape" : " portrait") + " page with " + room +
                     " for it (it needs " + std::to_string(std::lround(min_side / kMm)) +
                     " mm); use a larger page, or a style with smaller margins or text");
}

/// Drops the placements whose text (the legend's, shrunk to fit, or the drawing's) would print
/// under the floor, when another placement keeps all of it legible.
void keep_legible(std::vector<Placement>& trials, const Composition& k) {
    const double floor = k.min_scale * std::min(k.style.role_size, k.style.band_size) - 1e-6;
    auto legible = [&](const Placement& t) {
        return t.shape.scale >= k.min_scale - 1e-9 &&
               std::all_of(t.texts.begin(), t.texts.end(), [&](const PageText& x) { return x.size >= floor; });
    };
    if (std::any_of(trials.begin(), trials.end(), legible))
        std::erase_if(trials, [&](const Placement& t) { return !legible(t); });
}

/// Every placement the style allows, the chosen one (by choose_shape, as for shapes) applied to `p`.
Placement choose_placement(Poster& p, Composition& k) {
    const std::size_t base_texts = p.texts.size();
    std::vector<Placement> trials;
    double roomiest = 0;
    for (bool right : {true, false}) {
        if (k.style.legend_placement == (right ? "bottom" : "right")) continue;
        if (auto t = try_placement(p, k, right, base_texts, roomiest)) trials.push_back(std::move(*t));
    }
    if (trials.empty()) throw no_room(p, k.style, roomiest, k.min_side);
    for (const auto& t : trials) p.placement_areas.push_back(t.area);
    keep_legible(trials, k);
    std::vector<ShapeScore> scores;
    for (const auto& t : trials) scores.push_back({t.shape.scale, t.shape.fill, t.shape.crossings});
    Placement won = std::move(trials[choose_shape(scores, k.min_scale, false)]);
    p.texts = won.texts;
    p.rects = won.rects;
    p.lines = won.lines;
    p.drawing_area = won.area;
    p.legend_incomplete = !won.legend_complete;
    return won;
}

/// The drawing laid out in the chosen shape, scaled to fit its area and centred; panels the legend
/// had no room for go in the room the drawing leaves (the drawing keeps its scale; its area
/// shrinks by what they take).
void place_drawing(Poster& p, const Composition& k, const Placement& won, TextMeasure& measure, double f) {
    const Catalogue& c = *k.graph.catalogue;
    Box a = p.drawing_area;
    p.layout = Layout::make(k.graph, k.style, won.shape);
    double s = std::min({a.w / p.layout.width(), a.h / p.layout.height(), kMaxScale});
    p.drawing_scale = s;
    if (won.panels < c.panels.size())
        p.drawing_area = a = place_spare_panels(p, measure, k.style, c.panels, won.panels, a, p.layout.width() * s,
                                                p.layout.height() * s, f);
    p.drawing_at = {a.x + (a.w - p.layout.width() * s) / 2, a.y + (a.h - p.layout.height() * s) / 2};
    p.role_text_size = std::min(k.style.role_size, k.style.band_size) * s;
    add_story_marks(p, k.graph, k.style);
    add_grid_marks(p, k.style);
    add_entry_tags(p, k.graph, k.style);  // #19
    if (std::getenv("PATHWAYS_DEBUG_LAYOUT"))
        std::fprintf(stderr, "poster %s: drawing %.0fx%.0f in area %.0fx%.0f, scale %.2f, fill %.2f, role text %.1f pt\n",
                     p.paper.c_str(), p.layout.width(), p.layout.height(), a.w, a.h, s, p.fill_ratio(),
                     p.role_text_size);
}

}  // namespace

Poster compose_poster(const PathwayGraph& graph, const Style& chosen, const PosterOptions& options) {
    Poster p = blank_page(graph, chosen, options);
    // Text scales with the page: full size on A1, by the square root of the linear ratio elsewhere.
    const double f = std::sqrt(std::min(p.width, p.height) / kA1Short);
    // A viewing distance fixes the text sizes (issue 13); no text under the page's floor (issue 17).
    const Style style = sized_for_page(chosen, f, text_floor(p.paper, chosen));
    const double m = style.margin_mm * kMm;
    TextMeasure measure(style.font);
    double top = add_header(p, style, measure, m, f) + grid_label_room(style, f);
    p.build_date = options.build_date.empty() ? resolve_build_date().text : options.build_date;
    // "Find out more" (issue 13): a QR code and its address in the footer's right-hand corner.
    const std::string& url = options.url.empty() ? graph.catalogue->url : options.url;
    std::optional<FindOutMore> more;
    if (!url.empty()) more = plan_find_out_more(p, url, style, measure, m, f);
    double bottom = add_footer(p, *graph.catalogue, style, measure, p.build_date, m, f, more ? more->reserve : 0) -
                    options.reserve_bottom;
    if (more) {
        bottom = std::min(bottom, more->top - 12 * f);
        p.texts.insert(p.texts.end(), more->texts.begin(), more->texts.end());
    }

    // Legend and panels go in a side column or in a strip of columns along the bottom, whichever
    // leaves the drawing area a shape the layout fills best (the style may fix one). Text must be
    // legible from a metre on A1 (12 pt), at hand on A3 and A4 (9 pt).
    const double min_text = text_floor(p.paper, style);
    Composition k{graph, style, options.shapes.empty() ? Layout::explore(graph, style, options.layout) : options.shapes, LegendComposer(graph, style, measure, {m, top, bottom, f}),
                  min_text / std::min(style.role_size, style.band_size), 0.25 * std::min(p.width, p.height),
                  std::clamp(min_text / (style.text_size * 0.9 * f), 0.7, 1.0)};
    Placement won = choose_placement(p, k);
    place_drawing(p, k, won, measure, f);
    add_grid(p, style, measure, f);  // the grid references the back's index and a series' markers point into
    if (more)
        for (auto& r : qr_rects(*more)) p.rects.push_back(std::move(r));
    return p;
}

// Poster series (#10b): the overview page has the header and footer of every poster and no drawing.
Poster compose_frame(const PathwayGraph& graph, const Style& style, const PosterOptions& options) {
    Poster p = blank_page(graph, style, options);
    const double f = std::sqrt(std::min(p.width, p.height) / kA1Short);
    const double m = style.margin_mm * kMm;
    TextMeasure measure(style.font);
    double top = add_header(p, style, measure, m, f);
    p.build_date = options.build_date.empty() ? resolve_build_date().text : options.build_date;
    double bottom = add_footer(p, *graph.catalogue, style, measure, p.build_date, m, f, 0);
    p.drawing_area = {m, top, p.width - 2 * m, bottom - top};
    return p;
}

}  // namespace pathways
