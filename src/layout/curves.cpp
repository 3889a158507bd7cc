// The geometry of a finished layout: joining the pieces of links drawn through waypoints, and
// measuring the drawing (crossings, links through boxes, how the pieces join).
#include <algorithm>
#include <cmath>

#include "graphviz.hpp"
#include "pathways/layout.hpp"

namespace pathways {

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

Layout::ChainJoins Layout::chain_joins() const {
    ChainJoins joins;
    Agraph_t* g = graph_.get();
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        if (std::string(agnameof(n)).rfind("wp", 0) != 0) continue;
        ++joins.waypoints;
        pointf at = ND_coord(n);
        for (Agedge_t* e = agfstedge(g, n); e; e = agnxtedge(g, e, n)) {
            if (!ED_spl(e)) continue;
            const bezier& bz = ED_spl(e)->list[0];
            auto d = [&](const pointf& q) { return std::hypot(q.x - at.x, q.y - at.y); };
            joins.widest_gap = std::max(joins.widest_gap, std::min(d(bz.list[0]), d(bz.list[bz.size - 1])));
            ++joins.ends;
        }
    }
    return joins;
}

}  // namespace pathways
