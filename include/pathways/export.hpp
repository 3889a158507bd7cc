#pragma once
#include <string>
#include <string_view>

#include "pathways/catalogue.hpp"

namespace pathways {

/// `"text"` with JSON escapes.
std::string json_quote(std::string_view text);

/// Text ready for XML or HTML, in content or a quoted attribute: & < > " ' escaped.
std::string xml_escape(std::string_view text);

/// The catalogue as JSON: title, levels, settings and roles with their links.
std::string export_json(const Catalogue& catalogue);

/// The progression graph in DOT, built through cgraph and written by agwrite.
std::string export_dot(const Catalogue& catalogue);

}  // namespace pathways
