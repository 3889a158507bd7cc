// `pathways route`: what an adviser sees in the terminal, the JSON, and every error case with its
// message and exit status.
#include <catch2/catch.hpp>

#include <string>

#include "pathways/catalogue.hpp"
#include "pathways/route.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;
using Catch::Contains;
using Catch::StartsWith;

namespace {

const std::string kNcl = source_path("data/ncl-career-pathways.yaml");

/// A catalogue file of a ladder: start, three layers of four roles each fully linked to the next, end.
std::string write_ladder(const TempDir& dir) {
    std::string yaml =
        "title: Ladder\npublisher: Tests\nsource: Tests\nversion: \"1\"\nsetting_dimension: Care setting\n"
        "levels:\n  - {id: low, name: Low, description: Low.}\n  - {id: high, name: High, description: High.}\n"
        "settings:\n  - {id: s, name: S, description: S.}\nroles:\n"
        "  - {id: start, name: Start, level: low, settings: [s], summary: S., progresses_to: [a0, a1, a2, a3]}\n";
    for (char layer : std::string("abc"))
        for (int k = 0; k < 4; ++k) {
            std::string next = layer == 'c' ? "[end]" : "[" + std::string(1, layer + 1) + "0, " +
                                                            std::string(1, layer + 1) + "1, " + std::string(1, layer + 1) +
                                                            "2, " + std::string(1, layer + 1) + "3]";
            yaml += "  - {id: " + std::string(1, layer) + std::to_string(k) + ", name: Role " + std::string(1, layer) +
                    std::to_string(k) + ", level: low, settings: [s], summary: R., progresses_to: " + next + "}\n";
        }
    yaml += "  - {id: end, name: End, level: high, settings: [s], summary: E.}\n";
    std::string path = dir.file("ladder.yaml");
    write_file(path, yaml);
    return path;
}

}  // namespace

TEST_CASE("route prints numbered steps with levels, settings, via and setting changes", "[cli][route]") {
    RunResult r = run_cli({"route", kNcl, "Physiotherapist", "advanced practitioner", "--all"});
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    auto lines = lines_of(r.out);
    std::vector<std::string> want{
        "From Physiotherapist to Advanced Practitioner: 2 routes of 1 to 3 steps (the shortest takes 1 step).",
        "",
        "Route 1 of 2, 1 step:",
        "  Start:  Physiotherapist (Mid Career; Secondary Care)",
        "  Step 1: Advanced Practitioner (Leadership; Primary Care, Secondary Care)",
        "",
        "Route 2 of 2, 2 steps:",
        "  Start:  Physiotherapist (Mid Career; Secondary Care)",
        "  Step 1: First Contact Physiotherapist (Mid Career; Primary Care)",
        "          via 3-5 years as a registered physiotherapist, then the primary care first contact "
        "physiotherapist training",
        "          changes care setting: from Secondary Care to Primary Care",
        "  Step 2: Advanced Practitioner (Leadership; Primary Care, Secondary Care)",
    };
    CHECK(lines == want);
}

TEST_CASE("route lists every shortest route, and a role listed at two levels shows both", "[cli][route]") {
    RunResult r = run_cli({"route", kNcl, "care-worker", "Management"});
    CHECK(r.status == 0);
    auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "From Care Worker to Management: the shortest route takes 1 step.");
    CHECK(lines[2] == "Route 1, 1 step:");
    CHECK(lines[4] == "  Step 1: Management (Mid Career and Leadership; Primary Care, Secondary Care, Social Care)");

    RunResult several = run_cli({"route", kNcl, "Admin Role", "ADVANCED PRACTITIONER"});
    CHECK(several.status == 0);
    CHECK_THAT(several.out, StartsWith("From Admin Role to Advanced Practitioner: 3 shortest routes, each of 2 steps.\n"));
    CHECK_THAT(several.out, Contains("Route 3 of 3, 2 steps:"));
}

TEST_CASE("route --format json gives the routes as data", "[cli][route]") {
    RunResult r = run_cli({"route", kNcl, "paramedic", "advanced-practitioner", "--all", "--format", "json"});
    REQUIRE(r.status == 0);
    REQUIRE(python_available());
    TempDir dir;
    write_file(dir.file("out.json"), r.out);
    RunResult py = run_shell(
        "/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); "
        "print(d[\"from\"][\"id\"], d[\"to\"][\"id\"], d[\"shortest_steps\"], d[\"cut\"], len(d[\"routes\"])); "
        "[print(\" \".join(x[\"id\"] for x in r[\"roles\"]), r[\"steps\"], "
        "\"|\".join(l[\"from\"]+\">\"+l[\"to\"]+\":\"+str(l[\"changes_setting\"])+\":\"+l.get(\"via\",\"-\") for l in r[\"links\"])) "
        "for r in d[\"routes\"]]' " + shell_quote(dir.file("out.json")));
    INFO(py.err);
    REQUIRE(py.status == 0);
    auto lines = lines_of(py.out);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "paramedic advanced-practitioner 1 False 2");
    CHECK(lines[1] == "paramedic advanced-practitioner 1 paramedic>advanced-practitioner:False:-");
    CHECK(lines[2] ==
          "paramedic community-paramedic advanced-practitioner 2 paramedic>community-paramedic:True:3-5 years' "
          "experience as a paramedic, then community paramedic training|community-paramedic>advanced-practitioner:"
          "False:-");
}

