#pragma once
#include <memory>
#include <optional>
#include <string_view>
#include <stdexcept>
#include <string>
#include <vector>

#include "pathways/geometry.hpp"
#include "pathways/lanes.hpp"
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
    std::vector<std::string> also_in; // framework layout: the other lanes' names, for a role in several
    std::string lane;                 // framework layout: the id of the lane it sits in
    Emphasis emphasis = Emphasis::Normal;  // stressed or faded on a route or story poster
};

/// One career level's band.
struct PlacedBand {
    const Level* level = nullptr;
    Box box;
    std::vector<std::string> lines;  // its label: the level's name (wrapped in a framework's column)
    Box label;  // its name's box, clear of every link where the band's edge has room (issue 17)
};

/// One lane (row) of the career-framework grid: its lane, the row it spans across the drawing,
/// and its label at the left.
struct PlacedLane {
    Lane lane;
    Box box;                          // the whole row, from the drawing's left edge to its right
    Box label_box;                    // where its name is written
    std::vector<std::string> lines;   // its name, wrapped
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

/// Which layout draws a poster: the pathway graph in career-level bands, the career-framework
/// grid (one column per level, one lane per setting or family), or whichever suits the page.
enum class LayoutMode { Pathway, Framework, Auto };

/// "pathway", "framework", "auto" (as written in a manifest and on the command line).
const char* to_string(LayoutMode mode);
/// The mode a word names, if any.
std::optional<LayoutMode> layout_mode(std::string_view word);

/// How the layout was chosen.
struct LayoutChoice {
    bool framework = false;      // the career-framework grid (always left to right)
    bool left_to_right = false;  // else bottom to top
    int rows_per_level = 1;      // framework: columns (ranks) per level
    std::size_t lanes = 0;       // framework: lanes drawn
    double effort = 4;           // dot's mclimit
    bool own_order = false;      // rows ordered by our own pass (pathways/order.hpp), dot keeps it
    bool markers_at_destination = true;  // transfer markers at their destination's level, not the source's row
    double row_gap = 1;          // room between rows (dot's ranksep), times the default
    double width = 0, height = 0;  // the drawing's size
    double scale = 1;            // how much the drawing is scaled to fit the area
    double fill = 0;             // share of the area the scaled drawing covers
    std::size_t crossings = 0;
};

/// Where a drawing will go, known before its shapes are searched (#10): the areas a page offers
/// it and the scale its text needs there. The search then skips the shapes that cannot come near
/// that scale in any of them.
struct ShapeTarget {
    std::vector<Box> areas;
    double min_scale = 0;
    double max_scale = 2.5;
    std::vector<LayoutChoice> quick;  // explore_quick's shapes for this graph, when already laid out
};

/// A pathway graph laid out in career-level bands by Graphviz's dot, in-process.
class Layout {
public:
    /// Lays out `graph` in the shape that best suits an area (see explore and pick).
    static Layout make(const PathwayGraph& graph, const Style& style, double area_width, double area_height);

    /// Lays out a grid of shapes (direction, rows per level, dot's effort) and reports each one's
    /// size and crossings; `pick` then chooses for an area, and `make(graph, style, choice)` redoes it.
    static std::vector<LayoutChoice> explore(const PathwayGraph& graph, const Style& style);
    /// The same search for a known target: a rows plan whose quick shape (explore_quick's) prints
    /// under 93% of the target's scale in every area, and a wider row gap that surely would, are
    /// not laid out (the quick shape stays a candidate).
    static std::vector<LayoutChoice> explore(const PathwayGraph& graph, const Style& style, const ShapeTarget& target);
    /// A quick look at the pathway shapes (#10): one layout per direction and rows plan (our
    /// order, the default room between rows, transfer markers where the full search most often
    /// puts them), enough to tell how large the drawing must be before the full search is paid for.
    static std::vector<LayoutChoice> explore_quick(const PathwayGraph& graph, const Style& style);
    /// The shapes of a mode: the pathway grid above, the framework's (columns per level, effort),
    /// or both for Auto (route and story views, and views with one lane, are drawn as pathways).
    static std::vector<LayoutChoice> explore(const PathwayGraph& graph, const Style& style, LayoutMode mode);
    /// The career-framework grid with `columns` ranks per level, laid out by dot in-process.
    static Layout make_framework(const PathwayGraph& graph, const Style& style, int columns, double effort = 4);
    /// The shape for an area: each shape scaled to fit it (never enlarged beyond `max_scale`),
    /// then the one choose_shape prefers.
    static LayoutChoice pick(const std::vector<LayoutChoice>& shapes, double area_width, double area_height,
                             double min_scale, double max_scale = 2.5);
    static Layout make(const PathwayGraph& graph, const Style& style, const LayoutChoice& choice);

