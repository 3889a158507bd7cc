#include "pathways/layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include <unistd.h>

// Exported by libgvc but not declared in its public headers: names the output file of the
// next job. gvRenderContext's PNG device writes a PNG of its target at the end of a page;
// sending it to /dev/null keeps it off standard output.
extern "C" void gvjobs_output_filename(GVC_t* gvc, const char* name);

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

Colour text_colour_for(const Style& style, const std::vector<Colour>& fills) {
    double dark = 21, light = 21;
    for (const auto& f : fills) {
        dark = std::min(dark, contrast(style.dark_text, f));
        light = std::min(light, contrast(style.light_text, f));
    }
    return dark >= light ? style.dark_text : style.light_text;
}

namespace {

constexpr std::size_t kWrap = 18;  // characters per label line
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

const char* dash(const std::string& line) {
    return line == "dashed" ? "dashed" : line == "dotted" ? "dotted" : "solid";
}

void style_edge(Agedge_t* e, const LinkLook& look, bool constrain) {
    set_attr(e, "color", look.colour.hex());
    set_attr(e, "style", dash(look.line));
    set_attr(e, "penwidth", fmt(look.width));
    set_attr(e, "arrowsize", "1.1");
    if (!constrain) set_attr(e, "constraint", "false");
}

/// Where each role goes: one node per role per level of the view, and the rows of each band.
struct RowPlan {
    std::map<const Role*, std::vector<std::string>> nodes_of;  // node names, lowest level first
    std::map<std::string, std::string> node_level;             // node -> level id
    // rows[level index in graph] = list of rows, each a list of node names
    std::vector<std::vector<std::vector<std::string>>> rows;

    /// A progression leaves from the role's highest copy that is below the target, else its lowest.
    std::string tail_node(const Catalogue& c, const Role* from, const Role* to) {
        const auto& ns = nodes_of[from];
        int target = c.lowest_level(*to);
        std::string best = ns.front();
        for (const auto& n : ns)
            if (c.level_index(node_level[n]) < target) best = n;
        return best;
    }
};

/// Plans the rows of each band for at most `rows_per_level` rows (more when a chain of
/// within-level progressions needs them).
RowPlan plan_rows(const PathwayGraph& pg, int rows_per_level) {
    const Catalogue& c = *pg.catalogue;
    // One node per role per level of the view.
    RowPlan plan;
    auto& nodes_of = plan.nodes_of;
    auto& node_level = plan.node_level;
    for (const Role* r : pg.roles) {
        std::vector<std::string> levels = r->levels;
        std::sort(levels.begin(), levels.end(),
                  [&](const auto& a, const auto& b) { return c.level_index(a) < c.level_index(b); });
        for (std::size_t i = 0; i < levels.size(); ++i) {
            std::string name = i == 0 ? r->id : r->id + "@" + levels[i];
            nodes_of[r].push_back(name);
            node_level[name] = levels[i];
        }
    }

    auto tail_node = [&](const Role* from, const Role* to) { return plan.tail_node(c, from, to); };
    auto head_node = [&](const Role* to) { return nodes_of[to].front(); };

    // Row plan. A within-level progression climbs a row inside its band (so it is drawn as a short
    // link up, not an arc along the row); other roles fill the rows evenly, those reached from
    // below in lower rows and those leading on upwards in higher ones.
    std::set<std::string> has_up, has_in;
    std::vector<std::pair<std::string, std::string>> within;
    for (const auto& l : pg.links) {
        if (l.kind == LinkKind::Up) {
            has_up.insert(tail_node(l.from, l.to));
            has_in.insert(head_node(l.to));
        } else if (l.kind == LinkKind::Within && l.from != l.to) {
            within.emplace_back(tail_node(l.from, l.to), head_node(l.to));
        }
    }
    auto& rows = plan.rows;
    rows.resize(pg.levels.size());
    for (std::size_t li = 0; li < pg.levels.size(); ++li) {
        std::vector<std::string> members;
        for (const Role* r : pg.roles)
            for (const auto& n : nodes_of[r])
                if (node_level[n] == pg.levels[li]->id) members.push_back(n);
        std::map<std::string, int> depth;
        std::set<std::string> chained;
        for (const auto& [t, h] : within)
            if (node_level[t] == pg.levels[li]->id && node_level[h] == pg.levels[li]->id) chained.insert(t), chained.insert(h);
        for (std::size_t pass = 0; pass < members.size(); ++pass) {  // longest path; bounded, so cycles stop
            bool changed = false;
            for (const auto& [t, h] : within)
                if (chained.count(t) && chained.count(h) && depth[h] < depth[t] + 1 &&
                    depth[t] + 1 < static_cast<int>(members.size())) {
                    depth[h] = depth[t] + 1;
                    changed = true;
                }
            if (!changed) break;
        }
        int needed = 1;
        for (const auto& [n, d] : depth) needed = std::max(needed, d + 1);
        int k = std::max(needed, std::min<int>(rows_per_level, static_cast<int>((members.size() + 2) / 3)));
        rows[li].resize(static_cast<std::size_t>(k));
        for (const auto& n : members)
            if (chained.count(n)) rows[li][static_cast<std::size_t>(depth[n])].push_back(n);
        std::vector<std::string> free;
        for (const auto& n : members)
            if (!chained.count(n)) free.push_back(n);
        std::stable_sort(free.begin(), free.end(), [&](const auto& a, const auto& b) {
            auto score = [&](const std::string& n) { return (has_up.count(n) ? 1 : 0) - (has_in.count(n) ? 1 : 0); };
            return score(a) < score(b);
        });
        std::size_t target = (members.size() + static_cast<std::size_t>(k) - 1) / static_cast<std::size_t>(k);
        for (const auto& n : free) {
            std::size_t best = 0;
            while (best + 1 < rows[li].size() && rows[li][best].size() >= target) ++best;
            rows[li][best].push_back(n);
        }
        rows[li].erase(std::remove_if(rows[li].begin(), rows[li].end(), [](const auto& r) { return r.empty(); }),
                       rows[li].end());
    }

    return plan;
}

}  // namespace

