#pragma once
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "pathways/geometry.hpp"
#include "pathways/style.hpp"
#include "pathways/view.hpp"

// Graphviz and Cairo stay inside src/layout: only their names are needed here.
struct Agraph_s;
struct Agedge_s;
typedef struct _cairo cairo_t;

namespace pathways {

/// One role's box in the drawing (a role listed at several levels has one box per level).
struct PlacedRole {
    const Role* role = nullptr;
    const Level* level = nullptr;
    std::string node;                 // the Graphviz node name
    Box box;
    std::vector<std::string> lines;   // its name, wrapped
    std::vector<std::string> label;   // what its box shows: the name's lines, "(also …)", "[tags]"
    std::vector<Colour> fills;        // one stripe per setting
    Colour text;                      // label colour chosen for contrast against every fill
    std::vector<std::string> also_at; // other levels' names, for a role shown at several levels
    Emphasis emphasis = Emphasis::Normal;  // stressed or faded on a route or story poster
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
    std::vector<std::string> lines;  // the destination's name, wrapped
    std::vector<std::string> label;  // what the marker shows: "→ name" and where it is found
};

/// A drawn link: progression (up, within-level, down), same-role tie, or transfer.
struct PlacedLink {
    LinkKind kind = LinkKind::Up;
    std::string tail, head;          // node names
    const Role* from = nullptr;
    const Role* to = nullptr;
    std::vector<Point> bezier;       // cubic Bézier control points, start to end
    std::vector<Point> arrow;        // arrowhead triangle (empty if none)
    Emphasis emphasis = Emphasis::Normal;  // on the route (thick, route colour) or faded
};

/// Room kept in a level's band for a story step that is not a role of the catalogue (its
/// numbered badge is drawn there).
struct PlacedMarker {
    std::size_t step = 0;  // index into the focus's stops
    std::string node;
    Box box;
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
    /// The shape for an area: each shape scaled to fit it (never enlarged beyond `max_scale`),
    /// then the one choose_shape prefers.
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
    const std::vector<PlacedMarker>& markers() const { return markers_; }

    /// Draws the laid-out graph with Graphviz's cairo renderer (gvRenderContext) onto `cr`,
    /// with the drawing's top-left at the current origin, one unit per point. Throws LayoutError
    /// when Graphviz fails.
    void draw(cairo_t* cr) const;

    /// Graphviz's own SVG of this layout (`dot -Tsvg`), for comparing sizes with ours.
    std::string graphviz_svg() const;

    /// How the pieces of links drawn through waypoints meet there: the number of waypoints, of
    /// piece ends at them, and the largest distance from a waypoint to the nearer end of a piece.
    struct ChainJoins {
        std::size_t waypoints = 0, ends = 0;
        double widest_gap = 0;
    };
    ChainJoins chain_joins() const;

    /// Pairs of links whose drawn curves cross (links sharing an end are not counted).
    std::size_t count_crossings() const;
    /// Links whose curve passes through a role box that is not one of its ends.
    std::vector<std::string> links_through_boxes() const;

    Layout() = default;
    Layout(Layout&&) = default;
    Layout& operator=(Layout&&) = default;
    Layout(const Layout&) = delete;
    Layout& operator=(const Layout&) = delete;

private:
    friend class LayoutBuilder;

    /// dot ends each segment of a waypoint chain a little short of the waypoint; moves those ends
    /// onto the waypoint, so the segments drawn by Graphviz join into one line. Run after every
    /// dot layout of this graph.
    void join_chains() const;

    std::shared_ptr<Agraph_s> graph_;  // closed (and its layout freed) with the last owner
    double width_ = 0, height_ = 0, pad_ = 0;
    LayoutChoice choice_;
    std::vector<PlacedRole> roles_;
    std::vector<PlacedBand> bands_;
    std::vector<PlacedLink> links_;
    std::vector<PlacedTransfer> transfers_;
    std::vector<PlacedMarker> markers_;
    // Per link: its Graphviz edges (one per row crossed), and whether they run head to tail.
    std::vector<std::pair<std::vector<Agedge_s*>, bool>> chains_;
};

/// Graphviz could not lay out or draw a graph (its message, when it gave one).
struct LayoutError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// One candidate of a choice between shapes (layout shapes, or legend placements): how much the
/// drawing is scaled, how much of its area it fills, and how many links cross.
struct ShapeScore {
    double scale = 0, fill = 0;
    std::size_t crossings = 0;
};

/// The rule both the layout shape and the legend placement follow: among the candidates scaled by
/// at least `min_scale` (text stays legible) that fill 70% of their area — or, when none does,
/// among those that print nearly as large as the largest (90%) — the one with fewest crossings,
/// ties to the larger scale when `prefer_larger`, else to the first. Returns its index.
std::size_t choose_shape(const std::vector<ShapeScore>& candidates, double min_scale, bool prefer_larger);

/// Splits a role name into lines of about `width` characters, at spaces.
std::vector<std::string> wrap_words(const std::string& text, std::size_t width);

// --- Fitting names into boxes (#15 hardening; src/layout/name_lines.cpp) ---

/// Characters per line of a role's box.
inline constexpr std::size_t kNameLineWidth = 18;
/// The most lines a role's name takes in its box; the rest is cut with an ellipsis.
inline constexpr std::size_t kNameMaxLines = 5;
/// The longest word kept whole on one line (it widens the box a little); longer ones are broken
/// with a hyphen into pieces of a line's width.
inline constexpr std::size_t kNameLongestWord = 32;

/// A name set as the lines of its box, and whether it had to be broken or cut to fit.
struct FittedName {
    std::vector<std::string> lines;
    bool hyphenated = false;  // a word longer than kNameLongestWord was broken across lines
    bool shortened = false;   // it did not fit in max_lines: the last line ends in "…"
};

/// Fits `name` into at most `max_lines` lines of about `width` characters (not bytes): wrapped at
/// spaces, over-long words hyphenated, and cut with "…" when it still does not fit, so no name
/// stretches its box across the page. The full name stays in the SVG's title and the explorer.
FittedName fit_name(const std::string& name, std::size_t width = kNameLineWidth, std::size_t max_lines = kNameMaxLines);

}  // namespace pathways
