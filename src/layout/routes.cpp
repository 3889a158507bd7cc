// Our own routing of the links between adjacent rows (see routes.hpp): ports spread along the box
// sides, straight stubs through the rows, one S-shaped cubic piece per gap.
#include "routes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace pathways {

namespace {

constexpr double kArrowLength = 11;  // Graphviz's arrow length (10) times our arrowsize (1.1)
constexpr double kPortSpread = 0.6;  // share of a box side its ports spread over
constexpr double kPortGap = 14;      // the least room between two ports, in points

/// The drawing's axes: "along" runs from rank to rank (up the page, or to the right), "across"
/// along a rank.
struct Axes {
    bool ltr;
    double along(pointf p) const { return ltr ? p.x : p.y; }
    double across(pointf p) const { return ltr ? p.y : p.x; }
    pointf at(double along_at, double across_at) const { return ltr ? pointf{along_at, across_at} : pointf{across_at, along_at}; }
    double size_across(Agnode_t* n) const { return (ltr ? ND_height(n) : ND_width(n)) * 72; }
    /// Half a box's size along the ranks; 0 for a waypoint, whose pieces meet at its centre.
    double half_along(Agnode_t* n) const { return size_across(n) < 2 ? 0 : (ltr ? ND_width(n) : ND_height(n)) * 36; }
};

bool drawn(Agedge_t* e) {
    const char* style = agget(e, const_cast<char*>("style"));
    return ED_spl(e) && ED_spl(e)->size >= 1 && !(style && std::strstr(style, "invis"));
}

/// An edge between adjacent ranks, seen from its lower and its higher end.
struct Step {
    Agedge_t* e;
    Agnode_t *lo, *hi;
};

/// Where each step leaves its lower box and enters its higher one, across the rank: the steps on
/// one side of a box share that side in the order of their other ends (a point has one port).
std::map<std::pair<Agedge_t*, bool>, double> spread_ports(const std::vector<Step>& steps, const Axes& ax,
                                                          const std::set<std::string>& one_port) {
    std::map<std::pair<Agnode_t*, bool>, std::vector<std::tuple<double, std::size_t, Agedge_t*>>> sides;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const Step& s = steps[i];
        sides[{s.lo, true}].emplace_back(ax.across(ND_coord(s.hi)), i, s.e);
        sides[{s.hi, false}].emplace_back(ax.across(ND_coord(s.lo)), i, s.e);
    }
    std::map<std::pair<Agedge_t*, bool>, double> port;  // (edge, at its lower end) -> across
    for (auto& [side, list] : sides) {
        std::sort(list.begin(), list.end());
        double centre = ax.across(ND_coord(side.first)), span = kPortSpread * ax.size_across(side.first);
        // Ports at least kPortGap apart: more links than that share ports, neighbours merging
        // into one arrowhead, rather than a comb of them.
        // A transfer marker's links all meet at one port: one arrowhead says "leads out of here".
        bool merge = one_port.count(agnameof(side.first)) > 0;
        std::size_t ports = merge ? 1 : std::min(list.size(), static_cast<std::size_t>(span / kPortGap) + 1);
        for (std::size_t k = 0; k < list.size(); ++k) {
            std::size_t at = k * ports / list.size();
            double share = (static_cast<double>(at) + 0.5) / static_cast<double>(ports) - 0.5;
            port[{std::get<2>(list[k]), side.second}] = span < 2 ? centre : centre + span * share;
        }
    }
    return port;
}

/// Appends a cubic piece to `pts` (which ends at its start).
void cubic(std::vector<pointf>& pts, pointf c1, pointf c2, pointf to) {
    pts.push_back(c1);
    pts.push_back(c2);
    pts.push_back(to);
}

void straight(std::vector<pointf>& pts, pointf to) {
    pointf from = pts.back();
    if (std::hypot(to.x - from.x, to.y - from.y) < 0.5) return;
    cubic(pts, {from.x + (to.x - from.x) / 3, from.y + (to.y - from.y) / 3},
          {from.x + 2 * (to.x - from.x) / 3, from.y + 2 * (to.y - from.y) / 3}, to);
}

