// Catalogue loading: one fixture per kind of error and warning (each checked for its exact
// `FILE:LINE:COL: severity: ` prefix), several problems reported together, hostile input,
// a deterministic fuzz loop, and the shipped catalogues loading cleanly.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "pathways/catalogue.hpp"
#include "pathways/dot_export.hpp"
#include "pathways/export.hpp"
#include "pathways/yaml_reader.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

/// The one diagnostic a single-problem fixture must produce, and what it must say.
struct Expected {
    Severity severity;
    int line, column;
    std::vector<std::string> says;  // parts of the message
};

/// Loads tests/data/`name` and checks it reports exactly `expected`, at exactly its place.
/// Returns the printed diagnostic line.
std::string check_single(const std::string& name, const Expected& expected) {
    std::string path = data_path(name);
    REQUIRE(fs::exists(path));
    Diagnostics diags;
    auto catalogue = load_catalogue(path, diags);
    INFO("diagnostics:\n" << dump(diags));
    REQUIRE(diags.all().size() == 1);
    const Diagnostic& d = diags.all().front();
    CHECK(d.severity == expected.severity);
    CHECK(d.where.file == path);
    CHECK(d.where.line == expected.line);
    CHECK(d.where.column == expected.column);

    std::string line = format(d);
    std::string prefix = path + ":" + std::to_string(expected.line) + ":" + std::to_string(expected.column) +
                         (expected.severity == Severity::Error ? ": error: " : ": warning: ");
    CHECK_THAT(line, StartsWith(prefix));
    for (const auto& part : expected.says) CHECK_THAT(line, Contains(part));
    // print() writes the same line, and nothing else.
    CHECK(printed(diags) == std::vector<std::string>{line});

    if (expected.severity == Severity::Error) {
        CHECK_FALSE(catalogue.has_value());
        CHECK(diags.errors() == 1);
    } else {
        CHECK(catalogue.has_value());
        CHECK(diags.errors() == 0);
        CHECK(diags.warnings() == 1);
    }
    return line;
}

std::string error_message(const Diagnostics& diags) {
    return diags.all().empty() ? std::string() : diags.all().front().message;
}

}  // namespace

// ---------------------------------------------------------------------------------- errors

TEST_CASE("a YAML syntax error is reported at the slip in plain words, the parser's words after", "[catalogue][errors]") {
    // More slips, each with its explanation: yaml_hints_test.cpp.
    Diagnostics diags;
    auto catalogue = load_catalogue(data_path("bad-yaml-syntax.yaml"), diags);
    INFO(dump(diags));
    CHECK_FALSE(catalogue.has_value());
    REQUIRE(diags.all().size() == 1);
    const Diagnostic& d = diags.all().front();
    CHECK(d.where.line == 15);
    CHECK(d.where.column == 11);
    CHECK_THAT(d.message, Contains("put the whole text in double quotes: name: \"Assistant: the first\""));
    CHECK_THAT(d.message, Contains("\n    (the YAML parser says: illegal map value, at line 15 column 20)"));
}

TEST_CASE("a missing required field is reported at the role", "[catalogue][errors]") {
    check_single("bad-missing-field.yaml",
                 {Severity::Error, 14, 5, {"role 'assistant' is missing required key 'summary'"}});
}

TEST_CASE("a value of the wrong type is reported at the value, with the fix", "[catalogue][errors]") {
    check_single("bad-wrong-type.yaml",
                 {Severity::Error, 17, 15, {"'settings' in role 'assistant' must be a list", "[primary]",
                                            "not the text 'primary'"}});
}

TEST_CASE("an unknown key is reported at the key with a suggestion", "[catalogue][errors]") {
    check_single("bad-unknown-key.yaml",
                 {Severity::Error, 20, 5, {"unknown key 'payband' in role 'assistant'", "(did you mean 'pay_band'?)"}});
}

TEST_CASE("a duplicate role id is reported at the second id, naming the first", "[catalogue][errors]") {
    check_single("bad-duplicate-id.yaml",
                 {Severity::Error, 25, 9, {"duplicate role id 'assistant'", "first defined at line 14"}});
}

