#include "pathways/yaml_reader.hpp"

#include "pathways/quote_check.hpp"
#include "pathways/yaml_hints.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <yaml-cpp/eventhandler.h>

namespace pathways {

namespace {

Location at(const std::string& file, const YAML::Mark& mark) {
    if (mark.is_null()) return {file, 0, 0};
    return {file, mark.line + 1, mark.column + 1};
}

/// Stops the guard pass early.
struct GuardStop {
    YAML::Mark mark;
    std::string message;
};

/// Walks the event stream once, before any tree is built, to refuse alias bombs, deep nesting,
/// duplicate keys and multiple documents.
class Guard : public YAML::EventHandler {
public:
    Guard(const YamlLimits& limits, const std::string& file, Diagnostics& diags)
        : limits_(limits), file_(file), diags_(diags) {}

    void OnDocumentStart(const YAML::Mark& mark) override { document_start = mark; }
    YAML::Mark document_start;
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { leaf(mark, anchor, {}, false); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto it = sizes_.find(anchor);
        std::size_t n = it == sizes_.end() ? 1 : it->second;
        total_ += n;
        expanded_ += n;
        if (expanded_ > limits_.max_alias_nodes)
            throw GuardStop{mark, "aliases expand this document by more than " +
                                      std::to_string(limits_.max_alias_nodes) +
                                      " nodes (too many aliases); refusing to read it"};
        key_or_value(mark, {}, false);
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        // A plain `<<` key is YAML's merge key, which yaml-cpp would read as an ordinary key.
        if (value == "<<" && tag == "?" && !stack_.empty() && stack_.back().is_map && stack_.back().expect_key)
            diags_.error(at(file_, mark), "merge keys ('<<') are not supported: write the keys out in full");
        leaf(mark, anchor, value, true);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, anchor, false);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, anchor, true);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame {
        YAML::anchor_t anchor;
        std::size_t start_total;
        bool is_map;
        bool expect_key = true;
        std::map<std::string, YAML::Mark> keys;
    };

    // Nodes written out in the file are bounded by its size; only what aliases add is capped.
    void add(const YAML::Mark&, std::size_t n) { total_ += n; }
    // Tracks map keys so that a repeated key is reported (yaml-cpp would silently keep one).
    void key_or_value(const YAML::Mark& mark, const std::string& value, bool is_scalar) {
        if (stack_.empty() || !stack_.back().is_map) return;
        Frame& f = stack_.back();
        if (f.expect_key && is_scalar) {
            auto [it, inserted] = f.keys.emplace(value, mark);
            if (!inserted)
                diags_.error(at(file_, mark), "duplicate key '" + value + "' (first given at line " +
                                                  std::to_string(it->second.line + 1) + ")");
        }
        f.expect_key = !f.expect_key;
    }
    void leaf(const YAML::Mark& mark, YAML::anchor_t anchor, const std::string& value, bool is_scalar) {
        key_or_value(mark, value, is_scalar);
        add(mark, 1);
        if (anchor) sizes_[anchor] = 1;
    }
    void open(const YAML::Mark& mark, YAML::anchor_t anchor, bool is_map) {
        key_or_value(mark, {}, false);
        if (static_cast<int>(stack_.size()) >= limits_.max_depth)
            throw GuardStop{mark, "nesting deeper than " + std::to_string(limits_.max_depth) +
                                      " levels; refusing to read it"};
        add(mark, 1);
        stack_.push_back(Frame{anchor, total_ - 1, is_map, true, {}});
    }
    void close() {
        Frame f = std::move(stack_.back());
        stack_.pop_back();
        if (f.anchor) sizes_[f.anchor] = total_ - f.start_total;
    }

