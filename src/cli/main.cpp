#include <iostream>
#include <map>

#include "commands.hpp"
#include "usage.hpp"
#include "pathways/version.hpp"

namespace pathways::cli {
std::unique_ptr<Command> make_check();
std::unique_ptr<Command> make_export();
std::unique_ptr<Command> make_render();
std::unique_ptr<Command> make_build();
}  // namespace pathways::cli

int main(int argc, char** argv) {
    using namespace pathways::cli;
    CLI::App app{"pathways: turns a YAML catalogue of health and care roles into career pathway posters"};
    app.set_version_flag("--version", std::string("pathways ") + pathways::kVersion);
    app.require_subcommand(1);

    std::vector<std::pair<std::unique_ptr<Command>, CLI::App*>> commands;
    for (auto make : {make_check, make_export, make_render, make_build}) {
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
        if (sub->parsed()) return command->run();
    return kUsage;
}
