// The poster manifest: loading, defaults, path resolution, and every error located.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "pathways/manifest.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

namespace fs = std::filesystem;

const std::string kRoot = PATHWAYS_SOURCE_DIR;
std::string fixture(const std::string& name) { return kRoot + "/tests/data/" + name; }

std::vector<std::string> error_lines(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.all())
        if (x.severity == Severity::Error) out.push_back(format(x));
    return out;
}

/// Whether `d` holds exactly this error, printed.
bool has_error(const Diagnostics& d, const std::string& line) {
    auto lines = error_lines(d);
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

/// Parses manifest text as if it were a file in tests/data (so relative paths find the fixtures).
std::optional<Manifest> parse(const std::string& text, Diagnostics& d) {
    return parse_manifest(text, fixture("inline-manifest.yaml"), d);
}

const std::string kHead =
    "catalogue: minimal-valid.yaml\n"
    "style: ../../styles/nhs.yaml\n"
    "output: out\n";

}  // namespace

TEST_CASE("A valid manifest loads, with paths taken from the manifest's folder", "[manifest]") {
    Diagnostics d;
    auto m = load_manifest(fixture("manifest-valid.yaml"), d);
    INFO(dump(d));
    REQUIRE(m);
    CHECK(d.all().empty());
    CHECK(m->title == "Test posters");
    REQUIRE(m->catalogues.count("nursing"));
    CHECK(m->catalogues.at("nursing").path == fs::path(fixture("minimal-valid.yaml")).lexically_normal().string());
    CHECK(m->style == (fs::path(kRoot) / "styles/nhs.yaml").lexically_normal().string());
    CHECK(m->output == (fs::path(kRoot) / "build-test-output").lexically_normal().string());
    REQUIRE(m->posters.size() == 4);

    const PosterSpec& all = m->posters[0];
    CHECK(all.name == "everything");
    CHECK(all.title == "All the roles");
    CHECK(all.catalogue == "nursing");  // the only catalogue, so it need not be named
    CHECK(all.view.kind == View::Kind::All);
    CHECK(all.page == "A4");  // page names are not case-sensitive
    CHECK(all.landscape == std::optional<bool>(true));
    CHECK(all.formats == std::vector<OutputFormat>{OutputFormat::Pdf, OutputFormat::Png});
    CHECK(all.dpi == 30);
    CHECK(all.files() == std::vector<std::string>{"everything.pdf", "everything.png", "everything.thumb.png"});

    const PosterSpec& community = m->posters[1];
    CHECK(community.view.kind == View::Kind::Settings);
    CHECK(community.view.ids == std::vector<std::string>{"community"});
    CHECK(community.page.empty());           // the style's
    CHECK_FALSE(community.landscape.has_value());  // the style's
    CHECK(community.formats == std::vector<OutputFormat>{OutputFormat::Pdf, OutputFormat::Svg, OutputFormat::Png});
    CHECK(community.dpi == 150);
    CHECK(community.style == m->style);

    const PosterSpec& levels = m->posters[2];
    CHECK(levels.view.kind == View::Kind::Levels);
    CHECK(levels.view.ids == std::vector<std::string>{"registered", "advanced"});
    CHECK(levels.landscape == std::optional<bool>(false));
    CHECK(levels.files() ==
          std::vector<std::string>{"registered-and-up.svg", "registered-and-up.embed.svg", "registered-and-up.thumb.png"});

    const PosterSpec& reach = m->posters[3];
    CHECK(reach.view.kind == View::Kind::ReachableFrom);
    CHECK(reach.view.ids == std::vector<std::string>{"health-care-assistant"});
    CHECK(m->poster("from-hca") == &reach);
    CHECK(m->poster("nothing") == nullptr);
}

