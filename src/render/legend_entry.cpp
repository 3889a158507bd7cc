// The legend's "Ways in" block (#19): each entry route the poster shows, with the lettered tag
// its roles carry on the drawing, what it is and the roles it leads into.
#include "entry_marks.hpp"
#include "legend.hpp"
#include "pathways/look.hpp"

namespace pathways {

namespace {

/// "A, B and C".
std::string role_names(const std::vector<const Role*>& roles) {
    std::string out;
    for (std::size_t i = 0; i < roles.size(); ++i)
        out += (i == 0 ? "" : i + 1 == roles.size() ? " and " : ", ") + roles[i]->name;
    return out;
}

}  // namespace

void LegendComposer::add_entry_routes() {
    const std::vector<ShownEntryRoute> routes = shown_entry_routes(graph_);
    if (routes.empty()) return;
    const double f = frame_.f, sw = 30 * f, sh = 20 * f, indent = sw + 10 * f, size = style_.text_size * 0.9;
    const Colour& ink = style_.text_colour;
    block([&] {
        Column& legend = *legend_;
        if (!legend.text("Ways in", style_.heading_size, true, style_.title_colour, "heading",
                         bottom_ - 3 * style_.text_size * f))
            return false;
        return legend.text("Schemes that train people for jobs; not jobs themselves. A role marked with a "
                           "scheme's letter is one it leads into.",
                           size, false, ink, "text", bottom_);
    });
    for (const auto& shown : routes) {
        block([&] {
            Column& legend = *legend_;
            double y = legend.y();
            if (!legend.text(shown.route->name, style_.text_size, true, ink, "text", bottom_, indent)) return false;
            if (!legend.text(shown.route->description, size, false, ink, "text", bottom_, indent)) return false;
            if (!legend.text("Leads into: " + role_names(shown.leads_to) + ".", size, false, ink, "text", bottom_, indent))
                return false;
            p_->rects.push_back({{legend.x(), y + 2 * f, sw, sh}, {style_.title_colour}, style_.page_background, 1,
                                 shown.key, text_colour_for(style_, {style_.title_colour}), {}, nullptr});
            legend.skip(6);
            return true;
        });
    }
    legend_->skip(10);
}

}  // namespace pathways
