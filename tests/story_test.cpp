// Career stories and `via` on progressions: how they load, every mistake located with its message,
// the booklet's stories in the management catalogue, and both round-tripping through JSON export.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "pathways/catalogue.hpp"
#include "pathways/export.hpp"
#include "pathways/route.hpp"
#include "pathways/view.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

/// The printed diagnostics of a file that must not load, with the file name cut off.
std::vector<std::string> errors_of(const std::string& name) {
    Diagnostics d;
    std::string path = data_path(name);
    CHECK_FALSE(load_catalogue(path, d));
    std::vector<std::string> out;
    for (const auto& line : printed(d)) out.push_back(starts_with(line, path) ? line.substr(path.size()) : line);
    return out;
}

/// Parses exported JSON with Python and prints, per role, "via FROM TO TEXT" for each via, and per
/// story "story ID|NAME|TITLE|SOURCE|ENTRY" then "step ROLE|TEXT|LEVEL" lines ('-' for missing).
std::vector<std::string> python_via_and_stories(const std::string& json) {
    REQUIRE(python_available());
    TempDir dir;
    write_file(dir.file("export.json"), json);
    write_file(dir.file("read.py"), R"PY(
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for r in d["roles"]:
    via = r.get("via", {})
    assert set(via) <= set(r["progresses_to"]), via
    for to in r["progresses_to"]:
        if to in via:
            print("via", r["id"], to, via[to])
for s in d.get("stories", []):
    print("story " + "|".join([s["id"], s["name"], s["title"], s["source"], s.get("entry_route", "-")]))
    for step in s["steps"]:
        print("step " + "|".join([step.get("role", "-"), step.get("text", "-"), step.get("level", "-")]))
)PY");
    RunResult r = run_shell("/usr/bin/python3 " + shell_quote(dir.file("read.py")) + " " + shell_quote(dir.file("export.json")));
    INFO(r.err);
    REQUIRE(r.status == 0);
    return lines_of(r.out);
}

std::vector<std::string> expected_via_and_stories(const Catalogue& c) {
    std::vector<std::string> out;
    for (const auto& r : c.roles)
        for (std::size_t i = 0; i < r.progresses_to.size(); ++i)
            if (!r.progression_via[i].empty()) out.push_back("via " + r.id + " " + r.progresses_to[i] + " " + r.progression_via[i]);
    auto or_dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
    for (const auto& s : c.stories) {
        out.push_back("story " + s.id + "|" + s.name + "|" + s.title + "|" + s.source + "|" + or_dash(s.entry_route));
        for (const auto& step : s.steps)
            out.push_back("step " + or_dash(step.role) + "|" + or_dash(step.text) + "|" + or_dash(step.level));
    }
    return out;
}

}  // namespace

TEST_CASE("progressions may say what the step takes, and stay plain role ids", "[story][via]") {
    const Catalogue& c = catalogue_at(data_path("stories-valid.yaml"));
    const Role* assistant = c.role("care-assistant");
    REQUIRE(assistant);
    CHECK(assistant->progresses_to == std::vector<std::string>{"nurse", "team-leader"});
    CHECK(assistant->progression_via == std::vector<std::string>{"a nursing degree apprenticeship", ""});
    REQUIRE(assistant->progression_at.size() == 2);
    CHECK(assistant->progression_at[0].line == 22);
    CHECK(assistant->progression_at[0].column == 14);  // at the `to` id
    CHECK(progression_via(*c.role("nurse"), "ward-manager") == "two years on a ward and a leadership course");
    for (const auto& r : c.roles) CHECK(r.progression_via.size() == r.progresses_to.size());
}

TEST_CASE("every role keeps progresses_to, progression_at and progression_via the same length", "[story][via][data]") {
    for (const std::string file : {"data/ncl-career-pathways.yaml", "data/nhs-management-careers.yaml",
                                   "tests/data/minimal-valid.yaml"}) {
        const Catalogue& c = catalogue_at(source_path(file));
        std::size_t vias = 0;
        for (const auto& r : c.roles) {
            INFO(file << ": " << r.id);
            CHECK(r.progression_via.size() == r.progresses_to.size());
            CHECK(r.progression_at.size() == r.progresses_to.size());
            vias += static_cast<std::size_t>(std::count_if(r.progression_via.begin(), r.progression_via.end(),
                                                           [](const std::string& v) { return !v.empty(); }));
        }
        if (file == "data/ncl-career-pathways.yaml") CHECK(vias == 7);  // the steps the NCL source describes
        if (file == "data/ncl-career-pathways.yaml") CHECK(c.link_count() == 76);
    }
}

TEST_CASE("mistakes in via progressions are located, with suggestions", "[story][via][errors]") {
    std::vector<std::string> want{
        ":18:14: error: progression to unknown role 'leed' (did you mean 'lead'?)",
        ":19:25: error: 'via' in progression of role 'assistant' must not be empty",
        ":20:9: error: progression of role 'assistant' is missing required key 'to'",
        ":20:10: error: unknown key 'too' in progression of role 'assistant' (did you mean 'to'?)",
        ":21:9: error: items of 'progresses_to' in role 'assistant' must be a role id or {to: ID, via: \"...\"}, not a list",
        ":28:37: error: unknown key 'cost' in progression of role 'helper'",
        ":29:14: error: role 'helper' lists progression to 'lead' twice",
    };
    CHECK(errors_of("bad-via.yaml") == want);
}

