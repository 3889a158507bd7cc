// .xlsx workbooks made by a real spreadsheet writer (libxlsxwriter, here in the test): shared and
// inline strings, numbers, empty cells, several sheets; errors at their cell; written workbooks.
#include <catch2/catch.hpp>

#include <functional>

#include <xlsxwriter.h>
#include <zip.h>

#include "pathways/import.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;
using Catch::Matchers::Contains;

namespace {

using Cells = std::vector<std::vector<std::string>>;

/// Writes a workbook with libxlsxwriter: each sheet's cells as strings, except cells written "#n:5"
/// (the number 5). `inline_strings`: libxlsxwriter's constant-memory mode, which writes inline strings.
void write_fixture(const std::string& path, const std::vector<std::pair<std::string, Cells>>& sheets,
                   bool inline_strings = false) {
    lxw_workbook_options options{};
    options.constant_memory = inline_strings ? LXW_TRUE : LXW_FALSE;
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    REQUIRE(wb != nullptr);
    for (const auto& [name, cells] : sheets) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
        for (std::size_t r = 0; r < cells.size(); ++r)
            for (std::size_t c = 0; c < cells[r].size(); ++c) {
                const std::string& v = cells[r][c];
                auto row = static_cast<lxw_row_t>(r);
                auto col = static_cast<lxw_col_t>(c);
                if (v.empty()) continue;
                if (starts_with(v, "#n:")) worksheet_write_number(ws, row, col, std::stod(v.substr(3)), nullptr);
                else worksheet_write_string(ws, row, col, v.c_str(), nullptr);
            }
    }
    REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
}

/// The text of one part of a zip (to confirm what a fixture holds).
std::string zip_part(const std::string& path, const std::string& part) {
    int error = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &error);
    REQUIRE(z != nullptr);
    zip_stat_t st;
    std::string out;
    if (zip_stat(z, part.c_str(), 0, &st) == 0) {
        zip_file_t* f = zip_fopen(z, part.c_str(), 0);
        out.resize(st.size);
        zip_fread(f, out.data(), st.size);
        zip_fclose(f);
    }
    zip_discard(z);
    return out;
}

Workbook read_ok(const std::string& path) {
    Diagnostics diags;
    auto book = read_xlsx(path, diags);
    INFO(dump(diags));
    REQUIRE(book.has_value());
    return *book;
}

const Cells kRoles = {
    {"Name", "Level", "Settings", "Progresses to", "Pay band", "Summary"},
    {"Health care assistant", "Support", "Primary care", "Nurse", "#n:3", "Helps nurses."},
    {},
    {"Nurse", "Registered", "Primary care; Community care", "", "#n:5.5", ""},
};

}  // namespace

TEST_CASE("XLSX: shared strings, numbers, empty cells and blank rows, in the sheet's own row numbers", "[xlsx]") {
    TempDir dir;
    std::string path = dir.file("roles.xlsx");
    write_fixture(path, {{"Notes", {{"Read me first"}}}, {"Roles", kRoles}});
    REQUIRE_THAT(zip_part(path, "xl/sharedStrings.xml"), Contains("Health care assistant"));
    Workbook book = read_ok(path);
    REQUIRE(book.sheets.size() == 2);
    CHECK(book.sheets[0].name == "Notes");
    const Sheet& s = *book.sheet("roles");
    CHECK(s.cell(1, 1) == "Name");
    CHECK(s.cell(2, 5) == "3");
    CHECK(s.cell(4, 5) == "5.5");
    CHECK(s.cell(3, 1).empty());
    CHECK(s.cell(4, 4).empty());
    CHECK(s.cell(4, 3) == "Primary care; Community care");
}

TEST_CASE("XLSX: inline strings (libxlsxwriter's constant-memory mode writes them) read the same", "[xlsx]") {
    TempDir dir;
    std::string path = dir.file("inline.xlsx");
    write_fixture(path, {{"Roles", kRoles}}, true);
    REQUIRE_THAT(zip_part(path, "xl/worksheets/sheet1.xml"), Contains("inlineStr"));
    Workbook book = read_ok(path);
    CHECK(book.sheets[0].cell(2, 1) == "Health care assistant");
    CHECK(book.sheets[0].cell(4, 3) == "Primary care; Community care");
}

