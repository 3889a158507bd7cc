// The overview page of a poster series (#10 part 2): the lanes × levels grid with the number of
// roles in each cell and the sheet that draws it, the main flows between lanes as arrows with
// counts, and the list of sheets.
#include <algorithm>
#include <cmath>

#include "pathways/look.hpp"
#include "series_page.hpp"
#include "text.hpp"

namespace pathways {

namespace {

const Colour kInk{0.26, 0.33, 0.39};
const Colour kRule{0.68, 0.72, 0.74};
const Colour kWhite{1, 1, 1};

/// Light tints telling neighbouring sheets' cells apart.
Colour sheet_tint(std::size_t sheet) {
    static const Colour tints[] = {{0.86, 0.91, 0.96}, {0.90, 0.95, 0.90}, {0.96, 0.92, 0.86},
                                   {0.94, 0.89, 0.94}, {0.95, 0.95, 0.85}, {0.88, 0.93, 0.93}};
    return tints[(sheet - 1) % std::size(tints)];
}

PageRect fill_rect(Box box, Colour fill, double stroke = 0) {
    PageRect r;
    r.box = box;
    r.fills = {fill};
    r.stroke = kRule;
    r.stroke_width = stroke;
    return r;
}

/// Lays the overview out in the page's free area.
class OverviewComposer {
public:
    OverviewComposer(const PosterSeries& s, const Style& style, Poster& p)
        : s_(s), style_(style), p_(p), measure_(style.font), size_(series_text_size(p) * 1.25), lead_(size_ * 1.3) {}

    void compose() {
        const Box a = p_.drawing_area;
        double y = text_block(intro(), a.x, a.y, a.w, false);
        flows_w_ = s_.plan.flows.empty() ? 0 : std::max(a.w * 0.3, 16 * size_);
        grid_w_ = a.w - flows_w_ - (flows_w_ > 0 ? 3 * size_ : 0);
        double list_h = lead_ * (static_cast<double>(s_.plan.sheets.size()) + 2.5);
        grid_top_ = y + lead_;
        double grid_bottom = grid(a.x, a.y + a.h - list_h - lead_);
        sheet_list(a.x, grid_bottom + lead_ * 1.5, grid_w_);
        if (flows_w_ > 0) flows(a.x + a.w - flows_w_, a.y + a.h);
    }

private:
    std::string intro() const {
        std::size_t n = s_.plan.sheets.size();
        return "This poster is a series of " + std::to_string(n) + " sheets after this overview, because " + s_.why +
               ". Each row is a care setting, each column a career level; a cell gives how many roles start there "
               "and the sheet that draws them. A role found in several settings is drawn in its first.";
    }

    /// Wrapped text from (x, y) down; returns the y under it.
    double text_block(const std::string& text, double x, double y, double w, bool bold, double scale = 1) {
        double size = size_ * scale;
        for (const auto& line : measure_.wrap(text, size, bold, w)) {
            p_.texts.push_back({x, y + measure_.ascent(size, bold), size, bold, style_.text_colour, line, "text"});
            y += size * 1.3;
        }
        return y;
    }

    void centred(const std::string& text, double cx, double baseline, double size, bool bold) {
        p_.texts.push_back({cx - measure_.width(text, size, bold) / 2, baseline, size, bold, style_.text_colour, text, "text"});
    }

