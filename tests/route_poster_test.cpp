// Route and story posters (issue 11): the roles and links a route or story stresses are exactly
// its own (read back from the SVG's classes), everything else is still drawn but faded, the
// legend's first panel lists the steps in order, story steps carry numbered badges, and mistakes
// in the manifest or on the command line are reported where they were made.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "pathways/focus.hpp"
#include "pathways/manifest.hpp"
#include "pathways/poster.hpp"
#include "pathways/readability.hpp"
#include "pathways/route.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

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
    const Catalogue& c = shipped_catalogue("data/ncl-career-pathways.yaml");
    const Style& style = shipped_style("nhs");
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
    const Catalogue& c = shipped_catalogue("data/ncl-career-pathways.yaml");
    const Style& style = shipped_style("nhs");
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
            std::string line = step_label(k) + ": " + route.roles[k]->name;  // as `pathways route` says it
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
    const Catalogue& c = shipped_catalogue("data/nhs-management-careers.yaml");
    const Style& style = shipped_style("nhs");
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
        CHECK(e.emphasised_roles.size() + e.faded_roles.size() == g.roles.size());
        for (std::size_t i = 0; i < stops.size(); ++i)
            CHECK(svg.find("class=\"badge step-" + std::to_string(i + 1) + "\"") != std::string::npos);
        // A screen reader hears the steps too (the SVG's description).
        CHECK(svg.find("The story&#39;s steps, numbered on the map: 1. ") != std::string::npos);

        // The panel: who, the headline, then the steps in order.
        std::string words = page_words(p);  // the name may wrap in a narrow column
        std::size_t pos = words.find(story.name);
        REQUIRE(pos != std::string::npos);
        for (std::size_t i = 0; i < stops.size(); ++i) {
            std::size_t next = words.find(std::to_string(i + 1) + ". " + stops[i].text.substr(0, 15), pos);
            INFO(stops[i].text);
            CHECK(next != std::string::npos);
            if (next != std::string::npos) pos = next;
        }
    }
}

