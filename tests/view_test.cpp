// Views: which roles, links and transfers each kind of view selects, checked against the
// catalogue itself (never a hand count), and that transfers reach the drawing and the legend.
#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>
#include <set>
#include <string>
#include <utility>

#include "pathways/catalogue.hpp"
#include "pathways/dot_export.hpp"
#include "pathways/export.hpp"
#include "pathways/layout.hpp"
#include "pathways/poster.hpp"
#include "pathways/style.hpp"
#include "pathways/view.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

const std::string kRoot = PATHWAYS_SOURCE_DIR;

const Catalogue& catalogue_named(const std::string& relative) { return shipped_catalogue(relative); }
const Style& nhs_style() { return shipped_style("nhs"); }

const std::vector<std::string> kCatalogues{"data/ncl-career-pathways.yaml", "data/nhs-management-careers.yaml",
                                           "tests/data/minimal-valid.yaml"};

using Pair = std::pair<std::string, std::string>;

bool has(const std::vector<std::string>& list, const std::string& x) {
    return std::find(list.begin(), list.end(), x) != list.end();
}

std::set<std::string> role_ids(const PathwayGraph& g) {
    std::set<std::string> out;
    for (const Role* r : g.roles) out.insert(r->id);
    return out;
}
std::set<Pair> link_pairs(const PathwayGraph& g) {
    std::set<Pair> out;
    for (const auto& l : g.links) out.insert({l.from->id, l.to->id});
    return out;
}
std::set<Pair> transfer_pairs(const PathwayGraph& g) {
    std::set<Pair> out;
    for (const auto& t : g.transfers) out.insert({t.from->id, t.to->id});
    return out;
}

/// What a view must select, worked out from the catalogue directly: the links among `roles`,
/// and the progressions from `roles` to roles outside it.
struct Expected {
    std::set<std::string> roles;
    std::set<Pair> links, transfers;
};
Expected expected_for(const Catalogue& c, const std::set<std::string>& roles) {
    Expected e;
    e.roles = roles;
    for (const auto& r : c.roles) {
        if (!roles.count(r.id)) continue;
        for (const auto& t : r.progresses_to) (roles.count(t) ? e.links : e.transfers).insert({r.id, t});
    }
    return e;
}

void check_selection(const Catalogue& c, const PathwayGraph& g, const Expected& e) {
    CHECK(role_ids(g) == e.roles);
    CHECK(link_pairs(g) == e.links);
    CHECK(transfer_pairs(g) == e.transfers);
    // No duplicates, and the graph's order is the catalogue's.
    CHECK(g.roles.size() == e.roles.size());
    CHECK(g.links.size() == e.links.size());
    CHECK(g.transfers.size() == e.transfers.size());
    CHECK(std::is_sorted(g.roles.begin(), g.roles.end()));  // roles point into the catalogue's vector
    for (const auto& l : g.links) CHECK(l.kind == link_kind(c, *l.from, *l.to));
    // The levels and settings are exactly those the view's roles use, in catalogue order.
    std::vector<const Level*> levels;
    for (const auto& l : c.levels)
        if (std::any_of(g.roles.begin(), g.roles.end(), [&](const Role* r) { return has(r->levels, l.id); }))
            levels.push_back(&l);
    CHECK(g.levels == levels);
    std::vector<const Setting*> settings;
    for (const auto& s : c.settings)
        if (std::any_of(g.roles.begin(), g.roles.end(), [&](const Role* r) { return has(r->settings, s.id); }))
            settings.push_back(&s);
    CHECK(g.settings == settings);
}

}  // namespace

TEST_CASE("An all-roles view shows every role and link and nothing leaves it", "[view]") {
    for (const auto& file : kCatalogues) {
        INFO(file);
        const Catalogue& c = catalogue_named(file);
        PathwayGraph g = select(c, View{});
        std::set<std::string> all;
        for (const auto& r : c.roles) all.insert(r.id);
        check_selection(c, g, expected_for(c, all));
        CHECK(g.transfers.empty());
        CHECK(g.links.size() == c.link_count());
        CHECK(g.catalogue == &c);
    }
}

