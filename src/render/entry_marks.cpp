// Entry routes on a poster (#19): a scheme that trains people for roles is no job and has no
// level, so it is not a box with arrows (that would read as a career move). Each role it leads
// into carries its lettered tag, and the legend's "Ways in" block says what the letter stands for.
#include "entry_marks.hpp"

#include <algorithm>
#include <map>

#include "pathways/look.hpp"

namespace pathways {

std::vector<ShownEntryRoute> shown_entry_routes(const PathwayGraph& graph) {
    std::vector<ShownEntryRoute> out;
    for (const auto& e : graph.catalogue->entry_routes) {
        ShownEntryRoute shown{&e, {}, {}};
        for (const auto& id : e.leads_to)
            if (const Role* r = graph.catalogue->role(id); r && graph.contains(r)) shown.leads_to.push_back(r);
        if (shown.leads_to.empty()) continue;
        std::size_t n = out.size();
        shown.key = n < 26 ? std::string(1, static_cast<char>('A' + n)) : std::to_string(n + 1);
        out.push_back(std::move(shown));
    }
    return out;
}

void add_entry_tags(Poster& p, const PathwayGraph& graph, const Style& style) {
    p.entry_fill = style.title_colour;
    p.entry_text = text_colour_for(style, {style.title_colour});
    const double r = badge_radius(style), w = 2.4 * r, h = 1.6 * r;  // the legend swatch's shape
    std::map<const Box*, int> used;  // a role two routes lead into gets their tags side by side
    for (const auto& shown : shown_entry_routes(graph))
        for (const auto& placed : p.layout.roles()) {
            if (std::find(shown.leads_to.begin(), shown.leads_to.end(), placed.role) == shown.leads_to.end()) continue;
            const Box& b = placed.box;
            // Centred on the box's top-right corner, clear of the name (which is centred in the box).
            double x = b.x + b.w - w / 2 - (w + 2) * used[&b]++;
            p.entry_tags.push_back({{x, b.y - h / 2, w, h}, shown.key, shown.route->name, placed.role});
        }
}

}  // namespace pathways