Layout Layout::make(const PathwayGraph& pg, const Style& style, bool left_to_right, int rows_per_level,
                     double effort) {
    const Catalogue& c = *pg.catalogue;
    Layout out;
    out.choice_.left_to_right = left_to_right;
    out.choice_.rows_per_level = rows_per_level;
    out.choice_.effort = effort;
    out.graph_ = new_graph("pathways");
    Agraph_t* g = out.graph_.get();

    set_attr(g, "rankdir", left_to_right ? "LR" : "BT");
    set_attr(g, "newrank", "true");
    set_attr(g, "dpi", "72");
    set_attr(g, "pad", fmt(kPad / 72));
    set_attr(g, "bgcolor", "transparent");
    set_attr(g, "fontname", style.font);
    set_attr(g, "nodesep", left_to_right ? "0.12" : "0.14");
    set_attr(g, "ranksep", left_to_right ? "0.5" : "0.4");
    set_attr(g, "splines", "spline");
    set_attr(g, "outputorder", "edgesfirst");
    set_attr(g, "remincross", "true");
    set_attr(g, "mclimit", fmt(effort));
    set_attr(g, "searchsize", "100");

    // Settings in catalogue order give each setting its position in the fallback palette.
    std::map<std::string, std::size_t> setting_position;
    for (std::size_t i = 0; i < c.settings.size(); ++i) setting_position[c.settings[i].id] = i;
    std::map<std::string, std::string> level_names;
    for (const auto& l : c.levels) level_names[l.id] = l.name;

    RowPlan plan = plan_rows(pg, rows_per_level);
    auto& nodes_of = plan.nodes_of;
    auto& node_level = plan.node_level;
    const auto& rows = plan.rows;
    auto tail_node = [&](const Role* from, const Role* to) { return plan.tail_node(c, from, to); };
    auto head_node = [&](const Role* to) { return plan.nodes_of[to].front(); };

    // Bands: one cluster per level, with its roles.
    std::map<std::string, Agnode_t*> node_ptr;
    std::map<std::string, const Role*> node_role;
    for (std::size_t li = 0; li < pg.levels.size(); ++li) {
        const Level* level = pg.levels[li];
        std::string cname = "cluster_" + level->id;
        Agraph_t* band = agsubg(g, cname.data(), 1);
        set_attr(band, "label", escape_label(level->name));
        set_attr(band, "id", "band-" + level->id);
        set_attr(band, "style", "filled");
        const Colour& fill = style.band_fills.empty() ? style.page_background
                                                      : style.band_fills[li % style.band_fills.size()];
        set_attr(band, "fillcolor", fill.hex());
        set_attr(band, "color", style.band_border.hex());
        set_attr(band, "penwidth", "1.5");
        set_attr(band, "fontname", style.font + " Bold");
        set_attr(band, "fontsize", fmt(style.band_size));
        set_attr(band, "fontcolor", style.band_label.hex());
        set_attr(band, "labeljust", "l");
        set_attr(band, "labelloc", left_to_right ? "t" : "b");  // "b" is the top when ranks run upwards
        set_attr(band, "margin", "12");
        for (const auto& row : rows[li]) {
            for (const auto& name : row) {
                std::string n = name;
                Agnode_t* node = agnode(band, n.data(), 1);
                node_ptr[name] = node;
            }
        }
    }
    for (const Role* r : pg.roles) {
        std::vector<Colour> fills;
        for (const auto& s : r->settings) fills.push_back(style.setting_look(s, setting_position[s]).fill);
        Colour text = text_colour_for(style, fills);
        std::vector<std::string> tags;
        if (style.show_tags)
            for (const auto& s : r->settings) {
                std::string t = style.setting_look(s, setting_position[s]).tag;
                tags.push_back(t.empty() ? s.substr(0, 2) : t);
            }
        for (const auto& name : nodes_of[r]) {
            PlacedRole placed;
            placed.role = r;
            placed.node = name;
            placed.level = &c.levels[static_cast<std::size_t>(c.level_index(node_level[name]))];
            placed.lines = wrap_words(r->name, kWrap);
            placed.fills = fills;
            placed.text = text;
            for (const auto& other : nodes_of[r])
                if (other != name) placed.also_at.push_back(level_names[node_level[other]]);
            std::vector<std::string> label = placed.lines;
            if (placed.also_at.size() == 1)
                label.push_back("(also " + placed.also_at.front() + ")");
            else if (!placed.also_at.empty())
                label.push_back("(also at " + std::to_string(placed.also_at.size()) + " other levels)");
            if (!tags.empty()) {
                std::string t;
                for (const auto& x : tags) t += (t.empty() ? "" : " \xC2\xB7 ") + x;
                label.push_back("[" + t + "]");
            }
            Agnode_t* n = node_ptr[name];
            set_attr(n, "label", join_lines(label));
            set_attr(n, "shape", "box");
            set_attr(n, "id", "role-" + name);
            set_attr(n, "fontname", style.font);
            set_attr(n, "fontsize", fmt(style.role_size));
            set_attr(n, "fontcolor", text.hex());
            set_attr(n, "color", style.role_border.hex());
            set_attr(n, "penwidth", "1.2");
            set_attr(n, "margin", "0.10,0.06");
            set_attr(n, "width", left_to_right ? "2.1" : "1.75");
            set_attr(n, "height", "0.55");
            if (fills.size() > 1) {
                std::string fc;
                for (std::size_t i = 0; i < fills.size(); ++i)
                    fc += (i ? ":" : "") + fills[i].hex() + ";" + fmt(1.0 / static_cast<double>(fills.size()));
                set_attr(n, "style", "striped");
                set_attr(n, "fillcolor", fc);
            } else {
                set_attr(n, "style", "filled");
                set_attr(n, "fillcolor", fills.empty() ? style.page_background.hex() : fills.front().hex());
            }
            node_role[name] = r;
            out.roles_.push_back(std::move(placed));
        }
    }

    // Rows: each row is one rank; invisible edges stack the rows in order, level after level.
    struct Row {
        Agraph_t* band;
        Agraph_t* same;
    };
    std::vector<Row> all_rows;
    std::map<std::string, std::size_t> global_row;
    std::vector<std::string> row_heads;
    for (std::size_t li = 0; li < rows.size(); ++li) {
        std::string cname = "cluster_" + pg.levels[li]->id;
        Agraph_t* band = agsubg(g, cname.data(), 0);
        for (std::size_t ri = 0; ri < rows[li].size(); ++ri) {
            std::string sname = "rank_" + std::to_string(li) + "_" + std::to_string(ri);
            Agraph_t* same = agsubg(g, sname.data(), 1);
            set_attr(same, "rank", "same");
            for (const auto& name : rows[li][ri]) {
                agsubnode(same, node_ptr[name], 1);
                global_row[name] = all_rows.size();
            }
            row_heads.push_back(rows[li][ri].front());
            all_rows.push_back({band, same});
        }
    }
    for (std::size_t i = 1; i < row_heads.size(); ++i) {
        Agedge_t* e = agedge(g, node_ptr[row_heads[i - 1]], node_ptr[row_heads[i]], nullptr, 1);
        set_attr(e, "style", "invis");
        set_attr(e, "weight", "0");
    }

    // Links. A link that spans several rows is a chain of one-row segments through invisible
    // waypoints placed in each row it crosses, inside that row's band: so it runs straight through
    // the bands between its ends instead of detouring round them, and dot orders the waypoints to
    // keep crossings down. A link drawn downwards is built upwards with its arrow at the start.
    std::size_t waypoint_count = 0;
    auto add_link = [&](const std::string& kind, const std::string& tail, const std::string& head, const Role* from,
                        const Role* to, const LinkLook& look, bool arrow) {
        PlacedLink pl;
        pl.kind = kind;
        pl.tail = tail;
        pl.head = head;
        pl.from = from;
        pl.to = to;
        std::size_t rt = global_row.count(tail) ? global_row[tail] : 0;
        std::size_t rh = global_row.count(head) ? global_row[head] : rt + 1;
        bool reversed = rh < rt;
        std::string low = reversed ? head : tail, high = reversed ? tail : head;
        std::size_t r0 = std::min(rt, rh), r1 = std::max(rt, rh);
        std::vector<std::string> chain{low};
        for (std::size_t r = r0 + 1; r < r1; ++r) {
            std::string w = "wp" + std::to_string(waypoint_count++);
            Agnode_t* n = agnode(all_rows[r].band, w.data(), 1);
            agsubnode(all_rows[r].same, n, 1);
            set_attr(n, "shape", "point");
            set_attr(n, "style", "invis");
            set_attr(n, "width", "0.01");
            set_attr(n, "height", "0.01");
            set_attr(n, "label", "");
            node_ptr[w] = n;
            chain.push_back(w);
        }
        chain.push_back(high);
        std::vector<Agedge_t*> segments;
        for (std::size_t i = 1; i < chain.size(); ++i) {
            Agedge_t* e = agedge(g, node_ptr[chain[i - 1]], node_ptr[chain[i]], nullptr, 1);
            style_edge(e, look, r0 != r1);
            set_attr(e, "class", kind);
            bool last = reversed ? i == 1 : i + 1 == chain.size();
            set_attr(e, "dir", !arrow || !last ? "none" : reversed ? "back" : "forward");
            segments.push_back(e);
        }
        set_attr(segments.front(), "id", "link-" + tail + "-" + head);
        out.links_.push_back(std::move(pl));
        out.chains_.push_back({segments, reversed});
    };
    for (const auto& l : pg.links) {
        std::string tail = tail_node(l.from, l.to), head = head_node(l.to);
        const char* kind = l.kind == LinkKind::Up ? "up" : l.kind == LinkKind::Within ? "within-level" : "down";
        const LinkLook& look = l.kind == LinkKind::Up ? style.up : l.kind == LinkKind::Within ? style.within : style.down;
        add_link(kind, tail, head, l.from, l.to, look, true);
    }
    for (const Role* r : pg.roles) {
        const auto& ns = nodes_of[r];
        for (std::size_t i = 1; i < ns.size(); ++i) add_link("same-role", ns[i - 1], ns[i], r, r, style.same_role, false);
    }

    // Transfer markers: one per destination outside the view, outside every band, in the row of
    // the first role that leads to it: dot puts them beside the band, at the edge of the drawing.
    std::map<const Role*, std::string> marker_of;
    for (const auto& t : pg.transfers) {
        if (marker_of.count(t.to)) continue;
        std::string name = "transfer-" + t.to->id;
        marker_of[t.to] = name;
        Agnode_t* n = agnode(g, name.data(), 1);
        node_ptr[name] = n;
        std::size_t row = global_row[nodes_of[t.from].back()];
        agsubnode(all_rows[row].same, n, 1);
        global_row[name] = row;
        PlacedTransfer pt;
        pt.to = t.to;
        pt.node = name;
        pt.lines = wrap_words(t.to->name, kWrap);
        std::string where;
        for (const auto& s : t.to->settings) {
            const Setting* st = c.setting(s);
            where += (where.empty() ? "" : ", ") + (st ? st->name : s);
        }
        std::vector<std::string> label = pt.lines;
        label.front() = "\xE2\x86\x92 " + label.front();  // "→ Name", the legend explains the arrow
        for (const auto& w : wrap_words("(" + where + ")", kWrap + 4)) label.push_back(w);
        set_attr(n, "label", join_lines(label));
        set_attr(n, "shape", "box");
        set_attr(n, "style", "dashed,rounded");
        set_attr(n, "id", name);
        set_attr(n, "color", style.transfer.colour.hex());
        set_attr(n, "fontcolor", style.text_colour.hex());
        set_attr(n, "fontname", style.font);
        set_attr(n, "fontsize", fmt(style.role_size));
        set_attr(n, "penwidth", fmt(style.transfer.width));
        set_attr(n, "margin", "0.10,0.05");
        out.transfers_.push_back(std::move(pt));
    }
    for (const auto& t : pg.transfers) {
        std::string tail = nodes_of[t.from].back();
        add_link("transfer", tail, marker_of[t.to], t.from, t.to, style.transfer, true);
    }

    layout_dot(g);
    out.join_chains();

    // Read the geometry back, converting to top-left origin.
    boxf bb = GD_bb(g);
    out.pad_ = kPad;
    out.width_ = bb.UR.x - bb.LL.x + 2 * kPad;
    out.height_ = bb.UR.y - bb.LL.y + 2 * kPad;
    auto conv = [&](pointf p) { return Point{p.x - bb.LL.x + kPad, bb.UR.y - p.y + kPad}; };
    auto node_box = [&](Agnode_t* n) {
        Point c0 = conv(ND_coord(n));
        double w = ND_width(n) * 72, h = ND_height(n) * 72;
        return Box{c0.x - w / 2, c0.y - h / 2, w, h};
    };
    for (auto& pr : out.roles_) pr.box = node_box(node_ptr[pr.node]);
    for (auto& pt : out.transfers_) pt.box = node_box(node_ptr[pt.node]);
    for (std::size_t li = 0; li < pg.levels.size(); ++li) {
        std::string cname = "cluster_" + pg.levels[li]->id;
        Agraph_t* band = agsubg(g, cname.data(), 0);
        boxf b = GD_bb(band);
        Point tl = conv({b.LL.x, b.UR.y});
        out.bands_.push_back({pg.levels[li], Box{tl.x, tl.y, b.UR.x - b.LL.x, b.UR.y - b.LL.y}});
    }
    for (std::size_t i = 0; i < out.links_.size(); ++i) {
        PlacedLink& pl = out.links_[i];
        const auto& [segments, reversed] = out.chains_[i];
        // Join the segments' curves into one, from the link's tail to its head.
        std::vector<std::vector<Point>> parts;
        for (Agedge_t* e : segments) {
            if (!ED_spl(e)) continue;
            const bezier& bz = ED_spl(e)->list[0];
            std::vector<Point> part;
            for (int k = 0; k < bz.size; ++k) part.push_back(conv(bz.list[k]));
            // The arrowhead: Graphviz leaves a gap between the curve's end and the tip.
            bool has_tip = reversed ? bz.sflag : bz.eflag;
            if (has_tip && !part.empty()) {
                Point tip = conv(reversed ? bz.sp : bz.ep), base = reversed ? part.front() : part.back();
                double nx = -(tip.y - base.y) * 0.35, ny = (tip.x - base.x) * 0.35;
                pl.arrow = {tip, {base.x + nx, base.y + ny}, {base.x - nx, base.y - ny}};
            }
            parts.push_back(std::move(part));
        }
        if (reversed) {
            std::reverse(parts.begin(), parts.end());
            for (auto& part : parts) std::reverse(part.begin(), part.end());
        }
        for (const auto& part : parts) {
            // Consecutive segments meet at a waypoint (join_chains): one shared point; should a
            // gap remain, a straight cubic piece bridges it.
            if (!pl.bezier.empty() && !part.empty()) {
                Point a0 = pl.bezier.back(), b0 = part.front();
                if (std::hypot(b0.x - a0.x, b0.y - a0.y) > 0.01) {
                    pl.bezier.push_back({a0.x + (b0.x - a0.x) / 3, a0.y + (b0.y - a0.y) / 3});
                    pl.bezier.push_back({a0.x + 2 * (b0.x - a0.x) / 3, a0.y + 2 * (b0.y - a0.y) / 3});
                    pl.bezier.push_back(b0);
                }
                pl.bezier.insert(pl.bezier.end(), part.begin() + 1, part.end());
            } else {
                pl.bezier.insert(pl.bezier.end(), part.begin(), part.end());
            }
        }
    }
    out.choice_.crossings = out.count_crossings();
    out.choice_.width = out.width_;
    out.choice_.height = out.height_;
    return out;
}

