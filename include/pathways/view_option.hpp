#pragma once
#include <optional>
#include <string>

#include "pathways/catalogue.hpp"
#include "pathways/diagnostics.hpp"
#include "pathways/view.hpp"

namespace pathways {

/// A view given on the command line (`pathways export --view ...`), written exactly as a poster's
/// `view:` in a manifest (`all`, `{settings: [primary]}`, `{levels: [...]}`,
/// `{reachable_from: role-id}`; the braces may be left out), read by the manifest's own reader
/// and checked against the catalogue. Problems are reported in "--view" at their column.
std::optional<View> parse_view_option(const std::string& text, const Catalogue& catalogue, Diagnostics& diags);

}  // namespace pathways
