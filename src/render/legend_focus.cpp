// The first block of a route or story poster's legend: "Your route" with its numbered steps, or
// the story told in a few lines with its numbered steps.
#include <algorithm>

#include "legend.hpp"
#include "pathways/look.hpp"

namespace pathways {

namespace {

constexpr std::size_t kRoutesListed = 4;  // more shortest routes than this are counted, not listed

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
    return out;
}

std::string setting_names(const Catalogue& c, const Role& r) {
    std::vector<std::string> names;
    for (const auto& s : c.settings)
        if (std::find(r.settings.begin(), r.settings.end(), s.id) != r.settings.end()) names.push_back(s.name);
    return join(names, ", ");
}

/// "care setting" from "Care setting".
std::string dimension_words(const Catalogue& c) {
    std::string d = c.setting_dimension.empty() ? "setting" : c.setting_dimension;
    if (d.size() > 1 && std::isupper(static_cast<unsigned char>(d[0])) && !std::isupper(static_cast<unsigned char>(d[1])))
        d[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(d[0])));
    return d;
}

std::string steps_words(std::size_t n) { return std::to_string(n) + (n == 1 ? " step" : " steps"); }

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
        std::string intro = "From " + focus.from->name + " to " + focus.to->name + ": " +
                            (routes.size() == 1 ? "the shortest route takes " + steps_words(focus.routes.shortest)
                                                : std::to_string(routes.size()) + " shortest routes, each of " +
                                                      steps_words(focus.routes.shortest)) + ".";
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
            return legend.text("1. " + route.roles.front()->name, size, false, ink, "text", bottom_);
        });
        for (std::size_t k = 0; k < route.steps.size(); ++k) {
            const RouteStep& step = route.steps[k];
            block([&] {
                Column& legend = *legend_;
                const double indent = size * 1.4;
                if (!legend.text(std::to_string(k + 2) + ". " + step.to->name, size, false, ink, "text", bottom_))
                    return false;
                if (!step.via.empty() && !legend.text("via " + step.via, size, false, ink, "text", bottom_, indent))
                    return false;
                if (step.changes_setting &&
                    !legend.text("Changes " + dimension_words(c_) + ": from " + setting_names(c_, *step.from) + " to " +
                                     setting_names(c_, *step.to),
                                 size, true, ink, "text", bottom_, indent))
                    return false;
                return true;
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
    block([&] { return legend_->text("Source: " + story.source, size * 0.9, false, ink, "text", bottom_); });
    legend_->skip(10);
}

}  // namespace pathways
