// The layout: bands, rows, waypoint chains, roles at several levels, colours and link kinds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "pathways/catalogue.hpp"
#include "pathways/layout.hpp"
#include "pathways/look.hpp"
#include "pathways/poster.hpp"
#include "pathways/style.hpp"
#include "pathways/view.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

const Catalogue& load(const std::string& name) { return shipped_catalogue("data/" + name + ".yaml"); }
const Style& style_named(const std::string& name) { return shipped_style(name); }

const std::vector<std::string> kCatalogues{"ncl-career-pathways", "nhs-management-careers"};
const std::vector<std::string> kStyles{"nhs", "colour-blind-safe", "greyscale-print"};

}  // namespace

TEST_CASE("bands: one per level, in order, holding their roles, never overlapping", "[layout]") {
    Catalogue c = load("ncl-career-pathways");
    Style s = style_named("nhs");
    PathwayGraph g = select(c, View{});
    for (bool ltr : {false, true}) {
        Layout l = Layout::make(g, s, ltr, 2);
        REQUIRE(l.bands().size() == c.levels.size());
        for (std::size_t i = 0; i < l.bands().size(); ++i) CHECK(l.bands()[i].level->id == c.levels[i].id);
        for (std::size_t i = 1; i < l.bands().size(); ++i) {
            const Box &lo = l.bands()[i - 1].box, &hi = l.bands()[i].box;
            if (ltr)
                CHECK(hi.x >= lo.x + lo.w);  // entry first, left to right
            else
                CHECK(hi.y + hi.h <= lo.y);  // entry first, bottom to top
        }
        for (const auto& r : l.roles()) {
            auto band = std::find_if(l.bands().begin(), l.bands().end(),
                                     [&](const PlacedBand& b) { return b.level == r.level; });
            REQUIRE(band != l.bands().end());
            INFO(r.role->name);
            CHECK(r.box.x >= band->box.x);
            CHECK(r.box.y >= band->box.y);
            CHECK(r.box.x + r.box.w <= band->box.x + band->box.w);
            CHECK(r.box.y + r.box.h <= band->box.y + band->box.h);
        }
    }
}

TEST_CASE("a link drawn through waypoints is one unbroken line: its pieces meet at each waypoint", "[layout]") {
    Catalogue c = load("ncl-career-pathways");
    Style s = style_named("nhs");
    Poster p = compose_poster(select(c, View{}), s, {});
    Layout::ChainJoins joins = p.layout.chain_joins();
    CHECK(joins.waypoints > 0);  // the NCL layout has links crossing several rows
    CHECK(joins.ends == 2 * joins.waypoints);
    CHECK(joins.widest_gap < 0.01);
}

TEST_CASE("a role at several levels appears in each, tied by a same-role link", "[layout]") {
    Catalogue c = load("ncl-career-pathways");
    PathwayGraph g = select(c, View{});
    Layout l = Layout::make(g, style_named("nhs"), false, 1);
    std::vector<const PlacedRole*> management;
    for (const auto& r : l.roles())
        if (r.role->name == "Management") management.push_back(&r);
    REQUIRE(management.size() == 2);
    CHECK(management[0]->level->id != management[1]->level->id);
    CHECK(management[0]->also_at.size() == 1);
    CHECK(std::count_if(l.links().begin(), l.links().end(), [](const PlacedLink& k) { return k.kind == LinkKind::SameRole; }) == 1);
}

TEST_CASE("each role is filled with its settings' colours from the style, and links keep their kinds", "[layout]") {
    for (const auto& style_name : kStyles) {
        Style s = style_named(style_name);
        for (const auto& name : kCatalogues) {
            Catalogue c = load(name);
            PathwayGraph g = select(c, View{});
            Layout l = Layout::make(g, s, false, 1);
            for (const auto& r : l.roles()) {
                REQUIRE(r.fills.size() == r.role->settings.size());
                for (std::size_t i = 0; i < r.fills.size(); ++i) {
                    std::size_t pos = 0;
                    while (c.settings[pos].id != r.role->settings[i]) ++pos;
                    CHECK(r.fills[i].hex() == s.setting_look(r.role->settings[i], pos).fill.hex());
                }
                // The label colour reads on every stripe (WCAG AA).
                for (const auto& f : r.fills) CHECK(contrast(r.text, f) >= 4.5);
            }
            std::size_t progressions = 0;
            for (const auto& k : l.links()) progressions += k.kind != LinkKind::SameRole;
            CHECK(progressions == g.links.size());
        }
    }
}
