// Entry routes: ways into roles that are not roles themselves (a graduate scheme, an
// apprenticeship). Loaded from a catalogue's optional `entry_routes:` list with every mistake
// located, exported as JSON, cut to a poster's view, and counted by `pathways check`.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "pathways/catalogue.hpp"
#include "pathways/export.hpp"
#include "pathways/view.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;
using Catch::Matchers::Contains;

namespace {

Catalogue load_valid(const std::string& name, Diagnostics& diags) {
    auto c = load_catalogue(data_path(name), diags);
    INFO(dump(diags));
    REQUIRE(c.has_value());
    return *c;
}

}  // namespace

TEST_CASE("entry routes load with the roles they lead into, in file order", "[entry-routes][catalogue]") {
    Diagnostics diags;
    Catalogue c = load_valid("entry-routes-valid.yaml", diags);
    CHECK(diags.all().empty());  // finance-manager has no progression, but a route leads into it
    REQUIRE(c.entry_routes.size() == 2);
    const EntryRoute& scheme = c.entry_routes[0];
    CHECK(scheme.id == "graduate-scheme");
    CHECK(scheme.name == "Graduate management scheme");
    CHECK(scheme.description == "A fast-track scheme for graduates.");
    CHECK(scheme.leads_to == std::vector<std::string>{"general-manager", "finance-manager"});
    CHECK(scheme.url == "https://www.example.org/graduates");
    REQUIRE(scheme.leads_to_at.size() == 2);
    CHECK(scheme.leads_to_at[1].line == 34);
    CHECK(scheme.leads_to_at[1].column == 33);
    CHECK(c.entry_routes[1].leads_to == std::vector<std::string>{"office-administrator"});
    CHECK(c.entry_routes[1].url.empty());
    CHECK(c.entry_route("apprenticeship") == &c.entry_routes[1]);
    CHECK(c.entry_route("general-manager") == nullptr);
    // Routes are not roles and not progressions.
    CHECK(c.roles.size() == 3);
    CHECK(c.link_count() == 1);
}

TEST_CASE("every mistake in entry routes is reported in one run, located, with suggestions",
          "[entry-routes][catalogue][errors]") {
    const std::string path = data_path("bad-entry-routes.yaml");
    Diagnostics diags;
    auto c = load_catalogue(path, diags);
    CHECK_FALSE(c.has_value());
    auto lines = printed(diags);
    INFO(dump(diags));
    const std::vector<std::string> expected{
        ":28:33: error: entry route 'graduate-scheme' leads to unknown role 'finanse-manager' (did you mean "
        "'finance-manager'?)",
        ":29:9: error: duplicate entry route id 'graduate-scheme' (first defined at line 25)",
        ":32:33: error: entry route 'graduate-scheme' lists 'general-manager' twice in 'leads_to'",
        ":33:9: error: entry route id 'finance-manager' is also a role's id",
        ":36:5: error: unknown key 'leads_too' in entry route 'finance-manager' (did you mean 'leads_to'?)",
        ":38:11: error: ",
        ":40:15: error: entry route 'empty-route' leads to no role",
        ":41:10: error: url 'javascript:alert(1)' is not allowed",
    };
    for (const auto& want : expected) {
        INFO(want);
        CHECK(std::count_if(lines.begin(), lines.end(), [&](const std::string& l) {
                  return l.rfind(path + want, 0) == 0;
              }) == 1);
    }
    // The route without leads_to is told so too; nothing else is reported.
    CHECK(std::count_if(lines.begin(), lines.end(), [&](const std::string& l) {
              return l.find("'leads_to'") != std::string::npos && l.find(":33:5: ") != std::string::npos;
          }) == 1);
    CHECK(diags.errors() == expected.size() + 1);
    CHECK(diags.warnings() == 0);
}

TEST_CASE("JSON export lists entry routes only when a catalogue has them", "[entry-routes][export]") {
    Diagnostics diags;
    Catalogue c = load_valid("entry-routes-valid.yaml", diags);
    std::string json = export_json(c);
    CHECK_THAT(json, Contains("\n  \"entry_routes\": [\n    {\"id\": \"graduate-scheme\", \"name\": "
                              "\"Graduate management scheme\", \"leads_to\": [\"general-manager\", \"finance-manager\"], "
                              "\"url\": \"https://www.example.org/graduates\"},\n    {\"id\": \"apprenticeship\""));
    CHECK(json.substr(json.size() - 4) == "]\n}\n");

    Catalogue plain = load_valid("minimal-valid.yaml", diags);
    CHECK_THAT(export_json(plain), !Contains("entry_routes"));
}

TEST_CASE("a poster's view keeps only the entry routes into roles it shows", "[entry-routes][view]") {
    Diagnostics diags;
    Catalogue c = load_valid("entry-routes-valid.yaml", diags);
    View senior;
    senior.kind = View::Kind::Levels;
    senior.ids = {"senior"};
    Catalogue cut = cut_to(select(c, senior));
    REQUIRE(cut.entry_routes.size() == 1);  // the apprenticeship leads only into an entry role
    CHECK(cut.entry_routes[0].id == "graduate-scheme");
    CHECK(cut.entry_routes[0].leads_to == std::vector<std::string>{"general-manager", "finance-manager"});

    View from_admin;
    from_admin.kind = View::Kind::ReachableFrom;
    from_admin.ids = {"office-administrator"};
    Catalogue reach = cut_to(select(c, from_admin));
    REQUIRE(reach.entry_routes.size() == 2);
    CHECK(reach.entry_routes[0].leads_to == std::vector<std::string>{"general-manager"});
    CHECK(reach.entry_routes[0].leads_to_at.size() == 1);
}

TEST_CASE("pathways check counts entry routes and reports their mistakes", "[entry-routes][cli][check]") {
    RunResult ok = run_cli({"check", data_path("entry-routes-valid.yaml")});
    CHECK(ok.status == 0);
    CHECK(ok.err == "1 file checked: 0 errors, 0 warnings (3 roles, 1 link, 2 entry routes)\n");

    // Clean, even under --strict: roles the booklet links to nothing are accepted as such (#19).
    RunResult shipped = run_cli({"check", "--strict", source_path("data/nhs-management-careers.yaml")});
    CHECK(shipped.status == 0);
    CHECK_THAT(shipped.err, Contains("0 errors, 0 warnings (and 26 accepted by accept_warnings) (71 roles, 32 links, 1 entry route)\n"));

    RunResult bad = run_cli({"check", data_path("bad-entry-routes.yaml")});
    CHECK(bad.status == 1);
    CHECK_THAT(bad.err, Contains("bad-entry-routes.yaml:28:33: error: entry route 'graduate-scheme' leads to unknown "
                                 "role 'finanse-manager' (did you mean 'finance-manager'?)"));
    CHECK_THAT(bad.err, Contains("1 file checked: 9 errors, 0 warnings\n"));
}
