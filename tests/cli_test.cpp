// The command-line program, run as a user would run it: exit statuses (0 ok, 1 invalid input,
// 2 usage, 3 output failed), GCC-style diagnostics and the summary line, and export to files
// and standard output.
#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <vector>

#include "pathways/catalogue.hpp"
#include "pathways/dot_export.hpp"
#include "pathways/export.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::string report(const RunResult& r) {
    return "status " + std::to_string(r.status) + "\n--- stdout:\n" + r.out + "\n--- stderr:\n" + r.err;
}

/// The JSON the library itself makes for `path` (what the CLI must print).
std::string library_json(const std::string& path) {
    Diagnostics diags;
    auto c = load_catalogue(path, diags);
    REQUIRE(c.has_value());
    return export_json(*c);
}

bool valid_json(const std::string& path) {
    if (!python_available()) return false;
    RunResult r = run_shell("/usr/bin/python3 -c 'import json,sys; json.loads(sys.stdin.buffer.read().decode(\"utf-8\"))' <" +
                            shell_quote(path));
    return r.status == 0;
}

}  // namespace

TEST_CASE("the built program exists", "[cli]") {
    REQUIRE(fs::exists(binary_path()));
}

TEST_CASE("the help and version options exit 0 and say what they should", "[cli]") {
    SECTION("--help") {
        RunResult r = run_cli({"--help"});
        INFO(report(r));
        CHECK(r.status == 0);
        CHECK_THAT(r.out, Contains("Usage:"));
        CHECK_THAT(r.out, Contains("check"));
        CHECK_THAT(r.out, Contains("export"));
    }
    SECTION("--version") {
        RunResult r = run_cli({"--version"});
        INFO(report(r));
        CHECK(r.status == 0);
        CHECK(std::regex_search(r.out, std::regex("^pathways [0-9]+\\.[0-9]+\\.[0-9]+")));
    }
    SECTION("check --help") {
        RunResult r = run_cli({"check", "--help"});
        INFO(report(r));
        CHECK(r.status == 0);
        CHECK_THAT(r.out, Contains("--strict"));
        CHECK_THAT(r.out, Contains("files"));
    }
    SECTION("export --help") {
        RunResult r = run_cli({"export", "--help"});
        INFO(report(r));
        CHECK(r.status == 0);
        CHECK_THAT(r.out, Contains("--format"));
        CHECK_THAT(r.out, Contains("--output"));
    }
}

TEST_CASE("a wrong command line exits 2 with a message", "[cli]") {
    auto args = GENERATE(as<std::vector<std::string>>{},
                         std::vector<std::string>{},                                         // no subcommand
                         std::vector<std::string>{"frobnicate"},                             // unknown one
                         std::vector<std::string>{"check"},                                  // missing file
                         std::vector<std::string>{"check", "--no-such-flag", "x.yaml"},      // unknown flag
                         std::vector<std::string>{"export", "tests/data/minimal-valid.yaml"},  // no --format
                         std::vector<std::string>{"export", "--format", "json"},             // no file
                         std::vector<std::string>{"export", "tests/data/minimal-valid.yaml", "--format", "xml"});
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    CAPTURE(joined);
    RunResult r = run_cli(args);
    INFO(report(r));
    CHECK(r.status == 2);
    CHECK_FALSE(r.err.empty());
    CHECK(r.out.find("{") == std::string::npos);  // no export was written
}

TEST_CASE("check on a bad file exits 1 with located errors and a summary", "[cli][check]") {
    std::string path = data_path("bad-several-problems.yaml");
    Diagnostics diags;
    CHECK_FALSE(load_catalogue(path, diags).has_value());
    REQUIRE(diags.errors() > 1);

    RunResult r = run_cli({"check", path});
    INFO(report(r));
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    std::vector<std::string> lines = lines_of(r.err);
    REQUIRE(lines.size() == diags.all().size() + 1);
    std::regex located("^" + std::regex_replace(path, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                       ":[0-9]+:[0-9]+: error: .+$");
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        CAPTURE(lines[i]);
        CHECK(std::regex_match(lines[i], located));
    }
    // The same lines, in the same order, as the library prints.
    std::vector<std::string> want = printed(diags);
    CHECK(std::vector<std::string>(lines.begin(), lines.end() - 1) == want);
    CHECK(lines.back() == "1 file checked: " + std::to_string(diags.errors()) + " errors, 0 warnings");
}

TEST_CASE("check on a single-error file prints exactly that error", "[cli][check]") {
    std::string path = data_path("bad-unknown-level.yaml");
    RunResult r = run_cli({"check", path});
    INFO(report(r));
    CHECK(r.status == 1);
    std::vector<std::string> lines = lines_of(r.err);
    REQUIRE(lines.size() == 2);
    CHECK_THAT(lines[0], StartsWith(path + ":22:12: error: unknown level 'senoir'"));
    CHECK_THAT(lines[0], Contains("(did you mean 'senior'?)"));
    CHECK(lines[1] == "1 file checked: 1 error, 0 warnings");
}

