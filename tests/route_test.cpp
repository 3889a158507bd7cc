// Routes: shortest and bounded --all routes checked against a breadth-first search and a path
// count written here (never a hand count), on both shipped catalogues and generated ones; reachable
// sets; role lookup by id, name and alias; walks that must not recurse.
#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>
#include <map>
#include <random>
#include <set>
#include <string>

#include "pathways/catalogue.hpp"
#include "pathways/route.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

/// A catalogue built in memory: `n` roles over `levels` levels, two settings, links from `edges`.
Catalogue generated(std::size_t n, const std::vector<std::pair<std::size_t, std::size_t>>& edges, int levels = 5) {
    Catalogue c;
    c.file = "generated";
    c.title = "Generated";
    c.setting_dimension = "Care setting";
    for (int l = 0; l < levels; ++l) c.levels.push_back({"l" + std::to_string(l), "Level " + std::to_string(l), "", {}});
    c.settings = {{"a", "Setting A", "", {}}, {"b", "Setting B", "", {}}};
    for (std::size_t i = 0; i < n; ++i) {
        Role r;
        r.id = "r" + std::to_string(i);
        r.name = "Role " + std::to_string(i);
        r.levels = {"l" + std::to_string(i % static_cast<std::size_t>(levels))};
        r.settings = {i % 3 == 0 ? "a" : i % 3 == 1 ? "b" : "a"};
        if (i % 3 == 2) r.settings.push_back("b");
        c.roles.push_back(std::move(r));
    }
    for (auto [from, to] : edges) {
        Role& r = c.roles[from];
        if (from == to || std::count(r.progresses_to.begin(), r.progresses_to.end(), c.roles[to].id)) continue;
        r.progresses_to.push_back(c.roles[to].id);
        r.progression_at.push_back({});
        r.progression_via.push_back(to % 4 == 0 ? "training for " + c.roles[to].name : "");
    }
    return c;
}

/// A random catalogue: `n` roles, each with 0-`max_out` progressions to random roles (cycles allowed).
Catalogue random_catalogue(std::size_t n, std::size_t max_out, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t k = std::uniform_int_distribution<std::size_t>(0, max_out)(rng);
        for (std::size_t j = 0; j < k; ++j) edges.push_back({i, std::uniform_int_distribution<std::size_t>(0, n - 1)(rng)});
    }
    return generated(n, edges);
}

/// Start, `layers` layers of `width` roles each fully linked to the next, end: width^layers shortest routes.
Catalogue ladder(std::size_t layers, std::size_t width) {
    std::size_t n = 2 + layers * width, end = n - 1;
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    auto role = [&](std::size_t layer, std::size_t k) { return 1 + layer * width + k; };
    for (std::size_t k = 0; k < width; ++k) {
        edges.push_back({0, role(0, k)});
        edges.push_back({role(layers - 1, k), end});
        for (std::size_t layer = 0; layer + 1 < layers; ++layer)
            for (std::size_t m = 0; m < width; ++m) edges.push_back({role(layer, k), role(layer + 1, m)});
    }
    return generated(n, edges);
}

// --- The test's own graph algorithms, independent of the library's ---

/// Steps from `from` to every role it reaches (breadth-first, by id).
std::map<std::string, std::size_t> bfs(const Catalogue& c, const std::string& from, bool backwards = false) {
    std::map<std::string, std::size_t> dist{{from, 0}};
    std::deque<std::string> queue{from};
    while (!queue.empty()) {
        std::string v = queue.front();
        queue.pop_front();
        std::vector<std::string> next;
        if (!backwards) {
            next = c.role(v)->progresses_to;
        } else {
            for (const auto& r : c.roles)
                if (std::count(r.progresses_to.begin(), r.progresses_to.end(), v)) next.push_back(r.id);
        }
        for (const auto& w : next)
            if (w != v && !dist.count(w)) {
                dist[w] = dist[v] + 1;
                queue.push_back(w);
            }
    }
    return dist;
}

