#pragma once
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "column.hpp"
#include "pathways/poster.hpp"

namespace pathways {

/// Where the legend may go on a page: between the header (`top`) and the footer (`bottom`),
/// inside `margin`, with text scaled by `f`.
struct LegendFrame {
    double margin = 0, top = 0, bottom = 0, f = 1;
};

/// Composes a poster's legend — the settings' colours, the kinds of link drawn, the levels, then
/// as many of the catalogue's panels as fit — in a side column or a strip of columns along the
/// bottom, and sets the drawing area that leaves.
class LegendComposer {
public:
    LegendComposer(const PathwayGraph& graph, const Style& style, TextMeasure& measure, LegendFrame frame)
        : graph_(graph), c_(*graph.catalogue), style_(style), measure_(measure), frame_(frame) {}

    /// Adds the legend to `p` (texts, rects, lines) and sets `p.drawing_area`; `lf` shrinks the
    /// legend's text for a retry. Returns false when an essential block (settings, links, levels)
    /// did not fit; panels are optional.
    bool compose(Poster& p, bool right, double lf);
    /// How many of the catalogue's panels the last compose placed.
    std::size_t panels_placed() const { return panels_placed_; }
    /// Whether the last compose placed every entry of the legend (settings, links, levels).
    bool complete() const { return !missing_; }

private:
    template <typename Add>
    bool block(Add&& add);
    bool next_column();
    void open_columns(bool right);
    void add_settings();
    void add_link_samples();
    void add_levels();
    void add_pay_bands();
    void add_panels();
    void add_entry_routes();  // legend_entry.cpp: the "Ways in" block (#19)
    // legend_focus.cpp: a route or story poster's first block.
    void add_focus_panel();
    void add_route_panel();
    void add_story_panel();
    bool add_route_sample(const std::string& words);
    /// A route or story poster's legend names the settings and levels without their descriptions,
    /// leaving the room to the route's or the story's own panel (and its text at full size).
    bool brief() const { return graph_.focus.active(); }

    const PathwayGraph& graph_;
    const Catalogue& c_;
    const Style& style_;
    TextMeasure& measure_;
    LegendFrame frame_;

    // The state of one compose.
    Poster* p_ = nullptr;
    std::vector<std::pair<double, double>> columns_;  // x, width
    std::size_t col_ = 0;
    std::optional<Column> legend_;
    double top_ = 0, bottom_ = 0, lf_ = 1;
    bool missing_ = false;
    std::size_t panels_placed_ = 0;
};

/// Adds a block with `add`, moving to the next column when it does not fit there; a block that
/// fits nowhere leaves nothing behind and marks the legend incomplete.
template <typename Add>
bool LegendComposer::block(Add&& add) {
    Poster& p = *p_;
    for (int attempt = 0; attempt < 2; ++attempt) {
        std::size_t texts = p.texts.size(), rects = p.rects.size(), lines = p.lines.size();
        if (add()) return true;
        p.texts.resize(texts);
        p.rects.resize(rects);
        p.lines.resize(lines);
        if (attempt == 0 && !next_column()) break;
    }
    missing_ = true;
    return false;
}

/// What the pay band line on a role box means ("" when no role of the view has a pay band): the
/// legend's words, and the back page's key's.
std::string pay_band_words(const PathwayGraph& graph);

}  // namespace pathways
