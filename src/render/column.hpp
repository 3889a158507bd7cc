#pragma once
#include <string>

#include "pathways/poster.hpp"
#include "text.hpp"

namespace pathways {

/// Places text blocks top-down inside a column of the page, at a text scale `f`.
class Column {
public:
    Column(TextMeasure& m, Poster& p, double x, double y, double w, double f)
        : measure_(&m), poster_(&p), x_(x), y_(y), w_(w), f_(f) {}

    double x() const { return x_; }
    double y() const { return y_; }
    void skip(double dy) { y_ += dy * f_; }

    /// Adds wrapped text; returns false (adding nothing) if it would pass `limit`.
    bool text(const std::string& s, double size, bool bold, const Colour& c, const std::string& role, double limit,
              double indent = 0) {
        size *= f_;
        auto lines = measure_->wrap(s, size, bold, w_ - indent);
        double lead = size * 1.25;
        if (y_ + lead * static_cast<double>(lines.size()) > limit) return false;
        double ascent = measure_->ascent(size, bold);
        for (const auto& line : lines) {
            poster_->texts.push_back({x_ + indent, y_ + ascent, size, bold, c, line, role});
            y_ += lead;
        }
        return true;
    }

private:
    TextMeasure* measure_;
    Poster* poster_;
    double x_, y_, w_, f_;
};

}  // namespace pathways
