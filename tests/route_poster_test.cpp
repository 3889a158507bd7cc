// Route and story posters (issue 11): the roles and links a route or story stresses are exactly
// its own (read back from the SVG's classes), everything else is still drawn but faded, the
// legend's first panel lists the steps in order, story steps carry numbered badges, and mistakes
// in the manifest or on the command line are reported where they were made.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "pathways/focus.hpp"
#include "pathways/manifest.hpp"
#include "pathways/poster.hpp"
#include "pathways/route.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

Catalogue load_cat(const std::string& relative) {
    Diagnostics d;
    auto c = load_catalogue(source_path(relative), d);
    INFO(dump(d));
    REQUIRE(c);
    return *c;
}

Style nhs_style() {
    Diagnostics d;
    auto s = load_style(source_path("styles/nhs.yaml"), d);
    INFO(dump(d));
    REQUIRE(s);
    return *s;
}

/// What an SVG says of its roles and links: the role id of each role box and the (from, to) role
/// ids of each link, split by their emphasis class.
struct SvgEmphasis {
    std::set<std::string> emphasised_roles, faded_roles, normal_roles;
    std::set<std::pair<std::string, std::string>> emphasised_links, faded_links;
    std::size_t role_boxes = 0, links = 0;
};

/// The role id in a node id fragment ("nurse", or "nurse_registered" for a second level's box).
std::string role_of(const std::string& node) { return node.substr(0, node.find('_')); }

SvgEmphasis read_svg(const std::string& svg, const std::string& prefix) {
    SvgEmphasis out;
    std::regex role_re("<g id=\"" + prefix + "-role-([a-z0-9_-]+)\" class=\"node ([^\"]*)\"");
    for (std::sregex_iterator it(svg.begin(), svg.end(), role_re), end; it != end; ++it) {
        std::string id = role_of((*it)[1]), cls = " " + (*it)[2].str() + " ";
        ++out.role_boxes;
        if (cls.find(" emphasised ") != std::string::npos) out.emphasised_roles.insert(id);
        else if (cls.find(" faded ") != std::string::npos) out.faded_roles.insert(id);
        else out.normal_roles.insert(id);
    }
    std::regex link_re("<g id=\"" + prefix + "-link-([a-z0-9_-]+?)__([a-z0-9_-]+)\" class=\"edge ([^\"]*)\"");
    for (std::sregex_iterator it(svg.begin(), svg.end(), link_re), end; it != end; ++it) {
        auto pair = std::make_pair(role_of((*it)[1]), role_of((*it)[2]));
        std::string cls = " " + (*it)[3].str() + " ";
        ++out.links;
        if (cls.find(" emphasised ") != std::string::npos) out.emphasised_links.insert(pair);
        if (cls.find(" faded ") != std::string::npos) out.faded_links.insert(pair);
    }
    return out;
}

/// Index of the first page text at or after `from` equal to `text` (npos when none).
std::size_t find_text(const Poster& p, const std::string& text, std::size_t from = 0) {
    for (std::size_t i = from; i < p.texts.size(); ++i)
        if (p.texts[i].text == text) return i;
    return std::string::npos;
}

/// The page texts joined with spaces (a wrapped line's pieces read as one).
std::string page_words(const Poster& p) {
    std::string all;
    for (const auto& t : p.texts) all += t.text + " ";
    return all;
}

PosterOptions a3_portrait() {
    PosterOptions o;
    o.page = "A3";
    o.landscape = false;
    o.build_date = "1 January 2026";
    return o;
}

}  // namespace

