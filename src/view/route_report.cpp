// What `pathways route` prints: the routes as numbered steps (text), or as JSON.
#include <algorithm>

#include "pathways/escape.hpp"
#include "pathways/route.hpp"

namespace pathways {

namespace {

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
    return out;
}

std::string role_names(const std::vector<const Role*>& roles) {
    std::vector<std::string> names;
    for (const Role* r : roles) names.push_back(r->name);
    return join(names, ", ");
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string text_headline(const Role& from, const Role& to, const RouteOptions& options, const RouteResult& r) {
    std::string head = route_headline(from, to, r, options.all) + ".\n";
    if (r.cut)
        head += "Only the first " + plural(r.routes.size(), "route is", "routes are") +
                " listed: there are more (the limit is " + std::to_string(options.max_routes) + ").\n";
    return head;
}

std::string text_route(const Catalogue& c, const Route& route, std::size_t number, std::size_t count) {
    std::string out = "\nRoute " + std::to_string(number) + (count > 1 ? " of " + std::to_string(count) : "") + ", " +
                      step_count(route.steps.size()) + ":\n";
    auto describe = [&](const Role& r) { return r.name + " (" + level_names(c, r) + "; " + setting_names(c, r) + ")\n"; };
    for (std::size_t k = 0; k < route.roles.size(); ++k) {
        std::string label = step_label(k) + ":";
        out += "  " + label + std::string(label.size() < 8 ? 8 - label.size() : 1, ' ') + describe(*route.roles[k]);
        if (k == 0) continue;
        const RouteStep& step = route.steps[k - 1];
        if (!step.via.empty()) out += "          " + via_words(step.via) + "\n";
        if (step.changes_setting) out += "          " + setting_change_words(c, step) + "\n";
    }
    return out;
}

std::string text_no_route(const Catalogue& c, const Role& from, const Role& to) {
    std::string out = "No route from " + from.name + " to " + to.name + ": no chain of progressions in " + c.file +
                      " leads from one to the other.\n";
    auto onward = reachable_from(c, from);
    out += onward.empty() ? "From " + from.name + " the catalogue lists no progression at all.\n"
                          : "From " + from.name + " you can reach " + plural(onward.size(), "role", "roles") + ": " +
                                role_names(onward) + ".\n";
    auto before = leading_to(c, to);
    out += before.empty() ? "No role in the catalogue progresses to " + to.name + ".\n"
                          : plural(before.size(), "role leads", "roles lead") + " to " + to.name + ": " +
                                role_names(before) + ".\n";
    return out;
}

std::string json_role(const Role& r) {
    std::string out = "{\"id\": " + json_quote(r.id) + ", \"name\": " + json_quote(r.name) + ", \"levels\": [";
    for (std::size_t i = 0; i < r.levels.size(); ++i) out += (i ? ", " : "") + json_quote(r.levels[i]);
    out += "], \"settings\": [";
    for (std::size_t i = 0; i < r.settings.size(); ++i) out += (i ? ", " : "") + json_quote(r.settings[i]);
    return out + "]}";
}

std::string json_ids(const std::vector<const Role*>& roles) {
    std::string out = "[";
    for (std::size_t i = 0; i < roles.size(); ++i) out += (i ? ", " : "") + json_quote(roles[i]->id);
    return out + "]";
}

std::string json_route(const Route& route) {
    std::string out = "{\"steps\": " + std::to_string(route.steps.size()) + ", \"roles\": [";
    for (std::size_t i = 0; i < route.roles.size(); ++i) out += std::string(i ? ",\n        " : "\n        ") + json_role(*route.roles[i]);
    out += "],\n      \"links\": [";
    for (std::size_t i = 0; i < route.steps.size(); ++i) {
        const RouteStep& s = route.steps[i];
        out += std::string(i ? ",\n        " : "\n        ") + "{\"from\": " + json_quote(s.from->id) + ", \"to\": " +
               json_quote(s.to->id) + ", \"changes_setting\": " + (s.changes_setting ? "true" : "false");
        if (!s.via.empty()) out += ", \"via\": " + json_quote(s.via);
        out += "}";
    }
    return out + "]}";
}

std::string json_report(const Catalogue& c, const Role& from, const Role& to, const RouteOptions& options,
                        const RouteResult& r) {
    std::string out = "{\n  \"from\": " + json_role(from) + ",\n  \"to\": " + json_role(to) + ",\n";
    out += "  \"all\": " + std::string(options.all ? "true" : "false") + ", \"limit\": " +
           std::to_string(options.max_routes) + ", \"cut\": " + (r.cut ? "true" : "false") + ",\n";
    out += "  \"shortest_steps\": " + (r.found() ? std::to_string(r.shortest) : std::string("null")) + ",\n";
    out += "  \"routes\": [";
    for (std::size_t i = 0; i < r.routes.size(); ++i) out += std::string(i ? ",\n    " : "\n    ") + json_route(r.routes[i]);
    out += r.routes.empty() ? "]" : "\n  ]";
    if (!r.found()) {
        out += ",\n  \"reachable_from\": " + json_ids(reachable_from(c, from));
        out += ",\n  \"leads_to\": " + json_ids(leading_to(c, to));
    }
    return out + "\n}\n";
}

}  // namespace

std::string route_report(const Catalogue& c, const Role& from, const Role& to, const RouteOptions& options,
                         const RouteResult& result, RouteFormat format) {
    if (format == RouteFormat::Json) return json_report(c, from, to, options, result);
    if (!result.found()) return text_no_route(c, from, to);
    std::string out = text_headline(from, to, options, result);
    for (std::size_t i = 0; i < result.routes.size(); ++i)
        out += text_route(c, result.routes[i], i + 1, result.routes.size());
    return out;
}

}  // namespace pathways
