// Names fitted into boxes (#15): wrapped at spaces, over-long words hyphenated, and cut with an
// ellipsis after the last line a box holds, so that no name stretches a box across the page.
#include <catch2/catch.hpp>

#include <regex>

#include "test_support.hpp"
#include "pathways/layout.hpp"

using namespace pathways;
using namespace pathways::test;
using Catch::Matchers::Contains;

namespace {

std::size_t characters(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

TEST_CASE("A name that fits is wrapped at spaces and nothing else", "[layout][names]") {
    FittedName f = fit_name("Advanced clinical practitioner in primary care");
    CHECK(f.lines == std::vector<std::string>{"Advanced clinical", "practitioner in", "primary care"});
    CHECK_FALSE(f.shortened);
    CHECK_FALSE(f.hyphenated);
}

TEST_CASE("Lines are counted in characters, not bytes", "[layout][names]") {
    // 17 characters, 34 bytes: one line, as "Nyrs gofal iechyd" would be.
    FittedName f = fit_name("\xD0\x9C\xD0\xB5\xD0\xB4\xD1\x81\xD0\xB5\xD1\x81\xD1\x82\xD1\x80\xD0\xB0 "
                            "\xD0\xB4\xD0\xBE\xD0\xB1\xD1\x80\xD0\xB0\xD1\x8F");
    CHECK(f.lines.size() == 1);
}

TEST_CASE("A word too long for a line is broken with a hyphen", "[layout][names]") {
    FittedName f = fit_name(std::string(40, 'x') + " nurse");
    CHECK(f.hyphenated);
    CHECK_FALSE(f.shortened);
    REQUIRE(f.lines.size() == 3);
    CHECK(f.lines[0] == std::string(17, 'x') + "-");
    CHECK(f.lines[1] == std::string(17, 'x') + "-");
    CHECK(f.lines[2] == "xxxxxx nurse");
}

TEST_CASE("A name longer than a box holds is cut with an ellipsis on its last line", "[layout][names]") {
    std::string name;
    for (int i = 0; i < 40; ++i) name += "word" + std::to_string(i) + " ";
    FittedName f = fit_name(name);
    CHECK(f.shortened);
    REQUIRE(f.lines.size() == kNameMaxLines);
    CHECK_THAT(f.lines.back(), Catch::Matchers::EndsWith("\xE2\x80\xA6"));
    for (const auto& l : f.lines) CHECK(characters(l) <= kNameLineWidth);

    FittedName one_word = fit_name(std::string(300, 'x'));
    CHECK(one_word.shortened);
    CHECK(one_word.lines.size() == kNameMaxLines);
    for (const auto& l : one_word.lines) CHECK(characters(l) <= kNameLineWidth);
}

TEST_CASE("No shipped role name is cut or broken", "[layout][names]") {
    for (const char* file : {"data/ncl-career-pathways.yaml", "data/nhs-management-careers.yaml"}) {
        const Catalogue& c = shipped_catalogue(file);
        for (const auto& r : c.roles) {
            INFO(r.name);
            FittedName f = fit_name(r.name);
            CHECK_FALSE(f.shortened);
            CHECK_FALSE(f.hyphenated);
        }
    }
}

TEST_CASE("A 300-character name makes a box no wider than the others, its full name in the title",
          "[layout][names][cli]") {
    TempDir dir;
    std::string text = read_file(source_path("tests/data/minimal-valid.yaml"));
    std::string huge = std::string(150, 'x') + " " + std::string(149, 'y');
    text = std::regex_replace(text, std::regex("name: General practice nurse"), "name: " + huge);
    write_file(dir.file("c.yaml"), text);
    auto r = run_cli({"render", dir.file("c.yaml"), "-o", dir.file("p.svg"), "--style", source_path("styles/nhs.yaml")});
    REQUIRE(r.status == 0);
    CHECK_THAT(r.err, Contains("is too long for a box: it prints cut short"));
    std::string svg = read_file(dir.file("p.svg"));
    CHECK_THAT(svg, Contains("<title>" + huge));  // the whole name, for a screen reader and a hover
    // The box is about as wide as the others (not the width of the page): its outline's width
    // against the widest other role's.
    std::regex box("class=\"node role-([a-z-]+)[^>]*>(?:.|\\n)*?<rect class=\"[^\"]*outline\"[^>]* width=\"([0-9.]+)\"");
    double widest = 0, longest = 0;
    for (std::sregex_iterator it(svg.begin(), svg.end(), box), end; it != end; ++it) {
        double& w = (*it)[1] == "general-practice-nurse" ? longest : widest;
        w = std::max(w, std::stod((*it)[2]));
    }
    REQUIRE(widest > 0);
    REQUIRE(longest > 0);
    CHECK(longest <= widest * 1.25);
}
