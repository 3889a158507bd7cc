// Build workers are tied to their build: killing the build (SIGTERM, SIGINT, SIGKILL) leaves no
// worker running, no temporary behind, and no lock on the output folder; temporaries of a worker
// that is a zombie, or whose process id now belongs to another program, are swept.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <fstream>
#include <thread>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pathways/batch.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

/// A folder with a manifest of four large posters (slow enough to kill a build mid-way).
struct SlowSet {
    TempDir dir;
    SlowSet() {
        fs::copy_file(source_path("data/ncl-career-pathways.yaml"), dir.file("ncl.yaml"));
        fs::copy_file(source_path("styles/nhs.yaml"), dir.file("style.yaml"));
        std::string m = "title: Slow set\ncatalogues: {ncl: ncl.yaml}\nstyle: style.yaml\noutput: out\nposters:\n";
        for (int i = 1; i <= 4; ++i)
            m += "  - {name: p" + std::to_string(i) + ", catalogue: ncl, page: A3, formats: [svg]}\n";
        write_file(dir.file("posters.yaml"), m);
    }
    std::string manifest() const { return dir.file("posters.yaml"); }
    fs::path out() const { return dir.path() / "out"; }
};

/// Starts `pathways build MANIFEST -j 2 --quiet` without waiting for it.
pid_t start_build(const std::string& manifest) {
    pid_t pid = ::fork();
    if (pid == 0) {
        for (int sig : {SIGINT, SIGTERM, SIGHUP}) ::signal(sig, SIG_DFL);
        int null = ::open("/dev/null", O_RDWR);
        ::dup2(null, 0);
        ::dup2(null, 1);
        ::dup2(null, 2);
        std::string bin = binary_path();
        ::execl(bin.c_str(), bin.c_str(), "build", manifest.c_str(), "-j", "2", "--quiet", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return pid;
}

/// The process ids of `pid`'s children (its workers), once it has some (or after 20 s).
std::vector<pid_t> wait_for_children(pid_t pid) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
        std::ifstream in("/proc/" + std::to_string(pid) + "/task/" + std::to_string(pid) + "/children");
        std::vector<pid_t> kids;
        for (pid_t k; in >> k;) kids.push_back(k);
        if (!kids.empty()) return kids;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return {};
}

/// Whether `pid` still runs (a zombie waiting for its reaper does not).
bool running(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto paren = stat.rfind(')');
    return paren != std::string::npos && paren + 2 < stat.size() && stat[paren + 2] != 'Z' && stat[paren + 2] != 'X';
}

bool all_gone_within(const std::vector<pid_t>& pids, std::chrono::seconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (std::none_of(pids.begin(), pids.end(), running)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

std::vector<std::string> temporaries_in(const fs::path& folder) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(folder, ec))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) names.push_back(e.path().filename());
    return names;
}

}  // namespace

TEST_CASE("Killing the build stops its workers and frees the folder", "[build][workers][cli]") {
    int sig = GENERATE(SIGTERM, SIGINT, SIGKILL);
    CAPTURE(sig);
    SlowSet set;
    pid_t build = start_build(set.manifest());
    auto workers = wait_for_children(build);
    REQUIRE_FALSE(workers.empty());
    ::kill(build, sig);  // the parent only, as a CI timeout or `kill` does
    int status = 0;
    ::waitpid(build, &status, 0);
    CHECK(WIFSIGNALED(status));
    CHECK(all_gone_within(workers, std::chrono::seconds(5)));
    if (sig != SIGKILL) CHECK(temporaries_in(set.out()).empty());  // SIGKILL: swept by the next build

    // The next build is not refused, sweeps what is left, and finishes the set.
    auto r = run_cli({"build", set.manifest(), "-j", "2", "--quiet"});
    INFO(r.err);
    CHECK(r.err.find("another pathways build") == std::string::npos);
    CHECK(r.status == 0);
    CHECK(temporaries_in(set.out()).empty());
}

TEST_CASE("A temporary left by a zombie worker is swept", "[build][workers]") {
    TempDir dir;
    fs::copy_file(source_path("tests/data/minimal-valid.yaml"), dir.file("a.yaml"));
    fs::copy_file(source_path("styles/nhs.yaml"), dir.file("style.yaml"));
    write_file(dir.file("posters.yaml"), "title: T\ncatalogues: {a: a.yaml}\nstyle: style.yaml\noutput: out\n"
                                         "posters:\n  - {name: a, catalogue: a, page: A4, formats: [svg]}\n");
    fs::create_directories(dir.path() / "out");
    pid_t zombie = ::fork();  // exits at once and is not reaped until the end: its pid still "exists"
    if (zombie == 0) ::_exit(0);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::string stale = ".a.svg.tmp-" + std::to_string(zombie) + "-0123456789ab";
    write_file(dir.file("out/" + stale), "half a poster");

    Diagnostics d;
    auto plan = load_build_plan(dir.file("posters.yaml"), d);
    REQUIRE(plan);
    BuildOptions o;
    o.isolate = false;
    o.progress = ProgressMode::Quiet;
    std::ostringstream log;
    o.log = &log;
    CHECK(run_build(*plan, o).ok());
    CHECK_FALSE(fs::exists(dir.file("out/" + stale)));
    ::waitpid(zombie, nullptr, 0);
}
