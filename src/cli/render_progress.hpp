#pragma once
// A progress line for long renders on a terminal.
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace pathways::cli {

/// While alive, shows "pathways render: WHAT… N s" on standard error, redrawn each second, once
/// the render has taken more than two seconds, and only when standard error is a terminal. Only
/// this thread writes while it runs; it clears its line when it ends.
class RenderProgress {
public:
    explicit RenderProgress(std::string what);
    ~RenderProgress();
    RenderProgress(const RenderProgress&) = delete;
    RenderProgress& operator=(const RenderProgress&) = delete;

private:
    void run();
    std::string what_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool done_ = false, shown_ = false;
    std::thread thread_;
};

}  // namespace pathways::cli