/// How many shortest paths lead from `from` to each role (counted layer by layer, capped).
std::map<std::string, std::size_t> shortest_path_counts(const Catalogue& c, const std::string& from) {
    auto dist = bfs(c, from);
    std::vector<std::pair<std::size_t, std::string>> order;
    for (const auto& [id, d] : dist) order.push_back({d, id});
    std::sort(order.begin(), order.end());
    std::map<std::string, std::size_t> count{{from, 1}};
    for (const auto& [d, id] : order)
        for (const auto& t : c.role(id)->progresses_to)
            if (dist.count(t) && dist[t] == d + 1) count[t] = std::min<std::size_t>(1000000, count[t] + count[id]);
    return count;
}

using Path = std::vector<std::string>;

/// Every path without repeated roles of at most `max_steps` steps from `from` to `to` (stops after `cap`).
void simple_paths(const Catalogue& c, Path& path, const std::string& to, std::size_t max_steps, std::size_t cap,
                  std::set<Path>& out) {
    if (out.size() >= cap) return;
    if (path.back() == to) {
        out.insert(path);
        return;
    }
    if (path.size() - 1 == max_steps) return;
    for (const auto& t : c.role(path.back())->progresses_to) {
        if (std::count(path.begin(), path.end(), t)) continue;
        path.push_back(t);
        simple_paths(c, path, to, max_steps, cap, out);
        path.pop_back();
    }
}

Path ids_of(const Route& r) {
    Path p;
    for (const Role* role : r.roles) p.push_back(role->id);
    return p;
}

/// Every route is a real chain of progressions from FROM to TO with consistent steps.
void check_route_shape(const Catalogue& c, const Role& from, const Role& to, const Route& route) {
    REQUIRE(route.roles.size() >= 2);
    CHECK(route.roles.front() == &from);
    CHECK(route.roles.back() == &to);
    REQUIRE(route.steps.size() + 1 == route.roles.size());
    std::set<const Role*> seen(route.roles.begin(), route.roles.end());
    CHECK(seen.size() == route.roles.size());
    for (std::size_t k = 0; k < route.steps.size(); ++k) {
        const RouteStep& s = route.steps[k];
        CHECK(s.from == route.roles[k]);
        CHECK(s.to == route.roles[k + 1]);
        CHECK(std::count(s.from->progresses_to.begin(), s.from->progresses_to.end(), s.to->id) == 1);
        CHECK(s.via == progression_via(*s.from, s.to->id));
        bool shared = std::any_of(s.from->settings.begin(), s.from->settings.end(), [&](const std::string& x) {
            return std::count(s.to->settings.begin(), s.to->settings.end(), x) > 0;
        });
        CHECK(s.changes_setting == !shared);
    }
    (void)c;
}

/// Shortest routes for every ordered pair of roles, against the test's BFS and path count.
void check_shortest_all_pairs(const Catalogue& c) {
    std::size_t pairs_with_route = 0;
    for (const auto& from : c.roles) {
        auto dist = bfs(c, from.id);
        auto counts = shortest_path_counts(c, from.id);
        for (const auto& to : c.roles) {
            if (&from == &to) continue;
            INFO(c.file << ": " << from.id << " -> " << to.id);
            RouteResult r = find_routes(c, from, to);
            if (!dist.count(to.id)) {
                CHECK_FALSE(r.found());
                CHECK(r.routes.empty());
                continue;
            }
            ++pairs_with_route;
            REQUIRE(r.found());
            CHECK(r.shortest == dist[to.id]);
            std::size_t expected = std::min<std::size_t>(counts[to.id], RouteOptions{}.max_routes);
            CHECK(r.routes.size() == expected);
            CHECK(r.cut == (counts[to.id] > RouteOptions{}.max_routes));
            std::set<Path> distinct;
            for (const auto& route : r.routes) {
                check_route_shape(c, from, to, route);
                CHECK(route.steps.size() == dist[to.id]);
                distinct.insert(ids_of(route));
            }
            CHECK(distinct.size() == r.routes.size());
        }
    }
    CHECK(pairs_with_route > 0);
}

