#include "render_progress.hpp"

#include <chrono>
#include <cstdio>

#include <unistd.h>

namespace pathways::cli {

RenderProgress::RenderProgress(std::string what) : what_(std::move(what)) {
    if (::isatty(STDERR_FILENO)) thread_ = std::thread([this] { run(); });
}

RenderProgress::~RenderProgress() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        done_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void RenderProgress::run() {
    auto start = std::chrono::steady_clock::now();
    std::unique_lock<std::mutex> lock(mutex_);
    if (wake_.wait_for(lock, std::chrono::seconds(2), [this] { return done_; })) return;
    while (!done_) {
        auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr, "\rpathways render: %s… %lld s ", what_.c_str(), static_cast<long long>(seconds));
        std::fflush(stderr);
        shown_ = true;
        wake_.wait_for(lock, std::chrono::seconds(1), [this] { return done_; });
    }
    if (shown_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace pathways::cli
