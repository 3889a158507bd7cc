#include <iostream>

#include "commands.hpp"
#include "pathways/catalogue.hpp"
#include "pathways/glyph_check.hpp"
#include "pathways/readability.hpp"

namespace pathways::cli {

/// The font the glyph check assumes: the shipped style's (check reads no style).
constexpr const char* kDefaultFont = "Liberation Sans";

/// `pathways check FILE...`: validates catalogues and reports every problem.
class CheckCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override {
        auto* sub = app.add_subcommand("check", "Validate catalogue files and report every problem, located");
        sub->add_option("files", files_, "Catalogue YAML files")->required();
        sub->add_flag("--strict", strict_, "Treat warnings as errors");
        return sub;
    }
    int run() override {
        Diagnostics diags;
        std::size_t roles = 0, links = 0, routes = 0;
        for (const auto& f : files_) {
            if (auto c = load_catalogue(f, diags)) {
                check_glyphs(*c, kDefaultFont, diags);  // Hardening (#15): text no font on this machine draws,
                check_names(*c, diags);                 // names too long for a box, right-to-left overrides
                roles += c->roles.size();
                links += c->link_count();
                routes += c->entry_routes.size();
            }
        }
        diags.print(std::cerr);
        bool failed = diags.errors() > 0 || (strict_ && diags.warnings() > 0);
        std::cerr << files_.size() << (files_.size() == 1 ? " file" : " files") << " checked: " << diags.errors()
                  << (diags.errors() == 1 ? " error, " : " errors, ") << diags.warnings()
                  << (diags.warnings() == 1 ? " warning" : " warnings");
        if (diags.accepted() > 0) std::cerr << " (and " << diags.accepted() << " accepted by accept_warnings)";
        if (!diags.has_errors())
            std::cerr << " (" << roles << (roles == 1 ? " role, " : " roles, ") << links
                      << (links == 1 ? " link" : " links")
                      << (routes == 0 ? "" : routes == 1 ? ", 1 entry route" : ", " + std::to_string(routes) + " entry routes")
                      << ")";
        std::cerr << (failed && !diags.has_errors() ? " — failed under --strict" : "") << '\n';
        return failed ? kInvalidInput : kOk;
    }

private:
    std::vector<std::string> files_;
    bool strict_ = false;
};

std::unique_ptr<Command> make_check() { return std::make_unique<CheckCommand>(); }

}  // namespace pathways::cli
