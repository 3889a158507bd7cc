// The SVG writer: our own SVG from the poster's geometry (not Graphviz's -Tsvg), so that we
// choose its classes, ids, CSS and accessible text.
//
// Two profiles share one writer:
//  - the page (default): the whole poster at its paper size, as the PDF shows it;
//  - embed (SvgOptions::embed): a figure for someone else's page or leaflet: the drawing and a
//    compact legend, no page furniture, a viewBox and no fixed size unless one is asked for.
//
// Both keep Graphviz's group structure (g.graph > g.cluster, g.edge, g.node, each with a <title>),
// colour everything from one <style> block through CSS custom properties a page can override,
// derive every id from the poster name and the role/level ids, and write the same bytes for the
// same inputs. Nothing from the catalogue reaches the output unescaped: text is XML-escaped and
// stripped of characters XML 1.0 forbids, ids and classes are reduced to [a-z0-9-], and a link is
// written only for a URL that is_safe_url accepts. There is never a <script>, an event-handler
// attribute or a reference to anything outside the file.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

#include "pathways/catalogue.hpp"
#include "pathways/export.hpp"
#include "pathways/poster.hpp"
#include "text.hpp"

namespace pathways {

namespace {

// ---------------------------------------------------------------- text hygiene

/// `s` as valid UTF-8 holding only characters XML 1.0 allows: malformed bytes, control
/// characters other than tab and newline, surrogates and U+FFFE/U+FFFF are dropped.
std::string xml_chars(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > s.size()) {
            ++i;
            continue;
        }
        std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        bool ok = true;
        for (std::size_t k = 1; k < len && ok; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            ok = (cc & 0xC0) == 0x80;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if (!ok) {
            ++i;
            continue;
        }
        static constexpr std::uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};  // shortest form only
        bool allowed = cp >= kMinimum[len] && cp <= 0x10FFFF &&
                       (cp == 0x9 || cp == 0xA || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
                        cp >= 0x10000);
        if (allowed) out.append(s.substr(i, len));
        i += len;
    }
    return out;
}

/// `s` ready for XML text or a double-quoted attribute: only XML characters, & < > " ' escaped.
std::string esc(std::string_view s) { return xml_escape(xml_chars(s)); }

/// `s` reduced to a safe id or class fragment: lower-case letters, digits and single hyphens.
std::string ident(std::string_view s) {
    std::string out;
    for (char ch : s) {
        char c = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) out += c;
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "x" : out;
}

