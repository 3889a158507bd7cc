#include "pathways/diagnostics.hpp"

#include <algorithm>
#include <ostream>
#include <tuple>

namespace pathways {

void Diagnostics::error(Location where, std::string message) {
    items_.push_back({Severity::Error, std::move(where), std::move(message)});
}

void Diagnostics::warning(Location where, std::string message) {
    items_.push_back({Severity::Warning, std::move(where), std::move(message)});
}

std::size_t Diagnostics::errors() const {
    return std::count_if(items_.begin(), items_.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::size_t Diagnostics::warnings() const { return items_.size() - errors(); }

void Diagnostics::print(std::ostream& out) const {
    // Files in the order first met; within a file, by line and column.
    std::vector<std::string> files;
    for (const auto& d : items_)
        if (std::find(files.begin(), files.end(), d.where.file) == files.end()) files.push_back(d.where.file);
    auto rank = [&](const Diagnostic* d) {
        return std::tuple(std::find(files.begin(), files.end(), d->where.file) - files.begin(), d->where.line,
                          d->where.column);
    };
    std::vector<const Diagnostic*> sorted;
    for (const auto& d : items_) sorted.push_back(&d);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&](const Diagnostic* a, const Diagnostic* b) { return rank(a) < rank(b); });
    for (const auto* d : sorted) out << format(*d) << '\n';
}

void Diagnostics::print_errors(std::ostream& out) const {
    Diagnostics errors_only;
    for (const auto& d : items_)
        if (d.severity == Severity::Error) errors_only.items_.push_back(d);
    errors_only.print(out);
}

std::string format(const Diagnostic& d) {
    std::string s = d.where.file;
    if (d.where.line > 0) {
        s += ':' + std::to_string(d.where.line);
        if (d.where.column > 0) s += ':' + std::to_string(d.where.column);
    }
    s += d.severity == Severity::Error ? ": error: " : ": warning: ";
    s += d.message;
    return s;
}

namespace {
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            char ca = static_cast<char>(std::tolower(static_cast<unsigned char>(a[i - 1])));
            char cb = static_cast<char>(std::tolower(static_cast<unsigned char>(b[j - 1])));
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (ca == cb ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}
}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = std::string::npos;
    for (const auto& c : candidates) {
        std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    // A typo: at most a third of the word wrong (and at least one edit allowed).
    std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
    if (best_distance == std::string::npos || best_distance > limit || best_distance >= word.size()) return {};
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    std::string m = closest_match(word, candidates);
    return m.empty() ? std::string{} : " (did you mean '" + m + "'?)";
}

}  // namespace pathways
