// `pathways import`: a spreadsheet of roles becomes a catalogue `pathways check` accepts; columns
// by header; levels and settings by id or name; every problem at its row and column, all in one
// run, with nothing written; a template catalogue kept with its roles replaced or merged.
#include <catch2/catch.hpp>

#include <algorithm>

#include "pathways/import.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;
using Catch::Matchers::Contains;

namespace {

Workbook csv_book(const std::string& text, const std::string& file = "roles.csv") {
    Diagnostics diags;
    auto sheet = parse_csv(text, file, diags);
    REQUIRE(sheet.has_value());
    return Workbook{file, {*sheet}};
}

/// The printed diagnostics of an import, one line each (cell problems with letter and header).
struct Imported {
    std::optional<Catalogue> catalogue;
    ImportReport report;
    std::vector<std::string> lines;
    Diagnostics diags;
};

Imported import_csv(const std::string& text, ImportOptions options = {}) {
    Imported r;
    static std::vector<Workbook> keep;  // the report points into the workbook
    keep.push_back(csv_book(text));
    r.catalogue = import_catalogue(keep.back(), options, r.report, r.diags);
    std::ostringstream out;
    print_sheet_diagnostics(r.diags, r.report.roles_sheet, out, true);
    r.lines = lines_of(out.str());
    return r;
}

std::string all_lines(const Imported& r) {
    std::string s;
    for (const auto& l : r.lines) s += l + "\n";
    return s;
}

bool has_line(const Imported& r, const std::string& line) {
    return std::find(r.lines.begin(), r.lines.end(), line) != r.lines.end();
}

const char* kGood =
    "Name,Level,Settings,Progresses to,Summary\r\n"
    "Health care assistant,Support,General practice; Community,Nursing associate; General practice nurse,Helps nurses.\r\n"
    "Nursing associate,Support,Community,General practice nurse,Bridges support and nursing.\r\n"
    "General practice nurse,Registered,General practice,,Runs clinics.\r\n";

}  // namespace

TEST_CASE("Import: a plain roles sheet becomes a catalogue that checks, levels and settings in order of first appearance",
          "[import]") {
    Imported r = import_csv(kGood);
    INFO(all_lines(r));
    REQUIRE(r.catalogue.has_value());
    const Catalogue& c = *r.catalogue;
    REQUIRE(c.levels.size() == 2);
    CHECK(c.levels[0].id == "support");
    CHECK(c.levels[1].name == "Registered");
    REQUIRE(c.settings.size() == 2);
    CHECK(c.settings[0].id == "general-practice");
    CHECK(c.settings[1].id == "community");
    REQUIRE(c.roles.size() == 3);
    CHECK(c.roles[0].id == "health-care-assistant");
    CHECK(c.roles[0].settings == std::vector<std::string>{"general-practice", "community"});
    CHECK(c.roles[0].progresses_to == std::vector<std::string>{"nursing-associate", "general-practice-nurse"});
    CHECK(c.link_count() == 3);
    CHECK(r.report.created_levels == std::vector<std::string>{"Support", "Registered"});

    std::string yaml = catalogue_yaml(c, "schema/catalogue.schema.json");
    CHECK(starts_with(yaml, "# yaml-language-server: $schema=schema/catalogue.schema.json\n"));
    Diagnostics back;
    auto again = parse_catalogue(yaml, "imported.yaml", back);
    INFO(yaml << dump(back));
    CHECK(again.has_value());
    CHECK(back.errors() == 0);
}

TEST_CASE("Import: headers match whatever their case, spaces and underscores; columns in any order", "[import]") {
    Imported r = import_csv("SUMMARY,  progresses_TO ,settings,LEVEL,name\n"
                            "Helps.,Nurse,Community,Support,Helper\n"
                            "Nurses.,,Community,Registered,Nurse\n");
    INFO(all_lines(r));
    REQUIRE(r.catalogue.has_value());
    CHECK(r.catalogue->roles[0].progresses_to == std::vector<std::string>{"nurse"});
    CHECK(r.catalogue->roles[1].summary == "Nurses.");
}

TEST_CASE("Import: the same sheet always gives the same bytes", "[import]") {
    Imported a = import_csv(kGood), b = import_csv(kGood);
    REQUIRE(a.catalogue.has_value());
    REQUIRE(b.catalogue.has_value());
    CHECK(catalogue_yaml(*a.catalogue, "s.json") == catalogue_yaml(*b.catalogue, "s.json"));
}

