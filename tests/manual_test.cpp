// The man page (docs/pathways.1) and the shell completion (scripts/completion/) against the
// program itself: every command `pathways --help` lists has its man section, and each section
// describes exactly the options that command's --help lists; completion offers the commands and
// each command's options.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>

#include "test_support.hpp"

using namespace pathways::test;
using Catch::Matchers::Contains;

namespace {

/// The subcommands `pathways --help` lists.
std::vector<std::string> help_commands() {
    RunResult r = run_cli({"--help"});
    REQUIRE(r.status == 0);
    std::vector<std::string> commands;
    bool in_list = false;
    for (const std::string& line : lines_of(r.out)) {
        if (line.rfind("Subcommands:", 0) == 0) in_list = true;
        else if (in_list && std::regex_match(line, std::regex("  [a-z]+ .*")))
            commands.push_back(line.substr(2, line.find(' ', 2) - 2));
        else if (in_list && !line.empty()) in_list = false;
    }
    return commands;
}

/// Every long option named in `text` (`--name`; a man page writes `\-\-name`), but --help.
std::set<std::string> long_options(std::string text) {
    text = std::regex_replace(text, std::regex(R"(\\-)"), "-");
    std::set<std::string> options;
    std::regex option("--[a-z][a-z0-9-]*[a-z0-9]");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), option); it != std::sregex_iterator(); ++it)
        if (it->str() != "--help") options.insert(it->str());
    return options;
}

/// The man page's section for `command`: from `.SS command` to the next section.
std::string man_section(const std::string& man, const std::string& command) {
    std::size_t start = man.find("\n.SS " + command + "\n");
    if (start == std::string::npos) return {};
    std::size_t end = man.find("\n.S", start + 1);
    return man.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

/// What the bash completion offers for the words `line` (the last one being completed).
std::string complete(const std::string& line) {
    std::string script = "source " + shell_quote(source_path("scripts/completion/pathways.bash")) +
                         "; COMP_WORDS=(" + shell_quote(binary_path()) + " " + line + "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
                         "[[ -z " + shell_quote(line) + " || " + shell_quote(line) + " == *' ' ]] && COMP_WORDS+=('') && COMP_CWORD=$((COMP_CWORD + 1)); "
                         "_pathways; printf '%s\\n' \"${COMPREPLY[@]}\"";
    RunResult r = run_shell("/bin/bash -c " + shell_quote(script));
    REQUIRE(r.status == 0);
    return r.out;
}

}  // namespace

TEST_CASE("the man page has a section for every command, with exactly its options", "[manual]") {
    std::string man = read_file(source_path("docs/pathways.1"));
    REQUIRE_FALSE(man.empty());
    std::vector<std::string> commands = help_commands();
    REQUIRE(commands.size() >= 4);
    for (const std::string& command : commands) {
        DYNAMIC_SECTION(command) {
            std::string section = man_section(man, command);
            INFO("no '.SS " << command << "' section in docs/pathways.1");
            REQUIRE_FALSE(section.empty());
            RunResult help = run_cli({command, "--help"});
            REQUIRE(help.status == 0);
            CHECK(long_options(section) == long_options(help.out));
        }
    }
}

TEST_CASE("the man page names the program's version and its program-wide options", "[manual]") {
    std::string man = read_file(source_path("docs/pathways.1"));
    RunResult version = run_cli({"--version"});
    REQUIRE(version.status == 0);
    std::string v = version.out.substr(0, version.out.find('\n'));
    CHECK_THAT(man, Contains(".TH PATHWAYS 1 ") && Contains("\"" + v + "\""));
    CHECK_THAT(man, Contains(".SH OPTIONS") && Contains("\\-\\-version"));
}

TEST_CASE("bash completion offers the commands and each command's options", "[manual][completion]") {
    REQUIRE(fs::exists("/bin/bash"));
    std::string commands = complete("");
    for (const std::string& command : help_commands()) CHECK_THAT(commands, Contains(command + "\n"));
    CHECK(complete("ren") == "render\n");
    std::string render = complete("render --p");
    CHECK_THAT(render, Contains("--page\n") && Contains("--portrait\n"));
    CHECK(complete("render x.yaml --format ") == "pdf\nsvg\npng\nhtml\n");
    CHECK(complete("export x.yaml --format ") == "json\ndot\ncsv\nxlsx\ngraphml\nmermaid\n");
}
