// Building the Graphviz graph of one layout through cgraph, running dot, and reading the
// geometry back into the Layout's placed roles, bands, links and transfer markers.
#include "pathways/layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "framework.hpp"
#include "graphviz.hpp"
#include "order_dot.hpp"
#include "pathways/look.hpp"
#include "rows.hpp"
#include "spacing.hpp"

namespace pathways {

std::vector<std::string> wrap_words(const std::string& text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line, word;
    auto flush_word = [&] {
        if (word.empty()) return;
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            lines.push_back(line);
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        word.clear();
    };
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t')
            flush_word();
        else
            word += c;
    }
    flush_word();
    if (!line.empty()) lines.push_back(line);
    return lines;
}

namespace {

constexpr std::size_t kWrap = kNameLineWidth;  // characters per label line
constexpr double kPad = 8;         // points around the drawing

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "\n" : "") + escape_label(lines[i]);
    return out;
}

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

/// Graphviz's style word for a look's line.
const char* dot_line_style(const LinkLook& look) {
    return look.line == "dashed" ? "dashed" : look.line == "dotted" ? "dotted" : "solid";
}

void style_edge(Agedge_t* e, const LinkLook& look, bool constrain) {
    set_attr(e, "color", look.colour.hex());
    set_attr(e, "style", dot_line_style(look));
    set_attr(e, "penwidth", fmt(look.width));
    set_attr(e, "arrowsize", "1.1");
    if (!constrain) set_attr(e, "constraint", "false");
}

/// A role box's label: its name's lines, where else it is listed, its pay band (`pay`), and its
/// settings' tags.
std::vector<std::string> role_label(const PlacedRole& placed, const std::vector<std::string>& tags, bool pay) {
    std::vector<std::string> label = placed.lines;
    for (const auto& lane : placed.also_in) label.push_back("(also in " + lane + ")");
    if (placed.also_at.size() == 1)  // a level's name, fitted as a name is (#15)
        for (const auto& l : fit_name("(also " + placed.also_at.front() + ")", 32, 2).lines)
            label.push_back(l);
    else if (!placed.also_at.empty())
        label.push_back("(also at " + std::to_string(placed.also_at.size()) + " other levels)");
    if (pay && placed.role && !placed.role->pay_band.empty()) label.push_back(short_pay_band(placed.role->pay_band));
    if (!tags.empty()) {
        std::string t;
        for (const auto& x : tags) t += (t.empty() ? "" : " \xC2\xB7 ") + x;
        label.push_back("[" + t + "]");
    }
    return label;
}

}  // namespace

/// Builds one layout's graph step by step (bands, roles, rows, links, transfer markers), runs dot
/// and reads the geometry back.
class LayoutBuilder {
public:
    LayoutBuilder(const PathwayGraph& graph, const Style& style, Layout& out, int rows_per_level)
        : pg_(graph), c_(*graph.catalogue), style_(style), out_(out),
          plan_(out.choice_.framework ? plan_framework(graph, rows_per_level) : plan_rows(graph, rows_per_level)) {
        if (out.choice_.framework) grid_ = std::make_unique<LaneGrid>(graph, style, plan_);
    }

    void build() {
        open_graph();
        add_bands();
        add_roles();
        add_rank_rows();
        if (grid_) add_lane_grid();
        add_links();
        add_transfers();
        if (out_.choice_.own_order) impose_own_order();
        add_story_markers();  // after the ordering pass: isolated, outside its chains
        layout_dot(g_);
        out_.join_chains();
        read_geometry();
    }

private:
    struct Row {
        Agraph_t* band;
        Agraph_t* same;
    };

    const PathwayGraph& pg_;
    const Catalogue& c_;
    const Style& style_;
    Layout& out_;
    RowPlan plan_;
    Agraph_t* g_ = nullptr;
    std::map<std::string, Agnode_t*> node_;    // node name -> node
    std::vector<Row> rows_;                    // every row of every band, lowest first
    std::map<std::string, std::size_t> row_;   // node name -> index in rows_
    std::map<const Role*, std::string> marker_of_;
    std::set<std::string> outside_;            // transfer markers outside every band
    std::size_t waypoints_ = 0;
    std::unique_ptr<LaneGrid> grid_;  // the framework layout's lanes (none for a pathway layout)
    const Spacing spacing_ = spacing_for(pg_, out_.choice_.left_to_right);  // room around and between boxes

