// Poster series (#10 part 2): a view too big to read on one page becomes an overview and sheets,
// cut along settings (lanes) then levels; every role drawn once, every cross-sheet progression a
// marker naming a real sheet and cell, every page's text at or above the floor, same bytes again.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "pathways/manifest.hpp"
#include "pathways/readability.hpp"
#include "pathways/series_poster.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;
using Catch::Matchers::Contains;

namespace {

/// A catalogue of `roles` roles over 4 levels and `settings` settings (every fifth role in two),
/// each leading up its own setting and every seventh across to the next setting.
std::string wide_catalogue(int roles, int settings) {
    std::string t = "title: Wide\npublisher: P\nsource: S\nversion: \"1\"\nsetting_dimension: Care setting\nlevels:\n";
    for (int l = 0; l < 4; ++l)
        t += "  - {id: l" + std::to_string(l) + ", name: Level " + std::to_string(l) + ", description: A level.}\n";
    t += "settings:\n";
    for (int s = 0; s < settings; ++s)
        t += "  - {id: s" + std::to_string(s) + ", name: Setting " + std::to_string(s) + ", description: A setting.}\n";
    t += "roles:\n";
    for (int i = 0; i < roles; ++i) {
        int s = i % settings, l = (i / settings) % 4;
        std::string set = "s" + std::to_string(s) + (i % 5 == 0 ? ", s" + std::to_string((s + 1) % settings) : "");
        t += "  - id: r" + std::to_string(i) + "\n    name: \"Role " + std::to_string(i) + "\"\n    level: l" +
             std::to_string(l) + "\n    settings: [" + set + "]\n    summary: A role.\n";
        std::vector<std::string> to;
        if (l < 3 && i + settings < roles) to.push_back("r" + std::to_string(i + settings));
        if (i % 7 == 0 && i + 1 < roles) to.push_back("r" + std::to_string(i + 1));
        if (!to.empty()) {
            t += "    progresses_to: [";
            for (std::size_t k = 0; k < to.size(); ++k) t += (k ? ", " : "") + to[k];
            t += "]\n";
        }
    }
    return t;
}

/// One series composed once for the whole run (composing takes seconds): 160 roles on A3.
struct Composed {
    TempFile file{"wide.yaml", wide_catalogue(160, 4)};
    const Catalogue& catalogue = catalogue_at(file.path());
    PathwayGraph graph = select(catalogue, View{});
    PosterSeries series;
    Composed() {
        PosterOptions o;
        o.page = "A3";
        o.build_date = "1 January 2026";
        series = compose_series(graph, shipped_style("nhs"), o, SeriesMode::Auto);
    }
};

const Composed& composed() {
    static Composed c;
    return c;
}

}  // namespace

TEST_CASE("A view is cut along settings, then levels, with every role on exactly one sheet", "[series][view]") {
    TempFile file("wide.yaml", wide_catalogue(300, 3));
    const Catalogue& c = catalogue_at(file.path());
    PathwayGraph g = select(c, View{});
    Series s = plan_series(g, 60);
    std::map<const Role*, int> drawn;
    for (const auto& sheet : s.sheets) {
        for (const Role* r : sheet.roles) ++drawn[r];
        CHECK(sheet.roles.size() <= 60);
        // A setting of 100 roles is more than a sheet holds: cut into ranges of levels.
        CHECK(sheet.lanes.size() == 1);
    }
    CHECK(s.sheets.size() >= 6);
    for (const Role* r : g.roles) CHECK(drawn[r] == 1);
    CHECK(drawn.size() == g.roles.size());

    // A role in two settings is drawn in its first one's sheet and listed on the other's strip.
    const Role* both = c.role("r0");
    REQUIRE(both->settings.size() == 2);
    std::size_t home = s.sheet_of(both);
    CHECK(std::find(s.sheets[home - 1].roles.begin(), s.sheets[home - 1].roles.end(), both) != s.sheets[home - 1].roles.end());
    CHECK(s.lanes[s.sheets[home - 1].lanes.front()].id == "s0");
    bool listed = false;
    for (const auto& sheet : s.sheets)
        listed = listed || std::count(sheet.also_here.begin(), sheet.also_here.end(), both) > 0;
    CHECK(listed);

    // Small settings share a sheet.
    Series packed = plan_series(g, 250);
    CHECK(packed.sheets.size() == 2);
    CHECK(packed.sheets[0].lanes.size() == 2);
}

