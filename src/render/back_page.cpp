// The back of a poster (issue 17): the panels and legend entries the front had no room for, an
// index of the roles (aliases, levels, settings, pay band, where each is on the front) and the
// catalogue's glossary, flowed into columns; whatever fits on neither side is named in a warning.
#include "pathways/back_page.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "column.hpp"
#include "legend.hpp"
#include "pathways/look.hpp"
#include "pathways/readability.hpp"

namespace pathways {

namespace {
constexpr double kMm = 72.0 / 25.4;
constexpr double kA1Short = 594 * kMm;

/// One line of a back-page block: its text and how it is set (sizes in A1 points, before scaling).
struct BackLine {
    std::string text;
    double size = 0;
    bool bold = false;
    Colour colour;
    std::string role;  // the SVG class: "heading", "text", "index", "glossary", "summary"
    bool optional = false;  // a role's summary: left out, with a warning, before any entry is
};

/// What the back page prints, as blocks each placed whole in one column.
struct BackBlock {
    BackBlock(std::string what_, std::vector<BackLine> lines_, const Setting* swatch_ = nullptr, double gap_ = 6)
        : what(std::move(what_)), lines(std::move(lines_)), swatch(swatch_), gap(gap_) {}
    std::string what;  // in a warning when it fits nowhere: "glossary term 'AHP'"
    std::vector<BackLine> lines;
    const Setting* swatch = nullptr;  // a key entry: the setting's colour beside it
    double gap = 6;                   // space after it (A1 points)
    Colour swatch_fill, swatch_stroke;
};

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

/// Where a role's boxes are on the front, as grid references ("C4, D2").
std::string front_refs(const Poster& front, const Role& r) {
    std::vector<std::string> refs;
    for (const auto& pr : front.layout.roles()) {
        if (pr.role != &r) continue;
        Point centre{front.drawing_at.x + (pr.box.x + pr.box.w / 2) * front.drawing_scale,
                     front.drawing_at.y + (pr.box.y + pr.box.h / 2) * front.drawing_scale};
        std::string ref = front.grid_refs.ref(centre);
        if (!ref.empty() && std::find(refs.begin(), refs.end(), ref) == refs.end()) refs.push_back(ref);
    }
    return join(refs, ", ");
}

/// "Care setting" -> "care setting" (an acronym such as "NHS trust" is kept).
std::string lower_first(std::string t) {
    if (t.size() >= 2 && t[0] >= 'A' && t[0] <= 'Z' && !(t[1] >= 'A' && t[1] <= 'Z')) t[0] = static_cast<char>(t[0] - 'A' + 'a');
    return t;
}

/// A section's heading, kept with its first entry (never alone at the foot of a column).
void head_section(std::vector<BackBlock>& out, std::size_t first, BackLine heading) {
    if (first < out.size()) out[first].lines.insert(out[first].lines.begin(), std::move(heading));
}

/// The key, when the front's legend lost entries: each setting (with its colour) and each level.
void add_key(std::vector<BackBlock>& out, const PathwayGraph& g, const Style& s) {
    const Catalogue& c = *g.catalogue;
    const std::size_t first = out.size();
    for (const Setting* st : g.settings) {
        out.push_back({"key entry '" + st->name + "'",
                       {{st->name, s.text_size, true, s.text_colour, "text"},
                        {st->description, s.text_size * 0.9, false, s.text_colour, "text"}},
                       st});
        out.back().swatch_fill = setting_look(s, c, st->id).fill;
        out.back().swatch_stroke = s.role_border;
    }
    for (const Level* l : g.levels)
        out.push_back({"key entry '" + l->name + "'",
                       {{l->name, s.text_size, true, s.band_label, "text"},
                        {l->description, s.text_size * 0.9, false, s.text_colour, "text"}}});
    if (std::string words = pay_band_words(g); !words.empty())
        out.push_back({"key entry 'Pay bands'",
                       {{"Pay bands", s.text_size, true, s.text_colour, "text"}, {words, s.text_size * 0.9, false, s.text_colour, "text"}}});
    head_section(out, first, {"Key", s.heading_size, true, s.title_colour, "heading"});
    out.back().gap = 10;
}

/// One index entry: name; levels, settings, pay band, aliases and grid references; summary.
BackBlock index_entry(const Poster& front, const Catalogue& c, const Role& r, const Style& s) {
    std::vector<std::string> facts;
    for (const auto& id : r.levels)
        if (int i = c.level_index(id); i >= 0) facts.push_back(c.levels[static_cast<std::size_t>(i)].name);
    std::vector<std::string> settings;
    for (const auto& id : r.settings)
        if (const Setting* st = c.setting(id)) settings.push_back(st->name);
    facts.push_back(join(settings, ", "));
    if (!r.pay_band.empty()) facts.push_back("Pay: " + r.pay_band);
    if (!r.aliases.empty()) facts.push_back("Also called: " + join(r.aliases, ", "));
    std::string refs = front_refs(front, r);
    if (!refs.empty()) facts.push_back("At " + refs);
    BackBlock b{"role '" + r.name + "' in the index",
                {{r.name, s.text_size * 0.9, true, s.text_colour, "index"},
                 {join(facts, " \xC2\xB7 "), s.text_size * 0.85, false, s.text_colour, "index"}},
                nullptr, 3};
    if (!r.summary.empty()) b.lines.push_back({r.summary, s.text_size * 0.85, false, s.text_colour, "summary", true});
    return b;
}

/// The roles the index lists: on a route or story poster the ones it stresses (the rest of the
/// map is faded, and the whole map's poster indexes them), else every role drawn.
std::vector<const Role*> indexed_roles(const Poster& front, const PathwayGraph& g) {
    std::vector<const Role*> stressed;
    for (const auto& pr : front.layout.roles())
        if (pr.emphasis == Emphasis::Emphasised && pr.role &&
            std::find(stressed.begin(), stressed.end(), pr.role) == stressed.end())
            stressed.push_back(pr.role);
    return stressed.empty() ? g.roles : stressed;
}

/// Everything the back carries, in order: key (if the front's was incomplete), panels left off,
/// the index of roles (by name), the glossary.
std::vector<BackBlock> back_blocks(const Poster& front, const PathwayGraph& g, const Style& s) {
    const Catalogue& c = *g.catalogue;
    std::vector<BackBlock> out;
    if (front.legend_incomplete) add_key(out, g, s);
    for (const Panel* p : front.panels_left_off)
        out.push_back({"panel '" + p->title + "'",
                       {{p->title, s.heading_size * 0.85, true, s.title_colour, "heading"},
                        {p->text, s.text_size * 0.9, false, s.text_colour, "text"}},
                       nullptr, 10});
    std::vector<const Role*> roles = indexed_roles(front, g);
    std::stable_sort(roles.begin(), roles.end(), [](const Role* a, const Role* b) { return a->name < b->name; });
    if (!roles.empty()) {
        std::size_t first = out.size();
        std::string dim = c.setting_dimension.empty() ? std::string("setting") : lower_first(c.setting_dimension);
        for (const Role* r : roles) out.push_back(index_entry(front, c, *r, s));
        head_section(out, first, {"Each role's level, " + dim + ", pay band and other names where given, and where it is on the "
                                  "front (letters along its top, numbers down its left)",
                                  s.text_size * 0.85, false, s.text_colour, "text"});
        head_section(out, first, {"Index of roles", s.heading_size, true, s.title_colour, "heading"});
        out.back().gap = 10;
    }
    if (!c.glossary.empty()) {
        std::size_t first = out.size();
        for (const auto& e : c.glossary)
            out.push_back({"glossary term '" + e.term + "'",
                           {{e.term, s.text_size * 0.9, true, s.text_colour, "glossary"},
                            {e.definition, s.text_size * 0.85, false, s.text_colour, "glossary"}},
                           nullptr, 3});
        head_section(out, first, {"Glossary", s.heading_size, true, s.title_colour, "heading"});
    }
    return out;
}

/// The page's columns and text scale, and the blocks placed into them.
struct BackFlow {
    Poster& page;
    TextMeasure& measure;
    Box area;
    int columns = 1;
    double gap = 0;

