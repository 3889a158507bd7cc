#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <utility>

#include "commands.hpp"
#include "pathways/batch.hpp"
#include "pathways/glyph_check.hpp"
#include "pathways/output.hpp"
#include "pathways/readability.hpp"

namespace pathways::cli {

/// `pathways build [MANIFEST] [-j N] [--force] [--quiet]`: builds the posters a manifest lists.
class BuildCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override {
        auto* sub = app.add_subcommand("build", "Build every poster a manifest lists (only those out of date)");
        sub->add_option("manifest", manifest_, "Manifest YAML file")->capture_default_str();
        sub->add_option("-j,--jobs", jobs_, "Posters to build at once (default: the number of cores)")
            ->check(CLI::Range(1, 256));
        sub->add_flag("--force", force_, "Rebuild every poster, even those up to date");
        sub->add_flag("--strict", readability_.strict,
                      "Fail a poster whose text would not be readable (under the page's floor, settings sharing a "
                      "colour, names cut to fit, characters no font draws); its previous files stay");
        sub->add_flag("--allow-crowded", readability_.crowded,
                      "Build even posters with more roles than their page can show legibly (as render --force)");
        sub->add_flag("-q,--quiet", quiet_, "Print errors only");
        sub->add_flag("-v,--verbose", verbose_,
                      "Print the inputs' warnings and their count (else the count only when it changed)");
        return sub;
    }

    int run() override {
        Diagnostics diags;
        auto plan = load_build_plan(manifest_, diags);
        if (!plan) {
            diags.print_errors(std::cerr);
            std::cerr << "pathways build: " << diags.errors() << (diags.errors() == 1 ? " error" : " errors")
                      << "; nothing built\n";
            return kInvalidInput;
        }
        plan->readability = readability_;
        const std::string record = (std::filesystem::path(plan->manifest.output) / kWarningsFile).string();
        const std::size_t warnings = diags.warnings();
        if (verbose_ && !quiet_) diags.print(std::cerr);
        const std::optional<std::size_t> last = last_count(record);
        if (!quiet_ && (verbose_ || warnings != last.value_or(0))) print_count(diags, last);
        if (!quiet_) show_missing_glyphs(*plan);
        BuildOptions options;
        options.jobs = jobs_;
        options.force = force_;
        options.progress = quiet_ ? ProgressMode::Quiet : ProgressMode::Auto;
        BuildReport report = run_build(*plan, options);
        if (warnings != last.value_or(0)) {  // no file while there are no warnings
            try {
                write_file_atomically(record, std::to_string(warnings) + "\n");
            } catch (const OutputError&) {
                // Only the quieting of the next run depends on it.
            }
        }
        return report.ok() ? kOk : kOutputFailed;
    }

    /// Where the warning count of the last build is kept, in the output folder.
    static constexpr const char* kWarningsFile = ".pathways-warnings";

    /// The warning count the last build into this output folder recorded, if one did.
    static std::optional<std::size_t> last_count(const std::string& record) {
        std::ifstream in(record);
        std::size_t n = 0;
        if (in >> n) return n;
        return std::nullopt;
    }

    void print_count(const Diagnostics& diags, std::optional<std::size_t> last) const {
        auto plural = [](std::size_t n) { return std::to_string(n) + (n == 1 ? " warning" : " warnings"); };
        std::cerr << "pathways build: the inputs have " << plural(diags.warnings());
        if (last && diags.warnings() != *last) std::cerr << " (" << *last << " last time)";
        if (diags.accepted() > 0) std::cerr << " and " << diags.accepted() << " accepted by accept_warnings";
        std::cerr << (verbose_ ? "\n"
                               : "; see them with 'pathways check' or --verbose, and accept known ones with "
                                 "'accept_warnings:' in the catalogue\n");
    }

private:
    /// Hardening (#15): characters no font on this machine draws are shown (once per catalogue
    /// and font), not printed as boxes silently, and names cut short to fit a box (once per
    /// catalogue). (Under --strict each poster showing them fails: see compose_guarded_poster.)
    static void show_missing_glyphs(const BuildPlan& plan) {
        Diagnostics glyphs;
        std::set<std::pair<std::string, std::string>> seen;
        for (const auto& p : plan.manifest.posters) {
            const Catalogue& c = plan.catalogue_of(p).value;
            const Style& s = plan.style_of(p).value;
            if (seen.insert({c.file, s.font}).second) check_glyphs(c, s.font, glyphs);
            if (seen.insert({c.file, ""}).second) check_names(c, glyphs);  // names cut or broken to fit a box
        }
        glyphs.print(std::cerr);
    }

    std::string manifest_ = "data/posters.yaml";
    unsigned jobs_ = 0;
    bool force_ = false, quiet_ = false, verbose_ = false;
    ReadabilityPolicy readability_;
};

std::unique_ptr<Command> make_build() { return std::make_unique<BuildCommand>(); }

}  // namespace pathways::cli