TEST_CASE("A route poster stresses exactly the route's roles and links and fades the rest", "[route-poster]") {
    Catalogue c = load_cat("data/ncl-career-pathways.yaml");
    Style style = nhs_style();
    View view{View::Kind::Route, {"housing-support-officer", "general-practice-nurse"}};
    PathwayGraph g = select(c, view);
    REQUIRE(g.focus.kind == Focus::Kind::Route);
    REQUIRE(g.roles.size() == c.roles.size());  // the whole map is drawn

    // The route's own roles and links, from the route library.
    RouteResult routes = find_routes(c, *c.role("housing-support-officer"), *c.role("general-practice-nurse"));
    REQUIRE(routes.found());
    std::set<std::string> want_roles;
    std::set<std::pair<std::string, std::string>> want_links;
    for (const auto& r : routes.routes) {
        for (const Role* role : r.roles) want_roles.insert(role->id);
        for (const auto& s : r.steps) want_links.insert({s.from->id, s.to->id});
    }

    Poster p = compose_poster(g, style, a3_portrait());
    std::string svg = render_svg(p, style, {false, "t", 0});
    SvgEmphasis e = read_svg(svg, "t");
    CHECK(e.emphasised_roles == want_roles);
    CHECK(e.emphasised_links == want_links);
    // Everything else is still there, faded.
    CHECK(e.normal_roles.empty());
    CHECK(e.role_boxes == p.layout.roles().size());
    CHECK(e.emphasised_roles.size() + e.faded_roles.size() == c.roles.size());
    CHECK(e.links == p.layout.links().size());
    CHECK(e.faded_links.size() + e.emphasised_links.size() >= c.link_count());
    CHECK(svg.find(".node.faded") != std::string::npos);  // the CSS that fades them

    // The poster model says the same as the SVG (the PDF's Graphviz attributes come from it).
    for (const auto& r : p.layout.roles())
        CHECK((r.emphasis == Emphasis::Emphasised) == (want_roles.count(r.role->id) == 1));
}

TEST_CASE("A route poster's first legend panel lists every shortest route's steps in order", "[route-poster]") {
    Catalogue c = load_cat("data/ncl-career-pathways.yaml");
    Style style = nhs_style();
    PathwayGraph g = select(c, View{View::Kind::Route, {"housing-support-officer", "general-practice-nurse"}});
    Poster p = compose_poster(g, style, a3_portrait());
    const auto& routes = g.focus.routes.routes;
    std::size_t heading = find_text(p, routes.size() > 1 ? "Your routes" : "Your route");
    REQUIRE(heading != std::string::npos);
    // It comes before the rest of the legend.
    CHECK(heading < find_text(p, c.setting_dimension));
    std::size_t at = heading;
    std::string words = page_words(p);
    for (const auto& route : routes) {
        for (std::size_t k = 0; k < route.roles.size(); ++k) {
            std::string line = std::to_string(k + 1) + ". " + route.roles[k]->name;
            std::size_t i = find_text(p, line, at);
            INFO(line);
            REQUIRE(i != std::string::npos);
            at = i;
        }
        for (const auto& step : route.steps)
            if (!step.via.empty()) CHECK(words.find(step.via.substr(0, 20)) != std::string::npos);
    }
}

TEST_CASE("A story poster numbers its steps on the map, marks jobs the catalogue lacks and tells the story",
          "[story-poster]") {
    Catalogue c = load_cat("data/nhs-management-careers.yaml");
    Style style = nhs_style();
    for (const auto& story : c.stories) {
        INFO(story.id);
        PathwayGraph g = select(c, View{View::Kind::Story, {story.id}});
        REQUIRE(g.focus.kind == Focus::Kind::Story);
        Poster p = compose_poster(g, style, a3_portrait());
        const auto& stops = g.focus.stops;
        REQUIRE(stops.size() == story.steps.size());

        // A badge per step, numbered in order, and a trail through them.
        REQUIRE(p.marks.badges.size() == stops.size());
        for (std::size_t i = 0; i < stops.size(); ++i) CHECK(p.marks.badges[i].number == std::to_string(i + 1));
        CHECK(p.marks.trail.size() == stops.size());
        // Each free-text step has a marker inside its level's band.
        std::size_t free_text = std::count_if(stops.begin(), stops.end(), [](const StoryStop& s) { return !s.role; });
        CHECK(p.layout.markers().size() == free_text);
        for (const auto& m : p.layout.markers()) {
            const Level* level = stops[m.step].level;
            auto band = std::find_if(p.layout.bands().begin(), p.layout.bands().end(),
                                     [&](const PlacedBand& b) { return b.level == level; });
            REQUIRE(band != p.layout.bands().end());
            CHECK(m.box.x >= band->box.x);
            CHECK(m.box.x + m.box.w <= band->box.x + band->box.w);
            CHECK(m.box.y >= band->box.y);
            CHECK(m.box.y + m.box.h <= band->box.y + band->box.h);
        }

        // The SVG: the story's roles stressed, the rest faded, a badge per step.
        std::string svg = render_svg(p, style, {false, "s", 0});
        SvgEmphasis e = read_svg(svg, "s");
        std::set<std::string> want;
        for (const auto& s : stops)
            if (s.role) want.insert(s.role->id);
        CHECK(e.emphasised_roles == want);
        CHECK(e.emphasised_roles.size() + e.faded_roles.size() == c.roles.size());
        for (std::size_t i = 0; i < stops.size(); ++i)
            CHECK(svg.find("class=\"badge step-" + std::to_string(i + 1) + "\"") != std::string::npos);
        // A screen reader hears the steps too (the SVG's description).
        CHECK(svg.find("The story&#39;s steps, numbered on the map: 1. ") != std::string::npos);

        // The panel: who, the headline, then the steps in order.
        std::size_t at = find_text(p, story.name);
        REQUIRE(at != std::string::npos);
        std::string words = page_words(p);
        std::size_t pos = words.find(story.name);
        for (std::size_t i = 0; i < stops.size(); ++i) {
            std::size_t next = words.find(std::to_string(i + 1) + ". " + stops[i].text.substr(0, 15), pos);
            INFO(stops[i].text);
            CHECK(next != std::string::npos);
            if (next != std::string::npos) pos = next;
        }
    }
}