TEST_CASE("a progression to an unknown role is reported at the entry with a suggestion", "[catalogue][errors]") {
    check_single("bad-unknown-progression.yaml",
                 {Severity::Error, 18, 21, {"progression to unknown role 'nursing-asociate'",
                                            "(did you mean 'nursing-associate'?)"}});
}

TEST_CASE("an unknown level is reported at the value with a suggestion", "[catalogue][errors]") {
    check_single("bad-unknown-level.yaml",
                 {Severity::Error, 22, 12, {"unknown level 'senoir'", "(did you mean 'senior'?)"}});
}

TEST_CASE("an unknown setting is reported at the list item with a suggestion", "[catalogue][errors]") {
    check_single("bad-unknown-setting.yaml",
                 {Severity::Error, 17, 25, {"unknown setting 'comunity'", "(did you mean 'community'?)"}});
}

TEST_CASE("an empty name is reported at the value", "[catalogue][errors]") {
    check_single("bad-empty-name.yaml", {Severity::Error, 15, 11, {"'name' in role 'assistant' must not be empty"}});
}

TEST_CASE("a role in no setting is reported at the empty list", "[catalogue][errors]") {
    check_single("bad-no-setting.yaml", {Severity::Error, 17, 15, {"role 'assistant' is in no setting"}});
}

TEST_CASE("text that is not UTF-8 is reported at the bad byte", "[catalogue][errors]") {
    // The fixture must really hold the Latin-1 byte (an editor re-saving it as UTF-8 would hide it).
    std::string bytes = read_file(data_path("bad-not-utf8.yaml"));
    REQUIRE(bytes.find("Caf\xE9 on Fridays") != std::string::npos);
    check_single("bad-not-utf8.yaml", {Severity::Error, 19, 30, {"not UTF-8", "invalid byte 0xE9"}});
}

TEST_CASE("a NUL byte is reported at its place", "[catalogue][errors]") {
    std::string text = read_file(data_path("minimal-valid.yaml"));
    REQUIRE(!text.empty());
    std::string line2 = "title: Nursing in primary and community care";
    auto at = text.find(line2);
    REQUIRE(at != std::string::npos);
    text.insert(at + 7, 1, '\0');  // just before "Nursing"
    Diagnostics diags;
    CHECK_FALSE(parse_catalogue(text, "nul.yaml", diags).has_value());
    REQUIRE(diags.all().size() == 1);
    CHECK_THAT(format(diags.all().front()), StartsWith("nul.yaml:2:8: error: "));
    CHECK_THAT(error_message(diags), Contains("NUL byte"));
}

TEST_CASE("a duplicate key is reported at the second key, naming the first", "[catalogue][errors]") {
    check_single("bad-duplicate-key.yaml",
                 {Severity::Error, 19, 5, {"duplicate key 'name'", "first given at line 15"}});
}

TEST_CASE("a url with a scheme that is not allowed is reported at the url", "[catalogue][errors]") {
    check_single("bad-url-scheme.yaml",
                 {Severity::Error, 20, 10, {"url 'javascript:alert(1)' is not allowed", "https:"}});
}

TEST_CASE("a role with both level and levels is reported at levels", "[catalogue][errors]") {
    check_single("bad-level-and-levels.yaml",
                 {Severity::Error, 23, 13, {"role 'lead' has both 'level' and 'levels'"}});
}

TEST_CASE("an id that is not lower-case and hyphenated is reported at the id", "[catalogue][errors]") {
    check_single("bad-invalid-id.yaml",
                 {Severity::Error, 14, 9, {"role id 'Care_Assistant' must use only lower-case letters"}});
}

TEST_CASE("a role with neither level nor levels is reported at the role", "[catalogue][errors]") {
    check_single("bad-no-level.yaml",
                 {Severity::Error, 14, 5, {"role 'assistant' is missing required key 'level' (or 'levels')"}});
}

TEST_CASE("a role that is not a mapping is reported at the item", "[catalogue][errors]") {
    check_single("bad-role-not-mapping.yaml",
                 {Severity::Error, 19, 5, {"role must be a mapping of keys to values", "not the text 'lead'"}});
}

