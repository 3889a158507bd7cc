// The words a route is told in: one home for the `route` command's text, a route poster's "Your
// route" panel and the SVG's link tooltips.
#include <algorithm>
#include <cctype>

#include "pathways/route.hpp"

namespace pathways {

namespace {

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
    return out;
}

}  // namespace

std::string setting_word(const Catalogue& c) {
    std::string d = c.setting_dimension.empty() ? "setting" : c.setting_dimension;
    if (d.size() > 1 && std::isupper(static_cast<unsigned char>(d[0])) && !std::isupper(static_cast<unsigned char>(d[1])))
        d[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(d[0])));
    return d;
}

std::string step_count(std::size_t steps) { return std::to_string(steps) + (steps == 1 ? " step" : " steps"); }

std::string step_label(std::size_t index) { return index == 0 ? "Start" : "Step " + std::to_string(index); }

std::string route_headline(const Role& from, const Role& to, const RouteResult& r, bool all) {
    std::string head = "From " + from.name + " to " + to.name + ": ";
    if (!all && r.routes.size() == 1) return head + "the shortest route takes " + step_count(r.shortest);
    if (!all) return head + std::to_string(r.routes.size()) + " shortest routes, each of " + step_count(r.shortest);
    return head + std::to_string(r.routes.size()) + (r.routes.size() == 1 ? " route" : " routes") + " of " +
           std::to_string(r.shortest) + " to " + std::to_string(r.longest) + " steps (the shortest takes " +
           step_count(r.shortest) + ")";
}

std::string via_words(std::string_view via) { return via.empty() ? std::string() : "via " + std::string(via); }

std::string setting_change_words(const Catalogue& c, const RouteStep& step) {
    if (!step.changes_setting || !step.from || !step.to) return {};
    return "changes " + setting_word(c) + ": from " + setting_names(c, *step.from) + " to " + setting_names(c, *step.to);
}

std::string level_names(const Catalogue& c, const Role& r) {
    std::vector<std::string> names;
    for (const auto& l : c.levels)
        if (std::find(r.levels.begin(), r.levels.end(), l.id) != r.levels.end()) names.push_back(l.name);
    return join(names, " and ");
}

std::string setting_names(const Catalogue& c, const Role& r) {
    std::vector<std::string> names;
    for (const auto& s : c.settings)
        if (std::find(r.settings.begin(), r.settings.end(), s.id) != r.settings.end()) names.push_back(s.name);
    return join(names, ", ");
}

}  // namespace pathways
