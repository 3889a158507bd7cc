// Preflight: the figures a print shop checks, from the composed poster (text, lines, contrast)
// and from a written PDF read back with qpdf (page boxes, bleed, fonts embedded, links).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "pathways/look.hpp"
#include "pathways/poster.hpp"
#include "pathways/print.hpp"
#include "pathways/readability.hpp"

namespace pathways {

namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kThinnestLine = 0.25;   // points: print shops' floor for a hairline
constexpr double kTextContrast = 4.5;    // WCAG 1.4.3 (AA, normal text)
constexpr double kGraphicContrast = 3;   // WCAG 1.4.11 (non-text contrast)

std::string format(const char* pattern, double a, double b = 0, double c = 0) {
    char buf[160];
    std::snprintf(buf, sizeof buf, pattern, a, b, c);
    return buf;
}

/// The lowest contrast among the pairs, with a description of the worst pair.
struct Lowest {
    double ratio = 21;
    std::string what;
    void consider(const Colour& a, const Colour& b, const std::string& pair) {
        double r = contrast(a, b);
        if (r < ratio) ratio = r, what = pair;
    }
};

/// The poster's text against what it is written on: page text on the page, role labels on every
/// stripe of their box, band labels on the band fills.
Lowest text_contrast(const Poster& p, const Style& s) {
    Lowest low;
    for (const auto& t : p.texts) low.consider(t.colour, p.background, t.role + " text on the page");
    for (const auto& r : p.layout.roles())
        for (const auto& fill : r.fills) low.consider(r.text, fill, "the label of " + (r.role ? r.role->name : r.node));
    for (const auto& fill : s.band_fills) low.consider(s.band_label, fill, "level names on their bands");
    return low;
}

/// Every kind of link against the page and the band fills it runs across.
Lowest line_contrast(const Poster& p, const Style& s) {
    Lowest low;
    for (LinkKind kind : kLinkKinds) {
        const LinkLook& look = link_look(s, kind);
        std::string name(to_string(kind));
        low.consider(look.colour, p.background, name + " links on the page");
        for (const auto& fill : s.band_fills) low.consider(look.colour, fill, name + " links on a band");
    }
    return low;
}

/// The thinnest stroke printed: links and borders in the drawing (scaled), legend samples.
std::pair<double, std::string> thinnest_line(const Poster& p, const Style& s) {
    std::pair<double, std::string> thin{1e9, ""};
    auto consider = [&](double w, const std::string& what) {
        if (w > 0 && w < thin.first) thin = {w, what};
    };
    for (LinkKind kind : kLinkKinds) {
        if (kind == LinkKind::Transfer && p.layout.transfers().empty()) continue;
        consider(link_look(s, kind).width * p.drawing_scale, std::string(to_string(kind)) + " links");
    }
    for (const auto& l : p.lines) consider(l.look.width, "legend samples");
    for (const auto& r : p.rects) consider(r.stroke_width, "legend swatch frames");
    return thin;
}

}  // namespace

double reading_distance_m(double size_pt) { return size_pt / kMm * kCapHeightPerEm / kLetterMmPerMetre; }

std::vector<PreflightFact> preflight_poster(const Poster& p, const Style& s) {
    std::vector<PreflightFact> out;
    out.push_back({"page", p.paper + (p.landscape ? " landscape, " : " portrait, ") +
                               format("%.0f x %.0f mm", p.width / kMm, p.height / kMm) +
                               format(", safe margin %.0f mm", s.margin_mm), ""});
    if (s.margin_mm < 5) out.back().warning = "text and roles come closer than 5 mm to the trim";
    double smallest = p.smallest_text();
    double floor = text_floor(p.paper, s);
    out.push_back({"smallest text", format("%.1f pt, readable from about %.1f m", smallest, reading_distance_m(smallest)), ""});
    if (smallest < floor - 1e-6) out.back().warning = format("below %.1f pt, the floor for this page", floor);
    out.push_back({"role labels", format("%.1f pt, readable from about %.1f m", p.role_text_size,
                                         reading_distance_m(p.role_text_size)), ""});
    auto thin = thinnest_line(p, s);
    out.push_back({"thinnest line", format("%.2f pt", thin.first) + " (" + thin.second + ")", ""});
    if (thin.first < kThinnestLine) out.back().warning = "below 0.25 pt: it may not print";
    Lowest text = text_contrast(p, s), line = line_contrast(p, s);
    out.push_back({"lowest text contrast", format("%.1f:1", text.ratio) + " (" + text.what + ")", ""});
    if (text.ratio < kTextContrast) out.back().warning = "below 4.5:1 (WCAG 1.4.3)";
    out.push_back({"lowest line contrast", format("%.1f:1", line.ratio) + " (" + line.what + ")", ""});
    if (line.ratio < kGraphicContrast) out.back().warning = "below 3:1 (WCAG 1.4.11)";
    out.push_back({"settings told apart by", s.show_tags ? "colour and a tag on each role" : "colour only", ""});
    if (!s.show_tags) out.back().warning = "colour alone tells settings apart; a style with show_tags: true adds tags";
    return out;
}

