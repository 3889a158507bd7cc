#include <iostream>
#include <set>
#include <utility>

#include "commands.hpp"
#include "pathways/build.hpp"
#include "pathways/glyph_check.hpp"

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
        sub->add_flag("-q,--quiet", quiet_, "Print errors only");
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
        if (diags.warnings() > 0 && !quiet_)
            std::cerr << "pathways build: the inputs have " << diags.warnings()
                      << (diags.warnings() == 1 ? " warning" : " warnings") << " (see them with 'pathways check')\n";
        if (!quiet_) show_missing_glyphs(*plan);
        BuildOptions options;
        options.jobs = jobs_;
        options.force = force_;
        options.progress = quiet_ ? ProgressMode::Quiet : ProgressMode::Auto;
        BuildReport report = run_build(*plan, options);
        return report.ok() ? kOk : kOutputFailed;
    }

private:
    /// Hardening (#15): characters no font on this machine draws are shown (once per catalogue
    /// and font), not printed as boxes silently.
    static void show_missing_glyphs(const BuildPlan& plan) {
        Diagnostics glyphs;
        std::set<std::pair<std::string, std::string>> seen;
        for (const auto& p : plan.manifest.posters) {
            const Catalogue& c = plan.catalogue_of(p).value;
            const Style& s = plan.style_of(p).value;
            if (seen.insert({c.file, s.font}).second) check_glyphs(c, s.font, glyphs);
        }
        glyphs.print(std::cerr);
    }

    std::string manifest_ = "data/posters.yaml";
    unsigned jobs_ = 0;
    bool force_ = false, quiet_ = false;
};

std::unique_ptr<Command> make_build() { return std::make_unique<BuildCommand>(); }

}  // namespace pathways::cli