void Layout::join_chains() const {
    // The end of `bz` nearer `at`, moved there with its neighbouring control point (same tangent).
    struct End {
        pointf* control;  // the control point next to the end
        pointf far;       // the other end of that cubic piece
    };
    auto move_end = [](bezier& bz, pointf at) {
        auto d2 = [&](const pointf& p) { return (p.x - at.x) * (p.x - at.x) + (p.y - at.y) * (p.y - at.y); };
        bool first = d2(bz.list[0]) <= d2(bz.list[bz.size - 1]);
        pointf& end = first ? bz.list[0] : bz.list[bz.size - 1];
        pointf& control = first ? bz.list[1] : bz.list[bz.size - 2];
        control.x += at.x - end.x;
        control.y += at.y - end.y;
        end = at;
        return End{&control, first ? bz.list[3] : bz.list[bz.size - 4]};
    };
    auto usable = [](Agedge_t* e) { return ED_spl(e) && ED_spl(e)->size >= 1 && ED_spl(e)->list[0].size >= 4; };
    for (const auto& [segments, reversed] : chains_)
        for (std::size_t i = 1; i < segments.size(); ++i) {
            Agedge_t *before = segments[i - 1], *after = segments[i];
            if (!usable(before) || !usable(after)) continue;
            pointf w = ND_coord(agtail(after));  // the waypoint the two segments share
            End a = move_end(ED_spl(before)->list[0], w), b = move_end(ED_spl(after)->list[0], w);
            // One tangent through the waypoint, halfway between the two pieces' own, so the line
            // bends smoothly there; each handle keeps its length (at least a sixth of its piece).
            auto unit = [](pointf from, pointf to, pointf fallback_from, pointf fallback_to) {
                double x = to.x - from.x, y = to.y - from.y, l = std::hypot(x, y);
                if (l < 1e-6) {
                    x = fallback_to.x - fallback_from.x;
                    y = fallback_to.y - fallback_from.y;
                    l = std::hypot(x, y);
                }
                return l < 1e-9 ? pointf{0, 0} : pointf{x / l, y / l};
            };
            pointf ta = unit(*a.control, w, a.far, w), tb = unit(w, *b.control, w, b.far);
            double dx = ta.x + tb.x, dy = ta.y + tb.y, len = std::hypot(dx, dy);
            if (len < 1e-9) continue;  // a hairpin: leave it
            auto handle = [&](const End& end) {
                return std::max(std::hypot(end.control->x - w.x, end.control->y - w.y),
                                std::hypot(end.far.x - w.x, end.far.y - w.y) / 6);
            };
            double la = handle(a), lb = handle(b);
            *a.control = {w.x - dx / len * la, w.y - dy / len * la};
            *b.control = {w.x + dx / len * lb, w.y + dy / len * lb};
        }
}

