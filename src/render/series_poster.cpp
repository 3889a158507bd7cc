// Poster series (#10 part 2): deciding to split, composing each sheet (cut again while it prints
// under the floor), resolving every cross-sheet marker's grid cell (the grid is compose_poster's), the sheets'
// and role index, and writing a series' files.
#include "pathways/series_poster.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <cstdio>

#include "pathways/back_page.hpp"
#include "pathways/dot_export.hpp"
#include "pathways/explorer.hpp"
#include "pathways/export.hpp"
#include "pathways/page_files.hpp"
#include "pathways/readability.hpp"
#include "series_page.hpp"
#include "text.hpp"

namespace pathways {

namespace {

constexpr double kMm = 72.0 / 25.4;

std::string points(double size) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f pt", size);
    return text;
}

bool legible(const Poster& p) { return p.role_text_size >= text_floor(p.paper) - 0.05; }

/// Each drawn role's cell on its page (the cell of its first box's centre).
void read_cells(const Poster& p, std::map<const Role*, std::string>& cells) {
    for (const auto& r : p.layout.roles()) {
        if (cells.count(r.role)) continue;
        Point centre{p.drawing_at.x + (r.box.x + r.box.w / 2) * p.drawing_scale,
                     p.drawing_at.y + (r.box.y + r.box.h / 2) * p.drawing_scale};
        cells[r.role] = p.grid_refs.ref(centre);
    }
}

/// The index strip above a sheet's footer: its roles by name with their grid cells, in columns,
/// then the roles of its lanes drawn on other sheets ("Also here").
class SheetIndex {
public:
    SheetIndex(const PosterSeries& s, std::size_t sheet, TextMeasure& measure, double size, double width)
        : measure_(measure), size_(size), width_(width) {
        for (const Role* r : s.plan.sheets[sheet].roles) entries_.push_back({r->name, cell(s, r)});
        std::sort(entries_.begin(), entries_.end());
        for (const Role* r : s.plan.sheets[sheet].also_here)
            also_ += (also_.empty() ? "" : "  \xC2\xB7  ") + r->name + " \xE2\x86\x92 sheet " +
                     std::to_string(s.plan.sheet_of(r)) + ", " + cell(s, r);
        double widest = 0;
        for (const auto& [name, at] : entries_) widest = std::max(widest, measure.width(name, size, false));
        cell_w_ = measure.width("W88", size, true);
        col_w_ = std::min(widest, width * 0.3) + cell_w_ + 3 * size;
        cols_ = std::max<std::size_t>(1, static_cast<std::size_t>(width / col_w_));
        rows_ = (entries_.size() + cols_ - 1) / cols_;
        if (!also_.empty()) also_lines_ = measure.wrap("Also here, drawn on another sheet: " + also_, size, false, width);
    }

    double height() const {
        return lead() * (1.6 + static_cast<double>(rows_ + also_lines_.size()) + (also_lines_.empty() ? 0 : 0.5));
    }

    /// Writes the strip with its top at `y`.
    void add(Poster& p, double x, double y, const Style& style) const {
        double a = measure_.ascent(size_, true);
        p.texts.push_back({x, y + a, size_ * 1.1, true, style.title_colour, "Index of this sheet (grid cell)", "heading"});
        y += lead() * 1.6;
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            double cx = x + static_cast<double>(i / rows_) * col_w_, cy = y + static_cast<double>(i % rows_) * lead() + a;
            auto name = measure_.wrap(entries_[i].first, size_, false, col_w_ - cell_w_ - 2 * size_).front();
            if (name != entries_[i].first) name += "\xE2\x80\xA6";
            p.texts.push_back({cx, cy, size_, false, style.text_colour, name, "text"});
            p.texts.push_back({cx + col_w_ - cell_w_ - 1.5 * size_, cy, size_, true, style.text_colour,
                               entries_[i].second, "text"});
        }
        y += lead() * (static_cast<double>(rows_) + 0.5);
        for (const auto& line : also_lines_) {
            p.texts.push_back({x, y + a, size_, false, style.text_colour, line, "text"});
            y += lead();
        }
    }

private:
    static std::string cell(const PosterSeries& s, const Role* r) {
        auto it = s.cells.find(r);
        return it == s.cells.end() ? "A1" : it->second;
    }
    double lead() const { return size_ * 1.3; }

    TextMeasure& measure_;
    double size_, width_;
    std::vector<std::pair<std::string, std::string>> entries_;
    std::string also_;
    std::vector<std::string> also_lines_;
    double cell_w_ = 0, col_w_ = 0;
    std::size_t cols_ = 1, rows_ = 0;
};

/// Where the page's footer starts (the top of its first line).
double footer_top(const Poster& p, TextMeasure& measure) {
    double top = p.height;
    for (const auto& t : p.texts)
        if (t.role == "footer") top = std::min(top, t.baseline - measure.ascent(t.size, false));
    return top;
}

