// The first block of a route or story poster's legend: "Your route" with its numbered steps, or
// the story told in a few lines with its numbered steps.
#include <algorithm>

#include "legend.hpp"
#include "pathways/look.hpp"

namespace pathways {

namespace {

constexpr std::size_t kRoutesListed = 4;  // more shortest routes than this are counted, not listed

}  // namespace

void LegendComposer::add_focus_panel() {
    if (graph_.focus.kind == Focus::Kind::Route) add_route_panel();
    if (graph_.focus.kind == Focus::Kind::Story) add_story_panel();
}

/// A line sample in the route's look with its words, at the column's current place.
bool LegendComposer::add_route_sample(const std::string& words) {
    const double f = frame_.f, sw = 30 * f, indent = sw + 24 * f;
    Column& legend = *legend_;
    double y = legend.y();
    if (!legend.text(words, style_.text_size * 0.9, false, style_.text_colour, "text", bottom_, indent)) return false;
    double x = legend.x();
    PageLine line{{x, y + 10 * f}, {x + sw + 10 * f, y + 10 * f}, LinkKind::Up, route_link_look(style_), false};
    line.emphasis = Emphasis::Emphasised;
    p_->lines.push_back(line);
    legend.skip(6);
    return true;
}

/// "Your route": where from and to, then each shortest route's numbered steps, with what each step
/// takes and where it changes setting.
void LegendComposer::add_route_panel() {
    const Focus& focus = graph_.focus;
    const auto& routes = focus.routes.routes;
    const double size = style_.text_size * 0.9;
    const Colour& ink = style_.text_colour;
    block([&] {
        Column& legend = *legend_;
        if (!legend.text(routes.size() > 1 ? "Your routes" : "Your route", style_.heading_size, true,
                         style_.title_colour, "heading", bottom_))
            return false;
        std::string intro = route_headline(*focus.from, *focus.to, focus.routes, false) + ".";
        if (!legend.text(intro, size, false, ink, "text", bottom_)) return false;
        legend.skip(4);
        return add_route_sample("On the route: bold outlines and thick links. Everything else is faded.");
    });
    for (std::size_t n = 0; n < routes.size() && n < kRoutesListed; ++n) {
        const Route& route = routes[n];
        block([&] {
            Column& legend = *legend_;
            if (routes.size() > 1 &&
                !legend.text("Route " + std::to_string(n + 1) + " of " + std::to_string(routes.size()), size, true,
                             style_.title_colour, "text", bottom_))
                return false;
            return legend.text(step_label(0) + ": " + route.roles.front()->name, size, false, ink, "text", bottom_);
        });
        for (std::size_t k = 0; k < route.steps.size(); ++k) {
            const RouteStep& step = route.steps[k];
            block([&] {
                Column& legend = *legend_;
                const double indent = size * 1.4;
                if (!legend.text(step_label(k + 1) + ": " + step.to->name, size, false, ink, "text", bottom_)) return false;
                if (!step.via.empty() && !legend.text(via_words(step.via), size, false, ink, "text", bottom_, indent))
                    return false;
                return !step.changes_setting ||
                       legend.text(setting_change_words(c_, step), size, true, ink, "text", bottom_, indent);
            });
        }
        legend_->skip(6);
    }
    if (routes.size() > kRoutesListed)
        block([&] {
            return legend_->text("and " + std::to_string(routes.size() - kRoutesListed) +
                                     " more routes of the same length, all drawn in bold",
                                 size, false, ink, "text", bottom_);
        });
    legend_->skip(10);
}

/// The story: whose it is, its headline, the entry route, then each step numbered as the badges on
/// the drawing are, with its level (and, for a role step told in the person's own words, the role).
void LegendComposer::add_story_panel() {
    const Focus& focus = graph_.focus;
    const Story& story = *focus.story;
    const double size = style_.text_size * 0.9;
    const Colour& ink = style_.text_colour;
    block([&] {
        Column& legend = *legend_;
        if (!legend.text(story.name, style_.heading_size, true, style_.title_colour, "heading", bottom_)) return false;
        if (!legend.text(story.title, style_.text_size, true, ink, "text", bottom_)) return false;
        if (!story.entry_route.empty() && !legend.text("Entry route: " + story.entry_route, size, false, ink, "text", bottom_))
            return false;
        legend.skip(4);
        return add_route_sample("The story's trail: numbered steps, in order. Everything else is faded.");
    });
    for (std::size_t i = 0; i < focus.stops.size(); ++i) {
        const StoryStop& stop = focus.stops[i];
        block([&] {
            std::string where = stop.level ? stop.level->name : "";
            if (stop.role && stop.text != stop.role->name) where += (where.empty() ? "" : "; ") + ("on the map: " + stop.role->name);
            return legend_->text(std::to_string(i + 1) + ". " + stop.text + (where.empty() ? "" : " \xE2\x80\x94 " + where),
                                 size, false, ink, "text", bottom_);
        });
    }
    block([&] { return legend_->text("Source: " + story.source, size, false, ink, "text", bottom_); });
    legend_->skip(10);
}

}  // namespace pathways
