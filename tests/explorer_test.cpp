// The career pathway explorer page (issue 12): self-contained, a CSP that allows exactly its own
// inline script and styles, data that cannot break out of its block, html as a format everywhere.
// Its behaviour in a browser is tested by tests/browser/explorer.mjs (ctest "explorer").
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "pathways/explorer.hpp"
#include "pathways/manifest.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// The explorer page of a catalogue, drawn in the NHS style.
std::string explorer_of(const Catalogue& c, const std::string& prefix = "ex") {
    PathwayGraph graph = select(c, View{});
    PosterOptions options;
    options.build_date = "1 January 2026";
    Poster poster = compose_poster(graph, shipped_style("nhs"), options);
    return render_explorer(poster, graph, shipped_style("nhs"), prefix);
}

/// The text of every element `tag` in `html` (not nested), with its opening tag.
std::vector<std::pair<std::string, std::string>> blocks(const std::string& html, const std::string& tag) {
    std::vector<std::pair<std::string, std::string>> out;
    std::regex re("(<" + tag + "[^>]*>)([\\s\\S]*?)</" + tag + ">");
    for (std::sregex_iterator it(html.begin(), html.end(), re), end; it != end; ++it) out.push_back({(*it)[1], (*it)[2]});
    return out;
}

std::string csp_of(const std::string& html) {
    std::smatch m;
    REQUIRE(std::regex_search(html, m, std::regex("http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"")));
    return std::regex_replace(m[1].str(), std::regex("&#39;"), "'");
}

const char* kHostile = R"(title: "{{DATA}} </script><script>alert(1)</script>"
publisher: "P"
source: "S"
version: "1"
setting_dimension: "Setting"
levels:
  - {id: low, name: "Low </style>", description: "<!-- x"}
settings:
  - {id: one, name: "One", description: "A setting."}
roles:
  - id: a
    name: "</script><img src=x onerror=alert(1)>"
    level: low
    settings: [one]
    progresses_to: [b]
    summary: "{{SCRIPT}} ]]> <!-- </SCRIPT >"
  - id: b
    name: "B & 'c'"
    level: low
    settings: [one]
    summary: "Plain."
    url: "https://example.org/?a=1&b='2'"
)";

}  // namespace

TEST_CASE("The CSP source of a text is its SHA-256 in base64 (published test vector)", "[explorer]") {
    CHECK(csp_hash("abc") == "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
    CHECK(csp_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
}

TEST_CASE("The explorer is one page with everything inline, and its CSP allows exactly its own script and styles",
          "[explorer]") {
    std::string html = explorer_of(shipped_catalogue("data/ncl-career-pathways.yaml"), "ncl");
    CHECK(starts_with(html, "<!DOCTYPE html>\n<html lang=\"en\">"));
    std::string csp = csp_of(html);
    CHECK(starts_with(csp, "default-src 'none'; script-src 'sha256-"));
    // Every inline style sheet (the page's and the map's) and the one script are hashed in the CSP.
    auto styles = blocks(html, "style");
    REQUIRE(styles.size() == 2);
    for (const auto& s : styles) CHECK(contains(csp, csp_hash(s.second)));
    auto scripts = blocks(html, "script");
    REQUIRE(scripts.size() == 2);
    CHECK(scripts[0].first == "<script type=\"application/json\" id=\"data\">");
    CHECK(scripts[1].first == "<script>");
    CHECK(contains(csp, "script-src " + csp_hash(scripts[1].second) + ";"));
    CHECK_FALSE(contains(csp, csp_hash(scripts[0].second)));  // data, not code: never allowed to run
    // Nothing is fetched: no src, no stylesheet link, no url() in the page's styles.
    CHECK_FALSE(std::regex_search(html, std::regex("\\ssrc=|<link|@import|url\\(")));
    // The map is the poster's embeddable SVG, with every role of the catalogue.
    CHECK(contains(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"ncl\" class=\"pathways embed\""));
    for (const auto& r : shipped_catalogue("data/ncl-career-pathways.yaml").roles)
        CHECK(contains(html, "class=\"node role-" + r.id + " "));
    // The NCL explorer stays well under its 300 KB budget (the browser test measures it too).
    CHECK(html.size() < 300 * 1024);
    CHECK(explorer_of(shipped_catalogue("data/ncl-career-pathways.yaml"), "ncl") == html);  // same bytes again
}

TEST_CASE("Hostile catalogue text stays data: no '<' in the data block, no placeholder filled from it", "[explorer]") {
    Diagnostics d;
    auto c = parse_catalogue(kHostile, "hostile.yaml", d);
    INFO(dump(d));
    REQUIRE(c);
    std::string html = explorer_of(*c);
    auto scripts = blocks(html, "script");
    REQUIRE(scripts.size() == 2);  // the hostile text closed no script and opened none
    const std::string& data = scripts[0].second;
    CHECK(data.find('<') == std::string::npos);
    // The data reads back as written (yaml-cpp reads JSON), \u003c and all.
    YAML::Node parsed = YAML::Load(data);
    CHECK(parsed["title"].as<std::string>() == c->title);
    CHECK(parsed["roles"][0]["name"].as<std::string>() == "</script><img src=x onerror=alert(1)>");
    CHECK(parsed["roles"][0]["summary"].as<std::string>() == "{{SCRIPT}} ]]> <!-- </SCRIPT >");
    CHECK(parsed["roles"][0]["to"][0].as<std::string>() == "b");
    CHECK(parsed["roles"][1]["url"].as<std::string>() == "https://example.org/?a=1&b='2'");
    // "{{DATA}}" in the title is text in <title>, not a second copy of the data.
    CHECK(contains(html, "<title>{{DATA}} &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
    CHECK(blocks(html, "style").size() == 2);
}

TEST_CASE("html is a format: pathways render writes the explorer, a manifest lists it, the index links it",
          "[explorer][cli]") {
    TempDir dir;
    std::string catalogue = data_path("minimal-valid.yaml");
    RunResult r = run_cli({"render", catalogue, "-o", dir.file("explorer.html")});
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::string html = read_file(dir.file("explorer.html"));
    CHECK(starts_with(html, "<!DOCTYPE html>"));
    CHECK(contains(html, "id=\"explorer\" class=\"pathways embed\""));  // id prefix: the file's name
    r = run_cli({"render", catalogue, "--format", "html", "-o", dir.file("page.htm")});
    CHECK(r.status == 0);
    CHECK(contains(read_file(dir.file("page.htm")), "id=\"page\" class=\"pathways embed\""));
    // In a manifest: <name>.html, linked from the index page.
    write_file(dir.file("posters.yaml"), "title: Set\ncatalogues:\n  a: " + catalogue + "\nstyle: " +
                                             source_path("styles/nhs.yaml") + "\noutput: out\nposters:\n"
                                             "  - {name: a-all, catalogue: a, view: all, formats: [pdf, html]}\n");
    r = run_shell("SOURCE_DATE_EPOCH=1767225600 " + shell_quote(binary_path()) + " build " +
                  shell_quote(dir.file("posters.yaml")) + " --quiet");
    INFO(r.out << r.err);
    REQUIRE(r.status == 0);
    CHECK(starts_with(read_file(dir.file("out/a-all.html")), "<!DOCTYPE html>"));
    CHECK(contains(read_file(dir.file("out/index.html")), "<a href=\"a-all.html\">Explorer (web page)</a>"));
    // The default set writes both explorers.
    Diagnostics d;
    auto m = load_manifest(source_path("data/posters.yaml"), d);
    REQUIRE(m);
    std::set<std::string> explorers;
    for (const auto& p : m->posters)
        for (auto f : p.formats)
            if (f == OutputFormat::Html) explorers.insert(p.name + format_suffix(f));
    CHECK(explorers == std::set<std::string>{"ncl-career-pathways.html", "nhs-management-careers.html"});
}
