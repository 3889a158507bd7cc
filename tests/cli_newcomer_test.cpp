// The command-line traps a newcomer falls into, each answered: misspelt and unknown commands get
// the list and the nearest one; `render` writes to standard output, refuses a format its output's
// name contradicts, takes any case; an oversized PNG is refused with a dpi that works; `build`
// prints the inputs' warning count only when it changed (or with --verbose).
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "test_support.hpp"

using namespace pathways::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::string report(const RunResult& r) {
    return "status " + std::to_string(r.status) + "\n--- stdout:\n" + r.out.substr(0, 2000) + "\n--- stderr:\n" + r.err;
}

/// Runs the CLI from inside `dir` (so a stray file named "-" would land there).
RunResult run_in(const TempDir& dir, const std::vector<std::string>& arguments) {
    std::string command = "cd " + shell_quote(dir.path().string()) + " && " + shell_quote(binary_path());
    for (const auto& a : arguments) command += " " + shell_quote(a);
    return run_shell(command);
}

}  // namespace

TEST_CASE("a misspelt command is answered with the nearest one and the list of commands", "[cli][newcomer]") {
    RunResult r = run_cli({"rendr", data_path("minimal-valid.yaml"), "-o", "x.pdf"});
    INFO(report(r));
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Contains("unknown command 'rendr' (did you mean 'render'?)"));
    for (const char* command : {"check", "export", "render", "build"}) CHECK_THAT(r.err, Contains(std::string("  ") + command));
    CHECK_THAT(r.err, !Contains("A subcommand is required"));
}

TEST_CASE("no command, or an unknown option, lists the commands; -V suggests --version", "[cli][newcomer]") {
    RunResult none = run_cli({});
    INFO(report(none));
    CHECK(none.status == 2);
    CHECK_THAT(none.err, Contains("no command given"));
    CHECK_THAT(none.err, Contains("  render"));

    RunResult v = run_cli({"-V"});
    INFO(report(v));
    CHECK(v.status == 2);
    CHECK_THAT(v.err, Contains("unknown option '-V' (did you mean '--version'?)"));
    CHECK_THAT(v.err, Contains("  build"));
}

TEST_CASE("'pathways help' shows the help, 'pathways help COMMAND' that command's", "[cli][newcomer]") {
    RunResult all = run_cli({"help"});
    INFO(report(all));
    CHECK(all.status == 0);
    CHECK_THAT(all.out, Contains("render"));
    CHECK_THAT(all.out, Contains("--version"));

    RunResult render = run_cli({"help", "render"});
    INFO(report(render));
    CHECK(render.status == 0);
    CHECK_THAT(render.out, Contains("--dpi"));

    RunResult typo = run_cli({"help", "biuld"});
    INFO(report(typo));
    CHECK(typo.status == 2);
    CHECK_THAT(typo.err, Contains("(did you mean 'build'?)"));
}

TEST_CASE("render -o - writes the poster to standard output when the format is given", "[cli][newcomer]") {
    TempDir dir;
    RunResult r = run_in(dir, {"render", data_path("minimal-valid.yaml"), "--format", "svg", "-o", "-"});
    INFO(report(r));
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Contains("<svg"));
    CHECK_THAT(r.out, Contains("Health care assistant"));
    CHECK_THAT(r.err, StartsWith("wrote standard output: "));
    CHECK_FALSE(fs::exists(dir.path() / "-"));

    RunResult pdf = run_in(dir, {"render", data_path("minimal-valid.yaml"), "--format", "PDF", "-o", "-"});
    CHECK(pdf.status == 0);
    CHECK_THAT(pdf.out, StartsWith("%PDF-"));

    RunResult unformatted = run_in(dir, {"render", data_path("minimal-valid.yaml"), "-o", "-"});
    INFO(report(unformatted));
    CHECK(unformatted.status == 2);
    CHECK_THAT(unformatted.err, Contains("needs the format: add --format pdf, svg, png or html"));
    CHECK(unformatted.out.empty());
}

