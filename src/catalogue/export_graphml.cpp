// The progression graph as GraphML: nodes with name, levels and settings, edges with their kind.
#include "pathways/escape.hpp"
#include "pathways/export.hpp"
#include "pathways/graph_export.hpp"

namespace pathways {

const char* link_kind_word(LinkKind kind) {
    switch (kind) {
        case LinkKind::Within: return "within";
        case LinkKind::Down: return "down";
        default: return "up";
    }
}

namespace {

/// The names of the items whose ids are given, joined by "; ".
template <typename T>
std::string names_of(const std::vector<T>& items, const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids)
        for (const auto& it : items)
            if (it.id == id) out += (out.empty() ? "" : "; ") + it.name;
    return out;
}

std::string data(const char* key, const std::string& value) {
    return "      <data key=\"" + std::string(key) + "\">" + xml_escape(value) + "</data>\n";
}

const char* kHeader = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xmlns:y="http://www.yworks.com/xml/graphml"
         xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
  <key id="title" for="graph" attr.name="title" attr.type="string"/>
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="levels" for="node" attr.name="levels" attr.type="string"/>
  <key id="settings" for="node" attr.name="settings" attr.type="string"/>
  <key id="level_ids" for="node" attr.name="level_ids" attr.type="string"/>
  <key id="setting_ids" for="node" attr.name="setting_ids" attr.type="string"/>
  <key id="summary" for="node" attr.name="summary" attr.type="string"/>
  <key id="url" for="node" attr.name="url" attr.type="string"/>
  <key id="yed" for="node" yfiles.type="nodegraphics"/>
  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>
)";

std::string join_ids(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : " ") + id;
    return out;
}

}  // namespace

std::string export_graphml(const PathwayGraph& g) {
    const Catalogue& c = *g.catalogue;
    std::string out = kHeader;
    out += "  <graph id=\"pathways\" edgedefault=\"directed\">\n";
    out += "    <data key=\"title\">" + xml_escape(c.title) + "</data>\n";
    for (const Role* r : g.roles) {
        out += "    <node id=\"" + xml_escape(r->id) + "\">\n";
        out += data("label", r->name) + data("levels", names_of(c.levels, r->levels)) +
               data("settings", names_of(c.settings, r->settings)) + data("level_ids", join_ids(r->levels)) +
               data("setting_ids", join_ids(r->settings)) + data("summary", r->summary);
        if (!r->url.empty()) out += data("url", r->url);
        out += "      <data key=\"yed\"><y:ShapeNode><y:Geometry width=\"180\" height=\"40\"/>"
               "<y:Shape type=\"roundrectangle\"/><y:NodeLabel>" +
               xml_escape(r->name) + "</y:NodeLabel></y:ShapeNode></data>\n";
        out += "    </node>\n";
    }
    int n = 0;
    for (const auto& l : g.links) {
        out += "    <edge id=\"e" + std::to_string(n++) + "\" source=\"" + xml_escape(l.from->id) + "\" target=\"" +
               xml_escape(l.to->id) + "\">\n";
        out += data("kind", link_kind_word(l.kind));
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

}  // namespace pathways
