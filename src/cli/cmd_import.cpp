#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "pathways/catalogue.hpp"
#include "pathways/import.hpp"
#include "pathways/output.hpp"
#include "pathways/spreadsheet.hpp"

namespace pathways::cli {

namespace {

std::string list(const std::vector<std::string>& items, std::size_t most = 8) {
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < most; ++i) out += (i ? ", " : "") + items[i];
    if (items.size() > most) out += ", ... (" + std::to_string(items.size()) + " in all)";
    return out;
}

/// The lines after "wrote ...": what was created, derived or changed.
void print_report(const ImportReport& r, bool with_template, std::ostream& out) {
    if (!r.created_levels.empty()) out << "  levels, in order of first appearance: " << list(r.created_levels, 20) << '\n';
    if (!r.created_settings.empty()) out << "  settings, in order of first appearance: " << list(r.created_settings, 20) << '\n';
    for (const auto& d : r.derived_ids) out << "  id made unique: " << d << '\n';
    if (!with_template) return;
    out << "  against the template: " << r.added.size() << " added, " << r.changed.size() << " changed, "
        << r.removed.size() << " removed, " << r.unchanged << " unchanged\n";
    if (!r.added.empty()) out << "    added: " << list(r.added) << '\n';
    if (!r.changed.empty()) out << "    changed: " << list(r.changed) << '\n';
    if (!r.removed.empty()) out << "    removed: " << list(r.removed) << '\n';
}

}  // namespace

/// `pathways import FILE.csv|FILE.xlsx [-o OUT.yaml] [--sheet NAME] [--into TEMPLATE.yaml [--merge]]`:
/// a catalogue from a spreadsheet of roles.
class ImportCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override {
        auto* sub = app.add_subcommand("import", "Make a catalogue from a spreadsheet of roles (.csv or .xlsx)");
        sub->add_option("file", file_, "The spreadsheet: .csv or .xlsx, one row per role")->required();
        sub->add_option("-o,--output", output_, "The catalogue to write (default: the spreadsheet's name with .yaml; "
                                                "'-': standard output)");
        sub->add_option("--sheet", options_.sheet, "The sheet of roles in an .xlsx file (default: 'Roles', else the first)");
        sub->add_option("--into", into_, "A catalogue whose title, levels, settings, glossary and panels to keep; "
                                         "the sheet's roles replace its roles");
        sub->add_flag("--merge", options_.merge, "With --into: keep the template's roles the sheet does not list");
        return sub;
    }

    int run() override {
        if (options_.merge && into_.empty()) {
            std::cerr << "pathways: error: --merge needs --into CATALOGUE.yaml\n";
            return kUsage;
        }
        std::string output = output_.empty() ? std::filesystem::path(file_).replace_extension(".yaml").string() : output_;
        Diagnostics diags;
        std::optional<Catalogue> into;
        if (!into_.empty() && !(into = load_catalogue(into_, diags))) {
            diags.print_errors(std::cerr);
            return kInvalidInput;
        }
        options_.into = into ? &*into : nullptr;
        auto book = read_workbook(file_, diags);
        ImportReport report;
        std::optional<Catalogue> c;
        if (book) c = import_catalogue(*book, options_, report, diags);
        print_sheet_diagnostics(diags, report.roles_sheet, std::cerr, true);
        if (!c) {
            std::cerr << "pathways: " << diags.errors() << " error(s) in " << file_ << "; nothing written\n";
            return kInvalidInput;
        }
        return write(*c, output, report);
    }

private:
    int write(const Catalogue& c, const std::string& output, const ImportReport& report) {
        std::string yaml = catalogue_yaml(c, schema_reference(output));
        // What is written must be a catalogue `pathways check` accepts: read it back to be sure.
        Diagnostics back;
        if (!parse_catalogue(yaml, output, back)) {
            back.print_errors(std::cerr);
            std::cerr << "pathways: internal error: the catalogue made from " << file_ << " does not check; nothing written\n";
            return kInvalidInput;
        }
        try {
            if (output == "-") std::cout << yaml;
            else write_file_atomically(output, yaml);
        } catch (const OutputError& e) {
            std::cerr << "pathways: error: " << e.what() << '\n';
            return kOutputFailed;
        }
        std::cerr << "wrote " << (output == "-" ? "standard output" : output) << ": " << c.roles.size() << " roles, "
                  << c.levels.size() << " levels, " << c.settings.size() << " settings, " << c.link_count()
                  << " progressions\n";
        print_report(report, options_.into != nullptr, std::cerr);
        return kOk;
    }

    std::string file_, output_, into_;
    ImportOptions options_;
};

std::unique_ptr<Command> make_import() { return std::make_unique<ImportCommand>(); }

}  // namespace pathways::cli
