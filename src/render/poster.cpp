#include "pathways/poster.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <ctime>

#include <cairo-pdf.h>

#include "pathways/version.hpp"
#include "text.hpp"

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

double Poster::smallest_text() const {
    double smallest = role_text_size;
    for (const auto& t : texts) smallest = std::min(smallest, t.size);
    return smallest;
}

namespace {

/// Places text blocks top-down inside a column.
class Column {
public:
    Column(TextMeasure& m, Poster& p, const Style& s, double x, double y, double w, double f)
        : measure_(&m), poster_(&p), x_(x), y_(y), w_(w), f_(f) {
        (void)s;
    }

    double x() const { return x_; }
    double y() const { return y_; }
    void skip(double dy) { y_ += dy * f_; }

    /// Adds wrapped text; returns false (adding nothing) if it would pass `limit`.
    bool text(const std::string& s, double size, bool bold, const Colour& c, const std::string& role,
              double limit, double indent = 0) {
        size *= f_;
        auto lines = measure_->wrap(s, size, bold, w_ - indent);
        double lead = size * 1.25;
        if (y_ + lead * static_cast<double>(lines.size()) > limit) return false;
        double ascent = measure_->ascent(size, bold);
        for (const auto& line : lines) {
            poster_->texts.push_back({x_ + indent, y_ + ascent, size, bold, c, line, role});
            y_ += lead;
        }
        return true;
    }

private:
    TextMeasure* measure_;
    Poster* poster_;
    double x_, y_, w_, f_;
};

/// Places panels `first`… of `panels`, in order, in the room a drawing of `dw`×`dh` leaves in
/// `area`: a strip of columns below it, or one column beside it, whichever room is larger. Puts as
/// many as it can (stopping at the first that does not fit, so the catalogue's order is its
/// priority), choosing the number of columns that fits the most. Returns the area left for the
/// drawing; the drawing centred in it sits beside the panels.
Box place_spare_panels(Poster& p, TextMeasure& measure, const Style& style, const std::vector<Panel>& panels,
                       std::size_t first, Box area, double dw, double dh, double f) {
    const double gap = 14 * kMm * f;
    const double spare_h = area.h - dh - gap, spare_w = area.w - dw - gap;
    const double measure_w = 130 * kMm * f;  // a comfortable line length for panel text
    const bool below = spare_h * area.w >= spare_w * area.h;
    std::vector<std::vector<std::pair<double, double>>> layouts;  // candidate column sets: x, width
    Box strip;
    if (below && spare_h >= 35 * kMm * f) {
        strip = {area.x, area.y + dh + gap, area.w, spare_h};
        int most = std::max(1, static_cast<int>((area.w + gap) / (measure_w + gap)));
        for (int n = most; n >= 1; --n) {
            double w = (area.w - gap * (n - 1)) / n;
            layouts.emplace_back();
            for (int i = 0; i < n; ++i) layouts.back().push_back({area.x + i * (w + gap), w});
        }
    } else if (!below && spare_w >= 0.6 * measure_w) {
        double w = std::min(spare_w, 1.3 * measure_w);
        strip = {area.x + dw + gap, area.y, w, area.h};
        layouts.push_back({{strip.x, w}});
    }

    // Places the panels in `columns`; returns how many, and how far into the strip they reach.
    const std::size_t first_text = p.texts.size();
    auto place = [&](const std::vector<std::pair<double, double>>& columns) {
        p.texts.resize(first_text);
        std::size_t col = 0, placed = 0;
        double used = 0;
        Column column(measure, p, style, columns[0].first, strip.y, columns[0].second, f);
        for (std::size_t i = first; i < panels.size();) {
            const std::size_t texts = p.texts.size();
            const bool fresh = column.y() == strip.y;
            const double limit = strip.y + strip.h;
            if (column.text(panels[i].title, style.heading_size * 0.85, true, style.title_colour, "heading", limit) &&
                column.text(panels[i].text, style.text_size * 0.9, false, style.text_colour, "text", limit)) {
                column.skip(8);
                used = below ? std::max(used, column.y() - strip.y) : strip.w;
                ++placed;
                ++i;
                continue;
            }
            p.texts.resize(texts);
            if (fresh || ++col >= columns.size()) break;  // too long for a whole column, or no columns left
            column = Column(measure, p, style, columns[col].first, strip.y, columns[col].second, f);
        }
        return std::pair{placed, used};
    };
    const std::vector<std::pair<double, double>>* best = nullptr;
    std::size_t most = 0;
    for (const auto& columns : layouts)
        if (std::size_t n = place(columns).first; n > most) {
            most = n;
            best = &columns;
        }
    p.texts.resize(first_text);
    if (std::getenv("PATHWAYS_DEBUG_LAYOUT"))
        std::fprintf(stderr, "spare panels: %s, strip %.0fx%.0f, %zu column sets, at best %zu panels\n",
                     below ? "below" : "beside", strip.w, strip.h, layouts.size(), most);
    if (!best) return area;
    double used = place(*best).second;

    // Drawing and panels together, centred in the area; the drawing's area is what is left.
    double shift = ((below ? area.h - dh : area.w - dw) - gap - used) / 2;
    for (std::size_t i = first_text; i < p.texts.size(); ++i) (below ? p.texts[i].baseline : p.texts[i].x) += shift;
    (below ? area.h : area.w) -= gap + used;
    return area;
}

}  // namespace

