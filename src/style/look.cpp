#include "pathways/look.hpp"

#include <algorithm>

namespace pathways {

Colour band_fill(const Style& style, std::size_t position) {
    return style.band_fills.empty() ? style.page_background : style.band_fills[position % style.band_fills.size()];
}

SettingLook setting_look(const Style& style, const Catalogue& catalogue, const std::string& setting) {
    std::size_t position = 0;
    while (position < catalogue.settings.size() && catalogue.settings[position].id != setting) ++position;
    return style.setting_look(setting, position);
}

namespace {

/// Ways to tag a setting, best first: the style's tag, the id's first two letters, the initials
/// of its words, its first letter with each later one, then numbered.
std::vector<std::string> tag_candidates(const std::string& wanted, const std::string& id) {
    std::vector<std::string> out;
    if (!wanted.empty()) out.push_back(wanted);
    out.push_back(id.substr(0, 2));
    std::string initials;
    for (std::size_t i = 0; i < id.size(); ++i)
        if (i == 0 || id[i - 1] == '-') initials += id[i];
    if (initials.size() > 1) out.push_back(initials.substr(0, 3));
    for (std::size_t i = 2; i < id.size(); ++i)
        if (id[i] != '-') out.push_back(std::string(1, id[0]) + id[i]);
    for (int n = 2; n < 100; ++n) out.push_back(id.substr(0, 1) + std::to_string(n));
    return out;
}

}  // namespace

std::string setting_tag(const Style& style, const Catalogue& catalogue, const std::string& setting) {
    if (!style.show_tags) return {};
    // Tags tell settings apart where colour cannot, so no two settings of a catalogue share one:
    // each takes its first candidate that no setting before it took.
    std::vector<std::string> taken;
    for (const auto& s : catalogue.settings) {
        for (const auto& tag : tag_candidates(setting_look(style, catalogue, s.id).tag, s.id))
            if (std::find(taken.begin(), taken.end(), tag) == taken.end()) {
                taken.push_back(tag);
                break;
            }
        if (s.id == setting) return taken.back();
    }
    std::string tag = setting_look(style, catalogue, setting).tag;  // not in the catalogue
    return tag.empty() ? setting.substr(0, 2) : tag;
}

std::vector<Colour> role_fills(const Style& style, const Catalogue& catalogue, const Role& role) {
    std::vector<Colour> fills;
    for (const auto& s : role.settings) fills.push_back(setting_look(style, catalogue, s).fill);
    return fills;
}

Colour text_colour_for(const Style& style, const std::vector<Colour>& fills) {
    double dark = 21, light = 21;
    for (const auto& f : fills) {
        dark = std::min(dark, contrast(style.dark_text, f));
        light = std::min(light, contrast(style.light_text, f));
    }
    return dark >= light ? style.dark_text : style.light_text;
}

const LinkLook& link_look(const Style& style, LinkKind kind) {
    switch (kind) {
        case LinkKind::Up: return style.up;
        case LinkKind::Within: return style.within;
        case LinkKind::Down: return style.down;
        case LinkKind::SameRole: return style.same_role;
        case LinkKind::Transfer: return style.transfer;
    }
    return style.up;
}

bool has_arrow(LinkKind kind) { return kind != LinkKind::SameRole; }

std::vector<double> dash_pattern(const LinkLook& look) {
    if (look.line == "dashed") return {look.width * 4, look.width * 2.5};
    if (look.line == "dotted") return {look.width, look.width * 2};
    return {};
}

Colour faded(const Style& style, const Colour& colour) {
    const double keep = style.route.faded_opacity;
    const Colour& bg = style.page_background;
    return {colour.r * keep + bg.r * (1 - keep), colour.g * keep + bg.g * (1 - keep), colour.b * keep + bg.b * (1 - keep)};
}

LinkLook faded_look(const Style& style, const LinkLook& look) {
    LinkLook out = look;
    out.colour = faded(style, look.colour);
    return out;
}

LinkLook route_link_look(const Style& style) { return {style.route.colour, "solid", style.route.width}; }

double route_outline_width(const Style& style) { return std::max(2.5, style.route.width * 0.6); }

LinkLook trail_look(const Style& style) { return {style.route.colour, "dashed", std::max(1.5, style.route.width * 0.6)}; }

double badge_radius(const Style& style) { return style.role_size * 1.05; }

Arrowhead legend_arrowhead(Point tip, double line_width) {
    double a = line_width * 4;
    return {{tip, Point{tip.x - a * 1.6, tip.y - a * 0.7}, Point{tip.x - a * 1.6, tip.y + a * 0.7}}, tip.x - a};
}

}  // namespace pathways
