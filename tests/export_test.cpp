// JSON and DOT export: every role and link comes out, the JSON is valid (checked by Python's
// strict parser), the DOT reads back through cgraph with the same nodes and edges, and awkward
// names (quotes, backslashes, markup, non-ASCII) survive both.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "pathways/catalogue.hpp"
#include "pathways/escape.hpp"
#include "pathways/dot_export.hpp"
#include "pathways/export.hpp"
#include "test_support.hpp"

// Labels are written for Graphviz, which reads a doubled backslash as one.
static std::string unescape_label(const std::string& label) {
    std::string out;
    for (std::size_t i = 0; i < label.size(); ++i) {
        if (label[i] == '\\' && i + 1 < label.size() && label[i + 1] == '\\') ++i;
        out += label[i];
    }
    return out;
}

using namespace pathways;
using namespace pathways::test;
using Catch::Matchers::Contains;

namespace {

Catalogue parse_ok(const std::string& text) {
    Diagnostics diags;
    auto c = parse_catalogue(text, "names.yaml", diags);
    INFO(dump(diags));
    REQUIRE(c.has_value());
    REQUIRE(diags.errors() == 0);
    return std::move(*c);
}

/// A catalogue whose title and names hold characters that need escaping somewhere.
/// `extra_name` is the (YAML double-quoted) name of one more role.
std::string awkward_catalogue(const std::string& extra_name = "Plain") {
    return R"YAML(title: "Title with \"quotes\", a \\ backslash, <b>tags</b> & caf\u00E9"
publisher: P
source: S
version: "1"
setting_dimension: "Setting <&>"
levels:
  - {id: entry, name: "Entry \"one\"", description: d}
  - {id: senior, name: "Seni\u00F6r & <up>", description: d}
settings:
  - {id: primary, name: "Primary \\ care", description: d}
roles:
  - id: quote
    name: "Nurse \"Lead\" (acting)"
    level: entry
    settings: [primary]
    progresses_to: [markup, unicode, backslash]
    summary: s
  - id: backslash
    name: "Back\\slash \\N and \\n"
    level: senior
    settings: [primary]
    progresses_to: [extra]
    summary: s
  - id: markup
    name: "<b>Bold</b> & <i>more</i> &amp; <br/>"
    levels: [entry, senior]
    settings: [primary]
    progresses_to: [unicode]
    summary: s
    url: "https://example.org/a?b=1&c=2"
  - id: unicode
    name: "Caf\u00E9 \u00FCber \u65E5\u672C\u8A9E \U0001F691 \u2028 \u00A0"
    level: senior
    settings: [primary]
    summary: s
  - id: control
    name: "Tab\there, bell\a"
    level: entry
    settings: [primary]
    progresses_to: [quote]
    summary: s
  - id: extra
    name: ")YAML" + extra_name + R"YAML("
    level: senior
    settings: [primary]
    summary: s
)YAML";
}

/// Hex digits of `bytes` (how the Python checker hands strings back, so nothing is lost).
std::string hex(const std::string& bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

/// Parses `json` with Python's strict json module (UTF-8 decoding, no NaN, no duplicate keys) and
/// returns one line per item: "title HEX", "level ID NAME", "setting ID NAME",
/// "role ID NAME LEVELS SETTINGS PROGRESSES_TO URL", every string in hex, lists joined by ','
/// ('-' for an empty list or missing url). Fails the test if Python refuses the text.
std::vector<std::string> python_view(const std::string& json) {
    TempDir dir;
    std::string json_path = dir.file("export.json"), script_path = dir.file("check.py");
    write_file(json_path, json);
    write_file(script_path, R"PY(
import json, sys

def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate key in %r" % keys)
    return dict(pairs)

def bad_constant(name):
    raise ValueError("not JSON: " + name)

raw = open(sys.argv[1], "rb").read()
text = raw.decode("utf-8")  # strict: invalid UTF-8 fails
data = json.loads(text, object_pairs_hook=no_duplicates, parse_constant=bad_constant)

def h(s):
    if not isinstance(s, str):
        raise TypeError("expected a string, got %r" % (s,))
    return s.encode("utf-8").hex()

def ids(items):
    if not isinstance(items, list):
        raise TypeError("expected a list, got %r" % (items,))
    return ",".join(h(i) for i in items) or "-"

print("title", h(data["title"]))
for l in data["levels"]:
    print("level", h(l["id"]), h(l["name"]))
for s in data["settings"]:
    print("setting", h(s["id"]), h(s["name"]))
for r in data["roles"]:
    print("role", h(r["id"]), h(r["name"]), ids(r["levels"]), ids(r["settings"]), ids(r["progresses_to"]),
          h(r["url"]) if "url" in r else "-")
)PY");
    RunResult r = run_shell("/usr/bin/python3 " + shell_quote(script_path) + " " + shell_quote(json_path));
    INFO("python stderr:\n" << r.err);
    REQUIRE(r.status == 0);
    return lines_of(r.out);
}

std::string hex_list(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ",") + hex(i);
    return out.empty() ? "-" : out;
}

