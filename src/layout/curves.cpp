// The geometry of a finished layout: joining the pieces of links drawn through waypoints, and
// measuring the drawing (crossings, links through boxes, how the pieces join).
#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>
#include <string>

#include "graphviz.hpp"
#include "pathways/crossings.hpp"
#include "pathways/layout.hpp"
#include "routes.hpp"

namespace pathways {

void Layout::join_chains() const {
    if (!choice_.framework) {  // a pathway layout: our own routes between rows (routes.hpp)
        std::set<std::string> markers;
        for (const auto& t : transfers_) markers.insert(t.node);
        route_between_ranks(graph_.get(), choice_.left_to_right, markers);
        return;
    }
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

}  // namespace

std::size_t Layout::count_crossings() const {
    std::vector<CrossingCurve> curves;
    for (const auto& l : links_) curves.push_back({flatten(l.bezier), l.tail, l.head});
    return count_curve_crossings(curves);
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

Layout::ChainJoins Layout::chain_joins() const {
    ChainJoins joins;
    Agraph_t* g = graph_.get();
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        if (std::string(agnameof(n)).rfind("wp", 0) != 0) continue;
        ++joins.waypoints;
        pointf at = ND_coord(n);
        for (Agedge_t* e = agfstedge(g, n); e; e = agnxtedge(g, e, n)) {
            const char* style = agget(e, const_cast<char*>("style"));
            if (!ED_spl(e) || (style && std::strstr(style, "invis"))) continue;  // our ordering pass's edges
            const bezier& bz = ED_spl(e)->list[0];
            auto d = [&](const pointf& q) { return std::hypot(q.x - at.x, q.y - at.y); };
            joins.widest_gap = std::max(joins.widest_gap, std::min(d(bz.list[0]), d(bz.list[bz.size - 1])));
            ++joins.ends;
        }
    }
    return joins;
}

}  // namespace pathways
