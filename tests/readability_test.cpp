// Posters nobody can read do not pass quietly: labels under the page's floor, settings sharing a
// colour, names too long for a box and right-to-left overrides are warnings (errors under
// --strict), and a catalogue far too big for one page is refused at once with advice.
#include <catch2/catch.hpp>

#include <chrono>
#include <functional>

#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;
using Catch::Matchers::Contains;

namespace {

/// A generated catalogue: `roles` roles over `levels` levels and `settings` settings, role i
/// named `name(i)`, each leading to the next one up.
std::string generated(int roles, int settings, int levels, const std::function<std::string(int)>& name) {
    std::string t = "title: T\npublisher: P\nsource: S\nversion: \"1\"\nsetting_dimension: Setting\nlevels:\n";
    for (int l = 0; l < levels; ++l)
        t += "  - {id: l" + std::to_string(l) + ", name: Level " + std::to_string(l) + ", description: A level.}\n";
    t += "settings:\n";
    for (int s = 0; s < settings; ++s)
        t += "  - {id: s" + std::to_string(s) + ", name: Setting " + std::to_string(s) + ", description: A setting.}\n";
    t += "roles:\n";
    for (int i = 0; i < roles; ++i) {
        t += "  - id: r" + std::to_string(i) + "\n    name: \"" + name(i) + "\"\n    level: l" + std::to_string(i % levels) +
             "\n    settings: [s" + std::to_string(i % settings) + "]\n    summary: A role.\n";
        if ((i + 1) % levels && i + 1 < roles) t += "    progresses_to: [r" + std::to_string(i + 1) + "]\n";
    }
    return t;
}

std::string numbered(int i) { return "Role " + std::to_string(i); }

RunResult render(const TempDir& dir, const std::string& text, std::vector<std::string> extra) {
    write_file(dir.file("c.yaml"), text);
    std::vector<std::string> args{"render", dir.file("c.yaml"), "-o", dir.file("p.svg"), "--style",
                                  source_path("styles/nhs.yaml")};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args);
}

}  // namespace

TEST_CASE("Role labels under the page's floor are a warning, an error under --strict", "[readability][cli]") {
    TempDir dir;
    std::string text = generated(60, 3, 1, numbered);  // 60 roles side by side on A4
    auto r = render(dir, text, {"--page", "A4", "--series", "off"});
    CHECK(r.status == 0);
    CHECK_THAT(r.err, Contains(dir.file("c.yaml") + ": warning: role names would print at "));
    CHECK_THAT(r.err, Contains("under the 9.0 pt floor for A4"));

    fs::remove(dir.file("p.svg"));
    auto strict = render(dir, text, {"--page", "A4", "--strict", "--series", "off"});
    CHECK(strict.status == 1);
    CHECK_FALSE(fs::exists(dir.file("p.svg")));

    // The same catalogue on A0 is readable: no warning.
    auto big = render(dir, text, {"--page", "A0"});
    CHECK(big.status == 0);
    CHECK(big.err.find("warning") == std::string::npos);
}

TEST_CASE("Settings that share a colour are a warning at the setting", "[readability][cli]") {
    TempDir dir;
    // The NHS style's fallback palette has nine colours: the tenth setting repeats the first.
    auto r = render(dir, generated(12, 12, 3, numbered), {"--page", "A1"});
    CHECK(r.status == 0);
    CHECK_THAT(r.err, Contains("warning: setting 'Setting 9' is shown in the same colour"));
    CHECK_THAT(r.err, Contains("as 'Setting 0'"));
    CHECK_THAT(r.err, Contains(dir.file("c.yaml") + ":20:5: warning: setting 'Setting 9'"));
}

TEST_CASE("A catalogue far too big for one page is refused at once, saying what to do", "[readability][cli]") {
    TempDir dir;
    auto start = std::chrono::steady_clock::now();
    // (With the default `--series auto` it becomes a series of sheets instead: series_test.cpp.)
    auto r = render(dir, generated(1000, 5, 5, numbered), {"--page", "A1", "--series", "off"});
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Contains("1000 roles are too many for one readable A1 poster"));
    CHECK_THAT(r.err, Contains("a view or a series of posters"));
    CHECK_FALSE(fs::exists(dir.file("p.svg")));
}

TEST_CASE("Names too long for a box, and right-to-left overrides, are warnings at the role", "[readability][cli]") {
    TempDir dir;
    std::string rlo = "\xE2\x80\xAE";  // U+202E RIGHT-TO-LEFT OVERRIDE
    auto name = [&](int i) {
        return i == 1 ? std::string(300, 'x') : i == 2 ? "Nurse " + rlo + "reganam" : numbered(i);
    };
    write_file(dir.file("c.yaml"), generated(4, 2, 2, name));
    auto r = run_cli({"check", dir.file("c.yaml")});
    CHECK(r.status == 0);
    CHECK_THAT(r.err, Contains("warning: the name of role 'r1' (300 characters) is too long for a box: it prints cut short"));
    CHECK_THAT(r.err, Contains("warning: role 'r2' holds a right-to-left override"));
    CHECK(run_cli({"check", "--strict", dir.file("c.yaml")}).status == 1);
}

TEST_CASE("Panels with no room on the poster are named, not dropped silently", "[readability][cli]") {
    TempDir dir;
    std::string words;  // a long panel text: 120 words
    for (int k = 0; k < 120; ++k) words += (k ? " " : "") + std::string("words");
    std::string text = generated(6, 2, 2, numbered) + "panels:\n";
    for (int i = 0; i < 12; ++i) text += "  - title: Panel " + std::to_string(i) + "\n    text: " + words + "\n";
    auto r = render(dir, text, {"--page", "A4"});
    CHECK(r.status == 0);
    CHECK_THAT(r.err, Contains("panel 'Panel 11' not shown: no room on the A4"));
    CHECK_THAT(r.err, Contains("no back page (use --back)"));
    auto roomy = render(dir, generated(6, 2, 2, numbered), {"--page", "A4"});
    CHECK(roomy.err.find("not shown") == std::string::npos);
}