std::vector<LayoutChoice> Layout::explore(const PathwayGraph& graph, const Style& style) {
    // dot's crossing minimisation is a heuristic whose result swings with its effort setting
    // (mclimit) and with the shape asked of it, so lay out a small grid of shapes once; the page
    // then picks the one that suits its drawing area.
    // A rows setting whose plan is the same as a smaller one's (small bands, or bands whose
    // within-level chains already need more rows) would give the same layouts: skipped.
    std::vector<LayoutChoice> tried;
    for (bool ltr : {false, true}) {
        std::vector<std::vector<std::vector<std::vector<std::string>>>> plans;
        for (int rows : {1, 2, 3, 4}) {
            if (ltr && rows > 2) continue;
            auto plan = plan_rows(graph, rows).rows;
            if (std::find(plans.begin(), plans.end(), plan) != plans.end()) continue;
            plans.push_back(std::move(plan));
            for (double effort : {1.0, 4.0, 10.0, 30.0}) {
                Layout l = make(graph, style, ltr, rows, effort);
                tried.push_back(l.choice_);
                if (std::getenv("PATHWAYS_DEBUG_LAYOUT"))
                    std::fprintf(stderr, "layout %s rows=%d effort=%g: %.0fx%.0f crossings=%zu\n", ltr ? "LR" : "BT",
                                 rows, effort, l.width(), l.height(), l.choice_.crossings);
            }
        }
    }
    return tried;
}

