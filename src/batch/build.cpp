#include "pathways/batch.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pathways/output.hpp"
#include "pathways/poster.hpp"
#include "progress.hpp"
#include "worker_guard.hpp"

namespace pathways {

namespace fs = std::filesystem;

const PosterOutcome* BuildReport::outcome(const std::string& name) const {
    for (const auto& o : posters)
        if (o.name == name) return &o;
    return nullptr;
}

// ---------------------------------------------------------------------------------------------
// One poster: render in memory, then write all-or-nothing.

std::vector<RenderedFile> render_poster_files(const BuildPlan& plan, const PosterSpec& spec, const std::string& date) {
    const Catalogue& catalogue = plan.catalogue_of(spec).value;
    const Style& style = plan.style_of(spec).value;
    PathwayGraph graph = select(catalogue, spec.view);
    PosterOptions options;
    options.page = spec.page;
    options.landscape = spec.landscape;
    options.title = poster_title(spec, catalogue);
    options.build_date = date;
    options.url = spec.url;
    Poster poster = compose_poster(graph, style, options);

    std::vector<RenderedFile> files;
    for (auto format : spec.formats) {
        OutputSettings settings;
        settings.dpi = spec.dpi;
        settings.id_prefix = spec.name;  // two posters' SVGs on one page never clash
        settings.print = spec.print.value_or(style.print);
        std::string bytes = render_output(poster, graph, style, format, settings);
        if (bytes.empty())
            throw std::runtime_error(std::string("the ") + format_name(format) + " writer produced nothing");
        files.push_back({spec.name + format_suffix(format), std::move(bytes)});
    }
    if (!spec.tile.empty()) {  // office tiles (issue 13): the poster at 100 % across A4 or A3 pages
        PdfOptions tiles;
        tiles.print.tile = spec.tile;
        tiles.name = spec.name;
        files.push_back({spec.name + kTilesSuffix, render_pdf(poster, tiles)});
    }
    double dpi = kThumbnailPixels * 72.0 / std::max(poster.width, poster.height);
    files.push_back({spec.name + kThumbnailSuffix, render_png(poster, dpi)});
    return files;
}

void write_poster_files(const std::string& folder, const std::vector<RenderedFile>& files) {
    std::vector<std::pair<std::string, std::string>> staged;  // temporary, final
    std::vector<std::string> kept;                            // the previous file of each final, or ""
    auto discard = [&](std::size_t from) {
        for (std::size_t i = from; i < staged.size(); ++i) std::remove(staged[i].first.c_str());
        for (const auto& k : kept)
            if (!k.empty()) std::remove(k.c_str());
    };
    try {
        for (const auto& f : files) {
            std::string final_path = (fs::path(folder) / f.name).string();
            staged.emplace_back(write_temporary_beside(final_path, f.bytes), final_path);
        }
        for (const auto& s : staged) kept.push_back(keep_previous(s.second));
    } catch (...) {
        discard(0);
        throw;
    }
    for (std::size_t i = 0; i < staged.size(); ++i) {
        try {
            commit_temporary(staged[i].first, staged[i].second);
        } catch (...) {
            // Half a poster is worse than none: put back the files of its last good build (or take
            // away the new ones that had none), so the folder holds what it held before.
            for (std::size_t k = 0; k < i; ++k) {
                if (!kept[k].empty() && std::rename(kept[k].c_str(), staged[k].second.c_str()) == 0) kept[k].clear();
                else std::remove(staged[k].second.c_str());
            }
            discard(i + 1);
            throw;
        }
    }
    for (const auto& k : kept)
        if (!k.empty()) std::remove(k.c_str());
}

namespace {

// ---------------------------------------------------------------------------------------------
// Helpers for the build folder.

unsigned default_jobs() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        int n = CPU_COUNT(&set);
        if (n > 0) return static_cast<unsigned>(n);
    }
    unsigned n = std::thread::hardware_concurrency();
    return n > 0 ? n : 1;
}

