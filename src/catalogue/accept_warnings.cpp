#include "accept_warnings.hpp"

#include <algorithm>

namespace pathways {

const std::vector<std::string>& warning_kinds() {
    static const std::vector<std::string> kinds{"within-level", "down-level", "no-links", "self-link", "cycle"};
    return kinds;
}

void read_accept_warnings(MapReader& top, const std::vector<std::string>& role_ids, Catalogue& catalogue) {
    std::vector<std::string> known = warning_kinds();
    known.insert(known.end(), role_ids.begin(), role_ids.end());
    for (const auto& entry : top.text_list("accept_warnings", false)) {
        if (std::find(known.begin(), known.end(), entry.value) == known.end()) {
            top.diags().error(entry.where, "'" + entry.value +
                                               "' in accept_warnings is neither a warning kind (within-level, "
                                               "down-level, no-links, self-link, cycle) nor a role id" +
                                               did_you_mean(entry.value, known));
            continue;
        }
        catalogue.accept_warnings.push_back({entry.value, entry.where});
    }
}

WarningFilter::WarningFilter(const Catalogue& catalogue, Diagnostics& diags)
    : catalogue_(catalogue), diags_(diags), used_(catalogue.accept_warnings.size(), false) {}

void WarningFilter::warn(const std::string& kind, const std::vector<std::string>& roles, Location where,
                         std::string message) {
    bool accepted = false;
    for (std::size_t i = 0; i < catalogue_.accept_warnings.size(); ++i) {
        const std::string& entry = catalogue_.accept_warnings[i].what;
        if (entry == kind || std::find(roles.begin(), roles.end(), entry) != roles.end()) {
            used_[i] = true;
            accepted = true;
        }
    }
    if (accepted) {
        diags_.accept_warning();
        return;
    }
    diags_.warning(std::move(where), std::move(message) + " [" + kind + "]");
}

void WarningFilter::report_unused() {
    for (std::size_t i = 0; i < used_.size(); ++i)
        if (!used_[i])
            diags_.warning(catalogue_.accept_warnings[i].where,
                           "'" + catalogue_.accept_warnings[i].what +
                               "' in accept_warnings accepts no warning any more; remove it");
}

}  // namespace pathways
