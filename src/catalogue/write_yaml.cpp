// A catalogue written back as tidy, stable YAML in the catalogue format (what `pathways import` writes).
#include <cctype>
#include <cstdio>
#include <filesystem>

#include "pathways/import.hpp"

namespace pathways {

namespace {

bool looks_like_number_or_date(std::string_view s) {
    auto c = static_cast<unsigned char>(s[0]);
    return std::isdigit(c) || ((c == '-' || c == '+' || c == '.') && s.size() > 1);
}

bool is_reserved_word(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (const char* w : {"true", "false", "yes", "no", "on", "off", "null", "y", "n", ".nan", ".inf"})
        if (s == w) return true;
    return false;
}

/// Whether `s` can be written plain and read back as the same string (in a flow list, `flow`,
/// the flow indicators , [ ] { } must be quoted too).
bool plain_is_safe(std::string_view s, bool flow) {
    if (s.empty() || s.front() == ' ' || s.back() == ' ') return false;
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`~").find(s.front()) != std::string_view::npos) return false;
    if (looks_like_number_or_date(s) || is_reserved_word(std::string(s))) return false;
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos || s.back() == ':')
        return false;
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F || (flow && std::string_view(",[]{}").find(ch) != std::string_view::npos))
            return false;
    }
    return true;
}

/// A scalar: plain when that reads back the same, else double-quoted with escapes.
std::string scalar(std::string_view s, bool flow = false) {
    if (plain_is_safe(s, flow)) return std::string(s);
    std::string out = "\"";
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\x%02x", c);
                    out += buf;
                } else {
                    out += ch;
                }
        }
    }
    return out + "\"";
}

std::string flow_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + scalar(items[i], true);
    return out + "]";
}

void key(std::string& out, const char* indent, const char* name, std::string_view value, bool required = true) {
    if (value.empty() && !required) return;
    out += std::string(indent) + name + ": " + scalar(value) + "\n";
}

template <typename T>
void named_list(std::string& out, const char* title, const std::vector<T>& items) {
    out += std::string("\n") + title + "\n";
    for (const auto& it : items) {
        key(out, "  - ", "id", it.id);
        key(out, "    ", "name", it.name);
        key(out, "    ", "description", it.description);
    }
}

void role_yaml(std::string& out, const Role& r) {
    out += "\n";
    key(out, "  - ", "id", r.id);
    key(out, "    ", "name", r.name);
    if (r.levels.size() == 1) key(out, "    ", "level", r.levels[0]);
    else out += "    levels: " + flow_list(r.levels) + "\n";
    out += "    settings: " + flow_list(r.settings) + "\n";
    if (!r.progresses_to.empty()) out += "    progresses_to: " + flow_list(r.progresses_to) + "\n";
    key(out, "    ", "summary", r.summary);
    key(out, "    ", "url", r.url, false);
    if (!r.aliases.empty()) out += "    aliases: " + flow_list(r.aliases) + "\n";
    key(out, "    ", "pay_band", r.pay_band, false);
    key(out, "    ", "family", r.family, false);
}

}  // namespace

std::string catalogue_yaml(const Catalogue& c, const std::string& schema_path) {
    std::string out = "# yaml-language-server: $schema=" + schema_path + "\n";
    key(out, "", "title", c.title);
    key(out, "", "subtitle", c.subtitle, false);
    key(out, "", "publisher", c.publisher);
    key(out, "", "source", c.source);
    key(out, "", "version", c.version);
    key(out, "", "setting_dimension", c.setting_dimension);
    named_list(out, "levels:  # lowest first", c.levels);
    named_list(out, "settings:", c.settings);
    out += "\nroles:";
    for (const auto& r : c.roles) role_yaml(out, r);
    if (!c.glossary.empty()) {
        out += "\nglossary:\n";
        for (const auto& g : c.glossary) {
            key(out, "  - ", "term", g.term);
            key(out, "    ", "definition", g.definition);
        }
    }
    if (!c.panels.empty()) {
        out += "\npanels:\n";
        for (const auto& p : c.panels) {
            key(out, "  - ", "title", p.title);
            key(out, "    ", "text", p.text);
        }
    }
    return out;
}

std::string schema_reference(const std::string& output) {
    namespace fs = std::filesystem;
    const fs::path relative = "data/schema/catalogue.schema.json";
    std::error_code ec;
    std::vector<fs::path> places{fs::current_path(ec) / relative};
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) places.push_back(exe.parent_path().parent_path() / relative);
    fs::path schema = places.front();
    for (const auto& p : places)
        if (fs::is_regular_file(p, ec)) {
            schema = p;
            break;
        }
    fs::path folder = output.empty() || output == "-" ? fs::current_path(ec) : fs::absolute(output, ec).parent_path();
    fs::path rel = fs::weakly_canonical(schema, ec).lexically_relative(fs::weakly_canonical(folder, ec));
    return rel.empty() ? schema.string() : rel.generic_string();
}

}  // namespace pathways