LayoutChoice Layout::pick(const std::vector<LayoutChoice>& shapes, double area_width, double area_height,
                          double min_scale, double max_scale) {
    std::vector<LayoutChoice> scored = shapes;
    double best_scale = 0;
    for (auto& c : scored) {
        c.scale = std::min({area_width / c.width, area_height / c.height, max_scale});
        c.fill = c.width * c.height * c.scale * c.scale / (area_width * area_height);
        best_scale = std::max(best_scale, c.scale);
    }
    // The shapes that print at least `min_scale` (legible) and fill at least 70% of the area;
    // failing that, those that print nearly as large as the largest (within 90%). Of these, the one
    // with fewest crossings.
    auto legible = [&](const LayoutChoice& c) { return c.scale >= min_scale && c.fill >= 0.7; };
    bool any_legible = std::any_of(scored.begin(), scored.end(), legible);
    auto eligible = [&](const LayoutChoice& c) {
        return any_legible ? legible(c) : c.scale >= 0.9 * best_scale;
    };
    const LayoutChoice* best = nullptr;
    for (const auto& c : scored)
        if (eligible(c) &&
            (!best || c.crossings < best->crossings || (c.crossings == best->crossings && c.scale > best->scale)))
            best = &c;
    if (!best)  // no room at all (every scale 0 or less): the caller refuses such a page
        best = &*std::max_element(scored.begin(), scored.end(),
                                  [](const LayoutChoice& a, const LayoutChoice& b) { return a.scale < b.scale; });
    return *best;
}