    bool ltr() const { return out_.choice_.left_to_right; }

    /// A level's subgraph: a cluster (the band) in the pathway layout; in the framework's a plain
    /// subgraph, the column being drawn from the ranks' geometry (a cluster would let dot move the lanes).
    std::string band_name(std::size_t level) const { return (grid_ ? "column_" : "cluster_") + pg_.levels[level]->id; }

    Agraph_t* band_of(std::size_t level) {
        std::string name = band_name(level);
        return agsubg(g_, name.data(), 0);
    }

    /// The graph and the attributes that shape the whole drawing.
    void open_graph() {
        out_.graph_ = std::shared_ptr<Agraph_s>(new_graph("pathways").release(), GraphCloser{});
        g_ = out_.graph_.get();
        set_attr(g_, "rankdir", ltr() ? "LR" : "BT");
        set_attr(g_, "newrank", "true");
        set_attr(g_, "dpi", "72");
        set_attr(g_, "pad", fmt(kPad / 72));
        set_attr(g_, "bgcolor", "transparent");
        set_attr(g_, "fontname", style_.font);
        set_attr(g_, "nodesep", ltr() ? "0.12" : "0.14");
        set_attr(g_, "ranksep", fmt((ltr() ? 0.5 : 0.4) * out_.choice_.row_gap * spacing_.row_gap));
        set_attr(g_, "splines", "spline");
        set_attr(g_, "outputorder", "edgesfirst");
        set_attr(g_, "remincross", "true");
        set_attr(g_, "mclimit", fmt(out_.choice_.effort));
        set_attr(g_, "searchsize", "100");
    }

    /// One cluster per level, holding that level's role nodes row by row.
    void add_bands() {
        for (std::size_t li = 0; li < pg_.levels.size(); ++li) {
            const Level* level = pg_.levels[li];
            std::string cname = band_name(li);
            Agraph_t* band = agsubg(g_, cname.data(), 1);
            add_band_nodes(band, li);
            if (grid_) continue;
            set_attr(band, "label", escape_label(level->name));
            set_attr(band, "id", "band-" + level->id);
            set_attr(band, "style", "filled");
            set_attr(band, "fillcolor", band_fill(style_, li).hex());
            set_attr(band, "color", style_.band_border.hex());
            set_attr(band, "penwidth", "1.5");
            set_attr(band, "fontname", style_.font + " Bold");
            set_attr(band, "fontsize", fmt(style_.band_size));
            set_attr(band, "fontcolor", style_.band_label.hex());
            set_attr(band, "labeljust", "l");
            set_attr(band, "labelloc", ltr() ? "t" : "b");  // "b" is the top when ranks run upwards
            set_attr(band, "margin", spacing_.band_margin);
        }
    }

    void add_band_nodes(Agraph_t* band, std::size_t li) {
        for (const auto& row : plan_.rows[li])
            for (const auto& name : row) {
                std::string n = name;
                node_[name] = agnode(band, n.data(), 1);
            }
    }

    /// Each role's boxes: label, colours and size; and its PlacedRole.
    void add_roles() {
        std::map<std::string, std::string> level_names;
        for (const auto& l : c_.levels) level_names[l.id] = l.name;
        for (const Role* r : pg_.roles) {
            std::vector<Colour> fills = role_fills(style_, c_, *r);
            Colour text = text_colour_for(style_, fills);
            std::vector<std::string> tags;
            for (const auto& s : r->settings)
                if (std::string t = setting_tag(style_, c_, s); !t.empty()) tags.push_back(t);
            for (const auto& name : plan_.nodes_of[r]) {
                PlacedRole placed;
                placed.role = r;
                placed.node = name;
                placed.level = &c_.levels[static_cast<std::size_t>(c_.level_index(plan_.node_level[name]))];
                placed.lines = fit_name(r->name).lines;
                placed.fills = fills;
                placed.text = text;
                for (const auto& other : plan_.nodes_of[r])
                    if (other != name) placed.also_at.push_back(level_names[plan_.node_level[other]]);
                if (grid_) placed.also_in = grid_->other_lanes(*r), placed.lane = grid_->lane_id(*r);
                // A route or story poster draws the whole map small around one trail: its boxes keep
                // to names, and pay bands stay in the back page's index (issue 17).
                placed.label = role_label(placed, tags, pg_.focus.kind == Focus::Kind::None);
                placed.emphasis = pg_.focus.of(r);
                style_role_node(node_[name], placed);
                out_.roles_.push_back(std::move(placed));
            }
        }
    }