TEST_CASE("XLSX import: the Roles sheet is found among others; --sheet picks another", "[xlsx][import]") {
    TempDir dir;
    std::string path = dir.file("roles.xlsx");
    Cells other = {{"name", "level", "settings"}, {"Porter", "Support", "Hospital"}};
    write_fixture(path, {{"Notes", {{"Read me first"}}}, {"Roles", kRoles}, {"Hospital", other}});
    Workbook book = read_ok(path);
    Diagnostics diags;
    ImportReport report;
    auto c = import_catalogue(book, {}, report, diags);
    INFO(dump(diags));
    REQUIRE(c.has_value());
    CHECK(c->roles.size() == 2);
    CHECK(c->roles[0].pay_band == "3");
    CHECK(c->roles[0].progresses_to == std::vector<std::string>{"nurse"});

    ImportOptions o;
    o.sheet = "hospital";
    auto h = import_catalogue(book, o, report, diags);
    REQUIRE(h.has_value());
    CHECK(h->roles.at(0).name == "Porter");

    o.sheet = "Rols";
    Diagnostics missing;
    CHECK_FALSE(import_catalogue(book, o, report, missing).has_value());
    CHECK_THAT(dump(missing), Contains("the workbook has no sheet 'Rols' (did you mean 'Roles'?) (its sheets: Notes, "
                                       "Roles, Hospital)"));
}

TEST_CASE("XLSX import: Levels and Settings sheets fix the names; a typo is located at its cell", "[xlsx][import][errors]") {
    TempDir dir;
    std::string path = dir.file("roles.xlsx");
    Cells roles = kRoles;
    roles[3][2] = "primry";
    roles[3][1] = "Registerd";
    write_fixture(path, {{"Roles", roles},
                         {"Levels", {{"id", "name", "description"}, {"support", "Support", "Helps."},
                                     {"registered", "Registered", "Leads."}}},
                         {"Settings", {{"id", "name", "description"}, {"primary", "Primary care", "GP surgeries."},
                                       {"community", "Community care", "At home."}}}});
    Workbook book = read_ok(path);
    Diagnostics diags;
    ImportReport report;
    CHECK_FALSE(import_catalogue(book, {}, report, diags).has_value());
    std::ostringstream out;
    print_sheet_diagnostics(diags, report.roles_sheet, out, true);
    CHECK(lines_of(out.str()) ==
          std::vector<std::string>{
              path + ":4:B (Level): error: unknown level 'Registerd' (did you mean 'Registered'?)",
              path + ":4:C (Settings): error: unknown setting 'primry' (did you mean 'Primary care'?)"});
}

TEST_CASE("XLSX: a file that is not a workbook is refused with a message, not a crash", "[xlsx][errors]") {
    TempDir dir;
    std::string path = dir.file("old.xlsx");
    write_file(path, "\xD0\xCF\x11\xE0 an old binary .xls renamed");
    Diagnostics diags;
    CHECK_FALSE(read_xlsx(path, diags).has_value());
    CHECK_THAT(dump(diags), Contains("not an .xlsx workbook"));
    Diagnostics none;
    CHECK_FALSE(read_xlsx(dir.file("missing.xlsx"), none).has_value());
    CHECK(none.errors() == 1);
}

TEST_CASE("XLSX written by export: sheets for roles, levels and settings, header row frozen, the same bytes each time",
          "[xlsx][export]") {
    Diagnostics diags;
    auto c = load_catalogue(data_path("minimal-valid.yaml"), diags);
    REQUIRE(c.has_value());
    TempDir dir;
    write_xlsx(catalogue_tables(*c), dir.file("a.xlsx"));
    write_xlsx(catalogue_tables(*c), dir.file("b.xlsx"));
    CHECK(read_file(dir.file("a.xlsx")) == read_file(dir.file("b.xlsx")));
    Workbook book = read_ok(dir.file("a.xlsx"));
    std::vector<std::string> names;
    for (const auto& s : book.sheets) names.push_back(s.name);
    CHECK(names == std::vector<std::string>{"Roles", "Levels", "Settings", "Glossary", "Panels", "About"});
    CHECK(book.sheets[0].rows.size() == 1 + c->roles.size());
    CHECK(book.sheets[0].rows[0] == role_columns());
    std::string sheet1 = zip_part(dir.file("a.xlsx"), "xl/worksheets/sheet1.xml");
    CHECK_THAT(sheet1, Contains("state=\"frozen\""));  // the header row stays in view
    CHECK_THAT(sheet1, Contains("<col "));              // column widths
    CHECK_THAT(sheet1, Contains("autoFilter"));
}

TEST_CASE("XLSX: a cell far beyond the row limit is an error, not a huge allocation", "[xlsx][errors]") {
    TempDir dir;
    std::string path = dir.file("far.xlsx");
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Roles");
    worksheet_write_string(ws, 0, 0, "name", nullptr);
    worksheet_write_string(ws, 1'000'000, 0, "far away", nullptr);
    REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
    Diagnostics diags;
    CHECK_FALSE(read_xlsx(path, diags).has_value());
    CHECK_THAT(dump(diags), Contains("sheet 'Roles' reaches cell A1000001; pathways reads at most 100000 rows"));
}