TEST_CASE("stories load with role steps, titled role steps and free-text steps", "[story]") {
    const Catalogue& c = catalogue_at(data_path("stories-valid.yaml"));
    REQUIRE(c.stories.size() == 2);
    const Story* sam = find_story(c, "sam");
    REQUIRE(sam);
    CHECK(sam->name == "Sam Example");
    CHECK(sam->entry_route == "A care apprenticeship");
    CHECK(sam->where.line == 45);
    auto stops = story_stops(c, *sam);
    REQUIRE(stops.size() == 4);
    CHECK(stops[0].role == c.role("care-assistant"));
    CHECK(stops[0].text == "Care assistant");
    CHECK(stops[0].level == &c.levels[0]);
    CHECK(stops[1].role == nullptr);
    CHECK(stops[1].text == "Volunteer at a hospice");
    CHECK(stops[1].level == &c.levels[0]);
    CHECK(stops[2].role == c.role("nurse"));
    CHECK(stops[2].text == "Staff nurse, surgical ward");
    CHECK(stops[2].level == &c.levels[1]);
    CHECK(stops[3].role == c.role("ward-manager"));
    CHECK(find_story(c, "anonymous-lead")->entry_route.empty());
    CHECK(find_story(c, "nobody") == nullptr);
}

TEST_CASE("every story mistake is reported at its place, all in one run", "[story][errors]") {
    std::vector<std::string> want{
        ":20:24: error: story step: unknown role 'laed'; for a job the catalogue does not have, write "
        "{text: \"...\", level: ID}",
        ":26:42: error: unknown level 'senoir' (did you mean 'senior'?)",
        ":27:5: error: story 'one' is missing required key 'steps'",
        ":27:9: error: duplicate story id 'one' (first defined at line 16)",
        ":31:5: error: unknown key 'step' in story 'one' (did you mean 'steps'?)",
        ":32:5: error: story 'four' is missing required key 'source'",
        ":35:12: error: story 'four' must list at least one step",
        ":41:9: error: steps of story 'five' must be role ids or {text: \"...\", level: ID}, not a list",
        ":42:9: error: a step of story 'five' is missing required key 'level'",
        ":43:29: error: a step with a 'role' takes its level from the role; remove 'level'",
        ":44:16: error: story step: unknown role 'leed' (did you mean 'lead'?)",
    };
    CHECK(errors_of("bad-stories.yaml") == want);
}

TEST_CASE("pathways check reports story errors with the exit status for invalid input", "[story][cli]") {
    RunResult r = run_cli({"check", data_path("bad-stories.yaml")});
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains(data_path("bad-stories.yaml") + ":44:16: error: story step: unknown role 'leed'"));
    CHECK_THAT(r.err, Catch::Contains("1 file checked: 11 errors, 0 warnings"));
}

TEST_CASE("the management catalogue tells the booklet's five real-life stories", "[story][data]") {
    const Catalogue& c = catalogue_at(source_path("data/nhs-management-careers.yaml"));
    std::vector<std::string> ids;
    for (const auto& s : c.stories) ids.push_back(s.id);
    CHECK(ids == std::vector<std::string>{"angela-paice", "don-richards", "richard-lewis", "denise-boardman",
                                          "malcolm-sperrin"});
    for (const auto& s : c.stories) {
        INFO(s.id);
        CHECK_FALSE(s.entry_route.empty());
        CHECK(s.steps.size() >= 2);
        auto stops = story_stops(c, s);
        CHECK(stops.size() == s.steps.size());
        for (const auto& stop : stops) CHECK(stop.level != nullptr);
        // Each story ends in the management role family the booklet files it under.
        REQUIRE(stops.back().role);
        CHECK(std::count(stops.back().role->settings.begin(), stops.back().role->settings.end(), "management") == 1);
    }
    // Angela Paice's path goes through the framework roles the booklet traces.
    const Story* angela = find_story(c, "angela-paice");
    REQUIRE(angela);
    std::vector<std::string> roles;
    for (const auto& step : angela->steps)
        if (!step.role.empty()) roles.push_back(step.role);
    CHECK(roles == std::vector<std::string>{"medical-secretary", "practice-manager", "communications-manager",
                                            "ccg-business-manager"});
}

TEST_CASE("via and stories round-trip through JSON export", "[story][via][export]") {
    for (const std::string& path : {data_path("stories-valid.yaml"), source_path("data/ncl-career-pathways.yaml"),
                                   source_path("data/nhs-management-careers.yaml")}) {
        INFO(path);
        const Catalogue& c = catalogue_at(path);
        std::string json = export_json(c);
        CHECK(python_via_and_stories(json) == expected_via_and_stories(c));
    }
    const Catalogue& minimal = catalogue_at(data_path("minimal-valid.yaml"));
    std::string plain = export_json(minimal);
    CHECK(plain.find("\"via\"") == std::string::npos);  // additive: nothing new when there is nothing to say
    CHECK(plain.find("\"stories\"") == std::string::npos);
}

TEST_CASE("a poster's data keeps the via of its links and only the stories it can show", "[story][via][view]") {
    const Catalogue& c = catalogue_at(data_path("stories-valid.yaml"));
    View hospital{View::Kind::Settings, {"hospital"}};
    Catalogue cut = cut_to(select(c, hospital));
    REQUIRE(cut.role("nurse"));
    CHECK(cut.role("nurse")->progression_via == std::vector<std::string>{"two years on a ward and a leadership course"});
    CHECK(cut.stories.empty());  // both stories pass through community roles
    Catalogue whole = cut_to(select(c, View{}));
    CHECK(whole.stories.size() == 2);
    CHECK(whole.role("care-assistant")->progression_via == c.role("care-assistant")->progression_via);
}