    void style_role_node(Agnode_t* n, const PlacedRole& placed) {
        set_attr(n, "label", join_lines(placed.label));
        set_attr(n, "shape", "box");
        set_attr(n, "id", "role-" + placed.node);
        set_attr(n, "fontname", style_.font);
        set_attr(n, "fontsize", fmt(style_.role_size));
        set_attr(n, "fontcolor", placed.text.hex());
        set_attr(n, "color", style_.role_border.hex());
        set_attr(n, "penwidth", "1.2");
        set_attr(n, "margin", spacing_.role_margin);
        set_attr(n, "width", spacing_.role_width);
        set_attr(n, "height", "0.55");
        const auto& fills = placed.fills;
        if (fills.size() > 1) {
            std::string fc;
            for (std::size_t i = 0; i < fills.size(); ++i)
                fc += (i ? ":" : "") + fills[i].hex() + ";" + fmt(1.0 / static_cast<double>(fills.size()));
            set_attr(n, "style", "striped");
            set_attr(n, "fillcolor", fc);
        } else {
            set_attr(n, "style", "filled");
            set_attr(n, "fillcolor", fills.empty() ? style_.page_background.hex() : fills.front().hex());
        }
        if (placed.emphasis != Emphasis::Normal) stress_role_node(n, placed);
    }

    /// A route or story poster's role: a bold outline in the route colour, or everything faded.
    void stress_role_node(Agnode_t* n, const PlacedRole& placed) {
        if (placed.emphasis == Emphasis::Emphasised) {
            set_attr(n, "color", style_.route.colour.hex());
            set_attr(n, "penwidth", fmt(route_outline_width(style_)));
            return;
        }
        set_attr(n, "color", faded(style_, style_.role_border).hex());
        set_attr(n, "fontcolor", faded(style_, placed.text).hex());
        std::vector<Colour> fills = placed.fills;
        if (fills.empty()) fills.push_back(style_.page_background);
        std::string fc;
        for (std::size_t i = 0; i < fills.size(); ++i) {
            fc += (i ? ":" : "") + faded(style_, fills[i]).hex();
            if (fills.size() > 1) fc += ";" + fmt(1.0 / static_cast<double>(fills.size()));
        }
        set_attr(n, "fillcolor", fc);
    }

    /// Each row is one rank; invisible edges stack the rows in order, level after level.
    void add_rank_rows() {
        std::vector<std::string> row_heads;
        for (std::size_t li = 0; li < plan_.rows.size(); ++li) {
            Agraph_t* band = band_of(li);
            for (std::size_t ri = 0; ri < plan_.rows[li].size(); ++ri) {
                std::string sname = "rank_" + std::to_string(li) + "_" + std::to_string(ri);
                Agraph_t* same = agsubg(g_, sname.data(), 1);
                set_attr(same, "rank", "same");
                for (const auto& name : plan_.rows[li][ri]) {
                    agsubnode(same, node_[name], 1);
                    row_[name] = rows_.size();
                }
                row_heads.push_back(plan_.rows[li][ri].front());
                rows_.push_back({band, same});
            }
        }
        for (std::size_t i = 1; i < row_heads.size(); ++i) {
            Agedge_t* e = agedge(g_, node_[row_heads[i - 1]], node_[row_heads[i]], nullptr, 1);
            set_attr(e, "style", "invis");
            set_attr(e, "weight", "0");
        }
    }

