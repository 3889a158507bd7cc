// Band labels clear of links (issue 17): dot puts each level's label at its band's edge, where
// links entering the band can run straight through the words. After the layout, each label slides
// along its band's edge to the first place no link and no box touches; the drawing (Graphviz's
// renderer) and our SVG both draw it there.
#include <cmath>

#include "graphviz.hpp"
#include "pathways/layout.hpp"

namespace pathways {

namespace {

/// Points along a cubic Bézier chain, `steps` per piece.
std::vector<Point> sample(const std::vector<Point>& bz, int steps = 32) {
    std::vector<Point> pts;
    for (std::size_t i = 0; i + 3 < bz.size(); i += 3)
        for (int k = 0; k <= steps; ++k) {
            double t = static_cast<double>(k) / steps, u = 1 - t;
            pts.push_back({u * u * u * bz[i].x + 3 * u * u * t * bz[i + 1].x + 3 * u * t * t * bz[i + 2].x + t * t * t * bz[i + 3].x,
                           u * u * u * bz[i].y + 3 * u * u * t * bz[i + 1].y + 3 * u * t * t * bz[i + 2].y + t * t * t * bz[i + 3].y});
        }
    return pts;
}

bool overlap(const Box& a, const Box& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

}  // namespace

bool Layout::label_blocked(const Box& label) const {
    for (const auto& l : links_)
        for (Point p : sample(l.bezier))
            if (p.x >= label.x - 1 && p.x <= label.x + label.w + 1 && p.y >= label.y - 1 && p.y <= label.y + label.h + 1)
                return true;
    for (const auto& r : roles_)
        if (overlap(r.box, label)) return true;
    for (const auto& t : transfers_)
        if (overlap(t.box, label)) return true;
    return false;
}

void Layout::place_band_labels(double llx, double ury) {
    band_labels_.clear();
    for (auto& band : bands_) {
        std::string name = "cluster_" + band.level->id;
        Agraph_t* sg = agsubg(graph_.get(), name.data(), 0);
        textlabel_t* lab = sg ? GD_label(sg) : nullptr;
        if (!lab) continue;
        Box box{lab->pos.x - llx + pad_ - lab->dimen.x / 2, ury - lab->pos.y + pad_ - lab->dimen.y / 2, lab->dimen.x,
                lab->dimen.y};
        if (label_blocked(box)) {
            for (double x = band.box.x + 2; x + box.w <= band.box.x + band.box.w - 2; x += 4) {
                Box at = box;
                at.x = x;
                if (!label_blocked(at)) {
                    box = at;
                    break;
                }
            }
        }
        band.label = box;
        band_labels_.push_back({name, {box.x + box.w / 2 + llx - pad_, ury + pad_ - (box.y + box.h / 2)}});
    }
    apply_band_labels();
}

void Layout::apply_band_labels() const {
    for (const auto& [name, at] : band_labels_) {
        std::string n = name;
        Agraph_t* sg = agsubg(graph_.get(), n.data(), 0);
        if (sg && GD_label(sg)) GD_label(sg)->pos = {at.x, at.y};
    }
}

std::vector<std::string> Layout::links_over_band_labels() const {
    std::vector<std::string> bad;
    for (const auto& b : bands_)
        for (const auto& l : links_)
            for (Point p : sample(l.bezier))
                if (b.label.contains(p)) {
                    bad.push_back(l.tail + " -> " + l.head + " over the label of " + b.level->id);
                    break;
                }
    return bad;
}

}  // namespace pathways
