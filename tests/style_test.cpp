// Styles: the shipped ones load, and a broken one is reported item by item, located.
#include <catch2/catch.hpp>

#include <sstream>

#include "pathways/catalogue.hpp"
#include <set>

#include "pathways/look.hpp"
#include "pathways/style.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {
const std::vector<std::string> kStyles{"nhs", "colour-blind-safe", "greyscale-print"};
}  // namespace

TEST_CASE("every shipped style loads", "[style]") {
    for (const auto& s : kStyles) shipped_style(s);
}

TEST_CASE("a style with mistakes reports each, located", "[style]") {
    TempFile file("bad-style.yaml",
                                  "name: Broken\nfont: Liberation Sans\nsizes: {title: 64, subtitle: 30, heading: 24, "
                                  "text: 17, footer: 14, role: 15, band: 2000}\ncolours: {page: \"#FFFFFF\", title: "
                                  "blue, text: \"#000\", dark_text: \"#000\", light_text: \"#fff\", role_border: "
                                  "\"#000\", band_fills: [\"#eee\"], band_border: \"#999\", band_label: \"#000\"}\n"
                                  "fallback_palette: [\"#41B6E6\"]\nlinks: {up: {colour: \"#000\", line: dashd, width: "
                                  "2}, within: {colour: \"#000\", line: dashed, width: 2}, down: {colour: \"#000\", "
                                  "line: dotted, width: 2}, same_role: {colour: \"#000\", line: dotted, width: 2}, "
                                  "transfer: {colour: \"#000\", line: dashed, width: 2}}\npage: {size: A7, "
                                  "orientation: landscape, margin_mm: 15}\nlegend: {placement: auto}\n");
    const std::string& path = file.path();
    Diagnostics d;
    CHECK_FALSE(load_style(path, d));
    std::ostringstream out;
    d.print(out);
    std::string text = out.str();
    CHECK_THAT(text, Catch::Contains(path + ":3:") && Catch::Contains("'band' must be between 6 and 100"));
    CHECK_THAT(text, Catch::Contains(path + ":4:") && Catch::Contains("'title' must be a colour"));
    CHECK_THAT(text, Catch::Contains("'line' must be solid, dashed or dotted, not 'dashd' (did you mean 'dashed'?)"));
    CHECK_THAT(text, Catch::Contains("page size must be A0, A1, A2, A3 or A4, not 'A7'"));
}

TEST_CASE("greyscale tags tell every setting of a catalogue apart", "[style][look]") {
    const Style& grey = shipped_style("greyscale-print");
    REQUIRE(grey.show_tags);
    for (const char* file : {"data/ncl-career-pathways.yaml", "data/nhs-management-careers.yaml"}) {
        const Catalogue& c = shipped_catalogue(file);
        std::set<std::string> tags;
        for (const auto& s : c.settings) {
            std::string tag = setting_tag(grey, c, s.id);
            INFO(file << ": " << s.id << " -> " << tag);
            CHECK(!tag.empty());
            CHECK(tags.insert(tag).second);
        }
    }
    // The style's own tags are kept where they are already distinct.
    CHECK(setting_tag(grey, shipped_catalogue("data/ncl-career-pathways.yaml"), "social") == "SC");
}
