#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "pathways/catalogue.hpp"
#include "pathways/poster.hpp"
#include "pathways/print.hpp"

namespace pathways::cli {

/// `pathways preflight FILE.pdf|CATALOGUE`: the facts a print shop checks, with warnings below floors.
class PreflightCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override {
        auto* sub = app.add_subcommand(
            "preflight", "Print what a print shop checks: from a PDF its page, trim, bleed, fonts and links; from a "
                         "catalogue the poster's smallest text and its reading distance, thinnest line and contrasts");
        sub->add_option("file", file_, "A PDF written by pathways, or a catalogue YAML file")->required();
        sub->add_option("--style", style_, "Style YAML file, for a catalogue (default: styles/nhs.yaml)");
        sub->add_option("--page", page_, "Paper size, for a catalogue: A0, A1, A2, A3 or A4 (default: the style's)")
            ->transform(CLI::IsMember({"A0", "A1", "A2", "A3", "A4"}, CLI::ignore_case));
        return sub;
    }

    int run() override {
        std::vector<PreflightFact> facts;
        if (std::filesystem::path(file_).extension() == ".pdf") {
            try {
                facts = preflight_pdf(file_);
            } catch (const std::exception& e) {
                std::cerr << file_ << ": error: not a PDF pathways can read (" << e.what() << ")\n";
                return kInvalidInput;
            }
        } else {
            Diagnostics diags;
            auto catalogue = load_catalogue(file_, diags);
            auto style = load_style(style_.empty() ? default_style_path() : style_, diags);
            if (diags.has_errors()) {
                diags.print_errors(std::cerr);
                return kInvalidInput;
            }
            PosterOptions options;
            options.page = page_;
            PathwayGraph graph = select(*catalogue, View{});
            facts = preflight_poster(compose_poster(graph, *style, options), *style);
        }
        std::size_t warnings = 0;
        for (const auto& f : facts) {
            std::cout << f.label << ": " << f.value << "\n";
            if (!f.warning.empty()) {
                std::cout << "  warning: " << f.warning << "\n";
                ++warnings;
            }
        }
        std::cout << warnings << " warning" << (warnings == 1 ? "" : "s") << "\n";
        return kOk;
    }

private:
    std::string file_, style_, page_;
};

std::unique_ptr<Command> make_preflight() { return std::make_unique<PreflightCommand>(); }

}  // namespace pathways::cli