TEST_CASE("Posters that are not routes or stories carry no emphasis", "[route-poster]") {
    Catalogue c = load_cat("data/ncl-career-pathways.yaml");
    Style style = nhs_style();
    PathwayGraph g = select(c, View{});
    CHECK_FALSE(g.focus.active());
    Poster p = compose_poster(g, style, a3_portrait());
    std::string svg = render_svg(p, style, {false, "n", 0});
    CHECK(svg.find("emphasised") == std::string::npos);
    CHECK(svg.find("faded") == std::string::npos);
    CHECK(p.marks.badges.empty());
}

TEST_CASE("A route on a generated catalogue of several hundred roles", "[route-poster]") {
    // 6 levels of 50 roles; role k of a level leads to roles k and k+1 of the next level.
    std::string y = "title: Generated\npublisher: Test\nsource: Test\nversion: \"1\"\nsetting_dimension: Setting\nlevels:\n";
    for (int l = 0; l < 6; ++l) y += "  - {id: l" + std::to_string(l) + ", name: Level " + std::to_string(l) + ", description: d}\n";
    y += "settings:\n  - {id: a, name: A, description: d}\n  - {id: b, name: B, description: d}\nroles:\n";
    auto id = [](int l, int k) { return "r" + std::to_string(l) + "-" + std::to_string(k); };
    for (int l = 0; l < 6; ++l)
        for (int k = 0; k < 50; ++k) {
            y += "  - id: " + id(l, k) + "\n    name: Role " + std::to_string(l) + " " + std::to_string(k) +
                 "\n    summary: s\n    level: l" + std::to_string(l) + "\n    settings: [" + (k % 2 ? "a" : "b") + "]\n";
            if (l < 5) y += "    progresses_to: [" + id(l + 1, k) + (k < 49 ? ", " + id(l + 1, k + 1) : "") + "]\n";
        }
    Diagnostics d;
    auto c = parse_catalogue(y, "generated.yaml", d);
    INFO(dump(d));
    REQUIRE(c);
    REQUIRE(c->roles.size() == 300);
    PathwayGraph g = select(*c, View{View::Kind::Route, {"r0-10", "r5-12"}});
    // From role 10 to role 12 five levels up: 2 of the 5 steps move along, so C(5,2) = 10 routes.
    REQUIRE(g.focus.routes.routes.size() == 10);
    Style style = nhs_style();
    Layout L = Layout::make(g, style, false, 1);
    std::set<std::string> stressed;
    for (const auto& r : L.roles())
        if (r.emphasis == Emphasis::Emphasised) stressed.insert(r.role->id);
    std::set<std::string> want;
    for (const Role* r : g.focus.roles) want.insert(r->id);
    CHECK(stressed == want);
    CHECK(want.size() == 1 + 2 + 3 + 3 + 2 + 1);
    std::size_t thick = std::count_if(L.links().begin(), L.links().end(),
                                      [](const PlacedLink& l) { return l.emphasis == Emphasis::Emphasised; });
    CHECK(thick == g.focus.links.size());
}

