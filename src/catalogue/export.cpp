#include "pathways/export.hpp"

#include <cstdio>

#include "pathways/graphviz.hpp"

namespace pathways {

std::string json_quote(std::string_view text) {
    std::string out = "\"";
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += ch;
                }
        }
    }
    return out + "\"";
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += ch;
        }
    }
    return out;
}

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

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
    return out;
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
    out += "\n  ]";
    out += json_entry_routes(c.entry_routes);
    out += "\n}\n";
    return out;
}

std::string export_dot(const Catalogue& c) {
    GraphPtr g = new_graph("pathways");
    set_attr(g.get(), "label", escape_label(c.title));
    for (const auto& r : c.roles) {
        std::string id = r.id;
        Agnode_t* n = agnode(g.get(), id.data(), 1);
        set_attr(n, "label", escape_label(r.name));
        set_attr(n, "levels", join(r.levels, ","));
        set_attr(n, "settings", join(r.settings, ","));
    }
    for (const auto& r : c.roles) {
        std::string from = r.id;
        Agnode_t* tail = agnode(g.get(), from.data(), 0);
        for (const auto& t : r.progresses_to) {
            std::string to = t;
            Agnode_t* head = agnode(g.get(), to.data(), 0);
            Agedge_t* e = agedge(g.get(), tail, head, nullptr, 1);
            const Role* target = c.role(t);
            LinkKind k = target ? link_kind(c, r, *target) : LinkKind::Up;
            set_attr(e, "kind", k == LinkKind::Up ? "up" : k == LinkKind::Within ? "within-level" : "down");
        }
    }
    return write_dot(g.get());
}

}  // namespace pathways
