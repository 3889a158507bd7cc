// Crossings on the default poster set, counted robustly (pathways/crossings.hpp), with our own
// ordering pass among the candidates: each poster at or under the count it reaches today.
#include <catch2/catch.hpp>

#include <cstdio>

#include "pathways/layout.hpp"
#include "pathways/manifest.hpp"
#include "pathways/poster.hpp"
#include "pathways/view.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

/// One poster of data/posters.yaml: its catalogue, view, page and the most crossings allowed.
struct DefaultPoster {
    std::string name, catalogue, setting, page;
    bool landscape;
    std::size_t most;
};

}  // namespace

TEST_CASE("the default poster set stays within its crossing counts, with no link through a box", "[crossings][floors]") {
    const std::vector<DefaultPoster> set{
        {"ncl-career-pathways", "data/ncl-career-pathways.yaml", "", "A1", true, 37},
        {"ncl-primary-care", "data/ncl-career-pathways.yaml", "primary", "A3", false, 36},
        {"ncl-secondary-care", "data/ncl-career-pathways.yaml", "secondary", "A3", false, 25},
        {"ncl-social-care", "data/ncl-career-pathways.yaml", "social", "A3", false, 8},
        {"nhs-management-careers", "data/nhs-management-careers.yaml", "", "A1", true, 1},
    };
    Style s = shipped_style("nhs");
    for (const auto& d : set) {
        INFO(d.name);
        const Catalogue& c = shipped_catalogue(d.catalogue);
        View v = d.setting.empty() ? View{} : View{View::Kind::Settings, {d.setting}};
        PosterOptions o;
        o.page = d.page;
        o.landscape = d.landscape;
        o.title = view_title(v, c);  // the words the build gives it (they take room from the drawing)
        o.subtitle = view_subtitle(v, c);
        Poster p = compose_poster(select(c, v), s, o);
        std::size_t n = p.layout.count_crossings();
        std::printf("%s: %zu crossings (%s, %d row(s) per level, %s), text %.1f pt, fill %.2f\n", d.name.c_str(), n,
                    p.layout.choice().left_to_right ? "LR" : "BT", p.layout.choice().rows_per_level,
                    p.layout.choice().own_order ? "own order" : "dot's order", p.smallest_text(), p.fill_ratio());
        CHECK(n <= d.most);
        CHECK(p.layout.links_through_boxes().empty());
        CHECK(p.layout.kept_own_order());
        CHECK(p.smallest_text() >= 9.0);
    }
}

TEST_CASE("dot keeps the order of our own ordering pass, and the same inputs give the same drawing", "[crossings][order]") {
    const Catalogue& c = shipped_catalogue("data/ncl-career-pathways.yaml");
    Style s = shipped_style("nhs");
    for (const char* setting : {"", "secondary"}) {
        INFO(setting);
        View v = *setting ? View{View::Kind::Settings, {setting}} : View{};
        PathwayGraph g = select(c, v);
        for (int rows : {1, 3}) {
            Layout a = Layout::make(g, s, false, rows, 4, true, true), b = Layout::make(g, s, false, rows, 4, true, true);
            CHECK(a.kept_own_order());
            CHECK(a.count_crossings() == b.count_crossings());
            REQUIRE(a.links().size() == b.links().size());
            for (std::size_t i = 0; i < a.links().size(); ++i) CHECK(a.links()[i].bezier.size() == b.links()[i].bezier.size());
        }
    }
}

TEST_CASE("transfer markers placed at their destination's level are never below it", "[crossings]") {
    const Catalogue& c = shipped_catalogue("data/ncl-career-pathways.yaml");
    Style s = shipped_style("nhs");
    for (const auto& setting : c.settings) {
        PathwayGraph g = select(c, View{View::Kind::Settings, {setting.id}});
        Layout l = Layout::make(g, s, false, 2, 4, true, true);
        for (const auto& t : l.transfers()) {
            INFO(setting.id << ": " << t.node);
            int want = c.lowest_level(*t.to);
            // The band beside which the marker sits: the one spanning its centre's height.
            const PlacedBand* band = nullptr;
            double cy = t.box.y + t.box.h / 2;
            for (const auto& b : l.bands())
                if (cy >= b.box.y && cy <= b.box.y + b.box.h) band = &b;
            REQUIRE(band);
            bool highest = band->level == g.levels.back();
            CHECK((c.level_index(band->level->id) >= want || highest));
        }
    }
}
