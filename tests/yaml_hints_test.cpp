// YAML slips a non-programmer makes, each explained in plain words at the line of the slip (not
// where the parser happened to stop), with the parser's own words kept on a second line.
#include <catch2/catch.hpp>

#include <string>

#include "pathways/catalogue.hpp"
#include "pathways/yaml_hints.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

/// A slip fixture, where its one error must be, and words it must use.
struct Slip {
    std::string file;
    int line, column;
    std::string says;
};

}  // namespace

TEST_CASE("each common YAML slip is explained at its own line, with the fix", "[yaml][hints]") {
    const Slip slips[] = {
        {"slip-colon-in-text.yaml", 18, 14, "put the whole text in double quotes: summary: \"Helps nurses: checks blood pressure.\""},
        {"slip-colon-without-space.yaml", 15, 9, "'name:' needs a space after the ':': write 'name: Assistant'"},
        {"slip-dash-without-space.yaml", 14, 3, "a list item needs a space after its '-': write '- id: assistant'"},
        {"slip-indent-too-far.yaml", 16, 6, "indented by 5 spaces, but 'name' on line 15 by 4"},
        {"slip-indent-too-little.yaml", 16, 4, "indented by 3 spaces, but 'name' on line 15 by 4"},
        {"slip-missing-colon.yaml", 15, 9, "'name' has no ':' after it: write 'name: Assistant'"},
        {"slip-special-start.yaml", 18, 14, "text that starts with '*' must be in quotes"},
        {"slip-tab.yaml", 15, 1, "indented with a tab; YAML indents with spaces only"},
        {"slip-unclosed-brace.yaml", 14, 5, "the '{' here is never closed: add '}'"},
        {"slip-unclosed-bracket.yaml", 17, 15, "the '[' here is never closed: add ']'"},
        {"slip-colon-in-braces.yaml", 14, 27, "put the whole text in double quotes: name: \"Assistant: the first\""},
        {"slip-key-alone.yaml", 17, 13, "'settings' has no ':' after it: write 'settings:'"},
    };
    for (const Slip& slip : slips) {
        DYNAMIC_SECTION(slip.file) {
            Diagnostics diags;
            std::string path = data_path(slip.file);
            auto catalogue = load_catalogue(path, diags);
            INFO(dump(diags));
            CHECK_FALSE(catalogue.has_value());
            REQUIRE(diags.all().size() == 1);
            std::vector<std::string> lines = printed(diags);
            REQUIRE(lines.size() == 2);
            CHECK_THAT(lines[0], StartsWith(path + ":" + std::to_string(slip.line) + ":" + std::to_string(slip.column) +
                                            ": error: "));
            CHECK_THAT(lines[0], Contains(slip.says));
            CHECK_THAT(lines[1], StartsWith("    (the YAML parser says: "));
        }
    }
}

TEST_CASE("a missing colon is reported on its own line, not the next one where the parser stops", "[yaml][hints]") {
    YamlSlip slip = explain_yaml_error("a: 1\nname Assistant\nlevel: entry\n", 3, 6, "illegal map value");
    CHECK(slip.line == 2);
    CHECK_THAT(slip.explanation, Contains("'name' has no ':'"));
}

TEST_CASE("brackets inside quotes and comments do not count as unclosed", "[yaml][hints]") {
    std::string text = "a: \"[not a list\"  # { not a map\nb: 'it''s [fine'\nc: [x, y\nd: 1\n";
    YamlSlip slip = explain_yaml_error(text, 4, 2, "end of sequence flow not found");
    CHECK(slip.line == 3);
    CHECK(slip.column == 4);
    CHECK_THAT(slip.explanation, Contains("'[' here is never closed"));
}

TEST_CASE("lines of a | text block are not mistaken for slips", "[yaml][hints]") {
    // The text block holds "-x" and "key:value"; the real slip is the tab after it.
    std::string text = "a: |\n  -x\n  key:value\n\tb: 1\n";
    YamlSlip slip = explain_yaml_error(text, 4, 1, "illegal tab when looking for indentation");
    CHECK(slip.line == 4);
    CHECK_THAT(slip.explanation, Contains("tab"));
}

TEST_CASE("an error the hints do not recognise is still explained, at the parser's place", "[yaml][hints]") {
    YamlSlip slip = explain_yaml_error("a: 1\n", 1, 3, "something unusual");
    CHECK(slip.line == 1);
    CHECK(slip.column == 3);
    CHECK_THAT(slip.explanation, Contains("not well formed"));
}

TEST_CASE("a list written as text gets the fix written out", "[yaml][hints]") {
    Diagnostics diags;
    auto catalogue = load_catalogue(data_path("slip-list-as-text.yaml"), diags);
    INFO(dump(diags));
    CHECK_FALSE(catalogue.has_value());
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].where.line == 17);
    CHECK_THAT(diags.all()[0].message, Contains("must be a list (write [primary, community])"));
}

TEST_CASE("an unquoted date is read as the text it looks like", "[yaml][hints]") {
    Diagnostics diags;
    auto catalogue = load_catalogue(data_path("date-unquoted.yaml"), diags);
    INFO(dump(diags));
    REQUIRE(catalogue.has_value());
    CHECK(catalogue->version == "2026-01-01");
}

TEST_CASE("a last key without its ':' is named with the fix", "[yaml][hints]") {
    // YAML reads "summary Helps." as one key with no value: no syntax error, but an unknown key.
    Diagnostics diags;
    std::string path = data_path("slip-last-key-without-colon.yaml");
    CHECK_FALSE(load_catalogue(path, diags));
    INFO(dump(diags));
    CHECK_THAT(dump(diags), Contains(path + ":18:5: error: unknown key 'summary Helps.' in role 'assistant' "
                                            "('summary' has no ':' after it: write 'summary: Helps.')"));
}

TEST_CASE("a { } list closed later on its line is not called unclosed", "[yaml][hints]") {
    std::string text = "a: {x: 1, y: Two: three}\n";
    YamlSlip slip = explain_yaml_error(text, 1, 17, "end of map flow not found");
    CHECK_THAT(slip.explanation, !Contains("never closed"));
    CHECK_THAT(slip.explanation, Contains("y: \"Two: three\""));
}
