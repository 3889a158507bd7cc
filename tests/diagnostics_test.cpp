// Diagnostics: sorted by place and printed in the GCC format editors jump to.
#include <catch2/catch.hpp>

#include "pathways/diagnostics.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

TEST_CASE("diagnostics print sorted by place in the GCC format", "[diagnostics]") {
    Diagnostics diags;
    diags.warning({"f.yaml", 9, 3}, "later");
    diags.error({"f.yaml", 2, 7}, "earlier");
    diags.error({"f.yaml", 0, 0}, "whole file");
    diags.error({"f.yaml", 2, 1}, "same line, first column");
    CHECK(diags.errors() == 3);
    CHECK(diags.warnings() == 1);
    CHECK(printed(diags) == std::vector<std::string>{"f.yaml: error: whole file",
                                                     "f.yaml:2:1: error: same line, first column",
                                                     "f.yaml:2:7: error: earlier", "f.yaml:9:3: warning: later"});
    Diagnostic no_column;
    no_column.where = Location{"g.yaml", 4, 0};
    no_column.message = "no column";
    CHECK(format(no_column) == "g.yaml:4: error: no column");
    no_column.severity = Severity::Warning;
    no_column.where.line = 0;
    CHECK(format(no_column) == "g.yaml: warning: no column");
}
