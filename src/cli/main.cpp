#include <iostream>
#include <map>

#include "commands.hpp"
#include "pathways/layout.hpp"
#include "pathways/output.hpp"
#include "pathways/poster.hpp"
#include "usage.hpp"
#include "pathways/version.hpp"

namespace pathways::cli {
std::unique_ptr<Command> make_check();
std::unique_ptr<Command> make_export();
std::unique_ptr<Command> make_render();
std::unique_ptr<Command> make_build();
std::unique_ptr<Command> make_route();  // cmd_route.cpp (issue 11)
std::unique_ptr<Command> make_import();  // cmd_import.cpp (issue 14)
std::unique_ptr<Command> make_preflight();  // cmd_preflight.cpp (issue 13)
}  // namespace pathways::cli

namespace pathways::cli {

int exit_for_failure(const std::string& command) {
    auto say = [&](const std::string& what, int status) {
        std::cerr << "pathways " << command << ": error: " << what << '\n';
        return status;
    };
    try {
        throw;
    } catch (const UsageError& e) {
        return say(e.what(), kUsage);
    } catch (const PageError& e) {
        return say(e.what(), kInvalidInput);
    } catch (const OutputError& e) {
        return say(e.what(), kOutputFailed);
    } catch (const LayoutError& e) {
        return say(e.what(), kDrawFailed);
    } catch (const RenderError& e) {
        return say(e.what(), kDrawFailed);
    } catch (const std::bad_alloc&) {
        return say("out of memory", kDrawFailed);
    } catch (const std::exception& e) {
        return say(e.what(), kDrawFailed);
    }
}

}  // namespace pathways::cli

int main(int argc, char** argv) {
    using namespace pathways::cli;
    CLI::App app{"pathways: turns a YAML catalogue of health and care roles into career pathway posters"};
    app.set_version_flag("--version", std::string("pathways ") + pathways::kVersion);
    app.require_subcommand(1);

    std::vector<std::pair<std::unique_ptr<Command>, CLI::App*>> commands;
    for (auto make : {make_check, make_export, make_render, make_build, make_route, make_import, make_preflight}) {
        auto command = make();
        CLI::App* sub = command->setup(app);
        commands.emplace_back(std::move(command), sub);
    }

    if (auto status = answer_command_slips(app, argc, argv)) return *status;
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kUsage;
    }
    for (auto& [command, sub] : commands)
        if (sub->parsed()) {
            try {
                return command->run();
            } catch (...) {
                return exit_for_failure(sub->get_name());
            }
        }
    return kUsage;
}
