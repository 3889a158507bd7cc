// Entry routes on the poster and in the explorer (#19): each role a way in leads into carries its
// lettered tag, the legend's "Ways in" says what each letter is, and the explorer lists them.
#include <catch2/catch.hpp>

#include <regex>

#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;
using Catch::Matchers::Contains;

namespace {

const std::string kRoutes =
    "entry_routes:\n"
    "  - id: apprenticeship\n    name: Nursing degree apprenticeship\n"
    "    description: Earn a nursing degree while working.\n"
    "    leads_to: [general-practice-nurse]\n    url: https://www.example.org/apprenticeship\n"
    "  - id: return-to-practice\n    name: Return to practice\n"
    "    description: A course for nurses coming back to work.\n"
    "    leads_to: [general-practice-nurse, advanced-nurse-practitioner]\n";

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

RunResult render(const TempDir& dir, const std::string& out, std::vector<std::string> extra = {}) {
    write_file(dir.file("c.yaml"), read_file(data_path("minimal-valid.yaml")) + kRoutes);
    std::vector<std::string> args{"render", dir.file("c.yaml"), "-o", dir.file(out), "--style", source_path("styles/nhs.yaml")};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args);
}

}  // namespace

TEST_CASE("Each role an entry route leads into carries its letter, keyed under 'Ways in'", "[entry-routes][poster]") {
    TempDir dir;
    REQUIRE(render(dir, "p.svg").status == 0);
    std::string svg = read_file(dir.file("p.svg"));
    CHECK(count(svg, "class=\"entry-tag entry-a to-general-practice-nurse\"") == 1);
    CHECK(count(svg, "class=\"entry-tag entry-b to-general-practice-nurse\"") == 1);
    CHECK(count(svg, "class=\"entry-tag entry-b to-advanced-nurse-practitioner\"") == 1);
    CHECK(count(svg, "class=\"entry-tag ") == 3);
    CHECK_THAT(svg, Contains("<title>A: a way in, Nursing degree apprenticeship</title>"));
    // The key: the heading, each route's name, and the roles it leads into, in words.
    CHECK_THAT(svg, Contains(">Ways in</text>"));
    CHECK_THAT(svg, Contains(">Nursing degree apprenticeship</text>"));
    CHECK_THAT(svg, Contains("Leads into: General practice nurse and Advanced nurse"));
    // Two tags on one role sit side by side, not on top of each other.
    std::regex tag("entry-tag entry-([ab]) to-general-practice-nurse\"><title>[^<]*</title><rect x=\"([0-9.-]+)\"");
    std::vector<double> xs;
    for (std::sregex_iterator it(svg.begin(), svg.end(), tag), end; it != end; ++it) xs.push_back(std::stod((*it)[2]));
    REQUIRE(xs.size() == 2);
    CHECK(std::abs(xs[0] - xs[1]) > 10);
}

TEST_CASE("A poster without an entry route's roles shows no tag and no 'Ways in'", "[entry-routes][poster]") {
    TempDir dir;
    write_file(dir.file("c.yaml"), read_file(data_path("minimal-valid.yaml")));
    REQUIRE(run_cli({"render", dir.file("c.yaml"), "-o", dir.file("p.svg"), "--style", source_path("styles/nhs.yaml")})
                .status == 0);
    std::string svg = read_file(dir.file("p.svg"));
    CHECK(svg.find("entry-tag") == std::string::npos);
    CHECK(svg.find(">Ways in<") == std::string::npos);
}

TEST_CASE("The PDF draws the entry route's key too", "[entry-routes][poster]") {
    TempDir dir;
    REQUIRE(render(dir, "p.pdf").status == 0);
    auto text = run_shell("pdftotext -layout " + dir.file("p.pdf") + " -");
    CHECK_THAT(text.out, Contains("Ways in"));
    CHECK_THAT(text.out, Contains("Return to practice"));
}

TEST_CASE("The explorer lists the ways in and names them on each role's card", "[entry-routes][explorer]") {
    TempDir dir;
    REQUIRE(render(dir, "e.html").status == 0);
    std::string html = read_file(dir.file("e.html"));
    CHECK_THAT(html, Contains("id=\"ways-in\""));
    CHECK_THAT(html, Contains("\"entry_routes\":["));
    CHECK_THAT(html, Contains("{\"id\":\"return-to-practice\",\"name\":\"Return to practice\",\"description\":\"A course "
                              "for nurses coming back to work.\",\"leads_to\":[\"general-practice-nurse\","
                              "\"advanced-nurse-practitioner\"]}"));
    CHECK_THAT(html, Contains("\"url\":\"https://www.example.org/apprenticeship\""));
}
