#pragma once
#include <string>
#include <vector>

#include "pathways/catalogue.hpp"
#include "pathways/yaml_reader.hpp"

namespace pathways {

/// The kinds of catalogue warning, as `accept_warnings:` names them (and as each warning's message
/// ends: "[within-level]").
const std::vector<std::string>& warning_kinds();

/// Reads `accept_warnings:` (a list of warning kinds and role ids) into `catalogue`; an entry that is
/// neither is an error, with a suggestion. `role_ids` are every role id the catalogue defines.
void read_accept_warnings(MapReader& top, const std::vector<std::string>& role_ids, Catalogue& catalogue);

/// Gives each catalogue warning its kind and lets through only those the catalogue has not
/// accepted; accepted ones are counted (Diagnostics::accepted). At the end, reports every entry of
/// `accept_warnings:` that accepted nothing, so the list cannot go stale.
class WarningFilter {
public:
    WarningFilter(const Catalogue& catalogue, Diagnostics& diags);
    /// A warning of `kind` at `where` about `roles` (the role it is written on first).
    void warn(const std::string& kind, const std::vector<std::string>& roles, Location where, std::string message);
    /// Reports the entries that accepted no warning.
    void report_unused();

private:
    const Catalogue& catalogue_;
    Diagnostics& diags_;
    std::vector<bool> used_;
};

}  // namespace pathways