TEST_CASE("Posters that are not routes or stories carry no emphasis", "[route-poster]") {
    const Catalogue& c = shipped_catalogue("data/ncl-career-pathways.yaml");
    const Style& style = shipped_style("nhs");
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
    const Style& style = shipped_style("nhs");
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

TEST_CASE("A story poster draws the whole map: every role, the story's stressed with badges in order, the rest faded",
          "[story-poster]") {
    const Catalogue& c = shipped_catalogue("data/nhs-management-careers.yaml");
    const Style& style = shipped_style("nhs");
    REQUIRE(c.stories.size() == 5);
    for (const auto& story : c.stories) {
        INFO(story.id);
        PathwayGraph g = select(c, View{View::Kind::Story, {story.id}});
        REQUIRE(g.roles.size() == c.roles.size());
        CHECK(g.levels.size() == c.levels.size());
        Poster p = compose_poster(g, style, a3_portrait());
        std::string svg = render_svg(p, style, {false, "w", 0});
        SvgEmphasis e = read_svg(svg, "w");
        std::set<std::string> in_story;
        for (const auto& stop : g.focus.stops)
            if (stop.role) in_story.insert(stop.role->id);
        // Every role of the catalogue is on the page: the story's stressed, every other one faded.
        for (const auto& r : c.roles) {
            INFO(r.id);
            CHECK(svg.find("<g id=\"w-role-" + r.id) != std::string::npos);
            CHECK(e.emphasised_roles.count(r.id) == in_story.count(r.id));
            CHECK(e.faded_roles.count(r.id) == 1 - in_story.count(r.id));
        }
        CHECK(e.normal_roles.empty());
        // Badge n sits on the corner of step n's role box (or on its marker in its level's band),
        // and the trail runs through the badges in that order.
        REQUIRE(p.marks.badges.size() == g.focus.stops.size());
        REQUIRE(p.marks.trail.size() == p.marks.badges.size());
        for (std::size_t i = 0; i < g.focus.stops.size(); ++i) {
            const StoryStop& stop = g.focus.stops[i];
            const Badge& b = p.marks.badges[i];
            INFO("step " << i + 1 << ": " << stop.text);
            CHECK(b.number == std::to_string(i + 1));
            CHECK(p.marks.trail[i].x == b.centre.x);
            CHECK(p.marks.trail[i].y == b.centre.y);
            const Box* box = nullptr;
            if (stop.role) {
                for (const auto& r : p.layout.roles())
                    if (r.role == stop.role && r.level == stop.level) box = &r.box;
            } else {
                for (const auto& m : p.layout.markers())
                    if (m.step == i) box = &m.box;
            }
            REQUIRE(box);
            CHECK(b.centre.x >= box->x - b.radius);
            CHECK(b.centre.x <= box->x + box->w + b.radius);
            CHECK(b.centre.y >= box->y - b.radius);
            CHECK(b.centre.y <= box->y + box->h + b.radius);
        }
        // Jobs the catalogue lacks, at one level: their markers in the story's order, left to right.
        const auto& markers = p.layout.markers();
        for (std::size_t i = 1; i < markers.size(); ++i)
            if (g.focus.stops[markers[i - 1].step].level == g.focus.stops[markers[i].step].level)
                CHECK(markers[i - 1].box.x < markers[i].box.x);
    }
}

TEST_CASE("Every story poster of the booklet reads on A3 portrait: the whole map, no text under A3's floor", "[story-poster]") {
    const Catalogue& c = shipped_catalogue("data/nhs-management-careers.yaml");
    const double floor = text_floor("A3");
    CHECK(floor == Approx(9.0));
    for (const auto& story : c.stories) {
        PathwayGraph g = select(c, View{View::Kind::Story, {story.id}});
        REQUIRE(g.roles.size() == c.roles.size());  // all 71 roles, not a part of the map
        Poster p = compose_poster(g, shipped_style("nhs"), a3_portrait());
        INFO(story.id << ": smallest text " << p.smallest_text() << " pt, role names " << p.role_text_size << " pt");
        CHECK(p.role_text_size >= floor - 0.05);
        CHECK(p.smallest_text() >= floor - 0.05);
        CHECK(p.layout.roles().size() >= c.roles.size());
    }
}

TEST_CASE("A link's tooltip in the SVG says what the step takes", "[route-poster][via]") {
    const Catalogue& c = shipped_catalogue("data/ncl-career-pathways.yaml");
    const Role& paramedic = *c.role("paramedic");
    std::string via = progression_via(paramedic, "community-paramedic");
    REQUIRE_FALSE(via.empty());
    PathwayGraph g = select(c, View{View::Kind::Route, {"paramedic", "advanced-practitioner"}});
    Poster p = compose_poster(g, shipped_style("nhs"), a3_portrait());
    std::string svg = render_svg(p, shipped_style("nhs"), {false, "v", 0});
    std::string escaped = std::regex_replace(via, std::regex("'"), "&#39;");
    std::smatch m;
    const std::string arrow = " \xE2\x86\x92 ";
    const Role& community = *c.role("community-paramedic");
    const Role& advanced = *c.role("advanced-practitioner");
    std::regex title_re("<g id=\"v-link-paramedic__community-paramedic[a-z0-9_-]*\" class=\"[^\"]*\"><title>([^<]*)</title>");
    REQUIRE(std::regex_search(svg, m, title_re));
    CHECK(m[1].str() == paramedic.name + arrow + community.name + ", via " + escaped);
    // A progression the catalogue says nothing more of keeps the plain arrow.
    REQUIRE(progression_via(community, "advanced-practitioner").empty());
    std::regex plain_re("<g id=\"v-link-community-paramedic[a-z0-9_-]*__advanced-practitioner[a-z0-9_-]*\" class=\"[^\"]*\"><title>([^<]*)</title>");
    REQUIRE(std::regex_search(svg, m, plain_re));
    CHECK(m[1].str() == community.name + arrow + advanced.name);
}

TEST_CASE("The embeddable SVG's compact legend keys the route's and the story's marks", "[route-poster][svg]") {
    const Catalogue& ncl = shipped_catalogue("data/ncl-career-pathways.yaml");
    const Style& style = shipped_style("nhs");
    SvgOptions embed{true, "e", 0};
    Poster route = compose_poster(select(ncl, View{View::Kind::Route, {"paramedic", "advanced-practitioner"}}), style,
                                  a3_portrait());
    std::string svg = render_svg(route, style, embed);
    auto legend = svg.substr(svg.find("<g id=\"e-legend\""));
    CHECK(legend.find(">Your route:</text>") != std::string::npos);
    CHECK(legend.find("<g class=\"key emphasised\">") != std::string::npos);
    CHECK(legend.find(">A step of the route</text>") != std::string::npos);
    CHECK(legend.find("<g class=\"node emphasised\">") != std::string::npos);
    CHECK(legend.find("<g class=\"node faded\">") != std::string::npos);
    CHECK(legend.find(">Not on the route (faded)</text>") != std::string::npos);

    const Catalogue& mgmt = shipped_catalogue("data/nhs-management-careers.yaml");
    Poster story = compose_poster(select(mgmt, View{View::Kind::Story, {"angela-paice"}}), style, a3_portrait());
    svg = render_svg(story, style, embed);
    legend = svg.substr(svg.find("<g id=\"e-legend\""));
    CHECK(legend.find(">The story:</text>") != std::string::npos);
    CHECK(legend.find("<g class=\"trail\">") != std::string::npos);
    CHECK(legend.find("<g class=\"badge\">") != std::string::npos);
    CHECK(legend.find(">Its steps, numbered in order</text>") != std::string::npos);
    CHECK(legend.find(">Not in the story (faded)</text>") != std::string::npos);

    // A poster that is neither has no such key.
    Poster plain = compose_poster(select(ncl, View{}), style, a3_portrait());
    svg = render_svg(plain, style, embed);
    CHECK(svg.find("Your route:") == std::string::npos);
    CHECK(svg.find("The story:") == std::string::npos);
}

TEST_CASE("The default poster set's route and story posters print no text under their page's floor", "[story-poster][route-poster][manifest]") {
    Diagnostics d;
    auto plan = load_build_plan(source_path("data/posters.yaml"), d);
    INFO(dump(d));
    REQUIRE(plan);
    std::size_t checked = 0;
    for (const auto& spec : plan->manifest.posters) {
        if (spec.view.kind != View::Kind::Route && spec.view.kind != View::Kind::Story) continue;
        PosterOptions o;
        o.page = spec.page;
        o.landscape = spec.landscape;
        o.build_date = "1 January 2026";
        const Catalogue& c = plan->catalogue_of(spec).value;
        o.title = poster_title(spec, c);
        Poster p = compose_poster(select(c, spec.view), plan->style_of(spec).value, o);
        // The floor the layout aims for: 12 pt on A1, scaled with the page, never under 9 pt.
        double floor = std::max(9.0, 12.0 * std::sqrt(std::min(p.width, p.height) / paper_size("A1")->width));
        INFO(spec.name << " (" << p.paper << "): smallest text " << p.smallest_text() << " pt, floor " << floor);
        CHECK(p.smallest_text() >= floor - 0.05);
        ++checked;
    }
    CHECK(checked == 6);  // one route, five stories
}
