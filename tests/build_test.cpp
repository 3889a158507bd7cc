// Batch builds: what a build writes, incremental rebuilds decided by content, all-or-nothing
// poster files, the index page, and (through the CLI, in worker processes) -j and exit statuses.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "pathways/batch.hpp"
#include "pathways/dot_export.hpp"
#include "pathways/output.hpp"
#include "pathways/version.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

namespace fs = std::filesystem;

const std::string kRoot = PATHWAYS_SOURCE_DIR;

std::string slurp(const fs::path& path) { return read_file(path.string()); }
void spit(const fs::path& path, const std::string& bytes) { write_file(path.string(), bytes); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// A temporary folder holding a small poster set: two copies of the minimal catalogue (a, b), a
/// copy of the NHS style and a manifest, building into `out/`. Removed at the end.
class PosterSet {
public:
    PosterSet() {
        static std::atomic<int> counter{0};
        dir_ = fs::temp_directory_path() /
               ("pathways-build-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        fs::copy_file(kRoot + "/tests/data/minimal-valid.yaml", dir_ / "a.yaml");
        fs::copy_file(kRoot + "/tests/data/minimal-valid.yaml", dir_ / "b.yaml");
        fs::copy_file(kRoot + "/styles/nhs.yaml", dir_ / "style.yaml");
        write_manifest();
    }
    ~PosterSet() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    PosterSet(const PosterSet&) = delete;
    PosterSet& operator=(const PosterSet&) = delete;

    void write_manifest(const std::string& community_title = "Community <nursing> & care",
                        const std::string& extra = "") {
        spit(dir_ / "posters.yaml",
             "title: Test set & <friends>\n"
             "catalogues: {a: a.yaml, b: b.yaml}\n"
             "style: style.yaml\n"
             "output: out\n"
             "posters:\n"
             "  - {name: a-all, catalogue: a, page: A4, formats: [pdf, png], dpi: 20, back: off}\n"
             "  - name: a-community\n"
             "    catalogue: a\n"
             "    title: \"" + community_title + "\"\n"
             "    view: {settings: [community]}\n"
             "    page: A4\n"
             "    orientation: portrait\n"
             "    formats: [pdf, svg, embed-svg]\n"
             "  - {name: b-all, catalogue: b, page: A4, formats: [png], dpi: 20, back: off}\n" +
                 extra);
    }

    fs::path path(const std::string& name) const { return dir_ / name; }
    fs::path out(const std::string& name = "") const { return name.empty() ? dir_ / "out" : dir_ / "out" / name; }
    std::string manifest() const { return (dir_ / "posters.yaml").string(); }

    BuildPlan plan() const {
        Diagnostics d;
        auto p = load_build_plan(manifest(), d);
        std::string all;
        for (const auto& x : d.all()) all += format(x) + "\n";
        INFO(all);
        REQUIRE(p);
        return std::move(*p);
    }

    /// Builds in this process, one poster at a time (Graphviz runs here).
    BuildReport build(bool force = false) {
        BuildPlan p = plan();
        BuildOptions o;
        o.isolate = false;
        o.force = force;
        o.progress = ProgressMode::Lines;
        log_.str("");
        o.log = &log_;
        o.build_date = "1 January 2026";
        return run_build(p, o);
    }
    std::string log() const { return log_.str(); }

    /// Every file in out/ (name -> bytes).
    std::map<std::string, std::string> files() const {
        std::map<std::string, std::string> all;
        for (const auto& e : fs::directory_iterator(out()))
            all[e.path().filename().string()] = e.is_directory() ? "(folder)" : slurp(e.path());
        return all;
    }
    std::map<std::string, fs::file_time_type> times() const {
        std::map<std::string, fs::file_time_type> all;
        for (const auto& e : fs::directory_iterator(out())) all[e.path().filename().string()] = fs::last_write_time(e.path());
        return all;
    }

private:
    fs::path dir_;
    std::ostringstream log_;
};

std::set<std::string> built_names(const BuildReport& r) {
    std::set<std::string> out;
    for (const auto& p : r.posters)
        if (p.status == PosterOutcome::Status::Built) out.insert(p.name);
    return out;
}

/// Runs the built CLI through the shell (standard error merged into the captured output).
RunResult run_cli(const std::string& arguments, const std::string& env = "SOURCE_DATE_EPOCH=1767225600") {
    return run_shell(env + " " + shell_quote(PATHWAYS_BINARY) + " " + arguments + " 2>&1");
}

std::pair<unsigned, unsigned> png_size(const std::string& bytes) {
    REQUIRE(bytes.size() > 24);
    REQUIRE(bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    auto at = [&](std::size_t i) {
        return (static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 24) |
               (static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 16) |
               (static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 2])) << 8) |
               static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 3]));
    };
    return {at(16), at(20)};
}

}  // namespace

