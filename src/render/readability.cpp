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

// Issue 17: every text of a page against its floor; the embeddable SVG against its column.

void check_page_floor(const Poster& page, const std::string& side, Diagnostics& diags, bool strict) {
    const double floor = text_floor(page.paper);
    const PageText* smallest = nullptr;
    for (const auto& t : page.texts)
        if (!smallest || t.size < smallest->size) smallest = &t;
    double size = smallest ? smallest->size : 0;
    const std::string role = smallest ? smallest->role : "";
    const std::string what = role == "footer"    ? "its footer"
                             : role == "grid"    ? "its grid letters"
                             : role == "heading" ? "a heading"
                             : role == "index" || role == "summary" ? "its index of roles"
                             : role == "glossary" ? "its glossary"
                                                  : "its legend and panel text";
    if (size <= 0 || size >= floor - 0.05) return;
    std::string where = page.catalogue ? page.catalogue->file : "";
    report(diags, strict, {where, 0, 0},
           "the " + page.paper + (page.landscape ? " landscape " : " portrait ") + side + " prints " + what + " at " +
               points(size) + ", under the " + points(floor) + " floor for " + page.paper +
               " (use a bigger page, a view or series of smaller posters, or a style with larger text)");
}

double embed_role_px(const Poster& embed, const Style& style, double column_px) {
    double w = embed.layout.width();
    if (w <= 0) return 0;
    return std::min(style.role_size, style.band_size) * (column_px > 0 ? column_px : kEmbedColumnPx) / w;
}

std::optional<Poster> embed_poster(const Poster& front, const PathwayGraph& graph, const Style& style, double column_px) {
    if (embed_role_px(front, style, column_px) >= kEmbedTextPx || graph.roles.empty() || !front.marks.badges.empty())
        return std::nullopt;  // (a story's badges are placed on the page's layout)
    const LayoutChoice* narrowest = nullptr;
    std::vector<LayoutChoice> shapes = Layout::explore(graph, style);
    for (const auto& s : shapes)
        if (!narrowest || s.width < narrowest->width - 0.5 ||
            (std::abs(s.width - narrowest->width) <= 0.5 && s.crossings < narrowest->crossings))
            narrowest = &s;
    if (!narrowest) return std::nullopt;
    Layout best = Layout::make(graph, style, *narrowest);
    // Still too wide for the column: more rows per level make it taller and narrower (a column
    // scrolls down), until its names meet the floor or more rows no longer help.
    const double px = std::min(style.role_size, style.band_size) * (column_px > 0 ? column_px : kEmbedColumnPx);
    for (int rows = narrowest->left_to_right ? 2 : narrowest->rows_per_level + 2; px / best.width() < kEmbedTextPx && rows <= 16;
         rows += 2) {
        Layout taller = Layout::make(graph, style, false, rows);
        if (taller.width() >= best.width() - 0.5) break;
        best = std::move(taller);
    }
    if (best.width() >= front.layout.width() - 0.5) return std::nullopt;
    // What the embeddable profile draws from: the drawing, its words and its legend's samples.
    Poster embed = page_of(front);
    embed.lines = front.lines;
    embed.layout = std::move(best);
    return embed;
}

void check_embed_floor(const Poster& embed, const Style& style, double column_px, Diagnostics& diags, bool strict) {
    const double column = column_px > 0 ? column_px : kEmbedColumnPx, px = embed_role_px(embed, style, column);
    if (px <= 0 || px >= kEmbedTextPx - 0.05) return;
    char text[64];
    std::snprintf(text, sizeof text, "%.1f CSS px", px);
    std::string where = embed.catalogue ? embed.catalogue->file : "";
    report(diags, strict, {where, 0, 0},
           "the embeddable SVG's role names show at " + std::string(text) + " in a " + std::to_string(std::lround(column)) +
               " px column, under the " + std::to_string(std::lround(kEmbedTextPx)) +
               " px floor, even in its narrowest shape (embed a view with fewer roles, a series of posters, or give a "
               "wider column with --svg-width or column_px:)");
}

}  // namespace pathways
