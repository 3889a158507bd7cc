#include "pathways/glyph_check.hpp"

#include <algorithm>
#include <cstdio>

#include "text.hpp"

namespace pathways {

namespace {

/// Decodes the UTF-8 code points of `text` (already checked to be UTF-8 by the loader).
std::vector<char32_t> decode(std::string_view text) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
        for (int k = 1; k < len && i + static_cast<std::size_t>(k) < text.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3F);
        out.push_back(cp);
        i += static_cast<std::size_t>(len);
    }
    return out;
}

/// A Pango layout on a tiny image surface, set up as the poster sets text.
class GlyphProbe {
public:
    explicit GlyphProbe(const std::string& family) : family_(family) {
        surface_ = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
        cr_ = cairo_create(surface_);
        layout_ = pango_cairo_create_layout(cr_);
        set_font(layout_, family_, 12, false);
    }
    ~GlyphProbe() {
        g_object_unref(layout_);
        cairo_destroy(cr_);
        cairo_surface_destroy(surface_);
    }
    GlyphProbe(const GlyphProbe&) = delete;
    GlyphProbe& operator=(const GlyphProbe&) = delete;

    std::vector<MissingGlyph> missing(const std::string& text) {
        pango_layout_set_text(layout_, text.c_str(), static_cast<int>(text.size()));
        std::vector<MissingGlyph> out;
        if (pango_layout_get_unknown_glyphs_count(layout_) == 0) return out;
        PangoLayoutIter* it = pango_layout_get_iter(layout_);
        do {
            PangoLayoutRun* run = pango_layout_iter_get_run_readonly(it);
            if (run) collect(run, text, out);
        } while (pango_layout_iter_next_run(it));
        pango_layout_iter_free(it);
        return out;
    }

private:
    /// Adds the clusters of one run whose glyph is Pango's "unknown glyph" box.
    static void collect(PangoLayoutRun* run, const std::string& text, std::vector<MissingGlyph>& out) {
        const PangoGlyphString* g = run->glyphs;
        const int offset = run->item->offset, length = run->item->length;
        for (int i = 0; i < g->num_glyphs; ++i) {
            if (!(g->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)) continue;
            int start = g->log_clusters[i], end = length;
            for (int k = 0; k < g->num_glyphs; ++k)
                if (g->log_clusters[k] > start && g->log_clusters[k] < end) end = g->log_clusters[k];
            std::string cluster = text.substr(static_cast<std::size_t>(offset + start), static_cast<std::size_t>(end - start));
            bool seen = std::any_of(out.begin(), out.end(), [&](const MissingGlyph& m) { return m.text == cluster; });
            if (!seen) out.push_back({cluster, decode(cluster)});
        }
    }

    std::string family_;
    cairo_surface_t* surface_;
    cairo_t* cr_;
    PangoLayout* layout_;
};

}  // namespace

std::vector<MissingGlyph> missing_glyphs(const std::string& text, const std::string& family) {
    GlyphProbe probe(family);
    return probe.missing(text);
}

std::string code_point_names(const std::vector<char32_t>& code_points) {
    std::string out;
    for (char32_t cp : code_points) {
        char name[16];
        std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(cp));
        out += (out.empty() ? "" : " ") + std::string(name);
    }
    return out;
}

void check_glyphs(const Catalogue& c, const std::string& family, Diagnostics& diags, bool strict) {
    GlyphProbe probe(family);
    auto check = [&](const std::string& text, const Location& where, const std::string& what) {
        if (text.empty()) return;
        for (const auto& m : probe.missing(text)) {
            std::string message = "no font on this machine draws '" + m.text + "' (" + code_point_names(m.code_points) +
                                  ") in " + what + ": it would print as a box";
            strict ? diags.error(where, message) : diags.warning(where, message);
        }
    };
    Location file{c.file, 0, 0};
    for (const auto* t : {&c.title, &c.subtitle, &c.publisher, &c.source, &c.setting_dimension})
        check(*t, file, "the catalogue's heading");
    for (const auto& l : c.levels) check(l.name + " " + l.description, l.where, "level '" + l.id + "'");
    for (const auto& s : c.settings) check(s.name + " " + s.description, s.where, "setting '" + s.id + "'");
    for (const auto& r : c.roles) {
        std::string all = r.name + " " + r.summary + " " + r.pay_band;
        for (const auto& a : r.aliases) all += " " + a;
        check(all, r.where, "role '" + r.id + "'");
    }
    for (const auto& g : c.glossary) check(g.term + " " + g.definition, file, "the glossary");
    for (const auto& p : c.panels) check(p.title + " " + p.text, file, "panel '" + p.title + "'");
}

}  // namespace pathways
