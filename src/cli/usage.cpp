#include "usage.hpp"

#include <algorithm>
#include <iostream>
#include <vector>

#include "commands.hpp"
#include "pathways/diagnostics.hpp"

namespace pathways::cli {

namespace {

/// The subcommands' names, in the order they were added.
std::vector<std::string> command_names(CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
    return names;
}

/// "check, export, render, build" with each command's one-line description, one per line.
std::string command_list(CLI::App& app) {
    std::string out = "commands:\n";
    for (const CLI::App* sub : app.get_subcommands({}))
        out += "  " + sub->get_name() + std::string(10 - std::min<std::size_t>(9, sub->get_name().size()), ' ') +
               sub->get_description() + "\n";
    out += "  help      Show the help of pathways, or of one command (pathways help render)\n";
    return out + "Run 'pathways COMMAND --help' for a command's options, 'pathways --help' for the rest.\n";
}

/// Edits between two words, a swap of neighbours counting as one ("biuld" is one from "build").
std::size_t edits(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

/// " (did you mean 'render'?)" for the command nearest `word` (at most two edits away), else "".
std::string nearest_command(const std::string& word, const std::vector<std::string>& names) {
    std::string best;
    std::size_t best_edits = 3;
    for (const auto& name : names)
        if (std::size_t e = edits(word, name); e < best_edits && e < name.size()) {
            best_edits = e;
            best = name;
        }
    return best.empty() ? did_you_mean(word, names) : " (did you mean '" + best + "'?)";
}

/// The program-level options (not those of a command), for suggestions.
const std::vector<std::string>& program_options() {
    static const std::vector<std::string> options{"--help", "--version"};
    return options;
}

}  // namespace

std::optional<int> answer_command_slips(CLI::App& app, int& argc, char**& argv) {
    const std::vector<std::string> names = command_names(app);
    if (argc < 2) {
        std::cerr << "pathways: error: no command given\n" << command_list(app);
        return kUsage;
    }
    const std::string first = argv[1];
    if (first == "help" || first == "--help" || first == "-h") {
        // `pathways help render` is `pathways render --help`; `pathways help` is `pathways --help`.
        static std::vector<char*> rewritten;
        static std::string help_flag = "--help";
        rewritten = {argv[0]};
        if (argc > 2) rewritten.push_back(argv[2]);
        rewritten.push_back(help_flag.data());
        argc = static_cast<int>(rewritten.size());
        argv = rewritten.data();
        if (argc == 3 && std::find(names.begin(), names.end(), std::string(argv[1])) == names.end()) {
            std::cerr << "pathways: error: no command '" << argv[1] << "'" << nearest_command(argv[1], names) << "\n"
                      << command_list(app);
            return kUsage;
        }
        return std::nullopt;
    }
    if (std::find(names.begin(), names.end(), first) != names.end()) return std::nullopt;
    if (first.rfind("--", 0) == 0 && std::find(program_options().begin(), program_options().end(),
                                               first.substr(0, first.find('='))) != program_options().end())
        return std::nullopt;
    if (!first.empty() && first[0] == '-') {
        std::vector<std::string> candidates = program_options();
        // Single-letter habits from other programs: -V and -v for the version.
        std::string suggestion = first == "-V" || first == "-v" || first == "-version" ? " (did you mean '--version'?)"
                                                                                      : did_you_mean(first, candidates);
        std::cerr << "pathways: error: unknown option '" << first << "'" << suggestion << "\n" << command_list(app);
        return kUsage;
    }
    std::cerr << "pathways: error: unknown command '" << first << "'" << nearest_command(first, names) << "\n"
              << command_list(app);
    return kUsage;
}

}  // namespace pathways::cli
