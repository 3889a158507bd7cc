#include "panels.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "column.hpp"

namespace pathways {

namespace {
constexpr double kMm = 72.0 / 25.4;
}  // namespace

void note_panels_left_off(Poster& p, const std::vector<Panel>& panels, std::size_t from) {
    p.panels_left_off.clear();
    for (std::size_t i = from; i < panels.size(); ++i) p.panels_left_off.push_back(&panels[i]);
}

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
        Column column(measure, p, columns[0].first, strip.y, columns[0].second, f);
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
            column = Column(measure, p, columns[col].first, strip.y, columns[col].second, f);
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
    note_panels_left_off(p, panels, first + most);
    if (!best) return area;
    double used = place(*best).second;

    // Drawing and panels together, centred in the area; the drawing's area is what is left.
    double shift = ((below ? area.h - dh : area.w - dw) - gap - used) / 2;
    for (std::size_t i = first_text; i < p.texts.size(); ++i) (below ? p.texts[i].baseline : p.texts[i].x) += shift;
    (below ? area.h : area.w) -= gap + used;
    return area;
}

}  // namespace pathways
