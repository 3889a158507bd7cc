#pragma once
// Issue 17: the catalogue's glossary words marked in an SVG's page text, each with its meaning as
// a tooltip (as HTML's <abbr title> would): <tspan class="term"><title>…</title>GP</tspan>.
#include <set>
#include <string>
#include <vector>

#include "pathways/catalogue.hpp"

namespace pathways::svg {

/// One way a glossary term is written: "General practice" or "GP" for "General practice (GP)".
struct TermForm {
    std::string word;
    const GlossaryEntry* entry = nullptr;
};

/// Every form of every term of the glossary (the words before a bracket, and the bracketed
/// abbreviation), longest first.
std::vector<TermForm> term_forms(const Catalogue& catalogue);

/// `line` escaped for SVG text content, its first use on the page of each term (by `marked`,
/// which it updates) wrapped in a tspan titled with the term's definition. Matches are whole
/// words, the first letter in either case.
std::string with_terms(const std::string& line, const std::vector<TermForm>& forms, std::set<const GlossaryEntry*>& marked);

}  // namespace pathways::svg
