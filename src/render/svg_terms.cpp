// Glossary words marked in SVG page text (issue 17).
#include "svg_terms.hpp"

#include <algorithm>
#include <cctype>

#include "svg_text.hpp"

namespace pathways::svg {

namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80); }

/// Whether `form` is written in `line` at `at`, as a whole word (its first letter in either case).
bool written_at(const std::string& line, std::size_t at, const std::string& form) {
    if (at + form.size() > line.size() || form.empty()) return false;
    if (std::tolower(static_cast<unsigned char>(line[at])) != std::tolower(static_cast<unsigned char>(form[0])))
        return false;
    if (line.compare(at + 1, form.size() - 1, form, 1, std::string::npos) != 0) return false;
    bool starts = at == 0 || !word_char(line[at - 1]);
    bool ends = at + form.size() == line.size() || !word_char(line[at + form.size()]);
    return starts && ends;
}

}  // namespace

std::vector<TermForm> term_forms(const Catalogue& c) {
    std::vector<TermForm> out;
    for (const auto& e : c.glossary) {
        std::string full = e.term.substr(0, e.term.find(" ("));
        if (full.size() >= 2) out.push_back({full, &e});
        auto open = e.term.find(" ("), close = e.term.rfind(')');
        if (open != std::string::npos && close != std::string::npos && close > open + 2)
            out.push_back({e.term.substr(open + 2, close - open - 2), &e});
    }
    std::stable_sort(out.begin(), out.end(), [](const TermForm& a, const TermForm& b) { return a.word.size() > b.word.size(); });
    return out;
}

std::string with_terms(const std::string& line, const std::vector<TermForm>& forms, std::set<const GlossaryEntry*>& marked) {
    std::string out;
    std::size_t plain = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (i > 0 && word_char(line[i - 1])) continue;
        for (const auto& f : forms) {
            if (marked.count(f.entry) || !written_at(line, i, f.word)) continue;
            marked.insert(f.entry);
            out += esc(line.substr(plain, i - plain)) + "<tspan class=\"term\"><title>" +
                   esc(f.entry->term + ": " + f.entry->definition) + "</title>" + esc(line.substr(i, f.word.size())) +
                   "</tspan>";
            plain = i + f.word.size();
            i = plain - 1;
            break;
        }
    }
    return out + esc(line.substr(plain));
}

}  // namespace pathways::svg
