// A story poster's marks on the drawing: a numbered badge at each step (on its role's box, or on
// the marker the layout reserved in its level's band for a job the catalogue does not have) and a
// continuous trail through the badges in order. Both writers draw them from the poster model.
#include <map>

#include "pathways/look.hpp"
#include "story_marks.hpp"

namespace pathways {

namespace {

/// The box a story stop is drawn at: its role's box at the stop's level (else the role's first
/// box), or the marker the layout placed for step `index`; nothing when the drawing has neither.
const Box* stop_box(const Layout& layout, const StoryStop& stop, std::size_t index) {
    if (!stop.role) {
        for (const auto& m : layout.markers())
            if (m.step == index) return &m.box;
        return nullptr;
    }
    const Box* first = nullptr;
    for (const auto& r : layout.roles()) {
        if (r.role != stop.role) continue;
        if (r.level == stop.level) return &r.box;
        if (!first) first = &r.box;
    }
    return first;
}

}  // namespace

void add_story_marks(Poster& p, const PathwayGraph& graph, const Style& style) {
    const Focus& focus = graph.focus;
    if (focus.kind != Focus::Kind::Story) return;
    p.marks.trail_look = trail_look(style);
    p.marks.badge_fill = style.route.colour;
    p.marks.badge_text = text_colour_for(style, {style.route.colour});
    p.marks.badge_ring = style.page_background;
    const double radius = badge_radius(style);
    std::map<const Box*, int> used;  // a role the story passes twice gets its badges side by side
    for (std::size_t i = 0; i < focus.stops.size(); ++i) {
        const Box* box = stop_box(p.layout, focus.stops[i], i);
        if (!box) continue;
        Point centre{box->x + box->w / 2, box->y + box->h / 2};
        if (focus.stops[i].role) centre = {box->x - radius * 0.25 + 2.2 * radius * used[box]++, box->y - radius * 0.25};
        p.marks.badges.push_back({centre, radius, std::to_string(i + 1), focus.stops[i].text});
        p.marks.trail.push_back(centre);
    }
}

}  // namespace pathways
