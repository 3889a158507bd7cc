#pragma once
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace pathways {

/// A place in an input file, 1-based; line 0 means "the whole file".
struct Location {
    std::string file;
    int line = 0;
    int column = 0;
};

enum class Severity { Warning, Error };

/// One problem a user can fix, with where it is.
struct Diagnostic {
    Severity severity = Severity::Error;
    Location where;
    std::string message;
};

/// Every problem found in one run, in the order found; printed GCC-style.
class Diagnostics {
public:
    void error(Location where, std::string message);
    void warning(Location where, std::string message);

    const std::vector<Diagnostic>& all() const { return items_; }
    std::size_t errors() const;
    std::size_t warnings() const;
    bool has_errors() const { return errors() > 0; }
    /// A warning the input accepts (a catalogue's `accept_warnings:`): counted, never printed.
    void accept_warning() { ++accepted_; }
    std::size_t accepted() const { return accepted_; }

    /// Writes every diagnostic as `FILE:LINE:COL: error: message`, sorted by place.
    void print(std::ostream& out) const;
    /// As print, errors only (for commands whose job is not checking).
    void print_errors(std::ostream& out) const;

private:
    std::vector<Diagnostic> items_;
    std::size_t accepted_ = 0;
};

/// `FILE:LINE:COL: error: message` (line and column left out when unknown).
std::string format(const Diagnostic& d);

/// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" or "" — appended to messages about unknown names.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace pathways
