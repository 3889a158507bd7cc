#pragma once
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace pathways::cli {

/// Looks at the first word of the command line before CLI11 does, to answer the slips a newcomer
/// makes: no command, `pathways help [COMMAND]` (shows the help), a misspelt command ("unknown
/// command 'rendr' (did you mean 'render'?)") or option ("-V": did you mean '--version'?), each
/// with the list of commands. Returns the exit status when it answered, nothing when the line is
/// for CLI11. `argv` may be rewritten (`help render` becomes `render --help`).
std::optional<int> answer_command_slips(CLI::App& app, int& argc, char**& argv);

}  // namespace pathways::cli
