#include "pathways/batch.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <fcntl.h>
#include <sched.h>
#include <sys/file.h>
#include <unistd.h>

#include "pathways/back_page.hpp"
#include "pathways/output.hpp"
#include "pathways/poster.hpp"
#include "pathways/poster_guard.hpp"
#include "pathways/readability.hpp"
#include "pathways/series_poster.hpp"
#include "progress.hpp"
#include "series_files.hpp"
#include "worker_guard.hpp"
#include "workers.hpp"

namespace pathways {

namespace fs = std::filesystem;

const PosterOutcome* BuildReport::outcome(const std::string& name) const {
    for (const auto& o : posters)
        if (o.name == name) return &o;
    return nullptr;
}

// ---------------------------------------------------------------------------------------------
// One poster: render in memory, then write all-or-nothing.

namespace {

/// Issue 17: what the poster could not show, and text under its page's floor, as warnings on the
/// worker's standard error (the build prints them under the poster's name).
/// Role names under the floor are the guard's (compose_guarded_series); under --strict, text under
/// a floor fails the poster as the guard does.
void warn_poster(const PosterSpec& spec, const Poster& front, const Poster* back, const Poster* embed,
                 const Style& style, bool strict) {
    Diagnostics diags;
    for (const auto& w : left_off_warnings(front, back)) diags.warning({front.catalogue->file, 0, 0}, w);
    check_page_floor(front, "front", diags, strict);
    if (back) check_page_floor(*back, "back page", diags, strict);
    if (embed) check_embed_floor(*embed, style, spec.column_px, diags, strict);
    report_readability(diags);
}

}  // namespace

std::vector<RenderedFile> render_poster_files(const BuildPlan& plan, const PosterSpec& spec, const std::string& date) {
    const Catalogue& catalogue = plan.catalogue_of(spec).value;
    const Style& style = plan.style_of(spec).value;
    PathwayGraph graph = select(catalogue, spec.view);
    PosterOptions options;
    options.page = spec.page;
    options.landscape = spec.landscape;
    options.title = poster_title(spec, catalogue);
    options.subtitle = poster_subtitle(spec, catalogue);
    options.build_date = date;
    options.layout = spec.layout;
    options.url = spec.url;
    PosterSeries series = compose_guarded_series(graph, style, options, spec.series, plan.readability);  // #15
    // Issue 17: a one-page poster's back page and the embeddable SVG's own layout (a series has
    // neither: each sheet carries its own index).
    const Poster& front = series.pages.front();
    std::optional<Poster> back, narrow;
    const bool embeds = std::find(spec.formats.begin(), spec.formats.end(), OutputFormat::EmbedSvg) != spec.formats.end();
    if (!series.split()) {
        if (spec.back_pages) back = compose_back(front, graph, style);
        if (embeds) narrow = embed_poster(front, graph, style, spec.column_px);
        warn_poster(spec, front, back ? &*back : nullptr, !embeds ? nullptr : narrow ? &*narrow : &front, style,
                    plan.readability.strict);
    }

    std::vector<RenderedFile> files;
    for (auto format : spec.formats) {
        OutputSettings settings;
        settings.dpi = spec.dpi;
        settings.id_prefix = spec.name;  // two posters' SVGs on one page never clash
        settings.print = spec.print.value_or(style.print);
        settings.back = back ? &*back : nullptr;
        settings.embed = narrow ? &*narrow : nullptr;
        settings.svg_width = spec.column_px;
        for (auto& f : render_series_output(series, graph, style, format, settings, spec.name)) {
            if (f.bytes.empty())
                throw std::runtime_error(std::string("the ") + format_name(format) + " writer produced nothing");
            files.push_back({std::move(f.name), std::move(f.bytes)});
        }
    }
    const Poster& poster = front;  // a series' thumbnail is its overview
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
    // A back page's pictures are written only for a one-page poster (a series has none): like a
    // series' sheets, they are checked through the record below.
    auto back_picture = [&](const std::string& name) {
        return name == back_file_name(spec.name + ".svg") || name == back_file_name(spec.name + ".png");
    };
    for (const auto& name : spec.files())
        if (!entry.files.count(name) && !back_picture(name)) return false;
    for (const auto& [name, hash] : entry.files) {  // a series' sheets too
        bool ok = false;
        std::string bytes = read_file((fs::path(folder) / name).string(), ok);
        if (!ok || Fnv1a().add(bytes).hex() != hash) return false;
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
        if (!std::regex_match(name, m, pattern) || (!ours.count(m[1].str()) && !is_sheet_of(m[1].str(), ours))) continue;
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
            if (ours.count(f->first) || is_sheet_of(f->first, ours)) {
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

}  // namespace

namespace {

/// The path of the manifest as the build state records it: relative to the output folder, so the
/// state's bytes stay the same wherever the tree is.
std::string manifest_as_recorded(const Manifest& m) {
    std::error_code ec;
    std::string path =
        fs::relative(fs::weakly_canonical(fs::absolute(m.file), ec), fs::weakly_canonical(fs::absolute(m.output), ec), ec)
            .string();
    if (ec || path.empty()) path = fs::absolute(m.file).lexically_normal().string();
    return path;
}

/// Every file name the manifest's posters and the build itself write into the output folder.
std::set<std::string> files_of(const Manifest& m) {
    std::set<std::string> ours{kStateFile, kIndexFile};
    for (const auto& p : m.posters)
        for (const auto& f : p.files()) ours.insert(f);
    return ours;
}

/// One run of `build`: takes the output folder, builds what changed, records it, tells the user.
class BuildRun {
public:
    BuildRun(const BuildPlan& plan, const BuildOptions& options)
        : plan_(plan), m_(plan.manifest), options_(options),
          progress_(options.progress, options.log ? *options.log : std::cerr),
          state_path_((fs::path(m_.output) / kStateFile).string()) {
        date_ = resolve_build_date();
        if (!options.build_date.empty()) date_ = {options.build_date, true};
        for (const auto& p : m_.posters) report_.posters.push_back({p.name, PosterOutcome::Status::Failed, {}, 0});
    }

    BuildReport run() {
        if (auto refusal = take_folder()) return fail_all(*refusal);
        std::vector<Job> queue = out_of_date();
        unsigned jobs = options_.jobs > 0 ? options_.jobs : default_jobs();
        jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(std::max<std::size_t>(1, queue.size()))));
        if (!options_.isolate) jobs = 1;
        progress_.begin(queue.size(), m_.posters.size(), jobs);
        build(queue, jobs);
        if ((queue.empty() && !fs::exists(state_path_)) || !report_.removed.empty()) save_state();
        write_index();
        return finish();
    }

private:
    /// Creates and locks the output folder, clears what earlier builds left that is no longer
    /// wanted, and loads the build state; why the build cannot go on, if it cannot.
    std::optional<std::string> take_folder() {
        std::error_code ec;
        fs::create_directories(m_.output, ec);
        if (ec || !fs::is_directory(m_.output, ec))
            return "cannot create the output folder " + m_.output + (ec ? ": " + ec.message() : "");
        lock_.emplace(m_.output);
        if (lock_->held_by_other())
            return "another pathways build is writing to " + m_.output + "; try again when it is done";
        std::set<std::string> ours = files_of(m_);
        sweep_temporaries(m_.output, ours);
        state_ = BuildState::load(state_path_);
        // Two manifests sharing a folder would delete each other's posters as stale: refuse.
        std::string manifest_path = manifest_as_recorded(m_);
        if (!state_.manifest.empty() && state_.manifest != manifest_path)
            return m_.output + " holds the posters of another manifest, " + state_.manifest + "; building " + m_.file +
                   " there would delete them: give each manifest its own 'output' folder";
        state_.manifest = manifest_path;
        report_.removed = remove_stale_outputs(m_.output, state_, ours);
        return std::nullopt;
    }

    /// The posters to build: those whose key changed or whose files are not as built (all, forced).
    std::vector<Job> out_of_date() {
        std::vector<Job> queue;
        for (std::size_t i = 0; i < m_.posters.size(); ++i) {
            const PosterSpec& spec = m_.posters[i];
            Job job{&spec, build_key(plan_, spec, date_), i};
            auto it = state_.posters.find(spec.name);
            if (!options_.force && it != state_.posters.end() && it->second.key == job.key &&
                outputs_intact(m_.output, spec, it->second))
                report_.posters[i].status = PosterOutcome::Status::UpToDate;
            else
                queue.push_back(std::move(job));
        }
        return queue;
    }

    void build(const std::vector<Job>& queue, unsigned jobs) {
        JobStarted started = [&](const Job& job) { progress_.started(job.spec->name); };
        JobDone done = [&](const Job& job, const JobResult& r) { record(job, r); };
        if (!options_.isolate) {
            for (const auto& job : queue) {
                started(job);
                done(job, run_job_here(plan_, job, date_.text));
            }
            return;
        }
        try {
            run_in_workers(plan_, queue, jobs, date_.text, lock_->fd(), progress_, started, done);
        } catch (const std::exception& e) {
            error(e.what());
        }
    }

    /// Records a finished poster in the report and the build state.
    void record(const Job& job, const JobResult& r) {
        PosterOutcome& o = report_.posters[job.index];
        o.seconds = r.seconds;
        if (r.ok) {
            o.status = PosterOutcome::Status::Built;
            state_.posters[job.spec->name] = {job.key, date_.text, r.files};
            save_state();  // after each poster, so an interrupted build keeps what it finished
        } else {
            o.status = PosterOutcome::Status::Failed;
            o.message = r.message;
            // The files of its last good build stay (they were never touched, or were taken back
            // whole); if they are gone, so is its record, and the index page says it is not built.
            auto it = state_.posters.find(job.spec->name);
            if (it != state_.posters.end() && !outputs_intact(m_.output, *job.spec, it->second)) {
                state_.posters.erase(it);
                save_state();
            }
        }
        progress_.finished(o, r.detail);
    }

    void save_state() {
        try {
            write_file_atomically(state_path_, state_.to_json());
        } catch (const OutputError& e) {
            if (!state_failed_) error(std::string("cannot record the build state: ") + e.what());
            state_failed_ = true;
        }
    }

    /// The index page, rewritten only when it changes.
    void write_index() {
        std::string index = index_html(plan_, state_, report_);
        std::string index_path = (fs::path(m_.output) / kIndexFile).string();
        bool same = false;
        std::string old = read_file(index_path, same);
        if (same && old == index) return;
        try {
            write_file_atomically(index_path, index);
        } catch (const OutputError& e) {
            error(e.what());
        }
    }

    void error(const std::string& message) {
        progress_.error(message);
        report_.errors.push_back(message);
    }

    BuildReport fail_all(const std::string& message) {
        error(message);
        for (auto& o : report_.posters) o.message = message;
        return finish();
    }

    BuildReport finish() {
        report_.built = report_.up_to_date = report_.failed = 0;
        for (const auto& o : report_.posters) {
            if (o.status == PosterOutcome::Status::Built) ++report_.built;
            else if (o.status == PosterOutcome::Status::UpToDate) ++report_.up_to_date;
            else ++report_.failed;
        }
        report_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
        progress_.summary(report_);
        return report_;
    }

    const BuildPlan& plan_;
    const Manifest& m_;
    const BuildOptions& options_;
    std::chrono::steady_clock::time_point t0_ = std::chrono::steady_clock::now();
    Progress progress_;
    BuildDate date_;
    BuildReport report_;
    std::optional<FolderLock> lock_;
    BuildState state_;
    std::string state_path_;
    bool state_failed_ = false;
};

}  // namespace

BuildReport run_build(const BuildPlan& plan, const BuildOptions& options) { return BuildRun(plan, options).run(); }

}  // namespace pathways
