// Round trips: a catalogue exported as CSV or XLSX and imported again is the same catalogue
// (compared as the tidy YAML import writes), for both shipped catalogues, the README example and
// a catalogue of awkward text; and import -> export csv -> import gives the same bytes.
#include <catch2/catch.hpp>

#include "pathways/import.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

Catalogue load_ok(const std::string& path) {
    Diagnostics diags;
    auto c = load_catalogue(path, diags);
    INFO(dump(diags));
    REQUIRE(c.has_value());
    return *c;
}

std::string yaml_of(const Catalogue& c) { return catalogue_yaml(c, "schema.json"); }

Catalogue import_ok(const Workbook& book, const ImportOptions& options) {
    Diagnostics diags;
    ImportReport report;
    auto c = import_catalogue(book, options, report, diags);
    INFO(dump(diags));
    REQUIRE(c.has_value());
    CHECK(diags.errors() == 0);
    return *c;
}

/// Names that need quoting in CSV and YAML, lists that hold separators, and names shared by two roles.
const char* kAwkward = R"(title: "Awkward: names, quotes \"and\" more"
publisher: "yes"
source: '- a dash first'
version: "2026-11-21"
setting_dimension: Care setting
levels:
  - {id: one, name: "1", description: "A level named by a number"}
  - {id: two, name: "Two; or three", description: "A semicolon in a name"}
settings:
  - {id: a, name: "Primary, and more", description: "A comma in a name"}
  - {id: b, name: b, description: "A name that is another's id"}
roles:
  - id: first
    name: "Nurse, adult"
    level: one
    settings: [a, b]
    progresses_to: [twin-a, twin-b, semi]
    summary: "Says \"hello\"\nand then: goes # not a comment"
    aliases: ["RN, adult", "true"]
    pay_band: "5"
    family: Nursing
  - {id: twin-a, name: Twin, levels: [one, two], settings: [a], summary: "First twin"}
  - {id: twin-b, name: twin, level: two, settings: [b], summary: "Second twin", url: "https://example.org/a?b=c&d"}
  - {id: semi, name: "Semi; colon", level: two, settings: [b], summary: "Ends with a colon:"}
glossary:
  - {term: "A&B", definition: "Ampersands <and> brackets"}
panels:
  - {title: "Panel: one", text: "Line one\nLine two"}
)";

Catalogue awkward() {
    Diagnostics diags;
    auto c = parse_catalogue(kAwkward, "awkward.yaml", diags);
    INFO(dump(diags));
    REQUIRE(c.has_value());
    return *c;
}

std::vector<Catalogue> catalogues() {
    return {load_ok(data_path("minimal-valid.yaml")), load_ok(source_path("data/ncl-career-pathways.yaml")),
            load_ok(source_path("data/nhs-management-careers.yaml")), awkward()};
}

}  // namespace

TEST_CASE("Round trip YAML -> CSV -> YAML (into the same catalogue) gives the same catalogue", "[roundtrip][csv]") {
    for (const Catalogue& c : catalogues()) {
        INFO(c.title);
        Diagnostics diags;
        auto sheet = parse_csv(write_csv(catalogue_tables(c).front()), "roles.csv", diags);
        REQUIRE(sheet.has_value());
        ImportOptions o;
        o.into = &c;
        Catalogue back = import_ok(Workbook{"roles.csv", {*sheet}}, o);
        CHECK(yaml_of(back) == yaml_of(c));
    }
}

TEST_CASE("Round trip YAML -> XLSX -> YAML gives the same catalogue, with no template needed", "[roundtrip][xlsx]") {
    TempDir dir;
    for (const Catalogue& c : catalogues()) {
        INFO(c.title);
        std::string path = dir.file("catalogue.xlsx");
        write_xlsx(catalogue_tables(c), path);
        Diagnostics diags;
        auto book = read_xlsx(path, diags);
        INFO(dump(diags));
        REQUIRE(book.has_value());
        Catalogue back = import_ok(*book, {});
        CHECK(yaml_of(back) == yaml_of(c));
    }
}

TEST_CASE("Round trip on the command line: import -> export csv -> import gives the same bytes", "[roundtrip][cli]") {
    TempDir first, second;
    write_file(first.file("roles.csv"), "name,level,settings,progresses to\r\n"
                                        "Helper,Support,Community,Nurse\r\n"
                                        "Nurse,Registered,Community; Hospital,\r\n");
    REQUIRE(run_cli({"import", first.file("roles.csv")}).status == 0);
    RunResult exported = run_cli({"export", first.file("roles.yaml"), "--format", "csv", "-o", second.file("roles.csv")});
    INFO(exported.err);
    REQUIRE(exported.status == 0);
    REQUIRE(run_cli({"import", second.file("roles.csv")}).status == 0);
    CHECK(read_file(second.file("roles.yaml")) == read_file(first.file("roles.yaml")));

    // And through xlsx, whose About, Levels and Settings sheets carry the rest.
    REQUIRE(run_cli({"export", first.file("roles.yaml"), "--format", "xlsx", "-o", second.file("roles.xlsx")}).status == 0);
    REQUIRE(run_cli({"import", second.file("roles.xlsx"), "-o", second.file("from-xlsx.yaml")}).status == 0);
    CHECK(read_file(second.file("from-xlsx.yaml")) == read_file(first.file("roles.yaml")));
}
