// The progression graph as a Mermaid flowchart: a subgraph per level, a class per setting.
#include "pathways/escape.hpp"
#include "pathways/export.hpp"
#include "pathways/graph_export.hpp"

namespace pathways {

namespace {

/// A Mermaid node or class name from an id: ids use hyphens, which Mermaid reads as links.
std::string mermaid_id(const char* prefix, const std::string& id) {
    std::string out = prefix;
    for (char ch : id) out += ch == '-' ? '_' : ch;
    return out;
}

/// Text inside a quoted label: characters Mermaid would read as syntax become its entity codes.
std::string mermaid_text(const std::string& text) {
    std::string out;
    for (char ch : text) {
        switch (ch) {
            case '"': out += "#quot;"; break;
            case '#': out += "#35;"; break;
            case '<': out += "#lt;"; break;
            case '>': out += "#gt;"; break;
            case '&': out += "#amp;"; break;
            case '`': out += "#96;"; break;
            case '\n': case '\r': case '\t': out += ' '; break;
            default: out += ch;
        }
    }
    return out;
}

std::string arrow(LinkKind kind) {
    switch (kind) {
        case LinkKind::Within: return " -.-> ";
        case LinkKind::Down: return " -. down .-> ";
        default: return " --> ";
    }
}

void subgraphs(std::string& out, const PathwayGraph& g) {
    const Catalogue& c = *g.catalogue;
    for (const Level* level : g.levels) {
        std::string body;
        for (const Role* r : g.roles)
            if (c.lowest_level(*r) >= 0 && &c.levels[static_cast<std::size_t>(c.lowest_level(*r))] == level)
                body += "    " + mermaid_id("r_", r->id) + "[\"" + mermaid_text(r->name) + "\"]\n";
        if (body.empty()) continue;
        out += "  subgraph " + mermaid_id("level_", level->id) + "[\"" + mermaid_text(level->name) + "\"]\n" + body +
               "  end\n";
    }
}

void setting_classes(std::string& out, const PathwayGraph& g, const Style* style) {
    for (std::size_t i = 0; i < g.settings.size(); ++i) {
        const Setting* s = g.settings[i];
        std::string members;
        for (const Role* r : g.roles)
            for (const auto& id : r->settings)
                if (id == s->id) members += (members.empty() ? "" : ",") + mermaid_id("r_", r->id);
        std::string name = mermaid_id("setting_", s->id);
        out += "  classDef " + name;
        if (style) {
            std::size_t position = 0;
            while (position < g.catalogue->settings.size() && g.catalogue->settings[position].id != s->id) ++position;
            out += " fill:" + style->setting_look(s->id, position).fill.hex() + ",stroke:" + style->role_border.hex() +
                   ",color:" + style->dark_text.hex();
        } else {
            out += " stroke-width:1px";
        }
        out += "\n";
        if (!members.empty()) out += "  class " + members + " " + name + "\n";
    }
}

}  // namespace

std::string export_mermaid(const PathwayGraph& g, const Style* style) {
    std::string out = "---\ntitle: " + json_quote(g.catalogue->title) + "\n---\nflowchart LR\n";
    subgraphs(out, g);
    for (const auto& l : g.links) out += "  " + mermaid_id("r_", l.from->id) + arrow(l.kind) + mermaid_id("r_", l.to->id) + "\n";
    setting_classes(out, g, style);
    return out;
}

}  // namespace pathways