TEST_CASE("no route: says so, with what is reachable from FROM and what leads to TO, exit 1", "[cli][route]") {
    Diagnostics d;
    auto c = load_catalogue(kNcl, d);
    REQUIRE(c);
    RunResult none = run_cli({"route", kNcl, "Cook", "Nurse"});
    CHECK(none.status == 1);
    auto lines = lines_of(none.out);
    REQUIRE(lines.size() == 3);
    CHECK_THAT(lines[0], StartsWith("No route from Cook to Nurse: no chain of progressions in "));
    CHECK(lines[1] == "From Cook the catalogue lists no progression at all.");
    auto before = leading_to(*c, *c->role("nurse"));
    std::string names;
    for (const Role* r : before) names += (names.empty() ? "" : ", ") + r->name;
    CHECK(lines[2] == std::to_string(before.size()) + " roles lead to Nurse: " + names + ".");

    RunResult some = run_cli({"route", kNcl, "Optometrist", "Nurse"});
    CHECK(some.status == 1);
    CHECK_THAT(some.out, Contains("\nFrom Optometrist you can reach 1 role: Dispensing Optician.\n"));

    RunResult json = run_cli({"route", kNcl, "Optometrist", "Health & Wellbeing Coach", "-f", "json"});
    CHECK(json.status == 1);
    CHECK_THAT(json.out, Contains("\"routes\": []"));
    CHECK_THAT(json.out, Contains("\"reachable_from\": [\"dispensing-optician\"]"));
    CHECK_THAT(json.out, Contains("\"leads_to\": []"));
}

TEST_CASE("route with the same role twice is a clear error, exit 1", "[cli][route]") {
    RunResult r = run_cli({"route", kNcl, "nurse", "NURSE"});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "pathways: error: 'nurse' and 'NURSE' are the same role (Nurse): there is no route to take; "
                   "give two different roles\n");
}

TEST_CASE("route with an unknown role suggests the nearest, exit 1", "[cli][route]") {
    RunResult r = run_cli({"route", kNcl, "Nurze", "Advanced Practitioner"});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "pathways: error: FROM: no role 'Nurze' in " + kNcl + " (did you mean 'Nurse'?)\n");

    RunResult both = run_cli({"route", kNcl, "astronaut", "nursing"});
    CHECK(both.status == 1);
    auto lines = lines_of(both.err);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "pathways: error: FROM: no role 'astronaut' in " + kNcl);
    CHECK(lines[1] == "pathways: error: TO: no role 'nursing' in " + kNcl);
    CHECK(lines[2] == "  roles whose name contains 'nursing': Trainee Nursing Associate, Nursing Associate");
}

TEST_CASE("route with an ambiguous name asks for the id, exit 1", "[cli][route]") {
    TempDir dir;
    std::string path = dir.file("ambiguous.yaml");
    write_file(path,
               "title: T\npublisher: P\nsource: S\nversion: \"1\"\nsetting_dimension: Care setting\n"
               "levels: [{id: low, name: Low, description: L.}]\nsettings: [{id: s, name: S, description: S.}]\n"
               "roles:\n"
               "  - {id: coordinator, name: Coordinator, level: low, settings: [s], summary: C., progresses_to: [lead]}\n"
               "  - {id: lead, name: Lead, aliases: [Team coordinator, coordinator], level: low, settings: [s], summary: L.}\n"
               "  - {id: helper, name: Helper, aliases: [Team Coordinator], level: low, settings: [s], summary: H.,"
               " progresses_to: [lead]}\n");
    RunResult a = run_cli({"route", path, "COORDINATOR", "Lead"});
    CHECK(a.status == 0);  // an id (in any case) wins over another role's alias
    RunResult b = run_cli({"route", path, "team  coordinator", "lead"});
    CHECK(b.status == 1);
    CHECK(b.out.empty());
    CHECK(b.err == "pathways: error: FROM: 'team  coordinator' could be any of these roles; give its id: lead "
                   "(Lead) helper (Helper)\n");
}

TEST_CASE("route on a broken catalogue prints located errors, exit 1", "[cli][route]") {
    std::string bad = data_path("bad-unknown-progression.yaml");
    RunResult r = run_cli({"route", bad, "assistant", "lead"});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, StartsWith(bad + ":18:21: error: progression to unknown role 'nursing-asociate'"));
}

TEST_CASE("route usage errors exit 2", "[cli][route]") {
    CHECK(run_cli({"route", kNcl, "nurse"}).status == 2);
    CHECK(run_cli({"route", kNcl, "nurse", "advanced-practitioner", "--format", "xml"}).status == 2);
    CHECK(run_cli({"route", kNcl, "nurse", "advanced-practitioner", "--shortest"}).status == 2);
    RunResult help = run_cli({"route", "--help"});
    CHECK(help.status == 0);
    CHECK_THAT(help.out, Contains("--all"));
}

TEST_CASE("route says when it cut the list at the bound", "[cli][route]") {
    TempDir dir;
    std::string path = write_ladder(dir);  // 64 shortest routes
    RunResult r = run_cli({"route", path, "start", "end"});
    CHECK(r.status == 0);
    auto lines = lines_of(r.out);
    REQUIRE(lines.size() > 2);
    CHECK(lines[0] == "From Start to End: 50 shortest routes, each of 4 steps.");
    CHECK(lines[1] == "Only the first 50 routes are listed: there are more (the limit is 50).");
    CHECK_THAT(r.out, Contains("Route 50 of 50, 4 steps:"));
    RunResult json = run_cli({"route", path, "start", "end", "--all", "-f", "json"});
    CHECK(json.status == 0);
    CHECK_THAT(json.out, Contains("\"all\": true, \"limit\": 50, \"cut\": true,"));
}
