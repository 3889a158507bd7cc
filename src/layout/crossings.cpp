// Counting crossings between drawn links robustly: segments meet within a small tolerance, the
// places where two polylines meet are grouped, and each place counts once if one curve passes from
// one side of the other to the other side there.
#include "pathways/crossings.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <unordered_map>

namespace pathways {

namespace {

constexpr double kTouch = 1e-6;  // points closer than this meet
constexpr double kCell = 24;     // grid cell size in points

double orient(Point o, Point p, Point q) { return (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x); }

/// The point of segment ab nearest p.
Point nearest_on(Point p, Point a, Point b) {
    double dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy;
    double t = l2 < 1e-18 ? 0 : std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / l2, 0.0, 1.0);
    return {a.x + t * dx, a.y + t * dy};
}

double dist(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

/// Whether the boxes around segments ab and cd, grown by kTouch, overlap: segments whose boxes
/// are apart cannot meet (#10: most pairs sharing a grid cell are settled by this alone).
bool boxes_meet(Point a, Point b, Point c, Point d) {
    return std::max(std::min(a.x, b.x), std::min(c.x, d.x)) <= std::min(std::max(a.x, b.x), std::max(c.x, d.x)) + kTouch &&
           std::max(std::min(a.y, b.y), std::min(c.y, d.y)) <= std::min(std::max(a.y, b.y), std::max(c.y, d.y)) + kTouch;
}

/// Where segments ab and cd meet (within kTouch), if they do.
bool contact(Point a, Point b, Point c, Point d, Point& at) {
    if (!boxes_meet(a, b, c, d)) return false;
    double d1 = orient(c, d, a), d2 = orient(c, d, b), d3 = orient(a, b, c), d4 = orient(a, b, d);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
        double t = d1 / (d1 - d2);
        at = {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
        return true;
    }
    std::array<std::pair<Point, Point>, 4> near{{{a, nearest_on(a, c, d)},
                                                 {b, nearest_on(b, c, d)},
                                                 {c, nearest_on(c, a, b)},
                                                 {d, nearest_on(d, a, b)}}};
    auto best = std::min_element(near.begin(), near.end(), [](const auto& x, const auto& y) {
        return dist(x.first, x.second) < dist(y.first, y.second);
    });
    if (dist(best->first, best->second) > kTouch) return false;
    at = {(best->first.x + best->second.x) / 2, (best->first.y + best->second.y) / 2};
    return true;
}

/// Two segments (curve p's segment s, curve q's segment t) that meet, and where.
struct Contact {
    std::size_t s, t;
    Point at;
};

/// The first vertex of `pts` going from `from` by `step` that is clear of `c`; false when the
/// polyline ends inside the meeting place.
bool ray_point(const std::vector<Point>& pts, long from, long step, Point c, Point& out) {
    for (long i = from; i >= 0 && i < static_cast<long>(pts.size()); i += step)
        if (dist(pts[static_cast<std::size_t>(i)], c) > 1e-4) {
            out = pts[static_cast<std::size_t>(i)];
            return true;
        }
    return false;
}

/// Whether curve q crosses curve p at one meeting place (a group of contacts): p's and q's ways
/// in and out, seen from the meeting point, alternate around it.
bool crosses_at(const std::vector<Point>& p, const std::vector<Point>& q, const std::vector<Contact>& group) {
    std::size_t s0 = group[0].s, s1 = s0, t0 = group[0].t, t1 = t0;
    Point c{0, 0};
    for (const auto& k : group) {
        s0 = std::min(s0, k.s), s1 = std::max(s1, k.s), t0 = std::min(t0, k.t), t1 = std::max(t1, k.t);
        c.x += k.at.x / static_cast<double>(group.size());
        c.y += k.at.y / static_cast<double>(group.size());
    }
    std::array<Point, 4> rays;
    if (!ray_point(p, static_cast<long>(s0), -1, c, rays[0]) || !ray_point(p, static_cast<long>(s1) + 1, 1, c, rays[1]) ||
        !ray_point(q, static_cast<long>(t0), -1, c, rays[2]) || !ray_point(q, static_cast<long>(t1) + 1, 1, c, rays[3]))
        return false;  // a curve ends where they meet: touching, not crossing
    std::array<int, 4> order{0, 1, 2, 3};
    std::array<double, 4> angle;
    for (int i = 0; i < 4; ++i) angle[i] = std::atan2(rays[i].y - c.y, rays[i].x - c.x);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return angle[a] < angle[b]; });
    auto curve = [](int i) { return i / 2; };
    for (int i = 0; i < 4; ++i)
        if (curve(order[i]) == curve(order[(i + 1) % 4])) return false;
    return true;
}