TEST_CASE("a role without an id is an error at the role, not a crash", "[catalogue][errors]") {
    std::string path = data_path("bad-missing-id.yaml");
    Diagnostics diags;
    std::optional<Catalogue> c;
    REQUIRE_NOTHROW(c = load_catalogue(path, diags));
    CHECK_FALSE(c.has_value());
    REQUIRE(diags.all().size() == 1);
    CHECK_THAT(format(diags.all().front()), StartsWith(path + ":14:5: error: "));
    CHECK_THAT(error_message(diags), Contains("missing required key 'id'"));
}

TEST_CASE("more than one YAML document is refused", "[catalogue][errors]") {
    std::string path = data_path("bad-multiple-documents.yaml");
    Diagnostics diags;
    CHECK_FALSE(load_catalogue(path, diags).has_value());
    REQUIRE(diags.all().size() == 1);
    CHECK_THAT(format(diags.all().front()), StartsWith(path + ":"));
    CHECK_THAT(format(diags.all().front()), Contains(": error: file holds more than one YAML document"));
}

TEST_CASE("a file with several problems reports all of them, sorted by place", "[catalogue][errors]") {
    std::string path = data_path("bad-several-problems.yaml");
    Diagnostics diags;
    CHECK_FALSE(load_catalogue(path, diags).has_value());
    INFO("diagnostics:\n" << dump(diags));
    std::vector<std::string> lines = printed(diags);
    std::vector<std::pair<std::string, std::string>> expected = {
        {":16:12: error: ", "unknown level 'entyr'"},
        {":18:27: error: ", "progression to unknown role 'leed' (did you mean 'lead'?)"},
        {":21:11: error: ", "'name' in role 'lead' must not be empty"},
        {":23:36: error: ", "role 'lead' lists setting 'primary' twice"},
        {":25:5: error: ", "unknown key 'colour' in role 'lead'"},
        {":26:9: error: ", "duplicate role id 'lead' (first defined at line 20)"},
        {":29:15: error: ", "role 'lead' is in no setting"},
        {":31:10: error: ", "url 'ftp://example.org/lead' is not allowed"},
    };
    REQUIRE(lines.size() == expected.size());
    CHECK(diags.errors() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK_THAT(lines[i], StartsWith(path + expected[i].first));
        CHECK_THAT(lines[i], Contains(expected[i].second));
    }
}

TEST_CASE("a missing file, a folder, an empty file and a bare scalar are errors, not crashes",
          "[catalogue][errors][hostile]") {
    TempDir dir;
    SECTION("missing file") {
        std::string path = dir.file("no-such-file.yaml");
        Diagnostics diags;
        CHECK_FALSE(load_catalogue(path, diags).has_value());
        REQUIRE(diags.all().size() == 1);
        CHECK(format(diags.all().front()) == path + ": error: cannot open file: there is no such file");
    }
    SECTION("a folder") {
        Diagnostics diags;
        CHECK_FALSE(load_catalogue(dir.path().string(), diags).has_value());
        REQUIRE(diags.errors() == 1);
        CHECK_THAT(format(diags.all().front()), StartsWith(dir.path().string() + ": error: "));
        CHECK_THAT(error_message(diags), Contains("folder"));
    }
    SECTION("an empty file") {
        std::string path = dir.file("empty.yaml");
        write_file(path, "");
        Diagnostics diags;
        CHECK_FALSE(load_catalogue(path, diags).has_value());
        REQUIRE(diags.all().size() == 1);
        CHECK(format(diags.all().front()) == path + ":1:1: error: file is empty");
    }
    SECTION("only comments") {
        Diagnostics diags;
        CHECK_FALSE(parse_catalogue("# nothing here\n\n# at all\n", "c.yaml", diags).has_value());
        REQUIRE(diags.all().size() == 1);
        CHECK(format(diags.all().front()) == "c.yaml:1:1: error: file is empty");
    }
    SECTION("just a scalar") {
        std::string path = dir.file("scalar.yaml");
        write_file(path, "hello\n");
        Diagnostics diags;
        CHECK_FALSE(load_catalogue(path, diags).has_value());
        REQUIRE(diags.all().size() == 1);
        CHECK_THAT(format(diags.all().front()), StartsWith(path + ":1:1: error: the catalogue must be a mapping"));
        CHECK_THAT(error_message(diags), Contains("not the text 'hello'"));
    }
    SECTION("a list at the top") {
        Diagnostics diags;
        CHECK_FALSE(parse_catalogue("- a\n- b\n", "list.yaml", diags).has_value());
        REQUIRE(diags.all().size() == 1);
        CHECK_THAT(format(diags.all().front()), StartsWith("list.yaml:1:1: error: the catalogue must be a mapping"));
    }
}

