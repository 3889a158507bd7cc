#include "pathways/style.hpp"

#include <cmath>
#include <cstdio>

#include "pathways/yaml_reader.hpp"

namespace pathways {

std::string Colour::hex() const {
    auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(r), byte(g), byte(b));
    return buf;
}

double Colour::luminance() const {
    auto lin = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

double contrast(const Colour& a, const Colour& b) {
    double la = a.luminance(), lb = b.luminance();
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

std::optional<Colour> parse_colour(std::string_view t) {
    if (t.size() != 4 && t.size() != 7) return std::nullopt;
    if (t[0] != '#') return std::nullopt;
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    int v[6];
    for (std::size_t i = 1; i < t.size(); ++i)
        if ((v[i - 1] = hex(t[i])) < 0) return std::nullopt;
    if (t.size() == 4) return Colour{v[0] * 17 / 255.0, v[1] * 17 / 255.0, v[2] * 17 / 255.0};
    return Colour{(v[0] * 16 + v[1]) / 255.0, (v[2] * 16 + v[3]) / 255.0, (v[4] * 16 + v[5]) / 255.0};
}

SettingLook Style::setting_look(const std::string& id, std::size_t position) const {
    auto it = settings.find(id);
    if (it != settings.end()) return it->second;
    SettingLook look;
    if (!fallback_palette.empty()) look.fill = fallback_palette[position % fallback_palette.size()];
    return look;
}

namespace {

void read_colour(MapReader& m, std::string_view key, Colour& out) {
    std::string text = m.text(key, true);
    if (text.empty()) return;
    if (auto c = parse_colour(text))
        out = *c;
    else
        m.diags().error(m.where(key), "'" + std::string(key) + "' must be a colour like \"#005EB8\", not '" + text + "'");
}

void read_size(MapReader& m, std::string_view key, double& out, double low, double high) {
    if (auto v = m.number(key, true)) {
        if (*v < low || *v > high)
            m.diags().error(m.where(key), "'" + std::string(key) + "' must be between " + std::to_string(int(low)) +
                                              " and " + std::to_string(int(high)));
        else
            out = *v;
    }
}

void read_link(MapReader& parent, std::string_view key, LinkLook& out) {
    if (!parent.has(key)) {
        parent.text(key, true);  // reports it missing
        return;
    }
    MapReader m(parent.get(key), "link look '" + std::string(key) + "'", parent.file(), parent.diags(),
                {"colour", "line", "width"});
    if (!m.is_map()) return;
    read_colour(m, "colour", out.colour);
    std::string line = m.text("line", true);
    if (line == "solid" || line == "dashed" || line == "dotted")
        out.line = line;
    else if (!line.empty())
        m.diags().error(m.where("line"), "'line' must be solid, dashed or dotted, not '" + line + "'" +
                                             did_you_mean(line, {"solid", "dashed", "dotted"}));
    read_size(m, "width", out.width, 0.25, 20);
}

/// `sizes:` the text sizes.
void read_sizes(MapReader& top, Style& s, const std::string& path, Diagnostics& diags) {
    if (!top.has("sizes")) {
        if (!top.has("viewing_distance")) top.text("sizes", true);  // reports it missing
        return;
    }
    MapReader m(top.get("sizes"), "sizes", path, diags, {"title", "subtitle", "heading", "text", "footer", "role", "band"});
    read_size(m, "title", s.title_size, 8, 400);
    read_size(m, "subtitle", s.subtitle_size, 6, 200);
    read_size(m, "heading", s.heading_size, 6, 200);
    read_size(m, "text", s.text_size, 6, 100);
    read_size(m, "footer", s.footer_size, 6, 100);
    read_size(m, "role", s.role_size, 6, 100);
    read_size(m, "band", s.band_size, 6, 100);
}

/// `colours:` page, text, role and band colours.
void read_colours(MapReader& top, Style& s, const std::string& path, Diagnostics& diags) {
    if (!top.has("colours")) {
        top.text("colours", true);
        return;
    }
    MapReader m(top.get("colours"), "colours", path, diags,
                {"page", "title", "text", "dark_text", "light_text", "role_border", "band_fills", "band_border",
                 "band_label"});
    read_colour(m, "page", s.page_background);
    read_colour(m, "title", s.title_colour);
    read_colour(m, "text", s.text_colour);
    read_colour(m, "dark_text", s.dark_text);
    read_colour(m, "light_text", s.light_text);
    read_colour(m, "role_border", s.role_border);
    read_colour(m, "band_border", s.band_border);
    read_colour(m, "band_label", s.band_label);
    for (const auto& item : m.text_list("band_fills", true)) {
        if (auto c = parse_colour(item.value))
            s.band_fills.push_back(*c);
        else
            diags.error(item.where, "band fill must be a colour like \"#E8EDEE\", not '" + item.value + "'");
    }
    if (m.is_map() && m.has("band_fills") && s.band_fills.empty() && !diags.has_errors())
        diags.error(m.where("band_fills"), "'band_fills' must list at least one colour");
}

/// `settings:` the looks of named settings; `fallback_palette:` colours for the others; `show_tags:`.
void read_setting_looks(MapReader& top, Style& s, const std::string& path, Diagnostics& diags) {
    YAML::Node settings = top.get("settings");
    if (settings.IsDefined() && !settings.IsNull()) {
        if (!settings.IsMap()) {
            diags.error(top.where("settings"), "'settings' must map setting ids to looks, not " + describe(settings));
        } else {
            for (auto it = settings.begin(); it != settings.end(); ++it) {
                std::string id = it->first.as<std::string>("");
                MapReader m(it->second, "setting look '" + id + "'", path, diags, {"fill", "tag"});
                if (!m.is_map()) continue;
                SettingLook look;
                read_colour(m, "fill", look.fill);
                look.tag = m.text("tag", false);
                s.settings[id] = look;
            }
        }
    }
    for (const auto& item : top.text_list("fallback_palette", true)) {
        if (auto c = parse_colour(item.value))
            s.fallback_palette.push_back(*c);
        else
            diags.error(item.where, "palette entries must be colours like \"#41B6E6\", not '" + item.value + "'");
    }
    if (top.has("fallback_palette") && s.fallback_palette.empty() && top.get("fallback_palette").IsSequence())
        diags.error(top.where("fallback_palette"), "'fallback_palette' must list at least one colour");
    s.show_tags = top.flag("show_tags").value_or(false);
}

/// `links:` the look of each kind of link.
void read_links(MapReader& top, Style& s, const std::string& path, Diagnostics& diags) {
    if (!top.has("links")) {
        top.text("links", true);
        return;
    }
    MapReader m(top.get("links"), "links", path, diags, {"up", "within", "down", "same_role", "transfer"});
    if (!m.is_map()) return;
    read_link(m, "up", s.up);
    read_link(m, "within", s.within);
    read_link(m, "down", s.down);
    read_link(m, "same_role", s.same_role);
    read_link(m, "transfer", s.transfer);
}

/// `route:` how route and story posters stress their roles and links (optional: defaults apply).
void read_route(MapReader& top, Style& s, const std::string& path, Diagnostics& diags) {
    if (!top.has("route")) return;
    MapReader m(top.get("route"), "route", path, diags, {"colour", "width", "faded_opacity"});
    if (!m.is_map()) return;
    if (m.has("colour")) read_colour(m, "colour", s.route.colour);
    if (m.has("width")) read_size(m, "width", s.route.width, 1, 30);
    if (m.has("faded_opacity")) {
        if (auto v = m.number("faded_opacity", true)) {
            if (*v < 0.05 || *v > 1)
                diags.error(m.where("faded_opacity"), "'faded_opacity' must be between 0.05 and 1");
            else
                s.route.faded_opacity = *v;
        }
    }
}

/// `page:` the default paper, orientation and margin.
void read_page(MapReader& top, Style& s, const std::string& path, Diagnostics& diags) {
    if (!top.has("page")) {
        top.text("page", true);
        return;
    }
    MapReader m(top.get("page"), "page", path, diags, {"size", "orientation", "margin_mm"});
    std::string size = m.text("size", true);
    static const std::vector<std::string> sizes{"A0", "A1", "A2", "A3", "A4"};
    if (std::find(sizes.begin(), sizes.end(), size) != sizes.end())
        s.page = size;
    else if (!size.empty())
        diags.error(m.where("size"), "page size must be A0, A1, A2, A3 or A4, not '" + size + "'");
    std::string orientation = m.text("orientation", true);
    if (orientation == "landscape" || orientation == "portrait")
        s.landscape = orientation == "landscape";
    else if (!orientation.empty())
        diags.error(m.where("orientation"), "orientation must be landscape or portrait, not '" + orientation + "'" +
                                                did_you_mean(orientation, {"landscape", "portrait"}));
    read_size(m, "margin_mm", s.margin_mm, 0, 100);
}

/// `legend:` where the legend goes.
void read_legend(MapReader& top, Style& s, const std::string& path, Diagnostics& diags) {
    if (!top.has("legend")) {
        top.text("legend", true);
        return;
    }
    MapReader m(top.get("legend"), "legend", path, diags, {"placement"});
    std::string p = m.text("placement", true);
    if (p == "right" || p == "bottom" || p == "auto")
        s.legend_placement = p;
    else if (!p.empty())
        diags.error(m.where("placement"), "legend placement must be auto, right or bottom, not '" + p + "'" +
                                              did_you_mean(p, {"auto", "right", "bottom"}));
}

}  // namespace

std::optional<Style> load_style(const std::string& path, Diagnostics& diags) {
    std::size_t before = diags.errors();
    auto root = read_yaml_file(path, diags);
    if (!root) return std::nullopt;
    Style s;
    s.file = path;
    MapReader top(*root, "the style", path, diags,
                  {"name", "font", "sizes", "colours", "settings", "fallback_palette", "show_tags", "links", "page",
                   "legend", "route", "print", "viewing_distance"});
    if (!top.is_map()) return std::nullopt;
    s.name = top.text("name", true);
    s.font = top.text("font", true);
    read_sizes(top, s, path, diags);
    read_colours(top, s, path, diags);
    read_setting_looks(top, s, path, diags);
    read_links(top, s, path, diags);
    read_page(top, s, path, diags);
    read_legend(top, s, path, diags);
    read_route(top, s, path, diags);
    if (auto print = read_print_options(top, "the style")) s.print = *print;
    read_viewing_distance(top, s);
    if (diags.errors() > before) return std::nullopt;
    return s;
}

}  // namespace pathways
