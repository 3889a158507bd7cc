#pragma once
// Finds quoted YAML values whose closing quote is missing, before the YAML parser would silently
// run them on over the following lines (taking the rest of the file with them).
#include <string>
#include <string_view>

#include "pathways/diagnostics.hpp"

namespace pathways {

/// Reports quoted scalars ("…" or '…') that run past the end of their line, located at the
/// opening quote. In a one-line field (any key but the multi-line text ones: summary,
/// description, definition, text) that is an error; in a multi-line text field it is allowed,
/// but a warning when the quoted text swallows lines that look like YAML keys. Returns the number
/// of errors reported.
std::size_t check_unclosed_quotes(std::string_view text, const std::string& file, Diagnostics& diags);

/// Whether `key` holds text that may run over several lines.
bool is_multi_line_text_key(std::string_view key);

}  // namespace pathways
