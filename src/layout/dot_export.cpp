#include "pathways/dot_export.hpp"

#include "graphviz.hpp"

namespace pathways {

namespace {

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
    return out;
}

}  // namespace

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
            set_attr(e, "kind", std::string(to_string(k)));
        }
    }
    return write_dot(g.get());
}

}  // namespace pathways

namespace pathways {

namespace {

/// The attributes of `object` (of `kind`) that differ from their declared default.
std::map<std::string, std::string> attributes_of(Agraph_t* g, int kind, void* object) {
    std::map<std::string, std::string> out;
    for (Agsym_t* sym = agnxtattr(g, kind, nullptr); sym; sym = agnxtattr(g, kind, sym)) {
        const char* value = agxget(object, sym);
        if (value && *value) out[sym->name] = value;
    }
    return out;
}

}  // namespace

std::optional<DotGraph> parse_dot(const std::string& text) {
    graphviz_context();  // as for every graph: opened after the context exists
    GraphPtr g = read_dot(text);
    if (!g) return std::nullopt;
    DotGraph out;
    out.directed = agisdirected(g.get());
    out.attributes = attributes_of(g.get(), AGRAPH, g.get());
    for (Agnode_t* n = agfstnode(g.get()); n; n = agnxtnode(g.get(), n)) {
        out.nodes.push_back({agnameof(n), "", "", attributes_of(g.get(), AGNODE, n)});
        for (Agedge_t* e = agfstout(g.get(), n); e; e = agnxtout(g.get(), e))
            out.edges.push_back({"", agnameof(agtail(e)), agnameof(aghead(e)), attributes_of(g.get(), AGEDGE, e)});
    }
    return out;
}

}  // namespace pathways
