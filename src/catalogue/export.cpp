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
        out += "}";
    }
    out += "\n  ]\n}\n";
    return out;
}

}  // namespace pathways
