// The shipped catalogues against their sources: the management catalogue draws only links the
// booklet supports, each with its justification written beside it, and never one of the
// unrelated pairs in tests/data/management-unlinked-pairs.txt; the NCL catalogue spells its
// care settings exactly as the source does.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pathways/catalogue.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

const char* kBookletSeed = "002_4cbaf59619461848.txt";
const char* kNclSeed = "000_73a2d70bc71fa4ea.txt";

/// The text of one of the project's source documents, looked for in $PATHWAYS_SEEDS_DIR, then in
/// `shared/seeds` in the checkout's folder or any folder above it; "" when it is not at hand
/// (a clone on its own), in which case only the checks against tests/data run.
std::string seed_text(const std::string& name) {
    std::vector<fs::path> candidates;
    if (const char* dir = std::getenv("PATHWAYS_SEEDS_DIR")) candidates.push_back(fs::path(dir) / name);
    for (fs::path p = fs::absolute(PATHWAYS_SOURCE_DIR); !p.empty(); p = p.parent_path()) {
        candidates.push_back(p / "shared" / "seeds" / name);
        if (p == p.parent_path()) break;
    }
    for (const auto& c : candidates)
        if (fs::exists(c)) return read_file(c.string());
    return "";
}

/// Text with every run of white space made one space and curly apostrophes made straight, so a
/// phrase quoted on one line can be found in a source whose sentences are broken across lines.
std::string normalised(const std::string& text) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "\xE2\x80\x99") == 0) {  // U+2019
            out += '\'';
            i += 2;
            space = false;
            continue;
        }
        char ch = text[i];
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += ch;
    }
    return out;
}

