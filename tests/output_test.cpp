// Atomic output files: a symlink planted in the output folder (at the final name, or at any name a
// writer of an older pathways would have picked for its temporary) is never written through, and
// errors name the output file, not the hidden temporary.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include <sys/stat.h>
#include <unistd.h>

#include "pathways/output.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

bool is_regular_not_link(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

/// The pid the kernel handed out last (the next processes get the ones just after it).
long last_pid() {
    std::ifstream in("/proc/sys/kernel/ns_last_pid");
    long pid = 0;
    in >> pid;
    return pid;
}

/// Plants symlinks to `target` at `.NAME.tmp-PID` (and the older `..NAME.tmp-PID.tmp-PID`) for the
/// `count` pids after the last one given out, and for this process.
void plant_links(const TempDir& dir, const std::string& name, const std::string& target, long count) {
    std::set<long> pids{static_cast<long>(::getpid())};
    for (long p = last_pid() + 1; p <= last_pid() + count; ++p) pids.insert(p);
    for (long p : pids) {
        std::string ps = std::to_string(p);
        fs::create_symlink(target, dir.file("." + name + ".tmp-" + ps));
        fs::create_symlink(target, dir.file(".." + name + ".tmp-" + ps + ".tmp-" + ps));
    }
}

}  // namespace

TEST_CASE("Writing a file never writes through a symlink planted at a temporary name", "[output][security]") {
    TempDir dir, elsewhere;
    std::string target = elsewhere.file("precious.txt");
    write_file(target, "precious");
    plant_links(dir, "out.txt", target, 0);

    write_file_atomically(dir.file("out.txt"), "poster bytes");

    CHECK(read_file(target) == "precious");
    CHECK(is_regular_not_link(dir.file("out.txt")));
    CHECK(read_file(dir.file("out.txt")) == "poster bytes");
}

TEST_CASE("A symlink at the output's own name is replaced by a regular file, its target untouched",
          "[output][security]") {
    TempDir dir, elsewhere;
    std::string target = elsewhere.file("precious.txt");
    write_file(target, "precious");
    fs::create_symlink(target, dir.file("out.txt"));

    write_file_atomically(dir.file("out.txt"), "poster bytes");

    CHECK(read_file(target) == "precious");
    CHECK(is_regular_not_link(dir.file("out.txt")));
}

TEST_CASE("Temporary names are unpredictable and created exclusively", "[output][security]") {
    TempDir dir;
    std::set<std::string> names;
    for (int i = 0; i < 20; ++i) {
        TemporaryFile t = create_temporary_beside(dir.file("out.pdf"));
        ::close(t.fd);
        CHECK(starts_with(fs::path(t.name).filename().string(), ".out.pdf.tmp-" + std::to_string(::getpid()) + "-"));
        names.insert(t.name);
    }
    CHECK(names.size() == 20);
}

TEST_CASE("render does not write through symlinks planted at the temporary names it could pick",
          "[output][security][cli]") {
    TempDir dir, elsewhere;
    std::string target = elsewhere.file("precious.txt");
    write_file(target, "precious");
    plant_links(dir, "poster.svg", target, 400);  // the next 400 processes' names

    auto r = run_cli({"render", data_path("minimal-valid.yaml"), "-o", dir.file("poster.svg"), "--page", "A4"});
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(read_file(target) == "precious");
    CHECK(is_regular_not_link(dir.file("poster.svg")));
    CHECK(read_file(dir.file("poster.svg")).find("<svg") != std::string::npos);
}

TEST_CASE("Write errors name the output file, not its hidden temporary", "[output]") {
    TempDir dir;
    fs::create_directory(dir.file("taken.pdf"));  // a folder where the file should go
    try {
        write_file_atomically(dir.file("taken.pdf"), "bytes");
        FAIL("no error");
    } catch (const OutputError& e) {
        std::string m = e.what();
        CHECK(m.find(dir.file("taken.pdf")) != std::string::npos);
        CHECK(m.find(".tmp-") == std::string::npos);
    }
    for (const auto& e : fs::directory_iterator(dir.path()))
        CHECK(e.path().filename() == "taken.pdf");  // no temporary left behind
}