TEST_CASE("FNV-1a matches its published test vectors", "[build]") {
    CHECK(Fnv1a().add("").hex() == "cbf29ce484222325");
    CHECK(Fnv1a().add("a").hex() == "af63dc4c8601ec8c");
    CHECK(Fnv1a().add("foobar").hex() == "85944171f73967e8");
    CHECK(Fnv1a().field("ab").field("c").hex() != Fnv1a().field("a").field("bc").hex());
}

TEST_CASE("SOURCE_DATE_EPOCH pins the build date", "[build]") {
    const char* old = std::getenv("SOURCE_DATE_EPOCH");
    std::string saved = old ? old : "";
    ::setenv("SOURCE_DATE_EPOCH", "1767225600", 1);  // 2026-01-01T00:00:00Z
    BuildDate pinned = resolve_build_date();
    CHECK(pinned.text == "1 January 2026");
    CHECK(pinned.pinned);
    ::setenv("SOURCE_DATE_EPOCH", "not a number", 1);
    CHECK_FALSE(resolve_build_date().pinned);
    ::unsetenv("SOURCE_DATE_EPOCH");
    BuildDate today = resolve_build_date();
    CHECK_FALSE(today.pinned);
    CHECK_FALSE(today.text.empty());
    if (old) ::setenv("SOURCE_DATE_EPOCH", saved.c_str(), 1);
}

TEST_CASE("A build writes every poster's formats, a thumbnail, the state and the index page", "[build]") {
    PosterSet set;
    BuildReport r = set.build();
    INFO(set.log());
    CHECK(r.ok());
    CHECK(r.built == 3);
    CHECK(r.up_to_date == 0);
    auto files = set.files();
    std::set<std::string> names;
    for (const auto& [name, _] : files) names.insert(name);
    CHECK(names == std::set<std::string>{".pathways-state.json", "index.html", "a-all.pdf", "a-all.png",
                                         "a-all.thumb.png", "a-community.pdf", "a-community.svg", "a-community-back.svg",
                                         "a-community.embed.svg", "a-community.thumb.png", "b-all.png",
                                         "b-all.thumb.png"});
    CHECK(files["a-all.pdf"].rfind("%PDF-", 0) == 0);
    CHECK(contains(files["a-community.svg"], "<svg"));
    CHECK(contains(files["a-community.embed.svg"], "<svg"));
    // The embeddable SVG prefixes its ids with the poster's name.
    CHECK(contains(files["a-community.embed.svg"], "a-community"));
    // PNG at the poster's dpi: A4 landscape (the style's orientation) at 20 dpi.
    auto [w, h] = png_size(files["a-all.png"]);
    CHECK(w == 234);
    CHECK(h == 165);
    // Thumbnails are small, the longer side kThumbnailPixels.
    auto [tw, th] = png_size(files["a-community.thumb.png"]);
    CHECK(th == static_cast<unsigned>(kThumbnailPixels));
    CHECK(tw < th);  // portrait
    // Progress: one line per poster and a summary.
    CHECK(contains(set.log(), "[1/3] built a-all"));
    CHECK(contains(set.log(), "[3/3] built b-all"));
    CHECK(contains(set.log(), "pathways build: 3 built, 0 up to date, 0 failed, of 3 posters in"));
}