TEST_CASE("check reports a missing file as an error, not a crash", "[cli][check]") {
    TempDir dir;
    std::string path = dir.file("absent.yaml");
    RunResult r = run_cli({"check", path});
    INFO(report(r));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, StartsWith(path + ": error: cannot open file: there is no such file\n"));
}

TEST_CASE("check of several files reports problems from each and counts them", "[cli][check]") {
    std::string bad = data_path("bad-unknown-setting.yaml"), warn = data_path("warn-no-links.yaml"),
                good = data_path("minimal-valid.yaml");
    RunResult r = run_cli({"check", good, bad, warn});
    INFO(report(r));
    CHECK(r.status == 1);
    std::vector<std::string> lines = lines_of(r.err);
    REQUIRE(lines.size() == 3);
    CHECK_THAT(lines[0], StartsWith(bad + ":17:25: error: unknown setting 'comunity'"));
    CHECK_THAT(lines[1], StartsWith(warn + ":25:5: warning: role 'Porter'"));
    CHECK_THAT(lines[2], StartsWith("3 files checked: 1 error, 1 warning"));
}

TEST_CASE("warnings fail check only under --strict", "[cli][check]") {
    std::string path = data_path("warn-down-level.yaml");
    SECTION("without --strict") {
        RunResult r = run_cli({"check", path});
        INFO(report(r));
        CHECK(r.status == 0);
        std::vector<std::string> lines = lines_of(r.err);
        REQUIRE(lines.size() == 2);
        CHECK_THAT(lines[0], StartsWith(path + ":23:21: warning: progression from 'Lead' (Senior)"));
        CHECK_THAT(lines[1], StartsWith("1 file checked: 0 errors, 1 warning (2 roles, "));
        CHECK_THAT(lines[1], !Contains("--strict"));
    }
    SECTION("with --strict") {
        RunResult r = run_cli({"check", "--strict", path});
        INFO(report(r));
        CHECK(r.status == 1);
        std::vector<std::string> lines = lines_of(r.err);
        REQUIRE(lines.size() == 2);
        CHECK_THAT(lines[0], StartsWith(path + ":23:21: warning: "));
        CHECK_THAT(lines[1], StartsWith("1 file checked: 0 errors, 1 warning"));
        CHECK_THAT(lines[1], Contains("failed under --strict"));
    }
    SECTION("--strict on a clean file still passes") {
        RunResult r = run_cli({"check", "--strict", data_path("minimal-valid.yaml")});
        INFO(report(r));
        CHECK(r.status == 0);
        CHECK(r.err == "1 file checked: 0 errors, 0 warnings (4 roles, 3 links)\n");
    }
}

TEST_CASE("check passes the shipped catalogues", "[cli][check][data]") {
    RunResult r = run_cli({"check", source_path("data/ncl-career-pathways.yaml"),
                           source_path("data/nhs-management-careers.yaml")});
    INFO(report(r));
    CHECK(r.status == 0);
    CHECK(r.err.find(": error: ") == std::string::npos);
    CHECK_THAT(r.err, Contains("2 files checked: 0 errors, "));
}

TEST_CASE("a catalogue that crashes the loader does not crash check", "[cli][check]") {
    std::string path = data_path("bad-missing-id.yaml");
    RunResult r = run_cli({"check", path});
    INFO(report(r));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, StartsWith(path + ":14:5: error: "));
}

TEST_CASE("export --format json writes to standard output", "[cli][export]") {
    std::string path = data_path("minimal-valid.yaml");
    std::string want = library_json(path);
    SECTION("no -o") {
        RunResult r = run_cli({"export", path, "--format", "json"});
        INFO(report(r));
        CHECK(r.status == 0);
        CHECK(r.out == want);
        CHECK(r.err.empty());
    }
    SECTION("-o -") {
        RunResult r = run_cli({"export", path, "--format", "json", "-o", "-"});
        INFO(report(r));
        CHECK(r.status == 0);
        CHECK(r.out == want);
    }
    SECTION("the output is valid JSON") {
        TempDir dir;
        RunResult r = run_shell(shell_quote(binary_path()) + " export " + shell_quote(path) + " -f json >" +
                                shell_quote(dir.file("out.json")));
        CHECK(r.status == 0);
        REQUIRE(python_available());
        CHECK(valid_json(dir.file("out.json")));
    }
}

TEST_CASE("export --format dot writes DOT to standard output", "[cli][export]") {
    std::string path = data_path("minimal-valid.yaml");
    Diagnostics diags;
    auto c = load_catalogue(path, diags);
    REQUIRE(c.has_value());
    RunResult r = run_cli({"export", path, "--format", "dot"});
    INFO(report(r));
    CHECK(r.status == 0);
    CHECK(r.out == export_dot(*c));
    CHECK_THAT(r.out, StartsWith("digraph pathways {"));
}

