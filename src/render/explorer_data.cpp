// The explorer's data: the graph's catalogue as the JSON its script reads.
#include <algorithm>

#include "pathways/escape.hpp"
#include "pathways/explorer.hpp"
#include "pathways/look.hpp"

namespace pathways {

namespace {

/// A JSON array of strings.
std::string string_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + json_quote(items[i]);
    return out + "]";
}

/// One role: its text, where it sits, and its progressions to roles of the graph (with their via).
std::string role_json(const Role& r, const PathwayGraph& graph) {
    const Catalogue& c = *graph.catalogue;
    std::vector<std::string> to, via;
    for (std::size_t i = 0; i < r.progresses_to.size(); ++i) {
        const Role* target = c.role(r.progresses_to[i]);
        if (!target || target == &r || !graph.contains(target)) continue;
        if (std::find(to.begin(), to.end(), target->id) != to.end()) continue;
        to.push_back(target->id);
        via.push_back(i < r.progression_via.size() ? r.progression_via[i] : "");
    }
    std::string out = "{\"id\":" + json_quote(r.id) + ",\"name\":" + json_quote(r.name) +
                      ",\"summary\":" + json_quote(r.summary) + ",\"levels\":" + string_list(r.levels) +
                      ",\"settings\":" + string_list(r.settings) + ",\"to\":" + string_list(to) +
                      ",\"via\":" + string_list(via) + ",\"aliases\":" + string_list(r.aliases);
    if (!r.pay_band.empty()) out += ",\"pay_band\":" + json_quote(r.pay_band);
    if (!r.url.empty() && is_safe_url(r.url)) out += ",\"url\":" + json_quote(r.url);
    return out + "}";
}

/// One story: who, where it comes from, and its steps (a role id, or free text at a level).
std::string story_json(const Story& s) {
    std::string out = "{\"id\":" + json_quote(s.id) + ",\"name\":" + json_quote(s.name) +
                      ",\"title\":" + json_quote(s.title) + ",\"source\":" + json_quote(s.source) +
                      ",\"entry_route\":" + json_quote(s.entry_route) + ",\"steps\":[";
    for (std::size_t i = 0; i < s.steps.size(); ++i) {
        const StoryStep& step = s.steps[i];
        out += std::string(i ? "," : "") + "{\"role\":" + json_quote(step.role) + ",\"text\":" + json_quote(step.text) +
               ",\"level\":" + json_quote(step.level) + "}";
    }
    return out + "]}";
}

/// The entry routes into roles of the graph (#19): name, description, link and the shown roles
/// each leads into (a route into none of them is left out).
std::string entry_routes_json(const PathwayGraph& graph) {
    std::string out;
    for (const auto& e : graph.catalogue->entry_routes) {
        std::vector<std::string> to;
        for (const auto& id : e.leads_to)
            if (const Role* r = graph.catalogue->role(id); r && graph.contains(r)) to.push_back(id);
        if (to.empty()) continue;
        out += std::string(out.empty() ? "\n" : ",\n") + "{\"id\":" + json_quote(e.id) + ",\"name\":" + json_quote(e.name) +
               ",\"description\":" + json_quote(e.description) + ",\"leads_to\":" + string_list(to);
        if (!e.url.empty() && is_safe_url(e.url)) out += ",\"url\":" + json_quote(e.url);
        out += "}";
    }
    return "[" + out + "]";
}

/// `json` with every '<' escaped, so "</script>" or "<!--" in the text cannot end or bend the block.
std::string script_safe(const std::string& json) {
    std::string out;
    out.reserve(json.size());
    for (char ch : json) out += ch == '<' ? std::string("\\u003c") : std::string(1, ch);
    return out;
}

}  // namespace

std::string explorer_data_json(const PathwayGraph& graph, const Style& style) {
    const Catalogue& c = *graph.catalogue;
    std::string out = "{\"title\":" + json_quote(c.title) + ",\"subtitle\":" + json_quote(c.subtitle) +
                      ",\"publisher\":" + json_quote(c.publisher) + ",\"source\":" + json_quote(c.source) +
                      ",\"version\":" + json_quote(c.version) +
                      ",\"setting_dimension\":" + json_quote(c.setting_dimension) + ",\"levels\":[";
    for (std::size_t i = 0; i < graph.levels.size(); ++i) {
        const Level& l = *graph.levels[i];
        out += std::string(i ? "," : "") + "{\"id\":" + json_quote(l.id) + ",\"name\":" + json_quote(l.name) +
               ",\"description\":" + json_quote(l.description) + "}";
    }
    out += "],\"settings\":[";
    for (std::size_t i = 0; i < graph.settings.size(); ++i) {
        const Setting& s = *graph.settings[i];
        out += std::string(i ? "," : "") + "{\"id\":" + json_quote(s.id) + ",\"name\":" + json_quote(s.name) +
               ",\"description\":" + json_quote(s.description) +
               ",\"colour\":" + json_quote(setting_look(style, c, s.id).fill.hex()) + "}";
    }
    out += "],\"roles\":[";
    for (std::size_t i = 0; i < graph.roles.size(); ++i) out += (i ? ",\n" : "\n") + role_json(*graph.roles[i], graph);
    out += "],\"stories\":[";
    for (std::size_t i = 0; i < c.stories.size(); ++i) out += (i ? ",\n" : "\n") + story_json(c.stories[i]);
    out += "],\"entry_routes\":" + entry_routes_json(graph) + "}";
    return script_safe(out);
}

}  // namespace pathways
