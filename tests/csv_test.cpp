// CSV as spreadsheet programs write it: byte-order mark, CRLF, quoted fields holding separators,
// quotes and line breaks, `;` separators, blank rows; and CSV written back the same way.
#include <catch2/catch.hpp>

#include "pathways/spreadsheet.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

Sheet parse_ok(const std::string& text) {
    Diagnostics diags;
    auto sheet = parse_csv(text, "roles.csv", diags);
    INFO(dump(diags));
    REQUIRE(sheet.has_value());
    REQUIRE(diags.errors() == 0);
    return *sheet;
}

}  // namespace

TEST_CASE("CSV: a byte-order mark and CRLF line ends are not part of any cell", "[csv]") {
    Sheet s = parse_ok("\xEF\xBB\xBFname,level\r\nNurse,Registered\r\nHealth care assistant,Support\r\n");
    REQUIRE(s.rows.size() == 3);
    CHECK(s.cell(1, 1) == "name");
    CHECK(s.cell(1, 2) == "level");
    CHECK(s.cell(2, 2) == "Registered");
    CHECK(s.cell(3, 1) == "Health care assistant");
}

TEST_CASE("CSV: quoted cells keep commas, doubled quotes and line breaks; rows count records, not lines", "[csv]") {
    Sheet s = parse_ok("name,summary,level\r\n"
                       "\"Nurse, adult\",\"Says \"\"hello\"\"\r\nand then\nleaves\",Registered\r\n"
                       "Porter,Moves patients,Support\r\n");
    REQUIRE(s.rows.size() == 3);
    CHECK(s.cell(2, 1) == "Nurse, adult");
    CHECK(s.cell(2, 2) == "Says \"hello\"\nand then\nleaves");
    CHECK(s.cell(2, 3) == "Registered");
    CHECK(s.cell(3, 1) == "Porter");  // row 3 although the file's line 5
}

TEST_CASE("CSV: a ';' separator (as some locales save) is detected from the header", "[csv]") {
    Sheet s = parse_ok("name;settings;summary\nNurse;Primary care, Community;Cares for people; and more\n");
    CHECK(s.cell(1, 2) == "settings");
    CHECK(s.cell(2, 2) == "Primary care, Community");
    CHECK(s.cell(2, 3) == "Cares for people");
    CHECK(s.cell(2, 4) == " and more");
}

TEST_CASE("CSV: tab-separated text is read too", "[csv]") {
    Sheet s = parse_ok("name\tlevel\nNurse\tRegistered\n");
    CHECK(s.cell(2, 2) == "Registered");
}

TEST_CASE("CSV: blank rows stay, so later rows keep the numbers a spreadsheet shows", "[csv]") {
    Sheet s = parse_ok("name,level\n\nNurse,Registered\n,,\nPorter\n");
    REQUIRE(s.rows.size() == 5);
    CHECK(s.cell(3, 1) == "Nurse");
    CHECK(s.cell(5, 1) == "Porter");
    CHECK(s.cell(5, 2).empty());  // a short row: the missing cells are empty
}

TEST_CASE("CSV: LF-only files and a last line without a line end read the same", "[csv]") {
    Sheet a = parse_ok("name,level\nNurse,Registered\n");
    Sheet b = parse_ok("name,level\r\nNurse,Registered");
    CHECK(a.rows == b.rows);
}

TEST_CASE("CSV: a quote never closed is an error at its row and column", "[csv]") {
    Diagnostics diags;
    auto s = parse_csv("name,summary\nNurse,\"Cares\nPorter,x\n", "roles.csv", diags);
    CHECK_FALSE(s.has_value());
    REQUIRE(diags.errors() == 1);
    CHECK(diags.all()[0].where.line == 2);
    CHECK(diags.all()[0].where.column == 2);
    CHECK_THAT(diags.all()[0].message, Catch::Matchers::Contains("never closed"));
}

TEST_CASE("CSV: a file that is not UTF-8 (a Latin-1 export) is refused, saying how to save it", "[csv]") {
    Diagnostics diags;
    auto s = parse_csv("name,level\nCaf\xE9 worker,Support\n", "roles.csv", diags);
    CHECK_FALSE(s.has_value());
    REQUIRE(diags.errors() == 1);
    CHECK(diags.all()[0].where.line == 2);
    CHECK_THAT(diags.all()[0].message, Catch::Matchers::Contains("UTF-8"));
}

TEST_CASE("CSV: too many columns is an error, not a huge allocation", "[csv]") {
    Diagnostics diags;
    SheetLimits limits;
    limits.max_columns = 4;
    auto s = parse_csv("a,b,c,d,e,f\n", "wide.csv", diags, limits);
    CHECK_FALSE(s.has_value());
    CHECK(diags.errors() == 1);
}

TEST_CASE("CSV written for Excel: BOM, CRLF, quotes only where needed, and it reads back the same", "[csv]") {
    Table t{"Roles", {"name", "summary"}, {{"Nurse, adult", "Says \"hi\"\nthen goes"}, {"Porter", "Moves things"}}, {}};
    std::string csv = write_csv(t);
    CHECK(starts_with(csv, "\xEF\xBB\xBFname,summary\r\n"));
    CHECK(csv.find("\"Nurse, adult\",\"Says \"\"hi\"\"\nthen goes\"\r\n") != std::string::npos);
    CHECK(csv.find("Porter,Moves things\r\n") != std::string::npos);
    Sheet back = parse_ok(csv);
    REQUIRE(back.rows.size() == 3);
    CHECK(back.rows[1] == t.rows[0]);
    CHECK(back.rows[2] == t.rows[1]);
}

TEST_CASE("Column letters run A..Z, then AA", "[csv]") {
    CHECK(column_letters(1) == "A");
    CHECK(column_letters(26) == "Z");
    CHECK(column_letters(27) == "AA");
    CHECK(column_letters(53) == "BA");
}