TEST_CASE("A poster can also write its graph as data: JSON and DOT of exactly its view", "[build]") {
    PosterSet set;
    set.write_manifest("Community", "  - {name: a-data, catalogue: a, view: {settings: [community]}, formats: [json, dot]}\n");
    BuildReport r = set.build();
    INFO(set.log());
    REQUIRE(r.ok());
    // The community view: three roles; their progressions all lead to a general practice role.
    std::string json = slurp(set.out("a-data.json"));
    for (const char* id : {"health-care-assistant", "nursing-associate", "advanced-nurse-practitioner"})
        CHECK(contains(json, std::string("{\"id\": \"") + id + "\""));
    CHECK_FALSE(contains(json, "{\"id\": \"general-practice-nurse\""));
    CHECK_FALSE(contains(json, "\"progresses_to\": [\""));
    std::optional<DotGraph> g = parse_dot(slurp(set.out("a-data.dot")));
    REQUIRE(g);
    CHECK(g->nodes.size() == 3);
    CHECK(g->edges.empty());
    // The index links the data; the thumbnail opens itself when a poster has no picture format.
    std::string html = slurp(set.out(kIndexFile));
    CHECK(contains(html, "<a href=\"a-data.json\">JSON data</a><a href=\"a-data.dot\">DOT graph</a>"));
    CHECK(contains(html, "<a class=\"thumb\" href=\"a-data.thumb.png\">"));
    CHECK(contains(html, "<a class=\"thumb\" href=\"a-all.pdf\">"));
}

TEST_CASE("The index page shows every poster with its thumbnail, links, catalogue and date, escaped", "[build]") {
    PosterSet set;
    REQUIRE(set.build().ok());
    std::string html = slurp(set.out("index.html"));
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(html, "<title>Test set &amp; &lt;friends&gt;</title>"));
    CHECK(contains(html, "<h2>Community &lt;nursing&gt; &amp; care</h2>"));
    CHECK_FALSE(contains(html, "<nursing>"));
    for (const char* name : {"a-all", "a-community", "b-all"}) {
        INFO(name);
        CHECK(contains(html, std::string("<img src=\"") + name + ".thumb.png\""));
        CHECK(contains(html, std::string("id=\"poster-") + name + "\""));
    }
    for (const char* file : {"a-all.pdf", "a-all.png", "a-community.pdf", "a-community.svg", "a-community-back.svg", "a-community.embed.svg",
                             "b-all.png"})
        CHECK(contains(html, std::string("href=\"") + file + "\""));
    CHECK_FALSE(contains(html, "href=\"b-all.pdf\""));  // b-all is PNG only
    CHECK(contains(html, "Nursing in primary and community care"));
    CHECK(contains(html, "Built 1 January 2026"));
    CHECK(contains(html, "Community \xC2\xB7 A4 portrait"));
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "http://"));  // self-contained: relative links only
    CHECK_FALSE(contains(html, "https://"));
}

TEST_CASE("An unchanged rebuild renders nothing and says everything is up to date", "[build]") {
    PosterSet set;
    REQUIRE(set.build().ok());
    auto files = set.files();
    auto times = set.times();
    BuildReport again = set.build();
    CHECK(again.ok());
    CHECK(again.built == 0);
    CHECK(again.up_to_date == 3);
    CHECK(contains(set.log(), "everything is up to date (3 posters"));
    CHECK(set.files() == files);
    CHECK(set.times() == times);  // not even rewritten (the index page and state included)
}

TEST_CASE("A changed catalogue rebuilds only the posters that use it", "[build]") {
    PosterSet set;
    REQUIRE(set.build().ok());
    auto before = set.files();
    // Any change of bytes counts, even a comment: the decision is by content, not by time.
    spit(set.path("b.yaml"), slurp(set.path("b.yaml")) + "# edited\n");
    BuildReport r = set.build();
    CHECK(built_names(r) == std::set<std::string>{"b-all"});
    CHECK(r.up_to_date == 2);
    auto after = set.files();
    CHECK(after["a-all.pdf"] == before["a-all.pdf"]);
    CHECK(after["a-community.svg"] == before["a-community.svg"]);

    SECTION("and touching a file without changing it rebuilds nothing") {
        fs::last_write_time(set.path("a.yaml"), fs::file_time_type::clock::now() + std::chrono::hours(1));
        CHECK(set.build().built == 0);
    }
    SECTION("a changed manifest entry rebuilds only that poster") {
        set.write_manifest("Community nursing");
        CHECK(built_names(set.build()) == std::set<std::string>{"a-community"});
    }
    SECTION("a changed style rebuilds every poster that uses it") {
        spit(set.path("style.yaml"), slurp(set.path("style.yaml")) + "# edited\n");
        CHECK(set.build().built == 3);
    }
    SECTION("a missing or altered output file rebuilds its poster") {
        fs::remove(set.out("a-all.png"));
        spit(set.out("b-all.thumb.png"), "not a png");
        BuildReport again = set.build();
        CHECK(built_names(again) == std::set<std::string>{"a-all", "b-all"});
        CHECK(png_size(slurp(set.out("b-all.thumb.png"))).first > 0);
    }
    SECTION("--force rebuilds everything, to the same bytes") {
        auto files = set.files();
        CHECK(set.build(true).built == 3);
        CHECK(set.files() == files);
    }
    SECTION("a lost or unreadable state file rebuilds everything") {
        spit(set.out(kStateFile), "{ this is not json");
        CHECK(set.build().built == 3);
        CHECK(set.build().built == 0);
    }
}