    /// A framework layout's lanes across every rank (framework.cpp).
    void add_lane_grid() {
        std::vector<GridRank> ranks;
        for (std::size_t li = 0, i = 0; li < plan_.rows.size(); ++li)
            for (const auto& row : plan_.rows[li]) ranks.push_back({rows_[i].band, rows_[i].same, row, li}), ++i;
        grid_->add(g_, ranks);
        out_.choice_.lanes = grid_->size();
    }

    /// A band's label: the level's name; wrapped over a framework's narrow columns.
    std::vector<std::string> band_lines(const Level& level) const {
        return grid_ ? column_heading(level) : std::vector<std::string>{level.name};
    }

    /// An invisible point in row `r`, for a link to pass through.
    std::string add_waypoint(std::size_t r) {
        std::string w = "wp" + std::to_string(waypoints_++);
        Agnode_t* n = agnode(rows_[r].band, w.data(), 1);
        agsubnode(rows_[r].same, n, 1);
        set_attr(n, "shape", "point");
        set_attr(n, "style", "invis");
        set_attr(n, "width", "0.01");
        set_attr(n, "height", "0.01");
        set_attr(n, "label", "");
        node_[w] = n;
        return w;
    }

    /// A link that spans several rows is a chain of one-row segments through invisible waypoints
    /// placed in each row it crosses, inside that row's band: so it runs straight through the
    /// bands between its ends instead of detouring round them, and dot orders the waypoints to
    /// keep crossings down. A link drawn downwards is built upwards with its arrow at the start.
    void add_link(LinkKind kind, const std::string& tail, const std::string& head, const Role* from, const Role* to) {
        const Emphasis emphasis = kind == LinkKind::SameRole ? (pg_.focus.active() ? Emphasis::Faded : Emphasis::Normal)
                                                             : pg_.focus.of(from, to);
        std::size_t rt = row_.count(tail) ? row_[tail] : 0;
        std::size_t rh = row_.count(head) ? row_[head] : rt + 1;
        bool reversed = rh < rt;
        std::size_t r0 = std::min(rt, rh), r1 = std::max(rt, rh);
        std::vector<std::string> chain{reversed ? head : tail};
        for (std::size_t r = r0 + 1; r < r1; ++r) chain.push_back(add_waypoint(r));
        // In the framework grid, a link between two roles of one rank would be a same-rank edge, which
        // dot treats as an order (tail before head) and could pull a role out of its lane: it goes
        // round through a waypoint in the next rank instead.
        if (grid_ && r0 == r1 && kind != LinkKind::Transfer && rows_.size() > 1)
            chain.push_back(add_waypoint(r0 + 1 < rows_.size() ? r0 + 1 : r0 - 1));
        chain.push_back(reversed ? tail : head);
        const LinkLook look = emphasis == Emphasis::Emphasised ? route_link_look(style_)
                              : emphasis == Emphasis::Faded    ? faded_look(style_, link_look(style_, kind))
                                                               : link_look(style_, kind);
        std::vector<Agedge_t*> segments;
        for (std::size_t i = 1; i < chain.size(); ++i) {
            Agedge_t* e = agedge(g_, node_[chain[i - 1]], node_[chain[i]], nullptr, 1);
            style_edge(e, look, r0 != r1);
            set_attr(e, "class", to_string(kind));
            bool last = reversed ? i == 1 : i + 1 == chain.size();
            set_attr(e, "dir", !has_arrow(kind) || !last ? "none" : reversed ? "back" : "forward");
            segments.push_back(e);
        }
        set_attr(segments.front(), "id", "link-" + tail + "-" + head);
        PlacedLink pl;
        pl.kind = kind;
        pl.tail = tail;
        pl.head = head;
        pl.from = from;
        pl.to = to;
        pl.emphasis = emphasis;
        out_.links_.push_back(std::move(pl));
        out_.chains_.push_back({segments, reversed});
    }

