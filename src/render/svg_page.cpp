// The SVG page profile: the whole poster at its paper size, as the PDF shows it.
#include <algorithm>
#include <cmath>

#include "pathways/look.hpp"
#include "svg_terms.hpp"
#include "svg_text.hpp"
#include "svg_writer.hpp"

namespace pathways::svg {

namespace {

/// A legend swatch's stripe: classed by the setting or level it shows, else its literal fill.
std::string stripe(const PageRect& r, std::size_t i, const Box& b) {
    if (i < r.settings.size() && r.settings[i]) return rect("setting-" + ident(r.settings[i]->id), b);
    if (r.level) return rect("level-" + ident(r.level->id), b);
    return "<rect fill=\"" + r.fills[i].hex() + "\" x=\"" + num(b.x) + "\" y=\"" + num(b.y) + "\" width=\"" + num(b.w) +
           "\" height=\"" + num(b.h) + "\"/>\n";
}

std::string swatch(const PageRect& r) {
    std::string out;
    double w = r.box.w / static_cast<double>(std::max<std::size_t>(1, r.fills.size()));
    for (std::size_t i = 0; i < r.fills.size(); ++i)
        out += stripe(r, i, {r.box.x + w * static_cast<double>(i), r.box.y, w, r.box.h});
    if (r.stroke_width > 0)
        out += "<rect class=\"frame swatch\" stroke=\"" + r.stroke.hex() + "\" x=\"" + num(r.box.x) + "\" y=\"" +
               num(r.box.y) + "\" width=\"" + num(r.box.w) + "\" height=\"" + num(r.box.h) + "\"/>\n";
    if (!r.tag.empty())
        out += "<text class=\"tag\" x=\"" + num(r.box.x + 3) + "\" y=\"" + num(r.box.y + r.box.h * 0.72) +
               "\" style=\"font-size:" + num(r.box.h * 0.55) + "px;fill:" + r.tag_colour.hex() + "\">" + esc(r.tag) +
               "</text>\n";
    return out;
}

/// A link sample, classed by the kind it shows (the CSS gives each kind its look).
std::string sample(const PageLine& l) {
    Arrowhead head = legend_arrowhead(l.to, l.look.width);
    std::string cls = "key " + std::string(to_string(l.kind)) +
                      (l.emphasis == Emphasis::Normal ? "" : " " + std::string(to_string(l.emphasis)));
    std::string out = "<g class=\"" + cls + "\"><path d=\"M" + num(l.from.x) + "," +
                      num(l.from.y) + "L" + num(l.arrow ? head.line_end : l.to.x) + "," + num(l.to.y) + "\"/>";
    if (l.arrow)
        out += "<polygon points=\"" + points({head.corners.begin(), head.corners.end()}) + "\"/>";
    return out + "</g>\n";
}

}  // namespace

std::string SvgWriter::text_class(const PageText& t) {
    std::string hex = t.colour.hex();
    std::string role = t.role.empty() ? "text" : ident(t.role);
    for (const auto& c : text_classes_)
        if (c.role == role && std::abs(c.size - t.size) < 1e-6 && c.bold == t.bold && c.colour == hex) return c.name;
    std::size_t same = 0;
    for (const auto& c : text_classes_) same += c.role == role ? 1 : 0;
    TextClass c{same ? role + "-" + std::to_string(same + 1) : role, role, t.size, t.bold, hex};
    text_classes_.push_back(c);
    return c.name;
}

/// One rule per class of page text; its colour from the style's custom property when it is one.
std::string SvgWriter::text_css() const {
    std::string c;
    for (const auto& t : text_classes_) {
        Colour colour = *parse_colour(t.colour);
        std::string fill = t.colour == s_.title_colour.hex()  ? paint("fill", "title-colour", colour)
                           : t.colour == s_.text_colour.hex() ? paint("fill", "text-colour", colour)
                           : t.colour == s_.band_label.hex()  ? paint("fill", "band-label-colour", colour)
                                                              : "fill:" + t.colour;
        c += "#" + id_ + " ." + t.name + "{font-size:" + num(t.size) + "px";
        if (t.bold) c += ";font-weight:700";
        c += ";" + fill + "}\n";
    }
    if (!text_classes_.empty()) c += "#" + id_ + " .term{text-decoration:underline dotted}\n";  // issue 17
    return c;
}

std::string SvgWriter::page() {
    // Classes for the page's text first: css() is written after the body is known.
    std::vector<std::string> classes;
    for (const auto& t : p_.texts) classes.push_back(text_class(t));
    // Issue 17: the glossary's words marked in panel and index text, first use on the page.
    const std::vector<TermForm> forms = p_.catalogue ? term_forms(*p_.catalogue) : std::vector<TermForm>{};
    std::set<const GlossaryEntry*> marked;
    auto text = [&](std::size_t i) {
        const PageText& t = p_.texts[i];
        bool terms = !t.bold && (t.role == "text" || t.role == "summary" || t.role == "index");  // not names
        return "<text class=\"" + classes[i] + "\" x=\"" + num(t.x) + "\" y=\"" + num(t.baseline) + "\">" +
               (terms ? with_terms(t.text, forms, marked) : esc(t.text)) + "</text>\n";
    };
    auto is = [&](std::size_t i, const char* role) { return p_.texts[i].role == role; };
    // Reading order: title and subtitle, the drawing, the legend and panels, the footer.
    std::string out = "<rect class=\"page\" width=\"" + num(p_.width) + "\" height=\"" + num(p_.height) + "\"/>\n";
    for (std::size_t i = 0; i < p_.texts.size(); ++i)
        if (is(i, "title") || is(i, "subtitle")) out += text(i);
    out += drawing("translate(" + num(p_.drawing_at.x) + " " + num(p_.drawing_at.y) + ") scale(" +
                   num(p_.drawing_scale) + ")");
    out += "<g id=\"" + make_id("legend") + "\" class=\"legend\">\n";
    for (const auto& r : p_.rects) out += swatch(r);
    for (const auto& l : p_.lines) out += sample(l);
    for (std::size_t i = 0; i < p_.texts.size(); ++i)
        if (!is(i, "title") && !is(i, "subtitle") && !is(i, "footer")) out += text(i);
    out += "</g>\n";
    for (std::size_t i = 0; i < p_.texts.size(); ++i)
        if (is(i, "footer")) out += text(i);
    return out;
}

}  // namespace pathways::svg