/// Replaces an edge's curve by `pts` (tail to head), keeping its arrow flags; the arrow tips at
/// the given points.
void set_curve(Agedge_t* e, std::vector<pointf> pts, pointf tail_tip, pointf head_tip) {
    splines* spl = ED_spl(e);
    for (int i = 1; i < spl->size; ++i) std::free(spl->list[i].list);
    spl->size = 1;
    bezier& bz = spl->list[0];
    bz.list = static_cast<pointf*>(std::realloc(bz.list, pts.size() * sizeof(pointf)));
    std::copy(pts.begin(), pts.end(), bz.list);
    bz.size = static_cast<int>(pts.size());
    if (bz.sflag) bz.sp = tail_tip;
    if (bz.eflag) bz.ep = head_tip;
    boxf bb{pts.front(), pts.front()};
    for (pointf p : pts) {
        bb.LL.x = std::min(bb.LL.x, p.x), bb.LL.y = std::min(bb.LL.y, p.y);
        bb.UR.x = std::max(bb.UR.x, p.x), bb.UR.y = std::max(bb.UR.y, p.y);
    }
    spl->bb = bb;
}

using Ranks = std::map<int, std::pair<double, double>>;  // rank -> (centre along, largest half height)

/// One step's curve: stub, S-piece across its gap (less the gap's arrow margins), stub.
void route_step(const Step& s, const Axes& ax, Ranks& rank, std::map<std::pair<Agedge_t*, bool>, double>& port,
                std::map<std::pair<int, bool>, double>& margin) {
    auto [c0, h0] = rank[ND_rank(s.lo)];
    auto [c1, h1] = rank[ND_rank(s.hi)];
    double dir = c1 > c0 ? 1 : -1;
    double y0 = c0 + dir * (h0 + margin[{ND_rank(s.lo), false}]);  // the gap between the two ranks
    double y1 = c1 - dir * (h1 + margin[{ND_rank(s.lo), true}]);
    double p0 = port[{s.e, true}], p1 = port[{s.e, false}];
    double start = ax.along(ND_coord(s.lo)) + dir * ax.half_along(s.lo);
    double end = ax.along(ND_coord(s.hi)) - dir * ax.half_along(s.hi);
    bool tail_low = agtail(s.e) == s.lo;
    const bezier& bz = ED_spl(s.e)->list[0];
    bool arrow_lo = tail_low ? bz.sflag : bz.eflag, arrow_hi = tail_low ? bz.eflag : bz.sflag;
    pointf tip_lo = ax.at(start, p0), tip_hi = ax.at(end, p1);
    if (arrow_lo) start += dir * kArrowLength;  // the arrowhead takes the last stretch of the stub
    if (arrow_hi) end -= dir * kArrowLength;
    std::vector<pointf> pts{ax.at(start, p0)};
    straight(pts, ax.at(y0, p0));
    double mid = (y0 + y1) / 2;
    cubic(pts, ax.at(mid, p0), ax.at(mid, p1), ax.at(y1, p1));
    straight(pts, ax.at(end, p1));
    if (!tail_low) std::reverse(pts.begin(), pts.end());
    set_curve(s.e, pts, tail_low ? tip_lo : tip_hi, tail_low ? tip_hi : tip_lo);
}

}  // namespace

void route_between_ranks(Agraph_t* g, bool left_to_right, const std::set<std::string>& one_port) {
    const Axes ax{left_to_right};
    Ranks rank;
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        auto [it, fresh] = rank.emplace(ND_rank(n), std::pair{ax.along(ND_coord(n)), 0.0});
        it->second.second = std::max(it->second.second, ax.half_along(n));
    }
    std::vector<Step> steps;
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n))
        for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
            if (!drawn(e)) continue;
            Agnode_t *lo = agtail(e), *hi = aghead(e);
            if (ND_rank(lo) > ND_rank(hi)) std::swap(lo, hi);
            if (ND_rank(hi) - ND_rank(lo) == 1) steps.push_back({e, lo, hi});
        }
    auto port = spread_ports(steps, ax, one_port);
    // Each gap's pieces span the same height; an arrowhead whose box leaves it too short a stub
    // takes the end of that gap, for every piece in it (so they still span the same height).
    std::map<std::pair<int, bool>, double> margin;  // (lower rank, at its higher end) -> length
    for (const Step& s : steps) {
        bool tail_low = agtail(s.e) == s.lo;
        const bezier& bz = ED_spl(s.e)->list[0];
        for (bool high : {false, true}) {
            Agnode_t* n = high ? s.hi : s.lo;
            bool arrow = (high == tail_low) ? bz.eflag : bz.sflag;
            double stub = rank[ND_rank(n)].second - ax.half_along(n);
            if (arrow && stub < kArrowLength) {
                double& m = margin[{ND_rank(s.lo), high}];
                m = std::max(m, kArrowLength - stub);
            }
        }
    }
    for (const Step& s : steps) route_step(s, ax, rank, port, margin);
}

}  // namespace pathways
