// `viewing_distance: 1.5m` in a style (issue 13): the text sizes follow from the distance the
// poster is read from, instead of being given in points.
#include <algorithm>
#include <cstdlib>

#include "pathways/style.hpp"
#include "pathways/yaml_reader.hpp"

namespace pathways {

namespace {

/// Metres from "1.5m", "1.5 m", "150cm", "150 cm" or a bare number of metres; nothing otherwise.
std::optional<double> metres_of(const std::string& text) {
    const char* start = text.c_str();
    char* end = nullptr;
    double value = std::strtod(start, &end);
    if (end == start) return std::nullopt;
    std::string unit(end);
    unit.erase(0, unit.find_first_not_of(' '));
    if (unit.empty() || unit == "m") return value;
    if (unit == "cm") return value / 100;
    return std::nullopt;
}

}  // namespace

void read_viewing_distance(MapReader& top, Style& s) {
    if (!top.has("viewing_distance")) return;
    const std::string text = top.text("viewing_distance", true);
    auto metres = metres_of(text);
    if (!metres || *metres < 0.3 || *metres > 10) {
        top.diags().error(top.where("viewing_distance"),
                          "viewing_distance must be a distance from 0.3m to 10m, such as 1.5m or 150cm, not '" + text + "'");
        return;
    }
    if (top.has("sizes"))
        top.diags().error(top.where("viewing_distance"),
                          "give either viewing_distance (the text sizes follow from it) or sizes, not both");
    s.viewing_distance_m = *metres;
}

Style sized_for_page(const Style& style, double page_factor, double floor_pt) {
    Style s = style;
    if (style.viewing_distance_m > 0) {
        // The smallest text (the footer, and legend and panel text, drawn at 0.9 of text) reads from
        // the distance; headings and titles keep the shipped style's proportions to the body text.
        // Sizes are points on A1 that other pages multiply by page_factor, so dividing by it keeps
        // them the same on every page.
        const double smallest = text_size_for_distance(style.viewing_distance_m) / page_factor;
        const double body = smallest / 0.9;
        s.footer_size = smallest;
        s.text_size = body;
        s.heading_size = body * 1.5;
        s.subtitle_size = body * 1.875;
        s.title_size = body * 3.75;
    }
    // No page text under the page's floor (issue 17): on small pages (A4) the footer and the body
    // text of the legend and panels are raised to it.
    if (floor_pt > 0) {
        s.footer_size = std::max(s.footer_size, floor_pt / page_factor);
        s.text_size = std::max(s.text_size, floor_pt / page_factor / 0.9);
    }
    return s;
}

}  // namespace pathways