    /// Lays out with one fixed choice (for tests and comparison).
    static Layout make(const PathwayGraph& graph, const Style& style, bool left_to_right, int rows_per_level,
                       double effort = 4, bool own_order = false, bool markers_at_destination = true,
                       double row_gap = 1);

    /// With our own order: whether dot kept it (the nodes inside the bands of every rank in the
    /// order asked for; transfer markers are left to dot).
    /// True when no order was imposed.
    bool kept_own_order() const;

    double width() const { return width_; }
    double height() const { return height_; }
    const LayoutChoice& choice() const { return choice_; }
    const std::vector<PlacedRole>& roles() const { return roles_; }
    const std::vector<PlacedBand>& bands() const { return bands_; }
    /// The framework layout's lanes, top to bottom (empty for a pathway layout).
    const std::vector<PlacedLane>& lanes() const { return lanes_; }
    /// Whether every role's box lies inside its lane's row (dot can break the lanes' order on
    /// crowded grids of several columns per level; explore drops such shapes).
    bool grid_holds() const;
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

    /// Points where two links' drawn curves cross, each counted once (links sharing an end, and
    /// curves that only touch, are not counted; see pathways/crossings.hpp).
    std::size_t count_crossings() const;
    /// Links whose curve passes through a role box that is not one of its ends.
    std::vector<std::string> links_through_boxes() const;
    /// Links whose curve passes over a band's label (issue 17: none, where the band has room).
    std::vector<std::string> links_over_band_labels() const;

    Layout() = default;
    Layout(Layout&&) = default;
    Layout& operator=(Layout&&) = default;
    Layout(const Layout&) = delete;
    Layout& operator=(const Layout&) = delete;

private:
    friend class LayoutBuilder;

    /// dot ends each segment of a waypoint chain a little short of the waypoint; moves those ends
    /// onto the waypoint, so the segments drawn by Graphviz join into one line (a pathway layout:
    /// draws the links between rows itself instead, src/layout/routes.hpp). Run after every
    /// dot layout of this graph.
    void join_chains() const;
    // band_labels.cpp (issue 17): each band's label slid clear of links, kept across re-layouts.
    bool label_blocked(const Box& label) const;
    void place_band_labels(double llx, double ury);
    void apply_band_labels() const;
    std::vector<std::pair<std::string, Point>> band_labels_;  // cluster name, label centre (Graphviz units)

    std::shared_ptr<Agraph_s> graph_;  // closed (and its layout freed) with the last owner
    double width_ = 0, height_ = 0, pad_ = 0;
    LayoutChoice choice_;
    std::vector<PlacedRole> roles_;
    std::vector<PlacedBand> bands_;
    std::vector<PlacedLane> lanes_;
    std::vector<PlacedLink> links_;
    std::vector<PlacedTransfer> transfers_;
    std::vector<PlacedMarker> markers_;
    // Per link: its Graphviz edges (one per row crossed), and whether they run head to tail.
    std::vector<std::pair<std::vector<Agedge_s*>, bool>> chains_;
    // With own_order: each rank's node names in the order imposed on dot.
    std::vector<std::vector<std::string>> imposed_;
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
/// Issue 17: a role's pay band as its box shows it, the catalogue's words cut to the bands they
/// name: "Agenda for Change band 6 (project manager)" -> "AfC band 6"; "… usually from band 6 or 7
/// (some band 5), up to band 9 …" -> "AfC bands 5–9"; other words up to their first bracket or comma.
std::string short_pay_band(const std::string& pay_band);

}  // namespace pathways
