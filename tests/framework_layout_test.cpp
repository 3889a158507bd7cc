// The career-framework layout: lanes (the shared rule), every role inside its level's column and
// its lane's row, families checked like settings, `layout:` and `--layout`, and the same bytes
// for the same inputs.
#include <algorithm>

#include "pathways/lanes.hpp"
#include "pathways/layout.hpp"
#include "pathways/manifest.hpp"
#include "pathways/poster.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

/// Whether `inner` lies inside `outer` along one axis (a point of slack for rounding).
bool within(double a0, double a1, double b0, double b1) { return a0 >= b0 - 1 && a1 <= b1 + 1; }

/// Checks every role's box lies in its level's column and its lane's row, the columns run in
/// level order left to right and the lanes in lane order top to bottom, none overlapping.
void check_grid(const Catalogue& c, const Layout& l) {
    const LaneAssignment lanes = assign_lanes(c);
    REQUIRE(l.choice().framework);
    REQUIRE_FALSE(l.lanes().empty());
    for (std::size_t i = 1; i < l.bands().size(); ++i)
        CHECK(l.bands()[i - 1].box.x + l.bands()[i - 1].box.w <= l.bands()[i].box.x + 0.5);
    for (std::size_t i = 1; i < l.lanes().size(); ++i) {
        CHECK(l.lanes()[i - 1].box.y + l.lanes()[i - 1].box.h <= l.lanes()[i].box.y + 0.5);
        auto order = [&](const PlacedLane& p) {
            auto it = std::find_if(lanes.lanes.begin(), lanes.lanes.end(), [&](const Lane& x) { return x.id == p.lane.id; });
            return it - lanes.lanes.begin();
        };
        CHECK(order(l.lanes()[i - 1]) < order(l.lanes()[i]));
    }
    for (const auto& r : l.roles()) {
        INFO(r.role->id << " at " << r.level->id);
        auto band = std::find_if(l.bands().begin(), l.bands().end(), [&](const PlacedBand& b) { return b.level == r.level; });
        REQUIRE(band != l.bands().end());
        CHECK(within(r.box.x, r.box.x + r.box.w, band->box.x, band->box.x + band->box.w));
        const std::string& lane_id = lanes.lanes[lanes.lane_of(*r.role)].id;
        auto lane = std::find_if(l.lanes().begin(), l.lanes().end(), [&](const PlacedLane& p) { return p.lane.id == lane_id; });
        REQUIRE(lane != l.lanes().end());
        INFO("box y " << r.box.y << ".." << r.box.y + r.box.h << ", lane " << lane->lane.id << " y " << lane->box.y << ".." << lane->box.y + lane->box.h);
        CHECK(within(r.box.y, r.box.y + r.box.h, lane->box.y, lane->box.y + lane->box.h));
    }
}

const std::string kFamilies =
    "title: T\npublisher: P\nsource: S\nversion: \"1\"\nsetting_dimension: Setting\n"
    "levels:\n  - {id: one, name: One, description: D}\n  - {id: two, name: Two, description: D}\n"
    "settings:\n  - {id: a, name: A, description: D}\n  - {id: b, name: B, description: D}\n"
    "families:\n  - {id: nursing, name: Nursing, description: D}\n  - {id: estates, name: Estates, description: D}\n"
    "roles:\n"
    "  - {id: x, name: X, level: one, settings: [a, b], summary: S, family: estates, progresses_to: [y]}\n"
    "  - {id: y, name: Y, level: two, settings: [b], summary: S, family: nursing}\n";

}  // namespace