    /// Progressions between roles of the view, then the ties between one role's boxes.
    void add_links() {
        for (const auto& l : pg_.links)
            add_link(l.kind, plan_.tail_node(c_, l.from, l.to), plan_.head_node(l.to), l.from, l.to);
        for (const Role* r : pg_.roles) {
            const auto& ns = plan_.nodes_of[r];
            for (std::size_t i = 1; i < ns.size(); ++i) add_link(LinkKind::SameRole, ns[i - 1], ns[i], r, r);
        }
    }

    /// The row of a transfer marker: that of the role leading to it, or with markers_at_destination,
    /// at its destination's level (the lowest band of the view at or
    /// above it), in the row of the role that leads to it when that role is in the same band, else
    /// in the band's lowest row.
    std::size_t marker_row(const Transfer& t) {
        std::size_t source = row_[plan_.nodes_of[t.from].back()], first = 0, band = pg_.levels.size() - 1;
        if (!out_.choice_.markers_at_destination) return source;
        for (std::size_t li = 0; li < pg_.levels.size(); ++li)
            if (c_.level_index(pg_.levels[li]->id) >= c_.lowest_level(*t.to)) {
                band = li;
                break;
            }
        for (std::size_t li = 0; li < band; ++li) first += plan_.rows[li].size();
        return source >= first && source < first + plan_.rows[band].size() ? source : first;
    }

    /// Transfer markers: one per destination outside the view, outside every band, at the
    /// destination's level (marker_row): dot puts them beside the band, at the edge of the drawing.
    void add_transfers() {
        for (const auto& t : pg_.transfers) {
            if (marker_of_.count(t.to)) continue;
            std::string name = "transfer-" + t.to->id;
            marker_of_[t.to] = name;
            // At the destination's level the marker stands in that level's band, among its roles
            // (the ordering pass places it like them); beside its source it stays outside.
            std::size_t row = marker_row(t);
            bool in_band = out_.choice_.markers_at_destination;
            Agnode_t* n = agnode(in_band ? rows_[row].band : g_, name.data(), 1);
            if (!in_band) outside_.insert(name);
            node_[name] = n;
            agsubnode(rows_[row].same, n, 1);
            row_[name] = row;
            PlacedTransfer pt = transfer_marker(t, name);
            style_transfer_node(n, pt);
            out_.transfers_.push_back(std::move(pt));
        }
        for (const auto& t : pg_.transfers)
            add_link(LinkKind::Transfer, plan_.nodes_of[t.from].back(), marker_of_[t.to], t.from, t.to);
    }

    /// A story's steps that are jobs the catalogue does not have: a small invisible node each, in
    /// the first row of its level's band, so dot keeps room there for the step's numbered badge;
    /// two in one row keep the story's order, left to right.
    void add_story_markers() {
        const auto& stops = pg_.focus.stops;
        std::map<std::size_t, Agnode_t*> last_in_row;
        for (std::size_t i = 0; i < stops.size(); ++i) {
            if (stops[i].role || !stops[i].level) continue;
            auto at = std::find(pg_.levels.begin(), pg_.levels.end(), stops[i].level);
            if (at == pg_.levels.end()) continue;
            std::size_t li = static_cast<std::size_t>(at - pg_.levels.begin()), first_row = 0;
            for (std::size_t k = 0; k < li; ++k) first_row += plan_.rows[k].size();
            std::string name = "story-step-" + std::to_string(i + 1);
            Agnode_t* n = agnode(rows_[first_row].band, name.data(), 1);
            agsubnode(rows_[first_row].same, n, 1);
            std::string side = fmt(2 * badge_radius(style_) / 72);
            set_attr(n, "shape", "circle");
            set_attr(n, "style", "invis");
            set_attr(n, "fixedsize", "true");
            set_attr(n, "width", side);
            set_attr(n, "height", side);
            set_attr(n, "label", "");
            node_[name] = n;
            if (Agnode_t*& before = last_in_row[first_row]) {
                Agedge_t* e = agedge(g_, before, n, nullptr, 1);
                set_attr(e, "style", "invis");
            }
            last_in_row[first_row] = n;
            out_.markers_.push_back({i, name, {}});
        }
    }