/// What python_view must print for `c`.
std::vector<std::string> expected_view(const Catalogue& c) {
    std::vector<std::string> out{"title " + hex(c.title)};
    for (const auto& l : c.levels) out.push_back("level " + hex(l.id) + " " + hex(l.name));
    for (const auto& s : c.settings) out.push_back("setting " + hex(s.id) + " " + hex(s.name));
    for (const auto& r : c.roles)
        out.push_back("role " + hex(r.id) + " " + hex(r.name) + " " + hex_list(r.levels) + " " +
                      hex_list(r.settings) + " " + hex_list(r.progresses_to) + " " +
                      (r.url.empty() ? std::string("-") : hex(r.url)));
    return out;
}

void check_json_matches(const Catalogue& c) {
    std::string json = export_json(c);
    // Without Python: every role id appears once as an "id" value.
    for (const auto& r : c.roles) {
        std::string needle = "{\"id\": " + json_quote(r.id) + ",";
        std::size_t first = json.find(needle);
        CHECK(first != std::string::npos);
        CHECK(json.find(needle, first + 1) == std::string::npos);
    }
    REQUIRE(python_available());
    std::vector<std::string> got = python_view(json), want = expected_view(c);
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        INFO("line " << i);
        CHECK(got[i] == want[i]);
    }
}

struct DotView {
    std::map<std::string, std::string> labels;           // node name -> label
    std::map<std::string, std::string> levels;           // node name -> levels attribute
    std::set<std::pair<std::string, std::string>> edges;  // (tail, head)
    std::map<std::pair<std::string, std::string>, std::string> kinds;
    std::string graph_label;
    int node_count = 0, edge_count = 0;
};

DotView read_back(const std::string& dot) {
    std::optional<DotGraph> g = parse_dot(dot);
    INFO("DOT:\n" << dot);
    REQUIRE(g);
    CHECK(g->directed);
    DotView v;
    v.graph_label = g->attributes["label"];
    v.node_count = static_cast<int>(g->nodes.size());
    v.edge_count = static_cast<int>(g->edges.size());
    for (auto& n : g->nodes) {
        v.labels[n.name] = n.attributes["label"];
        v.levels[n.name] = n.attributes["levels"];
    }
    for (auto& e : g->edges) {
        std::pair<std::string, std::string> key{e.tail, e.head};
        v.edges.insert(key);
        v.kinds[key] = e.attributes["kind"];
    }
    return v;
}

void check_dot_matches(const Catalogue& c) {
    std::string dot = export_dot(c);
    DotView v = read_back(dot);
    INFO("DOT:\n" << dot);
    CHECK(v.node_count == static_cast<int>(c.roles.size()));
    CHECK(v.edge_count == static_cast<int>(c.link_count()));
    CHECK(unescape_label(v.graph_label) == c.title);

    std::set<std::pair<std::string, std::string>> links;
    for (const auto& r : c.roles) {
        auto label = v.labels.find(r.id);
        REQUIRE(label != v.labels.end());
        CHECK(unescape_label(label->second) == r.name);
        std::string levels;
        for (const auto& l : r.levels) levels += (levels.empty() ? "" : ",") + l;
        CHECK(v.levels[r.id] == levels);
        for (const auto& t : r.progresses_to) {
            links.insert({r.id, t});
            LinkKind k = link_kind(c, r, *c.role(t));
            CHECK(v.kinds[{r.id, t}] == to_string(k));
        }
    }
    CHECK(v.labels.size() == c.roles.size());
    CHECK(v.edges == links);
}

}  // namespace

TEST_CASE("json_quote escapes what JSON requires and nothing else", "[export][json]") {
    CHECK(json_quote("") == "\"\"");
    CHECK(json_quote("plain") == "\"plain\"");
    CHECK(json_quote("a\"b") == "\"a\\\"b\"");
    CHECK(json_quote("a\\b") == "\"a\\\\b\"");
    CHECK(json_quote("line\nnext\r\ttab") == "\"line\\nnext\\r\\ttab\"");
    CHECK(json_quote(std::string("nul\0one\x01\x1f", 9)) == "\"nul\\u0000one\\u0001\\u001f\"");
    CHECK(json_quote("<b>&amp;</b> caf\xC3\xA9 \xF0\x9F\x9A\x91") == "\"<b>&amp;</b> caf\xC3\xA9 \xF0\x9F\x9A\x91\"");
    CHECK(json_quote("\x7f") == "\"\x7f\"");
}