TEST_CASE("Lanes are the settings in order, or the families when the catalogue lists them", "[framework][lanes]") {
    const Catalogue& c = shipped_catalogue("data/nhs-management-careers.yaml");
    LaneAssignment by_setting = assign_lanes(c);
    REQUIRE(by_setting.lanes.size() == 9);
    CHECK_FALSE(by_setting.by_family());
    CHECK(by_setting.lanes.front().name == "Ambulance service team");
    CHECK(by_setting.lanes.back().name == "Midwifery");
    const Role* practice_manager = c.role("practice-manager");  // wider healthcare team and management
    REQUIRE(practice_manager);
    CHECK(by_setting.lanes[by_setting.lane_of(*practice_manager)].id == "wider-healthcare-team");
    REQUIRE(by_setting.other_lanes(*practice_manager).size() == 1);
    CHECK(by_setting.lanes[by_setting.other_lanes(*practice_manager)[0]].id == "management");

    Diagnostics d;
    auto f = parse_catalogue(kFamilies, "f.yaml", d);
    INFO(dump(d));
    REQUIRE(f);
    LaneAssignment by_family = assign_lanes(*f);
    CHECK(by_family.by_family());
    REQUIRE(by_family.lanes.size() == 2);
    CHECK(by_family.lanes[by_family.lane_of(*f->role("x"))].id == "estates");
    CHECK(by_family.other_lanes(*f->role("x")).empty());
}

TEST_CASE("A wrong family is reported where it is written, with a suggestion", "[framework][catalogue]") {
    std::string text = kFamilies;
    text.replace(text.find("family: nursing"), 15, "family: nursin");
    text += "  - {id: z, name: Z, level: two, settings: [a], summary: S}\n";
    Diagnostics d;
    CHECK_FALSE(parse_catalogue(text, "f.yaml", d));
    auto lines = printed(d);
    INFO(dump(d));
    CHECK(std::count(lines.begin(), lines.end(),
                     "f.yaml:17:69: error: unknown family 'nursin' (did you mean 'nursing'?)") == 1);
    CHECK(std::count(lines.begin(), lines.end(),
                     "f.yaml:18:5: error: role 'z' has no 'family': this catalogue lists families, so give each role "
                     "one (nursing, estates)") == 1);
    // Without a families: list, `family` stays free text (as the spreadsheet import writes it).
    std::string free = kFamilies.substr(0, kFamilies.find("families:")) +
                       kFamilies.substr(kFamilies.find("roles:"));
    Diagnostics ok;
    CHECK(parse_catalogue(free, "g.yaml", ok));
}

TEST_CASE("Every role of both shipped catalogues lies in its level's column and its lane's row", "[framework]") {
    const Style& style = shipped_style("nhs");
    for (const char* path : {"data/nhs-management-careers.yaml", "data/ncl-career-pathways.yaml"}) {
        INFO(path);
        const Catalogue& c = shipped_catalogue(path);
        PathwayGraph graph = select(c, View{});
        check_grid(c, Layout::make_framework(graph, style, 1));
        // Every framework shape the search keeps holds the grid.
        for (const auto& shape : Layout::explore(graph, style, LayoutMode::Framework)) {
            INFO("columns " << shape.rows_per_level << ", effort " << shape.effort);
            check_grid(c, Layout::make(graph, style, shape));
        }
    }
    // The booklet's grid: 9 level columns and 9 staff-group lanes.
    const Catalogue& m = shipped_catalogue("data/nhs-management-careers.yaml");
    Layout l = Layout::make_framework(select(m, View{}), style, 1);
    CHECK(l.bands().size() == 9);
    CHECK(l.lanes().size() == 9);
    CHECK(l.choice().lanes == 9);
    // A role in two staff groups says where else it is found.
    auto pm = std::find_if(l.roles().begin(), l.roles().end(), [](const PlacedRole& r) { return r.role->id == "practice-manager"; });
    REQUIRE(pm != l.roles().end());
    CHECK(std::find(pm->label.begin(), pm->label.end(), "(also in Management)") != pm->label.end());
}

