// Graph walks never recurse: cycle checks and reachability work on chains of any length, and a
// 13,000-role chain of progressions is checked under a 1 MiB stack.
#include <catch2/catch.hpp>

#include <string>

#include "pathways/graph_walk.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

/// A catalogue whose `count` roles form one chain of progressions (role-1 → role-2 → …), and
/// with `close_cycle` the last leads back to the first.
std::string chain_catalogue(int count, bool close_cycle) {
    std::string text =
        "title: A long chain\npublisher: Tests\nsource: Generated\nversion: \"1\"\nsetting_dimension: Setting\n"
        "levels:\n  - {id: one, name: One, description: The only level.}\n"
        "settings:\n  - {id: here, name: Here, description: The only setting.}\nroles:\n";
    for (int i = 1; i <= count; ++i) {
        int next = i < count ? i + 1 : close_cycle ? 1 : 0;
        text += "  - id: role-" + std::to_string(i) + "\n    name: Role " + std::to_string(i) +
                "\n    level: one\n    settings: [here]\n    summary: One link in a long chain.\n";
        if (next) text += "    progresses_to: [role-" + std::to_string(next) + "]\n";
    }
    return text;
}

}  // namespace

TEST_CASE("check handles a 13,000-role chain of progressions under a 1 MiB stack", "[graph][hostile][cli]") {
    TempDir dir;
    std::string text = chain_catalogue(13000, false);
    CHECK(text.size() < 4 * 1024 * 1024);  // within the documented size limit
    write_file(dir.file("big.yaml"), text);
    auto r = run_shell("ulimit -s 1024; exec " + shell_quote(binary_path()) + " check " +
                       shell_quote(dir.file("big.yaml")));
    auto lines = lines_of(r.err);
    REQUIRE_FALSE(lines.empty());
    INFO(lines.back());
    CHECK(r.status == 0);
    CHECK(lines.back().find("0 errors") != std::string::npos);
    CHECK(lines.back().find("13000 roles, 12999 links") != std::string::npos);
}

TEST_CASE("check finds a 13,000-role cycle under a 1 MiB stack", "[graph][hostile][cli]") {
    TempDir dir;
    write_file(dir.file("ring.yaml"), chain_catalogue(13000, true));
    auto r = run_shell("ulimit -s 1024; exec " + shell_quote(binary_path()) + " check " +
                       shell_quote(dir.file("ring.yaml")));
    CHECK(r.status == 0);
    CHECK(r.err.find("progressions form a cycle among 'Role 1', 'Role 2', 'Role 3'") != std::string::npos);
    CHECK(r.err.find("'Role 12999', 'Role 13000'") != std::string::npos);
}

TEST_CASE("strongly connected components are found without recursion", "[graph]") {
    SECTION("small graphs") {
        // 0 → 1 → 2 → 0 is a cycle; 3 → 4 is not; 5 loops to itself only.
        Successors g{{1}, {2}, {0, 3}, {4}, {}, {5}};
        auto components = strongly_connected_components(g);
        std::vector<std::vector<std::size_t>> cycles;
        for (const auto& c : components)
            if (c.size() > 1) cycles.push_back(c);
        CHECK(cycles == std::vector<std::vector<std::size_t>>{{0, 1, 2}});
        CHECK(components.size() == 4);
    }
    SECTION("a ring of a million nodes is one component") {
        std::size_t n = 1'000'000;
        Successors g(n);
        for (std::size_t i = 0; i < n; ++i) g[i].push_back((i + 1) % n);
        auto components = strongly_connected_components(g);
        REQUIRE(components.size() == 1);
        CHECK(components[0].size() == n);
    }
}

TEST_CASE("reachability follows a million-node chain", "[graph]") {
    std::size_t n = 1'000'000;
    Successors g(n);
    for (std::size_t i = 0; i + 1 < n; ++i) g[i].push_back(i + 1);
    auto seen = reachable_from(g, {n / 2});
    CHECK_FALSE(seen[n / 2 - 1]);
    CHECK(seen[n / 2]);
    CHECK(seen[n - 1]);
}