    /// The grid from grid_top_ down to at most `bottom`; returns where it ends.
    double grid(double x, double bottom) {
        const auto& levels = s_.plan.graph->levels;
        const std::size_t lanes = s_.plan.lanes.size();
        double lane_w = 0;
        for (const auto& l : s_.plan.lanes) lane_w = std::max(lane_w, measure_.width(l.name, size_, true));
        lane_w = std::min(lane_w + 2.5 * size_, grid_w_ * 0.24);
        double col_w = (grid_w_ - lane_w) / static_cast<double>(std::max<std::size_t>(1, levels.size()));
        std::size_t head_lines = 1;
        for (const Level* l : levels) head_lines = std::max(head_lines, measure_.wrap(l->name, size_, true, col_w - size_).size());
        double head_h = lead_ * static_cast<double>(head_lines) + size_;
        for (std::size_t li = 0; li < levels.size(); ++li) {
            double cx = x + lane_w + (static_cast<double>(li) + 0.5) * col_w, y = grid_top_;
            for (const auto& line : measure_.wrap(levels[li]->name, size_, true, col_w - size_)) {
                centred(line, cx, y + measure_.ascent(size_, true), size_, true);
                y += lead_;
            }
        }
        double top = grid_top_ + head_h;
        // Never under two lines a row, even when a long sheet list leaves the grid too little room.
        row_h_ = std::max(lead_ * 2, std::min(size_ * 12, (bottom - top) / static_cast<double>(std::max<std::size_t>(1, lanes))));
        for (std::size_t lane = 0; lane < lanes; ++lane) {
            double ry = top + static_cast<double>(lane) * row_h_;
            lane_cell(lane, {x, ry, lane_w, row_h_});
            for (std::size_t li = 0; li < levels.size(); ++li)
                count_cell(lane, li, {x + lane_w + static_cast<double>(li) * col_w, ry, col_w, row_h_});
        }
        return top + row_h_ * static_cast<double>(lanes);
    }

    void lane_cell(std::size_t lane, Box box) {
        const SeriesLane& l = s_.plan.lanes[lane];
        p_.rects.push_back(fill_rect(box, kWhite, 0.75));
        p_.rects.push_back(fill_rect({box.x, box.y, size_ * 0.9, box.h}, colour_of(l)));
        auto lines = measure_.wrap(l.name, size_, true, box.w - 2 * size_);
        std::size_t fit = std::max<std::size_t>(1, static_cast<std::size_t>((box.h - size_ * 0.4) / lead_));
        if (lines.size() > fit) lines.resize(fit);
        double y = box.y + (box.h - lead_ * static_cast<double>(lines.size())) / 2 + measure_.ascent(size_, true);
        for (const auto& line : lines) {
            p_.texts.push_back({box.x + size_ * 1.5, y, size_, true, style_.text_colour, line, "text"});
            y += lead_;
        }
    }

    void count_cell(std::size_t lane, std::size_t level, Box box) {
        std::size_t n = s_.plan.cells[lane][level];
        std::size_t sheet = 0, first = 0;  // the (last and first) sheets drawing it: several for a cell in slices
        for (const auto& sh : s_.plan.sheets)
            if (level >= sh.first_level && level <= sh.last_level &&
                std::count(sh.lanes.begin(), sh.lanes.end(), lane)) {
                sheet = sh.number;
                if (!first) first = sh.number;
            }
        p_.rects.push_back(fill_rect(box, n ? sheet_tint(sheet) : kWhite, 0.75));
        if (!n) return;
        double big = std::min(size_ * 3, box.h * 0.4);
        bool both = box.h >= big + lead_ * 1.2;
        double baseline = box.y + (both ? (box.h - big - lead_) / 2 : (box.h - big) / 2) + measure_.ascent(big, true);
        centred(std::to_string(n), box.x + box.w / 2, baseline, big, true);
        std::string which = first == sheet ? "sheet " + std::to_string(sheet)
                                           : "sheets " + std::to_string(first) + "\xE2\x80\x93" + std::to_string(sheet);
        if (both) centred(which, box.x + box.w / 2, baseline + lead_ * 1.05, size_, false);
    }

