// `build` judges each poster's readability as `render` judges one (#15): a view too big for its
// page fails at once (unless --allow-crowded), text under the floor is a warning under that
// poster's name, and --strict fails that poster alone, keeping its previous files.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;
using Catch::Matchers::Contains;

namespace {

/// `roles` roles side by side at one level over three settings, each leading nowhere.
std::string side_by_side(int roles) {
    std::string t = "title: T\npublisher: P\nsource: S\nversion: \"1\"\nsetting_dimension: Setting\n"
                    "accept_warnings: [no-links]\nlevels:\n  - {id: l0, name: Level 0, description: A level.}\n"
                    "settings:\n";
    for (int s = 0; s < 3; ++s)
        t += "  - {id: s" + std::to_string(s) + ", name: Setting " + std::to_string(s) + ", description: A setting.}\n";
    t += "roles:\n";
    for (int i = 0; i < roles; ++i)
        t += "  - {id: r" + std::to_string(i) + ", name: Role " + std::to_string(i) + ", level: l0, settings: [s" +
             std::to_string(i % 3) + "], summary: A role.}\n";
    return t;
}

/// A manifest of three A4 posters: a readable one, one of 60 roles (text under the floor) and one
/// of 130 (more than an A4 page holds), the last two kept to one page (`series: off`).
struct ThreePosters {
    TempDir dir;
    ThreePosters() {
        write_file(dir.file("fine.yaml"), read_file(data_path("minimal-valid.yaml")));
        write_file(dir.file("small-text.yaml"), side_by_side(60));
        write_file(dir.file("crowded.yaml"), side_by_side(130));
        write_file(dir.file("posters.yaml"),
                   "title: Set\ncatalogues: {fine: fine.yaml, small-text: small-text.yaml, crowded: crowded.yaml}\n"
                   "style: " + source_path("styles/nhs.yaml") + "\noutput: out\nposters:\n"
                   "  - {name: fine, catalogue: fine, page: A4, formats: [svg]}\n"
                   "  - {name: small-text, catalogue: small-text, page: A4, series: off, formats: [svg]}\n"
                   "  - {name: crowded, catalogue: crowded, page: A4, series: off, formats: [svg]}\n");
    }
    RunResult build(std::vector<std::string> flags = {}) const {
        std::vector<std::string> args{"build", dir.file("posters.yaml"), "-j", "1"};
        args.insert(args.end(), flags.begin(), flags.end());
        return run_cli(args);
    }
    std::string out(const std::string& name) const { return dir.file("out/" + name); }
};

}  // namespace

TEST_CASE("build fails a poster too crowded for its page, at once, and builds the others", "[build][readability]") {
    ThreePosters set;
    auto r = set.build();
    CHECK(r.status == 3);
    CHECK_THAT(r.err, Contains("poster 'crowded' failed: 130 roles are too many for one readable A4 poster (at most "
                               "about 120): leave out 'series: off' to print it as a series of sheets"));
    CHECK_FALSE(fs::exists(set.out("crowded.svg")));
    CHECK(fs::exists(set.out("fine.svg")));
    CHECK(fs::exists(set.out("small-text.svg")));
    // Text under the floor is a warning shown under that poster's name, not lost in the log.
    CHECK_THAT(r.err, Contains("note: while building 'small-text':\n" + set.dir.file("small-text.yaml") +
                               ": warning: role names would print at "));
    CHECK(r.err.find("while building 'fine'") == std::string::npos);

    auto crowded = set.build({"--allow-crowded"});
    CHECK(crowded.status == 0);
    CHECK(fs::exists(set.out("crowded.svg")));
}

TEST_CASE("build --strict fails a poster nobody could read and keeps its previous files", "[build][readability]") {
    ThreePosters set;
    REQUIRE(set.build().status == 3);
    std::string before = read_file(set.out("small-text.svg"));
    auto r = set.build({"--strict"});
    CHECK(r.status == 3);
    CHECK_THAT(r.err, Contains("poster 'small-text' failed: its text would not be readable (--strict):\n" +
                               set.dir.file("small-text.yaml") + ": error: role names would print at "));
    CHECK(read_file(set.out("small-text.svg")) == before);
    CHECK(r.err.find("poster 'fine' failed") == std::string::npos);
    // Up to date without --strict is not up to date with it: the readable poster was judged again.
    CHECK_THAT(r.err, Contains("built fine"));
}

TEST_CASE("build --strict fails a poster whose role name is cut short to fit, naming the role", "[build][readability]") {
    TempDir dir;
    std::string text = read_file(data_path("minimal-valid.yaml"));
    std::string from = "name: General practice nurse";
    text.replace(text.find(from), from.size(), "name: " + std::string(120, 'n') + " nurse");
    write_file(dir.file("c.yaml"), text);
    write_file(dir.file("posters.yaml"), "title: Set\ncatalogues: {c: c.yaml}\nstyle: " + source_path("styles/nhs.yaml") +
                                              "\noutput: out\nposters:\n  - {name: p, catalogue: c, page: A3, formats: [svg]}\n");
    auto plain = run_cli({"build", dir.file("posters.yaml")});
    CHECK(plain.status == 0);
    CHECK_THAT(plain.err, Contains("warning: the name of role 'general-practice-nurse' (126 characters) is too long for a box"));
    auto strict = run_cli({"build", dir.file("posters.yaml"), "--strict"});
    CHECK(strict.status == 3);
    CHECK_THAT(strict.err, Contains("poster 'p' failed: its text would not be readable (--strict):"));
    CHECK_THAT(strict.err, Contains("error: the name of role 'general-practice-nurse' (126 characters) is too long"));
}