// --------------------------------------------------------------------------------- warnings

TEST_CASE("a progression within one level is a warning at the entry", "[catalogue][warnings]") {
    check_single("warn-within-level.yaml",
                 {Severity::Warning, 18, 21, {"progression from 'Assistant' to 'Receptionist' stays within Entry"}});
}

TEST_CASE("a progression down a level is a warning at the entry", "[catalogue][warnings]") {
    check_single("warn-down-level.yaml",
                 {Severity::Warning, 23, 21, {"progression from 'Lead' (Senior) to 'Assistant' goes down to Entry"}});
}

TEST_CASE("a role with no links is a warning at the role", "[catalogue][warnings]") {
    check_single("warn-no-links.yaml",
                 {Severity::Warning, 25, 5, {"role 'Porter' has no progression links to or from it"}});
}

TEST_CASE("a role progressing to itself is a warning at the entry", "[catalogue][warnings]") {
    check_single("warn-self-link.yaml", {Severity::Warning, 24, 21, {"role 'Lead' progresses to itself"}});
}

TEST_CASE("a cycle of progressions is a warning at its first role", "[catalogue][warnings]") {
    std::string path = data_path("warn-cycle.yaml");
    Diagnostics diags;
    auto c = load_catalogue(path, diags);
    REQUIRE(c.has_value());
    CHECK(diags.errors() == 0);
    std::vector<std::string> lines = printed(diags);
    INFO("diagnostics:\n" << dump(diags));
    REQUIRE(lines.size() == 2);
    CHECK_THAT(lines[0], StartsWith(path + ":14:5: warning: "));
    CHECK_THAT(lines[0], Contains("progressions form a cycle among 'Assistant', 'Lead'"));
    // Every cycle has a step that does not go up; that step is reported too.
    CHECK_THAT(lines[1], StartsWith(path + ":24:21: warning: "));
    CHECK_THAT(lines[1], Contains("goes down to Entry"));
}

// --------------------------------------------------------------------------------- hostile

TEST_CASE("a billion-laughs alias bomb is refused fast, with a located error", "[catalogue][hostile]") {
    std::string path = data_path("bad-alias-bomb.yaml");
    auto start = std::chrono::steady_clock::now();
    Diagnostics diags;
    auto c = load_catalogue(path, diags);
    auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK_FALSE(c.has_value());
    CHECK(elapsed < std::chrono::seconds(1));
    REQUIRE(diags.all().size() == 1);
    const Diagnostic& d = diags.all().front();
    CHECK(d.severity == Severity::Error);
    CHECK(d.where.line > 1);  // somewhere inside the bomb, not "the whole file"
    CHECK(d.where.column > 0);
    CHECK_THAT(format(d), StartsWith(path + ":" + std::to_string(d.where.line) + ":"));
    CHECK_THAT(d.message, Contains("too many aliases"));
}

TEST_CASE("a wider alias bomb built in memory is refused fast too", "[catalogue][hostile]") {
    // 12 levels of 20 aliases: 20^12 nodes if anyone expanded it.
    std::string text = "l0: &l0 [";
    for (int i = 0; i < 20; ++i) text += i ? ", lol" : "lol";
    text += "]\n";
    for (int level = 1; level <= 12; ++level) {
        std::string prev = "l" + std::to_string(level - 1);
        text += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
        for (int i = 0; i < 20; ++i) text += (i ? ", *" : "*") + prev;
        text += "]\n";
    }
    auto start = std::chrono::steady_clock::now();
    Diagnostics diags;
    auto c = parse_catalogue(text, "bomb.yaml", diags);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
    CHECK_FALSE(c.has_value());
    REQUIRE(diags.errors() == 1);
    CHECK_THAT(format(diags.all().front()), StartsWith("bomb.yaml:"));
    CHECK(diags.all().front().where.line > 0);
    CHECK_THAT(error_message(diags), Contains("refusing to read it"));
}

