#pragma once
// Counting where drawn links cross: once per point where two curves cross, robust to curves that
// meet exactly at a shared vertex or run along each other for a while.
#include <cstddef>
#include <string>
#include <vector>

#include "pathways/geometry.hpp"

namespace pathways {

/// One drawn link for crossing counts: its curve flattened to a polyline, and the names of the
/// boxes it joins (links sharing an end never count as crossing).
struct CrossingCurve {
    std::vector<Point> points;
    std::string tail, head;
};

/// The number of points where two curves cross. A place where two curves touch (meet and part on
/// the same side, or one ends on the other) is not a crossing; a crossing exactly at a vertex both
/// polylines share, or after running along each other, counts once. Segments are bucketed in a
/// grid, so the cost grows with the segments near each other, not with every pair.
std::size_t count_curve_crossings(const std::vector<CrossingCurve>& curves);

}  // namespace pathways