/// The poster name as an id prefix: letters, digits, hyphens and underscores, starting with a letter.
std::string id_prefix(std::string_view s) {
    std::string out;
    for (char c : s) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        out += keep ? c : '-';
    }
    if (out.empty()) return "pathways";
    if (!((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z'))) out = "p-" + out;
    return out;
}

/// A font family name safe inside a CSS string inside XML.
std::string font_name(std::string_view s) {
    std::string out;
    for (char c : s)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '-' ||
            c == '_' || c == '.')
            out += c;
    return out;
}

/// A number as short as it can be written to a hundredth.
std::string num(double v) {
    if (!std::isfinite(v)) v = 0;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

std::string lower_first(const std::string& s) {
    if (s.size() >= 2 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
        return static_cast<char>(s[0] - 'A' + 'a') + s.substr(1);
    return s;
}

std::string plural(const std::string& noun, std::size_t n) {
    if (n == 1 || noun.empty()) return noun;
    return noun.back() == 's' ? noun : noun + "s";
}

/// "a", "a and b", "a, b and c".
std::string list_words(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return out;
}

std::string count_words(std::size_t n, const std::string& noun) { return std::to_string(n) + " " + plural(noun, n); }

// ---------------------------------------------------------------- fonts

/// Line height and ascent of the style's font, measured with Pango as Graphviz and the PDF do.
struct FontMetrics {
    double line = 0, ascent = 0;
};

FontMetrics measure_font(const std::string& family, double size, bool bold) {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t* cr = cairo_create(surface);
    set_unhinted(cr);
    PangoLayout* layout = pango_cairo_create_layout(cr);
    set_font(layout, family, size, bold);
    pango_layout_set_text(layout, "Hg", -1);
    PangoRectangle ink, logical;
    pango_layout_get_extents(layout, &ink, &logical);
    FontMetrics m{logical.height / double(PANGO_SCALE), pango_layout_get_baseline(layout) / double(PANGO_SCALE)};
    g_object_unref(layout);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    if (m.line <= 0) m = {size * 1.2, size * 0.9};
    return m;
}

// ---------------------------------------------------------------- the writer

struct TextClass {
    std::string name, role;
    double size = 0;
    bool bold = false;
    std::string colour;  // hex
};

const char* kLinkKinds[] = {"up", "within-level", "down", "same-role", "transfer"};

class SvgWriter {
public:
    SvgWriter(const Poster& poster, const Style& style, const SvgOptions& options)
        : p_(poster), s_(style), o_(options), id_(id_prefix(options.id_prefix)), measure_(style.font) {
        collect();
    }

    std::string write() {
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
        out += "<desc id=\"" + id_ + "-desc\">" + esc(describe()) + "</desc>\n";
        out += "<style>\n" + css() + "</style>\n";
        out += body;
        out += "</svg>\n";
        return out;
    }

private:
    const Poster& p_;
    const Style& s_;
    const SvgOptions& o_;
    std::string id_;
    TextMeasure measure_;

    std::map<std::string, std::string> setting_name_;  // id -> name
    std::vector<std::string> setting_ids_;             // in legend order
    std::map<std::string, Colour> setting_fill_;
    std::map<const Level*, std::size_t> level_index_;
    std::set<std::string> kinds_present_;
    std::vector<TextClass> text_classes_;
    std::set<std::string> used_ids_;
    bool any_striped_ = false, any_light_text_ = false;
    FontMetrics role_font_;

    // ------------------------------------------------------------ what the drawing holds

    void collect() {
        for (const Setting* st : p_.settings) {
            setting_name_[st->id] = st->name;
            setting_ids_.push_back(st->id);
        }
        for (const auto& r : p_.layout.roles()) {
            if (!r.role) continue;
            for (std::size_t i = 0; i < r.role->settings.size() && i < r.fills.size(); ++i) {
                const std::string& sid = r.role->settings[i];
                setting_fill_.emplace(sid, r.fills[i]);
                if (std::find(setting_ids_.begin(), setting_ids_.end(), sid) == setting_ids_.end())
                    setting_ids_.push_back(sid);
            }
            if (r.fills.size() > 1) any_striped_ = true;
            if (r.text.hex() != s_.dark_text.hex()) any_light_text_ = true;
        }
        for (std::size_t i = 0; i < p_.layout.bands().size(); ++i) level_index_[p_.layout.bands()[i].level] = i;
        for (const auto& l : p_.layout.links()) kinds_present_.insert(l.kind);
    }

    std::string setting_name(const std::string& id) const {
        auto it = setting_name_.find(id);
        return it == setting_name_.end() ? id : it->second;
    }

    Colour level_fill(std::size_t i) const {
        return s_.band_fills.empty() ? s_.page_background : s_.band_fills[i % s_.band_fills.size()];
    }

    const LinkLook& look(const std::string& kind) const {
        if (kind == "within-level") return s_.within;
        if (kind == "down") return s_.down;
        if (kind == "same-role") return s_.same_role;
        if (kind == "transfer") return s_.transfer;
        return s_.up;
    }

    /// An element id from the poster name and `local`, unique within the document.
    std::string make_id(const std::string& local) {
        std::string id = id_ + "-" + local;
        for (int n = 2; !used_ids_.insert(id).second; ++n) id = id_ + "-" + local + "-" + std::to_string(n);
        return id;
    }

    /// The id fragment of a Graphviz node name: "nurse", or "management_leadership" for a role's
    /// copy at a second level (role and level ids never hold '_', so this cannot collide).
    static std::string node_ident(const std::string& node) {
        auto at = node.find('@');
        if (at == std::string::npos) return ident(node);
        return ident(node.substr(0, at)) + "_" + ident(node.substr(at + 1));
    }

    /// The label Graphviz laid out for a node, line by line (what the PDF shows).
    std::vector<std::string> node_label(const std::string& node, const std::vector<std::string>& fallback) const {
        Agraph_t* g = p_.layout.graph();
        if (!g) return fallback;
        std::string name = node;
        Agnode_t* n = agnode(g, name.data(), 0);
        if (!n) return fallback;
        char attr[] = "label";
        const char* label = agget(n, attr);
        if (!label || !*label) return fallback;
        std::vector<std::string> lines{""};
        for (const char* c = label; *c; ++c) {
            if (*c == '\n') lines.emplace_back();
            else if (*c == '\\' && c[1] == '\\') lines.back() += *++c;
            else lines.back() += *c;
        }
        return lines;
    }

    // ------------------------------------------------------------ words

    /// The figure in words, from the data: what it shows, how it is drawn, and the main routes.
    std::string describe() const {
        const Layout& L = p_.layout;
        std::vector<const Role*> roles;
        std::set<const Role*> seen;
        std::size_t multi_level = 0;
        for (const auto& r : L.roles())
            if (r.role && seen.insert(r.role).second) {
                roles.push_back(r.role);
                if (r.role->levels.size() > 1) ++multi_level;
            }
        std::vector<std::string> levels;
        for (const auto& b : L.bands()) levels.push_back(b.level->name);
        std::vector<std::string> settings;
        for (const auto& id : setting_ids_) settings.push_back(setting_name(id));
        std::string dimension = lower_first(p_.setting_dimension.empty() ? "setting" : p_.setting_dimension);

        std::string d = "A career pathway diagram of " + count_words(roles.size(), "job role");
        if (levels.size() == 1) {
            d += " at one level, " + levels[0] + ".";
        } else if (!levels.empty()) {
            bool ltr = L.choice().left_to_right;
            d += " at " + std::to_string(levels.size()) + " career levels, drawn as bands from " + levels.front() +
                 (ltr ? " on the left to " : " at the bottom to ") + levels.back() + (ltr ? " on the right: " : " at the top: ") +
                 list_words(levels) + ".";
        } else {
            d += ".";
        }
        if (settings.size() == 1) {
            d += " All of them are in " + settings[0] + ".";
        } else if (!settings.empty()) {
            d += " Each role is coloured by its " + dimension + ", one of " + std::to_string(settings.size()) + " (" +
                 list_words(settings) + ")";
            d += any_striped_ ? "; a role found in more than one is striped with each of their colours." : ".";
        }
        if (multi_level)
            d += " " + count_words(multi_level, "role") + (multi_level == 1 ? " appears" : " appear") +
                 " at two or more levels, joined by a " + s_.same_role.line + " line.";

        std::map<std::string, std::size_t> kinds;
        std::size_t progressions = 0;
        std::map<const Role*, std::size_t> reached;
        std::map<const Role*, std::vector<const Role*>> up;
        for (const auto& l : L.links()) {
            if (l.kind == "same-role") continue;
            ++kinds[l.kind];
            ++progressions;
            if (l.kind != "transfer" && l.to && l.from != l.to) ++reached[l.to];
            if (l.kind == "up" && l.from && l.to) up[l.from].push_back(l.to);
        }
        if (progressions == 0) {
            d += " No routes between roles are shown.";
        } else {
            std::vector<std::string> parts;
            if (kinds["up"]) parts.push_back(std::to_string(kinds["up"]) + " lead up to a higher level");
            if (kinds["within-level"]) parts.push_back(std::to_string(kinds["within-level"]) + " to another role at the same level");
            if (kinds["down"]) parts.push_back(std::to_string(kinds["down"]) + " down to a lower level");
            if (kinds["transfer"]) parts.push_back(std::to_string(kinds["transfer"]) + " to roles outside this diagram");
            d += " " + std::to_string(progressions) + (progressions == 1 ? " arrow shows" : " arrows show") +
                 " where a role can lead: " + list_words(parts) + ".";
        }

        // The roles most often reached.
        std::vector<const Role*> hubs;
        for (const Role* r : roles)
            if (reached[r] >= 2) hubs.push_back(r);
        std::stable_sort(hubs.begin(), hubs.end(), [&](const Role* a, const Role* b) { return reached[a] > reached[b]; });
        if (hubs.size() > 3) hubs.resize(3);
        if (!hubs.empty()) {
            std::vector<std::string> words;
            for (std::size_t i = 0; i < hubs.size(); ++i)
                words.push_back(hubs[i]->name + " (from " + std::to_string(reached[hubs[i]]) + (i == 0 ? " roles)" : ")"));
            d += " The roles most often reached are " + list_words(words) + ".";
        }

        // Main routes: the longest climbs, chosen to cover as many different roles as possible.
        std::map<const Role*, std::size_t> depth;  // roles on the longest climb from here
        std::set<const Role*> visiting;
        std::function<std::size_t(const Role*)> longest = [&](const Role* r) -> std::size_t {
            if (auto it = depth.find(r); it != depth.end()) return it->second;
            if (!visiting.insert(r).second) return 0;  // a cycle (cannot happen for upward links)
            std::size_t best = 0;
            for (const Role* next : up[r]) best = std::max(best, longest(next));
            visiting.erase(r);
            return depth[r] = best + 1;
        };
        std::set<const Role*> has_up_in;
        for (const auto& [from, tos] : up)
            for (const Role* t : tos) has_up_in.insert(t);
        std::vector<std::vector<const Role*>> candidates;
        for (const Role* r : roles) {
            if (has_up_in.count(r) || up[r].empty()) continue;
            std::vector<const Role*> route{r};
            for (const Role* at = r; !up[at].empty();) {
                const Role* next = nullptr;
                for (const Role* t : up[at])
                    if (!next || longest(t) > longest(next)) next = t;
                if (std::find(route.begin(), route.end(), next) != route.end()) break;
                route.push_back(next);
                at = next;
            }
            if (route.size() >= 3) candidates.push_back(route);
        }
        std::vector<std::vector<const Role*>> routes;
        std::set<const Role*> covered;
        while (routes.size() < 3 && !candidates.empty()) {
            std::size_t best = 0;
            auto score = [&](const std::vector<const Role*>& route) {
                std::size_t fresh = 0;
                for (const Role* r : route) fresh += covered.count(r) ? 0 : 1;
                return fresh * 100 + route.size();
            };
            for (std::size_t i = 1; i < candidates.size(); ++i)
                if (score(candidates[i]) > score(candidates[best])) best = i;
            routes.push_back(candidates[best]);
            for (const Role* r : candidates[best]) covered.insert(r);
            candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(best));
        }
        if (!routes.empty()) {
            d += routes.size() == 1 ? " A main route up the levels: " : " Main routes up the levels: ";
            for (std::size_t i = 0; i < routes.size(); ++i) {
                std::string words;
                for (std::size_t k = 0; k < routes[i].size(); ++k) words += (k ? " to " : "") + routes[i][k]->name;
                d += (i ? "; " : "") + words;
            }
            d += ".";
        }
        return d;
    }

    /// A role's tooltip: its name, levels and settings.
    std::string role_title(const Role& r) const {
        std::string t = r.name;
        std::vector<std::string> levels, settings;
        for (const auto& b : p_.layout.bands())
            if (std::find(r.levels.begin(), r.levels.end(), b.level->id) != r.levels.end()) levels.push_back(b.level->name);
        if (levels.size() < r.levels.size()) {  // levels outside the view: by id
            levels.clear();
            for (const auto& id : r.levels) {
                std::string name = id;
                for (const auto& b : p_.layout.bands())
                    if (b.level->id == id) name = b.level->name;
                levels.push_back(name);
            }
        }
        for (const auto& id : r.settings) settings.push_back(setting_name(id));
        t += "\n" + std::string(levels.size() == 1 ? "Level: " : "Levels: ") + list_words(levels);
        std::string dim = p_.setting_dimension.empty() ? "Setting" : p_.setting_dimension;
        t += "\n" + plural(dim, settings.size()) + ": " + list_words(settings);
        return t;
    }

    /// A role's description: its summary and where it can lead.
    std::string role_desc(const Role& r) const {
        std::string d = r.summary;
        std::vector<std::string> next;
        for (const auto& l : p_.layout.links())
            if (l.from == &r && l.to && l.to != &r && l.kind != "same-role" &&
                std::find(next.begin(), next.end(), l.to->name) == next.end())
                next.push_back(l.to->name);
        if (!next.empty()) d += (d.empty() ? "" : " ") + std::string("Can lead to: ") + list_words(next) + ".";
        return d;
    }

    // ------------------------------------------------------------ style

    static std::string paint(const char* property, const std::string& var, const Colour& c) {
        // The plain value first, for renderers without custom properties (librsvg, older tools).
        std::string hex = c.hex();
        return std::string(property) + ":" + hex + ";" + property + ":var(--" + var + "," + hex + ")";
    }

    static std::string dash(const LinkLook& l) {
        if (l.line == "dashed") return ";stroke-dasharray:" + num(l.width * 4) + " " + num(l.width * 2.5);
        if (l.line == "dotted") return ";stroke-dasharray:" + num(l.width) + " " + num(l.width * 2);
        return "";
    }

    /// The custom property a page text's colour comes from (its literal value when none fits).
    std::string text_paint(const std::string& hex) const {
        Colour c = *parse_colour(hex);
        if (hex == s_.title_colour.hex()) return paint("fill", "title-colour", c);
        if (hex == s_.text_colour.hex()) return paint("fill", "text-colour", c);
        if (hex == s_.band_label.hex()) return paint("fill", "band-label-colour", c);
        return "fill:" + hex;
    }

    std::string css() const {
        // The style's font first, then metric-compatible and common fallbacks.
        std::vector<std::string> names{font_name(s_.font), "Liberation Sans", "Arial", "Helvetica"};
        std::string stack;
        std::set<std::string> seen;
        for (const auto& f : names)
            if (!f.empty() && seen.insert(f).second)
                stack += (f.find(' ') != std::string::npos ? "\"" + f + "\"" : f) + ",";
        stack += "sans-serif";
        std::string P = "#" + id_;
        std::string c;
        c += P + "{font-family:" + stack;
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
                 paint("fill", "level-" + ident(b.level->id) + "-fill", level_fill(level_index_.at(b.level))) + "}\n";
        // Roles.
        c += P + " .node text{font-size:" + num(s_.role_size) + "px;text-anchor:middle;" +
             paint("fill", "role-text-dark", s_.dark_text) + "}\n";
        if (any_light_text_)
            c += P + " .node.text-light text{" + paint("fill", "role-text-light", s_.light_text) + "}\n";
        c += P + " .outline{" + paint("stroke", "role-border", s_.role_border) + ";stroke-width:1.2}\n";
        c += P + " .frame{fill:none}\n";
        for (const auto& id : setting_ids_) {
            auto it = setting_fill_.find(id);
            if (it == setting_fill_.end()) continue;
            c += P + " rect.setting-" + ident(id) + "{" + paint("fill", "setting-" + ident(id) + "-fill", it->second) + "}\n";
        }
        // Links, and their samples in the legend.
        c += P + " .edge path," + P + " .key path{fill:none}\n";
        for (const char* kind : kLinkKinds) {
            bool in_legend = !o_.embed && std::any_of(p_.lines.begin(), p_.lines.end(), [&](const PageLine& l) {
                                 return link_kind_of(l.look) == kind;
                             });
            if (!kinds_present_.count(kind) && !in_legend) continue;
            const LinkLook& l = look(kind);
            std::string var = std::string("link-") + kind + "-colour";
            c += P + " ." + kind + " path{" + paint("stroke", var, l.colour) + ";stroke-width:" + num(l.width) + dash(l) + "}\n";
            c += P + " ." + kind + " polygon{" + paint("fill", var, l.colour) + "}\n";
        }
        if (!p_.layout.transfers().empty()) {
            const LinkLook& l = s_.transfer;
            c += P + " .node.transfer rect{fill:none;" + paint("stroke", "link-transfer-colour", l.colour) +
                 ";stroke-width:" + num(l.width) + dash(l) + "}\n";
            c += P + " .node.transfer text{" + paint("fill", "text-colour", s_.text_colour) + "}\n";
        }
        // Legend and page text.
        if (o_.embed) {
            c += P + " .legend text{font-size:" + num(legend_size()) + "px}\n";
            c += P + " .legend .heading{font-weight:700}\n";
            c += P + " .swatch{" + paint("stroke", "role-border", s_.role_border) + ";stroke-width:1}\n";
        } else {
            c += P + " .swatch{stroke-width:1}\n";
            for (const auto& t : text_classes_) {
                c += P + " ." + t.name + "{font-size:" + num(t.size) + "px";
                if (t.bold) c += ";font-weight:700";
                c += ";" + text_paint(t.colour) + "}\n";
            }
            c += P + " .tag{font-weight:700}\n";
        }
        return c;
    }

    // ------------------------------------------------------------ the drawing

    /// The laid-out graph, in Graphviz's structure: bands, then links, then roles lowest level first.
    std::string drawing(const std::string& transform) {
        const Layout& L = p_.layout;
        std::string out = "<g id=\"" + make_id("graph") + "\" class=\"graph\"";
        if (!transform.empty()) out += " transform=\"" + transform + "\"";
        out += ">\n";

        for (std::size_t i = 0; i < L.bands().size(); ++i) {
            const PlacedBand& b = L.bands()[i];
            std::string lid = ident(b.level->id);
            out += "<g id=\"" + make_id("band-" + lid) + "\" class=\"cluster level-" + lid + "\"><title>" +
                   esc(b.level->name) + "</title>\n";
            out += "<rect class=\"level-" + lid + "\" x=\"" + num(b.box.x) + "\" y=\"" + num(b.box.y) + "\" width=\"" +
                   num(b.box.w) + "\" height=\"" + num(b.box.h) + "\"/>\n";
            out += "<text x=\"" + num(b.box.x + 8) + "\" y=\"" + num(b.box.y + s_.band_size) + "\">" + esc(b.level->name) +
                   "</text>\n</g>\n";
        }

        // Links are drawn connectors: each role's description already says where it leads, so the
        // links stay out of the accessibility tree (their titles still show as tooltips).
        out += "<g class=\"edges\" aria-hidden=\"true\">\n";
        for (const auto& l : L.links()) {
            if (l.bezier.size() < 4) continue;
            std::string cls = "edge " + l.kind;
            if (l.kind == "up" || l.kind == "within-level" || l.kind == "down") cls += " progression";
            std::string from = l.from ? l.from->name : l.tail, to = l.to ? l.to->name : l.head;
            std::string title = l.kind == "same-role" ? from + " (the same role at another level)"
                                : l.kind == "transfer" ? from + " \xE2\x86\x92 " + to + " (outside this diagram)"
                                                       : from + " \xE2\x86\x92 " + to;
            out += "<g id=\"" + make_id("link-" + node_ident(l.tail) + "__" + node_ident(l.head)) + "\" class=\"" + cls +
                   "\"><title>" + esc(title) + "</title>\n";
            out += "<path d=\"M" + num(l.bezier[0].x) + "," + num(l.bezier[0].y) + "C";
            for (std::size_t k = 1; k < l.bezier.size(); ++k)
                out += (k > 1 ? " " : "") + num(l.bezier[k].x) + "," + num(l.bezier[k].y);
            out += "\"/>\n";
            if (l.arrow.size() == 3) out += "<polygon points=\"" + points(l.arrow) + "\"/>\n";
            out += "</g>\n";
        }
        out += "</g>\n";

        // Roles in reading order: level by level, lowest first; within a level, top to bottom, left to right.
        std::vector<const PlacedRole*> order;
        for (const auto& r : L.roles()) order.push_back(&r);
        auto level_of = [&](const PlacedRole* r) {
            auto it = level_index_.find(r->level);
            return it == level_index_.end() ? level_index_.size() : it->second;
        };
        std::stable_sort(order.begin(), order.end(), [&](const PlacedRole* a, const PlacedRole* b) {
            if (level_of(a) != level_of(b)) return level_of(a) < level_of(b);
            if (std::abs(a->box.y - b->box.y) > 1) return a->box.y < b->box.y;
            return a->box.x < b->box.x;
        });
        for (const PlacedRole* r : order) out += role(*r);
        for (const auto& t : L.transfers()) out += transfer(t);
        out += "</g>\n";
        return out;
    }

    static std::string points(const std::vector<Point>& pts) {
        std::string s;
        for (std::size_t i = 0; i < pts.size(); ++i) s += (i ? " " : "") + num(pts[i].x) + "," + num(pts[i].y);
        return s;
    }

    static std::string rect(const std::string& cls, const Box& b) {
        return "<rect class=\"" + cls + "\" x=\"" + num(b.x) + "\" y=\"" + num(b.y) + "\" width=\"" + num(b.w) +
               "\" height=\"" + num(b.h) + "\"/>\n";
    }

    /// Label lines centred in `box`, as Graphviz sets them (Pango line height, centred block).
    std::string label(const std::vector<std::string>& lines, const Box& box) {
        if (role_font_.line <= 0) role_font_ = measure_font(s_.font, s_.role_size, false);
        const FontMetrics& m = role_font_;
        double cx = box.x + box.w / 2, top = box.y + box.h / 2 - m.line * static_cast<double>(lines.size()) / 2;
        std::string out;
        for (std::size_t i = 0; i < lines.size(); ++i)
            out += "<text x=\"" + num(cx) + "\" y=\"" + num(top + m.line * static_cast<double>(i) + m.ascent) + "\">" +
                   esc(lines[i]) + "</text>\n";
        return out;
    }

    std::string role(const PlacedRole& r) {
        if (!r.role) return {};
        const Role& role = *r.role;
        std::string rid = ident(role.id);
        std::string cls = "node role-" + rid + (r.level ? " level-" + ident(r.level->id) : "");
        for (const auto& s : role.settings) cls += " setting-" + ident(s);
        if (r.text.hex() != s_.dark_text.hex()) cls += " text-light";
        std::string out = "<g id=\"" + make_id("role-" + node_ident(r.node)) + "\" class=\"" + cls + "\"><title>" +
                          esc(role_title(role)) + "</title>";
        std::string desc = role_desc(role);
        if (!desc.empty()) out += "<desc>" + esc(desc) + "</desc>";
        out += "\n";
        bool link = !role.url.empty() && is_safe_url(role.url);
        if (link) out += "<a href=\"" + esc(role.url) + "\">\n";
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
        std::vector<std::string> fallback = r.lines;
        for (const auto& a : r.also_at) fallback.push_back("(also " + a + ")");
        out += label(node_label(r.node, fallback), r.box);
        if (link) out += "</a>\n";
        out += "</g>\n";
        return out;
    }

    std::string transfer(const PlacedTransfer& t) {
        std::vector<std::string> fallback = t.lines;
        fallback.insert(fallback.begin(), "Move to:");
        std::vector<std::string> lines = node_label(t.node, fallback);
        std::string title;
        for (const auto& l : lines) title += (title.empty() ? "" : " ") + l;
        std::string out = "<g id=\"" + make_id("transfer-" + ident(t.to ? t.to->id : t.node)) +
                          "\" class=\"node transfer\"><title>" + esc(title) + "</title>\n";
        out += "<rect x=\"" + num(t.box.x) + "\" y=\"" + num(t.box.y) + "\" width=\"" + num(t.box.w) + "\" height=\"" +
               num(t.box.h) + "\" rx=\"6\"/>\n";
        out += label(lines, t.box);
        out += "</g>\n";
        return out;
    }

    // ------------------------------------------------------------ the compact legend (embed)

    double legend_size() const { return s_.role_size; }

    /// A key below the drawing: the settings' colours and the kinds of link drawn, in rows that wrap
    /// to the drawing's width. Sets `height` to the figure's whole height.
    std::string compact_legend(double& height) {
        const double size = legend_size(), pad = 8, sw = size * 2, sh = size * 1.3, gap = size * 1.4;
        const double width = std::max(p_.layout.width(), 300.0);
        double y = p_.layout.height() + size * 0.5;
        std::string out = "<g id=\"" + make_id("legend") + "\" class=\"legend\">\n";

        struct Item {
            std::string swatch;  // SVG for the sample, drawn at (0,0)-(sw,sh) via a translate
            std::string text;
            bool heading = false;
        };
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

        std::vector<Item> settings;
        std::string dimension = p_.setting_dimension.empty() ? "Setting" : p_.setting_dimension;
        settings.push_back({"", plural(dimension, setting_ids_.size()) + ":", true});
        for (const auto& id : setting_ids_) {
            if (!setting_fill_.count(id)) continue;
            std::string sw_svg = "<rect class=\"setting-" + ident(id) + " swatch\" width=\"" + num(sw) + "\" height=\"" +
                                 num(sh) + "\"/>";
            if (s_.show_tags) {
                auto it = s_.settings.find(id);
                std::string tag = it != s_.settings.end() && !it->second.tag.empty() ? it->second.tag : id.substr(0, 2);
                Colour tc = text_colour_for(s_, {setting_fill_[id]});
                sw_svg += "<text x=\"3\" y=\"" + num(sh * 0.72) + "\" style=\"font-size:" + num(sh * 0.55) +
                          "px;font-weight:700;fill:" + tc.hex() + "\">" + esc(tag) + "</text>";
            }
            settings.push_back({sw_svg, setting_name(id)});
        }
        if (any_striped_ && setting_ids_.size() > 1) {
            std::string stripes;
            double w = sw / static_cast<double>(setting_ids_.size());
            for (std::size_t i = 0; i < setting_ids_.size(); ++i)
                stripes += "<rect class=\"setting-" + ident(setting_ids_[i]) + "\" x=\"" + num(w * static_cast<double>(i)) +
                           "\" width=\"" + num(w) + "\" height=\"" + num(sh) + "\"/>";
            stripes += "<rect class=\"frame swatch\" width=\"" + num(sw) + "\" height=\"" + num(sh) + "\"/>";
            settings.push_back({stripes, "Striped: in more than one"});
        }
        flow(settings);

        static const std::map<std::string, std::string> words{
            {"up", "Leads up a level"},
            {"within-level", "Leads to a role at the same level"},
            {"down", "Leads down a level"},
            {"same-role", "The same role at another level"},
            {"transfer", "Leads to a role outside this diagram"}};
        std::vector<Item> links{{"", "Links:", true}};
        for (const char* kind : kLinkKinds) {
            if (!kinds_present_.count(kind)) continue;
            const LinkLook& l = look(kind);
            double my = sh / 2, a = l.width * 4, end = std::string(kind) == "same-role" ? sw : sw - a * 1.6;
            std::string sample = "<g class=\"key " + std::string(kind) + "\"><path d=\"M0," + num(my) + "H" + num(end) + "\"/>";
            if (std::string(kind) != "same-role")
                sample += "<polygon points=\"" + num(sw) + "," + num(my) + " " + num(sw - a * 1.6) + "," + num(my - a * 0.7) +
                          " " + num(sw - a * 1.6) + "," + num(my + a * 0.7) + "\"/>";
            sample += "</g>";
            links.push_back({sample, words.at(kind)});
        }
        if (links.size() > 1) flow(links);
        out += "</g>\n";
        height = y + size * 0.2;
        return out;
    }

    // ------------------------------------------------------------ the page (default profile)

    /// The kind whose look `look` is, for the legend's samples; empty if none.
    std::string link_kind_of(const LinkLook& l) const {
        for (const char* kind : kLinkKinds) {
            const LinkLook& k = look(kind);
            if (k.colour.hex() == l.colour.hex() && k.line == l.line && std::abs(k.width - l.width) < 1e-9) return kind;
        }
        return {};
    }

    std::string text_class(const PageText& t) {
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

    /// A fill class for a legend swatch colour: the setting or level it shows, or nothing.
    std::string fill_class(const Colour& c) const {
        for (const auto& id : setting_ids_) {
            auto it = setting_fill_.find(id);
            if (it != setting_fill_.end() && it->second.hex() == c.hex()) return "setting-" + ident(id);
        }
        for (const auto& b : p_.layout.bands())
            if (level_fill(level_index_.at(b.level)).hex() == c.hex()) return "level-" + ident(b.level->id);
        return {};
    }

    std::string page() {
        // Classes for the page's text first: css() is written after the body is known.
        std::vector<std::string> classes;
        for (const auto& t : p_.texts) classes.push_back(text_class(t));

        std::string out = "<rect class=\"page\" width=\"" + num(p_.width) + "\" height=\"" + num(p_.height) + "\"/>\n";
        auto text = [&](std::size_t i) {
            const PageText& t = p_.texts[i];
            return "<text class=\"" + classes[i] + "\" x=\"" + num(t.x) + "\" y=\"" + num(t.baseline) + "\">" + esc(t.text) +
                   "</text>\n";
        };
        // Reading order: title and subtitle, the drawing, the legend and panels, the footer.
        for (std::size_t i = 0; i < p_.texts.size(); ++i)
            if (p_.texts[i].role == "title" || p_.texts[i].role == "subtitle") out += text(i);
        out += drawing("translate(" + num(p_.drawing_at.x) + " " + num(p_.drawing_at.y) + ") scale(" +
                       num(p_.drawing_scale) + ")");

        out += "<g id=\"" + make_id("legend") + "\" class=\"legend\">\n";
        for (const auto& r : p_.rects) {
            double stripe = r.box.w / static_cast<double>(std::max<std::size_t>(1, r.fills.size()));
            for (std::size_t i = 0; i < r.fills.size(); ++i) {
                std::string cls = fill_class(r.fills[i]);
                Box b{r.box.x + stripe * static_cast<double>(i), r.box.y, stripe, r.box.h};
                if (!cls.empty()) out += rect(cls, b);
                else
                    out += "<rect fill=\"" + r.fills[i].hex() + "\" x=\"" + num(b.x) + "\" y=\"" + num(b.y) + "\" width=\"" +
                           num(b.w) + "\" height=\"" + num(b.h) + "\"/>\n";
            }
            if (r.stroke_width > 0)
                out += "<rect class=\"frame swatch\" stroke=\"" + r.stroke.hex() + "\" x=\"" + num(r.box.x) + "\" y=\"" +
                       num(r.box.y) + "\" width=\"" + num(r.box.w) + "\" height=\"" + num(r.box.h) + "\"/>\n";
            if (!r.tag.empty())
                out += "<text class=\"tag\" x=\"" + num(r.box.x + 3) + "\" y=\"" + num(r.box.y + r.box.h * 0.72) +
                       "\" style=\"font-size:" + num(r.box.h * 0.55) + "px;fill:" + r.tag_colour.hex() + "\">" + esc(r.tag) +
                       "</text>\n";
        }
        for (const auto& l : p_.lines) {
            std::string kind = link_kind_of(l.look);
            double a = l.look.width * 4, end = l.arrow ? l.to.x - a : l.to.x;
            out += "<g class=\"key" + (kind.empty() ? "" : " " + kind) + "\"";
            if (kind.empty())
                out += " stroke=\"" + l.look.colour.hex() + "\" fill=\"" + l.look.colour.hex() + "\" stroke-width=\"" +
                       num(l.look.width) + "\"";
            out += "><path d=\"M" + num(l.from.x) + "," + num(l.from.y) + "L" + num(end) + "," + num(l.to.y) + "\"/>";
            if (l.arrow)
                out += "<polygon points=\"" + num(l.to.x) + "," + num(l.to.y) + " " + num(l.to.x - a * 1.6) + "," +
                       num(l.to.y - a * 0.7) + " " + num(l.to.x - a * 1.6) + "," + num(l.to.y + a * 0.7) + "\"/>";
            out += "</g>\n";
        }
        for (std::size_t i = 0; i < p_.texts.size(); ++i)
            if (p_.texts[i].role != "title" && p_.texts[i].role != "subtitle" && p_.texts[i].role != "footer") out += text(i);
        out += "</g>\n";
        for (std::size_t i = 0; i < p_.texts.size(); ++i)
            if (p_.texts[i].role == "footer") out += text(i);
        return out;
    }
};

}  // namespace

std::string render_svg(const Poster& poster, const Style& style, const SvgOptions& options) {
    return SvgWriter(poster, style, options).write();
}

}  // namespace pathways