TEST_CASE("aliases that refer to the node they are in do not hang", "[catalogue][hostile]") {
    auto text = GENERATE(as<std::string>{}, "roles: &r [*r]\n", "title: &t [*t, *t]\n",
                         "&m {title: *m, roles: [{id: *m, name: *m}], levels: *m}\n",
                         "roles: [&x {id: a, name: *x, progresses_to: [*x]}]\n", "&k {*k : 1}\n");
    CAPTURE(text);
    Diagnostics diags;
    auto start = std::chrono::steady_clock::now();
    std::optional<Catalogue> c;
    REQUIRE_NOTHROW(c = parse_catalogue(text, "self.yaml", diags));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
    CHECK_FALSE(c.has_value());
    CHECK(diags.errors() > 0);
}

TEST_CASE("nesting 10,000 deep is refused", "[catalogue][hostile]") {
    auto text = GENERATE(std::string(10000, '[') + std::string(10000, ']'),       // flow lists
                         [] {                                                      // flow mappings
                             std::string t;
                             for (int i = 0; i < 10000; ++i) t += "{a: ";
                             return t + "x" + std::string(10000, '}');
                         }(),
                         [] {  // block lists on one line
                             std::string t;
                             for (int i = 0; i < 10000; ++i) t += "- ";
                             return t + "x\n";
                         }());
    Diagnostics diags;
    std::optional<Catalogue> c;
    REQUIRE_NOTHROW(c = parse_catalogue(text, "deep.yaml", diags));
    CHECK_FALSE(c.has_value());
    REQUIRE(diags.all().size() == 1);
    CHECK_THAT(format(diags.all().front()), StartsWith("deep.yaml:1:"));
    CHECK_THAT(error_message(diags), Contains("nesting deeper than"));
}

TEST_CASE("a 5 MB file is refused without being parsed", "[catalogue][hostile]") {
    TempDir dir;
    std::string path = dir.file("big.yaml");
    std::string line = "  - {id: role, name: A role with a long enough name, summary: padding}\n";
    std::string text = "title: Big\nroles:\n";
    while (text.size() < 5 * 1024 * 1024) text += line;
    write_file(path, text);
    REQUIRE(fs::file_size(path) >= 5u * 1024 * 1024);

    auto start = std::chrono::steady_clock::now();
    Diagnostics diags;
    CHECK_FALSE(load_catalogue(path, diags).has_value());
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
    REQUIRE(diags.all().size() == 1);
    CHECK_THAT(format(diags.all().front()), StartsWith(path + ": error: file is "));
    CHECK_THAT(error_message(diags), Contains("the limit is " + std::to_string(YamlLimits{}.max_bytes)));

    // The same text given in memory is refused the same way.
    Diagnostics in_memory;
    CHECK_FALSE(parse_catalogue(text, "big.yaml", in_memory).has_value());
    REQUIRE(in_memory.errors() == 1);
    CHECK_THAT(error_message(in_memory), Contains("file is " + std::to_string(text.size()) + " bytes"));
}

TEST_CASE("the size error names the file's real size", "[catalogue][hostile]") {
    TempDir dir;
    std::string path = dir.file("big.yaml");
    std::string text = "title: Big\nsummary: >-\n";
    while (text.size() < 5 * 1024 * 1024) text += "  padding padding padding padding padding padding\n";
    write_file(path, text);
    Diagnostics diags;
    CHECK_FALSE(load_catalogue(path, diags).has_value());
    REQUIRE(diags.errors() == 1);
    CHECK_THAT(error_message(diags), Contains(std::to_string(text.size())) || Contains("more than"));
}

