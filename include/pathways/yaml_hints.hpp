#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "pathways/diagnostics.hpp"

namespace pathways {

/// A YAML syntax error explained for someone who edits YAML by hand: where the slip most likely is
/// (which may be a line before the one the parser stopped at) and what to do about it.
struct YamlSlip {
    int line = 0, column = 0;  // 1-based; 0: unknown
    std::string explanation;   // plain words with the likely fix
};

/// Looks at the text around a parser error at `line`:`column` (1-based) and names the common slip
/// it comes from: a tab, an unclosed '{' or '[', '-' or ':' without a space after it, a missing
/// ':', a ': ' inside unquoted text, text starting with a YAML sign ('*', '&', '@', ...), or an
/// indentation that does not line up. Falls back to a general explanation at the parser's place.
YamlSlip explain_yaml_error(std::string_view text, int line, int column, const std::string& parser_message);

/// What follows "unknown key 'K'": " (did you mean 'x'?)" for a typo; for a key whose ':' was left
/// out ("summary Helps." read as one key), " ('summary' has no ':' after it: write 'summary: Helps.')".
std::string unknown_key_hint(const std::string& key, const std::vector<std::string>& known);

/// Reports a YAML syntax error as one diagnostic: the explanation at the slip, then the parser's own
/// words (and place) on a second line, for the curious.
void report_yaml_syntax_error(Diagnostics& diags, const std::string& file, std::string_view text, int line,
                              int column, const std::string& parser_message);

}  // namespace pathways
