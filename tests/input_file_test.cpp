// Input files that are not what they seem get true messages located at the file: a missing file,
// a folder, a device like /dev/zero, a named pipe (never waited on), a file over the size limit,
// UTF-16 text, old-Mac line ends (accepted), YAML merge keys; and a big file without aliases is
// not mistaken for an alias bomb.
#include <catch2/catch.hpp>

#include <chrono>

#include <sys/stat.h>

#include "pathways/catalogue.hpp"
#include "pathways/yaml_reader.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::string only_message(const Diagnostics& diags) {
    REQUIRE(diags.all().size() == 1);
    return format(diags.all().front());
}

}  // namespace

TEST_CASE("files that cannot be read get a true message naming the file", "[input][errors]") {
    TempDir dir;
    SECTION("missing") {
        Diagnostics d;
        CHECK_FALSE(load_catalogue(dir.file("absent.yaml"), d));
        CHECK(only_message(d) == dir.file("absent.yaml") + ": error: cannot open file: there is no such file");
    }
    SECTION("a folder") {
        Diagnostics d;
        CHECK_FALSE(load_catalogue(dir.path().string(), d));
        CHECK(only_message(d) == dir.path().string() + ": error: is a folder, not a file");
    }
    SECTION("/dev/zero: refused at once, with no made-up size") {
        Diagnostics d;
        auto start = std::chrono::steady_clock::now();
        CHECK_FALSE(load_catalogue("/dev/zero", d));
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(500));
        std::string m = only_message(d);
        CHECK_THAT(m, StartsWith("/dev/zero: error: is a device"));
        CHECK_THAT(m, !Contains("bytes"));
    }
    SECTION("over the size limit") {
        std::string path = dir.file("big.yaml");
        write_file(path, std::string(5 * 1024 * 1024, '#'));
        Diagnostics d;
        CHECK_FALSE(load_catalogue(path, d));
        CHECK(only_message(d) == path + ": error: file is 5242880 bytes (5.0 MiB); the limit is 4194304 bytes (4.0 MiB)");
    }
}

TEST_CASE("a named pipe is refused, not waited on", "[input][errors][cli]") {
    TempDir dir;
    std::string fifo = dir.file("pipe.yaml");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto r = run_shell("timeout 10 " + shell_quote(binary_path()) + " check " + shell_quote(fifo));
    CHECK(r.status == 1);  // 124 if it blocked until the timeout
    CHECK_THAT(r.err, StartsWith(fifo + ": error: is a named pipe, not a file"));
}

TEST_CASE("UTF-16 text is named as such, not as a NUL byte", "[input][encoding]") {
    std::string utf8 = read_file(data_path("minimal-valid.yaml"));
    std::string le, be;
    for (char c : utf8) {  // the fixture is ASCII
        le += c;
        le += '\0';
        be += '\0';
        be += c;
    }
    for (const auto& text : {le, be, "\xFF\xFE" + le}) {
        Diagnostics d;
        CHECK_FALSE(parse_catalogue(text, "u16.yaml", d));
        std::string m = only_message(d);
        CHECK_THAT(m, StartsWith("u16.yaml:1:1: error: file is UTF-16 text, not UTF-8"));
        CHECK_THAT(m, !Contains("NUL"));
    }
}

TEST_CASE("old-Mac line ends (CR only) are read as line ends", "[input][encoding]") {
    std::string text = read_file(data_path("minimal-valid.yaml"));
    for (auto& c : text)
        if (c == '\n') c = '\r';
    Diagnostics d;
    auto c = parse_catalogue(text, "mac.yaml", d);
    INFO(dump(d));
    REQUIRE(c);
    CHECK(c->roles.size() == 4);
    CHECK(d.errors() == 0);

    // Places are still right: a typo on line 3 is reported on line 3.
    text.replace(text.find("publisher:"), 10, "publishr:");
    Diagnostics bad;
    CHECK_FALSE(parse_catalogue(text, "mac.yaml", bad));
    CHECK_THAT(dump(bad), Contains("mac.yaml:3:1: error: unknown key 'publishr'"));
}

TEST_CASE("YAML merge keys are reported as not supported, where they are", "[input][yaml]") {
    std::string text = read_file(data_path("minimal-valid.yaml"));
    text.replace(text.find("settings:\n"), 10, "base: &base {level: support}\nsettings:\n");
    text.replace(text.find("    name: Nursing associate\n"), 28, "    name: Nursing associate\n    <<: *base\n");
    Diagnostics d;
    CHECK_FALSE(parse_catalogue(text, "merge.yaml", d));
    CHECK_THAT(dump(d), Contains(": error: merge keys ('<<') are not supported"));
    REQUIRE_FALSE(d.all().empty());
    CHECK(d.all().front().where.line > 0);
}

TEST_CASE("a big file without aliases is not refused as an alias bomb", "[input][hostile]") {
    // 1,000,000 one-letter items: 3 MB, under the 4 MiB limit, 5x the old 200,000-node cap.
    std::string text = "[a";
    for (int i = 1; i < 1'000'000; ++i) text += ",a";
    text += "]\n";
    REQUIRE(text.size() < YamlLimits{}.max_bytes);
    Diagnostics d;
    auto node = parse_yaml(text, "big.yaml", d);
    INFO(dump(d));
    REQUIRE(node);
    CHECK(node->size() == 1'000'000);
}
