#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "pathways/diagnostics.hpp"

namespace pathways {

/// Limits that keep hostile input from exhausting memory or time.
struct YamlLimits {
    std::size_t max_bytes = 4 * 1024 * 1024;
    int max_depth = 64;
    std::size_t max_alias_nodes = 200'000;  // nodes that aliases may add when expanded (a file's
                                            // own nodes are bounded by max_bytes, and not capped)
};

/// Parses YAML text after checking it is UTF-8, not too big, not too deep and not an alias bomb.
/// Problems go to `diags` located in `file`; returns nothing when the text cannot be used.
std::optional<YAML::Node> parse_yaml(std::string_view text, const std::string& file, Diagnostics& diags,
                                     const YamlLimits& limits = {});

/// Reads a whole ordinary file as bytes; a missing file, a folder, a pipe or device, or a file over
/// `max_bytes` is a diagnostic located at the file (never blocks, never reads without end).
std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diags,
                                          std::size_t max_bytes = YamlLimits{}.max_bytes);

/// The encoding text is in when it is plainly not UTF-8 ("UTF-16", "UTF-32"), or "".
std::string wrong_encoding(std::string_view text);

/// Text with old-Mac line ends (a CR alone) turned into LFs; CR LF stays as it is.
std::string normalise_line_ends(std::string_view text);

/// Reads and parses a YAML file (see parse_yaml); a missing or unreadable file is a diagnostic too.
std::optional<YAML::Node> read_yaml_file(const std::string& path, Diagnostics& diags,
                                         const YamlLimits& limits = {});

/// Where a node starts in its file (1-based).
Location location_of(const std::string& file, const YAML::Node& node);

/// "a string", "a list", "a mapping", "nothing" — for type error messages.
std::string describe(const YAML::Node& node);

/// A scalar value with where it was written.
struct LocatedString {
    std::string value;
    Location where;
};

/// Reads one YAML mapping that may hold only `keys`: reports unknown keys (with a suggestion),
/// missing required keys and wrongly typed values, each once, located.
class MapReader {
public:
    MapReader(const YAML::Node& node, std::string what, std::string file, Diagnostics& diags,
              std::initializer_list<std::string_view> keys);

    bool is_map() const { return is_map_; }
    bool has(std::string_view key) const;
    YAML::Node get(std::string_view key) const;
    Location where() const;
    Location where(std::string_view key) const;  // the value's place, or the mapping's if absent

    /// A text value; required ones must be present and non-empty.
    std::string text(std::string_view key, bool required);
    /// A list of text values; a required list must be present (it may still be empty).
    std::vector<LocatedString> text_list(std::string_view key, bool required);
    /// A number value.
    std::optional<double> number(std::string_view key, bool required);
    /// A yes/no value.
    std::optional<bool> flag(std::string_view key);
    /// A list of mappings (each returned as a node for its own reader).
    std::vector<YAML::Node> map_list(std::string_view key, bool required);

    const std::string& file() const { return file_; }
    Diagnostics& diags() { return diags_; }

private:
    void missing(std::string_view key);
    /// The sequence under `key`, or nothing (reported when it is missing but required, or not a
    /// list; `hint` follows "must be a list").
    std::optional<YAML::Node> list(std::string_view key, bool required, std::string_view hint);

    YAML::Node node_;
    std::string what_;
    std::string file_;
    Diagnostics& diags_;
    bool is_map_ = false;
};

}  // namespace pathways
