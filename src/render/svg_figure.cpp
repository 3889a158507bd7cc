// The SVG embed profile's compact legend: a key below the drawing for a leaflet or web page.
#include <algorithm>

#include "pathways/look.hpp"
#include "svg_text.hpp"
#include "svg_writer.hpp"

namespace pathways::svg {

namespace {

/// One entry of the compact legend: a sample drawn at (0,0)-(sw,sh) and its words.
struct Item {
    std::string swatch;
    std::string text;
    bool heading = false;
};

/// What the compact legend says of each kind of link.
const char* key_words(LinkKind kind) {
    switch (kind) {
        case LinkKind::Up: return "Leads up a level";
        case LinkKind::Within: return "Leads to a role at the same level";
        case LinkKind::Down: return "Leads down a level";
        case LinkKind::SameRole: return "The same role at another level";
        case LinkKind::Transfer: return "Leads to a role outside this diagram";
    }
    return "";
}

/// A link sample `sw` wide at mid-height of `sh`.
std::string link_sample(LinkKind kind, const LinkLook& l, double sw, double sh) {
    double my = sh / 2;
    Arrowhead head = legend_arrowhead({sw, my}, l.width);
    double end = has_arrow(kind) ? head.corners[1].x : sw;
    std::string name(to_string(kind));
    std::string sample = "<g class=\"key " + name + "\"><path d=\"M0," + num(my) + "H" + num(end) + "\"/>";
    if (has_arrow(kind)) sample += "<polygon points=\"" + points({head.corners.begin(), head.corners.end()}) + "\"/>";
    return sample + "</g>";
}

/// A role box sample in the look of a role on (`emphasis` Emphasised) or off (Faded) the route.
std::string box_sample(Emphasis emphasis, const std::string& fill, double sw, double sh) {
    return "<g class=\"node " + std::string(to_string(emphasis)) + "\"><rect class=\"" + fill + " outline\" x=\"1\" y=\"1\" width=\"" +
           num(sw - 2) + "\" height=\"" + num(sh - 2) + "\"/></g>";
}

/// The key of a route or story poster's marks: the route's thick link and bold outline (or the
/// story's trail and a numbered badge), and what fading means. `badge` is the badges' radius.
std::vector<Item> focus_items(bool story, const std::string& fill, double badge, double sw, double sh) {
    std::vector<Item> items{{"", story ? "The story:" : "Your route:", true}};
    if (story) {
        double k = sh / 2 / badge, my = sh / 2;
        std::string trail = "<g class=\"trail\"><path d=\"M0," + num(my) + "H" + num(sw) + "\"/></g>";
        std::string mark = "<g transform=\"translate(" + num(sw - sh / 2) + "," + num(my) + ") scale(" + num(k) +
                           ")\"><g class=\"badge\"><circle cx=\"0\" cy=\"0\" r=\"" + num(badge) + "\"/><text x=\"0\" y=\"" +
                           num(badge * 0.45) + "\">1</text></g></g>";
        items.push_back({trail + mark, "Its steps, numbered in order"});
        items.push_back({box_sample(Emphasis::Emphasised, fill, sw, sh), "A job of the story"});
        items.push_back({box_sample(Emphasis::Faded, fill, sw, sh), "Not in the story (faded)"});
    } else {
        std::string link = "<g class=\"key emphasised\"><path d=\"M0," + num(sh / 2) + "H" + num(sw) + "\"/></g>";
        items.push_back({link, "A step of the route"});
        items.push_back({box_sample(Emphasis::Emphasised, fill, sw, sh), "A role on the route"});
        items.push_back({box_sample(Emphasis::Faded, fill, sw, sh), "Not on the route (faded)"});
    }
    return items;
}

}  // namespace

/// A setting's swatch, with its tag when the style shows tags.
std::string SvgWriter::setting_swatch(const std::string& id, double sw, double sh) {
    std::string out = "<rect class=\"setting-" + ident(id) + " swatch\" width=\"" + num(sw) + "\" height=\"" + num(sh) + "\"/>";
    if (std::string tag = setting_tag(s_, *p_.catalogue, id); !tag.empty()) {
        Colour tc = text_colour_for(s_, {facts_.setting_fill.at(id)});
        out += "<text x=\"3\" y=\"" + num(sh * 0.72) + "\" style=\"font-size:" + num(sh * 0.55) +
               "px;font-weight:700;fill:" + tc.hex() + "\">" + esc(tag) + "</text>";
    }
    return out;
}

/// A key below the drawing: the settings' colours and the kinds of link drawn, in rows that wrap
/// to the drawing's width. Sets `height` to the figure's whole height.
std::string SvgWriter::compact_legend(double& height) {
    const double size = legend_size(), pad = 8, sw = size * 2, sh = size * 1.3, gap = size * 1.4;
    const double width = std::max(p_.layout.width(), 300.0);
    double y = p_.layout.height() + size * 0.5;
    std::string out = "<g id=\"" + make_id("legend") + "\" class=\"legend\">\n";
    auto flow = [&](const std::vector<Item>& items) {
        double x = pad, row_h = sh + size * 0.6;
        for (const auto& item : items) {
            double tw = measure_.width(item.text, size, item.heading);
            double w = (item.swatch.empty() ? 0 : sw + size * 0.5) + tw;
            if (x > pad && x + w > width - pad) {
                x = pad;
                y += row_h;
            }
            double tx = x;
            if (!item.swatch.empty()) {
                out += "<g transform=\"translate(" + num(x) + "," + num(y) + ")\">" + item.swatch + "</g>\n";
                tx += sw + size * 0.5;
            }
            out += "<text" + std::string(item.heading ? " class=\"heading\"" : "") + " x=\"" + num(tx) + "\" y=\"" +
                   num(y + sh / 2 + size * 0.35) + "\">" + esc(item.text) + "</text>\n";
            x += w + gap;
        }
        y += row_h;
    };

    const auto& ids = facts_.setting_ids;
    std::string dimension = p_.setting_dimension.empty() ? "Setting" : p_.setting_dimension;
    std::vector<Item> settings{{"", plural(dimension, ids.size()) + ":", true}};
    for (const auto& id : ids)
        if (facts_.setting_fill.count(id)) settings.push_back({setting_swatch(id, sw, sh), facts_.name_of_setting(id)});
    if (facts_.any_striped && ids.size() > 1) {
        std::string stripes;
        double w = sw / static_cast<double>(ids.size());
        for (std::size_t i = 0; i < ids.size(); ++i)
            stripes += "<rect class=\"setting-" + ident(ids[i]) + "\" x=\"" + num(w * static_cast<double>(i)) +
                       "\" width=\"" + num(w) + "\" height=\"" + num(sh) + "\"/>";
        stripes += "<rect class=\"frame swatch\" width=\"" + num(sw) + "\" height=\"" + num(sh) + "\"/>";
        settings.push_back({stripes, "Striped: in more than one"});
    }
    flow(settings);

    std::vector<Item> links{{"", "Links:", true}};
    for (LinkKind kind : kLinkKinds)
        if (facts_.kinds.count(kind)) links.push_back({link_sample(kind, link_look(s_, kind), sw, sh), key_words(kind)});
    if (links.size() > 1) flow(links);
    if (facts_.focused) {
        std::string fill = ids.empty() ? "frame" : "setting-" + ident(ids.front());
        bool story = !p_.marks.badges.empty();
        flow(focus_items(story, fill, story ? p_.marks.badges.front().radius : 0, sw, sh));
    }
    out += "</g>\n";
    height = y + size * 0.2;
    return out;
}

}  // namespace pathways::svg