Layout Layout::make(const PathwayGraph& graph, const Style& style, const LayoutChoice& choice) {
    Layout l = make(graph, style, choice.left_to_right, choice.rows_per_level, choice.effort);
    l.choice_.fill = choice.fill;
    return l;
}

Layout Layout::make(const PathwayGraph& graph, const Style& style, double area_width, double area_height) {
    return make(graph, style, pick(explore(graph, style), area_width, area_height, 0));
}

void Layout::draw(cairo_t* cr) const {
    // Graphviz's cairo renderer needs a device; its PNG device draws onto our context and then
    // writes a PNG of the context's target. So draw into a small bounded recording surface at a
    // reduced scale (the PNG it writes is tiny and goes to /dev/null), then replay that
    // recording, scaled back up, onto the real page: vectors and text stay vectors and text.
    constexpr double kShrink = 1.0 / 16;
    cairo_rectangle_t extents{0, 0, std::ceil(width_ * kShrink) + 1, std::ceil(height_ * kShrink) + 1};
    cairo_surface_t* rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
    cairo_t* rc = cairo_create(rec);
    cairo_font_options_t* fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_set_font_options(rc, fo);
    cairo_font_options_destroy(fo);
    cairo_scale(rc, kShrink, kShrink);
    ensure_laid_out_last(graph_.get());
    join_chains();  // again, in case that laid it out anew
    GVC_t* gvc = graphviz_context();
    std::fflush(stdout);
    gvjobs_output_filename(gvc, "/dev/null");
    gvRenderContext(gvc, graph_.get(), "png:cairo", rc);
    cairo_destroy(rc);

    cairo_save(cr);
    cairo_scale(cr, 1 / kShrink, 1 / kShrink);
    cairo_set_source_surface(cr, rec, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(rec);
}

namespace {

std::vector<Point> flatten(const std::vector<Point>& bz, int steps = 12) {
    std::vector<Point> pts;
    if (bz.empty()) return pts;
    pts.push_back(bz[0]);
    for (std::size_t i = 0; i + 3 < bz.size(); i += 3) {
        for (int s = 1; s <= steps; ++s) {
            double t = static_cast<double>(s) / steps, u = 1 - t;
            double a = u * u * u, b = 3 * u * u * t, cc = 3 * u * t * t, d = t * t * t;
            pts.push_back({a * bz[i].x + b * bz[i + 1].x + cc * bz[i + 2].x + d * bz[i + 3].x,
                           a * bz[i].y + b * bz[i + 1].y + cc * bz[i + 2].y + d * bz[i + 3].y});
        }
    }
    return pts;
}

bool segments_cross(Point a, Point b, Point c, Point d) {
    auto cross = [](Point o, Point p, Point q) { return (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x); };
    double d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

}  // namespace

std::size_t Layout::count_crossings() const {
    std::vector<std::vector<Point>> curves;
    std::vector<Box> bounds;
    for (const auto& l : links_) {
        curves.push_back(flatten(l.bezier));
        double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
        for (const auto& p : curves.back()) {
            x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
        }
        bounds.push_back({x0, y0, x1 - x0, y1 - y0});
    }
    auto overlap = [](const Box& a, const Box& b) {
        return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
    };
    std::size_t total = 0;
    for (std::size_t i = 0; i < links_.size(); ++i) {
        for (std::size_t j = i + 1; j < links_.size(); ++j) {
            const auto &a = links_[i], &b = links_[j];
            if (a.tail == b.tail || a.tail == b.head || a.head == b.tail || a.head == b.head) continue;
            if (!overlap(bounds[i], bounds[j])) continue;
            const auto &p = curves[i], &q = curves[j];
            for (std::size_t s = 0; s + 1 < p.size(); ++s) {
                Box sb{std::min(p[s].x, p[s + 1].x), std::min(p[s].y, p[s + 1].y), std::abs(p[s + 1].x - p[s].x),
                       std::abs(p[s + 1].y - p[s].y)};
                if (!overlap(sb, bounds[j])) continue;
                for (std::size_t t = 0; t + 1 < q.size(); ++t)
                    if (segments_cross(p[s], p[s + 1], q[t], q[t + 1])) ++total;
            }
        }
    }
    return total;
}

std::vector<std::string> Layout::links_through_boxes() const {
    std::vector<std::string> bad;
    for (const auto& l : links_) {
        auto pts = flatten(l.bezier, 24);
        for (const auto& r : roles_) {
            if (r.node == l.tail || r.node == l.head) continue;
            if (std::any_of(pts.begin(), pts.end(), [&](Point p) { return r.box.contains(p, 1.0); })) {
                bad.push_back(l.tail + " -> " + l.head + " through " + r.node);
                break;
            }
        }
    }
    return bad;
}

}  // namespace pathways
