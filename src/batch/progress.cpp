#include "progress.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include <sys/ioctl.h>
#include <unistd.h>

namespace pathways {

namespace {

std::string seconds_text(double s) {
    char buf[32];
    if (s < 10)
        std::snprintf(buf, sizeof buf, "%.2fs", s);
    else if (s < 60)
        std::snprintf(buf, sizeof buf, "%.1fs", s);
    else
        std::snprintf(buf, sizeof buf, "%dm%02ds", static_cast<int>(s) / 60, static_cast<int>(s) % 60);
    return buf;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

Progress::Progress(ProgressMode mode, std::ostream& out)
    : mode_(mode), out_(out), start_(std::chrono::steady_clock::now()) {
    if (mode_ == ProgressMode::Auto)
        mode_ = &out_ == &std::cerr && ::isatty(STDERR_FILENO) ? ProgressMode::Live : ProgressMode::Lines;
    if (mode_ == ProgressMode::Live) {
        winsize ws{};
        if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) width_ = ws.ws_col;
    }
}

double Progress::elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::begin(std::size_t to_build, std::size_t total, unsigned jobs) {
    to_build_ = to_build;
    if (mode_ == ProgressMode::Lines && to_build > 0)
        out_ << "pathways build: " << plural(to_build, "poster", "posters") << " to build of " << total << ", "
             << plural(jobs, "job", "jobs") << " at once\n"
             << std::flush;
    draw_line();
}

void Progress::started(const std::string& name) {
    running_.push_back(name);
    draw_line();
}

void Progress::finished(const PosterOutcome& o, const std::string& detail) {
    running_.erase(std::remove(running_.begin(), running_.end(), o.name), running_.end());
    ++done_;
    clear_line();
    std::string count = "[" + std::to_string(done_) + "/" + std::to_string(to_build_) + "] ";
    if (o.status == PosterOutcome::Status::Failed) {
        out_ << "pathways build: error: poster '" << o.name << "' failed: " << o.message << '\n';
    } else if (mode_ != ProgressMode::Quiet) {
        out_ << count << "built " << o.name << " (" << seconds_text(o.seconds) << ")\n";
        if (!detail.empty()) {
            std::string d = detail;
            while (!d.empty() && d.back() == '\n') d.pop_back();
            out_ << "pathways build: note: while building '" << o.name << "':\n" << d << '\n';
        }
    }
    out_ << std::flush;
    draw_line();
}

void Progress::tick() { draw_line(); }

void Progress::error(const std::string& message) {
    clear_line();
    out_ << "pathways build: error: " << message << '\n' << std::flush;
    draw_line();
}

void Progress::clear_line() {
    if (!line_shown_) return;
    out_ << "\r\033[K" << std::flush;
    line_shown_ = false;
}

void Progress::draw_line() {
    if (mode_ != ProgressMode::Live || to_build_ == 0 || done_ >= to_build_) {
        clear_line();
        return;
    }
    double t = elapsed();
    char clock[32];
    std::snprintf(clock, sizeof clock, "%d:%02d", static_cast<int>(t) / 60, static_cast<int>(t) % 60);
    std::string line = "[" + std::to_string(done_) + "/" + std::to_string(to_build_) + "] " + clock;
    if (!running_.empty()) {
        line += "  building ";
        for (std::size_t i = 0; i < running_.size(); ++i) line += (i ? ", " : "") + running_[i];
    }
    if (line.size() >= width_) line = line.substr(0, width_ - 4) + "...";
    if (line_shown_ && line == last_line_) return;
    out_ << "\r\033[K" << line << std::flush;
    line_shown_ = true;
    last_line_ = line;
}

void Progress::summary(const BuildReport& r) {
    clear_line();
    if (mode_ == ProgressMode::Quiet) return;
    std::size_t total = r.posters.size();
    if (!r.removed.empty()) {
        out_ << "pathways build: removed " << plural(r.removed.size(), "file", "files") << " the manifest no longer asks for:";
        for (const auto& name : r.removed) out_ << ' ' << name;
        out_ << '\n';
    }
    if (r.built == 0 && r.failed == 0) {
        out_ << "pathways build: everything is up to date (" << plural(total, "poster", "posters") << ", "
             << seconds_text(r.seconds) << ")\n";
    } else {
        out_ << "pathways build: " << r.built << " built, " << r.up_to_date << " up to date, " << r.failed
             << " failed, of " << plural(total, "poster", "posters") << " in " << seconds_text(r.seconds) << '\n';
    }
    out_ << std::flush;
}

}  // namespace pathways