TEST_CASE("A cell too big for one sheet is cut into slices of its roles, each role on exactly one", "[series][view]") {
    // 400 roles in two settings over 4 levels: 50 roles a cell, more than a sheet of 20 holds.
    TempFile file("wide.yaml", wide_catalogue(400, 2));
    const Catalogue& c = catalogue_at(file.path());
    PathwayGraph g = select(c, View{});
    Series s = plan_series(g, 20);
    std::map<const Role*, int> drawn;
    std::size_t slices = 0;
    for (const auto& sheet : s.sheets) {
        for (const Role* r : sheet.roles) ++drawn[r];
        CHECK(sheet.roles.size() <= 20);
        CHECK(sheet.first_level == sheet.last_level);
        if (sheet.from > 0) ++slices;
    }
    CHECK(s.sheets.size() == 24);  // each cell of 50 in three slices of 16 or 17
    CHECK(slices == 16);
    CHECK_THAT(s.describe(s.sheets[1]), Contains("(roles 17\xE2\x80\x93" "33 of 50)"));
    for (const Role* r : g.roles) CHECK(drawn[r] == 1);
    CHECK(drawn.size() == g.roles.size());

    // A slice cut again (it composed too small) keeps every role on one sheet; one role cannot be cut.
    std::size_t before = s.sheets[0].roles.size();
    REQUIRE(s.split(0, 10));
    CHECK(s.sheets[0].roles.size() == 10);
    CHECK(s.sheets[1].roles.size() == before - 10);
    drawn.clear();
    for (const auto& sheet : s.sheets)
        for (const Role* r : sheet.roles) ++drawn[r];
    for (const Role* r : g.roles) CHECK(drawn[r] == 1);
    while (s.sheets[0].roles.size() > 1) REQUIRE(s.split(0));
    CHECK_FALSE(s.split(0));
}

TEST_CASE("The overview's counts are the catalogue's", "[series][render]") {
    const Composed& k = composed();
    const PosterSeries& s = k.series;
    REQUIRE(s.split());
    // Each cell: the roles whose first setting and lowest level it is, counted from the catalogue.
    std::map<std::pair<std::string, std::string>, std::size_t> expected;
    for (const auto& r : k.catalogue.roles) ++expected[{r.settings.front(), r.levels.front()}];
    std::size_t total = 0;
    for (std::size_t lane = 0; lane < s.plan.lanes.size(); ++lane)
        for (std::size_t l = 0; l < k.graph.levels.size(); ++l) {
            CHECK(s.plan.cells[lane][l] == expected[{s.plan.lanes[lane].id, k.graph.levels[l]->id}]);
            total += s.plan.cells[lane][l];
        }
    CHECK(total == k.catalogue.roles.size());
    // The overview page prints those counts: its big numbers add up to every role.
    const Poster& overview = s.pages.front();
    double floor = text_floor("A3");
    std::size_t printed = 0;
    for (const auto& t : overview.texts)
        if (t.bold && t.size > floor * 1.3 && t.text.find_first_not_of("0123456789") == std::string::npos)
            printed += std::stoul(t.text);
    CHECK(printed == k.catalogue.roles.size());
    CHECK(s.pages.size() == s.plan.sheets.size() + 1);
}