TEST_CASE("JSON export of the minimal catalogue lists every role and link", "[export][json]") {
    Catalogue c = catalogue_at(data_path("minimal-valid.yaml"));
    check_json_matches(c);
    // A role given with `level:` still exports its levels as a list.
    std::string json = export_json(c);
    CHECK_THAT(json, Contains("\"id\": \"health-care-assistant\", \"name\": \"Health care assistant\", "
                              "\"levels\": [\"support\"]"));
    CHECK_THAT(json, Contains("\"levels\": [\"support\", \"registered\"]"));
    CHECK_THAT(json, Contains("\"progresses_to\": []"));
}

TEST_CASE("JSON export of the shipped catalogues is valid and complete", "[export][json][data]") {
    auto file = GENERATE(as<std::string>{}, "data/ncl-career-pathways.yaml", "data/nhs-management-careers.yaml");
    CAPTURE(file);
    Catalogue c = catalogue_at(source_path(file));
    check_json_matches(c);
}

TEST_CASE("awkward names survive the JSON export", "[export][json]") {
    Catalogue c = parse_ok(awkward_catalogue());
    REQUIRE(c.roles.size() == 6);
    // The YAML escapes really made the awkward characters.
    CHECK(c.role("quote")->name == "Nurse \"Lead\" (acting)");
    CHECK(c.role("backslash")->name == "Back\\slash \\N and \\n");
    CHECK(c.role("unicode")->name == "Caf\xC3\xA9 \xC3\xBC" "ber \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xF0\x9F\x9A\x91 "
                                     "\xE2\x80\xA8 \xC2\xA0");
    CHECK(c.role("control")->name == "Tab\there, bell\a");
    check_json_matches(c);
}

TEST_CASE("DOT export of the minimal catalogue reads back with the same graph", "[export][dot]") {
    Catalogue c = catalogue_at(data_path("minimal-valid.yaml"));
    check_dot_matches(c);
}

TEST_CASE("DOT export of the shipped catalogues reads back with the same graph", "[export][dot][data]") {
    auto file = GENERATE(as<std::string>{}, "data/ncl-career-pathways.yaml", "data/nhs-management-careers.yaml");
    CAPTURE(file);
    Catalogue c = catalogue_at(source_path(file));
    check_dot_matches(c);
    if (file == "data/ncl-career-pathways.yaml") {
        DotView v = read_back(export_dot(c));
        CHECK(v.node_count == 58);
        CHECK(v.edge_count == 76);
        CHECK(v.kinds[{"admin-role", "trainee-nursing-associate"}] == "within-level");
        CHECK(v.kinds[{"phlebotomist", "health-care-assistant"}] == "down");
    }
}

TEST_CASE("awkward names survive the DOT export", "[export][dot]") {
    Catalogue c = parse_ok(awkward_catalogue());
    check_dot_matches(c);
}

TEST_CASE("a name ending in a backslash survives JSON and DOT", "[export][dot]") {
    // Labels double their backslashes: agwrite does not, so "Ends in \" would eat its closing quote.
    Catalogue c = parse_ok(awkward_catalogue(R"(Ends in \\)"));
    REQUIRE(c.role("extra")->name == "Ends in \\");
    check_json_matches(c);
    check_dot_matches(c);
}

TEST_CASE("a name with a line break survives JSON and DOT", "[export][dot]") {
    Catalogue c = parse_ok(awkward_catalogue(R"(First line\nsecond line)"));
    REQUIRE(c.role("extra")->name == "First line\nsecond line");
    check_json_matches(c);
    check_dot_matches(c);
}

TEST_CASE("DOT export has one node per role even with no links", "[export][dot]") {
    Catalogue c = parse_ok(R"(title: T
publisher: P
source: S
version: "1"
setting_dimension: D
levels: [{id: one, name: One, description: d}]
settings: [{id: s, name: S, description: d}]
roles:
  - {id: alone, name: Alone, level: one, settings: [s], summary: s}
  - {id: also-alone, name: Also alone, level: one, settings: [s], summary: s}
)");
    DotView v = read_back(export_dot(c));
    CHECK(v.node_count == 2);
    CHECK(v.edge_count == 0);
    CHECK(v.labels == std::map<std::string, std::string>{{"alone", "Alone"}, {"also-alone", "Also alone"}});
    check_json_matches(c);
}