    PlacedTransfer transfer_marker(const Transfer& t, const std::string& node) const {
        if (t.sheet > 0) return series_marker(t, node);
        const Role& to = *t.to;
        PlacedTransfer pt;
        pt.to = &to;
        pt.node = node;
        pt.lines = fit_name(to.name).lines;
        std::string where;
        for (const auto& s : to.settings) {
            const Setting* st = c_.setting(s);
            where += (where.empty() ? "" : ", ") + (st ? st->name : s);
        }
        pt.label = pt.lines;
        pt.label.front() = "\xE2\x86\x92 " + pt.label.front();  // "→ Name", the legend explains the arrow
        for (const auto& w : fit_name("(" + where + ")", kWrap + 4, 3).lines) pt.label.push_back(w);
        return pt;
    }

    /// On a sheet of a poster series (#10b), a progression to a role drawn on another sheet:
    /// "→ Nurse · sheet 3, C2" (the sheet's grid cell that holds it).
    PlacedTransfer series_marker(const Transfer& t, const std::string& node) const {
        PlacedTransfer pt;
        pt.to = t.to;
        pt.node = node;
        pt.lines = wrap_words(t.to->name, kWrap);
        pt.label = pt.lines;
        pt.label.front() = "\xE2\x86\x92 " + pt.label.front();
        std::string where = "sheet " + std::to_string(t.sheet) + (t.cell.empty() ? "" : ", " + t.cell);
        if (pt.label.back().size() + where.size() + 3 <= kWrap + 4) pt.label.back() += " \xC2\xB7 " + where;
        else pt.label.push_back("\xC2\xB7 " + where);
        return pt;
    }

    void style_transfer_node(Agnode_t* n, const PlacedTransfer& pt) {
        set_attr(n, "label", join_lines(pt.label));
        set_attr(n, "shape", "box");
        set_attr(n, "style", "dashed,rounded");
        set_attr(n, "id", pt.node);
        set_attr(n, "color", style_.transfer.colour.hex());
        set_attr(n, "fontcolor", style_.text_colour.hex());
        set_attr(n, "fontname", style_.font);
        set_attr(n, "fontsize", fmt(style_.role_size));
        set_attr(n, "penwidth", fmt(style_.transfer.width));
        set_attr(n, "margin", "0.10,0.05");
    }

    /// Our ordering pass (order_dot.hpp) over the rows, transfer markers kept outside the bands.
    void impose_own_order() {
        std::vector<Agraph_t*> ranks;
        for (const auto& row : rows_) ranks.push_back(row.same);
        out_.imposed_ = impose_order(g_, ranks, outside_);
    }

    /// Boxes, bands and curves from dot's result, converted to a top-left origin.
    void read_geometry() {
        boxf bb = GD_bb(g_);
        out_.pad_ = kPad;
        out_.width_ = bb.UR.x - bb.LL.x + 2 * kPad;
        out_.height_ = bb.UR.y - bb.LL.y + 2 * kPad;
        auto conv = [&](pointf p) { return Point{p.x - bb.LL.x + kPad, bb.UR.y - p.y + kPad}; };
        auto node_box = [&](Agnode_t* n) {
            Point c0 = conv(ND_coord(n));
            double w = ND_width(n) * 72, h = ND_height(n) * 72;
            return Box{c0.x - w / 2, c0.y - h / 2, w, h};
        };
        for (auto& pr : out_.roles_) pr.box = node_box(node_[pr.node]);
        for (auto& pt : out_.transfers_) pt.box = node_box(node_[pt.node]);
        for (auto& pm : out_.markers_) pm.box = node_box(node_[pm.node]);
        std::vector<Box> columns;
        if (grid_) columns = grid_->columns(conv);
        for (std::size_t li = 0; li < pg_.levels.size(); ++li) {
            if (grid_) {
                out_.bands_.push_back({pg_.levels[li], columns[li], band_lines(*pg_.levels[li]), Box{}});
                continue;
            }
            boxf b = GD_bb(band_of(li));
            Point tl = conv({b.LL.x, b.UR.y});
            out_.bands_.push_back({pg_.levels[li], Box{tl.x, tl.y, b.UR.x - b.LL.x, b.UR.y - b.LL.y},
                                   band_lines(*pg_.levels[li]), Box{}});
        }
        if (grid_) out_.lanes_ = grid_->read(conv);
        for (std::size_t i = 0; i < out_.links_.size(); ++i) read_curve(out_.links_[i], out_.chains_[i], conv);
        out_.place_band_labels(bb.LL.x, bb.UR.y);
        out_.choice_.crossings = out_.count_crossings();
        out_.choice_.width = out_.width_;
        out_.choice_.height = out_.height_;
    }

