#pragma once
#include <string>
#include <string_view>

namespace pathways {

/// `"text"` with JSON escapes.
std::string json_quote(std::string_view text);

/// Text ready for XML or HTML, in content or a quoted attribute: & < > " ' escaped.
std::string xml_escape(std::string_view text);

}  // namespace pathways