TEST_CASE("Import: ids come from names, lower-case and hyphenated, made unique and reported", "[import]") {
    Imported r = import_csv("name,level,settings\n"
                            "Cook / Kitchen Assistant,Entry,Care homes\n"
                            "Health & Wellbeing Coach,Entry,Care homes\n"
                            "Cook,Entry,Care homes\n"
                            "Cook,Entry,Care homes\n"
                            "1st-line Manager,Entry,Care homes\n");
    INFO(all_lines(r));
    REQUIRE(r.catalogue.has_value());
    const auto& roles = r.catalogue->roles;
    CHECK(roles[0].id == "cook-kitchen-assistant");
    CHECK(roles[1].id == "health-wellbeing-coach");
    CHECK(roles[2].id == "cook");
    CHECK(roles[3].id == "cook-2");
    CHECK(roles[4].id == "role-1st-line-manager");
    REQUIRE(r.report.derived_ids.size() == 1);
    CHECK_THAT(r.report.derived_ids[0], Contains("row 5") && Contains("cook-2"));
}

TEST_CASE("Import: settings split on ';' or ','; progressions on ';', or ',' when that is what was meant",
          "[import]") {
    Imported r = import_csv("name,level,settings,progresses to\n"
                            "Porter,Entry,\"Hospital, Community\",\"Nurse, adult, Driver\"\n"
                            "\"Nurse, adult\",Registered,Hospital,\n"
                            "Driver,Entry,Community;Hospital,\n");
    INFO(all_lines(r));
    REQUIRE(r.catalogue.has_value());
    CHECK(r.catalogue->roles[0].settings == std::vector<std::string>{"hospital", "community"});
    CHECK(r.catalogue->roles[0].progresses_to == std::vector<std::string>{"nurse-adult", "driver"});
    CHECK(r.catalogue->roles[2].settings == std::vector<std::string>{"community", "hospital"});
}

TEST_CASE("Import: progressions and levels may be written by id, name or alias, in any case", "[import]") {
    Imported r = import_csv("name,id,level,settings,progresses to,aliases\n"
                            "Helper,helper,Support,Community,ADVANCED NURSE PRACTITIONER; anp ; np-2,\n"
                            "Advanced nurse practitioner,np-2,support,community,,ANP\n");
    INFO(all_lines(r));
    REQUIRE(r.catalogue.has_value());
    CHECK(r.catalogue->roles[0].progresses_to == std::vector<std::string>{"np-2"});
    CHECK(r.catalogue->levels.size() == 1);
    CHECK(r.catalogue->roles[1].aliases == std::vector<std::string>{"ANP"});
}

TEST_CASE("Import: a role at several levels keeps them all", "[import]") {
    Imported r = import_csv("name,level,settings\nManager,Mid career; Leadership,Hospital\nCEO,Leadership,Hospital\n");
    REQUIRE(r.catalogue.has_value());
    CHECK(r.catalogue->roles[0].levels == std::vector<std::string>{"mid-career", "leadership"});
    CHECK_THAT(catalogue_yaml(*r.catalogue, "s"), Contains("    levels: [mid-career, leadership]\n"));
}

TEST_CASE("Import errors: every kind, each at its row, column letter and header, all in one run", "[import][errors]") {
    Imported r = import_csv("name,id,level,settings,progresses to,url\n"              // 1
                            "Nurse,nurse,Registered,Community,,\n"                     // 2
                            ",,Registered,Community,,\n"                               // 3 no name
                            "Helper,Bad Id,Support,Community,,\n"                      // 4 invalid id
                            "Porter,nurse,Support,Community,,\n"                       // 5 duplicate id
                            "Cook,,,Community,,\n"                                     // 6 no level
                            "Driver,,Support,,,\n"                                     // 7 no setting
                            "Clerk,,Support,Community,Nurce,\n"                        // 8 unknown progression
                            "Coach,,Support,Community,,javascript:alert(1)\n");        // 9 unsafe link
    CHECK_FALSE(r.catalogue.has_value());
    INFO(all_lines(r));
    CHECK(r.diags.errors() == 7);
    CHECK(has_line(r, "roles.csv:3:A (name): error: this row has no role name"));
    CHECK(has_line(r, "roles.csv:4:B (id): error: the id 'Bad Id' must use only lower-case letters, digits and "
                      "hyphens, starting with a letter (for example 'bad-id'), or be left empty to derive one from "
                      "the name"));
    CHECK(has_line(r, "roles.csv:5:B (id): error: the id 'nurse' is used by an earlier row too"));
    CHECK(has_line(r, "roles.csv:6:C (level): error: this role has no level"));
    CHECK(has_line(r, "roles.csv:7:D (settings): error: this role has no setting"));
    CHECK(has_line(r, "roles.csv:8:E (progresses to): error: no role called 'Nurce' in the sheet (did you mean "
                      "'Nurse'?)"));
    CHECK(has_line(r, "roles.csv:9:F (url): error: the link 'javascript:alert(1)' must start with https://, "
                      "http:// or mailto:"));
    // Sorted by row, as a spreadsheet reads.
    CHECK(starts_with(r.lines.front(), "roles.csv:3:A"));
}

