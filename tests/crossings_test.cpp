// Counting crossings between drawn links: once per point where two links cross, whatever the
// polylines' vertices do there; touching and shared ends never count.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>

#include "pathways/crossings.hpp"
#include "test_support.hpp"

using namespace pathways;

namespace {

CrossingCurve curve(std::vector<Point> pts, std::string tail, std::string head) {
    return {std::move(pts), std::move(tail), std::move(head)};
}

}  // namespace

TEST_CASE("crossings: two straight links crossing in their middles count once", "[crossings]") {
    CHECK(count_curve_crossings({curve({{0, 0}, {10, 10}}, "a", "b"), curve({{0, 10}, {10, 0}}, "c", "d")}) == 1);
    CHECK(count_curve_crossings({curve({{0, 0}, {10, 0}}, "a", "b"), curve({{0, 10}, {10, 10}}, "c", "d")}) == 0);
}

TEST_CASE("crossings: curves crossing exactly at a vertex both share count once", "[crossings]") {
    // Both polylines have a vertex at (5,5) and pass through it from one side to the other.
    auto p = curve({{0, 0}, {5, 5}, {10, 10}}, "a", "b");
    auto q = curve({{0, 10}, {5, 5}, {10, 0}}, "c", "d");
    CHECK(count_curve_crossings({p, q}) == 1);
    // A vertex of one lying on the middle of the other's segment.
    CHECK(count_curve_crossings({curve({{0, 0}, {10, 10}}, "a", "b"), q}) == 1);
    // Finely flattened curves meeting at a shared vertex: still one.
    std::vector<Point> fine1, fine2;
    for (int i = 0; i <= 20; ++i) {
        double x = i * 0.5;
        fine1.push_back({x, x});
        fine2.push_back({x, 10 - x});
    }
    CHECK(count_curve_crossings({curve(fine1, "a", "b"), curve(fine2, "c", "d")}) == 1);
}

TEST_CASE("crossings: touching without crossing does not count", "[crossings]") {
    auto p = curve({{0, 0}, {10, 0}, {20, 0}}, "a", "b");
    // Comes down to p's shared vertex and goes back up: a touch.
    CHECK(count_curve_crossings({p, curve({{0, 10}, {10, 0}, {20, 10}}, "c", "d")}) == 0);
    // Touches p in a segment's middle from above and leaves above.
    CHECK(count_curve_crossings({p, curve({{0, 10}, {5, 0}, {8, 10}}, "c", "d")}) == 0);
    // Runs along p for a stretch and leaves on the side it came from.
    CHECK(count_curve_crossings({p, curve({{0, 10}, {5, 0}, {15, 0}, {20, 10}}, "c", "d")}) == 0);
    // Runs along p for a stretch and leaves on the other side: one crossing.
    CHECK(count_curve_crossings({p, curve({{0, 10}, {5, 0}, {15, 0}, {20, -10}}, "c", "d")}) == 1);
    // Ends on p: not a crossing.
    CHECK(count_curve_crossings({p, curve({{5, 10}, {5, 0}}, "c", "d")}) == 0);
}

TEST_CASE("crossings: links sharing an end never count; two crossing points count twice", "[crossings]") {
    auto p = curve({{0, 0}, {10, 10}}, "a", "b");
    CHECK(count_curve_crossings({p, curve({{0, 10}, {10, 0}}, "a", "d")}) == 0);
    CHECK(count_curve_crossings({p, curve({{0, 10}, {10, 0}}, "c", "b")}) == 0);
    // A wave crossing a straight line at three separate points.
    std::vector<Point> wave;
    for (int i = 0; i <= 60; ++i) wave.push_back({i * 0.5, 3 * std::sin(i * 0.5 * 3.14159265358979 / 10 + 0.5)});
    CHECK(count_curve_crossings({curve({{0, 0}, {30, 0}}, "a", "b"), curve(wave, "c", "d")}) == 3);
}

TEST_CASE("crossings: a large grid of links is counted exactly and quickly", "[crossings]") {
    // 200 horizontal and 200 vertical finely drawn lines: 40,000 crossings, many at shared vertices.
    std::vector<CrossingCurve> cs;
    for (int i = 0; i < 200; ++i) {
        std::vector<Point> h, v;
        for (int k = 0; k <= 404; ++k) {  // from -5 to 1005: past the last line on both sides
            h.push_back({k * 2.5 - 5, i * 5.0});
            v.push_back({i * 5.0, k * 2.5 - 5});
        }
        cs.push_back(curve(h, "h" + std::to_string(i), "h" + std::to_string(i) + "'"));
        cs.push_back(curve(v, "v" + std::to_string(i), "v" + std::to_string(i) + "'"));
    }
    auto start = std::chrono::steady_clock::now();
    CHECK(count_curve_crossings(cs) == 40000);
    // 160,000 segments: every pair would be 10^10 tests; the grid takes about a second.
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
}