std::string read_file(const std::string& path, bool& ok) {
    std::ifstream in(path, std::ios::binary);
    ok = static_cast<bool>(in);
    if (!ok) return {};
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Whether every file the poster wrote last time is still there, unchanged.
bool outputs_intact(const std::string& folder, const PosterSpec& spec, const BuildState::Entry& entry) {
    auto names = spec.files();
    if (entry.files.size() != names.size()) return false;
    for (const auto& name : names) {
        auto it = entry.files.find(name);
        if (it == entry.files.end()) return false;
        bool ok = false;
        std::string bytes = read_file((fs::path(folder) / name).string(), ok);
        if (!ok || Fnv1a().add(bytes).hex() != it->second) return false;
    }
    return true;
}

/// Removes temporary files a killed build left behind (ours only: named after our outputs, made
/// by a process that is gone).
void sweep_temporaries(const std::string& folder, const std::set<std::string>& ours) {
    static const std::regex pattern(R"(^\.+(.+?)\.tmp-([0-9]+)(-[0-9a-f]+)?(\.tmp-[0-9]+)?$)");
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        std::string name = entry.path().filename().string();
        std::smatch m;
        if (!std::regex_match(name, m, pattern) || !ours.count(m[1].str())) continue;
        pid_t pid = static_cast<pid_t>(std::stol(m[2].str()));
        // We hold the folder lock and our workers die with their builds, so only a live pathways
        // process (a `render` into this folder, say) may still be writing it.
        if (pid == ::getpid() || !is_live_pathways_process(pid)) fs::remove(entry.path(), ec);
    }
}

/// Removes the files earlier builds wrote that the manifest no longer asks for (a poster taken out
/// of it, or a format dropped), and forgets them. A file changed since pathways wrote it is not
/// pathways' to delete: it stays, and is only forgotten. Returns the names removed.
std::vector<std::string> remove_stale_outputs(const std::string& folder, BuildState& state,
                                              const std::set<std::string>& ours) {
    std::vector<std::string> removed;
    for (auto it = state.posters.begin(); it != state.posters.end();) {
        auto& files = it->second.files;
        for (auto f = files.begin(); f != files.end();) {
            if (ours.count(f->first)) {
                ++f;
                continue;
            }
            fs::path path = fs::path(folder) / f->first;
            bool ok = false;
            std::string bytes = read_file(path.string(), ok);
            std::error_code ec;
            if (ok && Fnv1a().add(bytes).hex() == f->second && fs::remove(path, ec)) removed.push_back(f->first);
            f = files.erase(f);
        }
        it = files.empty() ? state.posters.erase(it) : std::next(it);
    }
    return removed;
}

/// Holds an exclusive lock on the output folder while a build uses it.
class FolderLock {
public:
    explicit FolderLock(const std::string& folder) {
        fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            held_by_other_ = errno == EWOULDBLOCK;
            ::close(fd_);
            fd_ = -1;
        }
    }
    ~FolderLock() {
        if (fd_ >= 0) ::close(fd_);
    }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;
    bool held_by_other() const { return held_by_other_; }
    int fd() const { return fd_; }

private:
    int fd_ = -1;
    bool held_by_other_ = false;
};

// ---------------------------------------------------------------------------------------------
// Jobs and workers.

struct Job {
    const PosterSpec* spec = nullptr;
    std::string key;
    std::size_t index = 0;  // in the report
};

/// What one job produced: the hashes of the files it wrote, or why it failed.
struct JobResult {
    bool ok = false;
    std::string message;                       // failure
    std::string detail;                        // anything else its worker printed
    std::map<std::string, std::string> files;  // name -> hash
    double seconds = 0;
};

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

/// A poster being built in a forked worker process.
struct Worker {
    pid_t pid = -1;
    Job job;
    int result_fd = -1, log_fd = -1;
    std::string result, log;
    std::chrono::steady_clock::time_point started;
};

/// Starts a worker for `job`; the child never returns.
Worker spawn(const BuildPlan& plan, const Job& job, const std::string& date, int lock_fd) {
    int result_pipe[2], log_pipe[2];
    if (::pipe2(result_pipe, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    if (::pipe2(log_pipe, O_CLOEXEC) != 0) {
        int err = errno;
        ::close(result_pipe[0]);
        ::close(result_pipe[1]);
        throw std::runtime_error(std::string("pipe: ") + std::strerror(err));
    }
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid < 0) {
        int err = errno;
        for (int fd : {result_pipe[0], result_pipe[1], log_pipe[0], log_pipe[1]}) ::close(fd);
        throw std::runtime_error(std::string("cannot start a worker: ") + std::strerror(err));
    }
    if (pid == 0) {
        // The worker: Graphviz and Cairo run here, on a copy of the parent, and nowhere else.
        ::signal(SIGPIPE, SIG_DFL);
        become_worker(parent, lock_fd);  // dies with the build; never holds its folder lock
        ::close(result_pipe[0]);
        ::close(log_pipe[0]);
        ::dup2(log_pipe[1], STDERR_FILENO);  // Graphviz's warnings go to the parent, not the terminal
        ::dup2(log_pipe[1], STDOUT_FILENO);
        bool ok = false;
        std::string text = run_job(plan, *job.spec, date, ok);
        write_all(result_pipe[1], text);
        std::fflush(nullptr);
        ::_exit(ok ? 0 : 1);  // no atexit handlers or destructors of the parent's objects
    }
    ::close(result_pipe[1]);
    ::close(log_pipe[1]);
    Worker w;
    w.pid = pid;
    w.job = job;
    w.result_fd = result_pipe[0];
    w.log_fd = log_pipe[0];
    w.started = std::chrono::steady_clock::now();
    return w;
}

/// Reads what is ready from a worker's pipes; returns true once both are closed.
bool drain(Worker& w, const pollfd* fds) {
    char buf[65536];
    auto pump = [&](int& fd, std::string& into, short revents) {
        if (fd < 0 || !(revents & (POLLIN | POLLHUP | POLLERR))) return;
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n > 0) {
            into.append(buf, static_cast<std::size_t>(n));
        } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
            ::close(fd);
            fd = -1;
        }
    };
    pump(w.result_fd, w.result, fds[0].revents);
    pump(w.log_fd, w.log, fds[1].revents);
    return w.result_fd < 0 && w.log_fd < 0;
}

