// The SVG writer, as a reader of the file would check it: it parses as XML, refers to nothing
// outside itself, carries every role name, title and legend entry as text, keeps Graphviz's
// group structure, is accessible, themable and linkable, escapes hostile catalogue text, meets
// WCAG AA contrast, is byte-for-byte reproducible, and a second renderer (librsvg) draws it.
// The browser half of the checks is tests/browser/run.mjs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <cairo.h>
#include <unistd.h>

#include "pathways/catalogue.hpp"
#include "pathways/look.hpp"
#include "pathways/poster.hpp"
#include "pathways/readability.hpp"
#include "pathways/style.hpp"
#include "pathways/view.hpp"
#include "png_image.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;
namespace fs = std::filesystem;

namespace {

const std::string kSource = PATHWAYS_SOURCE_DIR;
const std::vector<std::string> kCatalogueFiles{"data/ncl-career-pathways.yaml", "data/nhs-management-careers.yaml"};

/// Every style shipped in styles/, by path, sorted (so a new style is tested without listing it).
std::vector<std::string> shipped_styles() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(kSource + "/styles"))
        if (e.path().extension() == ".yaml") out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

Catalogue load_cat(const std::string& relative) { return shipped_catalogue(relative); }
Style load_sty(const std::string& path) { return style_at(path); }

Poster poster_of(const Catalogue& c, const Style& s, const View& view = {}) {
    PosterOptions o;
    o.build_date = "1 January 2026";
    return compose_poster(select(c, view), s, o);
}

/// A poster around a single layout (no search over shapes, no page): what the embeddable SVG
/// draws, built in a twentieth of compose_poster's time, for the tests that go through many.
Poster quick_poster(const Catalogue& c, const Style& s, const View& view = {}) {
    PathwayGraph graph = select(c, view);
    Poster p;
    p.title = c.title;
    p.font = s.font;
    p.background = s.page_background;
    p.layout = Layout::make(graph, s, false, 1);
    p.catalogue = &c;
    p.settings = graph.settings;
    p.setting_dimension = c.setting_dimension;
    return p;
}

/// A temporary file, removed when this goes out of scope.
/// Runs a shell command; its exit status and standard output (standard error joins it).
std::pair<int, std::string> shell(const std::string& command) {
    RunResult r = run_shell(command + " 2>&1");
    return {r.status, r.out};
}

std::string unescape(const std::string& s) {
    static const std::vector<std::pair<std::string, std::string>> entities{
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        bool done = false;
        for (const auto& [e, c] : entities)
            if (s.compare(i, e.size(), e) == 0) {
                out += c;
                i += e.size();
                done = true;
                break;
            }
        if (!done) out += s[i++];
    }
    return out;
}

