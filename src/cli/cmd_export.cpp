#include <iostream>

#include "commands.hpp"
#include "export_formats.hpp"
#include "pathways/catalogue.hpp"
#include "pathways/dot_export.hpp"
#include "pathways/export.hpp"
#include "pathways/output.hpp"

namespace pathways::cli {

/// `pathways export FILE --format json|dot|csv|xlsx|graphml|mermaid [--view V] [-o OUT]`: the
/// graph for other tools, or the catalogue for a spreadsheet (the formats are in export_formats.cpp).
class ExportCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override {
        auto* sub = app.add_subcommand(
            "export", "Write a catalogue's progression graph (JSON, DOT, GraphML, Mermaid) or its roles as a "
                      "spreadsheet (CSV, XLSX)");
        sub->add_option("file", file_, "Catalogue YAML file")->required();
        sub->add_option("--format,-f", request_.format, "json, dot, csv, xlsx, graphml or mermaid")
            ->check(CLI::IsMember(std::vector<std::string>(std::begin(kExportFormats), std::end(kExportFormats))))
            ->required();
        sub->add_option("--view", request_.view,
                        "Only part of the catalogue, written as a manifest view: all, '{settings: [ID...]}', "
                        "'{levels: [ID...]}', '{reachable_from: ID}'");
        sub->add_option("--style", request_.style, "Style whose setting colours the mermaid classes use "
                                                  "(default styles/nhs.yaml)");
        sub->add_option("-o,--output", request_.output, "Output file ('-' or none: standard output; xlsx needs a file)");
        return sub;
    }
    int run() override {
        Diagnostics diags;
        auto c = load_catalogue(file_, diags);
        diags.print_errors(std::cerr);
        if (!c) return kInvalidInput;
        return write_export(*c, request_);
    }

private:
    std::string file_;
    ExportRequest request_;
};

std::unique_ptr<Command> make_export() { return std::make_unique<ExportCommand>(); }

}  // namespace pathways::cli