/// `--all` routes for every ordered pair: exactly the simple paths up to shortest + 2 (bounded).
void check_all_routes(const Catalogue& c, std::size_t max_pairs = 1'000'000) {
    std::size_t checked = 0;
    RouteOptions all;
    all.all = true;
    for (const auto& from : c.roles) {
        auto dist = bfs(c, from.id);
        for (const auto& to : c.roles) {
            if (&from == &to || !dist.count(to.id) || checked++ >= max_pairs) continue;
            INFO(c.file << ": " << from.id << " -> " << to.id << " --all");
            RouteResult r = find_routes(c, from, to, all);
            std::set<Path> expected;
            Path start{from.id};
            simple_paths(c, start, to.id, dist[to.id] + 2, all.max_routes + 1, expected);
            CHECK(r.shortest == dist[to.id]);
            CHECK(r.longest == dist[to.id] + 2);
            CHECK(r.cut == (expected.size() > all.max_routes));
            CHECK(r.routes.size() == std::min(expected.size(), all.max_routes));
            std::size_t previous = 0;
            for (const auto& route : r.routes) {
                check_route_shape(c, from, to, route);
                CHECK(route.steps.size() >= previous);  // fewest steps first
                CHECK(route.steps.size() <= dist[to.id] + 2);
                previous = route.steps.size();
                if (!r.cut) CHECK(expected.count(ids_of(route)) == 1);
            }
        }
    }
}

}  // namespace

TEST_CASE("shortest routes match a breadth-first search on the NCL catalogue, for every pair", "[route]") {
    check_shortest_all_pairs(shipped_catalogue("data/ncl-career-pathways.yaml"));
}

TEST_CASE("shortest routes match a breadth-first search on the management catalogue, for every pair", "[route]") {
    check_shortest_all_pairs(shipped_catalogue("data/nhs-management-careers.yaml"));
    check_shortest_all_pairs(shipped_catalogue("tests/data/stories-valid.yaml"));
}

TEST_CASE("shortest routes match a breadth-first search on generated catalogues with cycles", "[route][generated]") {
    for (unsigned seed : {1u, 2u, 3u}) {
        INFO("seed " << seed);
        check_shortest_all_pairs(random_catalogue(90, 3, seed));
    }
}

TEST_CASE("all routes (--all) are exactly the routes up to two steps longer than the shortest", "[route]") {
    check_all_routes(shipped_catalogue("data/ncl-career-pathways.yaml"));
    check_all_routes(shipped_catalogue("data/nhs-management-careers.yaml"));
    check_all_routes(random_catalogue(60, 3, 7), 1500);
}

TEST_CASE("all and shortest routes stop at the bound and say they were cut", "[route]") {
    Catalogue c = ladder(3, 4);  // 4^3 = 64 shortest routes of 4 steps
    const Role& from = c.roles.front();
    const Role& to = c.roles.back();
    RouteResult shortest = find_routes(c, from, to);
    CHECK(shortest.shortest == 4);
    CHECK(shortest.cut);
    CHECK(shortest.routes.size() == 50);

    RouteOptions small;
    small.max_routes = 64;
    RouteResult exact = find_routes(c, from, to, small);
    CHECK_FALSE(exact.cut);
    CHECK(exact.routes.size() == 64);

    RouteOptions all;
    all.all = true;
    all.max_routes = 10;
    RouteResult bounded = find_routes(c, from, to, all);
    CHECK(bounded.cut);
    CHECK(bounded.routes.size() == 10);
    for (const auto& r : bounded.routes) CHECK(r.steps.size() == 4);  // the shortest come first
}

TEST_CASE("routes, reachable sets and leading sets do not recurse: a 100,000-role chain", "[route][hostile]") {
    const std::size_t n = 100'000;
    std::vector<std::pair<std::size_t, std::size_t>> chain;
    for (std::size_t i = 0; i + 1 < n; ++i) chain.push_back({i, i + 1});
    Catalogue c = generated(n, chain);
    RouteResult r = find_routes(c, c.roles.front(), c.roles.back());
    REQUIRE(r.routes.size() == 1);
    CHECK(r.shortest == n - 1);
    CHECK(r.routes[0].roles.size() == n);
    CHECK(reachable_from(c, c.roles.front()).size() == n - 1);
    CHECK(leading_to(c, c.roles.back()).size() == n - 1);
    CHECK(reachable_from(c, c.roles.back()).empty());
}