TEST_CASE("a format that disagrees with the output's extension is refused", "[cli][newcomer]") {
    TempDir dir;
    RunResult r = run_in(dir, {"render", data_path("minimal-valid.yaml"), "--format", "png", "-o", "x.pdf"});
    INFO(report(r));
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Contains("--format png but 'x.pdf' is named .pdf: they must agree"));
    CHECK_FALSE(fs::exists(dir.path() / "x.pdf"));
}

TEST_CASE("extensions, formats and page sizes are taken in any case", "[cli][newcomer]") {
    TempDir dir;
    RunResult r = run_in(dir, {"render", data_path("minimal-valid.yaml"), "--page", "a3", "-o", "poster.PDF"});
    INFO(report(r));
    CHECK(r.status == 0);
    CHECK_THAT(r.err, Contains("wrote poster.PDF: A3 "));
    CHECK_THAT(read_file(dir.file("poster.PDF")), StartsWith("%PDF-"));

    RunResult png = run_in(dir, {"render", data_path("minimal-valid.yaml"), "--page", "A4", "--dpi", "20", "-o", "small.Png"});
    INFO(report(png));
    CHECK(png.status == 0);
    CHECK_THAT(read_file(dir.file("small.Png")), StartsWith("\x89PNG"));
}

TEST_CASE("a PNG too large to draw is refused with its pixel size and a dpi that works", "[cli][newcomer][png]") {
    TempDir dir;
    RunResult r = run_in(dir, {"render", data_path("minimal-valid.yaml"), "--page", "A0", "--portrait", "--dpi", "1200",
                               "-o", "huge.png"});
    INFO(report(r));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Contains("1200 dpi would be 39732 x 56173 pixels"));
    CHECK_THAT(r.err, Contains("use --dpi 401 or less"));
    CHECK_THAT(r.err, !Contains("invalid value"));  // not Cairo's words
    CHECK_FALSE(fs::exists(dir.file("huge.png")));
}

TEST_CASE("build prints the inputs' warning count when it changed, or with --verbose", "[cli][newcomer][build]") {
    TempDir dir;
    fs::copy_file(data_path("warn-within-level.yaml"), dir.file("roles.yaml"));
    write_file(dir.file("posters.yaml"), "catalogue: roles.yaml\nstyle: " + source_path("styles/nhs.yaml") +
                                             "\noutput: out\nposters:\n  - name: p\n    formats: [svg]\n");
    RunResult first = run_cli({"build", dir.file("posters.yaml"), "-j", "1"});
    INFO(report(first));
    CHECK(first.status == 0);
    CHECK_THAT(first.err, Contains("the inputs have 1 warning; see them with 'pathways check' or --verbose"));
    CHECK_THAT(first.err, Contains("accept_warnings:"));

    RunResult again = run_cli({"build", dir.file("posters.yaml"), "-j", "1"});
    INFO(report(again));
    CHECK(again.status == 0);
    CHECK_THAT(again.err, !Contains("warning"));

    RunResult verbose = run_cli({"build", dir.file("posters.yaml"), "-j", "1", "--verbose"});
    INFO(report(verbose));
    CHECK_THAT(verbose.err, Contains("roles.yaml:18:21: warning: progression from 'Assistant' to 'Receptionist'"));
    CHECK_THAT(verbose.err, Contains("the inputs have 1 warning"));

    // A second warning (a role with no links) changes the count: it is printed with the last one.
    write_file(dir.file("roles.yaml"), read_file(dir.file("roles.yaml")) +
                                           "  - {id: porter, name: Porter, level: entry, settings: [primary], summary: Carries.}\n");
    RunResult changed = run_cli({"build", dir.file("posters.yaml"), "-j", "1"});
    INFO(report(changed));
    CHECK_THAT(changed.err, Contains("the inputs have 2 warnings (1 last time)"));
}