namespace {

/// Whether a font dictionary's glyphs are in the file (its descriptor, or its descendant's, has a FontFile).
bool embedded(QPDFObjectHandle font) {
    if (font.getKey("/Subtype").isNameAndEquals("/Type3")) return true;  // glyphs are content streams
    if (font.hasKey("/DescendantFonts")) font = font.getKey("/DescendantFonts").getArrayItem(0);
    QPDFObjectHandle d = font.getKey("/FontDescriptor");
    return d.isDictionary() && (d.hasKey("/FontFile") || d.hasKey("/FontFile2") || d.hasKey("/FontFile3"));
}

/// Fonts of a resource dictionary and of the forms it uses, by base name: embedded or not.
void collect_fonts(QPDFObjectHandle resources, std::map<std::string, bool>& fonts, std::set<QPDFObjGen>& seen) {
    if (!resources.isDictionary()) return;
    QPDFObjectHandle f = resources.getKey("/Font");
    if (f.isDictionary())
        for (const auto& key : f.getKeys()) {
            QPDFObjectHandle font = f.getKey(key);
            std::string name = font.getKey("/BaseFont").isName() ? font.getKey("/BaseFont").getName() : key;
            fonts[name.substr(name.find('+') == std::string::npos ? 1 : name.find('+') + 1)] = embedded(font);
        }
    QPDFObjectHandle x = resources.getKey("/XObject");
    if (x.isDictionary())
        for (const auto& key : x.getKeys()) {
            QPDFObjectHandle form = x.getKey(key);
            if (!form.isStream() || !seen.insert(form.getObjGen()).second) continue;
            collect_fonts(form.getDict().getKey("/Resources"), fonts, seen);
        }
}

PdfBox box_of(QPDFObjectHandle page, const char* key, const PdfBox& otherwise) {
    QPDFObjectHandle b = page.getKey(key);
    if (!b.isRectangle()) return otherwise;
    auto r = b.getArrayAsRectangle();
    return {r.llx, r.lly, r.urx, r.ury};
}

std::string size_of(const PdfBox& b) { return format("%.1f x %.1f mm", b.width() / kMm, b.height() / kMm); }

/// The colour a print shop gets: RGB, and the output intent's condition when there is one.
PreflightFact colour_fact(QPDF& doc) {
    QPDFObjectHandle intents = doc.getRoot().getKey("/OutputIntents");
    if (intents.isArray() && intents.getArrayNItems() > 0) {
        QPDFObjectHandle condition = intents.getArrayItem(0).getKey("/OutputConditionIdentifier");
        if (condition.isString()) return {"colour", "RGB, output intent " + condition.getUTF8Value(), ""};
    }
    return {"colour", "RGB, no output intent", ""};
}

}  // namespace

std::vector<PreflightFact> preflight_pdf(const std::string& path) {
    QPDF doc;
    doc.processFile(path.c_str());
    auto pages = QPDFPageDocumentHelper(doc).getAllPages();
    std::vector<PreflightFact> out;
    out.push_back({"pages", std::to_string(pages.size()), ""});
    if (pages.empty()) return out;
    QPDFObjectHandle page = pages[0].getObjectHandle();
    PdfBox media = box_of(page, "/MediaBox", {});
    PdfBox trim = box_of(page, "/TrimBox", media), bleed = box_of(page, "/BleedBox", trim);
    out.push_back({"page (MediaBox)", size_of(media), ""});
    out.push_back({"trim (TrimBox)", size_of(trim), ""});
    double b = std::min({trim.x0 - bleed.x0, trim.y0 - bleed.y0, bleed.x1 - trim.x1, bleed.y1 - trim.y1}) / kMm;
    out.push_back({"bleed", format("%.1f mm", b), ""});
    if (b < 3 - 1e-3) out.back().warning = "a print shop asks for at least 3 mm (render with --bleed 3 --marks)";
    std::map<std::string, bool> fonts;
    std::set<QPDFObjGen> seen;
    collect_fonts(pages[0].getAttribute("/Resources", false), fonts, seen);
    std::string names, missing;
    for (const auto& [name, in_file] : fonts) (in_file ? names : missing) += (in_file ? names : missing).empty() ? name : ", " + name;
    out.push_back({"fonts embedded", names.empty() ? "none" : names, ""});
    if (!missing.empty()) out.back().warning = "not embedded: " + missing;
    out.push_back({"links", std::to_string(pages[0].getAnnotations("/Link").size()), ""});
    out.push_back(colour_fact(doc));
    return out;
}

}  // namespace pathways