    void sheet_list(double x, double y, double w) {
        y = text_block("The sheets", x, y, w, true, 1.1);
        for (const auto& sh : s_.plan.sheets) {
            p_.rects.push_back(fill_rect({x, y + size_ * 0.1, size_, size_}, sheet_tint(sh.number), 0.75));
            y = text_block("Sheet " + std::to_string(sh.number) + ": " + s_.plan.describe(sh) + " \xE2\x80\x94 " +
                               std::to_string(sh.roles.size()) + " roles",
                           x + size_ * 1.6, y, w - size_ * 1.6, false);
        }
    }

    /// The largest flows between lanes, one row each: the setting it leaves, an arrow as thick as
    /// its count with the count on it, the setting it reaches.
    void flows(double x, double bottom) {
        const auto& all = s_.plan.flows;
        double y = text_block("Main flows between settings", x, grid_top_, flows_w_, true, 1.1);
        y = text_block("Progressions from a role in one setting to a role in another; the " +
                           std::to_string(std::min<std::size_t>(all.size(), 12)) + " largest of " +
                           std::to_string(all.size()) + ".",
                       x, y, flows_w_, false) + lead_ * 0.5;
        double chip_w = (flows_w_ - 9 * size_) / 2, row = lead_ * 2.6;
        double most = static_cast<double>(all.empty() ? 1 : all.front().count);
        for (std::size_t k = 0; k < all.size() && k < 12 && y + row <= bottom; ++k, y += row) {
            const SeriesFlow& f = all[k];
            double mid = y + row / 2 - lead_ * 0.2;
            chip(f.from, {x, mid - lead_ * 0.8, chip_w, lead_ * 1.6});
            chip(f.to, {x + flows_w_ - chip_w, mid - lead_ * 0.8, chip_w, lead_ * 1.6});
            double width = 1 + 5 * static_cast<double>(f.count) / most;
            PageLine line;
            line.from = {x + chip_w + size_ * 0.5, mid};
            line.to = {x + flows_w_ - chip_w - size_ * 0.5, mid};
            line.kind = LinkKind::Transfer;
            line.look = {kInk, "solid", std::min(width, size_ * 0.4)};
            p_.lines.push_back(line);
            centred(std::to_string(f.count), (line.from.x + line.to.x) / 2 - size_ * 0.5, mid - width / 2 - size_ * 0.3,
                    size_, true);
        }
    }

    /// A setting's name on a small card with its colour at the left.
    void chip(std::size_t lane, Box box) {
        const SeriesLane& l = s_.plan.lanes[lane];
        p_.rects.push_back(fill_rect(box, kWhite, 0.75));
        p_.rects.push_back(fill_rect({box.x, box.y, size_ * 0.6, box.h}, colour_of(l)));
        auto lines = measure_.wrap(l.name, size_, false, box.w - size_ * 1.2);
        std::string text = lines.front() + (lines.size() > 1 ? "\xE2\x80\xA6" : "");
        p_.texts.push_back({box.x + size_ * 0.9, box.y + (box.h - lead_) / 2 + measure_.ascent(size_, false), size_,
                            false, style_.text_colour, text, "text"});
    }

    Colour colour_of(const SeriesLane& l) const {
        const auto& settings = s_.plan.graph->catalogue->settings;
        std::size_t at = 0;
        while (at < settings.size() && settings[at].id != l.id) ++at;
        return style_.setting_look(l.id, at).fill;
    }

    const PosterSeries& s_;
    const Style& style_;
    Poster& p_;
    TextMeasure measure_;
    double size_, lead_;
    double flows_w_ = 0, grid_w_ = 0, grid_top_ = 0, row_h_ = 0;
};

}  // namespace

Poster compose_overview(const PosterSeries& s, const Style& style, const PosterOptions& options) {
    PosterOptions o = options;
    const Catalogue& c = *s.plan.graph->catalogue;
    o.title = (options.title.empty() ? c.title : options.title) + " \xE2\x80\x94 overview";
    Poster p = compose_frame(*s.plan.graph, style, o);
    OverviewComposer(s, style, p).compose();
    p.role_text_size = series_text_size(p);
    return p;
}

}  // namespace pathways
