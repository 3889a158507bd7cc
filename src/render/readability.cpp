#include "pathways/readability.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace pathways {

namespace {

constexpr double kMm = 72 / 25.4;

void report(Diagnostics& diags, bool strict, const Location& where, const std::string& message) {
    strict ? diags.error(where, message) : diags.warning(where, message);
}

std::string points(double size) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f pt", size);
    return text;
}

/// Characters in UTF-8 text (not bytes).
std::size_t characters(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

std::size_t longest_word(std::string_view text) {
    std::size_t best = 0, run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '-' || c == '/') run = 0;
        else if ((c & 0xC0) != 0x80) best = std::max(best, ++run);
    }
    return best;
}

/// Whether text holds a bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069).
bool has_bidi_control(std::string_view text) {
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        auto a = static_cast<unsigned char>(text[i]), b = static_cast<unsigned char>(text[i + 1]),
             c = static_cast<unsigned char>(text[i + 2]);
        if (a == 0xE2 && b == 0x80 && c >= 0xAA && c <= 0xAE) return true;
        if (a == 0xE2 && b == 0x81 && c >= 0xA6 && c <= 0xA9) return true;
    }
    return false;
}

}  // namespace

double text_floor(const std::string& paper) {
    auto size = paper_size(paper);
    double short_side = size ? std::min(size->width, size->height) : 594 * kMm;
    return std::max(9.0, 12.0 * std::sqrt(short_side / (594 * kMm)));
}

double text_floor(const std::string& paper, const Style& style) {
    return style.viewing_distance_m > 0 ? text_size_for_distance(style.viewing_distance_m) : text_floor(paper);
}

std::size_t role_limit(const std::string& paper) {
    int n = paper.size() == 2 && paper[1] >= '0' && paper[1] <= '4' ? paper[1] - '0' : 1;
    return std::size_t{120} << (3 - std::min(n, 3));  // A3 120, A2 240, A1 480, A0 960 (A4 as A3)
}

void check_readability(const Poster& poster, const PathwayGraph& graph, const Style& style, Diagnostics& diags,
                       bool strict) {
    const Catalogue& c = *graph.catalogue;
    double floor = text_floor(poster.paper, style);
    if (poster.role_text_size > 0 && poster.role_text_size < floor - 0.05)
        report(diags, strict, {c.file, 0, 0},
               "role names would print at " + points(poster.role_text_size) + " on this " + poster.paper +
                   " poster of " + std::to_string(graph.roles.size()) + " roles, under the " + points(floor) +
                   " floor for " + poster.paper + ": nobody could read them (use a view or a series of posters, "
                   "or a bigger page)");

    check_panels_shown(poster, c, diags);

    std::map<std::string, const Setting*> by_colour;
    for (const Setting* s : graph.settings) {
        auto index = static_cast<std::size_t>(s - c.settings.data());
        std::string hex = style.setting_look(s->id, index).fill.hex();
        auto [it, inserted] = by_colour.emplace(hex, s);
        if (!inserted)
            report(diags, strict, s->where,
                   "setting '" + s->name + "' is shown in the same colour (" + hex + ") as '" + it->second->name +
                       "': readers cannot tell them apart (give it its own colour in the style's 'settings', or add "
                       "colours to its 'fallback_palette')");
    }
}

void check_panels_shown(const Poster& poster, const Catalogue& c, Diagnostics& diags) {
    std::string missing;
    std::size_t n = 0;
    for (const auto& panel : c.panels) {
        bool shown = std::any_of(poster.texts.begin(), poster.texts.end(), [&](const PageText& t) {
            return t.role == "heading" && !t.text.empty() && panel.title.rfind(t.text, 0) == 0;
        });
        if (!shown) missing += (n++ ? ", '" : "'") + panel.title + "'";
    }
    if (n == 0) return;
    diags.warning({c.file, 0, 0}, std::to_string(n) + " of the catalogue's " + std::to_string(c.panels.size()) +
                                      (c.panels.size() == 1 ? " panel" : " panels") + " did not fit on this " +
                                      poster.paper + " poster and " + (n == 1 ? "is" : "are") + " left out: " + missing +
                                      " (shorten them, or use a bigger page)");
}

void check_names(const Catalogue& c, Diagnostics& diags, bool strict) {
    for (const auto& r : c.roles) {
        FittedName fitted = fit_name(r.name);  // as the layout sets it: one home for the rule
        if (fitted.shortened)
            report(diags, strict, r.where,
                   "the name of role '" + r.id + "' (" + std::to_string(characters(r.name)) +
                       " characters) is too long for a box: it prints cut short, ending '" + fitted.lines.back() +
                       "' (shorten it to about " + std::to_string(kNameLineWidth * kNameMaxLines * 4 / 5) +
                       " characters and put the rest in its summary; the full name stays in the SVG's title)");
        else if (fitted.hyphenated)
            report(diags, strict, r.where,
                   "the name of role '" + r.id + "' has a word of " + std::to_string(longest_word(r.name)) +
                       " characters, too long for a line of a box (at most " + std::to_string(kNameLongestWord) +
                       "): it prints broken with a hyphen");
        if (has_bidi_control(r.name) || has_bidi_control(r.summary))
            report(diags, strict, r.where,
                   "role '" + r.id + "' holds a right-to-left override or isolate character (U+202A–U+202E, "
                   "U+2066–U+2069), which can make its text read in another order than it is written; remove it");
    }
}

}  // namespace pathways