JobResult reap(Worker& w) {
    int status = 0;
    while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
    JobResult r;
    if (WIFEXITED(status)) {
        r = parse_result(WEXITSTATUS(status) == 0, w.result);
    } else {
        r.ok = false;
        int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
        r.message = "its worker was stopped by signal " + std::to_string(sig) + " (" + strsignal(sig) + ")";
    }
    r.detail = w.log;
    if (!r.ok && !r.detail.empty()) {
        std::string d = r.detail;
        while (!d.empty() && d.back() == '\n') d.pop_back();
        r.message += "\n" + d;
        r.detail.clear();
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - w.started).count();
    return r;
}

/// Runs every job, at most `jobs` at once in worker processes; `done` is called as each finishes.
template <typename Started, typename Done>
void run_in_workers(const BuildPlan& plan, const std::vector<Job>& queue, unsigned jobs, const std::string& date,
                    int lock_fd, Progress& progress, Started started, Done done) {
    std::vector<Worker> running;
    std::size_t next = 0;
    StopSignals stop;  // Ctrl-C, kill, a closed terminal: stop the workers first, then die
    auto stop_if_asked = [&] {
        if (int sig = StopSignals::pending()) {
            std::vector<pid_t> pids;
            for (const auto& w : running) pids.push_back(w.pid);
            stop_workers(pids, plan.manifest.output);
            stop.die(sig);
        }
    };
    while (next < queue.size() || !running.empty()) {
        stop_if_asked();
        while (next < queue.size() && running.size() < jobs) {
            const Job& job = queue[next++];
            try {
                running.push_back(spawn(plan, job, date, lock_fd));
                started(job);
            } catch (const std::exception& e) {
                started(job);
                JobResult r;
                r.message = e.what();
                done(job, r);
            }
        }
        if (running.empty()) continue;
        std::vector<pollfd> fds;
        for (const auto& w : running) {
            fds.push_back({w.result_fd, POLLIN, 0});
            fds.push_back({w.log_fd, POLLIN, 0});
        }
        int n = ::poll(fds.data(), fds.size(), progress.mode() == ProgressMode::Live ? 100 : 1000);
        if (n < 0 && errno != EINTR) throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
        stop_if_asked();
        progress.tick();
        if (n <= 0) continue;
        for (std::size_t i = 0; i < running.size();) {
            if (drain(running[i], &fds[2 * i])) {
                Worker w = std::move(running[i]);
                running.erase(running.begin() + static_cast<long>(i));
                fds.erase(fds.begin() + static_cast<long>(2 * i), fds.begin() + static_cast<long>(2 * i + 2));
                JobResult r = reap(w);
                done(w.job, r);
            } else {
                ++i;
            }
        }
    }
}

}  // namespace

