#include "pathways/quote_check.hpp"

#include <cctype>
#include <optional>
#include <vector>

namespace pathways {

namespace {

/// The file as lines (without their line ends), so places can be given as line and column.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    return i;
}

/// Where a quoted scalar ends: the index just past its closing quote on `line` from `from`
/// (inside the quotes), or nothing when the line ends first.
std::optional<std::size_t> closing_quote(std::string_view line, std::size_t from, char quote) {
    for (std::size_t i = from; i < line.size(); ++i) {
        if (quote == '"' && line[i] == '\\') {
            ++i;  // an escaped character, \" included
        } else if (line[i] == quote) {
            if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
                ++i;  // '' is a quote inside single quotes
                continue;
            }
            return i + 1;
        }
    }
    return std::nullopt;
}

/// Whether a line looks like a YAML key (`name: …`, `- id: …`) rather than prose.
bool looks_like_key_line(std::string_view line) {
    std::size_t i = skip_spaces(line, 0);
    while (i + 1 < line.size() && line[i] == '-' && line[i + 1] == ' ') i = skip_spaces(line, i + 1);
    std::size_t start = i;
    while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_' || line[i] == '-')) ++i;
    return i > start && i < line.size() && line[i] == ':' && (i + 1 == line.size() || line[i + 1] == ' ');
}

/// A place on a line where a value starts, with the key it belongs to ("" for list items).
struct ValueStart {
    std::size_t column;  // 0-based
    std::string key;
    std::size_t key_column;
};

/// Where the value on a line starts: after any `- ` and `key: `; nothing for an empty value.
std::optional<ValueStart> value_start(std::string_view line) {
    std::size_t i = skip_spaces(line, 0);
    while (i + 1 < line.size() && line[i] == '-' && (line[i + 1] == ' ' || line[i + 1] == '\t')) i = skip_spaces(line, i + 1);
    if (i >= line.size() || line[i] == '#') return std::nullopt;
    ValueStart v{i, "", i};
    if (line[i] != '"' && line[i] != '\'' && line[i] != '[' && line[i] != '{') {
        std::size_t colon = line.find(": ", i);
        if (colon == std::string_view::npos && !line.empty() && line.back() == ':') colon = line.size() - 1;
        std::size_t hash = line.find(" #", i);
        if (colon == std::string_view::npos || (hash != std::string_view::npos && hash < colon)) return std::nullopt;
        v.key = std::string(line.substr(i, colon - i));
        v.column = skip_spaces(line, colon + 1);
        if (v.column >= line.size()) return std::nullopt;
    }
    return v;
}

}  // namespace

bool is_multi_line_text_key(std::string_view key) {
    return key == "summary" || key == "description" || key == "definition" || key == "text";
}

namespace {

/// Scans a file for quoted values that do not close on their line; see check_unclosed_quotes.
class QuoteScanner {
public:
    QuoteScanner(std::string_view text, const std::string& file, Diagnostics& diags)
        : lines_(split_lines(text)), file_(file), diags_(diags) {}

    std::size_t run() {
        for (std::size_t n = 0; n < lines_.size();) n = scan_line(n);
        return errors_;
    }

private:
    /// Scans line `n`; returns the next line to scan.
    std::size_t scan_line(std::size_t n) {
        std::string_view line = lines_[n];
        auto v = value_start(line);
        if (!v) return n + 1;
        std::size_t i = v->column;
        char c = line[i];
        if (c == '|' || c == '>') return skip_block_scalar(n, v->key.empty() ? v->key_column - 2 : v->key_column);
        if (c == '"' || c == '\'') return follow_quote(n, i, v->key);
        if (c != '[' && c != '{') return n + 1;
        // A flow list or mapping: a quote opens a scalar after [ { , or ': '.
        for (std::size_t k = i; k < line.size(); ++k) {
            char ch = line[k];
            if (ch == '#' && k > 0 && line[k - 1] == ' ') break;
            if (ch != '[' && ch != '{' && ch != ',' && ch != ':') continue;
            std::size_t s = skip_spaces(line, k + 1);
            if (s >= line.size() || (line[s] != '"' && line[s] != '\'')) continue;
            auto end = closing_quote(line, s + 1, line[s]);
            if (!end) return follow_quote(n, s, v->key);
            k = *end - 1;
        }
        return n + 1;
    }

    /// Skips the lines of a `|` or `>` block scalar (those indented more than `parent_column`).
    std::size_t skip_block_scalar(std::size_t n, std::size_t parent_column) {
        std::size_t k = n + 1;
        for (; k < lines_.size(); ++k) {
            std::string_view l = lines_[k];
            std::size_t indent = skip_spaces(l, 0);
            if (indent < l.size() && indent <= parent_column) break;
        }
        return k;
    }

    /// A quote opens at column `i` of line `n`: if it closes on the line, fine; else report it.
    std::size_t follow_quote(std::size_t n, std::size_t i, const std::string& key) {
        char quote = lines_[n][i];
        if (closing_quote(lines_[n], i + 1, quote)) return n + 1;
        std::size_t k = n + 1, keys = 0, first_key_line = 0;
        for (; k < lines_.size(); ++k) {
            if (looks_like_key_line(lines_[k]) && keys++ == 0) first_key_line = k + 1;
            if (closing_quote(lines_[k], 0, quote)) break;
        }
        report(n, i, key, k, keys, first_key_line);
        return k + 1;
    }

    void report(std::size_t n, std::size_t i, const std::string& key, std::size_t closed_on, std::size_t keys,
                std::size_t first_key_line) {
        Location at{file_, static_cast<int>(n + 1), static_cast<int>(i + 1)};
        std::string mark = lines_[n][i] == '"' ? "\"" : "'";
        std::string runs = closed_on < lines_.size()
                               ? "the text runs on to line " + std::to_string(closed_on + 1)
                               : "the text runs on to the end of the file";
        std::string what = key.empty() ? "this quote" : "the quote opening '" + key + "'";
        if (!is_multi_line_text_key(key)) {
            ++errors_;
            diags_.error(at, what + " is never closed on its line; " + runs + " (add the closing " + mark + ")");
        } else if (keys > 0) {
            diags_.warning(at, what + " is not closed on its line; " + runs + ", swallowing " +
                                   std::to_string(keys) + " line(s) that look like keys, from line " +
                                   std::to_string(first_key_line) + " (is a closing " + mark + " missing?)");
        }
    }

    std::vector<std::string_view> lines_;
    const std::string& file_;
    Diagnostics& diags_;
    std::size_t errors_ = 0;
};

}  // namespace

std::size_t check_unclosed_quotes(std::string_view text, const std::string& file, Diagnostics& diags) {
    return QuoteScanner(text, file, diags).run();
}

}  // namespace pathways
