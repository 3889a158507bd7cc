#include "workers.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include "worker_guard.hpp"

namespace pathways {

namespace {

/// Renders and writes one poster; the result as text: "ok\n" then "HASH NAME" lines, or the error.
std::string run_job(const BuildPlan& plan, const PosterSpec& spec, const std::string& date, bool& ok) {
    try {
        auto files = render_poster_files(plan, spec, date);
        write_poster_files(plan.manifest.output, files);
        std::string out = "ok\n";
        for (const auto& f : files) out += Fnv1a().add(f.bytes).hex() + " " + f.name + "\n";
        ok = true;
        return out;
    } catch (const std::exception& e) {
        ok = false;
        return e.what();
    } catch (...) {
        ok = false;
        return "unknown error";
    }
}

JobResult parse_result(bool ok, const std::string& text) {
    JobResult r;
    r.ok = ok;
    if (!ok) {
        r.message = text.empty() ? "its worker stopped without saying why" : text;
        return r;
    }
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);
    if (line != "ok") {
        r.ok = false;
        r.message = "its worker sent a garbled result";
        return r;
    }
    while (std::getline(in, line)) {
        auto space = line.find(' ');
        if (space == std::string::npos) continue;
        r.files[line.substr(space + 1)] = line.substr(0, space);
    }
    return r;
}

void write_all(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return;
        }
        done += static_cast<std::size_t>(n);
    }
}

/// Two pipes made together, closed on failure; throws when the system refuses.
struct PipePair {
    int result[2] = {-1, -1}, log[2] = {-1, -1};
    PipePair() {
        if (::pipe2(result, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
        if (::pipe2(log, O_CLOEXEC) != 0) {
            int err = errno;
            close_all();
            throw std::runtime_error(std::string("pipe: ") + std::strerror(err));
        }
    }
    void close_all() {
        for (int fd : {result[0], result[1], log[0], log[1]})
            if (fd >= 0) ::close(fd);
    }
};

/// What a forked worker does: build the poster, send the result, exit without running the
/// parent's destructors or atexit handlers.
[[noreturn]] void be_worker(const BuildPlan& plan, const Job& job, const std::string& date, pid_t parent,
                            int lock_fd, const PipePair& pipes) {
    // Graphviz and Cairo run here, on a copy of the parent, and nowhere else.
    ::signal(SIGPIPE, SIG_DFL);
    become_worker(parent, lock_fd);  // dies with the build; never holds its folder lock
    ::close(pipes.result[0]);
    ::close(pipes.log[0]);
    ::dup2(pipes.log[1], STDERR_FILENO);  // Graphviz's warnings go to the parent, not the terminal
    ::dup2(pipes.log[1], STDOUT_FILENO);
    bool ok = false;
    std::string text = run_job(plan, *job.spec, date, ok);
    write_all(pipes.result[1], text);
    std::fflush(nullptr);
    ::_exit(ok ? 0 : 1);
}

/// A poster being built in a forked worker process, owning the process and the read ends of its
/// two pipes (as Ninja's Subprocess does): one destroyed before it was reaped kills and reaps its
/// process, and closes its pipes.
class Worker {
public:
    /// Forks a worker for `job`; throws if the system cannot.
    Worker(const BuildPlan& plan, const Job& job, const std::string& date, int lock_fd) : job_(job) {
        PipePair pipes;
        std::cout.flush();
        std::cerr.flush();
        std::fflush(nullptr);
        pid_t parent = ::getpid();
        pid_ = ::fork();
        if (pid_ < 0) {
            int err = errno;
            pipes.close_all();
            throw std::runtime_error(std::string("cannot start a worker: ") + std::strerror(err));
        }
        if (pid_ == 0) be_worker(plan, job, date, parent, lock_fd, pipes);
        ::close(pipes.result[1]);
        ::close(pipes.log[1]);
        result_fd_ = pipes.result[0];
        log_fd_ = pipes.log[0];
        started_ = std::chrono::steady_clock::now();
    }
    Worker(Worker&& o) noexcept { *this = std::move(o); }
    Worker& operator=(Worker&& o) noexcept {
        std::swap(pid_, o.pid_);
        std::swap(result_fd_, o.result_fd_);
        std::swap(log_fd_, o.log_fd_);
        job_ = std::move(o.job_);
        result_ = std::move(o.result_);
        log_ = std::move(o.log_);
        started_ = o.started_;
        return *this;
    }
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;
    ~Worker() {
        close_pipes();
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
            }
        }
    }