TEST_CASE("A failing poster leaves no file behind, and the others still build", "[build]") {
    PosterSet set;
    set.write_manifest("Community", "  - {name: bad, catalogue: a, page: A4, formats: [pdf, png], dpi: 20}\n");
    // bad.png cannot be written: a folder stands in its place.
    fs::create_directories(set.out("bad.png"));
    BuildReport r = set.build();
    CHECK_FALSE(r.ok());
    CHECK(r.failed == 1);
    CHECK(r.built == 3);
    REQUIRE(r.outcome("bad"));
    CHECK(r.outcome("bad")->status == PosterOutcome::Status::Failed);
    CHECK(contains(r.outcome("bad")->message, "bad.png"));
    CHECK(contains(set.log(), "pathways build: error: poster 'bad' failed: cannot write"));
    // Nothing of the failed poster: not its PDF (written before the PNG failed), not its thumbnail,
    // no temporary files.
    for (const auto& [name, _] : set.files()) {
        INFO(name);
        CHECK_FALSE(contains(name, ".tmp-"));
        CHECK((name.rfind("bad", 0) != 0 || name == "bad.png"));
    }
    CHECK(fs::is_directory(set.out("bad.png")));
    // The index page says so, and the next build tries again.
    CHECK(contains(slurp(set.out("index.html")), "This poster failed to build."));
    fs::remove(set.out("bad.png"));
    BuildReport again = set.build();
    CHECK(again.ok());
    CHECK(built_names(again) == std::set<std::string>{"bad"});
}

TEST_CASE("A poster that fails halfway through writing takes back its files, and the index page says so", "[build]") {
    PosterSet set;
    REQUIRE(set.build().ok());
    std::string pdf = slurp(set.out("a-all.pdf")), png = slurp(set.out("a-all.png"));
    // Its thumbnail, written last, cannot be replaced: the PDF and PNG renamed into place before
    // it are taken back, and those of its last good build put back (issue 15), so the set never
    // mixes files of two builds and loses nothing.
    fs::remove(set.out("a-all.thumb.png"));
    fs::create_directories(set.out("a-all.thumb.png"));
    BuildReport r = set.build();
    CHECK(r.failed == 1);
    CHECK(r.up_to_date == 2);
    CHECK(slurp(set.out("a-all.pdf")) == pdf);
    CHECK(slurp(set.out("a-all.png")) == png);
    std::string html = slurp(set.out("index.html"));
    CHECK_FALSE(contains(html, "href=\"a-all.pdf\""));
    CHECK(contains(html, "This poster failed to build."));
    fs::remove(set.out("a-all.thumb.png"));
    CHECK(built_names(set.build()) == std::set<std::string>{"a-all"});
}

TEST_CASE("Poster files are written all-or-nothing", "[build]") {
    PosterSet set;
    fs::create_directories(set.out());
    std::vector<RenderedFile> files{{"one.pdf", "first"}, {"missing-folder/two.png", "second"}, {"three.png", "third"}};
    CHECK_THROWS_AS(write_poster_files(set.out().string(), files), OutputError);
    CHECK(fs::is_empty(set.out()));
    files[1].name = "two.png";
    write_poster_files(set.out().string(), files);
    CHECK(slurp(set.out("two.png")) == "second");
    CHECK(set.files().size() == 3);
}