TEST_CASE("A build plan loads the catalogues and styles the posters use", "[manifest]") {
    Diagnostics d;
    auto plan = load_build_plan(fixture("manifest-valid.yaml"), d);
    INFO(dump(d));
    REQUIRE(plan);
    REQUIRE(plan->catalogues.size() == 1);
    const PosterSpec& p = plan->manifest.posters[1];
    CHECK(plan->catalogue_of(p).value.title == "Nursing in primary and community care");
    CHECK_FALSE(plan->catalogue_of(p).bytes.empty());
    CHECK(plan->style_of(p).value.name == "NHS identity");
    CHECK(poster_title(plan->manifest.posters[0], plan->catalogue_of(p).value) == "All the roles");
    // Without a title, a partial view says what it shows.
    CHECK(poster_title(p, plan->catalogue_of(p).value) == "Nursing in primary and community care: Community");
    CHECK(describe_view(plan->manifest.posters[2].view, plan->catalogue_of(p).value) == "Registered and Advanced practice");
    CHECK(describe_view(plan->manifest.posters[3].view, plan->catalogue_of(p).value) ==
          "Where Health care assistant can lead");
}

TEST_CASE("Manifest entry errors are all reported, each at its place", "[manifest]") {
    Diagnostics d;
    auto plan = load_build_plan(fixture("manifest-bad-keys.yaml"), d);
    CHECK_FALSE(plan);
    const std::string f = fixture("manifest-bad-keys.yaml");
    INFO(dump(d));
    CHECK(has_error(d, f + ":5:1: error: unknown key 'extra' in the manifest"));
    CHECK(has_error(d, f + ":8:5: error: unknown key 'formts' in poster 'one' (did you mean 'formats'?)"));
    CHECK(has_error(d, f + ":10:11: error: unknown page size 'B5' in poster 'two' (use A0, A1, A2, A3 or A4)"));
    CHECK(has_error(d, f + ":11:18: error: orientation of poster 'two' must be 'landscape' or 'portrait', not 'sideways'"));
    CHECK(has_error(d, f + ":12:10: error: 'dpi' in poster 'two' must be a number, not the text 'lots'"));
    CHECK(has_error(d, f + ":14:20: error: unknown format 'jpeg' in poster 'three' (use pdf, svg, png, embed-svg, json, dot or html)"));
    CHECK(has_error(d, f + ":14:26: error: poster 'three' lists format 'pdf' twice"));
    CHECK(has_error(d, f + ":15:11: error: poster name '../four' must be a file name stem: letters, digits, '.', '_' and "
                           "'-', starting with a letter or digit"));
    CHECK(has_error(d, f + ":16:5: error: poster is missing required key 'name'"));
    CHECK(d.errors() == 9);
}

TEST_CASE("A view naming an unknown setting, level or role is an error at its place, with a suggestion", "[manifest]") {
    Diagnostics d;
    auto plan = load_build_plan(fixture("manifest-bad-views.yaml"), d);
    CHECK_FALSE(plan);
    const std::string f = fixture("manifest-bad-views.yaml");
    const std::string cat = fixture("minimal-valid.yaml");
    INFO(dump(d));
    CHECK(has_error(d, f + ":6:23: error: unknown setting 'comunity' in the view of poster 'setting-typo' (catalogue " +
                           cat + ") (did you mean 'community'?)"));
    CHECK(has_error(d, f + ":8:21: error: unknown level 'advance' in the view of poster 'level-typo' (catalogue " + cat +
                           ") (did you mean 'advanced'?)"));
    CHECK(has_error(d, f + ":10:28: error: unknown role 'health-care-asistant' in the view of poster 'role-typo' "
                           "(catalogue " + cat + ") (did you mean 'health-care-assistant'?)"));
    CHECK(has_error(d, f + ":12:43: error: the view of poster 'two-kinds' has both 'settings' and 'levels'; a view "
                           "selects by one of them"));
    CHECK(has_error(d, f + ":14:11: error: unknown view 'everything' in poster 'odd-word'; write 'all' or one of "
                           "{settings: [...]}, {levels: [...]}, {reachable_from: role}, {route: {from: role, to: role}}, "
                           "{story: id}"));
    CHECK(d.errors() == 5);
}

