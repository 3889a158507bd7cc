// The framework layout's columns on the page: filled and named like the pathway layout's bands.
#include "grid_marks.hpp"

#include "pathways/look.hpp"

namespace pathways {

void add_grid_marks(Poster& p, const Style& style) {
    p.grid = {};
    if (!p.layout.choice().framework) return;
    const auto& bands = p.layout.bands();
    for (std::size_t li = 0; li < bands.size(); ++li) {
        const PlacedBand& b = bands[li];
        PageRect r;
        r.box = b.box;
        r.fills = {band_fill(style, li)};
        r.stroke = style.band_border;
        r.stroke_width = 1.5;
        r.level = b.level;
        p.grid.columns.push_back(r);
        for (std::size_t i = 0; i < b.lines.size(); ++i)  // as the SVG writer sets a band's name
            p.grid.headings.push_back({b.box.x + 8, b.box.y + style.band_size * (1 + 1.2 * static_cast<double>(i)),
                                       style.band_size, true, style.band_label, b.lines[i], "heading"});
    }
}

}  // namespace pathways