TEST_CASE("Temporary files left by a killed build are swept, others' are kept", "[build]") {
    PosterSet set;
    fs::create_directories(set.out());
    pid_t gone = ::fork();
    if (gone == 0) ::_exit(0);
    ::waitpid(gone, nullptr, 0);
    std::string stale = ".a-all.pdf.tmp-" + std::to_string(gone);
    spit(set.out(stale), "half a poster");
    spit(set.out(".notes.txt.tmp-" + std::to_string(gone)), "not ours");
    REQUIRE(set.build().ok());
    CHECK_FALSE(fs::exists(set.out(stale)));
    CHECK(fs::exists(set.out(".notes.txt.tmp-" + std::to_string(gone))));
}

TEST_CASE("Files of posters taken out of the manifest are removed, unless someone changed them", "[build]") {
    PosterSet set;
    REQUIRE(set.build().ok());
    REQUIRE(fs::exists(set.out("b-all.png")));
    REQUIRE(fs::exists(set.out("a-community.svg")));
    spit(set.out("notes.txt"), "someone else's file");

    // b-all leaves the manifest; a-community no longer wants its page SVG.
    std::string manifest = slurp(set.manifest());
    manifest.erase(manifest.find("  - {name: b-all"));
    manifest.replace(manifest.find("[pdf, svg, embed-svg]"), 21, "[pdf, embed-svg]");
    spit(set.manifest(), manifest);
    BuildReport r = set.build();
    REQUIRE(r.ok());
    CHECK(std::set<std::string>(r.removed.begin(), r.removed.end()) ==
          std::set<std::string>{"b-all.png", "b-all.thumb.png", "a-community.svg", "a-community-back.svg"});
    CHECK_FALSE(fs::exists(set.out("b-all.png")));
    CHECK_FALSE(fs::exists(set.out("a-community.svg")));
    CHECK(fs::exists(set.out("a-community.embed.svg")));
    CHECK(fs::exists(set.out("notes.txt")));
    CHECK(contains(set.log(), "removed 4 files"));
    CHECK_FALSE(contains(slurp(set.out(kStateFile)), "b-all"));
    CHECK_FALSE(contains(slurp(set.out(kIndexFile)), "b-all"));

    // A file the user edited after the build is left alone.
    spit(set.out("a-all.png"), "edited by hand");
    manifest.erase(manifest.find("  - {name: a-all"), manifest.find("  - name: a-community") - manifest.find("  - {name: a-all"));
    spit(set.manifest(), manifest);
    r = set.build();
    REQUIRE(r.ok());
    CHECK(std::set<std::string>(r.removed.begin(), r.removed.end()) == std::set<std::string>{"a-all.pdf", "a-all.thumb.png"});
    CHECK(slurp(set.out("a-all.png")) == "edited by hand");
    CHECK_FALSE(contains(slurp(set.out(kStateFile)), "a-all"));
}

TEST_CASE("pathways build: -j 1 and -j 2 give identical bytes, and a second run is a no-op", "[build]") {
    PosterSet one, two;
    RunResult r1 = run_cli("build " + one.manifest() + " -j 1");
    INFO(r1.out);
    REQUIRE(r1.status == 0);
    RunResult r2 = run_cli("build " + two.manifest() + " -j 2");
    INFO(r2.out);
    REQUIRE(r2.status == 0);
    auto a = one.files(), b = two.files();
    CHECK(a.size() == 12);  // with a-community-back.svg
    REQUIRE(a.size() == b.size());
    for (const auto& [name, bytes] : a) {
        INFO(name);
        CHECK(bytes == b[name]);
    }
    // Not a terminal: one plain line per finished poster, and a summary.
    CHECK(contains(r2.out, "2 jobs at once"));
    CHECK(contains(r2.out, "built a-community"));
    CHECK(contains(r2.out, "pathways build: 3 built, 0 up to date, 0 failed, of 3 posters in"));
    // The pinned date is on the posters and in the index.
    CHECK(contains(a["index.html"], "Built 1 January 2026"));

    RunResult again = run_cli("build " + two.manifest());
    CHECK(again.status == 0);
    CHECK(contains(again.out, "pathways build: everything is up to date (3 posters"));
    CHECK(two.files() == b);

    RunResult quiet = run_cli("build " + two.manifest() + " --quiet --force");
    CHECK(quiet.status == 0);
    CHECK(quiet.out.empty());
}

