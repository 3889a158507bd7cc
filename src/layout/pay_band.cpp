// A role's pay band as its box shows it (issue 17): the catalogue's words shortened to the bands
// they name, "AfC band 6" or "AfC bands 5–9"; the back page's index gives the words in full.
#include <algorithm>
#include <cctype>
#include <regex>
#include <utility>
#include <vector>

#include "pathways/layout.hpp"

namespace pathways {

namespace {

/// A band such as "8a" as (8, 'a'), ordered as the pay scale runs.
using Band = std::pair<int, char>;

std::string band_text(const Band& b) { return std::to_string(b.first) + (b.second ? std::string(1, b.second) : ""); }

/// Every band the text names after "band"/"bands" ("band 6 or 7 (some band 5), up to band 9").
std::vector<Band> bands_named(const std::string& text) {
    static const std::regex named(R"(\bbands?\s+(\d+)([a-d]?)\b(?:\s*(?:-|–|to|or|and)\s*(\d+)([a-d]?)\b)?)",
                                  std::regex::icase);
    std::vector<Band> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), named); it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        out.push_back({std::stoi(m[1]), m[2].length() ? static_cast<char>(std::tolower(m[2].str()[0])) : '\0'});
        if (m[3].matched) out.push_back({std::stoi(m[3]), m[4].length() ? static_cast<char>(std::tolower(m[4].str()[0])) : '\0'});
    }
    return out;
}

}  // namespace

std::string short_pay_band(const std::string& text) {
    if (text.empty()) return {};
    const bool afc = text.rfind("Agenda for Change", 0) == 0;
    std::vector<Band> bands = bands_named(text);
    if (!bands.empty()) {
        auto [low, high] = std::minmax_element(bands.begin(), bands.end());
        std::string scale = afc ? "AfC " : "";
        if (*low == *high) return scale + "band " + band_text(*low);
        return scale + "bands " + band_text(*low) + "\xE2\x80\x93" + band_text(*high);
    }
    std::string cut = text.substr(0, text.find_first_of("(,;"));
    while (!cut.empty() && cut.back() == ' ') cut.pop_back();
    return cut.size() > 24 ? cut.substr(0, 23) + "\xE2\x80\xA6" : cut;
}

}  // namespace pathways