    /// Places `blocks` with text at `k` times its size (summaries only when `summaries`); returns
    /// the indexes of those that did not fit.
    std::vector<std::size_t> place(const std::vector<BackBlock>& blocks, double f, double k, bool summaries) {
        const double w = (area.w - gap * (columns - 1)) / columns, swatch = 24 * f * k;
        const double limit = area.y + area.h;
        int col = 0;
        Column column(measure, page, area.x, area.y, w, f * k);
        std::vector<std::size_t> missing;
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            const BackBlock& b = blocks[i];
            if (col >= columns) {
                missing.push_back(i);
                continue;
            }
            const std::size_t texts = page.texts.size();
            const double top = column.y();
            bool fit = true;
            for (const auto& l : b.lines)
                if (!l.text.empty() && (summaries || !l.optional))
                    fit = fit && column.text(l.text, l.size, l.bold, l.colour, l.role, limit, b.swatch ? swatch + 8 * f : 0);
            if (fit) {
                if (b.swatch) page.rects.push_back({{column.x(), top + 2 * f, swatch, swatch * 0.66}, {b.swatch_fill}, b.swatch_stroke, 1, "",
                                         {}, {b.swatch}, nullptr});
                column.skip(b.gap);
                continue;
            }
            page.texts.resize(texts);
            if (++col < columns) {
                column = Column(measure, page, area.x + col * (w + gap), area.y, w, f * k);
                --i;  // try it again at the top of the next column
            } else {
                missing.push_back(i);
            }
        }
        return missing;
    }
};

/// The back's header (the front's title, a subtitle saying what the back holds) and the front's
/// footer; returns the area left between them.
Box frame_back(Poster& back, const Poster& front, const Style& style, TextMeasure& measure, double f) {
    const double m = style.margin_mm * kMm;
    Column head(measure, back, m, m, back.width - 2 * m, f);
    head.text(back.title, style.subtitle_size * 1.2, true, style.title_colour, "title", back.height);
    head.text(back.subtitle, style.subtitle_size * 0.8, false, style.text_colour, "subtitle", back.height);
    double footer_top = back.height - m;
    for (const auto& t : front.texts)
        if (t.role == "footer") {
            back.texts.push_back(t);
            footer_top = std::min(footer_top, t.baseline - t.size);
        }
    double top = head.y() + 12 * f;
    return {m, top, back.width - 2 * m, footer_top - 12 * f - top};
}

}  // namespace