/// A sheet's shapes to choose from: a quick look (Layout::explore_quick) until the sheet is known
/// to come near the floor, then the full search (#10: a sheet that will be cut again is not
/// searched in full).
struct SheetShapes {
    std::vector<LayoutChoice> shapes;
    bool full = false;
};

/// Composes sheet `i` of `s` with the cells known so far, its index strip and grid reference.
/// With only a quick look at its shapes, the full search follows when the sheet comes within 10%
/// of the floor (the search's other shapes are never much larger than its quick ones), or when
/// `settle` (it will not be cut again).
Poster compose_sheet(PosterSeries& s, std::size_t i, const Style& style, SheetShapes& sh, bool settle = false) {
    auto cell_of = [&](const Role* r) {
        auto it = s.cells.find(r);
        return it == s.cells.end() ? std::string("A1") : it->second;
    };
    PathwayGraph g = sheet_graph(s.plan, i, cell_of);
    if (sh.shapes.empty()) sh.shapes = Layout::explore_quick(g, style);
    PosterOptions o = s.options;
    o.shapes = sh.shapes;
    o.title = (s.options.title.empty() ? s.plan.graph->catalogue->title : s.options.title) + " \xE2\x80\x94 sheet " +
              std::to_string(i + 1) + " of " + std::to_string(s.plan.sheets.size()) + ": " +
              s.plan.describe(s.plan.sheets[i]);
    TextMeasure measure(style.font);
    Poster blank = page_like(style, o);
    const double margin = style.margin_mm * kMm, f = std::sqrt(std::min(blank.width, blank.height) / (594 * kMm));
    SheetIndex index(s, i, measure, series_text_size(blank), blank.width - 2 * margin);
    o.reserve_bottom = index.height() + 10 * f;
    Poster p = compose_poster(g, style, o);
    if (!sh.full && (settle || p.role_text_size >= 0.9 * text_floor(p.paper))) {
        // The full search, for the areas this page offers the drawing and the scale its text needs there.
        ShapeTarget target{p.placement_areas, text_floor(p.paper) * p.drawing_scale / std::max(p.role_text_size, 0.01),
                           2.5, sh.shapes};
        sh.shapes = o.shapes = Layout::explore(g, style, target);
        sh.full = true;
        p = compose_poster(g, style, o);
    }
    index.add(p, margin, footer_top(p, measure) - 12 * f - index.height(), style);
    if (i < s.graphs.size()) s.graphs[i] = std::move(g);
    else s.graphs.push_back(std::move(g));
    return p;
}

/// How many roles a sheet that composed too small can keep: its text area shrinks with the
/// square of the scale, so about roles × (size ÷ floor)², less a margin.
std::size_t sheet_keeps(std::size_t roles, const Poster& p) {
    double ratio = p.role_text_size / text_floor(p.paper);
    return static_cast<std::size_t>(static_cast<double>(roles) * ratio * ratio * 0.9);
}

/// Every sheet composed; a sheet under the floor is cut again. Then the sheets are composed again
/// with every marker naming the cell its role finally has (the layout of a sheet hardly moves when
/// only the letters of its markers change; a third pass catches one that does).
void compose_sheets(PosterSeries& s, const Style& style) {
    std::vector<SheetShapes> shapes;
    for (std::size_t i = 0; i < s.plan.sheets.size();) {
        shapes.resize(i + 1);
        Poster p = compose_sheet(s, i, style, shapes[i]);
        if (!legible(p) && s.plan.split(i, sheet_keeps(s.plan.sheets[i].roles.size(), p))) {
            shapes[i] = {};
            s.pages.resize(i);
            s.graphs.resize(i);
            continue;
        }
        if (!shapes[i].full) p = compose_sheet(s, i, style, shapes[i], true);  // it stays, under the floor
        s.pages.resize(i);
        s.pages.push_back(std::move(p));
        ++i;
    }
    s.graphs.resize(s.plan.sheets.size());
    for (int pass = 0; pass < 3; ++pass) {
        std::map<const Role*, std::string> cells;
        for (const auto& p : s.pages) read_cells(p, cells);
        if (pass > 0 && cells == s.cells) break;
        s.cells = std::move(cells);
        for (std::size_t i = 0; i < s.plan.sheets.size(); ++i) s.pages[i] = compose_sheet(s, i, style, shapes[i]);
    }
}

/// The page composed from a quick look at the shapes (explore_quick's, and the framework's unless
/// the pathway layout is asked for): a view that does not come within 10% of the floor this way
/// goes straight to a series, without the full search.
Poster quick_look(const PathwayGraph& graph, const Style& style, const PosterOptions& options) {
    PosterOptions o = options;
    o.shapes = Layout::explore_quick(graph, style);
    if (options.layout != LayoutMode::Pathway) {
        auto grid = Layout::explore(graph, style, LayoutMode::Framework);
        o.shapes.insert(o.shapes.end(), grid.begin(), grid.end());
    }
    return compose_poster(graph, style, o);
}