TEST_CASE("malformed UTF-8 that decoders refuse is rejected", "[catalogue][hostile]") {
    auto bad = GENERATE(as<std::string>{}, "\xED\xA0\x80", "\xE0\x80\x80", "\xF0\x80\x80\x80", "\xF4\x90\x80\x80",
                        "\xF5\x80\x80\x80");
    std::string text = read_file(data_path("minimal-valid.yaml"));
    auto at = text.find("title: Nursing");
    REQUIRE(at != std::string::npos);
    text.insert(at + 7, bad);
    Diagnostics diags;
    CHECK_FALSE(parse_catalogue(text, "utf8.yaml", diags).has_value());
    REQUIRE(diags.errors() == 1);
    CHECK_THAT(format(diags.all().front()), StartsWith("utf8.yaml:2:8: error: "));
    CHECK_THAT(error_message(diags), Contains("not UTF-8"));
}

TEST_CASE("Windows line endings give the same places", "[catalogue]") {
    auto name = GENERATE(as<std::string>{}, "bad-unknown-level.yaml", "warn-down-level.yaml");
    std::string text = read_file(data_path(name)), crlf;
    REQUIRE(!text.empty());
    for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    Diagnostics unix_diags, windows_diags;
    auto a = parse_catalogue(text, name, unix_diags);
    auto b = parse_catalogue(crlf, name, windows_diags);
    CHECK(a.has_value() == b.has_value());
    REQUIRE(unix_diags.all().size() == 1);
    CHECK(printed(windows_diags) == printed(unix_diags));
}

TEST_CASE("a UTF-8 byte order mark is accepted", "[catalogue]") {
    std::string text = "\xEF\xBB\xBF" + read_file(data_path("minimal-valid.yaml"));
    Diagnostics diags;
    auto c = parse_catalogue(text, "bom.yaml", diags);
    INFO(dump(diags));
    REQUIRE(c.has_value());
    CHECK(diags.all().empty());
    CHECK(c->title == "Nursing in primary and community care");
}

// ------------------------------------------------------------------------------------ fuzz

namespace {

/// One random change to `text`: a byte or bit flip, a cut, a repeated, lost or swapped line,
/// or a YAML-significant character dropped in.
std::string mutate(std::string text, std::mt19937& rng) {
    auto pick = [&](std::size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    auto line_bounds = [&](std::size_t pos) {
        std::size_t begin = text.rfind('\n', pos == 0 ? 0 : pos - 1);
        begin = begin == std::string::npos || pos == 0 ? 0 : begin + 1;
        std::size_t end = text.find('\n', pos);
        end = end == std::string::npos ? text.size() : end + 1;
        return std::pair{begin, end};
    };
    static const std::string specials = ":-[]{}&*!|>'\"#%@`,? \t\n\r\\";
    if (text.empty()) return "x";
    switch (pick(8)) {
        case 0:  // any byte, including NUL and non-UTF-8
            text[pick(text.size())] = static_cast<char>(pick(256));
            break;
        case 1: {
            auto& c = text[pick(text.size())];
            c = static_cast<char>(static_cast<unsigned char>(c) ^ (1u << pick(8)));
            break;
        }
        case 2:
            text.resize(pick(text.size()));
            break;
        case 3: {
            auto [b, e] = line_bounds(pick(text.size()));
            text.insert(e, text.substr(b, e - b));
            break;
        }
        case 4: {
            auto [b, e] = line_bounds(pick(text.size()));
            text.erase(b, e - b);
            break;
        }
        case 5: {
            auto [b1, e1] = line_bounds(pick(text.size()));
            std::string first = text.substr(b1, e1 - b1);
            text.erase(b1, e1 - b1);
            if (text.empty()) return first;
            auto [b2, e2] = line_bounds(pick(text.size()));
            (void)b2;
            text.insert(e2, first);
            break;
        }
        case 6:
            text.insert(pick(text.size() + 1), 1, specials[pick(specials.size())]);
            break;
        default:
            text[pick(text.size())] = specials[pick(specials.size())];
            break;
    }
    return text;
}

}  // namespace

TEST_CASE("mutated catalogues never throw and always give a catalogue or an error", "[catalogue][fuzz]") {
    const std::vector<std::string> seeds = {read_file(data_path("minimal-valid.yaml")),
                                            read_file(source_path("data/ncl-career-pathways.yaml"))};
    for (const auto& s : seeds) REQUIRE(!s.empty());

    std::mt19937 rng(20261121u);
    int loaded = 0, refused = 0, failures = 0;
    for (int i = 0; i < 2000; ++i) {
        // Mostly the small catalogue (fast); every fourth run the big one.
        std::string text = seeds[i % 4 == 3 ? 1 : 0];
        int changes = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < changes; ++k) text = mutate(std::move(text), rng);

        Diagnostics diags;
        std::optional<Catalogue> c;
        try {
            c = parse_catalogue(text, "fuzz.yaml", diags);
        } catch (const std::exception& e) {
            ++failures;
            FAIL_CHECK("iteration " << i << " threw: " << e.what());
            continue;
        } catch (...) {
            ++failures;
            FAIL_CHECK("iteration " << i << " threw a non-standard exception");
            continue;
        }
        bool consistent = c ? diags.errors() == 0 : diags.errors() > 0;
        for (const auto& d : diags.all())
            consistent = consistent && d.where.file == "fuzz.yaml" && d.where.line >= 0 && d.where.column >= 0 &&
                         !d.message.empty();
        if (c) {
            ++loaded;
            // What loads is whole: every link goes to a role that exists; ids are valid.
            for (const auto& r : c->roles) {
                consistent = consistent && is_valid_id(r.id) && !r.levels.empty() && !r.settings.empty() &&
                             r.progression_at.size() == r.progresses_to.size();
                for (const auto& t : r.progresses_to) consistent = consistent && c->role(t) != nullptr;
            }
            try {
                consistent = consistent && !export_json(*c).empty() && !export_dot(*c).empty();
            } catch (...) {
                consistent = false;
            }
        } else {
            ++refused;
        }
        if (!consistent) {
            ++failures;
            FAIL_CHECK("iteration " << i << ": inconsistent result; diagnostics:\n" << dump(diags));
        }
    }
    CHECK(failures == 0);
    CHECK(loaded + refused + failures == 2000);
    // The mutations must really exercise both outcomes.
    CHECK(loaded > 0);
    CHECK(refused > 0);
}

