// Structural tests of posters: bands, colours, page size, fonts, text. Not pixel diffs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "pathways/catalogue.hpp"
#include "pathways/poster.hpp"
#include "pathways/style.hpp"
#include "pathways/view.hpp"
#include "render/text.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

const std::string kRoot = PATHWAYS_SOURCE_DIR;

const Catalogue& load(const std::string& name) { return shipped_catalogue("data/" + name + ".yaml"); }
const Style& style_named(const std::string& name) { return shipped_style(name); }
std::string run(const std::string& command) { return run_shell(command).out; }

std::string collapse_spaces(const std::string& s) {
    std::string out;
    for (char c : s) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

const std::vector<std::string> kCatalogues{"ncl-career-pathways", "nhs-management-careers"};
const std::vector<std::string> kStyles{"nhs", "colour-blind-safe", "greyscale-print"};

}  // namespace

/// Options for a poster on `page`, the given way round, dated `date` (empty: the build's date).
PosterOptions page_options(const std::string& page, bool landscape, const std::string& date) {
    PosterOptions o;
    o.page = page;
    o.landscape = landscape;
    o.build_date = date;
    return o;
}

TEST_CASE("paper sizes are ISO 216", "[poster]") {
    auto a1 = paper_size("A1");
    REQUIRE(a1);
    CHECK(a1->width == Approx(594 * 72 / 25.4));
    CHECK(a1->height == Approx(841 * 72 / 25.4));
    CHECK(paper_size("A0")->height == Approx(1189 * 72 / 25.4));
    CHECK(paper_size("A4")->width == Approx(210 * 72 / 25.4));
    CHECK_FALSE(paper_size("B5"));
}

TEST_CASE("the NCL poster reads well on A1: fill, text size, no link through a box, few crossings", "[poster]") {
    Catalogue c = load("ncl-career-pathways");
    Style s = style_named("nhs");
    Poster p = compose_poster(select(c, View{}), s, {});
    CHECK(p.paper == "A1");
    CHECK(p.landscape);
    CHECK(p.fill_ratio() >= 0.70);
    CHECK(p.smallest_text() >= 12.0);
    CHECK(p.layout.links_through_boxes().empty());
    // Plain dot with clusters gives about 200 crossings on this graph.
    CHECK(p.layout.count_crossings() < 120);
    // Labels fit their boxes: every line of every label, measured with Pango as the page draws
    // it, is narrower than its box (whichever way the drawing reads: boxes are narrower bottom to top).
    TextMeasure measure(s.font);
    for (const auto& r : p.layout.roles())
        for (const auto& line : r.lines) CHECK(measure.width(line, s.role_size, false) < r.box.w);
}

TEST_CASE("the NCL per-setting diagrams read well on A3 portrait: fill, text size, no link through a box", "[poster]") {
    Catalogue c = load("ncl-career-pathways");
    Style s = style_named("nhs");
    for (const auto& setting : c.settings) {
        INFO(setting.id);
        PosterOptions o;
        o.page = "A3";
        o.landscape = false;
        Poster p = compose_poster(select(c, View{View::Kind::Settings, {setting.id}}), s, o);
        CHECK(p.fill_ratio() >= 0.70);
        CHECK(p.smallest_text() >= 9.0);
        CHECK(p.layout.links_through_boxes().empty());
    }
}

TEST_CASE("panels the legend has no room for go where the drawing leaves room, in order, clear of it", "[poster]") {
    Style s = style_named("nhs");
    for (const auto& name : kCatalogues) {
        Catalogue c = load(name);
        PosterOptions pathway;  // the framework grid (auto's pick for management) leaves no room beside it
        pathway.layout = LayoutMode::Pathway;
        Poster p = compose_poster(select(c, View{}), s, pathway);
        INFO(name);
        // The panels shown are the first ones: the catalogue's order is their priority.
        std::size_t shown = 0;
        while (shown < c.panels.size() && std::any_of(p.texts.begin(), p.texts.end(), [&](const PageText& t) {
                   return t.role == "heading" && t.text == c.panels[shown].title;
               }))
            ++shown;
        for (std::size_t i = shown; i < c.panels.size(); ++i)
            CHECK_FALSE(std::any_of(p.texts.begin(), p.texts.end(), [&](const PageText& t) { return t.text == c.panels[i].title; }));
        // On A1 the NCL poster has room for at least three; the management one's go to its back
        // page (reader_test checks that nothing is left off without a warning).
        if (name == std::string("ncl-career-pathways")) CHECK(shown >= 3);
        // No page text runs into the drawing, and the drawing stays in its area.
        Box d{p.drawing_at.x, p.drawing_at.y, p.layout.width() * p.drawing_scale, p.layout.height() * p.drawing_scale};
        for (const auto& t : p.texts) {
            double w = static_cast<double>(t.text.size()) * t.size * 0.6;  // generous: bytes, wide glyphs
            bool apart = t.x + w <= d.x || t.x >= d.x + d.w || t.baseline <= d.y || t.baseline - t.size >= d.y + d.h;
            INFO(t.text);
            CHECK(apart);
        }
        const Box& a = p.drawing_area;
        CHECK(d.x >= a.x - 0.5);
        CHECK(d.y >= a.y - 0.5);
        CHECK(d.x + d.w <= a.x + a.w + 0.5);
        CHECK(d.y + d.h <= a.y + a.h + 0.5);
    }
}

