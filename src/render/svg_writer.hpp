#pragma once
// The SVG writer: our own SVG from the poster's geometry (not Graphviz's -Tsvg), so that we
// choose its classes, ids, CSS and accessible text.
//
// Two profiles share one writer:
//  - the page (default, svg_page.cpp): the whole poster at its paper size, as the PDF shows it;
//  - embed (SvgOptions::embed, svg_figure.cpp): a figure for someone else's page or leaflet: the
//    drawing and a compact legend, no page furniture, a viewBox and no fixed size unless asked.
// The words that describe the drawing (its <desc>, each role's title and description) are in
// svg_words.cpp.
//
// Both keep Graphviz's group structure (g.graph > g.cluster, g.edge, g.node, each with a <title>),
// colour everything from one <style> block through CSS custom properties a page can override,
// derive every id from the poster name and the role/level ids, and write the same bytes for the
// same inputs. Nothing from the catalogue reaches the output unescaped: text is XML-escaped and
// stripped of characters XML 1.0 forbids, ids and classes are reduced to [a-z0-9-], and a link is
// written only for a URL that is_safe_url accepts. There is never a <script>, an event-handler
// attribute or a reference to anything outside the file.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pathways/poster.hpp"
#include "text.hpp"

namespace pathways::svg {

/// What the drawing holds, gathered once for every part of the writer.
struct DrawingFacts {
    std::map<std::string, std::string> setting_name;  // id -> name
    std::vector<std::string> setting_ids;             // in legend order
    std::map<std::string, Colour> setting_fill;
    std::map<const Level*, std::size_t> level_index;  // position of each band
    std::set<LinkKind> kinds;                         // kinds of link drawn
    bool any_striped = false, any_light_text = false;
    bool focused = false;  // a route or story poster: some roles stressed or faded

    DrawingFacts(const Poster& poster, const Style& style);
    std::string name_of_setting(const std::string& id) const;
};

/// The figure in words, from the data: what it shows, how it is drawn, and the main routes.
std::string describe(const Poster& poster, const Style& style, const DrawingFacts& facts);
/// A role's tooltip: its name, levels and settings.
std::string role_title(const Poster& poster, const DrawingFacts& facts, const Role& role);
/// A role's description: its summary and where it can lead.
std::string role_desc(const Poster& poster, const Role& role);

/// A CSS declaration of `property` from the custom property `var`, with the plain value first for
/// renderers without custom properties (librsvg, older tools).
std::string paint(const char* property, const std::string& var, const Colour& c);
/// A rectangle element with a class.
std::string rect(const std::string& cls, const Box& b);
/// "x,y x,y …".
std::string points(const std::vector<Point>& pts);

/// Writes one SVG document of a poster.
class SvgWriter {
public:
    SvgWriter(const Poster& poster, const Style& style, const SvgOptions& options);
    std::string write();

private:
    // svg.cpp: the document, its CSS and the drawing.
    std::string make_id(const std::string& local);
    std::string css() const;
    std::string link_css() const;
    std::string focus_css() const;
    std::string story_marks();
    std::string entry_tags();  // #19
    std::string drawing(const std::string& transform);
    std::string band(const PlacedBand& b);
    std::string lane(const PlacedLane& l, bool first);
    std::string link(const PlacedLink& l);
    std::string label(const std::vector<std::string>& lines, const Box& box);
    std::string role(const PlacedRole& r);
    std::string transfer(const PlacedTransfer& t);
    // svg_figure.cpp: the embed profile's compact legend.
    double legend_size() const { return s_.role_size; }
    std::string compact_legend(double& height);
    std::string setting_swatch(const std::string& id, double sw, double sh);
    // svg_page.cpp: the page profile.
    std::string page();
    std::string text_class(const PageText& t);
    std::string text_css() const;

    /// A class of page text: its role, size, weight and colour.
    struct TextClass {
        std::string name, role;
        double size = 0;
        bool bold = false;
        std::string colour;  // hex
    };

    const Poster& p_;
    const Style& s_;
    const SvgOptions& o_;
    std::string id_;
    TextMeasure measure_;
    DrawingFacts facts_;
    std::vector<TextClass> text_classes_;
    std::set<std::string> used_ids_;
};

}  // namespace pathways::svg
