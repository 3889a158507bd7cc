#include "worker_guard.hpp"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace pathways {

namespace fs = std::filesystem;

namespace {

volatile std::sig_atomic_t g_stop_signal = 0;

extern "C" void on_stop_signal(int sig) { g_stop_signal = sig; }

constexpr int kStopSignals[3] = {SIGINT, SIGTERM, SIGHUP};

}  // namespace

void become_worker(pid_t parent, int lock_fd) {
    for (int sig : kStopSignals) ::signal(sig, SIG_DFL);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(1);  // the parent died before the line above
    if (lock_fd >= 0) ::close(lock_fd);
}

StopSignals::StopSignals() {
    g_stop_signal = 0;
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: poll() returns EINTR at once
    for (int i = 0; i < 3; ++i) {
        ::sigaction(kStopSignals[i], nullptr, &old_[i]);
        if (old_[i].sa_handler != SIG_IGN) ::sigaction(kStopSignals[i], &sa, nullptr);  // nohup stays nohup
    }
}

StopSignals::~StopSignals() {
    for (int i = 0; i < 3; ++i) ::sigaction(kStopSignals[i], &old_[i], nullptr);
}

int StopSignals::pending() { return g_stop_signal; }

void StopSignals::die(int sig) {
    for (int i = 0; i < 3; ++i) ::sigaction(kStopSignals[i], &old_[i], nullptr);
    ::signal(sig, SIG_DFL);
    ::raise(sig);
    ::_exit(128 + sig);  // if the signal was ignored before the build began
}

void stop_workers(const std::vector<pid_t>& pids, const std::string& folder) {
    for (pid_t pid : pids) ::kill(pid, SIGTERM);
    std::vector<pid_t> left = pids;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (!left.empty()) {
        for (auto it = left.begin(); it != left.end();) {
            pid_t r = ::waitpid(*it, nullptr, WNOHANG);
            it = (r == *it || (r < 0 && errno == ECHILD)) ? left.erase(it) : std::next(it);
        }
        if (left.empty()) break;
        if (std::chrono::steady_clock::now() > deadline) {
            for (pid_t pid : left) ::kill(pid, SIGKILL);
            for (pid_t pid : left)
                while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
                }
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    for (pid_t pid : pids) remove_temporaries_of(pid, folder);
}

bool is_live_pathways_process(pid_t pid) {
    if (pid <= 0) return false;
    std::ifstream stat_file("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(stat_file)), std::istreambuf_iterator<char>());
    auto paren = stat.rfind(')');
    if (!stat_file.good() && stat.empty()) return false;  // no such process
    if (paren == std::string::npos || paren + 2 >= stat.size()) return false;
    char state = stat[paren + 2];
    if (state == 'Z' || state == 'X' || state == 'x') return false;  // dead, not yet reaped
    struct stat theirs {}, mine {};
    if (::stat(("/proc/" + std::to_string(pid) + "/exe").c_str(), &theirs) != 0)
        return errno == EACCES;  // another user's process: not ours to judge, so keep its files
    if (::stat("/proc/self/exe", &mine) != 0) return true;
    return theirs.st_dev == mine.st_dev && theirs.st_ino == mine.st_ino;
}

void remove_temporaries_of(pid_t pid, const std::string& folder) {
    std::string tag = ".tmp-" + std::to_string(pid);
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        std::string name = entry.path().filename().string();
        auto at = name.find(tag);
        if (name[0] != '.' || at == std::string::npos) continue;
        std::size_t end = at + tag.size();
        if (end == name.size() || name[end] == '-') fs::remove(entry.path(), ec);
    }
}

}  // namespace pathways