    /// One link's curve, its segments joined into one from its tail to its head, and its arrowhead.
    template <typename Conv>
    static void read_curve(PlacedLink& pl, const std::pair<std::vector<Agedge_s*>, bool>& chain, Conv conv) {
        const auto& [segments, reversed] = chain;
        std::vector<std::vector<Point>> parts;
        for (Agedge_t* e : segments) {
            if (!ED_spl(e)) continue;
            const bezier& bz = ED_spl(e)->list[0];
            std::vector<Point> part;
            for (int k = 0; k < bz.size; ++k) part.push_back(conv(bz.list[k]));
            // The arrowhead: Graphviz leaves a gap between the curve's end and the tip.
            bool has_tip = reversed ? bz.sflag : bz.eflag;
            if (has_tip && !part.empty()) {
                Point tip = conv(reversed ? bz.sp : bz.ep), from = reversed ? part.front() : part.back();
                // Graphviz draws it 11 points long (10 times arrowsize) whatever the gap to the curve.
                double along = std::hypot(tip.x - from.x, tip.y - from.y), k = along > 1e-9 ? 11 / along : 0;
                Point base{tip.x - (tip.x - from.x) * k, tip.y - (tip.y - from.y) * k};
                double nx = -(tip.y - base.y) * 0.35, ny = (tip.x - base.x) * 0.35;
                pl.arrow = {tip, {base.x + nx, base.y + ny}, {base.x - nx, base.y - ny}};
            }
            parts.push_back(std::move(part));
        }
        if (reversed) {
            std::reverse(parts.begin(), parts.end());
            for (auto& part : parts) std::reverse(part.begin(), part.end());
        }
        for (const auto& part : parts) append_piece(pl.bezier, part);
    }

    /// Consecutive segments meet at a waypoint (join_chains): one shared point; should a gap
    /// remain, a straight cubic piece bridges it.
    static void append_piece(std::vector<Point>& bezier, const std::vector<Point>& part) {
        if (bezier.empty() || part.empty()) {
            bezier.insert(bezier.end(), part.begin(), part.end());
            return;
        }
        Point a0 = bezier.back(), b0 = part.front();
        if (std::hypot(b0.x - a0.x, b0.y - a0.y) > 0.01) {
            bezier.push_back({a0.x + (b0.x - a0.x) / 3, a0.y + (b0.y - a0.y) / 3});
            bezier.push_back({a0.x + 2 * (b0.x - a0.x) / 3, a0.y + 2 * (b0.y - a0.y) / 3});
            bezier.push_back(b0);
        }
        bezier.insert(bezier.end(), part.begin() + 1, part.end());
    }
};

Layout Layout::make(const PathwayGraph& pg, const Style& style, bool left_to_right, int rows_per_level,
                     double effort, bool own_order, bool markers_at_destination, double row_gap) {
    Layout out;
    out.choice_.row_gap = row_gap;
    out.choice_.own_order = own_order;
    out.choice_.markers_at_destination = markers_at_destination;
    out.choice_.left_to_right = left_to_right;
    out.choice_.rows_per_level = rows_per_level;
    out.choice_.effort = effort;
    LayoutBuilder(pg, style, out, rows_per_level).build();
    return out;
}

Layout Layout::make_framework(const PathwayGraph& pg, const Style& style, int columns, double effort) {
    Layout out;
    out.choice_.framework = true;
    out.choice_.left_to_right = true;
    out.choice_.rows_per_level = columns;
    out.choice_.effort = effort;
    LayoutBuilder(pg, style, out, columns).build();
    return out;
}

bool Layout::kept_own_order() const { return order_kept(graph_.get(), imposed_); }

}  // namespace pathways