TEST_CASE("Every page of a series prints its text at or above the floor", "[series][render]") {
    const PosterSeries& s = composed().series;
    REQUIRE(s.split());
    for (std::size_t i = 0; i < s.pages.size(); ++i) {
        INFO("page " << i << ": " << s.pages[i].title);
        CHECK(s.pages[i].smallest_text() >= text_floor("A3") - 0.05);
        CHECK(s.pages[i].role_text_size >= text_floor("A3") - 0.05);
    }
    CHECK_THAT(describe_series(s), Contains("sheets and an overview, because"));
}

TEST_CASE("Every cross-sheet progression ends in a marker naming the sheet and cell that hold its role",
          "[series][render]") {
    const Composed& k = composed();
    const PosterSeries& s = k.series;
    REQUIRE(s.split());
    std::map<const Role*, int> drawn;
    std::size_t markers = 0;
    for (std::size_t i = 0; i < s.graphs.size(); ++i) {
        for (const Role* r : s.graphs[i].roles) ++drawn[r];
        for (const auto& t : s.graphs[i].transfers) {
            REQUIRE(t.sheet >= 1);
            REQUIRE(t.sheet <= s.graphs.size());
            CHECK(t.sheet != i + 1);
            CHECK(s.graphs[t.sheet - 1].contains(t.to));
            CHECK(t.cell == s.cells.at(t.to));  // the cell the role is really drawn in
            ++markers;
        }
        for (const auto& pt : s.pages[i + 1].layout.transfers()) {
            std::string label;
            for (const auto& l : pt.label) label += l + " ";
            CHECK_THAT(label, Contains("sheet " + std::to_string(s.plan.sheet_of(pt.to)) + ", " + s.cells.at(pt.to)));
        }
    }
    CHECK(markers > 0);
    for (const Role* r : k.graph.roles) CHECK(drawn[r] == 1);
    // Every link of the view is drawn on a sheet, or is a marker there.
    std::size_t links = 0;
    for (const auto& g : s.graphs) links += g.links.size();
    CHECK(links + markers == k.graph.links.size());
}

TEST_CASE("The shipped NCL poster still fits one page", "[series][render]") {
    const Catalogue& c = shipped_catalogue("data/ncl-career-pathways.yaml");
    PathwayGraph g = select(c, View{});
    PosterOptions o;
    o.page = "A1";
    PosterSeries s = compose_series(g, shipped_style("nhs"), o, SeriesMode::Auto);
    CHECK_FALSE(s.split());
    CHECK(s.pages.size() == 1);
}

TEST_CASE("render writes a series: one PDF of every page, an SVG per sheet, the same bytes again",
          "[series][cli]") {
    TempDir one, two;
    write_file(one.file("wide.yaml"), wide_catalogue(160, 4));
    auto run = [&](const TempDir& dir, const std::string& out) {
        return run_cli({"render", one.file("wide.yaml"), "--page", "A3", "-o", dir.file(out), "--style",
                        source_path("styles/nhs.yaml")});
    };
    auto pdf = run(one, "wide.pdf");
    REQUIRE(pdf.status == 0);
    CHECK_THAT(pdf.err, Contains("sheets and an overview, because"));
    CHECK_THAT(pdf.err, Contains("sheet 1: "));
    auto info = run_shell("pdfinfo " + shell_quote(one.file("wide.pdf")));
    const std::size_t pages = composed().series.pages.size();
    CHECK_THAT(info.out, Contains("Pages:           " + std::to_string(pages)));

    auto svg = run(one, "wide.svg");
    REQUIRE(svg.status == 0);
    CHECK(fs::exists(one.file("wide.svg")));
    for (std::size_t n = 1; n < pages; ++n) CHECK(fs::exists(one.file("wide-sheet-" + std::to_string(n) + ".svg")));
    CHECK_FALSE(fs::exists(one.file("wide-sheet-" + std::to_string(pages) + ".svg")));
    CHECK_THAT(read_file(one.file("wide-sheet-1.svg")), Contains("Index of this sheet"));

    REQUIRE(run(two, "wide.svg").status == 0);
    for (std::size_t n = 1; n < pages; ++n) {
        std::string name = "wide-sheet-" + std::to_string(n) + ".svg";
        CHECK(read_file(one.file(name)) == read_file(two.file(name)));
    }
    CHECK(read_file(one.file("wide.svg")) == read_file(two.file("wide.svg")));

    // --series off: one page, and the warning that its text is under the floor.
    auto off = run_cli({"render", one.file("wide.yaml"), "--page", "A3", "-o", two.file("off.svg"), "--style",
                        source_path("styles/nhs.yaml"), "--series", "off", "--force"});
    CHECK(off.status == 0);
    CHECK_THAT(off.err, Contains("warning: role names would print at"));
    CHECK_FALSE(fs::exists(two.file("off-sheet-1.svg")));
}

