#pragma once
#include <CLI/CLI.hpp>

namespace pathways::cli {

/// Exit statuses, documented in the README.
enum Exit : int {
    kOk = 0,
    kInvalidInput = 1,  // a catalogue, style or manifest has errors (or warnings under --strict)
    kUsage = 2,         // wrong command line
    kOutputFailed = 3,  // an output file could not be written, or a poster failed to build
};

/// One subcommand: declares its options on `setup`, does its work on `run`.
class Command {
public:
    virtual ~Command() = default;
    /// Adds the subcommand and its options to `app`; returns the subcommand.
    virtual CLI::App* setup(CLI::App& app) = 0;
    virtual int run() = 0;
};

}  // namespace pathways::cli
