#include <iostream>

#include "commands.hpp"
#include "pathways/catalogue.hpp"
#include "pathways/route.hpp"

namespace pathways::cli {

/// `pathways route CATALOGUE FROM TO [--all] [--format text|json]`: the steps from one role to another.
class RouteCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override {
        auto* sub = app.add_subcommand("route", "List the steps from one role to another along progressions");
        sub->add_option("catalogue", file_, "Catalogue YAML file")->required();
        sub->add_option("from", from_, "The role you start from: its id, name or an alias (any case)")->required();
        sub->add_option("to", to_, "The role you want to reach: its id, name or an alias (any case)")->required();
        sub->add_flag("--all", all_, "Every route up to two steps longer than the shortest (at most 50)");
        sub->add_option("--format,-f", format_, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
        return sub;
    }

    int run() override {
        Diagnostics diags;
        auto c = load_catalogue(file_, diags);
        diags.print_errors(std::cerr);
        if (!c) return kInvalidInput;
        const Role* from = lookup(*c, from_, "FROM");
        const Role* to = lookup(*c, to_, "TO");
        if (!from || !to) return kInvalidInput;
        if (from == to) {
            std::cerr << "pathways: error: '" << from_ << "' and '" << to_ << "' are the same role (" << from->name
                      << "): there is no route to take; give two different roles\n";
            return kInvalidInput;
        }
        RouteOptions options;
        options.all = all_;
        RouteResult result = find_routes(*c, *from, *to, options);
        std::cout << route_report(*c, *from, *to, options, result,
                                  format_ == "json" ? RouteFormat::Json : RouteFormat::Text);
        if (!std::cout.good()) return kOutputFailed;
        return result.found() ? kOk : kInvalidInput;
    }

private:
    const Role* lookup(const Catalogue& c, const std::string& text, const char* which) {
        return lookup_role(c, text, which);
    }

    std::string file_, from_, to_, format_ = "text";
    bool all_ = false;
};

std::unique_ptr<Command> make_route() { return std::make_unique<RouteCommand>(); }

}  // namespace pathways::cli
