#pragma once
#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include "pathways/batch.hpp"

namespace pathways {

/// Tells the person running a build how it goes: a live line on a terminal, one line per
/// finished poster otherwise, or errors only.
class Progress {
public:
    Progress(ProgressMode mode, std::ostream& out);

    /// The build decided: `to_build` posters to build out of `total`.
    void begin(std::size_t to_build, std::size_t total, unsigned jobs);
    void started(const std::string& name);
    /// A poster finished; `detail` is what its worker printed (shown as notes).
    void finished(const PosterOutcome& outcome, const std::string& detail);
    /// Redraws the live line (elapsed time); call often while waiting.
    void tick();
    /// An error not tied to one poster.
    void error(const std::string& message);
    void summary(const BuildReport& report);

    ProgressMode mode() const { return mode_; }

private:
    double elapsed() const;
    void clear_line();
    void draw_line();

    ProgressMode mode_;
    std::ostream& out_;
    std::chrono::steady_clock::time_point start_;
    std::size_t to_build_ = 0, done_ = 0;
    std::vector<std::string> running_;
    bool line_shown_ = false;
    std::string last_line_;
    std::size_t width_ = 80;
};

}  // namespace pathways
