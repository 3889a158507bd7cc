// The front's grid references: lettered columns and numbered rows over the drawing, labelled at
// its edges, that the back page's index of roles points into.
#include "grid.hpp"

#include <algorithm>
#include <cmath>

namespace pathways {

namespace {
constexpr double kMm = 72.0 / 25.4;

/// "A".."Z", then "AA", "AB", …
std::string column_letters(int i) {
    std::string s;
    for (++i; i > 0; i = (i - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (i - 1) % 26));
    return s;
}

double label_size(const Style& style, double f) { return style.footer_size * f; }
}  // namespace

std::string PageGrid::ref(Point at) const {
    if (columns <= 0 || rows <= 0 || box.w <= 0 || box.h <= 0) return {};
    int c = std::clamp(static_cast<int>((at.x - box.x) / box.w * columns), 0, columns - 1);
    int r = std::clamp(static_cast<int>((at.y - box.y) / box.h * rows), 0, rows - 1);
    return column_letters(c) + std::to_string(r + 1);
}

double grid_label_room(const Style& style, double f) { return label_size(style, f) * 1.3; }

void add_grid(Poster& p, const Style& style, TextMeasure& measure, double f) {
    const double s = p.drawing_scale, cell = 70 * kMm * f;
    p.grid_refs.box = {p.drawing_at.x, p.drawing_at.y, p.layout.width() * s, p.layout.height() * s};
    p.grid_refs.columns = std::max(1, static_cast<int>(std::lround(p.grid_refs.box.w / cell)));
    p.grid_refs.rows = std::max(1, static_cast<int>(std::lround(p.grid_refs.box.h / cell)));
    const double size = label_size(style, f), cw = p.grid_refs.box.w / p.grid_refs.columns, rh = p.grid_refs.box.h / p.grid_refs.rows;
    const Colour grey = style.text_colour;
    for (int c = 0; c < p.grid_refs.columns; ++c) {
        std::string t = column_letters(c);
        double x = p.grid_refs.box.x + cw * (c + 0.5) - measure.width(t, size, false) / 2;
        p.texts.push_back({x, p.grid_refs.box.y - size * 0.3, size, false, grey, t, "grid"});
    }
    for (int r = 0; r < p.grid_refs.rows; ++r) {
        std::string t = std::to_string(r + 1);
        double x = p.grid_refs.box.x - measure.width(t, size, false) - size * 0.4;
        p.texts.push_back({x, p.grid_refs.box.y + rh * (r + 0.5) + size * 0.35, size, false, grey, t, "grid"});
    }
}

}  // namespace pathways