    const YamlLimits& limits_;
    const std::string& file_;
    Diagnostics& diags_;
    std::vector<Frame> stack_;
    std::map<YAML::anchor_t, std::size_t> sizes_;
    std::size_t total_ = 0;     // nodes so far, aliases expanded
    std::size_t expanded_ = 0;  // of which aliases added
};

/// Checks that text is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
/// above U+10FFFF) without NUL bytes; reports the first bad byte with its place (column in characters).
bool check_utf8(std::string_view text, const std::string& file, Diagnostics& diags) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < text.size();) {
        auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
        unsigned char c = byte(0);
        std::size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
        bool ok = len > 0 && i + len <= text.size() && c != 0;
        for (std::size_t k = 1; ok && k < len; ++k) ok = (byte(k) & 0xC0) == 0x80;
        if (ok && len == 3) {
            unsigned char c1 = byte(1);
            ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);  // overlong; surrogates
        }
        if (ok && len == 4) {
            unsigned char c1 = byte(1);
            ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);  // overlong; above U+10FFFF
        }
        if (!ok) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", c);
            diags.error({file, line, column},
                        c == 0 ? std::string("file contains a NUL byte: it is not a text file")
                               : "file is not UTF-8 text: invalid byte " + std::string(hex) +
                                     " (save the file as UTF-8)");
            return false;
        }
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += len;
    }
    return true;
}

}  // namespace

Location location_of(const std::string& file, const YAML::Node& node) {
    if (!node.IsDefined()) return {file, 0, 0};
    return at(file, node.Mark());
}

std::string describe(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull()) return "nothing";
    if (node.IsSequence()) return "a list";
    if (node.IsMap()) return "a mapping";
    return "the text '" + node.Scalar() + "'";
}