std::string why_split(const PathwayGraph& g, const std::string& paper, const Poster* one) {
    std::string floor = points(text_floor(paper));
    if (one)
        return "on one " + paper + " page its " + std::to_string(g.roles.size()) + " roles would print at " +
               points(one->role_text_size) + ", under the " + floor + " floor";
    return std::to_string(g.roles.size()) + " roles are more than one " + paper + " page holds with names at the " +
           floor + " floor (about " + std::to_string(sheet_capacity(paper)) + ")";
}

}  // namespace

double series_text_size(const Poster& page) { return text_floor(page.paper); }

std::size_t sheet_capacity(const std::string& paper) {
    auto size = paper_size(paper);
    auto a3 = *paper_size("A3");
    double area = size ? size->width * size->height / (a3.width * a3.height) : 4;
    double floor = text_floor(paper) / text_floor("A3");
    return static_cast<std::size_t>(std::lround(55 * area / (floor * floor)));
}

PosterSeries compose_series(const PathwayGraph& graph, const Style& style, const PosterOptions& options,
                            SeriesMode mode) {
    PosterSeries s;
    s.options = options;
    std::string paper = options.page.empty() ? style.page : options.page;
    std::size_t capacity = sheet_capacity(paper);
    bool may_split = mode == SeriesMode::Auto && graph.focus.kind == Focus::Kind::None && graph.roles.size() > 1;
    std::optional<Poster> quick;  // more roles than a sheet holds: a quick look first (#10)
    if (may_split && graph.roles.size() > capacity && graph.roles.size() <= 2 * capacity) quick = quick_look(graph, style, options);
    if (quick && quick->role_text_size < 0.9 * text_floor(quick->paper)) {
        s.why = why_split(graph, paper, &*quick);
    } else if (!may_split || graph.roles.size() <= 2 * capacity) {
        Poster one = compose_poster(graph, style, options);
        if (!may_split || legible(one)) {
            s.pages.push_back(std::move(one));
            return s;
        }
        s.why = why_split(graph, paper, &one);
    } else {
        s.why = why_split(graph, paper, nullptr);
    }
    s.plan = plan_series(graph, capacity);
    compose_sheets(s, style);
    s.pages.insert(s.pages.begin(), compose_overview(s, style, options));
    return s;
}

std::string describe_series(const PosterSeries& s) {
    if (!s.split()) return "";
    std::size_t n = s.plan.sheets.size();
    return std::to_string(n) + " sheet" + (n == 1 ? "" : "s") + " and an overview, because " + s.why;
}

namespace {

/// A one-page poster's file, and its back page's beside it as `<stem>-back.svg/.png` (a PDF
/// carries its back as its second page: render_output).
std::vector<SeriesFile> one_page_files(const Poster& front, const PathwayGraph& graph, const Style& style,
                                       OutputFormat format, const OutputSettings& settings, const std::string& stem) {
    const std::string name = stem + format_suffix(format);
    std::vector<SeriesFile> files{{name, render_output(front, graph, style, format, settings)}};
    if (settings.back && (format == OutputFormat::Svg || format == OutputFormat::Png)) {
        OutputSettings own = settings;
        own.id_prefix += "-back";
        own.back = own.embed = nullptr;
        files.push_back({back_file_name(name), render_output(*settings.back, graph, style, format, own)});
    }
    return files;
}

}  // namespace

std::vector<SeriesFile> render_series_output(const PosterSeries& s, const PathwayGraph& graph, const Style& style,
                                             OutputFormat format, const OutputSettings& settings,
                                             const std::string& stem) {
    std::string suffix = format_suffix(format);
    if (!s.split() || !is_drawing(format) || format == OutputFormat::Pdf) {
        if (!s.split()) return one_page_files(s.pages.front(), graph, style, format, settings, stem);
        if (format == OutputFormat::Pdf) {
            std::vector<const Poster*> pages;
            for (const auto& p : s.pages) pages.push_back(&p);
            return {{stem + suffix, render_pdf(pages, {settings.print, settings.id_prefix})}};
        }
        if (format == OutputFormat::Html) {  // the explorer zooms: it shows the whole view on one page
            Poster whole = compose_poster(graph, style, s.options);
            return {{stem + suffix, render_output(whole, graph, style, format, settings)}};
        }
        return {{stem + suffix, render_output(s.pages.front(), graph, style, format, settings)}};
    }
    std::vector<SeriesFile> files;
    for (std::size_t i = 0; i < s.pages.size(); ++i) {
        OutputSettings own = settings;
        std::string name = i == 0 ? stem : stem + "-sheet-" + std::to_string(i);
        if (!own.id_prefix.empty() && i > 0) own.id_prefix += "-sheet-" + std::to_string(i);
        const PathwayGraph& g = i == 0 ? graph : s.graphs[i - 1];
        files.push_back({name + suffix, render_output(s.pages[i], g, style, format, own)});
    }
    return files;
}

}  // namespace pathways