TEST_CASE("Two posters writing the same file is an error at the second", "[manifest]") {
    Diagnostics d;
    auto m = load_manifest(fixture("manifest-bad-duplicates.yaml"), d);
    CHECK_FALSE(m);
    const std::string f = fixture("manifest-bad-duplicates.yaml");
    const std::string out = fixture("out");
    INFO(dump(d));
    CHECK(has_error(d, f + ":7:11: error: two posters are named 'poster' (first at line 5); both would write " + out +
                           "/poster.pdf"));
    // File names are compared without case (they would clash on macOS and Windows).
    CHECK(has_error(d, f + ":8:11: error: poster 'Other' would write " + out +
                           "/Other.png, which poster 'other' (line 6) also writes (names differ only in case)"));
    // And whatever suffixes make the clash.
    CHECK(has_error(d, f + ":12:11: error: poster 'embedded.embed' would write " + out +
                           "/embedded.embed.svg, which poster 'embedded' (line 10) also writes"));
    CHECK(d.errors() == 3);
}

TEST_CASE("Unknown catalogue names and missing files are located in the manifest", "[manifest]") {
    Diagnostics d;
    auto plan = load_build_plan(fixture("manifest-bad-catalogues.yaml"), d);
    CHECK_FALSE(plan);
    const std::string f = fixture("manifest-bad-catalogues.yaml");
    INFO(dump(d));
    CHECK(has_error(d, f + ":8:16: error: poster 'first' names unknown catalogue 'smal' (did you mean 'small'?)"));
    CHECK(has_error(d, f + ":9:5: error: poster 'second' must name its catalogue: the manifest has several"));
    CHECK(has_error(d, f + ":3:9: error: cannot open catalogue '" + fixture("no-such-catalogue.yaml") + "' (no such file)"));
    CHECK(has_error(d, f + ":4:8: error: cannot open style '" +
                           (fs::path(kRoot) / "styles/no-such-style.yaml").string() + "' (no such file)"));
    CHECK(d.errors() == 4);
}

TEST_CASE("A catalogue's own errors stop the plan, located in the catalogue", "[manifest]") {
    Diagnostics d;
    auto plan = load_build_plan(fixture("manifest-bad-catalogue-content.yaml"), d);
    CHECK_FALSE(plan);
    INFO(dump(d));
    auto lines = error_lines(d);
    REQUIRE_FALSE(lines.empty());
    for (const auto& line : lines) CHECK(line.rfind(fixture("manifest-broken-catalogue.yaml") + ":", 0) == 0);
}