Poster compose_poster(const PathwayGraph& graph, const Style& style, const PosterOptions& options) {
    const Catalogue& c = *graph.catalogue;
    Poster p;
    PaperSize paper = *paper_size(options.page.empty() ? style.page : options.page);
    p.paper = paper.name;
    p.landscape = options.landscape.value_or(style.landscape);
    p.width = p.landscape ? paper.height : paper.width;
    p.height = p.landscape ? paper.width : paper.height;
    p.font = style.font;
    p.background = style.page_background;
    p.title = options.title.empty() ? c.title : options.title;
    p.subtitle = c.subtitle;

    // Text scales with the page: full size on A1, by the square root of the linear ratio elsewhere.
    double f = std::sqrt(std::min(p.width, p.height) / kA1Short);
    double m = style.margin_mm * kMm;
    TextMeasure measure(style.font);

    // Header.
    Column head(measure, p, style, m, m, p.width - 2 * m, f);
    // The title on one line if it can be, shrinking it by up to 40%.
    double title_size = style.title_size;
    double title_width = measure.width(p.title, title_size * f, true);
    if (title_width > p.width - 2 * m) title_size *= std::max(0.6, (p.width - 2 * m) / title_width * 0.98);
    head.text(p.title, title_size, true, style.title_colour, "title", p.height);
    if (!p.subtitle.empty()) head.text(p.subtitle, style.subtitle_size, false, style.text_colour, "subtitle", p.height);
    double top = head.y() + 10 * f;

    // Footer, from the bottom up.
    p.build_date = options.build_date.empty() ? resolve_build_date().text : options.build_date;
    std::string footer = c.publisher + "  \xC2\xB7  Source: " + c.source + "  \xC2\xB7  Data version " + c.version +
                         "  \xC2\xB7  Built " + p.build_date + " with pathways " + kVersion;
    double fsize = style.footer_size * f;
    auto footer_lines = measure.wrap(footer, fsize, false, p.width - 2 * m);
    double bottom = p.height - m - fsize * 1.25 * static_cast<double>(footer_lines.size());
    {
        double y = bottom + measure.ascent(fsize, false);
        for (const auto& line : footer_lines) {
            p.texts.push_back({m, y, fsize, false, style.text_colour, line, "footer"});
            y += fsize * 1.25;
        }
    }
    bottom -= 12 * f;

    // Legend and panels go in a side column or in a strip of columns along the bottom, whichever
    // leaves the drawing area a shape the layout fills best (the style may fix one).
    const std::size_t base_texts = p.texts.size();
    std::size_t panels_placed = 0;
    // Returns false when an essential block (settings, links, levels) did not fit; panels are optional.
    // `lf` shrinks the legend's text for a retry.
    auto compose_legend = [&](Poster& p, bool right, double lf) {
        bool missing = false;
        double gap = 14 * kMm * f;
        std::vector<std::pair<double, double>> columns;  // x, width
        double legend_top = top, legend_bottom = bottom;
        if (right) {
            double w = std::max(150.0, p.width * 0.2);
            columns.push_back({p.width - m - w, w});
            p.drawing_area = {m, top, p.width - 2 * m - w - gap, bottom - top};
        } else {
            double h = std::min(p.height * (p.landscape ? 0.24 : 0.22), 200 * kMm * f);
            legend_top = bottom - h;
            int n = p.landscape ? 4 : 3;
            double w = (p.width - 2 * m - gap * (n - 1)) / n;
            for (int i = 0; i < n; ++i) columns.push_back({m + i * (w + gap), w});
            p.drawing_area = {m, top, p.width - 2 * m, legend_top - gap - top};
        }

        std::size_t col = 0;
        Column legend(measure, p, style, columns[0].first, legend_top, columns[0].second, f * lf);
        auto next_column = [&]() -> bool {
            if (col + 1 >= columns.size()) return false;
            ++col;
            legend = Column(measure, p, style, columns[col].first, legend_top, columns[col].second, f * lf);
            return true;
        };
        // Adds a block, moving to the next column when it does not fit.
        auto block = [&](auto&& add) {
            std::size_t texts = p.texts.size(), rects = p.rects.size(), lines = p.lines.size();
            if (add()) return true;
            p.texts.resize(texts);
            p.rects.resize(rects);
            p.lines.resize(lines);
            if (!next_column()) {
                missing = true;
                return false;
            }
            std::size_t t2 = p.texts.size(), r2 = p.rects.size(), l2 = p.lines.size();
            if (add()) return true;
            p.texts.resize(t2);
            p.rects.resize(r2);
            p.lines.resize(l2);
            missing = true;
            return false;
        };

        // Settings: a swatch, the name and its description.
        double sw = 30 * f, sh = 20 * f, indent = sw + 10 * f;
        std::map<std::string, std::size_t> position;
        for (std::size_t i = 0; i < c.settings.size(); ++i) position[c.settings[i].id] = i;
        block([&] { return legend.text(c.setting_dimension, style.heading_size, true, style.title_colour, "heading", legend_bottom - 3 * style.text_size * f); });
        for (const Setting* s : graph.settings) {
            block([&] {
                double y = legend.y();
                SettingLook look = style.setting_look(s->id, position[s->id]);
                if (!legend.text(s->name, style.text_size, true, style.text_colour, "text", legend_bottom, indent)) return false;
                if (!legend.text(s->description, style.text_size * 0.9, false, style.text_colour, "text", legend_bottom, indent))
                    return false;
                Colour tagc = text_colour_for(style, {look.fill});
                p.rects.push_back({{legend.x(), y + 2 * f, sw, sh}, {look.fill}, style.role_border, 1, 
                                   style.show_tags ? (look.tag.empty() ? s->id.substr(0, 2) : look.tag) : "", tagc});
                legend.skip(6);
                return true;
            });
        }
        if (graph.settings.size() > 1) {
            block([&] {
                double y = legend.y();
                std::vector<Colour> fills;
                for (const Setting* s : graph.settings) fills.push_back(style.setting_look(s->id, position[s->id]).fill);
                if (!legend.text("Striped: found in each setting whose colour it shows", style.text_size * 0.9, false,
                                 style.text_colour, "text", legend_bottom, indent))
                    return false;
                p.rects.push_back({{legend.x(), y + 1 * f, sw, sh}, fills, style.role_border, 1, "", {}});
                legend.skip(6);
                return true;
            });
        }
        legend.skip(10);

        // Link styles that appear on this poster.
        struct Sample {
            const char* kind;
            const LinkLook* look;
            const char* text;
        };
        std::vector<Sample> samples{{"up", &style.up, "Can progress to (next level up)"},
                                    {"within-level", &style.within, "Can move to a role at the same level"},
                                    {"down", &style.down, "Can move to a role at a lower level"},
                                    {"same-role", &style.same_role, "The same role, listed at two levels"},
                                    {"transfer", &style.transfer, "Leads to a role outside this diagram (the box says where it is found)"}};
        std::vector<const Sample*> present;
        for (const auto& sample : samples) {
            std::string kind = sample.kind;
            bool shown = false;
            if (kind == "transfer")
                shown = !graph.transfers.empty();
            else if (kind == "same-role")
                shown = std::any_of(graph.roles.begin(), graph.roles.end(), [](const Role* r) { return r->levels.size() > 1; });
            else
                shown = std::any_of(graph.links.begin(), graph.links.end(), [&](const GraphLink& l) {
                    return kind == (l.kind == LinkKind::Up ? "up" : l.kind == LinkKind::Within ? "within-level" : "down");
                });
            if (shown) present.push_back(&sample);
        }
        // The link styles stay together in one block, under their heading.
        block([&] {
            if (!legend.text("Links", style.heading_size, true, style.title_colour, "heading", legend_bottom)) return false;
            for (const Sample* sample : present) {
                double y = legend.y();
                if (!legend.text(sample->text, style.text_size * 0.9, false, style.text_colour, "text", legend_bottom,
                                 indent + 14 * f))
                    return false;
                double x = legend.x();
                p.lines.push_back({{x, y + 10 * f}, {x + sw + 10 * f, y + 10 * f}, *sample->look,
                                   std::string(sample->kind) != "same-role"});
                legend.skip(4);
            }
            return true;
        });
        legend.skip(10);

        // Levels, lowest first, as the bands show them.
        block([&] { return legend.text("Career levels", style.heading_size, true, style.title_colour, "heading", legend_bottom - 3 * style.text_size * f); });
        for (std::size_t i = 0; i < graph.levels.size(); ++i) {
            const Level* l = graph.levels[i];
            block([&] {
                double y = legend.y();
                if (!legend.text(l->name, style.text_size, true, style.band_label, "text", legend_bottom, indent)) return false;
                if (!legend.text(l->description, style.text_size * 0.9, false, style.text_colour, "text", legend_bottom, indent))
                    return false;
                const Colour& fill = style.band_fills.empty() ? style.page_background : style.band_fills[i % style.band_fills.size()];
                p.rects.push_back({{legend.x(), y + 2 * f, sw, sh}, {fill}, style.band_border, 1, "", {}});
                legend.skip(4);
                return true;
            });
        }
        legend.skip(10);

        // Panels, as many as fit.
        bool essentials_fit = !missing;
        panels_placed = 0;
        for (const auto& panel : c.panels) {
            bool ok = block([&] {
                if (!legend.text(panel.title, style.heading_size * 0.85, true, style.title_colour, "heading", legend_bottom - 3 * style.text_size * f)) return false;
                if (!legend.text(panel.text, style.text_size * 0.9, false, style.text_colour, "text", legend_bottom)) return false;
                legend.skip(8);
                return true;
            });
            if (!ok) break;
            ++panels_placed;
        }
        return essentials_fit;
    };

    std::vector<bool> placements;
    if (style.legend_placement != "bottom") placements.push_back(true);
    if (style.legend_placement != "right") placements.push_back(false);
    std::vector<LayoutChoice> shapes = Layout::explore(graph, style);
    // Legible from a metre on A1 (12 pt), at hand on A3 and A4 (9 pt).
    const double min_text = std::max(9.0, 12.0 * f);
    struct Trial {
        LayoutChoice shape;
        std::vector<PageText> texts;
        std::vector<PageRect> rects;
        std::vector<PageLine> lines;
        Box area;
        std::size_t panels;  // how many of the catalogue's panels the legend placed
    };
    std::vector<Trial> trials;
    // The drawing needs at least a quarter of the page's shorter side each way.
    const double min_side = 0.25 * std::min(p.width, p.height);
    double roomiest = 0;
    for (bool right : placements) {
        p.texts.resize(base_texts);
        p.rects.clear();
        p.lines.clear();
        for (double lf : {1.0, 0.9, 0.8, 0.7}) {
            p.texts.resize(base_texts);
            p.rects.clear();
            p.lines.clear();
            bool fit = compose_legend(p, right, lf);
            if (std::getenv("PATHWAYS_DEBUG_LAYOUT")) std::fprintf(stderr, "legend %s lf=%.1f fit=%d\n", right ? "right" : "bottom", lf, fit);
            if (fit) break;
        }
        const Box& a = p.drawing_area;
        roomiest = std::max(roomiest, std::min(a.w, a.h));
        if (a.w < min_side || a.h < min_side) continue;  // no room to draw this way
        LayoutChoice pick = Layout::pick(shapes, a.w, a.h, min_text / std::min(style.role_size, style.band_size), kMaxScale);
        if (std::getenv("PATHWAYS_DEBUG_LAYOUT"))
            std::fprintf(stderr, "legend %s: area %.0fx%.0f -> %s rows=%d effort=%g scale=%.2f fill=%.2f crossings=%zu\n",
                         right ? "right" : "bottom", a.w, a.h, pick.left_to_right ? "LR" : "BT", pick.rows_per_level,
                         pick.effort, pick.scale, pick.fill, pick.crossings);
        trials.push_back({pick, p.texts, p.rects, p.lines, p.drawing_area, panels_placed});
    }
    if (trials.empty()) {
        char room[160];
        std::snprintf(room, sizeof room, "%.0f mm margins has no room for the drawing: title, legend and footer leave at most %.0f mm",
                      style.margin_mm, std::max(0.0, roomiest) / kMm);
        throw PageError("an " + p.paper + (p.landscape ? " landscape" : " portrait") + " page with " + room +
                        " for it (it needs " + std::to_string(std::lround(min_side / kMm)) +
                        " mm); use a larger page, or a style with smaller margins or text");
    }
    // As for shapes: a placement whose drawing is legible and fills its area, else one that prints
    // nearly as large as the best; then the fewest crossings.
    double best_scale = 0;
    for (const auto& t : trials) best_scale = std::max(best_scale, t.shape.scale);
    const double min_scale = min_text / std::min(style.role_size, style.band_size);
    auto legible = [&](const Trial& t) { return t.shape.scale >= min_scale && t.shape.fill >= 0.7; };
    bool any_legible = std::any_of(trials.begin(), trials.end(), legible);
    const Trial* won = nullptr;
    for (const auto& t : trials)
        if ((any_legible ? legible(t) : t.shape.scale >= 0.9 * best_scale) &&
            (!won || t.shape.crossings < won->shape.crossings))
            won = &t;
    LayoutChoice chosen = won->shape;
    std::vector<PageText> kept_texts = won->texts;
    std::vector<PageRect> kept_rects = won->rects;
    std::vector<PageLine> kept_lines = won->lines;
    Box kept_area = won->area;
    p.texts = std::move(kept_texts);
    p.rects = std::move(kept_rects);
    p.lines = std::move(kept_lines);
    p.drawing_area = kept_area;

    // The drawing: laid out for the shape of the area left, scaled to fit, centred.
    Box a = p.drawing_area;
    p.layout = Layout::make(graph, style, chosen);
    double s = std::min(a.w / p.layout.width(), a.h / p.layout.height());
    s = std::min(s, kMaxScale);
    p.drawing_scale = s;

    // Panels the legend had no room for go in the room the drawing leaves (the drawing keeps its
    // scale; its area shrinks by what they take).
    if (won->panels < c.panels.size())
        p.drawing_area = a = place_spare_panels(p, measure, style, c.panels, won->panels, a, p.layout.width() * s,
                                                p.layout.height() * s, f);
    p.drawing_at = {a.x + (a.w - p.layout.width() * s) / 2, a.y + (a.h - p.layout.height() * s) / 2};
    p.role_text_size = std::min(style.role_size, style.band_size) * s;
    if (std::getenv("PATHWAYS_DEBUG_LAYOUT"))
        std::fprintf(stderr, "poster %s: drawing %.0fx%.0f in area %.0fx%.0f, scale %.2f, fill %.2f, role text %.1f pt\n",
                     p.paper.c_str(), p.layout.width(), p.layout.height(), a.w, a.h, s, p.fill_ratio(), p.role_text_size);
    p.settings = graph.settings;
    p.setting_dimension = c.setting_dimension;
    return p;
}

}  // namespace pathways