std::optional<YAML::Node> parse_yaml(std::string_view text, const std::string& file, Diagnostics& diags,
                                     const YamlLimits& limits) {
    if (text.size() > limits.max_bytes) {
        diags.error({file, 0, 0}, "file is " + std::to_string(text.size()) + " bytes; the limit is " +
                                      std::to_string(limits.max_bytes));
        return std::nullopt;
    }
    if (std::string encoding = wrong_encoding(text); !encoding.empty()) {
        diags.error({file, 1, 1}, "file is " + encoding + " text, not UTF-8: save it as UTF-8 (in most editors: "
                                  "Save As, Encoding: UTF-8)");
        return std::nullopt;
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const std::string normalised = normalise_line_ends(text);  // CR-only (old Mac) line ends count too
    text = normalised;
    if (!check_utf8(text, file, diags)) return std::nullopt;
    // A missing closing quote would swallow the lines after it; say where the quote opens instead.
    if (check_unclosed_quotes(text, file, diags) > 0) return std::nullopt;

    std::string copy(text);
    std::size_t before = diags.errors();
    try {
        std::istringstream in(copy);
        YAML::Parser parser(in);
        Guard guard(limits, file, diags);
        if (!parser.HandleNextDocument(guard)) {
            diags.error({file, 1, 1}, "file is empty");
            return std::nullopt;
        }
        if (parser.HandleNextDocument(guard)) {
            diags.error(at(file, guard.document_start), "file holds more than one YAML document (remove the extra '---')");
            return std::nullopt;
        }
    } catch (const GuardStop& stop) {
        diags.error(at(file, stop.mark), stop.message);
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        report_yaml_syntax_error(diags, file, copy, at(file, e.mark).line, at(file, e.mark).column, e.msg);
        return std::nullopt;
    }
    if (diags.errors() > before) return std::nullopt;
    try {
        return YAML::Load(copy);
    } catch (const YAML::Exception& e) {
        diags.error(at(file, e.mark), "YAML syntax error: " + e.msg);
        return std::nullopt;
    }
}

std::optional<YAML::Node> read_yaml_file(const std::string& path, Diagnostics& diags, const YamlLimits& limits) {
    auto text = read_text_file(path, diags, limits.max_bytes);
    if (!text) return std::nullopt;
    return parse_yaml(*text, path, diags, limits);
}

MapReader::MapReader(const YAML::Node& node, std::string what, std::string file, Diagnostics& diags,
                     std::initializer_list<std::string_view> keys)
    : node_(node), what_(std::move(what)), file_(std::move(file)), diags_(diags) {
    is_map_ = node_.IsMap();
    if (!is_map_) {
        diags_.error(location_of(file_, node_), what_ + " must be a mapping of keys to values, not " + describe(node_));
        return;
    }
    std::vector<std::string> known(keys.begin(), keys.end());
    for (auto it = node_.begin(); it != node_.end(); ++it) {
        YAML::Node key = it->first;  // a copy: the iterator's pair is a temporary
        if (!key.IsScalar()) {
            diags_.error(location_of(file_, key), "keys in " + what_ + " must be plain words");
            continue;
        }
        std::string k = key.Scalar();
        if (std::find(known.begin(), known.end(), k) == known.end())
            diags_.error(location_of(file_, key), "unknown key '" + k + "' in " + what_ + unknown_key_hint(k, known));
    }
}

bool MapReader::has(std::string_view key) const {
    return is_map_ && node_[std::string(key)].IsDefined();
}

YAML::Node MapReader::get(std::string_view key) const {
    if (!is_map_) return YAML::Node(YAML::NodeType::Undefined);
    return node_[std::string(key)];
}

Location MapReader::where() const { return location_of(file_, node_); }

Location MapReader::where(std::string_view key) const {
    YAML::Node v = get(key);
    if (v.IsDefined() && !v.Mark().is_null()) return location_of(file_, v);
    return where();
}

void MapReader::missing(std::string_view key) {
    diags_.error(where(), what_ + " is missing required key '" + std::string(key) + "'");
}

std::string MapReader::text(std::string_view key, bool required) {
    if (!is_map_) return {};
    YAML::Node v = get(key);
    if (!v.IsDefined()) {
        if (required) missing(key);
        return {};
    }
    if (v.IsNull() || (v.IsScalar() && v.Scalar().find_first_not_of(" \t\r\n") == std::string::npos)) {
        if (required) diags_.error(where(key), "'" + std::string(key) + "' in " + what_ + " must not be empty");
        return {};
    }
    if (!v.IsScalar()) {
        diags_.error(where(key), "'" + std::string(key) + "' in " + what_ + " must be text, not " + describe(v));
        return {};
    }
    return v.Scalar();
}

std::optional<YAML::Node> MapReader::list(std::string_view key, bool required, std::string_view hint) {
    if (!is_map_) return std::nullopt;
    YAML::Node v = get(key);
    if (!v.IsDefined()) {
        if (required) missing(key);
        return std::nullopt;
    }
    if (v.IsNull()) return std::nullopt;
    if (!v.IsSequence()) {
        diags_.error(where(key), "'" + std::string(key) + "' in " + what_ + " must be a list" + std::string(hint) +
                                     ", not " + describe(v));
        return std::nullopt;
    }
    return v;
}

std::vector<LocatedString> MapReader::text_list(std::string_view key, bool required) {
    std::vector<LocatedString> out;
    YAML::Node v = get(key);
    std::string hint = v.IsDefined() && v.IsScalar() ? " (write [" + v.Scalar() + "])" : "";
    auto list = this->list(key, required, hint);
    if (!list) return out;
    for (const auto& item : *list) {
        if (!item.IsScalar() || item.Scalar().empty()) {
            diags_.error(location_of(file_, item), "items of '" + std::string(key) + "' in " + what_ +
                                                       " must be text, not " + describe(item));
            continue;
        }
        out.push_back({item.Scalar(), location_of(file_, item)});
    }
    return out;
}

std::optional<double> MapReader::number(std::string_view key, bool required) {
    if (!is_map_) return std::nullopt;
    YAML::Node v = get(key);
    if (!v.IsDefined()) {
        if (required) missing(key);
        return std::nullopt;
    }
    double d = 0;
    if (!v.IsScalar() || !YAML::convert<double>::decode(v, d)) {
        diags_.error(where(key), "'" + std::string(key) + "' in " + what_ + " must be a number, not " + describe(v));
        return std::nullopt;
    }
    return d;
}

std::optional<bool> MapReader::flag(std::string_view key) {
    if (!is_map_) return std::nullopt;
    YAML::Node v = get(key);
    if (!v.IsDefined()) return std::nullopt;
    bool b = false;
    if (!v.IsScalar() || !YAML::convert<bool>::decode(v, b)) {
        diags_.error(where(key), "'" + std::string(key) + "' in " + what_ + " must be true or false, not " + describe(v));
        return std::nullopt;
    }
    return b;
}

std::vector<YAML::Node> MapReader::map_list(std::string_view key, bool required) {
    std::vector<YAML::Node> out;
    if (auto list = this->list(key, required, ""))
        for (const auto& item : *list) out.push_back(item);
    return out;
}

}  // namespace pathways