TEST_CASE("both catalogues in every style: page size, fonts embedded, all text present", "[poster]") {
    for (const auto& style_name : kStyles) {
        Style s = style_named(style_name);
        for (const auto& name : kCatalogues) {
            Catalogue c = load(name);
            PosterOptions o;
            o.page = name == "ncl-career-pathways" ? "A1" : "A2";
            Poster p = compose_poster(select(c, View{}), s, o);
            INFO(style_name << " " << name);
            CHECK(p.fill_ratio() >= 0.70);
            CHECK(p.smallest_text() >= (o.page == "A1" ? 12.0 : 10.0));
            std::string pdf = render_pdf(p);
            TempFile file(name + "-" + style_name + ".pdf", pdf);
            const std::string& path = file.path();

            // Exactly the ISO page, within half a point.
            std::smatch m;
            REQUIRE(std::regex_search(pdf, m, std::regex(R"(/MediaBox \[ ?0 0 ([0-9.]+) ([0-9.]+) ?\])")));
            double w = std::stod(m[1]), h = std::stod(m[2]);
            PaperSize paper = *paper_size(o.page);
            CHECK(std::abs(w - paper.height) < 0.5);
            CHECK(std::abs(h - paper.width) < 0.5);

            // Every font embedded.
            std::string fonts = run("pdffonts " + path);
            CHECK_THAT(fonts, Catch::Contains("LiberationSans"));
            std::istringstream lines(fonts);
            std::string line;
            int rows = 0;
            while (std::getline(lines, line)) {
                if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty()) continue;
                ++rows;
                CHECK_THAT(line, Catch::Matches(".* yes +(yes|no) +(yes|no) +[0-9]+ +[0-9]+ *"));
            }
            CHECK(rows > 0);

            // Text stays text: title, legend entries and every role name are searchable.
            std::string text = collapse_spaces(run("pdftotext -raw " + path + " -"));
            CHECK_THAT(text, Catch::Contains(collapse_spaces(c.title)));
            CHECK_THAT(text, Catch::Contains(c.setting_dimension));
            for (const auto& st : c.settings) CHECK_THAT(text, Catch::Contains(st.name));
            for (const auto& l : c.levels) CHECK_THAT(text, Catch::Contains(l.name));
            for (const auto& r : c.roles) CHECK_THAT(text, Catch::Contains(collapse_spaces(r.name)));
        }
    }
}

TEST_CASE("the same inputs give the same PDF bytes", "[poster]") {
    Catalogue c = load("ncl-career-pathways");
    Style s = style_named("nhs");
    PosterOptions o;
    o.page = "A3";
    o.build_date = "1 January 2026";
    std::string a = render_pdf(compose_poster(select(c, View{}), s, o));
    std::string b = render_pdf(compose_poster(select(c, View{}), s, o));
    CHECK(a == b);
}

TEST_CASE("the footer's build date honours SOURCE_DATE_EPOCH", "[poster]") {
    Catalogue c = load("ncl-career-pathways");
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);  // 14 November 2023
    Poster p = compose_poster(select(c, View{}), style_named("nhs"), page_options("A3", false, ""));
    unsetenv("SOURCE_DATE_EPOCH");
    std::string footer;
    for (const auto& t : p.texts)
        if (t.role == "footer") footer += t.text + " ";
    CHECK_THAT(collapse_spaces(footer), Catch::Contains("Built 14 November 2023"));
}

TEST_CASE("PNG is a raster of the page at the asked resolution", "[poster]") {
    Catalogue c = load("ncl-career-pathways");
    Poster p = compose_poster(select(c, View{}), style_named("nhs"), page_options("A4", true, "1 January 2026"));
    std::string png = render_png(p, 50);
    REQUIRE(png.size() > 24);
    CHECK(png.substr(1, 3) == "PNG");
    auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
               (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
    };
    CHECK(be32(16) == static_cast<unsigned>(std::lround(297 / 25.4 * 50)));
    CHECK(be32(20) == static_cast<unsigned>(std::lround(210 / 25.4 * 50)));
}

TEST_CASE("the legend speaks the catalogue's words for its colouring dimension", "[poster][legend]") {
    PosterOptions o;
    o.build_date = "1 January 2026";
    Poster p = compose_poster(select(load("nhs-management-careers"), View{}), style_named("nhs"), o);
    std::string all;
    for (const auto& t : p.texts) all += t.text + " ";
    CHECK_THAT(all, Catch::Contains("Striped: found in each staff group whose colour it shows"));
    CHECK_THAT(all, !Catch::Contains("each setting"));
}
