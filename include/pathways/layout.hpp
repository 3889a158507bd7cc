#pragma once
#include <string>
#include <vector>

#include <cairo.h>

#include "pathways/graphviz.hpp"
#include "pathways/style.hpp"
#include "pathways/view.hpp"

namespace pathways {

/// A point in drawing units (points), origin top-left, y down.
struct Point {
    double x = 0, y = 0;
};

/// An axis-aligned rectangle in drawing units, origin top-left.
struct Box {
    double x = 0, y = 0, w = 0, h = 0;
    bool contains(Point p, double inset = 0) const {
        return p.x > x + inset && p.x < x + w - inset && p.y > y + inset && p.y < y + h - inset;
    }
};

/// One role's box in the drawing (a role listed at several levels has one box per level).
struct PlacedRole {
    const Role* role = nullptr;
    const Level* level = nullptr;
    std::string node;                 // the Graphviz node name
    Box box;
    std::vector<std::string> lines;   // its label, wrapped
    std::vector<Colour> fills;        // one stripe per setting
    Colour text;                      // label colour chosen for contrast against every fill
    std::vector<std::string> also_at; // other levels' names, for a role shown at several levels
};

/// One career level's band.
struct PlacedBand {
    const Level* level = nullptr;
    Box box;
};

/// A marker at the edge of the drawing for a progression that leaves the view.
struct PlacedTransfer {
    const Role* to = nullptr;
    std::string node;
    Box box;
    std::vector<std::string> lines;
};

/// A drawn link: progression (up, within-level, down), same-role tie, or transfer.
struct PlacedLink {
    std::string kind;  // "up", "within-level", "down", "same-role", "transfer"
    std::string tail, head;          // node names
    const Role* from = nullptr;
    const Role* to = nullptr;
    std::vector<Point> bezier;       // cubic Bézier control points, start to end
    std::vector<Point> arrow;        // arrowhead triangle (empty if none)
};

/// How the layout was chosen.
struct LayoutChoice {
    bool left_to_right = false;  // else bottom to top
    int rows_per_level = 1;
    double effort = 4;           // dot's mclimit
    double width = 0, height = 0;  // the drawing's size
    double scale = 1;            // how much the drawing is scaled to fit the area
    double fill = 0;             // share of the area the scaled drawing covers
    std::size_t crossings = 0;
};

/// A pathway graph laid out in career-level bands by Graphviz's dot, in-process.
class Layout {
public:
    /// Lays out `graph` in the shape that best suits an area (see explore and pick).
    static Layout make(const PathwayGraph& graph, const Style& style, double area_width, double area_height);

    /// Lays out a grid of shapes (direction, rows per level, dot's effort) and reports each one's
    /// size and crossings; `pick` then chooses for an area, and `make(graph, style, choice)` redoes it.
    static std::vector<LayoutChoice> explore(const PathwayGraph& graph, const Style& style);
    /// The shape for an area: among those scaled by at least `min_scale` (so text stays legible)
    /// that fill 70% of the area, or else among those that print nearly as large as the largest,
    /// the one with fewest crossings. Drawings are never enlarged beyond `max_scale`.
    static LayoutChoice pick(const std::vector<LayoutChoice>& shapes, double area_width, double area_height,
                             double min_scale, double max_scale = 2.5);
    static Layout make(const PathwayGraph& graph, const Style& style, const LayoutChoice& choice);

    /// Lays out with one fixed choice (for tests and comparison).
    static Layout make(const PathwayGraph& graph, const Style& style, bool left_to_right, int rows_per_level,
                       double effort = 4);

    double width() const { return width_; }
    double height() const { return height_; }
    const LayoutChoice& choice() const { return choice_; }
    const std::vector<PlacedRole>& roles() const { return roles_; }
    const std::vector<PlacedBand>& bands() const { return bands_; }
    const std::vector<PlacedLink>& links() const { return links_; }
    const std::vector<PlacedTransfer>& transfers() const { return transfers_; }
    Agraph_t* graph() const { return graph_.get(); }

    /// Draws the laid-out graph with Graphviz's cairo renderer (gvRenderContext) onto `cr`,
    /// with the drawing's top-left at the current origin, one unit per point.
    void draw(cairo_t* cr) const;

    /// Pairs of links whose drawn curves cross (links sharing an end are not counted).
    std::size_t count_crossings() const;
    /// Links whose curve passes through a role box that is not one of its ends.
    std::vector<std::string> links_through_boxes() const;

private:
    /// dot ends each segment of a waypoint chain a little short of the waypoint; moves those ends
    /// onto the waypoint, so the segments drawn by Graphviz join into one line. Run after every
    /// dot layout of this graph.
    void join_chains() const;

    GraphPtr graph_;
    double width_ = 0, height_ = 0, pad_ = 0;
    LayoutChoice choice_;
    std::vector<PlacedRole> roles_;
    std::vector<PlacedBand> bands_;
    std::vector<PlacedLink> links_;
    std::vector<PlacedTransfer> transfers_;
    // Per link: its Graphviz edges (one per row crossed), and whether they run head to tail.
    std::vector<std::pair<std::vector<Agedge_t*>, bool>> chains_;
};

/// Splits a role name into lines of about `width` characters, at spaces.
std::vector<std::string> wrap_words(const std::string& text, std::size_t width);

/// The label colour (style's dark or light text) with the best worst-case contrast on `fills`.
Colour text_colour_for(const Style& style, const std::vector<Colour>& fills);

}  // namespace pathways