/// The meeting places of two curves: contacts whose segments are neighbours on both curves
/// (a shared vertex, a stretch run together) form one place.
std::vector<std::vector<Contact>> meeting_places(std::vector<Contact> cs) {
    std::sort(cs.begin(), cs.end(), [](const Contact& a, const Contact& b) { return std::pair(a.s, a.t) < std::pair(b.s, b.t); });
    std::vector<std::size_t> parent(cs.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    };
    auto near = [](std::size_t a, std::size_t b) { return (a > b ? a - b : b - a) <= 1; };
    for (std::size_t i = 0; i < cs.size(); ++i)
        for (std::size_t j = i + 1; j < cs.size(); ++j)
            if (near(cs[i].s, cs[j].s) && near(cs[i].t, cs[j].t)) parent[find(i)] = find(j);
    std::map<std::size_t, std::vector<Contact>> groups;
    for (std::size_t i = 0; i < cs.size(); ++i) groups[find(i)].push_back(cs[i]);
    std::vector<std::vector<Contact>> out;
    for (auto& [root, g] : groups) out.push_back(std::move(g));
    return out;
}

/// A segment in the grid: its curve and index.
struct SegRef {
    std::uint32_t curve, seg;
};

using CellKey = std::int64_t;
CellKey cell_key(long x, long y) { return (static_cast<std::int64_t>(x) << 32) ^ static_cast<std::uint32_t>(y); }

struct CellRange {
    long x0, y0, x1, y1;
};

CellRange cells_of(Point a, Point b) {
    auto cell = [](double v) { return static_cast<long>(std::floor(v / kCell)); };
    return {cell(std::min(a.x, b.x) - kTouch), cell(std::min(a.y, b.y) - kTouch), cell(std::max(a.x, b.x) + kTouch),
            cell(std::max(a.y, b.y) + kTouch)};
}

}  // namespace

std::size_t count_curve_crossings(const std::vector<CrossingCurve>& curves) {
    std::map<std::string, int> ids;
    auto id = [&](const std::string& n) { return ids.emplace(n, static_cast<int>(ids.size())).first->second; };
    std::vector<std::array<int, 2>> ends;
    for (const auto& c : curves) ends.push_back({id(c.tail), id(c.head)});
    auto share_end = [&](std::size_t i, std::size_t j) {
        return ends[i][0] == ends[j][0] || ends[i][0] == ends[j][1] || ends[i][1] == ends[j][0] ||
               ends[i][1] == ends[j][1];
    };
    std::unordered_map<CellKey, std::vector<SegRef>> grid;
    for (std::uint32_t i = 0; i < curves.size(); ++i) {
        const auto& pts = curves[i].points;
        for (std::uint32_t s = 0; s + 1 < pts.size(); ++s) {
            CellRange r = cells_of(pts[s], pts[s + 1]);
            for (long x = r.x0; x <= r.x1; ++x)
                for (long y = r.y0; y <= r.y1; ++y) grid[cell_key(x, y)].push_back({i, s});
        }
    }
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<Contact>> contacts;
    for (const auto& [key, refs] : grid) {
        for (std::size_t a = 0; a < refs.size(); ++a)
            for (std::size_t b = a + 1; b < refs.size(); ++b) {
                SegRef u = refs[a], v = refs[b];
                if (u.curve == v.curve || share_end(u.curve, v.curve)) continue;
                if (u.curve > v.curve) std::swap(u, v);
                const auto &p = curves[u.curve].points, &q = curves[v.curve].points;
                // Each pair is tested in the first cell both segments' ranges share only.
                CellRange ru = cells_of(p[u.seg], p[u.seg + 1]), rv = cells_of(q[v.seg], q[v.seg + 1]);
                if (cell_key(std::max(ru.x0, rv.x0), std::max(ru.y0, rv.y0)) != key) continue;
                Point at;
                if (contact(p[u.seg], p[u.seg + 1], q[v.seg], q[v.seg + 1], at))
                    contacts[{u.curve, v.curve}].push_back({u.seg, v.seg, at});
            }
    }
    std::size_t total = 0;
    for (auto& [pair, cs] : contacts)
        for (const auto& place : meeting_places(std::move(cs)))
            if (crosses_at(curves[pair.first].points, curves[pair.second].points, place)) ++total;
    return total;
}

}  // namespace pathways