TEST_CASE("A setting view shows exactly the roles available in that setting, and every link leaving it as a transfer", "[view]") {
    for (const auto& file : kCatalogues) {
        const Catalogue& c = catalogue_named(file);
        for (const auto& s : c.settings) {
            INFO(file << ", setting " << s.id);
            PathwayGraph g = select(c, View{View::Kind::Settings, {s.id}});
            std::set<std::string> in;
            for (const auto& r : c.roles)
                if (has(r.settings, s.id)) in.insert(r.id);
            Expected e = expected_for(c, in);
            check_selection(c, g, e);
            // Every progression out of a role in the setting is drawn: as a link or as a transfer.
            std::size_t out_of_view_roles = 0;
            for (const auto& r : c.roles)
                if (in.count(r.id)) out_of_view_roles += r.progresses_to.size();
            CHECK(g.links.size() + g.transfers.size() == out_of_view_roles);
            // A transfer's destination is not available in the setting.
            for (const auto& t : g.transfers) CHECK_FALSE(has(t.to->settings, s.id));
        }
    }
}

TEST_CASE("A view's data (cut_to) holds its roles and only the links between them; an all view is the catalogue", "[view]") {
    for (const auto& file : kCatalogues) {
        const Catalogue& c = catalogue_named(file);
        INFO(file);
        CHECK(export_json(cut_to(select(c, View{}))) == export_json(c));
        CHECK(export_dot(cut_to(select(c, View{}))) == export_dot(c));
        for (const auto& s : c.settings) {
            INFO("setting " << s.id);
            PathwayGraph g = select(c, View{View::Kind::Settings, {s.id}});
            Catalogue cut = cut_to(g);
            REQUIRE(cut.roles.size() == g.roles.size());
            std::set<Pair> links, expected;
            for (const auto& r : cut.roles) {
                CHECK(has(r.settings, s.id));
                for (const auto& t : r.progresses_to) links.insert({r.id, t});
            }
            for (const auto& l : g.links) expected.insert({l.from->id, l.to->id});
            CHECK(links == expected);
            CHECK(cut.levels.size() == c.levels.size());
            CHECK(cut.settings.size() == c.settings.size());
        }
    }
}

TEST_CASE("The NCL setting views have transfers (the catalogue has cross-setting progressions)", "[view]") {
    const Catalogue& c = catalogue_named("data/ncl-career-pathways.yaml");
    std::size_t total = 0;
    for (const auto& s : c.settings) total += select(c, View{View::Kind::Settings, {s.id}}).transfers.size();
    CHECK(total > 0);
}

TEST_CASE("A view of several settings shows the roles in any of them", "[view]") {
    const Catalogue& c = catalogue_named("data/ncl-career-pathways.yaml");
    REQUIRE(c.settings.size() >= 2);
    std::vector<std::string> ids{c.settings[0].id, c.settings[1].id};
    PathwayGraph g = select(c, View{View::Kind::Settings, ids});
    std::set<std::string> in;
    for (const auto& r : c.roles)
        if (has(r.settings, ids[0]) || has(r.settings, ids[1])) in.insert(r.id);
    check_selection(c, g, expected_for(c, in));
    // Wider than either setting alone.
    CHECK(g.roles.size() >= select(c, View{View::Kind::Settings, {ids[0]}}).roles.size());
    CHECK(g.roles.size() >= select(c, View{View::Kind::Settings, {ids[1]}}).roles.size());
}