std::string collapse(const std::string& s) {
    std::string out;
    for (char c : s) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

/// The unescaped contents of every <text> element, in document order.
std::vector<std::string> texts_of(const std::string& svg) {
    std::vector<std::string> out;
    static const std::regex re(R"re(<text[^>]*>([^<]*)</text>)re");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back(unescape((*it)[1]));
    return out;
}

/// One <g class="node ..."> group as written.
struct NodeGroup {
    std::string id, cls, title, desc, text, href;
    std::size_t at = 0;  // position in the document
};

std::vector<NodeGroup> nodes_of(const std::string& svg) {
    std::vector<NodeGroup> out;
    static const std::regex open(R"re(<g id="([^"]*)" class="(node[^"]*)">)re");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), open); it != std::sregex_iterator(); ++it) {
        NodeGroup g;
        g.id = (*it)[1];
        g.cls = (*it)[2];
        g.at = static_cast<std::size_t>(it->position());
        std::size_t end = svg.find("</g>", g.at);
        std::string body = svg.substr(g.at, end - g.at);
        std::smatch m;
        if (std::regex_search(body, m, std::regex(R"re(<title>([^<]*)</title>)re"))) g.title = unescape(m[1]);
        if (std::regex_search(body, m, std::regex(R"re(<desc>([^<]*)</desc>)re"))) g.desc = unescape(m[1]);
        if (std::regex_search(body, m, std::regex(R"re(<a href="([^"]*)">)re"))) g.href = unescape(m[1]);
        for (const auto& t : texts_of(body)) g.text += (g.text.empty() ? "" : " ") + t;
        out.push_back(g);
    }
    return out;
}

bool has_class(const std::string& classes, const std::string& name) {
    return (" " + classes + " ").find(" " + name + " ") != std::string::npos;
}

/// Whether `xml` is well-formed, by xmllint (libxml2-utils), with no network.
void require_well_formed(const std::string& xml, const std::string& what) {
    TempFile f("check.svg", xml);
    auto [status, out] = shell("xmllint --noout --nonet " + f.path());
    INFO(what << "\n" << out);
    REQUIRE(status == 0);
}

/// Everything that could make an SVG load or run something outside itself; empty when clean.
/// Looks at markup only (catalogue text is escaped, so '<' always opens a real tag): elements that
/// load or run things, event-handler attributes, any href that is not a safe link, and CSS that
/// fetches (url(), @import).
std::vector<std::string> unsafe_parts(const std::string& svg) {
    std::vector<std::string> found;
    static const std::set<std::string> forbidden{"script", "image", "use", "foreignobject", "iframe", "object",
                                                 "embed", "feimage", "audio", "video", "link", "set", "animate"};
    static const std::regex tag(R"re(<([!?/]?)([A-Za-z:-]*)([^>]*)>)re");
    static const std::regex attr(R"re(\s([A-Za-z:-]+)\s*=\s*"([^"]*)")re");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), tag); it != std::sregex_iterator(); ++it) {
        std::string kind = (*it)[1], name = (*it)[2], rest = (*it)[3];
        std::string lower;
        for (char ch : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (kind == "!" || (kind == "?" && lower != "xml")) found.push_back("<" + kind + name);
        if (forbidden.count(lower)) found.push_back("<" + name + ">");
        for (auto a = std::sregex_iterator(rest.begin(), rest.end(), attr); a != std::sregex_iterator(); ++a) {
            std::string an = (*a)[1], value = unescape((*a)[2]);
            if (an.size() > 2 && (an[0] == 'o' || an[0] == 'O') && (an[1] == 'n' || an[1] == 'N'))
                found.push_back("event handler " + an);
            if (an.find("href") != std::string::npos && (lower != "a" || an != "href" || !is_safe_url(value)))
                found.push_back(name + " " + an + "=" + value);
            if (an == "src" || (an == "style" && value.find("url(") != std::string::npos)) found.push_back(an + "=" + value);
        }
    }
    std::smatch m;
    if (std::regex_search(svg, m, std::regex(R"re(<style>([^<]*)</style>)re"))) {
        std::string css = m[1];
        for (const char* bad : {"url(", "@import", "expression(", "\\"})
            if (css.find(bad) != std::string::npos) found.push_back(std::string("CSS ") + bad);
    }
    return found;
}

std::string attribute(const std::string& svg, const std::string& name) {
    std::smatch m;
    std::regex_search(svg, m, std::regex("<svg [^>]*\\b" + name + "=\"([^\"]*)\""));
    return m.empty() ? std::string("<absent>") : std::string(m[1]);
}

std::vector<double> numbers(const std::string& s) {
    std::vector<double> out;
    std::istringstream in(s);
    for (double v; in >> v;) out.push_back(v);
    return out;
}

}  // namespace

TEST_CASE("SVG, page and embed: parses as XML, refers to nothing outside, and carries title, legend and every role as text",
          "[svg]") {
    for (const auto& style_path : shipped_styles()) {
        Style style = load_sty(style_path);
        for (const auto& file : kCatalogueFiles) {
            Catalogue c = load_cat(file);
            Poster p = poster_of(c, style);
            for (bool embed : {false, true}) {
                INFO(file << " in " << style_path << (embed ? ", embed" : ", page"));
                SvgOptions o;
                o.embed = embed;
                o.id_prefix = "poster";
                std::string svg = render_svg(p, style, o);
                require_well_formed(svg, file);
                CHECK(unsafe_parts(svg).empty());
                for (const auto& bad : unsafe_parts(svg)) FAIL_CHECK(bad);

                // Graphviz's structure: one cluster per level, one node per placed role, one edge per link.
                std::size_t clusters = 0, edges = 0;
                for (std::size_t at = 0; (at = svg.find("class=\"cluster ", at)) != std::string::npos; ++at) ++clusters;
                for (std::size_t at = 0; (at = svg.find("class=\"edge ", at)) != std::string::npos; ++at) ++edges;
                CHECK(clusters == p.layout.bands().size());
                CHECK(edges == p.layout.links().size());
                std::vector<NodeGroup> nodes = nodes_of(svg);
                CHECK(nodes.size() == p.layout.roles().size() + p.layout.transfers().size());
                for (const auto& n : nodes) CHECK(!n.title.empty());

                // The title is the document's; every role's name is in its group's text.
                CHECK_THAT(svg, Catch::Contains("<title id=\"poster-title\">" + c.title + "</title>"));
                for (const auto& r : c.roles) {
                    auto it = std::find_if(nodes.begin(), nodes.end(),
                                           [&](const NodeGroup& n) { return has_class(n.cls, "role-" + r.id); });
                    INFO(r.id);
                    REQUIRE(it != nodes.end());
                    CHECK_THAT(collapse(it->text), Catch::StartsWith(collapse(r.name)));
                    CHECK_THAT(it->title, Catch::StartsWith(r.name + "\n"));
                }

                // Legend entries: each setting's name and each level's name are drawn as text.
                std::vector<std::string> texts = texts_of(svg);
                auto drawn = [&](const std::string& s) {
                    return std::find(texts.begin(), texts.end(), s) != texts.end();
                };
                std::string all_text;  // a framework's column headings wrap long level names over lines
                for (const auto& t : texts) all_text += t + " ";
                auto drawn_or_wrapped = [&](const std::string& s) { return drawn(s) || collapse(all_text).find(collapse(s)) != std::string::npos; };
                for (const auto& st : c.settings) CHECK(drawn(st.name));
                for (const auto& l : c.levels) CHECK(drawn_or_wrapped(l.name));
                if (!embed) {
                    CHECK(drawn(c.setting_dimension));
                    CHECK(drawn(c.title));  // short enough to be one line on every shipped page
                    CHECK(drawn("Links"));
                    CHECK(drawn("Career levels"));
                } else {
                    CHECK(drawn(c.setting_dimension + "s:"));
                    CHECK(drawn("Links:"));
                    CHECK(drawn("Leads up a level"));
                }
            }
        }
    }
}

TEST_CASE("embed profile: a scalable figure without page furniture, with a font stack and an optional width", "[svg]") {
    Catalogue c = load_cat("data/ncl-career-pathways.yaml");
    Style s = load_sty(kSource + "/styles/nhs.yaml");
    Poster p = poster_of(c, s);
    SvgOptions o;
    o.embed = true;
    o.id_prefix = "ncl";
    std::string svg = render_svg(p, s, o);

    CHECK(attribute(svg, "width") == "<absent>");
    CHECK(attribute(svg, "height") == "<absent>");
    std::vector<double> box = numbers(attribute(svg, "viewBox"));
    REQUIRE(box.size() == 4);
    CHECK(box[0] == 0);
    CHECK(box[1] == 0);
    CHECK(std::abs(box[2] - p.layout.width()) < 0.01);
    CHECK(box[3] > p.layout.height());  // the compact legend sits under the drawing
    CHECK(box[3] < p.layout.height() + 120);
    CHECK_THAT(svg, Catch::Contains("font-family:\"Liberation Sans\",Arial,Helvetica,sans-serif"));
    CHECK_THAT(svg, !Catch::Contains("<?xml"));
    CHECK_THAT(svg, !Catch::Contains("class=\"page\""));
    // No footer, panel or page title text: only band labels, role labels and the legend.
    std::vector<std::string> texts = texts_of(svg);
    CHECK(std::find(texts.begin(), texts.end(), c.title) == texts.end());
    for (const auto& t : texts) CHECK_THAT(t, !Catch::Contains("Data version"));

    o.width = 640;
    std::string fixed = render_svg(p, s, o);
    CHECK(attribute(fixed, "width") == "640");
    CHECK(std::abs(std::stod(attribute(fixed, "height")) - 640 * box[3] / box[2]) < 0.01);

    // The page profile keeps the paper size.
    std::string page = render_svg(p, s, {});
    std::string page_width = attribute(page, "width");
    CHECK_THAT(page_width, Catch::EndsWith("pt"));
    CHECK(std::abs(std::stod(page_width) - p.width) < 0.01);
    CHECK_THAT(page, Catch::Contains("class=\"page\""));
}

TEST_CASE("accessible: role=img labelled by title and desc, roles titled and described, reading order by level",
          "[svg]") {
    for (const auto& file : kCatalogueFiles) {
        Catalogue c = load_cat(file);
        Style s = load_sty(kSource + "/styles/nhs.yaml");
        Poster p = poster_of(c, s);
        SvgOptions o;
        o.embed = true;
        o.id_prefix = "fig";
        std::string svg = render_svg(p, s, o);
        INFO(file);
        CHECK(attribute(svg, "role") == "img");
        CHECK(attribute(svg, "aria-labelledby") == "fig-title fig-desc");
        CHECK_THAT(svg, Catch::Contains("<title id=\"fig-title\">"));
        std::smatch m;
        REQUIRE(std::regex_search(svg, m, std::regex(R"re(<desc id="fig-desc">([^<]*)</desc>)re")));
        std::string desc = unescape(m[1]);
        // Said in words, from the data: how many roles, levels and settings, and the main routes.
        CHECK_THAT(desc, Catch::Contains(std::to_string(c.roles.size()) + " job roles"));
        CHECK_THAT(desc, Catch::Contains(std::to_string(c.levels.size()) + " career levels"));
        CHECK_THAT(desc, Catch::Contains("one of " + std::to_string(c.settings.size())));
        CHECK_THAT(desc, Catch::Contains(c.levels.front().name));
        CHECK_THAT(desc, Catch::Contains(c.levels.back().name));
        for (const auto& st : c.settings) CHECK_THAT(desc, Catch::Contains(st.name));
        CHECK_THAT(desc, Catch::Contains(std::to_string(c.link_count()) + " arrows"));
        CHECK_THAT(desc, Catch::Contains("Main routes up the levels: "));

        std::map<std::string, std::size_t> level_order;
        for (std::size_t i = 0; i < c.levels.size(); ++i) level_order["level-" + c.levels[i].id] = i;
        std::size_t last_level = 0;
        for (const auto& n : nodes_of(svg)) {
            if (has_class(n.cls, "transfer")) continue;
            const Role* r = nullptr;
            for (const auto& role : c.roles)
                if (has_class(n.cls, "role-" + role.id)) r = &role;
            REQUIRE(r);
            INFO(r->id);
            // Title: name, levels, settings (the browser's tooltip). Desc: the summary.
            CHECK_THAT(n.title, Catch::StartsWith(r->name + "\nLevel"));
            for (const auto& sid : r->settings) CHECK_THAT(n.title, Catch::Contains(c.setting(sid)->name));
            for (const auto& lid : r->levels)
                CHECK_THAT(n.title, Catch::Contains(c.levels[static_cast<std::size_t>(c.level_index(lid))].name));
            CHECK_THAT(n.desc, Catch::StartsWith(collapse(r->summary)));
            // Document order follows the levels, lowest first.
            std::size_t level = c.levels.size();
            for (const auto& [cls, i] : level_order)
                if (has_class(n.cls, cls)) level = i;
            REQUIRE(level < c.levels.size());
            CHECK(level >= last_level);
            last_level = level;
        }
    }
}

TEST_CASE("themable: classes per setting, level, role and link kind, colours from CSS custom properties", "[svg]") {
    Catalogue c = load_cat("data/ncl-career-pathways.yaml");
    Style s = load_sty(kSource + "/styles/nhs.yaml");
    Poster p = poster_of(c, s);
    SvgOptions o;
    o.embed = true;
    o.id_prefix = "ncl";
    std::string svg = render_svg(p, s, o);

    std::smatch m;
    REQUIRE(std::regex_search(svg, m, std::regex(R"re(<style>([^<]*)</style>)re")));
    std::string css = m[1];
    for (const auto& st : c.settings) {
        INFO(st.id);
        CHECK_THAT(svg, Catch::Contains("class=\"node role-"));
        CHECK_THAT(css, Catch::Contains("#ncl rect.setting-" + st.id + "{fill:" + s.setting_look(st.id, 0).fill.hex() +
                                        ";fill:var(--setting-" + st.id + "-fill," + s.setting_look(st.id, 0).fill.hex() +
                                        ")}"));
    }
    for (const auto& l : c.levels) CHECK_THAT(css, Catch::Contains("--level-" + l.id + "-fill"));
    for (const char* kind : {"up", "within-level", "down", "same-role"})
        CHECK_THAT(css, Catch::Contains(std::string("--link-") + kind + "-colour"));
    CHECK_THAT(svg, Catch::Contains("class=\"edge up progression\""));
    CHECK_THAT(svg, Catch::Contains("class=\"edge within-level progression\""));
    CHECK_THAT(svg, Catch::Contains("class=\"node role-admin-role level-entry setting-primary setting-secondary setting-social\""));
    CHECK_THAT(svg, Catch::Contains("class=\"cluster level-entry\""));
    // Every CSS rule is scoped to this figure, so two figures on one page do not restyle each other.
    std::istringstream rules(css);
    for (std::string rule; std::getline(rules, rule);)
        if (!rule.empty()) CHECK_THAT(rule, Catch::StartsWith("#ncl"));
    // No styling repeated on elements: colours, fonts and strokes come from the classes.
    std::string body = svg.substr(svg.find("</style>"));
    for (const char* attr : {" fill=", " stroke=", " font-family=", " font-size=", " style=", " stroke-width="})
        CHECK_THAT(body, !Catch::Contains(attr));
}

TEST_CASE("ids derive from the poster name and role ids: stable when roles are added, distinct between posters",
          "[svg]") {
    Catalogue c = load_cat("data/ncl-career-pathways.yaml");
    Style s = load_sty(kSource + "/styles/nhs.yaml");
    auto ids = [](const std::string& svg) {
        std::vector<std::string> out;
        static const std::regex re(R"re(\sid="([^"]*)")re");
        for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it)
            out.push_back((*it)[1]);
        return out;
    };
    SvgOptions a;
    a.embed = true;
    a.id_prefix = "ncl-primary-care";
    Poster p = poster_of(c, s);
    std::vector<std::string> first = ids(render_svg(p, s, a));
    std::set<std::string> unique(first.begin(), first.end());
    CHECK(unique.size() == first.size());
    for (const auto& id : first) CHECK_THAT(id, Catch::StartsWith("ncl-primary-care"));
    for (const auto& r : c.roles) CHECK(unique.count("ncl-primary-care-role-" + r.id));
    CHECK(unique.count("ncl-primary-care-role-management_leadership"));
    CHECK(unique.count("ncl-primary-care-link-admin-role__nurse"));

    // A new role at the top of the catalogue does not renumber the others.
    Catalogue more = c;
    Role extra = c.roles.front();
    extra.id = "aaa-new-role";
    extra.name = "A New Role";
    more.roles.insert(more.roles.begin(), extra);
    Poster q = poster_of(more, s);
    std::vector<std::string> second = ids(render_svg(q, s, a));
    std::set<std::string> after(second.begin(), second.end());
    for (const auto& id : unique)
        if (id.find("-role-") != std::string::npos || id.find("-band-") != std::string::npos ||
            id.find("-link-") != std::string::npos)
            CHECK(after.count(id));
    CHECK(after.count("ncl-primary-care-role-aaa-new-role"));

    // Two posters on one page: no id in common.
    SvgOptions b = a;
    b.id_prefix = "ncl-social-care";
    std::vector<std::string> other = ids(render_svg(p, s, b));
    for (const auto& id : other) CHECK(!unique.count(id));
    // A prefix that is not a valid id is made one.
    b.id_prefix = "9 \"bad\" <name>";
    std::string odd = render_svg(p, s, b);
    require_well_formed(odd, "odd prefix");
    for (const auto& id : ids(odd)) CHECK_THAT(id, Catch::Matches("[A-Za-z][A-Za-z0-9_-]*"));
}

TEST_CASE("roles with a safe url become links, and any other scheme is refused", "[svg]") {
    Catalogue c = load_cat("data/nhs-management-careers.yaml");
    Style s = load_sty(kSource + "/styles/nhs.yaml");
    // Hostile URLs slipped past the loader (which rejects them) straight into the data.
    std::vector<std::string> bad{"javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "JaVaScRiPt:x",
                                 "vbscript:x", "file:///etc/passwd", "https://example.org/\" onmouseover=\"alert(1)",
                                 "//example.org/x"};
    std::size_t b = 0;
    std::map<std::string, std::string> expected;
    for (auto& r : c.roles) {
        if (r.url.empty() && b < bad.size()) r.url = bad[b++];
        else if (!r.url.empty()) expected[r.id] = r.url;
    }
    REQUIRE(b == bad.size());
    REQUIRE(expected.size() >= 5);
    SvgOptions o;
    o.embed = true;
    std::string svg = render_svg(poster_of(c, s), s, o);
    require_well_formed(svg, "links");
    CHECK(unsafe_parts(svg).empty());
    for (const auto& n : nodes_of(svg)) {
        std::string id;
        for (const auto& r : c.roles)
            if (has_class(n.cls, "role-" + r.id)) id = r.id;
        INFO(id);
        if (expected.count(id)) CHECK(n.href == expected[id]);
        else CHECK(n.href.empty());
    }
}

TEST_CASE("hostile names and summaries come out escaped and read as written", "[svg]") {
    Catalogue c = load_cat("data/ncl-career-pathways.yaml");
    Style s = load_sty(kSource + "/styles/nhs.yaml");
    const std::vector<std::string> hostile{
        "<script>alert(1)</script>",
        "Tom & Jerry's \"best\" role",
        "]]> <![CDATA[ x ]]>",
        "<g onload=\"alert(1)\">",
        "</text></g></svg><svg onload=alert(1)>",
        "&amp; &#x3c; &lt;",
        "<!-- comment --> <?pi?>",
    };
    for (std::size_t i = 0; i < hostile.size(); ++i) {
        c.roles[i].name = hostile[i];
        c.roles[i].summary = "Summary: " + hostile[(i + 1) % hostile.size()];
    }
    c.roles[hostile.size()].name = std::string("Bell\x07 and \x01nul\x1F ctl \xC3(bad utf8) \xEF\xBF\xBE end");
    c.title = "Title <b>&</b> \"quoted\"";
    c.levels[0].name = "Level <i>one</i> & 'two'";
    Setting* primary = nullptr;
    for (auto& st : c.settings)
        if (st.id == "primary") primary = &st;
    REQUIRE(primary);
    primary->name = "Primary ]]> <care>";
    c.setting_dimension = "Care \"setting\" <x>";
    s.font = "Liberation Sans\"; } </style><script>alert(1)</script>";

    for (bool embed : {false, true}) {
        SvgOptions o;
        o.embed = embed;
        o.id_prefix = "x\"><script>";
        Poster p = poster_of(c, s);
        std::string svg = render_svg(p, s, o);
        INFO((embed ? "embed" : "page"));
        require_well_formed(svg, "hostile");
        CHECK(unsafe_parts(svg).empty());
        for (const auto& bad : unsafe_parts(svg)) FAIL_CHECK(bad);
        CHECK_THAT(svg, !Catch::Contains("<g onload"));
        CHECK_THAT(svg, !Catch::Contains("<!--"));
        CHECK_THAT(svg, !Catch::Contains("<![CDATA["));
        CHECK_THAT(svg, !Catch::Contains("\x07"));
        CHECK_THAT(svg, !Catch::Contains("\x01"));

        // The text reads exactly as written once the XML is parsed.
        std::vector<NodeGroup> nodes = nodes_of(svg);
        for (std::size_t i = 0; i < hostile.size(); ++i) {
            auto it = std::find_if(nodes.begin(), nodes.end(),
                                   [&](const NodeGroup& n) { return has_class(n.cls, "role-" + c.roles[i].id); });
            REQUIRE(it != nodes.end());
            INFO(hostile[i]);
            CHECK_THAT(it->text, Catch::StartsWith(collapse(hostile[i])));
            CHECK_THAT(it->title, Catch::StartsWith(hostile[i] + "\n"));
            CHECK_THAT(it->desc, Catch::StartsWith("Summary: " + hostile[(i + 1) % hostile.size()]));
        }
        auto it = std::find_if(nodes.begin(), nodes.end(),
                               [&](const NodeGroup& n) { return has_class(n.cls, "role-" + c.roles[hostile.size()].id); });
        REQUIRE(it != nodes.end());
        CHECK_THAT(it->title, Catch::StartsWith("Bell and nul ctl (bad utf8)  end\n"));
        CHECK_THAT(svg, Catch::Contains("<title id=\"x---script--title\">Title &lt;b&gt;&amp;&lt;/b&gt; &quot;quoted&quot;</title>"));
        std::vector<std::string> texts = texts_of(svg);
        CHECK(std::find(texts.begin(), texts.end(), "Level <i>one</i> & 'two'") != texts.end());
        CHECK(std::find(texts.begin(), texts.end(), "Primary ]]> <care>") != texts.end());
    }
}

TEST_CASE("the same inputs give the same SVG bytes, with no dates or random ids", "[svg]") {
    Catalogue c = load_cat("data/ncl-career-pathways.yaml");
    Style s = load_sty(kSource + "/styles/nhs.yaml");
    SvgOptions o;
    o.embed = true;
    o.id_prefix = "ncl";
    Poster first = poster_of(c, s), second = poster_of(c, s);
    std::string one = render_svg(first, s, o);
    std::string two = render_svg(second, s, o);
    CHECK(one == two);
    CHECK(render_svg(first, s, {}) == render_svg(second, s, {}));
    CHECK_THAT(one, !Catch::Matches(".*20[0-9][0-9]-[0-9][0-9]-[0-9][0-9].*"));

    // Through the command line, twice, into two files.
    TempFile f1("a.svg", ""), f2("b.svg", "");
    for (const auto* f : {&f1, &f2}) {
        auto [status, out] = shell(std::string("cd ") + kSource + " && " + PATHWAYS_BINARY +
                                   " render data/ncl-career-pathways.yaml --embed --id-prefix ncl -o " + f->path());
        INFO(out);
        REQUIRE(status == 0);
    }
    std::ifstream a(f1.path(), std::ios::binary), b(f2.path(), std::ios::binary);
    std::string sa((std::istreambuf_iterator<char>(a)), {}), sb((std::istreambuf_iterator<char>(b)), {});
    CHECK(!sa.empty());
    CHECK(sa == sb);
    // The command line draws the embeddable SVG in the shape its column needs (issue 17).
    PathwayGraph graph = select(c, View{});
    std::optional<Poster> narrow = embed_poster(first, graph, s, 0);
    CHECK(sa == render_svg(narrow ? *narrow : first, s, o));
}

TEST_CASE("every label meets WCAG AA contrast (4.5:1) against its fills in every shipped style", "[svg][contrast]") {
    constexpr double kAA = 4.5;
    auto check = [&](const Colour& text, const Colour& fill, const std::string& what) {
        INFO(what << ": " << text.hex() << " on " << fill.hex() << " = " << contrast(text, fill));
        CHECK(contrast(text, fill) >= kAA);
    };
    for (const auto& style_path : shipped_styles()) {
        Style s = load_sty(style_path);
        INFO(style_path);
        // Page text, the compact legend and transfer markers sit on the page background.
        check(s.title_colour, s.page_background, "title");
        check(s.text_colour, s.page_background, "text");
        check(s.band_label, s.page_background, "level name in the legend");
        // Band labels on every band fill.
        for (const auto& f : s.band_fills) check(s.band_label, f, "band label");
        for (const auto& file : kCatalogueFiles) {
            Catalogue c = load_cat(file);
            Poster p = quick_poster(c, s);
            INFO(file);
            // Every role label against every stripe of its box, as drawn.
            for (const auto& r : p.layout.roles())
                for (const auto& f : r.fills) check(r.text, f, r.node);
            // Setting tags printed in legend swatches (greyscale styles).
            for (std::size_t i = 0; i < c.settings.size(); ++i) {
                Colour fill = s.setting_look(c.settings[i].id, i).fill;
                check(text_colour_for(s, {fill}), fill, "tag of " + c.settings[i].id);
            }
        }
    }
}

namespace {

bool close_to(std::uint32_t pixel, const Colour& c) {
    auto channel = [&](int shift) { return static_cast<int>((pixel >> shift) & 0xFF); };
    auto byte = [](double v) { return static_cast<int>(std::lround(v * 255)); };
    return std::abs(channel(16) - byte(c.r)) <= 3 && std::abs(channel(8) - byte(c.g)) <= 3 &&
           std::abs(channel(0) - byte(c.b)) <= 3 && channel(24) == 255;
}

}  // namespace

TEST_CASE("librsvg draws every embeddable SVG: the right size, not blank, each role in its setting's colours",
          "[svg][rsvg]") {
    std::vector<std::pair<std::string, View>> views{{"all", View{}}};
    Catalogue ncl = load_cat("data/ncl-career-pathways.yaml");
    for (const auto& st : ncl.settings) views.push_back({st.id, View{View::Kind::Settings, {st.id}}});
    for (const auto& style_path : shipped_styles()) {
        Style s = load_sty(style_path);
        for (const auto& file : kCatalogueFiles) {
            Catalogue c = load_cat(file);
            for (const auto& [name, view] : views) {
                if (name != "all" && file != kCatalogueFiles[0]) continue;  // the manifest's per-setting figures are NCL's
                INFO(file << " " << name << " in " << style_path);
                Poster p = quick_poster(c, s, view);
                SvgOptions o;
                o.embed = true;
                o.id_prefix = name;
                std::string svg = render_svg(p, s, o);
                TempFile in("embed.svg", svg);
                std::string png = in.path() + ".png";
                auto [status, out] = shell("rsvg-convert --format png -o " + png + " " + in.path());
                INFO(out);
                REQUIRE(status == 0);
                Image img = read_png(png);
                std::remove(png.c_str());
                REQUIRE(img.width > 0);
                std::vector<double> box = numbers(attribute(svg, "viewBox"));
                REQUIRE(box.size() == 4);
                CHECK(std::abs(img.width - box[2]) <= 1);
                CHECK(std::abs(img.height - box[3]) <= 1);
                // Not blank: a good share of the figure is painted, in more than a few colours.
                std::size_t painted = 0;
                std::set<std::uint32_t> colours;
                for (auto px : img.pixels) {
                    if ((px >> 24) != 0) ++painted;
                    if (colours.size() < 64) colours.insert(px);
                }
                CHECK(painted > img.pixels.size() / 4);
                CHECK(colours.size() >= 8);
                // Each stripe of each role is drawn in its setting's colour (sampled clear of the
                // border and the label): librsvg took the colours from the <style> block.
                for (const auto& r : p.layout.roles()) {
                    double w = r.box.w / static_cast<double>(r.fills.size());
                    for (std::size_t i = 0; i < r.fills.size(); ++i) {
                        int x = static_cast<int>(r.box.x + w * static_cast<double>(i) + std::min(4.0, w / 2));
                        int y = static_cast<int>(r.box.y + 3.5);
                        INFO(r.node << " stripe " << i << " at " << x << "," << y);
                        CHECK(close_to(img.at(x, y), r.fills[i]));
                    }
                }
            }
        }
    }
}

TEST_CASE("our SVG is smaller than Graphviz's -Tsvg of the same graph", "[svg][size]") {
    // Each whole catalogue, and (as the default set draws them) each NCL setting.
    std::vector<std::pair<std::string, View>> posters;
    for (const auto& file : kCatalogueFiles) posters.push_back({file, View{}});
    for (const auto& id : {"primary", "secondary", "social"})
        posters.push_back({kCatalogueFiles[0], View{View::Kind::Settings, {id}}});
    for (const auto& [file, view] : posters) {
        Catalogue c = load_cat(file);
        Style s = load_sty(kSource + "/styles/nhs.yaml");
        PosterOptions po;  // the default set's pages: A1 landscape, settings on A3 portrait
        po.build_date = "1 January 2026";
        if (!view.ids.empty()) po.page = "A3", po.landscape = false;
        Poster p = compose_poster(select(c, view), s, po);
        std::string name = file + (view.ids.empty() ? "" : " " + view.ids.front());
        SvgOptions o;
        o.embed = true;
        std::string ours = render_svg(p, s, o);
        std::string page = render_svg(p, s, {});
        std::string graphviz = p.layout.graphviz_svg();
        // Like for like: ours also carries each role's summary as <desc> text, which Graphviz's does
        // not; on a catalogue with few links (the management one: 71 roles, 32 links) that text
        // alone can tip the whole file over Graphviz's size, so the drawing is compared without it.
        std::size_t summaries = 0;
        for (auto at = ours.find("<desc>"); at != std::string::npos; at = ours.find("<desc>", at + 1))
            summaries += ours.find("</desc>", at) - at;
        WARN(name << ": embed SVG " << ours.size() << " bytes (" << summaries << " of them role summaries), page SVG "
                  << page.size() << " bytes, Graphviz -Tsvg " << graphviz.size() << " bytes");
        CHECK(ours.size() - summaries < graphviz.size());
    }
}

TEST_CASE("the page legend samples each kind of link by its kind, even when two kinds look alike", "[svg][legend]") {
    // A style whose transfer look equals its within-level look: the legend once showed two
    // "within-level" samples and no "transfer" one, so the transfer colour never reached it.
    std::string text = read_file(source_path("styles/nhs.yaml"));
    const std::string from = "transfer: {colour: \"#005EB8\", line: dashed, width: 2}";
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), "transfer: {colour: \"#7C2855\", line: dashed, width: 2}");
    TempFile file("alike.yaml", text);
    Style s = load_sty(file.path());
    Catalogue c = load_cat("data/ncl-career-pathways.yaml");
    PosterOptions po;
    po.page = "A3";
    po.landscape = false;
    po.build_date = "1 January 2026";
    Poster p = compose_poster(select(c, View{View::Kind::Settings, {"social"}}), s, po);
    std::string svg = render_svg(p, s, {});
    auto count = [&](const std::string& needle) {
        std::size_t n = 0;
        for (auto at = svg.find(needle); at != std::string::npos; at = svg.find(needle, at + 1)) ++n;
        return n;
    };
    CHECK(count("<g class=\"key within-level\">") == 1);
    CHECK(count("<g class=\"key transfer\">") == 1);
    CHECK(svg.find(".transfer path{stroke:#7c2855") != std::string::npos);
}
