#pragma once
// Text for the SVG writer: what may reach the document from the catalogue (only XML characters,
// escaped; ids and classes reduced to safe fragments), numbers written short, and the small
// helpers its words use.
#include <string>
#include <string_view>
#include <vector>

namespace pathways::svg {

/// `s` as valid UTF-8 holding only characters XML 1.0 allows: malformed bytes, control
/// characters other than tab and newline, surrogates and U+FFFE/U+FFFF are dropped.
std::string xml_chars(std::string_view s);
/// `s` ready for XML text or a double-quoted attribute: only XML characters, & < > " ' escaped.
std::string esc(std::string_view s);
/// `s` reduced to a safe id or class fragment: lower-case letters, digits and single hyphens.
std::string ident(std::string_view s);
/// The poster name as an id prefix: letters, digits, hyphens and underscores, starting with a letter.
std::string id_prefix(std::string_view s);
/// A font family name safe inside a CSS string inside XML.
std::string font_name(std::string_view s);
/// A number as short as it can be written to a hundredth.
std::string num(double v);

std::string lower_first(const std::string& s);
std::string plural(const std::string& noun, std::size_t n);
/// "a", "a and b", "a, b and c".
std::string list_words(const std::vector<std::string>& items);
/// "3 roles".
std::string count_words(std::size_t n, const std::string& noun);

}  // namespace pathways::svg