// --------------------------------------------------------------------------- good catalogues

TEST_CASE("the minimal valid fixture loads with no diagnostics", "[catalogue][valid]") {
    std::string path = data_path("minimal-valid.yaml");
    Diagnostics diags;
    auto c = load_catalogue(path, diags);
    INFO(dump(diags));
    REQUIRE(c.has_value());
    CHECK(diags.all().empty());
    CHECK(c->file == path);
    CHECK(c->levels.size() == 3);
    CHECK(c->settings.size() == 2);
    CHECK(c->roles.size() == 4);
    CHECK(c->link_count() == 3);
    const Role* na = c->role("nursing-associate");
    REQUIRE(na != nullptr);
    CHECK(na->levels == std::vector<std::string>{"support", "registered"});
    CHECK(c->lowest_level(*na) == 0);
    const Role* anp = c->role("advanced-nurse-practitioner");
    REQUIRE(anp != nullptr);
    CHECK(anp->aliases == std::vector<std::string>{"ANP"});
    CHECK(anp->url == "https://www.healthcareers.nhs.uk/");
    CHECK(c->glossary.size() == 1);
    CHECK(c->panels.size() == 1);
}

TEST_CASE("the NCL catalogue loads with no errors and the source's shape", "[catalogue][valid][data]") {
    std::string path = source_path("data/ncl-career-pathways.yaml");
    REQUIRE(fs::exists(path));
    Diagnostics diags;
    auto c = load_catalogue(path, diags);
    INFO(dump(diags));
    REQUIRE(c.has_value());
    CHECK(diags.errors() == 0);
    CHECK(c->roles.size() == 58);
    CHECK(c->levels.size() == 4);
    CHECK(c->settings.size() == 3);
    CHECK(c->link_count() == 76);

    // Role ids are unique; role names too, although Management is listed at two levels.
    std::set<std::string> ids, names;
    for (const auto& r : c->roles) {
        ids.insert(r.id);
        names.insert(r.name);
    }
    CHECK(ids.size() == c->roles.size());
    CHECK(names.size() == c->roles.size());

    auto by_name = [&](const std::string& name) -> const Role* {
        for (const auto& r : c->roles)
            if (r.name == name) return &r;
        return nullptr;
    };
    const Role* management = by_name("Management");
    REQUIRE(management != nullptr);
    CHECK(management->levels.size() == 2);

    const Role* admin = by_name("Admin Role");
    const Role* tna = by_name("Trainee Nursing Associate");
    const Role* phleb = by_name("Phlebotomist");
    const Role* hca = by_name("Health Care Assistant");
    REQUIRE(admin);
    REQUIRE(tna);
    REQUIRE(phleb);
    REQUIRE(hca);
    CHECK(std::count(admin->progresses_to.begin(), admin->progresses_to.end(), tna->id) == 1);
    CHECK(link_kind(*c, *admin, *tna) == LinkKind::Within);
    CHECK(std::count(phleb->progresses_to.begin(), phleb->progresses_to.end(), hca->id) == 1);
    CHECK(link_kind(*c, *phleb, *hca) == LinkKind::Down);

    // Those two quirks are warned about, at the progression entries.
    bool within_warned = false, down_warned = false;
    for (const auto& d : diags.all()) {
        if (d.severity != Severity::Warning) continue;
        if (d.message.find("from 'Admin Role' to 'Trainee Nursing Associate' stays within") != std::string::npos)
            within_warned = d.where.line > 0;
        if (d.message.find("from 'Phlebotomist' (") != std::string::npos &&
            d.message.find("to 'Health Care Assistant' goes down") != std::string::npos)
            down_warned = d.where.line > 0;
    }
    CHECK(within_warned);
    CHECK(down_warned);
}