/// The lines of a data file that are not blank or comments, with any trailing comment removed.
std::vector<std::string> data_lines(const std::string& path) {
    std::vector<std::string> out;
    for (auto line : lines_of(read_file(path))) {
        line = line.substr(0, line.find('#'));
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

Catalogue load_shipped(const std::string& relative) {
    Diagnostics diags;
    auto c = load_catalogue(source_path(relative), diags);
    INFO(dump(diags));
    REQUIRE(c.has_value());
    return *c;
}

/// One link as written in the file: a role's progression or an entry route's leads_to entry.
struct WrittenLink {
    std::string from, to;
    Location at;
    bool entry_route = false;
};

std::vector<WrittenLink> written_links(const Catalogue& c) {
    std::vector<WrittenLink> out;
    for (const auto& r : c.roles)
        for (std::size_t i = 0; i < r.progresses_to.size(); ++i) out.push_back({r.id, r.progresses_to[i], r.progression_at[i]});
    for (const auto& e : c.entry_routes)
        for (std::size_t i = 0; i < e.leads_to.size(); ++i) out.push_back({e.id, e.leads_to[i], e.leads_to_at[i], true});
    return out;
}

/// The comment after the value at `at` on its line ("" when there is none).
std::string comment_at(const std::vector<std::string>& lines, const Location& at) {
    if (at.line < 1 || static_cast<std::size_t>(at.line) > lines.size()) return "";
    const std::string& line = lines[static_cast<std::size_t>(at.line - 1)];
    auto hash = line.find(" #", static_cast<std::size_t>(std::max(at.column - 1, 0)));
    if (hash == std::string::npos) return "";
    std::string comment = line.substr(hash + 2);
    return comment.substr(std::min(comment.find_first_not_of(' '), comment.size()));
}

/// The "double-quoted" phrases in a comment.
std::vector<std::string> quoted_phrases(const std::string& comment) {
    std::vector<std::string> out;
    for (std::size_t open = comment.find('"'); open != std::string::npos;) {
        std::size_t close = comment.find('"', open + 1);
        if (close == std::string::npos) break;
        out.push_back(comment.substr(open + 1, close - open - 1));
        open = comment.find('"', close + 1);
    }
    return out;
}

bool share_a_setting(const Role& a, const Role& b) {
    return std::any_of(a.settings.begin(), a.settings.end(), [&](const std::string& s) {
        return std::find(b.settings.begin(), b.settings.end(), s) != b.settings.end();
    });
}

}  // namespace

TEST_CASE("the management catalogue links none of the unrelated pairs", "[data][sources]") {
    Catalogue c = load_shipped("data/nhs-management-careers.yaml");
    auto pairs = data_lines(data_path("management-unlinked-pairs.txt"));
    REQUIRE(pairs.size() >= 20);
    for (const auto& pair : pairs) {
        INFO(pair);
        auto arrow = pair.find(" -> ");
        REQUIRE(arrow != std::string::npos);
        std::string from = pair.substr(0, arrow), to = pair.substr(arrow + 4);
        to = to.substr(0, to.find(' '));
        const Role* a = c.role(from);
        const Role* b = c.role(to);
        // Both roles exist, so a renamed id cannot make a pair pass unnoticed.
        REQUIRE(a != nullptr);
        REQUIRE(b != nullptr);
        CHECK(std::count(a->progresses_to.begin(), a->progresses_to.end(), to) == 0);
        CHECK(std::count(b->progresses_to.begin(), b->progresses_to.end(), from) == 0);
    }
}

TEST_CASE("every management link carries its justification, and booklet quotes are the booklet's words",
          "[data][sources]") {
    const std::string path = source_path("data/nhs-management-careers.yaml");
    Catalogue c = load_shipped("data/nhs-management-careers.yaml");
    const auto lines = lines_of(read_file(path));
    const std::string booklet = normalised(seed_text(kBookletSeed));
    if (booklet.empty()) WARN("the booklet (" << kBookletSeed << ") is not at hand: quotes are not checked against it");

    auto links = written_links(c);
    REQUIRE(links.size() >= 20);
    std::set<int> lines_used;
    std::map<std::string, int> kinds;
    for (const auto& link : links) {
        INFO(link.from << " -> " << link.to << " (line " << link.at.line << ")");
        // One link a line, so each has its own comment.
        CHECK(lines_used.insert(link.at.line).second);
        std::string comment = comment_at(lines, link.at);
        INFO("comment: " << comment);
        bool ladder = starts_with(comment, "ladder: "), quoted = starts_with(comment, "booklet: ");
        CHECK((ladder || quoted));
        if (ladder) {
            ++kinds["ladder"];
            // A step up the same profession's row: the two roles share a staff group, and it goes up.
            const Role* from = c.role(link.from);
            const Role* to = c.role(link.to);
            REQUIRE(from != nullptr);
            REQUIRE(to != nullptr);
            CHECK(share_a_setting(*from, *to));
            CHECK(link_kind(c, *from, *to) == LinkKind::Up);
        }
        if (quoted) {
            ++kinds["booklet"];
            auto phrases = quoted_phrases(comment);
            CHECK(!phrases.empty());
            for (const auto& phrase : phrases) {
                INFO("quoted: " << phrase);
                CHECK(phrase.size() >= 20);
                if (!booklet.empty()) CHECK(booklet.find(normalised(phrase)) != std::string::npos);
            }
        }
    }
    // Both kinds are in use: the booklet's stories and scheme, and the professions' ladders.
    CHECK(kinds["ladder"] >= 10);
    CHECK(kinds["booklet"] >= 8);
}

TEST_CASE("the graduate scheme is an entry route into its four specialisms, not a role", "[data][sources]") {
    Catalogue c = load_shipped("data/nhs-management-careers.yaml");
    CHECK(c.role("nhs-graduate-management-training-scheme") == nullptr);
    for (const auto& r : c.roles) CHECK(r.name.find("Training Scheme") == std::string::npos);
    const EntryRoute* scheme = c.entry_route("nhs-graduate-management-training-scheme");
    REQUIRE(scheme != nullptr);
    CHECK(scheme->name == "NHS Graduate Management Training Scheme");
    CHECK(scheme->leads_to ==
          std::vector<std::string>{"general-manager", "human-resources-manager", "finance-manager", "information-manager"});
    CHECK(scheme->url == "https://www.nhsgraduates.co.uk");
}

TEST_CASE("the management catalogue says plainly what is its own reading", "[data][sources]") {
    Catalogue c = load_shipped("data/nhs-management-careers.yaml");
    CHECK_THAT(c.source, Catch::Contains("shows where jobs fit, not who can become what"));
    CHECK_THAT(c.source, Catch::Contains("Our reading: "));
    // The staff group is named as the diagram labels it.
    const Setting* dental = c.setting("dental-care-team");
    REQUIRE(dental != nullptr);
    CHECK(dental->name == "Dental care team");
    // Each management family the diagram does not place carries a comment saying its level is ours.
    const auto lines = lines_of(read_file(source_path("data/nhs-management-careers.yaml")));
    for (const char* id : {"clinical-manager", "estates-and-facilities-manager", "finance-manager", "general-manager",
                           "human-resources-manager", "information-manager", "operational-manager"}) {
        INFO(id);
        const Role* r = c.role(id);
        REQUIRE(r != nullptr);
        auto line = std::find_if(lines.begin() + r->where.line, lines.end(),
                                 [](const std::string& l) { return l.find("    level: ") == 0; });
        REQUIRE(line != lines.end());
        CHECK_THAT(*line, Catch::Contains("# our placement: "));
    }
}

TEST_CASE("the NCL care settings are spelled exactly as the source spells them", "[data][sources]") {
    Catalogue c = load_shipped("data/ncl-career-pathways.yaml");
    auto expected = data_lines(data_path("ncl-source-settings.txt"));
    REQUIRE(expected.size() == 3);
    std::vector<std::string> names;
    for (const auto& s : c.settings) names.push_back(s.name);
    CHECK(names == expected);  // case-sensitive: "Primary Care", not "Primary care"

    const std::string tool = seed_text(kNclSeed);
    if (tool.empty()) {
        WARN("the NCL tool's text (" << kNclSeed << ") is not at hand: the list is not checked against it");
        return;
    }
    // Every name the source gives under "Available in:", exactly as written there.
    std::set<std::string> in_source;
    auto lines = lines_of(tool);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto label = lines[i].find("Available in:");
        if (label == std::string::npos) continue;
        // The settings are the bullets indented like the label; the next role's bullet is not.
        const std::string bullet = lines[i].substr(0, label) + "\xE2\x80\xA2 ";  // U+2022 and a space
        for (std::size_t j = i + 1; j < lines.size() && starts_with(lines[j], bullet); ++j) {
            std::string name = lines[j].substr(bullet.size());
            while (!name.empty() && (name.back() == ' ' || name.back() == '\r')) name.pop_back();
            in_source.insert(name);
        }
    }
    CHECK(in_source == std::set<std::string>(expected.begin(), expected.end()));
}