const char* back_page_name(BackPage back) {
    switch (back) {
        case BackPage::Auto: return "auto";
        case BackPage::On: return "on";
        case BackPage::Off: return "off";
    }
    return "auto";
}

bool back_has_content(const Catalogue& c) {
    return !c.panels.empty() || !c.glossary.empty() || std::any_of(c.roles.begin(), c.roles.end(), [](const Role& r) {
               return !r.aliases.empty() || !r.pay_band.empty() || !r.summary.empty();
           });
}

bool wants_back(BackPage back, const Catalogue& c) {
    return back == BackPage::On || (back == BackPage::Auto && back_has_content(c));
}

std::string back_file_name(const std::string& front_file) {
    auto dot = front_file.rfind('.');
    if (dot == std::string::npos) return front_file + "-back";
    return front_file.substr(0, dot) + "-back" + front_file.substr(dot);
}

Poster compose_back(const Poster& front, const PathwayGraph& graph, const Style& chosen) {
    const double f = std::sqrt(std::min(front.width, front.height) / kA1Short);
    const Style style = sized_for_page(chosen, f, text_floor(front.paper, chosen));  // as the front's
    Poster back = page_of(front);
    back.subtitle = "The back of the poster: what the front has no room for, an index of its roles with where to "
                    "find each, and the words it uses";
    back.description = back.subtitle + ".";
    back.drawing_scale = 1;  // no drawing: its layout is empty
    TextMeasure measure(style.font);
    Box area = frame_back(back, front, style, measure, f);
    const double gap = 9 * kMm * f;
    BackFlow flow{back, measure, area, std::max(1, static_cast<int>((area.w + gap) / (80 * kMm * f + gap))), gap};
    std::vector<BackBlock> blocks = back_blocks(front, graph, style);

    // Full size if it fits; else smaller, down to the page's floor; then without role summaries.
    const double floor = text_floor(back.paper, style), smallest = style.text_size * 0.85 * f;
    const double full = std::max(1.0, floor / smallest);  // the index's small print at the floor at least
    const std::size_t base = back.texts.size();
    std::vector<std::size_t> missing;
    bool summaries = true;
    for (int pass = 0; pass < 2; ++pass, summaries = false) {
        for (double k = full; k * smallest >= floor - 0.05; k -= 0.05) {
            back.texts.resize(base);
            back.rects.clear();
            missing = flow.place(blocks, f, k, summaries);
            if (missing.empty()) break;
        }
        if (missing.empty()) break;
    }
    if (!summaries) back.left_off.push_back("the roles' summaries (the index lists each role without its summary)");
    for (std::size_t i : missing) back.left_off.push_back(blocks[i].what);
    return back;
}

std::vector<std::string> left_off_warnings(const Poster& front, const Poster* back, const std::string& how) {
    std::vector<std::string> out;
    const std::string page = front.paper + (front.landscape ? " landscape" : " portrait");
    const std::string where = back ? "; on the back page" : "; no back page (" + how + ")";
    for (const Panel* p : front.panels_left_off) {
        bool lost = back && std::find(back->left_off.begin(), back->left_off.end(), "panel '" + p->title + "'") !=
                                back->left_off.end();
        out.push_back("panel '" + p->title + "' not shown: no room on the " + page + " front" +
                      (lost ? "; and no room on the back page either" : where));
    }
    if (front.legend_incomplete)
        out.push_back("the legend is incomplete: no room on the " + page + " front for all its entries" +
                      (back ? "; the whole key is on the back page" : where));
    if (back) {
        // Index entries and glossary terms that did not fit: one warning each kind, naming them.
        std::vector<std::string> roles, terms;
        for (const auto& what : back->left_off) {
            if (what.rfind("role '", 0) == 0) roles.push_back(what.substr(5, what.find("' in the index") - 4));
            else if (what.rfind("glossary term '", 0) == 0) terms.push_back(what.substr(14));
            else if (what.rfind("panel '", 0) != 0)
                out.push_back(what + " not shown: no room on the " + page + " back page (use a larger page)");
        }
        if (!roles.empty())
            out.push_back(std::to_string(roles.size()) + " role(s) of the index not shown: no room on the " + page +
                          " back page (use a larger page): " + join(roles, ", "));
        if (!terms.empty())
            out.push_back(std::to_string(terms.size()) + " glossary term(s) not shown: no room on the " + page +
                          " back page (use a larger page): " + join(terms, ", "));
    }
    return out;
}

}  // namespace pathways
