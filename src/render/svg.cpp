// The SVG document, its CSS and the drawing (see svg_writer.hpp for what the writer promises).
#include <algorithm>
#include <cmath>

#include "pathways/catalogue.hpp"
#include "pathways/look.hpp"
#include "svg_text.hpp"
#include "svg_writer.hpp"

namespace pathways {

namespace svg {

namespace {

/// The id fragment of a Graphviz node name: "nurse", or "management_leadership" for a role's
/// copy at a second level (role and level ids never hold '_', so this cannot collide).
std::string node_ident(const std::string& node) {
    auto at = node.find('@');
    if (at == std::string::npos) return ident(node);
    return ident(node.substr(0, at)) + "_" + ident(node.substr(at + 1));
}

/// The CSS dash of a look's line, or nothing for a solid line.
std::string dash(const LinkLook& l) {
    std::vector<double> d = dash_pattern(l);
    return d.empty() ? "" : ";stroke-dasharray:" + num(d[0]) + " " + num(d[1]);
}

/// The font stack: the style's font first, then metric-compatible and common fallbacks.
std::string font_stack(const Style& s) {
    std::vector<std::string> names{font_name(s.font), "Liberation Sans", "Arial", "Helvetica"};
    std::string stack;
    std::set<std::string> seen;
    for (const auto& f : names)
        if (!f.empty() && seen.insert(f).second) stack += (f.find(' ') != std::string::npos ? "\"" + f + "\"" : f) + ",";
    return stack + "sans-serif";
}

}  // namespace

DrawingFacts::DrawingFacts(const Poster& p, const Style& s) {
    for (const Setting* st : p.settings) {
        setting_name[st->id] = st->name;
        setting_ids.push_back(st->id);
    }
    for (const auto& r : p.layout.roles()) {
        if (!r.role) continue;
        for (std::size_t i = 0; i < r.role->settings.size() && i < r.fills.size(); ++i) {
            const std::string& sid = r.role->settings[i];
            setting_fill.emplace(sid, r.fills[i]);
            if (std::find(setting_ids.begin(), setting_ids.end(), sid) == setting_ids.end()) setting_ids.push_back(sid);
        }
        if (r.fills.size() > 1) any_striped = true;
        if (r.text.hex() != s.dark_text.hex()) any_light_text = true;
    }
    for (std::size_t i = 0; i < p.layout.bands().size(); ++i) level_index[p.layout.bands()[i].level] = i;
    for (const auto& l : p.layout.links()) kinds.insert(l.kind);
    focused = std::any_of(p.layout.roles().begin(), p.layout.roles().end(),
                          [](const PlacedRole& r) { return r.emphasis != Emphasis::Normal; }) ||
              !p.marks.badges.empty();
}

std::string DrawingFacts::name_of_setting(const std::string& id) const {
    auto it = setting_name.find(id);
    return it == setting_name.end() ? id : it->second;
}

std::string paint(const char* property, const std::string& var, const Colour& c) {
    std::string hex = c.hex();
    return std::string(property) + ":" + hex + ";" + property + ":var(--" + var + "," + hex + ")";
}

std::string rect(const std::string& cls, const Box& b) {
    return "<rect class=\"" + cls + "\" x=\"" + num(b.x) + "\" y=\"" + num(b.y) + "\" width=\"" + num(b.w) +
           "\" height=\"" + num(b.h) + "\"/>\n";
}

std::string points(const std::vector<Point>& pts) {
    std::string s;
    for (std::size_t i = 0; i < pts.size(); ++i) s += (i ? " " : "") + num(pts[i].x) + "," + num(pts[i].y);
    return s;
}

SvgWriter::SvgWriter(const Poster& poster, const Style& style, const SvgOptions& options)
    : p_(poster), s_(style), o_(options), id_(id_prefix(options.id_prefix)), measure_(style.font),
      facts_(poster, style) {}

std::string SvgWriter::write() {
    std::string body;
    double vw = 0, vh = 0;
    if (o_.embed) {
        body = drawing("") + compact_legend(vh);
        vw = p_.layout.width();
    } else {
        body = page();
        vw = p_.width;
        vh = p_.height;
    }
    std::string out;
    if (!o_.embed) out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id_ + "\" class=\"pathways" +
           std::string(o_.embed ? " embed" : "") + "\" viewBox=\"0 0 " + num(vw) + " " + num(vh) + "\"";
    if (!o_.embed) {
        out += " width=\"" + num(vw) + "pt\" height=\"" + num(vh) + "pt\"";
    } else if (o_.width > 0) {
        out += " width=\"" + num(o_.width) + "\" height=\"" + num(o_.width * vh / std::max(vw, 1.0)) + "\"";
    }
    out += " role=\"img\" aria-labelledby=\"" + id_ + "-title " + id_ + "-desc\">\n";
    out += "<title id=\"" + id_ + "-title\">" + esc(p_.title) + "</title>\n";
    out += "<desc id=\"" + id_ + "-desc\">" + esc(p_.description.empty() ? describe(p_, s_, facts_) : p_.description) + "</desc>\n";
    out += "<style>\n" + css() + "</style>\n";
    out += body;
    out += "</svg>\n";
    return out;
}

std::string SvgWriter::make_id(const std::string& local) {
    std::string id = id_ + "-" + local;
    for (int n = 2; !used_ids_.insert(id).second; ++n) id = id_ + "-" + local + "-" + std::to_string(n);
    return id;
}

std::string SvgWriter::css() const {
    std::string P = "#" + id_;
    std::string c = P + "{font-family:" + font_stack(s_);
    if (o_.embed) c += ";" + paint("background", "page-background", s_.page_background);
    c += "}\n";
    c += P + " text{" + paint("fill", "text-colour", s_.text_colour) + "}\n";
    if (!o_.embed) c += P + " .page{" + paint("fill", "page-background", s_.page_background) + "}\n";
    // Bands.
    c += P + " .cluster rect{" + paint("stroke", "band-border", s_.band_border) + ";stroke-width:1.5}\n";
    c += P + " .cluster text{font-size:" + num(s_.band_size) + "px;font-weight:700;" +
         paint("fill", "band-label-colour", s_.band_label) + "}\n";
    for (const auto& b : p_.layout.bands())
        c += P + " rect.level-" + ident(b.level->id) + "{" +
             paint("fill", "level-" + ident(b.level->id) + "-fill", band_fill(s_, facts_.level_index.at(b.level))) + "}\n";
    if (!p_.layout.lanes().empty()) {  // the framework layout's lanes: rules between them, names at the left
        const LinkLook rule = lane_rule_look(s_);
        c += P + " .lane line{" + paint("stroke", "band-border", rule.colour) + ";stroke-width:" + num(rule.width) + "}\n";
        c += P + " .lane text{font-size:" + num(s_.band_size) + "px;font-weight:700;text-anchor:middle;" +
             paint("fill", "band-label-colour", s_.band_label) + "}\n";
    }
    // Roles.
    c += P + " .node text{font-size:" + num(s_.role_size) + "px;text-anchor:middle;" +
         paint("fill", "role-text-dark", s_.dark_text) + "}\n";
    if (facts_.any_light_text) c += P + " .node.text-light text{" + paint("fill", "role-text-light", s_.light_text) + "}\n";
    c += P + " .outline{" + paint("stroke", "role-border", s_.role_border) + ";stroke-width:1.2}\n";
    c += P + " .frame{fill:none}\n";
    for (const auto& id : facts_.setting_ids) {
        auto it = facts_.setting_fill.find(id);
        if (it == facts_.setting_fill.end()) continue;
        c += P + " rect.setting-" + ident(id) + "{" + paint("fill", "setting-" + ident(id) + "-fill", it->second) + "}\n";
    }
    c += link_css();
    if (facts_.focused) c += focus_css();
    // Legend and page text.
    if (o_.embed) {
        c += P + " .legend text{font-size:" + num(legend_size()) + "px}\n";
        c += P + " .legend .heading{font-weight:700}\n";
        c += P + " .swatch{" + paint("stroke", "role-border", s_.role_border) + ";stroke-width:1}\n";
    } else {
        c += P + " .swatch{stroke-width:1}\n";
        c += text_css();
        c += P + " .tag{font-weight:700}\n";
    }
    return c;
}

/// Links and their samples in the legend: one rule per kind drawn or sampled; transfer markers.
std::string SvgWriter::link_css() const {
    std::string P = "#" + id_;
    std::string c = P + " .edge path," + P + " .key path{fill:none}\n";
    for (LinkKind kind : kLinkKinds) {
        bool in_legend = !o_.embed && std::any_of(p_.lines.begin(), p_.lines.end(),
                                                  [&](const PageLine& l) { return l.kind == kind; });
        if (!facts_.kinds.count(kind) && !in_legend) continue;
        const LinkLook& l = link_look(s_, kind);
        std::string name(to_string(kind));
        std::string var = "link-" + name + "-colour";
        c += P + " ." + name + " path{" + paint("stroke", var, l.colour) + ";stroke-width:" + num(l.width) + dash(l) + "}\n";
        c += P + " ." + name + " polygon{" + paint("fill", var, l.colour) + "}\n";
    }
    if (!p_.layout.transfers().empty()) {
        const LinkLook& l = s_.transfer;
        c += P + " .node.transfer rect{fill:none;" + paint("stroke", "link-transfer-colour", l.colour) +
             ";stroke-width:" + num(l.width) + dash(l) + "}\n";
        c += P + " .node.transfer text{" + paint("fill", "text-colour", s_.text_colour) + "}\n";
    }
    return c;
}

/// A route or story poster: faded roles and links, the route's bold outlines and thick links (and
/// their legend sample), the story's trail and numbered badges.
std::string SvgWriter::focus_css() const {
    std::string P = "#" + id_;
    const RouteLook& r = s_.route;
    const LinkLook trail = trail_look(s_);
    std::string c = P + " .node.faded," + P + " .edge.faded{opacity:" + num(r.faded_opacity) + "}\n";
    c += P + " .node.emphasised .outline{" + paint("stroke", "route-colour", r.colour) + ";stroke-width:" +
         num(route_outline_width(s_)) + "}\n";
    c += P + " .edge.emphasised path," + P + " .key.emphasised path{" + paint("stroke", "route-colour", r.colour) +
         ";stroke-width:" + num(r.width) + ";stroke-dasharray:none}\n";
    c += P + " .edge.emphasised polygon," + P + " .key.emphasised polygon{" + paint("fill", "route-colour", r.colour) + "}\n";
    if (p_.marks.badges.empty()) return c;
    c += P + " .trail path{fill:none;" + paint("stroke", "route-colour", r.colour) + ";stroke-width:" + num(trail.width) +
         dash(trail) + ";stroke-linecap:round;stroke-linejoin:round}\n";
    c += P + " .badge circle{" + paint("fill", "route-colour", r.colour) + ";" +
         paint("stroke", "page-background", p_.marks.badge_ring) + ";stroke-width:2}\n";
    c += P + " .badge text{font-weight:700;text-anchor:middle;font-size:" + num(p_.marks.badges.front().radius * 1.25) +
         "px;fill:" + p_.marks.badge_text.hex() + "}\n";
    return c;
}

/// The ways in (#19): a lettered tag on each role an entry route leads into, its name as the tooltip.
std::string SvgWriter::entry_tags() {
    if (p_.entry_tags.empty()) return {};
    std::string out = "<g id=\"" + make_id("entry-routes") + "\" class=\"entry-routes\">\n";
    for (const auto& t : p_.entry_tags) {
        const Box& b = t.box;
        out += "<g class=\"entry-tag entry-" + ident(t.key) + (t.role ? " to-" + ident(t.role->id) : "") + "\"><title>" +
               esc(t.key + ": a way in, " + t.name) + "</title><rect x=\"" + num(b.x) + "\" y=\"" + num(b.y) +
               "\" width=\"" + num(b.w) + "\" height=\"" + num(b.h) + "\" rx=\"" + num(b.h * 0.2) + "\" fill=\"" +
               p_.entry_fill.hex() + "\" stroke=\"" + p_.background.hex() + "\" stroke-width=\"2\"/><text x=\"" +
               num(b.x + b.w / 2) + "\" y=\"" + num(b.y + b.h * 0.72) + "\" font-size=\"" + num(b.h * 0.62) +
               "\" font-weight=\"700\" text-anchor=\"middle\" fill=\"" + p_.entry_text.hex() + "\">" + esc(t.key) +
               "</text></g>\n";
    }
    return out + "</g>\n";
}

/// The story's trail through its steps and a numbered badge at each, over the roles.
std::string SvgWriter::story_marks() {
    const StoryMarks& m = p_.marks;
    if (m.badges.empty()) return {};
    std::string out = "<g id=\"" + make_id("story") + "\" class=\"story\">\n";
    if (m.trail.size() > 1) {
        out += "<g class=\"trail\" aria-hidden=\"true\"><path d=\"M";
        for (std::size_t i = 0; i < m.trail.size(); ++i) out += (i ? "L" : "") + num(m.trail[i].x) + "," + num(m.trail[i].y);
        out += "\"/></g>\n";
    }
    for (const auto& b : m.badges)
        out += "<g class=\"badge step-" + b.number + "\"><title>Step " + b.number + ": " + esc(b.text) +
               "</title><circle cx=\"" + num(b.centre.x) + "\" cy=\"" + num(b.centre.y) + "\" r=\"" + num(b.radius) +
               "\"/><text x=\"" + num(b.centre.x) + "\" y=\"" + num(b.centre.y + b.radius * 0.45) + "\">" + b.number +
               "</text></g>\n";
    return out + "</g>\n";
}

/// The laid-out graph, in Graphviz's structure: bands, then links, then roles lowest level first.
std::string SvgWriter::drawing(const std::string& transform) {
    const Layout& L = p_.layout;
    std::string out = "<g id=\"" + make_id("graph") + "\" class=\"graph\"";
    if (!transform.empty()) out += " transform=\"" + transform + "\"";
    out += ">\n";
    for (const auto& b : L.bands()) out += band(b);
    for (std::size_t i = 0; i < L.lanes().size(); ++i) out += lane(L.lanes()[i], i == 0);
    // Links are drawn connectors: each role's description already says where it leads, so the
    // links stay out of the accessibility tree (their titles still show as tooltips).
    out += "<g class=\"edges\" aria-hidden=\"true\">\n";
    // A route's links go last, so no faded link is drawn over them.
    for (const auto& l : L.links())
        if (l.emphasis != Emphasis::Emphasised) out += link(l);
    for (const auto& l : L.links())
        if (l.emphasis == Emphasis::Emphasised) out += link(l);
    out += "</g>\n";

    // Roles in reading order: level by level, lowest first; within a level, top to bottom, left to right.
    std::vector<const PlacedRole*> order;
    for (const auto& r : L.roles()) order.push_back(&r);
    auto level_of = [&](const PlacedRole* r) {
        auto it = facts_.level_index.find(r->level);
        return it == facts_.level_index.end() ? facts_.level_index.size() : it->second;
    };
    std::stable_sort(order.begin(), order.end(), [&](const PlacedRole* a, const PlacedRole* b) {
        if (level_of(a) != level_of(b)) return level_of(a) < level_of(b);
        if (std::abs(a->box.y - b->box.y) > 1) return a->box.y < b->box.y;
        return a->box.x < b->box.x;
    });
    for (const PlacedRole* r : order) out += role(*r);
    for (const auto& t : L.transfers()) out += transfer(t);
    out += story_marks();
    out += entry_tags();
    out += "</g>\n";
    return out;
}

std::string SvgWriter::band(const PlacedBand& b) {
    std::string lid = ident(b.level->id);
    std::string out = "<g id=\"" + make_id("band-" + lid) + "\" class=\"cluster level-" + lid + "\"><title>" +
                      esc(b.level->name) + "</title>\n";
    out += "<rect class=\"level-" + lid + "\" x=\"" + num(b.box.x) + "\" y=\"" + num(b.box.y) + "\" width=\"" +
           num(b.box.w) + "\" height=\"" + num(b.box.h) + "\"/>\n";
    if (b.lines.size() <= 1) {
        double x = b.box.x + 8, y = b.box.y + s_.band_size;
        if (b.label.w > 0) {  // where the layout put it, clear of links (issue 17)
            x = b.label.x + (b.label.w - measure_.width(b.level->name, s_.band_size, true)) / 2;
            y = b.label.y + b.label.h / 2 + s_.band_size * 0.35;
        }
        out += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\">" + esc(b.level->name) + "</text>\n</g>\n";
        return out;
    }
    for (std::size_t i = 0; i < b.lines.size(); ++i)  // a framework column's wrapped name
        out += "<text x=\"" + num(b.box.x + 8) + "\" y=\"" +
               num(b.box.y + s_.band_size * (1 + 1.2 * static_cast<double>(i))) + "\">" + esc(b.lines[i]) + "</text>\n";
    return out + "</g>\n";
}

/// A framework lane: the rule above it (none above the first) and its name at the left.
std::string SvgWriter::lane(const PlacedLane& l, bool first) {
    std::string lid = ident(l.lane.id);
    std::string out = "<g id=\"" + make_id("lane-" + lid) + "\" class=\"lane lane-" + lid + "\"><title>" +
                      esc(l.lane.name) + "</title>\n";
    if (!first)
        out += "<line x1=\"" + num(l.box.x) + "\" y1=\"" + num(l.box.y) + "\" x2=\"" + num(l.box.x + l.box.w) +
               "\" y2=\"" + num(l.box.y) + "\"/>\n";
    double line = s_.band_size * 1.2, cx = l.label_box.x + l.label_box.w / 2;
    double top = l.label_box.y + l.label_box.h / 2 - line * static_cast<double>(l.lines.size()) / 2;
    for (std::size_t i = 0; i < l.lines.size(); ++i)
        out += "<text x=\"" + num(cx) + "\" y=\"" + num(top + line * static_cast<double>(i) + s_.band_size * 0.95) +
               "\">" + esc(l.lines[i]) + "</text>\n";
    return out + "</g>\n";
}

std::string SvgWriter::link(const PlacedLink& l) {
    if (l.bezier.size() < 4) return {};
    std::string kind(to_string(l.kind));
    std::string cls = "edge " + kind;
    if (l.kind == LinkKind::Up || l.kind == LinkKind::Within || l.kind == LinkKind::Down) cls += " progression";
    if (l.emphasis != Emphasis::Normal) cls += " " + std::string(to_string(l.emphasis));
    std::string from = l.from ? l.from->name : l.tail, to = l.to ? l.to->name : l.head;
    std::string title = l.kind == LinkKind::SameRole   ? from + " (the same role at another level)"
                        : l.kind == LinkKind::Transfer ? from + " \xE2\x86\x92 " + to + " (outside this diagram)"
                                                       : from + " \xE2\x86\x92 " + to;
    if (l.from && l.to && l.kind != LinkKind::SameRole)
        if (std::string via = via_words(progression_via(*l.from, l.to->id)); !via.empty()) title += ", " + via;
    std::string out = "<g id=\"" + make_id("link-" + node_ident(l.tail) + "__" + node_ident(l.head)) + "\" class=\"" +
                      cls + "\"><title>" + esc(title) + "</title>\n";
    out += "<path d=\"M" + num(l.bezier[0].x) + "," + num(l.bezier[0].y) + "C";
    for (std::size_t k = 1; k < l.bezier.size(); ++k) out += (k > 1 ? " " : "") + num(l.bezier[k].x) + "," + num(l.bezier[k].y);
    out += "\"/>\n";
    if (l.arrow.size() == 3) out += "<polygon points=\"" + points(l.arrow) + "\"/>\n";
    out += "</g>\n";
    return out;
}

/// Label lines centred in `box`, as Graphviz sets them (Pango line height, centred block).
std::string SvgWriter::label(const std::vector<std::string>& lines, const Box& box) {
    double line = measure_.line_height(s_.role_size, false), ascent = measure_.ascent(s_.role_size, false);
    if (line <= 0) line = s_.role_size * 1.2, ascent = s_.role_size * 0.9;
    double cx = box.x + box.w / 2, top = box.y + box.h / 2 - line * static_cast<double>(lines.size()) / 2;
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i)
        out += "<text x=\"" + num(cx) + "\" y=\"" + num(top + line * static_cast<double>(i) + ascent) + "\">" +
               esc(lines[i]) + "</text>\n";
    return out;
}

std::string SvgWriter::role(const PlacedRole& r) {
    if (!r.role) return {};
    const Role& role = *r.role;
    std::string cls = "node role-" + ident(role.id) + (r.level ? " level-" + ident(r.level->id) : "");
    for (const auto& s : role.settings) cls += " setting-" + ident(s);
    if (r.text.hex() != s_.dark_text.hex()) cls += " text-light";
    if (r.emphasis != Emphasis::Normal) cls += " " + std::string(to_string(r.emphasis));
    std::string out = "<g id=\"" + make_id("role-" + node_ident(r.node)) + "\" class=\"" + cls + "\"><title>" +
                      esc(role_title(p_, facts_, role)) + "</title>";
    std::string desc = role_desc(p_, role);
    if (!desc.empty()) out += "<desc>" + esc(desc) + "</desc>";
    out += "\n";
    bool linked = !role.url.empty() && is_safe_url(role.url);
    if (linked) out += "<a href=\"" + esc(role.url) + "\">\n";
    if (r.fills.size() <= 1) {
        std::string fill = r.fills.empty() || role.settings.empty() ? "frame" : "setting-" + ident(role.settings[0]);
        out += rect(fill + " outline", r.box);
    } else {
        double w = r.box.w / static_cast<double>(r.fills.size());
        for (std::size_t i = 0; i < r.fills.size(); ++i) {
            std::string sid = i < role.settings.size() ? ident(role.settings[i]) : "x";
            out += rect("setting-" + sid, {r.box.x + w * static_cast<double>(i), r.box.y, w, r.box.h});
        }
        out += rect("frame outline", r.box);
    }
    out += label(r.label, r.box);
    if (linked) out += "</a>\n";
    out += "</g>\n";
    return out;
}

std::string SvgWriter::transfer(const PlacedTransfer& t) {
    std::string title;
    for (const auto& l : t.label) title += (title.empty() ? "" : " ") + l;
    std::string out = "<g id=\"" + make_id("transfer-" + ident(t.to ? t.to->id : t.node)) +
                      "\" class=\"node transfer\"><title>" + esc(title) + "</title>\n";
    out += "<rect x=\"" + num(t.box.x) + "\" y=\"" + num(t.box.y) + "\" width=\"" + num(t.box.w) + "\" height=\"" +
           num(t.box.h) + "\" rx=\"6\"/>\n";
    out += label(t.label, t.box);
    out += "</g>\n";
    return out;
}

}  // namespace svg

std::string render_svg(const Poster& poster, const Style& style, const SvgOptions& options) {
    return svg::SvgWriter(poster, style, options).write();
}

}  // namespace pathways