TEST_CASE("export -o writes the file and nothing else", "[cli][export]") {
    TempDir dir;
    std::string path = data_path("minimal-valid.yaml"), out = dir.file("pathways.json");
    RunResult r = run_cli({"export", path, "--format", "json", "-o", out});
    INFO(report(r));
    CHECK(r.status == 0);
    CHECK(r.out.empty());
    CHECK(read_file(out) == library_json(path));
    // No temporary file is left beside it.
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir.path())) names.push_back(entry.path().filename().string());
    CHECK(names == std::vector<std::string>{"pathways.json"});

    // Writing again replaces the file.
    write_file(out, "old contents");
    r = run_cli({"export", path, "--format", "dot", "-o", out});
    CHECK(r.status == 0);
    CHECK_THAT(read_file(out), StartsWith("digraph pathways {"));
}

TEST_CASE("export -o into a missing folder exits 3 and leaves no file", "[cli][export]") {
    TempDir dir;
    std::string out = dir.file("no-such-folder/pathways.json");
    RunResult r = run_cli({"export", data_path("minimal-valid.yaml"), "--format", "json", "-o", out});
    INFO(report(r));
    CHECK(r.status == 3);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains("error"));
    CHECK_THAT(r.err, Contains(out));
    CHECK_FALSE(fs::exists(out));
    CHECK_FALSE(fs::exists(dir.file("no-such-folder")));
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("export -o onto a folder exits 3 and leaves no temporary file", "[cli][export]") {
    TempDir dir;
    fs::create_directory(dir.file("taken"));
    RunResult r = run_cli({"export", data_path("minimal-valid.yaml"), "--format", "json", "-o", dir.file("taken")});
    INFO(report(r));
    CHECK(r.status == 3);
    CHECK(fs::is_directory(dir.file("taken")));
    CHECK(fs::is_empty(dir.file("taken")));
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir.path())) names.push_back(entry.path().filename().string());
    CHECK(names == std::vector<std::string>{"taken"});
}

TEST_CASE("export of a bad catalogue exits 1 and writes nothing", "[cli][export]") {
    TempDir dir;
    std::string path = data_path("bad-unknown-level.yaml"), out = dir.file("out.json");
    RunResult r = run_cli({"export", path, "--format", "json", "-o", out});
    INFO(report(r));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, StartsWith(path + ":22:12: error: unknown level 'senoir'"));
    CHECK_FALSE(fs::exists(out));

    RunResult to_stdout = run_cli({"export", path, "--format", "json"});
    CHECK(to_stdout.status == 1);
    CHECK(to_stdout.out.empty());
}

TEST_CASE("export of the NCL catalogue gives valid JSON with every role", "[cli][export][data]") {
    TempDir dir;
    std::string path = source_path("data/ncl-career-pathways.yaml"), out = dir.file("ncl.json");
    RunResult r = run_cli({"export", path, "--format", "json", "-o", out});
    INFO(report(r));
    CHECK(r.status == 0);
    CHECK(r.err.find(": error: ") == std::string::npos);
    CHECK(read_file(out) == library_json(path));
    REQUIRE(python_available());
    CHECK(valid_json(out));
    RunResult count = run_shell("/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); "
                                "print(len(d[\"roles\"]), sum(len(r[\"progresses_to\"]) for r in d[\"roles\"]))' " +
                                shell_quote(out));
    CHECK(count.out == "58 76\n");
}

TEST_CASE("render on a page with no room for the drawing exits 1 with a message and writes nothing", "[cli][render]") {
    TempDir dir;
    std::string style = read_file(source_path("styles/nhs.yaml"));
    std::size_t at = style.find("margin_mm: 15");
    REQUIRE(at != std::string::npos);
    style.replace(at, 13, "margin_mm: 100");  // allowed, but leaves an A4 page almost nothing
    write_file(dir.file("wide-margins.yaml"), style);
    std::string out = dir.file("poster.pdf");
    RunResult r = run_cli({"render", data_path("minimal-valid.yaml"), "--style", dir.file("wide-margins.yaml"), "--page",
                           "A4", "-o", out});
    INFO(report(r));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Contains("error: an A4 landscape page with 100 mm margins has no room for the drawing"));
    CHECK_FALSE(fs::exists(out));
    // The same style on A1 has room.
    r = run_cli({"render", data_path("minimal-valid.yaml"), "--style", dir.file("wide-margins.yaml"), "--page", "A1", "-o", out});
    CHECK(r.status == 0);
    CHECK(fs::exists(out));
}

TEST_CASE("render finds the default style from any folder, and says how many roles it drew", "[cli][render]") {
    TempDir dir;  // not the source tree: no styles/ here
    RunResult r = run_shell("cd " + shell_quote(dir.path().string()) + " && " + shell_quote(binary_path()) + " render " +
                            shell_quote(data_path("minimal-valid.yaml")) + " -o poster.pdf");
    INFO(report(r));
    CHECK(r.status == 0);
    CHECK(fs::exists(dir.file("poster.pdf")));
    CHECK_THAT(r.err, Contains("4 roles, 3 links"));
}
