#include "svg_text.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>

#include "pathways/escape.hpp"

namespace pathways::svg {

/// `s` as valid UTF-8 holding only characters XML 1.0 allows: malformed bytes, control
/// characters other than tab and newline, surrogates and U+FFFE/U+FFFF are dropped.
std::string xml_chars(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > s.size()) {
            ++i;
            continue;
        }
        std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        bool ok = true;
        for (std::size_t k = 1; k < len && ok; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            ok = (cc & 0xC0) == 0x80;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if (!ok) {
            ++i;
            continue;
        }
        static constexpr std::uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};  // shortest form only
        bool allowed = cp >= kMinimum[len] && cp <= 0x10FFFF &&
                       (cp == 0x9 || cp == 0xA || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
                        cp >= 0x10000);
        if (allowed) out.append(s.substr(i, len));
        i += len;
    }
    return out;
}

/// `s` ready for XML text or a double-quoted attribute: only XML characters, & < > " ' escaped.
std::string esc(std::string_view s) { return xml_escape(xml_chars(s)); }

/// `s` reduced to a safe id or class fragment: lower-case letters, digits and single hyphens.
std::string ident(std::string_view s) {
    std::string out;
    for (char ch : s) {
        char c = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) out += c;
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "x" : out;
}

/// The poster name as an id prefix: letters, digits, hyphens and underscores, starting with a letter.
std::string id_prefix(std::string_view s) {
    std::string out;
    for (char c : s) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        out += keep ? c : '-';
    }
    if (out.empty()) return "pathways";
    if (!((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z'))) out = "p-" + out;
    return out;
}

/// A font family name safe inside a CSS string inside XML.
std::string font_name(std::string_view s) {
    std::string out;
    for (char c : s)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '-' ||
            c == '_' || c == '.')
            out += c;
    return out;
}

/// A number as short as it can be written to a hundredth.
std::string num(double v) {
    if (!std::isfinite(v)) v = 0;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

std::string lower_first(const std::string& s) {
    if (s.size() >= 2 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
        return static_cast<char>(s[0] - 'A' + 'a') + s.substr(1);
    return s;
}

std::string plural(const std::string& noun, std::size_t n) {
    if (n == 1 || noun.empty()) return noun;
    return noun.back() == 's' ? noun : noun + "s";
}

/// "a", "a and b", "a, b and c".
std::string list_words(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return out;
}

std::string count_words(std::size_t n, const std::string& noun) { return std::to_string(n) + " " + plural(noun, n); }

}  // namespace pathways::svg
