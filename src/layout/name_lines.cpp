// Fitting a name into a box (#15 hardening): wrapped at spaces, words too long for a box broken
// with a hyphen, and cut with an ellipsis after the last line a box holds, so that no name makes
// a box the width of the page and no text is lost without saying so (the full name stays in the
// SVG's title and the explorer; `check` warns).
#include "pathways/layout.hpp"

namespace pathways {

namespace {

/// Characters (code points) in UTF-8 text.
std::size_t characters(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

/// The byte offset of the `n`th character of `s` (s.size() when there are fewer).
std::size_t byte_of(const std::string& s, std::size_t n) {
    std::size_t i = 0;
    for (std::size_t seen = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == n) return i;
    return s.size();
}

/// The words of `text` (split at white space), each longer than `longest` characters broken into
/// pieces of at most `width` characters, every piece but the last ending in a hyphen.
std::vector<std::string> pieces(const std::string& text, std::size_t width, std::size_t longest, bool& hyphenated) {
    std::vector<std::string> out;
    std::string word;
    auto flush = [&] {
        while (characters(word) > longest && characters(word) > width) {
            std::size_t cut = byte_of(word, width - 1);
            out.push_back(word.substr(0, cut) + "-");
            word.erase(0, cut);
            hyphenated = true;
            longest = width;  // the rest of a broken word goes in lines' width
        }
        if (!word.empty()) out.push_back(word);
        word.clear();
    };
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') flush();
        else word += c;
    }
    flush();
    return out;
}

}  // namespace

FittedName fit_name(const std::string& name, std::size_t width, std::size_t max_lines) {
    FittedName fitted;
    std::vector<std::string> words = pieces(name, width, kNameLongestWord, fitted.hyphenated);
    std::string line;
    std::size_t i = 0;
    for (; i < words.size(); ++i) {
        if (!line.empty() && characters(line) + 1 + characters(words[i]) > width) {
            if (fitted.lines.size() + 1 == max_lines) break;
            fitted.lines.push_back(line);
            line.clear();
        }
        line += (line.empty() ? "" : " ") + words[i];
    }
    if (i < words.size()) {  // more than a box holds: end the last line with an ellipsis
        while (characters(line) + 1 > width && line.find(' ') != std::string::npos) line.erase(line.rfind(' '));
        if (characters(line) + 1 > width) line.erase(byte_of(line, width - 1));
        if (!line.empty() && (line.back() == '-' || line.back() == ',')) line.pop_back();
        line += "\xE2\x80\xA6";  // …
        fitted.shortened = true;
    }
    if (!line.empty()) fitted.lines.push_back(line);
    return fitted;
}

}  // namespace pathways
