// Our own routing of links between rows (src/layout/routes.cpp): links run steadily from row to
// row and cross only where their ends' order makes them, never braiding in the gaps.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <set>

#include "pathways/crossings.hpp"
#include "pathways/layout.hpp"
#include "pathways/view.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

/// A point along a cubic Bézier piece starting at `bz[i]`.
Point on_piece(const std::vector<Point>& bz, std::size_t i, double t) {
    double u = 1 - t, a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
    return {a * bz[i].x + b * bz[i + 1].x + c * bz[i + 2].x + d * bz[i + 3].x,
            a * bz[i].y + b * bz[i + 1].y + c * bz[i + 2].y + d * bz[i + 3].y};
}

/// The curve finely sampled, and the straight lines between its pieces' ends.
std::vector<Point> sampled(const std::vector<Point>& bz) {
    std::vector<Point> pts{bz.front()};
    for (std::size_t i = 0; i + 3 < bz.size(); i += 3)
        for (int s = 1; s <= 16; ++s) pts.push_back(on_piece(bz, i, s / 16.0));
    return pts;
}
std::vector<Point> knots(const std::vector<Point>& bz) {
    std::vector<Point> pts;
    for (std::size_t i = 0; i < bz.size(); i += 3) pts.push_back(bz[i]);
    return pts;
}

/// The links between different rows of a pathway layout (links along a row keep dot's curves).
std::vector<const PlacedLink*> between_rows(const Layout& l) {
    std::map<std::string, Box> box;
    for (const auto& r : l.roles()) box[r.node] = r.box;
    for (const auto& t : l.transfers()) box[t.node] = t.box;
    std::vector<const PlacedLink*> out;
    for (const auto& k : l.links()) {
        const Box &a = box[k.tail], &b = box[k.head];
        double along_a = l.choice().left_to_right ? a.x + a.w / 2 : a.y + a.h / 2;
        double along_b = l.choice().left_to_right ? b.x + b.w / 2 : b.y + b.h / 2;
        if (std::abs(along_a - along_b) > 1 && k.bezier.size() >= 4) out.push_back(&k);
    }
    return out;
}

}  // namespace

TEST_CASE("links between rows run steadily from row to row, never turning back", "[routes][layout]") {
    const Catalogue& c = shipped_catalogue("data/ncl-career-pathways.yaml");
    Style s = shipped_style("nhs");
    for (const char* setting : {"", "secondary"})
        for (bool ltr : {false, true}) {
            View v = *setting ? View{View::Kind::Settings, {setting}} : View{};
            Layout l = Layout::make(select(c, v), s, ltr, 2, 4, true, true);
            auto links = between_rows(l);
            REQUIRE(links.size() > 20);
            for (const PlacedLink* k : links) {
                INFO(setting << (ltr ? " LR " : " BT ") << k->tail << " -> " << k->head);
                auto pts = sampled(k->bezier);
                auto along = [&](Point p) { return ltr ? p.x : p.y; };
                double dir = along(pts.back()) > along(pts.front()) ? 1 : -1;
                bool steady = true;
                for (std::size_t i = 1; i < pts.size(); ++i)
                    steady = steady && dir * (along(pts[i]) - along(pts[i - 1])) >= -1e-6;
                CHECK(steady);
            }
        }
}

TEST_CASE("links between rows cross only where straight lines between the same points would: no braids", "[routes][crossings]") {
    const Catalogue& c = shipped_catalogue("data/ncl-career-pathways.yaml");
    Style s = shipped_style("nhs");
    for (const char* setting : {"", "secondary", "primary"})
        for (int rows : {1, 3}) {
            View v = *setting ? View{View::Kind::Settings, {setting}} : View{};
            Layout l = Layout::make(select(c, v), s, false, rows, 4, true, true);
            std::vector<CrossingCurve> curves, lines;
            for (const PlacedLink* k : between_rows(l)) {
                curves.push_back({sampled(k->bezier), k->tail, k->head});
                lines.push_back({knots(k->bezier), k->tail, k->head});
            }
            INFO(setting << " rows " << rows);
            std::size_t drawn = count_curve_crossings(curves), straight = count_curve_crossings(lines);
            CHECK(straight > 0);
            CHECK(drawn == straight);
        }
}

TEST_CASE("a transfer marker's links meet at one point on each side, under one arrowhead", "[routes][crossings]") {
    const Catalogue& c = shipped_catalogue("data/ncl-career-pathways.yaml");
    Style s = shipped_style("nhs");
    std::size_t merged = 0;
    for (const auto& setting : c.settings)
        for (bool ltr : {false, true}) {
            Layout l = Layout::make(select(c, View{View::Kind::Settings, {setting.id}}), s, ltr, 3, 4, true, true);
            for (const auto& t : l.transfers()) {
                std::map<bool, std::set<std::pair<long, long>>> tips;  // side -> arrow tips (to 0.01 pt)
                std::map<bool, std::size_t> links;
                for (const PlacedLink* k : between_rows(l)) {
                    if (k->head != t.node || k->arrow.empty()) continue;
                    Point tip = k->arrow[0];
                    bool after = ltr ? tip.x > t.box.x + t.box.w / 2 : tip.y > t.box.y + t.box.h / 2;
                    tips[after].insert({std::lround(tip.x * 100), std::lround(tip.y * 100)});
                    ++links[after];
                }
                for (const auto& [side, points] : tips) {
                    INFO(setting.id << " " << t.node << " " << links[side] << " links");
                    CHECK(points.size() == 1);
                    if (links[side] > 1) ++merged;
                }
            }
        }
    CHECK(merged > 0);  // the NCL settings have markers reached by several links
}
