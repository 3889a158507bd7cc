#include "series_files.hpp"

#include <cctype>

#include "pathways/escape.hpp"

namespace pathways {

namespace {

/// N when `file` is `stem` + "-sheet-N" + `suffix`, else 0.
std::size_t sheet_number(const std::string& file, const std::string& stem, const std::string& suffix) {
    const std::string head = stem + "-sheet-";
    if (file.size() <= head.size() + suffix.size() || file.compare(0, head.size(), head) != 0 ||
        file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0)
        return 0;
    std::string digits = file.substr(head.size(), file.size() - head.size() - suffix.size());
    for (char c : digits)
        if (!std::isdigit(static_cast<unsigned char>(c))) return 0;
    return digits.size() > 4 ? 0 : std::stoul(digits);
}

}  // namespace

bool is_sheet_of(const std::string& file, const std::set<std::string>& ours) {
    auto at = file.rfind("-sheet-");
    if (at == std::string::npos) return false;
    auto dot = file.find('.', at);
    if (dot == std::string::npos) return false;
    std::string stem = file.substr(0, at), suffix = file.substr(dot);
    return ours.count(stem + suffix) && sheet_number(file, stem, suffix) > 0;
}

std::string series_sheets_html(const PosterSpec& p, const std::map<std::string, std::string>& files) {
    std::map<std::size_t, std::string> sheets;  // number -> links
    for (auto f : p.formats) {
        for (const auto& [name, hash] : files) {
            std::size_t n = sheet_number(name, p.name, format_suffix(f));
            if (n == 0) continue;
            sheets[n] += " <a href=\"" + xml_escape(name) + "\">" + format_name(f) + "</a>";
        }
    }
    if (sheets.empty()) return "";
    std::string out = "  <details class=\"sheets\"><summary>A series: an overview and " + std::to_string(sheets.size()) +
                      " sheets (the PDF holds them all, a page each)</summary>\n  <ul>\n";
    for (const auto& [n, links] : sheets) out += "    <li>Sheet " + std::to_string(n) + ":" + links + "</li>\n";
    return out + "  </ul></details>\n";
}

}  // namespace pathways