TEST_CASE("Manifest structure errors", "[manifest]") {
    Diagnostics d;
    const std::string f = fixture("inline-manifest.yaml");

    SECTION("both catalogue and catalogues") {
        CHECK_FALSE(parse("catalogue: a.yaml\ncatalogues: {a: a.yaml}\nstyle: s.yaml\noutput: o\nposters: [{name: x}]\n", d));
        CHECK(has_error(d, f + ":2:13: error: the manifest has both 'catalogue' and 'catalogues'; use one"));
    }
    SECTION("no catalogue, style, output or posters") {
        CHECK_FALSE(parse("title: Nothing\n", d));
        CHECK(has_error(d, f + ":1:1: error: the manifest is missing required key 'catalogues' (or 'catalogue')"));
        CHECK(has_error(d, f + ":1:1: error: the manifest is missing required key 'style'"));
        CHECK(has_error(d, f + ":1:1: error: the manifest is missing required key 'output'"));
        CHECK(has_error(d, f + ":1:1: error: the manifest is missing required key 'posters'"));
    }
    SECTION("an empty poster list") {
        CHECK_FALSE(parse(kHead + "posters: []\n", d));
        CHECK(has_error(d, f + ":4:10: error: 'posters' must list at least one poster"));
    }
    SECTION("catalogues that are not a mapping") {
        CHECK_FALSE(parse("catalogues: [a.yaml]\nstyle: s.yaml\noutput: o\nposters: [{name: x}]\n", d));
        CHECK(has_error(d, f + ":1:13: error: 'catalogues' must map short names to catalogue files, e.g. {ncl: "
                               "ncl-career-pathways.yaml}, not a list"));
    }
    SECTION("a bad catalogue short name") {
        CHECK_FALSE(parse("catalogues: {Big Name: a.yaml}\nstyle: s.yaml\noutput: o\nposters: [{name: x}]\n", d));
        CHECK(has_error(d, f + ":1:14: error: catalogue name 'Big Name' must use only lower-case letters, digits and "
                               "hyphens, starting with a letter"));
    }
    SECTION("a view with nothing in it") {
        CHECK_FALSE(parse(kHead + "posters:\n  - name: x\n    view: {}\n", d));
        CHECK(has_error(d, f + ":6:11: error: the view of poster 'x' selects nothing; give one of 'settings', 'levels', "
                               "'reachable_from', 'route' or 'story'"));
    }
    SECTION("a view with an empty list, a repeated id, or a list for reachable_from") {
        CHECK_FALSE(parse(kHead +
                              "posters:\n"
                              "  - {name: a, view: {settings: []}}\n"
                              "  - {name: b, view: {levels: [support, support]}}\n"
                              "  - {name: c, view: {reachable_from: [nurse]}}\n",
                          d));
        INFO(dump(d));
        CHECK(has_error(d, f + ":5:32: error: 'settings' in the view of poster 'a' must list at least one id"));
        CHECK(has_error(d, f + ":6:40: error: the view of poster 'b' lists 'support' twice"));
        CHECK(has_error(d, f + ":7:38: error: 'reachable_from' in the view of poster 'c' must be text, not a list"));
    }
    SECTION("dpi out of range, empty formats, a title that is not text") {
        CHECK_FALSE(parse(kHead +
                              "posters:\n"
                              "  - {name: a, dpi: 5}\n"
                              "  - {name: b, formats: []}\n"
                              "  - {name: c, title: [x]}\n",
                          d));
        INFO(dump(d));
        CHECK(has_error(d, f + ":5:20: error: dpi of poster 'a' must be between 10 and 1200"));
        CHECK(has_error(d, f + ":6:24: error: 'formats' of poster 'b' must list at least one of pdf, svg, png, embed-svg, json, dot, html"));
        CHECK(has_error(d, f + ":7:22: error: 'title' in poster 'c' must be text, not a list"));
    }
    SECTION("a missing manifest file") {
        CHECK_FALSE(load_manifest(fixture("no-such-manifest.yaml"), d));
        CHECK(has_error(d, fixture("no-such-manifest.yaml") + ": error: cannot open file: there is no such file"));
    }
    SECTION("YAML syntax errors are located") {
        CHECK_FALSE(parse(kHead + "posters: [\n", d));
        REQUIRE(d.errors() == 1);
        CHECK(error_lines(d)[0].rfind(f + ":", 0) == 0);
    }
}

TEST_CASE("A view that selects no roles is an error", "[manifest]") {
    // The minimal catalogue's levels all hold roles; a level view of a role-less level is made
    // by a catalogue with an empty level.
    Diagnostics d;
    auto plan = load_build_plan(fixture("manifest-empty-view.yaml"), d);
    CHECK_FALSE(plan);
    INFO(dump(d));
    CHECK(has_error(d, fixture("manifest-empty-view.yaml") + ":6:11: error: the view of poster 'nobody' selects no roles "
                                                            "from " + fixture("manifest-empty-level-catalogue.yaml")));
}

TEST_CASE("The canonical form of an entry changes with everything that changes its files", "[manifest]") {
    Diagnostics d;
    auto m = load_manifest(fixture("manifest-valid.yaml"), d);
    REQUIRE(m);
    const PosterSpec base = m->posters[1];
    std::vector<PosterSpec> variants(7, base);
    variants[0].title = "Other";
    variants[1].view.ids = {"general-practice"};
    variants[2].view.kind = View::Kind::Levels;
    variants[3].page = "A2";
    variants[4].landscape = true;
    variants[5].formats = {OutputFormat::Pdf};
    variants[6].dpi = 300;
    for (const auto& v : variants) CHECK(v.canonical() != base.canonical());
    PosterSpec same = base;
    same.where = {"moved.yaml", 99, 9};  // where it is written does not matter,
    same.style = "/elsewhere/style.yaml";  // nor the names of its files (their bytes count instead)
    same.catalogue = "other";
    CHECK(same.canonical() == base.canonical());
}