TEST_CASE("reachable and leading sets match the test's own search", "[route]") {
    for (const std::string file : {"data/ncl-career-pathways.yaml", "data/nhs-management-careers.yaml"}) {
        const Catalogue& c = shipped_catalogue(file);
        for (const auto& role : c.roles) {
            INFO(file << ": " << role.id);
            std::set<std::string> onward, before;
            for (const Role* r : reachable_from(c, role)) onward.insert(r->id);
            for (const Role* r : leading_to(c, role)) before.insert(r->id);
            std::set<std::string> want_onward, want_before;
            for (const auto& [id, d] : bfs(c, role.id))
                if (id != role.id) want_onward.insert(id);
            for (const auto& [id, d] : bfs(c, role.id, true))
                if (id != role.id) want_before.insert(id);
            CHECK(onward == want_onward);
            CHECK(before == want_before);
        }
    }
}

TEST_CASE("a route to the same role, or to an unreachable one, is empty", "[route]") {
    const Catalogue& c = shipped_catalogue("data/ncl-career-pathways.yaml");
    CHECK_FALSE(find_routes(c, *c.role("nurse"), *c.role("nurse")).found());
    RouteResult none = find_routes(c, *c.role("cook"), *c.role("nurse"));
    CHECK_FALSE(none.found());
    CHECK(none.shortest == 0);
}

TEST_CASE("route steps carry the catalogue's via and say when they change care setting", "[route]") {
    const Catalogue& c = shipped_catalogue("data/ncl-career-pathways.yaml");
    RouteOptions all;
    all.all = true;
    RouteResult r = find_routes(c, *c.role("physiotherapist"), *c.role("advanced-practitioner"), all);
    REQUIRE(r.routes.size() == 2);
    REQUIRE(r.routes[1].steps.size() == 2);
    const RouteStep& step = r.routes[1].steps[0];
    CHECK(step.to->id == "first-contact-physiotherapist");
    CHECK_THAT(step.via, Catch::Contains("first contact physiotherapist training"));
    CHECK(step.changes_setting);  // secondary care only -> primary care only
    CHECK_FALSE(r.routes[1].steps[1].changes_setting);
    CHECK(r.routes[1].steps[1].via.empty());

    RouteEmphasis e = emphasis_of(c, r);
    REQUIRE(e.roles.size() == 3);
    CHECK(e.links.size() == 3);
}

TEST_CASE("roles are found by id, name or alias in any case and spacing", "[route][lookup]") {
    const Catalogue& c = shipped_catalogue("data/ncl-career-pathways.yaml");
    const Role* worker = c.role("care-worker");
    CHECK(find_role(c, "care-worker").role == worker);
    CHECK(find_role(c, "Care Worker").role == worker);
    CHECK(find_role(c, "  CARE   worker ").role == worker);
    CHECK(find_role(c, "Care-Worker").role == worker);
    CHECK(find_role(c, "hca").role == c.role("health-care-assistant"));
    CHECK(find_role(c, "Health care support worker").role == c.role("health-care-assistant"));
    CHECK(find_role(c, "dietitian").role == c.role("dietician"));

    RoleMatch typo = find_role(c, "Nurze");
    CHECK(typo.role == nullptr);
    CHECK(typo.suggestion == "Nurse");

    RoleMatch partial = find_role(c, "nursing");
    CHECK(partial.role == nullptr);
    std::set<std::string> containing;
    for (const Role* r : partial.containing) containing.insert(r->id);
    CHECK(containing == std::set<std::string>{"trainee-nursing-associate", "nursing-associate"});

    RoleMatch nothing = find_role(c, "astronaut");
    CHECK(nothing.role == nullptr);
    CHECK(nothing.suggestion.empty());
    CHECK(nothing.containing.empty());
}

TEST_CASE("ids win over names, names over aliases; a shared alias is ambiguous", "[route][lookup]") {
    Catalogue c = generated(4, {{0, 1}, {1, 2}});
    c.roles[0].name = "Coordinator";
    c.roles[1].aliases = {"coordinator", "r0", "Team lead"};
    c.roles[2].aliases = {"team lead"};
    CHECK(find_role(c, "COORDINATOR").role == &c.roles[0]);  // a name before another role's alias
    CHECK(find_role(c, "R0").role == &c.roles[0]);           // an id before another role's alias
    RoleMatch m = find_role(c, "Team Lead");
    CHECK(m.role == nullptr);
    REQUIRE(m.ambiguous.size() == 2);
    CHECK(m.ambiguous[0] == &c.roles[1]);
    CHECK(m.ambiguous[1] == &c.roles[2]);
    CHECK(find_role(c, "r1").role == &c.roles[1]);
}
