#include <iostream>

#include "commands.hpp"
#include "pathways/catalogue.hpp"
#include "pathways/dot_export.hpp"
#include "pathways/export.hpp"
#include "pathways/output.hpp"

namespace pathways::cli {

/// `pathways export FILE --format json|dot [-o OUT]`: the graph for other tools.
class ExportCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override {
        auto* sub = app.add_subcommand("export", "Write a catalogue's progression graph as JSON or DOT");
        sub->add_option("file", file_, "Catalogue YAML file")->required();
        sub->add_option("--format,-f", format_, "json or dot")->check(CLI::IsMember({"json", "dot"}))->required();
        sub->add_option("-o,--output", output_, "Output file ('-' or none: standard output)");
        return sub;
    }
    int run() override {
        Diagnostics diags;
        auto c = load_catalogue(file_, diags);
        diags.print_errors(std::cerr);
        if (!c) return kInvalidInput;
        std::string text = format_ == "json" ? export_json(*c) : export_dot(*c);
        if (output_.empty() || output_ == "-") {
            std::cout << text;
            return std::cout.good() ? kOk : kOutputFailed;
        }
        write_file_atomically(output_, text);
        return kOk;
    }

private:
    std::string file_, format_, output_;
};

std::unique_ptr<Command> make_export() { return std::make_unique<ExportCommand>(); }

}  // namespace pathways::cli