TEST_CASE("A generated 350-role catalogue keeps the grid", "[framework][slow]") {
    REQUIRE(python_available());  // install-deps installs python3
    TempDir dir;
    std::string path = dir.file("big.yaml");
    auto gen = run_shell("python3 " + shell_quote(source_path("bench/generate.py")) + " 350 > " + shell_quote(path));
    REQUIRE(gen.status == 0);
    const Catalogue& c = catalogue_at(path);
    REQUIRE(c.roles.size() == 350);
    Layout l = Layout::make_framework(select(c, View{}), shipped_style("nhs"), 1);
    check_grid(c, l);
    CHECK(l.roles().size() >= 350);
}

TEST_CASE("The framework poster has the same bytes for the same inputs", "[framework][cli]") {
    TempDir dir;
    std::string a = dir.file("a.svg"), b = dir.file("b.svg");
    for (const auto& out : {a, b}) {
        auto r = run_cli({"render", source_path("data/nhs-management-careers.yaml"), "--layout", "framework", "--id-prefix", "fw", "-o", out});
        INFO(r.err);
        REQUIRE(r.status == 0);
        CHECK(r.err.find("career framework, 9 lanes") != std::string::npos);
    }
    std::string svg = read_file(a);
    CHECK(svg == read_file(b));
    CHECK(svg.find("class=\"lane lane-ambulance-service-team\"") != std::string::npos);
    CHECK(svg.find(">Midwifery</text>") != std::string::npos);
}

TEST_CASE("auto keeps whichever legible layout has fewer crossings", "[framework][poster]") {
    const Catalogue& c = shipped_catalogue("data/nhs-management-careers.yaml");
    const Style& style = shipped_style("nhs");
    PathwayGraph graph = select(c, View{});
    std::map<LayoutMode, Poster> posters;
    for (LayoutMode mode : {LayoutMode::Pathway, LayoutMode::Framework, LayoutMode::Auto}) {
        PosterOptions o;
        o.layout = mode;
        o.build_date = "1 January 2026";
        posters.emplace(mode, compose_poster(graph, style, o));
    }
    CHECK_FALSE(posters.at(LayoutMode::Pathway).layout.choice().framework);
    CHECK(posters.at(LayoutMode::Framework).layout.choice().framework);
    const Poster& chosen = posters.at(LayoutMode::Auto);
    CHECK(chosen.smallest_text() >= 12.0 - 0.05);
    std::size_t fewest = std::min(posters.at(LayoutMode::Pathway).layout.choice().crossings,
                                  posters.at(LayoutMode::Framework).layout.choice().crossings);
    CHECK(chosen.layout.choice().crossings == fewest);
}

TEST_CASE("A wrong layout is reported in the manifest and on the command line", "[framework][manifest]") {
    Diagnostics d;
    auto m = parse_manifest("catalogue: minimal-valid.yaml\nstyle: ../../styles/nhs.yaml\noutput: out\n"
                            "posters:\n  - {name: a, view: all, layout: framwork}\n  - {name: b, layout: framework}\n",
                            data_path("inline-manifest.yaml"), d);
    CHECK_FALSE(m);
    auto lines = printed(d);
    INFO(dump(d));
    CHECK(std::find(lines.begin(), lines.end(),
                    data_path("inline-manifest.yaml") +
                        ":5:34: error: layout of poster 'a' must be 'pathway', 'framework' or 'auto', not 'framwork' "
                        "(did you mean 'framework'?)") != lines.end());
    Diagnostics ok;
    auto good = parse_manifest("catalogue: minimal-valid.yaml\nstyle: ../../styles/nhs.yaml\noutput: out\n"
                               "posters:\n  - {name: b, layout: framework}\n",
                               data_path("inline-manifest.yaml"), ok);
    REQUIRE(good);
    CHECK(good->posters[0].layout == LayoutMode::Framework);

    auto r = run_cli({"render", source_path("tests/data/minimal-valid.yaml"), "--layout", "grid", "-o", "x.pdf"});
    CHECK(r.status == 2);
    CHECK(r.err.find("--layout") != std::string::npos);
}