TEST_CASE("A level view shows exactly the roles listed at those levels", "[view]") {
    for (const auto& file : kCatalogues) {
        const Catalogue& c = catalogue_named(file);
        for (std::size_t i = 0; i < c.levels.size(); ++i) {
            std::vector<std::string> ids{c.levels[i].id};
            if (i + 1 < c.levels.size()) ids.push_back(c.levels[i + 1].id);
            INFO(file << ", levels " << ids.front() << "..." << ids.back());
            PathwayGraph g = select(c, View{View::Kind::Levels, ids});
            std::set<std::string> in;
            for (const auto& r : c.roles)
                if (std::any_of(ids.begin(), ids.end(), [&](const std::string& l) { return has(r.levels, l); }))
                    in.insert(r.id);
            check_selection(c, g, expected_for(c, in));
            // The chosen levels are all shown (a role listed at several levels brings its other bands too).
            for (const auto& id : ids)
                CHECK(std::any_of(g.levels.begin(), g.levels.end(), [&](const Level* l) { return l->id == id; }));
        }
    }
}

TEST_CASE("A reachable-from view shows the role and everywhere it can lead, and nothing leaves it", "[view]") {
    for (const auto& file : kCatalogues) {
        const Catalogue& c = catalogue_named(file);
        for (const auto& start : c.roles) {
            INFO(file << ", from " << start.id);
            // Breadth-first over progresses_to, from the catalogue.
            std::set<std::string> seen{start.id};
            std::deque<std::string> todo{start.id};
            while (!todo.empty()) {
                const Role* r = c.role(todo.front());
                todo.pop_front();
                for (const auto& t : r->progresses_to)
                    if (seen.insert(t).second) todo.push_back(t);
            }
            PathwayGraph g = select(c, View{View::Kind::ReachableFrom, {start.id}});
            check_selection(c, g, expected_for(c, seen));
            CHECK(g.transfers.empty());
            CHECK(g.contains(&start));
        }
    }
}

TEST_CASE("Transfer markers reach the drawing: one marker per destination, one transfer link per progression", "[view]") {
    const Catalogue& c = catalogue_named("data/ncl-career-pathways.yaml");
    const Style& style = nhs_style();
    for (const auto& s : c.settings) {
        INFO("setting " << s.id);
        PathwayGraph g = select(c, View{View::Kind::Settings, {s.id}});
        Layout layout = Layout::make(g, style, false, 1);
        std::set<std::string> destinations;
        for (const auto& t : g.transfers) destinations.insert(t.to->id);
        std::set<std::string> markers;
        for (const auto& m : layout.transfers()) {
            REQUIRE(m.to != nullptr);
            markers.insert(m.to->id);
            CHECK(m.box.w > 0);
            CHECK(m.box.h > 0);
        }
        CHECK(markers == destinations);
        CHECK(layout.transfers().size() == destinations.size());
        std::set<Pair> drawn;
        for (const auto& l : layout.links())
            if (l.kind == LinkKind::Transfer) drawn.insert({l.from->id, l.to->id});
        CHECK(drawn == transfer_pairs(g));
        // Markers sit apart from the roles of the view (no marker for a role that is in it).
        for (const auto& m : layout.transfers()) CHECK_FALSE(g.contains(m.to));
    }
}

TEST_CASE("The legend explains transfer markers only when a poster has them", "[view]") {
    const Catalogue& c = catalogue_named("tests/data/minimal-valid.yaml");
    const Style& style = nhs_style();
    auto has_transfer_sample = [&](const Poster& p) {
        return std::any_of(p.lines.begin(), p.lines.end(), [&](const PageLine& l) { return l.kind == LinkKind::Transfer; });
    };
    PosterOptions options;
    options.page = "A4";
    options.build_date = "1 January 2026";
    // Community: the health care assistant and nursing associate progress to the general practice
    // nurse, who is not found in the community.
    PathwayGraph community = select(c, View{View::Kind::Settings, {"community"}});
    REQUIRE_FALSE(community.transfers.empty());
    CHECK(has_transfer_sample(compose_poster(community, style, options)));
    PathwayGraph all = select(c, View{});
    REQUIRE(all.transfers.empty());
    CHECK_FALSE(has_transfer_sample(compose_poster(all, style, options)));
}
