#pragma once
#include <stdexcept>
#include <string>

#include <CLI/CLI.hpp>

#include "pathways/catalogue.hpp"

namespace pathways::cli {

/// Exit statuses, documented in the README.
enum Exit : int {
    kOk = 0,
    kInvalidInput = 1,  // a catalogue, style or manifest has errors (or warnings under --strict)
    kUsage = 2,         // wrong command line
    kOutputFailed = 3,  // an output file could not be written, or a poster failed to build
    kDrawFailed = 4,    // Graphviz or Cairo could not lay out or draw a poster
};

/// A command line that cannot be run as given (exit 2).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The exit status for the exception being handled, after printing it once as
/// "pathways COMMAND: error: what" — the one place failures become messages and statuses.
int exit_for_failure(const std::string& command);

/// The role `text` names (id, name or alias, any case), or nullptr after printing why not, with
/// suggestions (role_lookup.cpp); `which` says which argument it was ("FROM").
const Role* lookup_role(const Catalogue& catalogue, const std::string& text, const char* which);

/// styles/nhs.yaml in the current folder, else beside the program, else in the installed data
/// folder (render and preflight's default; cmd_render.cpp).
std::string default_style_path();

/// One subcommand: declares its options on `setup`, does its work on `run`.
class Command {
public:
    virtual ~Command() = default;
    /// Adds the subcommand and its options to `app`; returns the subcommand.
    virtual CLI::App* setup(CLI::App& app) = 0;
    virtual int run() = 0;
};

}  // namespace pathways::cli
