#include "pathways/export.hpp"

#include <cstdio>

#include "pathways/escape.hpp"

namespace pathways {

namespace {

std::string json_ids(const std::vector<std::string>& ids) {
    std::string out = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? ", " : "") + json_quote(ids[i]);
    return out + "]";
}

template <typename T>
std::string json_id_names(const std::vector<T>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += std::string(i ? ",\n    " : "\n    ") + "{\"id\": " + json_quote(items[i].id) +
               ", \"name\": " + json_quote(items[i].name) + "}";
    return out + "\n  ]";
}

/// `, "via": {"to-id": "what the step takes", ...}` for the progressions that say; "" when none do.
std::string json_via(const Role& r) {
    std::string out;
    for (std::size_t i = 0; i < r.progresses_to.size() && i < r.progression_via.size(); ++i) {
        if (r.progression_via[i].empty()) continue;
        out += (out.empty() ? "" : ", ") + json_quote(r.progresses_to[i]) + ": " + json_quote(r.progression_via[i]);
    }
    return out.empty() ? out : ", \"via\": {" + out + "}";
}

/// `,\n  "stories": [...]` (nothing when the catalogue has none): each story with its steps, a
/// step being `{"role": ID}` (with `"text"` when the person's job title is given) or
/// `{"text": "...", "level": ID}`.
std::string json_stories(const Catalogue& c) {
    if (c.stories.empty()) return {};
    std::string out = ",\n  \"stories\": [";
    for (std::size_t i = 0; i < c.stories.size(); ++i) {
        const Story& s = c.stories[i];
        out += std::string(i ? ",\n    " : "\n    ") + "{\"id\": " + json_quote(s.id) + ", \"name\": " +
               json_quote(s.name) + ", \"title\": " + json_quote(s.title) + ", \"source\": " + json_quote(s.source);
        if (!s.entry_route.empty()) out += ", \"entry_route\": " + json_quote(s.entry_route);
        out += ", \"steps\": [";
        for (std::size_t k = 0; k < s.steps.size(); ++k) {
            const StoryStep& step = s.steps[k];
            out += k ? ", " : "";
            if (step.role.empty())
                out += "{\"text\": " + json_quote(step.text) + ", \"level\": " + json_quote(step.level) + "}";
            else
                out += "{\"role\": " + json_quote(step.role) +
                       (step.text.empty() ? std::string() : ", \"text\": " + json_quote(step.text)) + "}";
        }
        out += "]}";
    }
    return out + "\n  ]";
}

/// `,\n  "entry_routes": [...]`, or nothing when the catalogue has none (so the key is additive).
std::string json_entry_routes(const std::vector<EntryRoute>& routes) {
    if (routes.empty()) return {};
    std::string out = ",\n  \"entry_routes\": [";
    for (std::size_t i = 0; i < routes.size(); ++i) {
        const EntryRoute& e = routes[i];
        out += std::string(i ? ",\n    " : "\n    ") + "{\"id\": " + json_quote(e.id) + ", \"name\": " +
               json_quote(e.name) + ", \"leads_to\": " + json_ids(e.leads_to);
        if (!e.url.empty()) out += ", \"url\": " + json_quote(e.url);
        out += "}";
    }
    return out + "\n  ]";
}

/// Issue 17: `, "summary": …, "aliases": […], "pay_band": …` for what the role has.
std::string json_role_text(const Role& r) {
    std::string out;
    if (!r.summary.empty()) out += ", \"summary\": " + json_quote(r.summary);
    if (!r.aliases.empty()) out += ", \"aliases\": " + json_ids(r.aliases);
    if (!r.pay_band.empty()) out += ", \"pay_band\": " + json_quote(r.pay_band);
    return out;
}

/// Issue 17: `,\n  "glossary": [...]` and `,\n  "panels": [...]`, each only when the catalogue has some.
std::string json_reader_text(const Catalogue& c) {
    std::string out;
    if (!c.glossary.empty()) {
        out += ",\n  \"glossary\": [";
        for (std::size_t i = 0; i < c.glossary.size(); ++i)
            out += std::string(i ? ",\n    " : "\n    ") + "{\"term\": " + json_quote(c.glossary[i].term) +
                   ", \"definition\": " + json_quote(c.glossary[i].definition) + "}";
        out += "\n  ]";
    }
    if (!c.panels.empty()) {
        out += ",\n  \"panels\": [";
        for (std::size_t i = 0; i < c.panels.size(); ++i)
            out += std::string(i ? ",\n    " : "\n    ") + "{\"title\": " + json_quote(c.panels[i].title) +
                   ", \"text\": " + json_quote(c.panels[i].text) + "}";
        out += "\n  ]";
    }
    return out;
}

}  // namespace

std::string export_json(const Catalogue& c) {
    std::string out = "{\n  \"title\": " + json_quote(c.title) + ",\n";
    out += "  \"setting_dimension\": " + json_quote(c.setting_dimension) + ",\n";
    out += "  \"levels\": " + json_id_names(c.levels) + ",\n";
    out += "  \"settings\": " + json_id_names(c.settings) + ",\n";
    out += "  \"roles\": [";
    for (std::size_t i = 0; i < c.roles.size(); ++i) {
        const Role& r = c.roles[i];
        out += std::string(i ? ",\n    " : "\n    ") + "{\"id\": " + json_quote(r.id) + ", \"name\": " +
               json_quote(r.name) + ", \"levels\": " + json_ids(r.levels) + ", \"settings\": " +
               json_ids(r.settings) + ", \"progresses_to\": " + json_ids(r.progresses_to);
        if (!r.url.empty()) out += ", \"url\": " + json_quote(r.url);
        out += json_via(r);
        out += json_role_text(r);
        out += "}";
    }
    out += "\n  ]" + json_stories(c);
    out += json_entry_routes(c.entry_routes);
    out += json_reader_text(c);
    out += "\n}\n";
    return out;
}

}  // namespace pathways
