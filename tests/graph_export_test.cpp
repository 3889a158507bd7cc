// GraphML and Mermaid export, and `pathways export --view`: the graph's roles and links come out
// (GraphML parsed here by libxml2; tests/graphml_test.py and tests/browser/mermaid.mjs read them
// with networkx and Mermaid itself), awkward names survive, and a view cuts the export.
#include <catch2/catch.hpp>

#include <algorithm>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "pathways/catalogue.hpp"
#include "pathways/graph_export.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;
using Catch::Matchers::Contains;

namespace {

Catalogue load_ok(const std::string& path) {
    Diagnostics diags;
    auto c = load_catalogue(path, diags);
    INFO(dump(diags));
    REQUIRE(c.has_value());
    return *c;
}

/// Element counts by name, and the text of every <data key="label">.
struct XmlCounts {
    int nodes = 0, edges = 0, keys = 0;
    std::vector<std::string> labels;
};

void walk(const xmlNode* n, XmlCounts& counts) {
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        std::string name = reinterpret_cast<const char*>(n->name);
        counts.nodes += name == "node";
        counts.edges += name == "edge";
        counts.keys += name == "key";
        if (name == "data") {
            xmlChar* key = xmlGetProp(n, reinterpret_cast<const xmlChar*>("key"));
            if (key && std::string(reinterpret_cast<char*>(key)) == "label") {
                xmlChar* text = xmlNodeGetContent(n);
                counts.labels.push_back(reinterpret_cast<char*>(text));
                xmlFree(text);
            }
            xmlFree(key);
        }
        walk(n->children, counts);
    }
}

XmlCounts parse_graphml(const std::string& xml) {
    xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "export.graphml", nullptr, XML_PARSE_NONET);
    REQUIRE(doc != nullptr);
    XmlCounts counts;
    walk(xmlDocGetRootElement(doc), counts);
    CHECK(std::string(reinterpret_cast<const char*>(xmlDocGetRootElement(doc)->name)) == "graphml");
    xmlFreeDoc(doc);
    return counts;
}

}  // namespace

TEST_CASE("GraphML: well-formed XML with a node per role and an edge per progression", "[graphml]") {
    Catalogue c = load_ok(source_path("data/ncl-career-pathways.yaml"));
    std::string xml = export_graphml(select(c, View{}));
    XmlCounts counts = parse_graphml(xml);
    CHECK(counts.nodes == 58);
    CHECK(counts.edges == 76);
    CHECK(counts.labels.size() == 58);
    CHECK_THAT(xml, Contains("<data key=\"kind\">within</data>"));
    CHECK_THAT(xml, Contains("<data key=\"kind\">down</data>"));
    CHECK(export_graphml(select(c, View{})) == xml);  // deterministic
}

TEST_CASE("GraphML: names with markup, quotes and ampersands come back as written", "[graphml]") {
    Catalogue c = load_ok(source_path("tests/browser/hostile.yaml"));
    XmlCounts counts = parse_graphml(export_graphml(select(c, View{})));
    REQUIRE(counts.labels.size() == c.roles.size());
    for (std::size_t i = 0; i < c.roles.size(); ++i) CHECK(counts.labels[i] == c.roles[i].name);
}

TEST_CASE("Mermaid: a flowchart with a subgraph per level, a node per role and a class per setting", "[mermaid]") {
    Catalogue c = load_ok(data_path("minimal-valid.yaml"));
    std::string m = export_mermaid(select(c, View{}), nullptr);
    CHECK(starts_with(m, "---\ntitle: \"Nursing in primary and community care\"\n---\nflowchart LR\n"));
    CHECK_THAT(m, Contains("  subgraph level_support[\"Support\"]\n"
                           "    r_health_care_assistant[\"Health care assistant\"]\n"
                           "    r_nursing_associate[\"Nursing associate\"]\n  end\n"));
    CHECK_THAT(m, Contains("  r_general_practice_nurse --> r_advanced_nurse_practitioner\n"));
    CHECK_THAT(m, Contains("  classDef setting_community stroke-width:1px\n"
                           "  class r_health_care_assistant,r_nursing_associate,r_advanced_nurse_practitioner "
                           "setting_community\n"));
}