TEST_CASE("A manifest's series key is auto or off, checked where it is written", "[series][manifest]") {
    TempDir dir;
    write_file(dir.file("c.yaml"), wide_catalogue(8, 2));
    const std::string head = "style: " + source_path("styles/nhs.yaml") + "\noutput: out\n";
    write_file(dir.file("m.yaml"), head + "catalogues:\n  c: c.yaml\nposters:\n  - name: a\n    series: off\n"
                                   "  - name: b\n  - name: c\n    series: sometimes\n");
    Diagnostics d;
    auto m = load_manifest(dir.file("m.yaml"), d);
    CHECK_THAT(dump(d), Contains(dir.file("m.yaml") + ":10:13: error: series of poster 'c' must be 'auto' or 'off', not 'sometimes'"));
    write_file(dir.file("m.yaml"), head + "catalogues:\n  c: c.yaml\nposters:\n  - name: a\n    series: off\n  - name: b\n");
    Diagnostics ok;
    auto good = load_manifest(dir.file("m.yaml"), ok);
    REQUIRE(good);
    CHECK(good->posters[0].series == SeriesMode::Off);
    CHECK(good->posters[1].series == SeriesMode::Auto);
    CHECK(good->posters[0].canonical() != good->posters[1].canonical());
}

TEST_CASE("build writes a series from one manifest entry, the index page lists its sheets, a rebuild does nothing",
          "[series][build]") {
    TempDir dir;
    write_file(dir.file("wide.yaml"), wide_catalogue(160, 4));
    write_file(dir.file("m.yaml"), "catalogue: wide.yaml\nstyle: " + source_path("styles/nhs.yaml") +
                                       "\noutput: out\nposters:\n  - name: wide\n    page: A3\n    formats: [pdf, svg]\n");
    auto r = run_cli({"build", dir.file("m.yaml"), "-j", "1"});
    INFO(r.out << r.err);
    REQUIRE(r.status == 0);
    const std::size_t sheets = composed().series.plan.sheets.size();
    fs::path out = dir.path() / "out";
    CHECK(fs::exists(out / "wide.pdf"));
    CHECK(fs::exists(out / "wide.svg"));
    for (std::size_t n = 1; n <= sheets; ++n) CHECK(fs::exists(out / ("wide-sheet-" + std::to_string(n) + ".svg")));
    std::string index = read_file((out / "index.html").string());
    CHECK_THAT(index, Contains("A series: an overview and " + std::to_string(sheets) + " sheets"));
    CHECK_THAT(index, Contains("<a href=\"wide-sheet-" + std::to_string(sheets) + ".svg\">svg</a>"));

    auto again = run_cli({"build", dir.file("m.yaml")});
    INFO(again.out << again.err);
    CHECK(again.status == 0);
    CHECK_THAT(again.out + again.err, Contains("everything is up to date"));
    CHECK(fs::exists(out / ("wide-sheet-" + std::to_string(sheets) + ".svg")));  // not swept as stale
}