TEST_CASE("pathways build exit statuses: 3 when a poster fails, 1 for an invalid manifest", "[build]") {
    PosterSet set;
    set.write_manifest("Community", "  - {name: bad, catalogue: a, page: A4, formats: [png], dpi: 20}\n");
    fs::create_directories(set.out("bad.png"));
    RunResult failed = run_cli("build " + set.manifest() + " -j 2");
    INFO(failed.out);
    CHECK(failed.status == 3);
    CHECK(contains(failed.out, "pathways build: error: poster 'bad' failed: cannot write"));
    CHECK(contains(failed.out, "3 built, 0 up to date, 1 failed"));
    CHECK(fs::exists(set.out("a-all.pdf")));

    set.write_manifest("Community", "  - {name: worse, catalogue: c, view: {settings: [comunity]}}\n");
    RunResult invalid = run_cli("build " + set.manifest());
    INFO(invalid.out);
    CHECK(invalid.status == 1);
    CHECK(contains(invalid.out, set.manifest() + ":15:30: error: poster 'worse' names unknown catalogue 'c'"));
    CHECK(contains(invalid.out, "nothing built"));

    RunResult usage = run_cli("build " + set.manifest() + " -j 0");
    CHECK(usage.status == 2);
}

// ------------------------------------------------------------------- hardening (issue 15)

TEST_CASE("A poster whose files cannot all be committed keeps its previous good files", "[build][hardening]") {
    PosterSet set;
    fs::create_directories(set.out());
    std::vector<RenderedFile> old_files{{"one.pdf", "old one"}, {"three.png", "old three"}};
    write_poster_files(set.out().string(), old_files);

    // two.png cannot be committed: a folder with something in it holds its name.
    fs::create_directories(set.out("two.png"));
    spit(set.out("two.png") / "keep", "x");
    std::vector<RenderedFile> files{{"one.pdf", "new one"}, {"two.png", "new two"}, {"three.png", "new three"}};
    CHECK_THROWS_AS(write_poster_files(set.out().string(), files), OutputError);
    CHECK(slurp(set.out("one.pdf")) == "old one");
    CHECK(slurp(set.out("three.png")) == "old three");
    for (const auto& e : fs::directory_iterator(set.out()))
        CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("Two manifests cannot share one output folder", "[build][hardening]") {
    PosterSet set;
    REQUIRE(set.build().ok());
    REQUIRE(fs::exists(set.out("a-all.pdf")));
    // A second manifest, elsewhere in the folder, writing to the same out/ with other posters.
    fs::create_directories(set.path("other"));
    spit(set.path("other/posters.yaml"),
         "title: Other\ncatalogues: {a: ../a.yaml}\nstyle: ../style.yaml\noutput: ../out\n"
         "posters:\n  - {name: other, catalogue: a, page: A4, formats: [svg]}\n");
    Diagnostics d;
    auto plan = load_build_plan(set.path("other/posters.yaml").string(), d);
    REQUIRE(plan);
    BuildOptions o;
    o.isolate = false;
    o.progress = ProgressMode::Quiet;
    std::ostringstream log;
    o.log = &log;
    BuildReport r = run_build(*plan, o);
    CHECK_FALSE(r.ok());
    REQUIRE_FALSE(r.errors.empty());
    CHECK(contains(r.errors.front(), "holds the posters of another manifest"));
    CHECK(fs::exists(set.out("a-all.pdf")));  // not deleted as stale
    CHECK_FALSE(fs::exists(set.out("other.svg")));
}

TEST_CASE("An oversized state file is treated as corrupt, not read whole", "[build][hardening]") {
    PosterSet set;
    REQUIRE(set.build().ok());
    std::string state = slurp(set.out(kStateFile));
    // Valid JSON padded past the cap with spaces: read whole, it would still "work".
    std::string padded = state.substr(0, state.size() - 2) + std::string(BuildState::kMaxStateBytes, ' ') + "}\n";
    spit(set.out(kStateFile), padded);
    CHECK(BuildState::load(set.out(kStateFile).string()).posters.empty());
    CHECK(built_names(set.build()).size() == 3);  // everything rebuilds
    CHECK(fs::file_size(set.out(kStateFile)) < 100'000);
}