TEST_CASE("Import errors: unknown headers with a suggestion; other columns ignored with a warning; a missing name column",
          "[import][errors]") {
    Imported r = import_csv("Nmae,levle,settings,Notes\nNurse,Registered,Community,ask Sam\n");
    CHECK_FALSE(r.catalogue.has_value());
    INFO(all_lines(r));
    CHECK(has_line(r, "roles.csv:1:A: error: unknown column 'Nmae' (did you mean 'name'?)"));
    CHECK(has_line(r, "roles.csv:1:B: error: unknown column 'levle' (did you mean 'level'?)"));
    CHECK(has_line(r, "roles.csv:1:D: warning: column 'Notes' is not one pathways reads; it is left out"));
    CHECK(has_line(r, "roles.csv:1: error: the sheet has no 'name' column (the header row is row 1)"));

    Imported twice = import_csv("name,level,Name\nNurse,Registered,Nurse\n");
    CHECK(has_line(twice, "roles.csv:1:C: error: a second 'name' column (the first is column A)"));
}

TEST_CASE("Import errors: an empty sheet, or a header and no roles", "[import][errors]") {
    Imported empty = import_csv("\n\n");
    CHECK_FALSE(empty.catalogue.has_value());
    CHECK_THAT(all_lines(empty), Contains("is empty"));
    Imported header_only = import_csv("name,level,settings\n");
    CHECK_FALSE(header_only.catalogue.has_value());
    CHECK_THAT(all_lines(header_only), Contains("no roles below it"));
}

TEST_CASE("Import errors: two roles share a name that a progression uses", "[import][errors]") {
    Imported r = import_csv("name,id,level,settings,progresses to\n"
                            "Nurse,nurse-a,Registered,Community,\n"
                            "Nurse,nurse-b,Registered,Community,\n"
                            "Helper,,Support,Community,Nurse\n");
    CHECK_FALSE(r.catalogue.has_value());
    CHECK(has_line(r, "roles.csv:4:E (progresses to): error: more than one role is called 'Nurse'; write the id of "
                      "the one you mean"));
}

TEST_CASE("Import: placeholders for what a sheet cannot say, each reported once", "[import]") {
    Imported r = import_csv("name,level,settings\nNurse,Registered,Community\nHelper,Support,Community\n");
    REQUIRE(r.catalogue.has_value());
    INFO(all_lines(r));
    CHECK(r.catalogue->title == "Roles");
    CHECK(r.catalogue->source == "Imported from roles.csv");
    CHECK(r.catalogue->roles[0].summary == "Nurse.");
    CHECK(r.diags.warnings() == 3);  // title etc., descriptions, summaries
    CHECK_THAT(all_lines(r), Contains("2 roles have no summary (rows 2, 3)"));
}

namespace {

Catalogue minimal_template() {
    Diagnostics diags;
    auto c = load_catalogue(data_path("minimal-valid.yaml"), diags);
    REQUIRE(c.has_value());
    return *c;
}

}  // namespace

TEST_CASE("Import into a template: its title, levels, settings, glossary and panels kept; names or ids resolve",
          "[import][template]") {
    Catalogue t = minimal_template();
    ImportOptions o;
    o.into = &t;
    Imported r = import_csv("name,level,settings,progresses to,summary\n"
                            "Health care assistant,Support,General practice;community,General practice nurse,Helps.\n"
                            "General practice nurse,registered,General practice,,Runs clinics.\n"
                            "Practice manager,Advanced practice,General practice,,Runs the practice.\n",
                            o);
    INFO(all_lines(r));
    REQUIRE(r.catalogue.has_value());
    CHECK(r.catalogue->title == t.title);
    CHECK(r.catalogue->glossary.size() == t.glossary.size());
    CHECK(r.catalogue->panels.size() == t.panels.size());
    CHECK(r.catalogue->levels.size() == 3);
    CHECK(r.report.added == std::vector<std::string>{"practice-manager"});
    CHECK(r.report.changed == std::vector<std::string>{"health-care-assistant", "general-practice-nurse"});
    CHECK(r.report.removed == std::vector<std::string>{"nursing-associate", "advanced-nurse-practitioner"});
    CHECK(r.catalogue->roles.size() == 3);
}

