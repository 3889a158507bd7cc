// Text in scripts the style's font lacks is drawn through Debian's Noto fonts (installed by
// scripts/install-deps); a character no font on the machine draws is a located warning naming it,
// and an error under --strict, instead of a silent box on the poster.
#include <catch2/catch.hpp>

#include <algorithm>

#include "pathways/catalogue.hpp"
#include "pathways/glyph_check.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

/// The minimal catalogue with the health care assistant renamed `name`.
std::string renamed(const std::string& name) {
    std::string text = read_file(data_path("minimal-valid.yaml"));
    std::string from = "name: Health care assistant";
    text.replace(text.find(from), from.size(), "name: \"" + name + "\"");
    return text;
}

const std::string kPrivateUse = "\xEE\x80\x80";  // U+E000, as pasted from an icon font: no font has it

}  // namespace

TEST_CASE("Chinese, Japanese, Korean, Devanagari, Thai, Arabic, Hebrew, Welsh and emoji all draw",
          "[glyphs][fonts]") {
    for (std::string text : {"护士", "看護師", "간호사", "नर्स", "พยาบาล", "ممرضة", "אחות", "Nyrs ŵŷ", "👩‍⚕️ 🩺"}) {
        CAPTURE(text);
        auto missing = missing_glyphs(text, "Liberation Sans");
        CHECK(missing.empty());
    }
}

TEST_CASE("A character no font draws is found and named", "[glyphs][fonts]") {
    auto missing = missing_glyphs("Nurse " + kPrivateUse + " lead", "Liberation Sans");
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].text == kPrivateUse);
    CHECK(code_point_names(missing[0].code_points) == "U+E000");
}

TEST_CASE("check and render warn, located at the role, about characters no font draws", "[glyphs][cli]") {
    TempDir dir;
    std::string path = dir.file("c.yaml");
    std::string text = renamed("Health care " + kPrivateUse + " assistant");
    write_file(path, text);
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(text.find("  - id: health-care-assistant")), '\n'));
    std::string where = path + ":" + std::to_string(line) + ":5: warning: no font on this machine draws '" + kPrivateUse + "' (U+E000)";

    auto checked = run_cli({"check", path});
    CHECK(checked.status == 0);
    CHECK_THAT(checked.err, Contains(where));
    CHECK(run_cli({"check", "--strict", path}).status == 1);

    auto rendered = run_cli({"render", path, "-o", dir.file("p.svg"), "--style", source_path("styles/nhs.yaml")});
    CHECK(rendered.status == 0);
    CHECK_THAT(rendered.err, Contains(where));

    auto strict = run_cli({"render", path, "-o", dir.file("q.svg"), "--strict", "--style", source_path("styles/nhs.yaml")});
    CHECK(strict.status == 1);
    CHECK_THAT(strict.err, Contains(": error: no font on this machine draws"));
    CHECK_FALSE(fs::exists(dir.file("q.svg")));
}

TEST_CASE("A catalogue in other scripts renders with no warning", "[glyphs][cli]") {
    TempDir dir;
    std::string path = dir.file("c.yaml");
    write_file(path, renamed("护士 नर्स พยาบาล 👩‍⚕️"));
    auto r = run_cli({"render", path, "-o", dir.file("p.pdf"), "--style", source_path("styles/nhs.yaml")});
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.err.find("warning") == std::string::npos);
}

TEST_CASE("build shows characters no font draws, located", "[glyphs][cli][build]") {
    TempDir dir;
    write_file(dir.file("c.yaml"), renamed("Health care " + kPrivateUse + " assistant"));
    fs::copy_file(source_path("styles/nhs.yaml"), dir.file("style.yaml"));
    write_file(dir.file("posters.yaml"), "title: T\ncatalogues: {c: c.yaml}\nstyle: style.yaml\noutput: out\n"
                                         "posters:\n  - {name: c, catalogue: c, page: A4, formats: [svg]}\n");
    auto r = run_cli({"build", dir.file("posters.yaml")});
    CHECK(r.status == 0);
    CHECK_THAT(r.err + r.out, Contains(": warning: no font on this machine draws '" + kPrivateUse + "' (U+E000)"));
}
