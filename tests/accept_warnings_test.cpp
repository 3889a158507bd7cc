// A catalogue's `accept_warnings:` list: warnings its authors know about (by kind or by role) are
// counted, not printed; an entry that is neither a kind nor a role is an error, and one that no
// longer accepts anything is a warning, so the list is still checked.
#include <catch2/catch.hpp>

#include <string>

#include "pathways/catalogue.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;
using Catch::Matchers::Contains;

namespace {

/// The warn-within-level fixture (one within-level progression, assistant -> receptionist) with
/// `extra` appended at the top level.
std::string with(const std::string& extra) { return read_file(data_path("warn-within-level.yaml")) + extra; }

}  // namespace

TEST_CASE("each warning names its kind, the word accept_warnings takes", "[catalogue][warnings]") {
    Diagnostics diags;
    REQUIRE(parse_catalogue(with(""), "c.yaml", diags));
    REQUIRE(diags.warnings() == 1);
    CHECK_THAT(diags.all()[0].message, Contains("stays within Entry [within-level]"));
    CHECK(diags.accepted() == 0);
}

TEST_CASE("a warning accepted by kind or by role id is counted, not printed", "[catalogue][warnings]") {
    for (const std::string& entry : {std::string("within-level"), std::string("assistant")}) {
        DYNAMIC_SECTION(entry) {
            Diagnostics diags;
            auto c = parse_catalogue(with("accept_warnings: [" + entry + "]\n"), "c.yaml", diags);
            INFO(dump(diags));
            REQUIRE(c);
            CHECK(diags.warnings() == 0);
            CHECK(diags.accepted() == 1);
        }
    }
}

TEST_CASE("an accept_warnings entry that is neither a kind nor a role is an error, with a suggestion",
          "[catalogue][warnings]") {
    Diagnostics diags;
    CHECK_FALSE(parse_catalogue(with("accept_warnings: [within-levle]\n"), "c.yaml", diags));
    INFO(dump(diags));
    REQUIRE(diags.errors() == 1);
    CHECK_THAT(printed(diags)[0], Contains("c.yaml:30:19: error: 'within-levle' in accept_warnings is neither"));
    CHECK_THAT(printed(diags)[0], Contains("(did you mean 'within-level'?)"));
}

TEST_CASE("an accept_warnings entry that accepts nothing any more is a warning", "[catalogue][warnings]") {
    Diagnostics diags;
    REQUIRE(parse_catalogue(with("accept_warnings: [within-level, cycle]\n"), "c.yaml", diags));
    INFO(dump(diags));
    CHECK(diags.accepted() == 1);
    REQUIRE(diags.warnings() == 1);
    CHECK_THAT(printed(diags)[0], Contains("c.yaml:30:33: warning: 'cycle' in accept_warnings accepts no warning any more"));
}

TEST_CASE("check says how many warnings the catalogue accepted", "[catalogue][warnings][cli]") {
    TempDir dir;
    write_file(dir.file("c.yaml"), with("accept_warnings: [within-level]\n"));
    RunResult r = run_cli({"check", dir.file("c.yaml")});
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK_THAT(r.err, Contains("0 errors, 0 warnings (and 1 accepted by accept_warnings)"));
}