TEST_CASE("Import into a template: an unknown level or setting is an error with the nearest name", "[import][template]") {
    Catalogue t = minimal_template();
    ImportOptions o;
    o.into = &t;
    Imported r = import_csv("name,level,settings,summary\nHelper,Suport,Genral practice; comunity,Helps.\n", o);
    CHECK_FALSE(r.catalogue.has_value());
    INFO(all_lines(r));
    CHECK(has_line(r, "roles.csv:2:B (level): error: unknown level 'Suport' (did you mean 'Support'?)"));
    CHECK(has_line(r, "roles.csv:2:C (settings): error: unknown setting 'Genral practice' (did you mean 'General "
                      "practice'?)"));
    CHECK(has_line(r, "roles.csv:2:C (settings): error: unknown setting 'comunity' (did you mean 'Community'?)"));
}

TEST_CASE("Import into a template with --merge: the sheet's roles update and extend, the rest stay", "[import][template]") {
    Catalogue t = minimal_template();
    ImportOptions o;
    o.into = &t;
    o.merge = true;
    Imported r = import_csv("name,level,settings,progresses to,summary\n"
                            "General practice nurse,Registered,General practice,Advanced nurse practitioner; "
                            "Practice manager,Runs clinics and more.\n"
                            "Practice manager,Advanced practice,General practice,,Runs the practice.\n",
                            o);
    INFO(all_lines(r));
    REQUIRE(r.catalogue.has_value());
    REQUIRE(r.catalogue->roles.size() == 5);
    CHECK(r.catalogue->roles[2].id == "general-practice-nurse");
    CHECK(r.catalogue->roles[2].summary == "Runs clinics and more.");
    CHECK(r.catalogue->roles[4].id == "practice-manager");
    CHECK(r.report.added == std::vector<std::string>{"practice-manager"});
    CHECK(r.report.changed == std::vector<std::string>{"general-practice-nurse"});
    CHECK(r.report.removed.empty());
    CHECK(r.report.unchanged == 3);
}

TEST_CASE("pathways import: errors all printed with row and column, exit 1, and no YAML written", "[import][cli]") {
    TempDir dir;
    std::string csv = dir.file("roles.csv"), out = dir.file("roles.yaml");
    write_file(csv, "name,level,settings\nNurse,,Community\nHelper,Support,\n");
    RunResult r = run_cli({"import", csv, "-o", out});
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Contains(csv + ":2:B (level): error: this role has no level"));
    CHECK_THAT(r.err, Contains(csv + ":3:C (settings): error: this role has no setting"));
    CHECK_THAT(r.err, Contains("nothing written"));
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("pathways import: writes beside the sheet by default, a catalogue pathways check accepts", "[import][cli]") {
    TempDir dir;
    std::string csv = dir.file("nursing-roles.csv");
    write_file(csv, kGood);
    RunResult r = run_cli({"import", csv});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK_THAT(r.err, Contains("3 roles, 2 levels, 2 settings, 3 progressions"));
    std::string yaml = read_file(dir.file("nursing-roles.yaml"));
    CHECK(starts_with(yaml, "# yaml-language-server: $schema="));
    RunResult check = run_cli({"check", dir.file("nursing-roles.yaml")});
    INFO(check.out << check.err);
    CHECK(check.status == 0);
    CHECK(run_cli({"import", csv, "-o", "-"}).out == run_cli({"import", csv, "-o", "-"}).out);
}

TEST_CASE("pathways import: usage mistakes", "[import][cli]") {
    TempDir dir;
    std::string csv = dir.file("roles.csv");
    write_file(csv, kGood);
    CHECK(run_cli({"import", csv, "--merge"}).status == 2);
    RunResult ods = run_cli({"import", dir.file("roles.ods")});
    CHECK(ods.status == 1);
    CHECK_THAT(ods.err, Contains("save the sheet as .xlsx or .csv"));
}
