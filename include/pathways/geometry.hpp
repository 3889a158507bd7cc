#pragma once

namespace pathways {

/// A point in drawing units (points), origin top-left, y down.
struct Point {
    double x = 0, y = 0;
};

/// An axis-aligned rectangle in drawing units, origin top-left.
struct Box {
    double x = 0, y = 0, w = 0, h = 0;
    bool contains(Point p, double inset = 0) const {
        return p.x > x + inset && p.x < x + w - inset && p.y > y + inset && p.y < y + h - inset;
    }
};

}  // namespace pathways