    pid_t pid() const { return pid_; }
    const Job& job() const { return job_; }
    /// Someone else (stop_workers) reaped the process: forget it, so its id is never signalled again.
    void reaped_elsewhere() { pid_ = -1; }
    /// Adds the poll entries of its two pipes to `fds`.
    void watch(std::vector<pollfd>& fds) const {
        fds.push_back({result_fd_, POLLIN, 0});
        fds.push_back({log_fd_, POLLIN, 0});
    }
    /// Reads what is ready from its pipes (`fds`: its two entries); true once both are closed.
    bool drain(const pollfd* fds) {
        pump(result_fd_, result_, fds[0].revents);
        pump(log_fd_, log_, fds[1].revents);
        return result_fd_ < 0 && log_fd_ < 0;
    }
    /// Waits for the process to end; what it built, or why it failed.
    JobResult reap();

private:
    static void pump(int& fd, std::string& into, short revents) {
        if (fd < 0 || !(revents & (POLLIN | POLLHUP | POLLERR))) return;
        char buf[65536];
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n > 0) {
            into.append(buf, static_cast<std::size_t>(n));
        } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
            ::close(fd);
            fd = -1;
        }
    }
    void close_pipes() {
        for (int* fd : {&result_fd_, &log_fd_})
            if (*fd >= 0) {
                ::close(*fd);
                *fd = -1;
            }
    }

    pid_t pid_ = -1;
    int result_fd_ = -1, log_fd_ = -1;
    Job job_;
    std::string result_, log_;
    std::chrono::steady_clock::time_point started_;
};

JobResult Worker::reap() {
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    close_pipes();
    JobResult r;
    if (WIFEXITED(status)) {
        r = parse_result(WEXITSTATUS(status) == 0, result_);
    } else {
        int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
        r.message = "its worker was stopped by signal " + std::to_string(sig) + " (" + strsignal(sig) + ")";
    }
    r.detail = log_;
    if (!r.ok && !r.detail.empty()) {
        std::string d = r.detail;
        while (!d.empty() && d.back() == '\n') d.pop_back();
        r.message += "\n" + d;
        r.detail.clear();
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    return r;
}

/// The workers running now. Destroying the pool (a normal end, or an exception) stops any still
/// running, reaps them and removes their temporaries from `folder`.
class WorkerPool {
public:
    explicit WorkerPool(std::string folder) : folder_(std::move(folder)) {}
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;
    ~WorkerPool() { stop_all(); }

    std::size_t size() const { return running_.size(); }
    void add(Worker w) { running_.push_back(std::move(w)); }

    /// SIGTERM, then SIGKILL, to every running worker; all reaped, their temporaries removed.
    void stop_all() {
        if (running_.empty()) return;
        std::vector<pid_t> pids;
        for (const auto& w : running_) pids.push_back(w.pid());
        stop_workers(pids, folder_);
        for (auto& w : running_) w.reaped_elsewhere();
        running_.clear();
    }

    /// Waits up to `timeout_ms` for output; returns the workers that finished, reaped.
    std::vector<std::pair<Job, JobResult>> wait(int timeout_ms) {
        std::vector<pollfd> fds;
        for (const auto& w : running_) w.watch(fds);
        int n = ::poll(fds.data(), fds.size(), timeout_ms);
        if (n < 0 && errno != EINTR) throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
        std::vector<std::pair<Job, JobResult>> finished;
        if (n <= 0) return finished;
        std::vector<Worker> still;
        for (std::size_t i = 0; i < running_.size(); ++i) {
            if (running_[i].drain(&fds[2 * i])) finished.emplace_back(running_[i].job(), running_[i].reap());
            else still.push_back(std::move(running_[i]));
        }
        running_ = std::move(still);
        return finished;
    }

private:
    std::string folder_;
    std::vector<Worker> running_;
};

}  // namespace

JobResult run_job_here(const BuildPlan& plan, const Job& job, const std::string& date) {
    auto t = std::chrono::steady_clock::now();
    bool ok = false;
    std::string text = run_job(plan, *job.spec, date, ok);
    JobResult r = parse_result(ok, text);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
    return r;
}

void run_in_workers(const BuildPlan& plan, const std::vector<Job>& queue, unsigned jobs, const std::string& date,
                    int lock_fd, Progress& progress, const JobStarted& started, const JobDone& done) {
    WorkerPool pool(plan.manifest.output);
    StopSignals stop;  // Ctrl-C, kill, a closed terminal: stop the workers first, then die
    auto stop_if_asked = [&] {
        if (int sig = StopSignals::pending()) {
            pool.stop_all();
            stop.die(sig);
        }
    };
    std::size_t next = 0;
    while (next < queue.size() || pool.size() > 0) {
        stop_if_asked();
        while (next < queue.size() && pool.size() < jobs) {
            const Job& job = queue[next++];
            started(job);
            try {
                pool.add(Worker(plan, job, date, lock_fd));
            } catch (const std::exception& e) {
                JobResult r;
                r.message = e.what();
                done(job, r);
            }
        }
        if (pool.size() == 0) continue;
        auto finished = pool.wait(progress.mode() == ProgressMode::Live ? 100 : 1000);
        stop_if_asked();
        progress.tick();
        for (const auto& [job, result] : finished) done(job, result);
    }
}

}  // namespace pathways
