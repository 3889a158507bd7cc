// A quoted value whose closing quote is missing is reported at the opening quote, instead of the
// YAML parser quietly running it on over the following lines (and the roles, glossary and panels
// in them vanishing into one value).
#include <catch2/catch.hpp>

#include "pathways/catalogue.hpp"
#include "pathways/quote_check.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

/// The minimal catalogue with `from` replaced by `to` (which must be found).
std::string edited(const std::string& from, const std::string& to) {
    std::string text = read_file(data_path("minimal-valid.yaml"));
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

/// The 1-based line and column of the first `needle` in `text`.
std::pair<int, int> place_of(const std::string& text, const std::string& needle) {
    auto at = text.find(needle);
    REQUIRE(at != std::string::npos);
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    auto line_start = text.rfind('\n', at);
    int column = static_cast<int>(at - (line_start == std::string::npos ? 0 : line_start + 1)) + 1;
    return {line, column};
}

}  // namespace

TEST_CASE("an unclosed quote on the last role's pay band is an error at the quote", "[quotes][catalogue]") {
    std::string text = edited("    url: https://www.healthcareers.nhs.uk/\n",
                              "    url: https://www.healthcareers.nhs.uk/\n    pay_band: \"Band 8a\n");
    auto [line, column] = place_of(text, "\"Band 8a");
    Diagnostics diags;
    auto c = parse_catalogue(text, "cat.yaml", diags);
    CHECK_FALSE(c.has_value());
    REQUIRE(diags.errors() == 1);
    std::string shown = format(diags.all().front());
    CHECK_THAT(shown, StartsWith("cat.yaml:" + std::to_string(line) + ":" + std::to_string(column) + ": error: "));
    CHECK_THAT(shown, Contains("'pay_band' is never closed on its line; the text runs on to the end of the file"));
}

TEST_CASE("an unclosed quote in the middle of a file is an error at the quote, saying where the text ends",
          "[quotes][catalogue]") {
    SECTION("double quotes") {
        std::string text = edited("    name: Nursing associate\n", "    name: \"Nursing associate\n");
        auto [line, column] = place_of(text, "\"Nursing associate");
        Diagnostics diags;
        CHECK_FALSE(parse_catalogue(text, "cat.yaml", diags));
        REQUIRE(diags.all().size() == 1);
        CHECK_THAT(format(diags.all().front()),
                   StartsWith("cat.yaml:" + std::to_string(line) + ":" + std::to_string(column) + ": error: "));
    }
    SECTION("single quotes, closed by an apostrophe many lines later") {
        std::string text = edited("    pay_band: Agenda for Change bands 2-3\n", "    pay_band: 'Agenda for Change bands 2-3\n");
        text = text.replace(text.find("Runs clinics"), 12, "Runs a nurse's clinics");
        auto [line, column] = place_of(text, "'Agenda");
        auto [end_line, end_column] = place_of(text, "nurse's");
        Diagnostics diags;
        CHECK_FALSE(parse_catalogue(text, "cat.yaml", diags));
        REQUIRE(diags.all().size() == 1);
        std::string shown = format(diags.all().front());
        CHECK_THAT(shown, StartsWith("cat.yaml:" + std::to_string(line) + ":" + std::to_string(column) + ": error: "));
        CHECK_THAT(shown, Contains("runs on to line " + std::to_string(end_line)));
    }
    SECTION("in a flow list") {
        std::string text = edited("    settings: [general-practice]\n", "    settings: [\"general-practice]\n");
        auto [line, column] = place_of(text, "\"general-practice]");
        Diagnostics diags;
        CHECK_FALSE(parse_catalogue(text, "cat.yaml", diags));
        REQUIRE(diags.errors() >= 1);
        CHECK_THAT(format(diags.all().front()),
                   StartsWith("cat.yaml:" + std::to_string(line) + ":" + std::to_string(column) + ": error: "));
    }
}

TEST_CASE("multi-line text fields may hold quoted text over several lines", "[quotes][catalogue]") {
    std::string text = edited("    summary: Runs clinics in a GP surgery, from immunisations to long-term conditions.\n",
                              "    summary: \"Runs clinics in a GP surgery,\n      from immunisations to long-term\n"
                              "      conditions.\"\n");
    Diagnostics diags;
    auto c = parse_catalogue(text, "cat.yaml", diags);
    INFO(dump(diags));
    REQUIRE(c.has_value());
    CHECK(diags.all().empty());
    CHECK(c->role("general-practice-nurse")->summary ==
          "Runs clinics in a GP surgery, from immunisations to long-term conditions.");
}

TEST_CASE("a quoted summary that swallows key lines is a warning at its quote", "[quotes][catalogue]") {
    std::string text = edited("    summary: Runs clinics in a GP surgery, from immunisations to long-term conditions.\n",
                              "    summary: \"Runs clinics in a GP surgery, from immunisations to long-term conditions.\n");
    text = text.replace(text.find("Assesses, diagnoses"), 8, "Assesses\"");
    auto [line, column] = place_of(text, "\"Runs clinics");
    Diagnostics diags;
    parse_catalogue(text, "cat.yaml", diags);
    REQUIRE(diags.warnings() >= 1);
    bool found = false;
    for (const auto& d : diags.all())
        if (d.severity == Severity::Warning && d.where.line == line && d.where.column == column) {
            found = true;
            CHECK_THAT(d.message, Contains("look like keys"));
        }
    CHECK(found);
}

TEST_CASE("quotes inside block scalars, comments and plain text are not openers", "[quotes]") {
    std::string text =
        "a: |\n  He said \"hello\n  and left.\nb: >-\n  It's 'fine\nc: O'Brien's \"role\n"
        "d: plain # a \"comment\n- e: \"closed\" # \"\ne: ['x', \"y\", z's]\n";
    Diagnostics diags;
    CHECK(check_unclosed_quotes(text, "t.yaml", diags) == 0);
    CHECK(diags.all().empty());
}

TEST_CASE("shipped catalogues, styles and manifests have no unclosed quotes", "[quotes]") {
    for (const char* f : {"data/ncl-career-pathways.yaml", "data/nhs-management-careers.yaml", "data/posters.yaml",
                          "styles/nhs.yaml", "tests/data/minimal-valid.yaml"}) {
        Diagnostics diags;
        std::string path = source_path(f);
        if (!fs::exists(path)) continue;
        CHECK(check_unclosed_quotes(read_file(path), path, diags) == 0);
        CHECK(dump(diags) == "");
    }
}