TEST_CASE("Route and story views in a manifest: located errors with suggestions", "[route-poster][manifest]") {
    TempDir dir;
    std::string file = dir.file("posters.yaml");
    write_file(file, "catalogues:\n"
                     "  ncl: " + source_path("data/ncl-career-pathways.yaml") + "\n"
                     "  management: " + source_path("data/nhs-management-careers.yaml") + "\n"
                     "style: " + source_path("styles/nhs.yaml") + "\n"
                     "output: out\n"
                     "posters:\n"
                     "  - {name: a, catalogue: ncl, view: {route: {from: housing-suport-officer, to: general-practice-nurse}}}\n"
                     "  - {name: b, catalogue: management, view: {story: angela-paise}}\n"
                     "  - {name: c, catalogue: ncl, view: {route: {from: nurse, to: nurse}}}\n"
                     "  - {name: d, catalogue: ncl, view: {route: {from: general-practice-nurse}}}\n"
                     "  - {name: e, catalogue: ncl, view: {route: {from: general-practice-nurse, to: housing-support-officer}}}\n"
                     "  - {name: f, catalogue: ncl, view: {route: {from: housing-support-officer, to: general-practice-nurse}}}\n"
                     "  - {name: g, catalogue: management, view: {story: don-richards}}\n");
    Diagnostics d;
    auto plan = load_build_plan(file, d);
    CHECK_FALSE(plan);
    std::string all = dump(d);
    INFO(all);
    const std::string ncl = source_path("data/ncl-career-pathways.yaml");
    CHECK(all.find(file + ":7:52: error: unknown role 'housing-suport-officer' in the view of poster 'a' (catalogue " +
                   ncl + ") (did you mean 'housing-support-officer'?)") != std::string::npos);
    CHECK(all.find(file + ":8:52: error: unknown story 'angela-paise' in the view of poster 'b'") != std::string::npos);
    CHECK(all.find("(did you mean 'angela-paice'?)") != std::string::npos);
    CHECK(all.find(file + ":9:63: error: the route of poster 'c' starts and ends at 'nurse'; give two different roles") !=
          std::string::npos);
    CHECK(all.find(file + ":10:45: error: the route of poster 'd' is missing required key 'to'") != std::string::npos);
    CHECK(all.find(file + ":11:37: error: the route of poster 'e' has no way from General Practice Nurse to Housing "
                          "Support Officer") != std::string::npos);
    CHECK(d.errors() == 5);  // f and g are fine
}

TEST_CASE("render --route and --story: names resolve, mistakes exit 1 with a suggestion", "[route-poster][cli]") {
    TempDir dir;
    std::string ncl = source_path("data/ncl-career-pathways.yaml");
    auto ok = run_cli({"render", ncl, "--route", "HOUSING SUPPORT OFFICER", "general-practice-nurse", "--page", "A4",
                       "-o", dir.file("r.svg")});
    INFO(ok.err);
    CHECK(ok.status == 0);
    std::string svg = read_file(dir.file("r.svg"));
    CHECK(svg.find("node role-housing-support-officer") != std::string::npos);
    CHECK(svg.find("emphasised") != std::string::npos);
    CHECK(svg.find("Your route") != std::string::npos);

    auto typo = run_cli({"render", ncl, "--route", "housing suport officer", "nurse", "-o", dir.file("x.pdf")});
    CHECK(typo.status == 1);
    CHECK(typo.err.find("--route FROM: no role 'housing suport officer'") != std::string::npos);
    CHECK(typo.err.find("did you mean") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("x.pdf")));

    auto none = run_cli({"render", ncl, "--route", "general-practice-nurse", "housing-support-officer", "-o",
                         dir.file("y.pdf")});
    CHECK(none.status == 1);
    CHECK_FALSE(fs::exists(dir.file("y.pdf")));

    std::string mgmt = source_path("data/nhs-management-careers.yaml");
    auto story = run_cli({"render", mgmt, "--story", "denise-bordman", "-o", dir.file("z.pdf")});
    CHECK(story.status == 1);
    CHECK(story.err.find("no story 'denise-bordman'") != std::string::npos);
    CHECK(story.err.find("did you mean 'denise-boardman'?") != std::string::npos);
    auto both = run_cli({"render", mgmt, "--story", "don-richards", "--route", "a", "b", "-o", dir.file("w.pdf")});
    CHECK(both.status == 2);
}