TEST_CASE("Mermaid: links within and down a level are drawn differently; names escaped", "[mermaid]") {
    Catalogue c = load_ok(source_path("data/ncl-career-pathways.yaml"));
    std::string m = export_mermaid(select(c, View{}), nullptr);
    CHECK_THAT(m, Contains("  r_admin_role -.-> r_trainee_nursing_associate\n"));
    CHECK_THAT(m, Contains("  r_phlebotomist -. down .-> r_health_care_assistant\n"));
    CHECK_THAT(m, Contains("[\"Health #amp; Wellbeing Coach\"]"));
    Catalogue h = load_ok(source_path("tests/browser/hostile.yaml"));
    std::string hm = export_mermaid(select(h, View{}), nullptr);
    CHECK(hm.find("<script>", hm.find("flowchart LR")) == std::string::npos);  // labels hold no markup
    CHECK_THAT(hm, Contains("#lt;script#gt;"));
}

TEST_CASE("export --view: the manifest's views cut every format to the view", "[export][view][cli]") {
    std::string ncl = source_path("data/ncl-career-pathways.yaml");
    RunResult all = run_cli({"export", ncl, "--format", "graphml"});
    RunResult social = run_cli({"export", ncl, "--format", "graphml", "--view", "{settings: [social]}"});
    RunResult bare = run_cli({"export", ncl, "--format", "graphml", "--view", "settings: [social]"});
    REQUIRE(social.status == 0);
    CHECK(parse_graphml(all.out).nodes == 58);
    CHECK(parse_graphml(social.out).nodes == 27);
    CHECK(bare.out == social.out);
    RunResult csv = run_cli({"export", ncl, "--format", "csv", "--view", "{levels: [leadership]}"});
    REQUIRE(csv.status == 0);
    Catalogue c = load_ok(ncl);
    auto at_leadership = std::count_if(c.roles.begin(), c.roles.end(), [](const Role& role) {
        return std::find(role.levels.begin(), role.levels.end(), "leadership") != role.levels.end();
    });
    CHECK(at_leadership > 0);
    CHECK(lines_of(csv.out).size() == 1 + static_cast<std::size_t>(at_leadership));
    CHECK(run_cli({"export", ncl, "--format", "json", "--view", "all"}).out ==
          run_cli({"export", ncl, "--format", "json"}).out);
}

TEST_CASE("export --view: mistakes are located in the option, with suggestions", "[export][view][cli][errors]") {
    std::string ncl = source_path("data/ncl-career-pathways.yaml");
    RunResult r = run_cli({"export", ncl, "--format", "mermaid", "--view", "{settings: [primry]}"});
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Contains("--view:1:13: error: unknown setting 'primry' in " + ncl + " (did you mean 'primary'?)"));
    RunResult kind = run_cli({"export", ncl, "--format", "mermaid", "--view", "{setings: [primary]}"});
    CHECK(kind.status == 1);
    CHECK_THAT(kind.err, Contains("--view:1:2: error: unknown key 'setings'"));
    CHECK_THAT(kind.err, Contains("did you mean 'settings'?"));
    RunResult word = run_cli({"export", ncl, "--format", "mermaid", "--view", "everything"});
    CHECK(word.status == 1);
    CHECK_THAT(word.err, Contains("unknown view 'everything'"));
}

TEST_CASE("export --format xlsx needs a file; csv goes to standard output", "[export][cli]") {
    std::string ncl = source_path("data/ncl-career-pathways.yaml");
    RunResult r = run_cli({"export", ncl, "--format", "xlsx"});
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Contains("-o FILE.xlsx"));
    RunResult csv = run_cli({"export", ncl, "--format", "csv"});
    CHECK(csv.status == 0);
    CHECK(lines_of(csv.out).size() == 59);
}