BuildReport run_build(const BuildPlan& plan, const BuildOptions& options) {
    auto t0 = std::chrono::steady_clock::now();
    const Manifest& m = plan.manifest;
    std::ostream& log = options.log ? *options.log : std::cerr;
    Progress progress(options.progress, log);
    BuildDate date = resolve_build_date();
    if (!options.build_date.empty()) date = {options.build_date, true};

    BuildReport report;
    for (const auto& p : m.posters) report.posters.push_back({p.name, PosterOutcome::Status::Failed, {}, 0});
    auto finish = [&] {
        report.built = report.up_to_date = report.failed = 0;
        for (const auto& o : report.posters) {
            if (o.status == PosterOutcome::Status::Built) ++report.built;
            else if (o.status == PosterOutcome::Status::UpToDate) ++report.up_to_date;
            else ++report.failed;
        }
        report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        progress.summary(report);
        return report;
    };
    auto fail_all = [&](const std::string& message) {
        progress.error(message);
        report.errors.push_back(message);
        for (auto& o : report.posters) o.message = message;
        return finish();
    };

    std::error_code ec;
    fs::create_directories(m.output, ec);
    if (ec || !fs::is_directory(m.output, ec))
        return fail_all("cannot create the output folder " + m.output + (ec ? ": " + ec.message() : ""));
    FolderLock lock(m.output);
    if (lock.held_by_other()) return fail_all("another pathways build is writing to " + m.output + "; try again when it is done");

    std::set<std::string> ours{kStateFile, kIndexFile};
    for (const auto& p : m.posters)
        for (const auto& f : p.files()) ours.insert(f);
    sweep_temporaries(m.output, ours);

    const std::string state_path = (fs::path(m.output) / kStateFile).string();
    BuildState state = BuildState::load(state_path);
    // Two manifests sharing a folder would delete each other's posters as stale: refuse.
    // (As a path relative to the folder: the state's bytes stay the same wherever the tree is.)
    std::string manifest_path =
        fs::relative(fs::weakly_canonical(fs::absolute(m.file), ec), fs::weakly_canonical(fs::absolute(m.output), ec), ec)
            .string();
    if (ec || manifest_path.empty()) manifest_path = fs::absolute(m.file).lexically_normal().string();
    if (!state.manifest.empty() && state.manifest != manifest_path)
        return fail_all(m.output + " holds the posters of another manifest, " + state.manifest +
                        "; building " + m.file + " there would delete them: give each manifest its own 'output' folder");
    state.manifest = manifest_path;
    report.removed = remove_stale_outputs(m.output, state, ours);

    std::vector<Job> queue;
    for (std::size_t i = 0; i < m.posters.size(); ++i) {
        const PosterSpec& spec = m.posters[i];
        Job job{&spec, build_key(plan, spec, date), i};
        auto it = state.posters.find(spec.name);
        if (!options.force && it != state.posters.end() && it->second.key == job.key &&
            outputs_intact(m.output, spec, it->second)) {
            report.posters[i].status = PosterOutcome::Status::UpToDate;
            continue;
        }
        queue.push_back(std::move(job));
    }

    unsigned jobs = options.jobs > 0 ? options.jobs : default_jobs();
    jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(std::max<std::size_t>(1, queue.size()))));
    if (!options.isolate) jobs = 1;
    progress.begin(queue.size(), m.posters.size(), jobs);

    bool state_failed = false;
    auto save_state = [&] {
        try {
            write_file_atomically(state_path, state.to_json());
        } catch (const OutputError& e) {
            if (!state_failed) {
                std::string message = std::string("cannot record the build state: ") + e.what();
                progress.error(message);
                report.errors.push_back(message);
            }
            state_failed = true;
        }
    };
    auto started = [&](const Job& job) { progress.started(job.spec->name); };
    auto done = [&](const Job& job, const JobResult& r) {
        PosterOutcome& o = report.posters[job.index];
        o.seconds = r.seconds;
        if (r.ok) {
            o.status = PosterOutcome::Status::Built;
            state.posters[job.spec->name] = {job.key, date.text, r.files};
            save_state();  // after each poster, so an interrupted build keeps what it finished
        } else {
            o.status = PosterOutcome::Status::Failed;
            o.message = r.message;
            // The files of its last good build stay (they were never touched, or were taken back
            // whole); if they are gone, so is its record, and the index page says it is not built.
            auto it = state.posters.find(job.spec->name);
            if (it != state.posters.end() && !outputs_intact(m.output, *job.spec, it->second)) {
                state.posters.erase(it);
                save_state();
            }
        }
        progress.finished(o, r.detail);
    };

    if (options.isolate) {
        try {
            run_in_workers(plan, queue, jobs, date.text, lock.fd(), progress, started, done);
        } catch (const std::exception& e) {
            progress.error(e.what());
            report.errors.push_back(e.what());
        }
    } else {
        for (const auto& job : queue) {
            started(job);
            auto t = std::chrono::steady_clock::now();
            bool ok = false;
            std::string text = run_job(plan, *job.spec, date.text, ok);
            JobResult r = parse_result(ok, text);
            r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
            done(job, r);
        }
    }
    if ((queue.empty() && !fs::exists(state_path)) || !report.removed.empty()) save_state();

    // The index page, rewritten only when it changes.
    std::string index = index_html(plan, state, report);
    std::string index_path = (fs::path(m.output) / kIndexFile).string();
    bool same = false;
    std::string old = read_file(index_path, same);
    if (!same || old != index) {
        try {
            write_file_atomically(index_path, index);
        } catch (const OutputError& e) {
            progress.error(e.what());
            report.errors.push_back(e.what());
        }
    }
    return finish();
}

}  // namespace pathways