TEST_CASE("the NHS management catalogue loads with no errors", "[catalogue][valid][data]") {
    std::string path = source_path("data/nhs-management-careers.yaml");
    REQUIRE(fs::exists(path));
    Diagnostics diags;
    auto c = load_catalogue(path, diags);
    INFO(dump(diags));
    REQUIRE(c.has_value());
    CHECK(diags.errors() == 0);
    CHECK(c->levels.size() == 9);
    CHECK(c->settings.size() == 9);
    // The framework diagram's 64 job titles (one given in two rows) and 7 more management role
    // families from the booklet's text (its eighth, Practice manager, is a diagram title too); the
    // graduate scheme is an entry route, not a role. Links: only those the booklet supports.
    CHECK(c->roles.size() == 71);
    CHECK(c->link_count() == 32);
    CHECK(c->entry_routes.size() == 1);
    for (const auto& r : c->roles) {
        CHECK(c->lowest_level(r) >= 0);
        for (const auto& s : r.settings) CHECK(c->setting(s) != nullptr);
        for (const auto& t : r.progresses_to) CHECK(c->role(t) != nullptr);
    }
}

// ------------------------------------------------------------------------------ small helpers

TEST_CASE("ids, urls and suggestions", "[catalogue][unit]") {
    CHECK(is_valid_id("health-care-assistant"));
    CHECK(is_valid_id("band5"));
    CHECK_FALSE(is_valid_id(""));
    CHECK_FALSE(is_valid_id("5band"));
    CHECK_FALSE(is_valid_id("-lead"));
    CHECK_FALSE(is_valid_id("Nurse"));
    CHECK_FALSE(is_valid_id("care_assistant"));
    CHECK_FALSE(is_valid_id("caf\xC3\xA9"));

    CHECK(is_safe_url("https://www.nhs.uk/"));
    CHECK(is_safe_url("HTTP://example.org"));
    CHECK(is_safe_url("mailto:hub@example.org"));
    CHECK_FALSE(is_safe_url("https://"));
    CHECK_FALSE(is_safe_url("javascript:alert(1)"));
    CHECK_FALSE(is_safe_url("ftp://example.org"));
    CHECK_FALSE(is_safe_url("https://example.org/a b"));
    CHECK_FALSE(is_safe_url("https://example.org/\"><script>"));
    CHECK_FALSE(is_safe_url("data:text/html,hi"));

    CHECK(closest_match("senoir", {"entry", "senior"}) == "senior");
    CHECK(closest_match("zzzzzz", {"entry", "senior"}).empty());
    CHECK(did_you_mean("primray", {"primary", "community"}) == " (did you mean 'primary'?)");
    CHECK(did_you_mean("x", {"primary"}).empty());
}

