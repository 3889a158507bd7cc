#pragma once
// Small helpers shared by the tests: paths into the source tree, files, temporary folders,
// running the built CLI with its output captured, and diagnostics as printed lines.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "pathways/catalogue.hpp"
#include "pathways/diagnostics.hpp"
#include "pathways/style.hpp"

namespace pathways::test {

namespace fs = std::filesystem;

/// An absolute path to `relative` inside the source tree (tests may run from any folder).
inline std::string source_path(const std::string& relative) {
    return (fs::path(PATHWAYS_SOURCE_DIR) / relative).string();
}

/// An absolute path to a fixture in tests/data.
inline std::string data_path(const std::string& name) { return source_path("tests/data/" + name); }

/// The built command-line program.
inline std::string binary_path() { return PATHWAYS_BINARY; }

/// A whole file as bytes ("" when it cannot be read).
inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// A fresh, empty temporary folder, removed (with its contents) when this goes out of scope.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        path_ = fs::temp_directory_path() /
                ("pathways-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
                 std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    fs::path path_;
};

/// A file holding `bytes` in a fresh temporary folder; both removed when this goes out of scope,
/// whether the test passed or failed.
class TempFile {
public:
    TempFile(const std::string& name, const std::string& bytes) : path_(dir_.file(name)) { write_file(path_, bytes); }
    const std::string& path() const { return path_; }

private:
    TempDir dir_;
    std::string path_;
};

/// A catalogue that must load (the test fails, naming the file, when it does not); loaded once
/// per path and kept for the whole run.
inline const Catalogue& catalogue_at(const std::string& path) {
    static std::map<std::string, Catalogue> cache;
    auto it = cache.find(path);
    if (it == cache.end()) {
        Diagnostics d;
        auto c = load_catalogue(path, d);
        INFO(path << "\n" << [&] { std::ostringstream o; d.print(o); return o.str(); }());
        REQUIRE(c);
        it = cache.emplace(path, std::move(*c)).first;
    }
    return it->second;
}

/// A style that must load; loaded once per path.
inline const Style& style_at(const std::string& path) {
    static std::map<std::string, Style> cache;
    auto it = cache.find(path);
    if (it == cache.end()) {
        Diagnostics d;
        auto s = load_style(path, d);
        INFO(path);
        REQUIRE(s);
        it = cache.emplace(path, std::move(*s)).first;
    }
    return it->second;
}

/// A shipped catalogue by path in the source tree ("data/ncl-career-pathways.yaml").
inline const Catalogue& shipped_catalogue(const std::string& relative) { return catalogue_at(source_path(relative)); }
/// A shipped style by name ("nhs").
inline const Style& shipped_style(const std::string& name) { return style_at(source_path("styles/" + name + ".yaml")); }

/// `text` quoted for /bin/sh.
inline std::string shell_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// What a command printed and how it ended.
struct RunResult {
    int status = -1;  // exit status, or -1 if it did not exit normally
    std::string out, err;
};

/// Runs `/bin/sh -c command` with stdout and stderr captured to temporary files.
inline RunResult run_shell(const std::string& command) {
    TempDir dir;
    std::string out = dir.file("stdout"), err = dir.file("stderr");
    std::string full = "( " + command + " ) >" + shell_quote(out) + " 2>" + shell_quote(err) + " </dev/null";
    int raw = std::system(full.c_str());
    RunResult r;
    r.status = raw != -1 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
}

/// Runs the built CLI with `arguments` (each shell-quoted).
inline RunResult run_cli(const std::vector<std::string>& arguments) {
    std::string command = shell_quote(binary_path());
    for (const auto& a : arguments) command += " " + shell_quote(a);
    return run_shell(command);
}

/// Text split into lines (without the newlines; no empty last line).
inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

/// The diagnostics exactly as `Diagnostics::print` writes them, one line each.
inline std::vector<std::string> printed(const Diagnostics& diags) {
    std::ostringstream out;
    diags.print(out);
    return lines_of(out.str());
}

/// Every diagnostic, printed, joined into one string (for failure messages).
inline std::string dump(const Diagnostics& diags) {
    std::string all;
    for (const auto& line : printed(diags)) all += line + "\n";
    return all;
}

inline bool starts_with(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

inline bool python_available() { return fs::exists("/usr/bin/python3"); }

}  // namespace pathways::test
