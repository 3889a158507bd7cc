#include "pathways/yaml_hints.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

namespace pathways {

namespace {

/// One line of the YAML text as the slip finder sees it.
struct SourceLine {
    std::string content;  // without its indentation, comment and trailing spaces
    int indent = 0;       // spaces before the content
    int tab_column = 0;   // 1-based column of a tab in the indentation, 0: none
    bool blank = true;    // nothing but spaces and a comment, or a line of a '|' / '>' text block
};

/// A '{' or '[' that opens a flow collection, and where.
struct OpenFlow {
    char bracket;
    int line, column;
};

/// The lines of the text, and the flow collections still open at its end.
struct Scan {
    std::vector<SourceLine> lines;  // lines[0] is line 1
    std::vector<OpenFlow> open;
};

/// Strips the comment and trailing spaces from `rest` (a line without its indentation), and follows
/// quotes and flow brackets: quotes and '[' '{' count only where a value starts, as in YAML.
std::string strip_and_track(const std::string& rest, int line, int first_column, std::vector<OpenFlow>& flows) {
    char quote = 0;
    bool value_start = true;
    std::string out;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        char c = rest[i];
        int column = first_column + static_cast<int>(i);
        if (quote) {
            if (c == quote && quote == '\'' && i + 1 < rest.size() && rest[i + 1] == '\'') out += rest[i++];
            else if (c == '\\' && quote == '"' && i + 1 < rest.size()) out += rest[i++];
            else if (c == quote) quote = 0;
            out += c;
            continue;
        }
        if (c == '#' && (i == 0 || rest[i - 1] == ' ' || rest[i - 1] == '\t')) break;
        bool in_flow = !flows.empty();
        if (value_start && (c == '\'' || c == '"')) quote = c;
        else if ((value_start || in_flow) && (c == '[' || c == '{')) flows.push_back({c, line, column});
        else if (in_flow && (c == ']' || c == '}')) flows.pop_back();
        out += c;
        if (c == ' ' || c == '\t') continue;
        value_start = c == '[' || c == '{' || (in_flow && c == ',') ||
                      ((c == '-' || c == ':' || c == '?') && i + 1 < rest.size() && rest[i + 1] == ' ');
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t' || out.back() == '\r')) out.pop_back();
    return out;
}

/// Whether a line's value starts a '|' or '>' block of text (whose lines are not YAML structure).
bool starts_text_block(const std::string& content) {
    std::size_t colon = content.rfind(": ");
    std::string value = colon == std::string::npos ? content : content.substr(colon + 2);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    return !value.empty() && (value[0] == '|' || value[0] == '>') &&
           value.find_first_not_of("|>+-0123456789") == std::string::npos;
}

Scan scan(std::string_view text) {
    Scan s;
    std::vector<OpenFlow> flows;
    int text_block_indent = -1;  // inside a '|' or '>' block: the indentation of its key line
    std::size_t start = 0;
    for (int number = 1; start <= text.size(); ++number) {
        std::size_t end = text.find('\n', start);
        std::string raw(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        SourceLine l;
        std::size_t i = 0;
        for (; i < raw.size() && (raw[i] == ' ' || raw[i] == '\t'); ++i)
            if (raw[i] == '\t' && !l.tab_column) l.tab_column = static_cast<int>(i) + 1;
        l.indent = static_cast<int>(raw.find_first_not_of(' ') == std::string::npos ? raw.size() : raw.find_first_not_of(' '));
        bool in_text = text_block_indent >= 0 && (i == raw.size() || static_cast<int>(i) > text_block_indent);
        if (!in_text) {
            text_block_indent = -1;
            l.content = strip_and_track(raw.substr(i), number, static_cast<int>(i) + 1, flows);
            l.blank = l.content.empty();
            if (!l.blank && starts_text_block(l.content)) text_block_indent = static_cast<int>(i);
        }
        s.lines.push_back(std::move(l));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    s.open = std::move(flows);
    return s;
}

/// Line `number` (1-based) of `text`, without its newline; empty past the end.
std::string_view line_text(std::string_view text, int number) {
    std::size_t start = 0;
    for (int n = 1; n < number; ++n) {
        start = text.find('\n', start);
        if (start == std::string_view::npos) return {};
        ++start;
    }
    std::size_t end = text.find('\n', start);
    return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

/// A `key: value` line (or `- key: value`), split.
struct KeyValue {
    std::string key, value;
    int key_column = 0, value_column = 0;  // 1-based
};

/// The content after any "- " list markers, and how far in that starts.
std::pair<std::string, int> after_dashes(const SourceLine& l) {
    std::string c = l.content;
    int column = l.indent + 1;
    while (c.size() >= 2 && c[0] == '-' && c[1] == ' ') {
        std::size_t next = c.find_first_not_of(' ', 1);
        if (next == std::string::npos) return {"", column};
        column += static_cast<int>(next);
        c.erase(0, next);
    }
    return {c, column};
}

/// The length of the plain word a key is made of (letters, digits, '_' and '-', from a letter).
std::size_t key_length(const std::string& c) {
    if (c.empty() || !std::isalpha(static_cast<unsigned char>(c[0]))) return 0;
    std::size_t n = 1;
    while (n < c.size() && (std::isalnum(static_cast<unsigned char>(c[n])) || c[n] == '_' || c[n] == '-')) ++n;
    return n;
}

std::optional<KeyValue> key_value(const SourceLine& l) {
    auto [c, column] = after_dashes(l);
    std::size_t n = key_length(c);
    if (n == 0 || n >= c.size() || c[n] != ':' || (n + 1 < c.size() && c[n + 1] != ' ')) return std::nullopt;
    KeyValue kv{c.substr(0, n), "", column, 0};
    std::size_t v = c.find_first_not_of(' ', n + 1);
    if (v != std::string::npos) {
        kv.value = c.substr(v);
        kv.value_column = column + static_cast<int>(v);
    }
    return kv;
}

std::string quoted_line(const std::string& key, const std::string& value) {
    std::string escaped;
    for (char ch : value) escaped += ch == '"' ? std::string("\\\"") : std::string(1, ch);
    return key + ": \"" + escaped + "\"";
}

YamlSlip at_line(int line, int column, std::string explanation) { return {line, column, std::move(explanation)}; }

/// '-' straight before text: "-id: x" is not a list item.
std::optional<YamlSlip> dash_without_space(const SourceLine& l, int number) {
    const std::string& c = l.content;
    if (c.size() < 2 || c[0] != '-' || c[1] == ' ' || c[1] == '-' || std::isdigit(static_cast<unsigned char>(c[1])))
        return std::nullopt;
    return at_line(number, l.indent + 1,
                   "a list item needs a space after its '-': write '- " + c.substr(1) + "'");
}

/// "name:Assistant": a key without a space after its ':'.
std::optional<YamlSlip> colon_without_space(const SourceLine& l, int number) {
    auto [c, column] = after_dashes(l);
    std::size_t n = key_length(c);
    if (n == 0 || n + 1 >= c.size() || c[n] != ':' || c[n + 1] == ' ' || c.compare(n + 1, 2, "//") == 0)
        return std::nullopt;
    return at_line(number, column + static_cast<int>(n),
                   "'" + c.substr(0, n) + ":' needs a space after the ':': write '" + c.substr(0, n) + ": " +
                       c.substr(n + 1) + "'");
}

/// "name Assistant": a key with no ':' at all (the parser notices only on the next line).
std::optional<YamlSlip> missing_colon(const SourceLine& l, int number) {
    auto [c, column] = after_dashes(l);
    std::size_t n = key_length(c);
    if (n == 0 || n >= c.size() || c[n] != ' ' || c.find(':') != std::string::npos) return std::nullopt;
    std::string key = c.substr(0, n), rest = c.substr(c.find_first_not_of(' ', n));
    return at_line(number, column + static_cast<int>(n),
                   "'" + key + "' has no ':' after it: write '" + key + ": " + rest + "'");
}

/// Whether line `number` starts where a neighbouring key starts (the line above or below, or an
/// entry's first key after its '-'): a line that does not is more likely wrapped text than a key.
bool aligned_with_a_key(const std::vector<SourceLine>& lines, int number) {
    const SourceLine& l = lines[static_cast<std::size_t>(number - 1)];
    int column = after_dashes(l).second;
    for (int step : {-1, 1}) {
        for (int n = number + step; n >= 1 && n <= static_cast<int>(lines.size()); n += step) {
            const SourceLine& other = lines[static_cast<std::size_t>(n - 1)];
            if (other.blank) continue;
            auto kv = key_value(other);
            if (kv && kv->key_column == column) return true;
            break;
        }
    }
    return false;
}

/// "summary: Helps nurses: checks ...": a ': ' inside unquoted text.
std::optional<YamlSlip> colon_in_text(const SourceLine& l, int number) {
    auto kv = key_value(l);
    if (!kv || kv->value.empty() || std::string("\"'[{|>").find(kv->value[0]) != std::string::npos) return std::nullopt;
    std::size_t inner = kv->value.find(": ");
    if (inner == std::string::npos && kv->value.back() != ':') return std::nullopt;
    return at_line(number, kv->value_column,
                   "the text after '" + kv->key + ":' contains a ':' followed by a space, which YAML reads as "
                   "the start of another key; put the whole text in double quotes: " +
                       quoted_line(kv->key, kv->value));
}

/// "{id: x, name: Assistant: the first}": a ': ' inside unquoted text in a { } mapping; the parser
/// stops at that second ':'.
std::optional<YamlSlip> colon_in_flow_text(std::string_view text, int line, int column) {
    std::string raw(line_text(text, line));
    auto at = static_cast<std::size_t>(std::max(1, column) - 1);
    if (at >= raw.size() || raw[at] != ':' || (at + 1 < raw.size() && raw[at + 1] != ' ')) return std::nullopt;
    std::size_t start = raw.find_last_of("{[,", at);
    if (start == std::string::npos) return std::nullopt;
    SourceLine entry;
    entry.content = raw.substr(start + 1);
    std::size_t lead = entry.content.find_first_not_of(' ');
    if (lead == std::string::npos) return std::nullopt;
    entry.indent = static_cast<int>(start + 1 + lead);
    entry.content.erase(0, lead);
    entry.content = entry.content.substr(0, entry.content.find_first_of(",}]"));
    while (!entry.content.empty() && entry.content.back() == ' ') entry.content.pop_back();
    auto kv = key_value(entry);
    if (!kv || kv->value.empty() || kv->value_column > column) return std::nullopt;
    return at_line(line, kv->value_column,
                   "the text after '" + kv->key + ":' contains a ':' followed by a space, which YAML reads as "
                   "the start of another key; put the whole text in double quotes: " +
                       quoted_line(kv->key, kv->value));
}

/// "settings" alone on its line, a key without its ':' (the parser stops a line or two later).
std::optional<YamlSlip> lone_key(const std::vector<SourceLine>& lines, int number) {
    const SourceLine& l = lines[static_cast<std::size_t>(number - 1)];
    if (l.blank || key_length(l.content) != l.content.size()) return std::nullopt;
    for (std::size_t n = static_cast<std::size_t>(number); n < lines.size(); ++n) {
        if (lines[n].blank) continue;
        if (lines[n].indent <= l.indent) return std::nullopt;  // not followed by its deeper value
        return at_line(number, l.indent + 1 + static_cast<int>(l.content.size()),
                       "'" + l.content + "' has no ':' after it: write '" + l.content + ":'");
    }
    return std::nullopt;
}

/// "summary: *Important* role": text starting with a sign YAML gives a meaning to.
std::optional<YamlSlip> special_start(const SourceLine& l, int number) {
    auto kv = key_value(l);
    if (!kv || kv->value.empty() || std::string("*&!%@`").find(kv->value[0]) == std::string::npos) return std::nullopt;
    return at_line(number, kv->value_column,
                   "text that starts with '" + std::string(1, kv->value[0]) +
                       "' must be in quotes (YAML gives that sign a meaning): " + quoted_line(kv->key, kv->value));
}

/// A line whose indentation does not line up with the entry it belongs to.
std::optional<YamlSlip> bad_indent(const std::vector<SourceLine>& lines, int number) {
    const SourceLine& l = lines[static_cast<std::size_t>(number - 1)];
    if (l.blank || !key_value(l)) return std::nullopt;
    for (int p = number - 1; p >= 1; --p) {
        const SourceLine& above = lines[static_cast<std::size_t>(p - 1)];
        if (above.blank) continue;
        auto kv = key_value(above);
        if (!kv || kv->value.empty()) return std::nullopt;  // a parent key: deeper is expected
        int expected = kv->key_column - 1;
        if (l.indent == expected) return std::nullopt;
        return at_line(number, l.indent + 1,
                       "this line is indented by " + std::to_string(l.indent) + " space" + (l.indent == 1 ? "" : "s") +
                           ", but '" + kv->key + "' on line " + std::to_string(p) + " by " + std::to_string(expected) +
                           ": the keys of one entry must line up exactly (YAML reads the structure from the indentation)");
    }
    return std::nullopt;
}

/// A '{' or '[' still open where the parser stopped, and not closed on its own line (catalogues
/// write their { } and [ ] lists on one line; one closed later on its line is not the slip).
std::optional<YamlSlip> unclosed_flow(std::string_view text, int line, int column) {
    std::size_t offset = 0;
    for (int n = 1; n < line && offset != std::string_view::npos; ++n) {
        offset = text.find('\n', offset);
        if (offset != std::string_view::npos) ++offset;
    }
    if (line < 1 || offset == std::string_view::npos) offset = text.size();
    else offset = std::min(text.size(), offset + static_cast<std::size_t>(std::max(0, column - 1)));
    Scan before = scan(text.substr(0, offset));
    if (before.open.empty()) return std::nullopt;
    const OpenFlow& f = before.open.back();
    Scan own_line = scan(line_text(text, f.line));
    if (std::none_of(own_line.open.begin(), own_line.open.end(), [&](const OpenFlow& o) { return o.column == f.column; }))
        return std::nullopt;
    char close = f.bracket == '{' ? '}' : ']';
    return at_line(f.line, f.column,
                   std::string("the '") + f.bracket + "' here is never closed: add '" + close +
                       "' after its last " + (f.bracket == '{' ? "value" : "item") + ", on the same line");
}

std::optional<YamlSlip> tab_indent(const Scan& s, int error_line) {
    for (int n = 1; n <= std::min<int>(error_line, static_cast<int>(s.lines.size())); ++n)
        if (s.lines[static_cast<std::size_t>(n - 1)].tab_column)
            return at_line(n, s.lines[static_cast<std::size_t>(n - 1)].tab_column,
                           "this line is indented with a tab; YAML indents with spaces only: replace the tab "
                           "with spaces (many editors have 'convert indentation to spaces')");
    return std::nullopt;
}

}  // namespace

YamlSlip explain_yaml_error(std::string_view text, int line, int column, const std::string& parser_message) {
    Scan s = scan(text);
    if (auto slip = tab_indent(s, line)) return *slip;
    if (auto slip = unclosed_flow(text, line, column)) return *slip;
    if (auto slip = colon_in_flow_text(text, line, column)) return *slip;
    const int last = static_cast<int>(s.lines.size());
    using LineCheck = std::optional<YamlSlip> (*)(const SourceLine&, int);
    // The slip is on the parser's line or, for those it notices late, the line before.
    for (int n : {line, line - 1}) {
        if (n < 1 || n > last) continue;
        const SourceLine& l = s.lines[static_cast<std::size_t>(n - 1)];
        if (l.blank) continue;
        for (LineCheck check : {dash_without_space, colon_without_space, special_start})
            if (auto slip = check(l, n)) return *slip;
        if (aligned_with_a_key(s.lines, n))
            if (auto slip = missing_colon(l, n)) return *slip;
        if (n == line)
            if (auto slip = colon_in_text(l, n)) return *slip;
    }
    for (int n : {line - 1, line - 2})
        if (n >= 1 && n <= last)
            if (aligned_with_a_key(s.lines, n))
                if (auto slip = lone_key(s.lines, n)) return *slip;
    if (line >= 1 && line <= last)
        if (auto slip = bad_indent(s.lines, line)) return *slip;
    (void)parser_message;
    return at_line(line, column,
                   "the YAML is not well formed here; look for an indentation that does not line up, a ':' "
                   "or '-' without a space after it, or text that needs quotes");
}

std::string unknown_key_hint(const std::string& key, const std::vector<std::string>& known) {
    std::size_t space = key.find(' ');
    if (space != std::string::npos) {
        std::string first = key.substr(0, space), rest = key.substr(key.find_first_not_of(' ', space));
        if (std::find(known.begin(), known.end(), first) != known.end())
            return " ('" + first + "' has no ':' after it: write '" + first + ": " + rest + "')";
    }
    return did_you_mean(key, known);
}

void report_yaml_syntax_error(Diagnostics& diags, const std::string& file, std::string_view text, int line,
                              int column, const std::string& parser_message) {
    YamlSlip slip = explain_yaml_error(text, line, column, parser_message);
    std::string parser = "\n    (the YAML parser says: " + parser_message;
    if (line > 0) parser += ", at line " + std::to_string(line) + " column " + std::to_string(column);
    diags.error({file, slip.line, slip.column}, slip.explanation + parser + ")");
}

}  // namespace pathways
