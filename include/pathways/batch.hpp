#pragma once
#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pathways/poster.hpp"
#include "pathways/manifest.hpp"

namespace pathways {

/// A 64-bit FNV-1a hash: small, stable across platforms and runs, good enough to notice change.
class Fnv1a {
public:
    Fnv1a& add(std::string_view bytes);
    /// Adds a length-prefixed field, so ("ab","c") and ("a","bc") hash apart.
    Fnv1a& field(std::string_view bytes);
    std::uint64_t value() const { return h_; }
    std::string hex() const;  // 16 lower-case hex digits

private:
    std::uint64_t h_ = 14695981039346656037ull;
};


/// What a poster's files depend on, as a hash: the program's version, the bytes of its catalogue
/// and style, its manifest entry, and the build date when SOURCE_DATE_EPOCH pins it.
std::string build_key(const BuildPlan& plan, const PosterSpec& poster, const BuildDate& date);

/// What the last builds into an output folder wrote; kept in `<output>/.pathways-state.json`.
struct BuildState {
    /// One poster's last successful build.
    struct Entry {
        std::string key;                           // build_key when it was built
        std::string built;                         // its build date
        std::map<std::string, std::string> files;  // file name -> FNV-1a of its bytes
    };
    std::map<std::string, Entry> posters;  // by poster name
    std::string manifest;  // the manifest whose folder this is (relative to the folder); "" in older states

    /// A state file over this size is treated as corrupt (not read): real ones are a few KB.
    static constexpr std::size_t kMaxStateBytes = 16 * 1024 * 1024;

    /// Reads the state file; a missing, unreadable or oversized one is an empty state (everything
    /// rebuilds).
    static BuildState load(const std::string& path);
    std::string to_json() const;
};

inline constexpr const char* kStateFile = ".pathways-state.json";
inline constexpr const char* kIndexFile = "index.html";

/// How progress is shown.
enum class ProgressMode {
    Auto,   // Live when the log is standard error on a terminal, else Lines
    Live,   // one progress line redrawn in place
    Lines,  // one plain line per finished poster
    Quiet,  // errors only
};

/// How a build runs.
struct BuildOptions {
    unsigned jobs = 0;          // posters built at once; 0: the number of cores
    bool force = false;         // rebuild up-to-date posters too
    bool isolate = true;        // build each poster in a forked worker process (Graphviz is not
                                // thread-safe, and a crash then fails one poster, not the build);
                                // false: build in this process, one at a time (tests)
    ProgressMode progress = ProgressMode::Auto;
    std::ostream* log = nullptr;  // progress and errors; nullptr: standard error
    std::string build_date;       // empty: resolve_build_date()
};

/// What happened to one poster.
struct PosterOutcome {
    enum class Status { Built, UpToDate, Failed };
    std::string name;
    Status status = Status::Failed;
    std::string message;  // why it failed (and anything its worker printed)
    double seconds = 0;
};

/// What a build did.
struct BuildReport {
    std::vector<PosterOutcome> posters;  // in manifest order
    std::size_t built = 0, up_to_date = 0, failed = 0;
    double seconds = 0;
    std::vector<std::string> errors;  // problems not tied to one poster (output folder, state, index)
    std::vector<std::string> removed;  // files of earlier builds the manifest no longer asks for, deleted
    bool ok() const { return failed == 0 && errors.empty(); }
    const PosterOutcome* outcome(const std::string& name) const;
};

/// Builds every poster of the plan that is out of date (or all, with force) into the manifest's
/// output folder, in parallel, writing each poster's files all-or-nothing; then the state file and
/// index.html. One failing poster does not stop the others.
BuildReport run_build(const BuildPlan& plan, const BuildOptions& options = {});

/// One file of a poster, rendered in memory.
struct RenderedFile {
    std::string name;  // file name in the output folder
    std::string bytes;
};

/// Composes one poster and renders every file it writes (its formats and its thumbnail).
/// Throws (std::exception) when a writer fails or produces nothing.
std::vector<RenderedFile> render_poster_files(const BuildPlan& plan, const PosterSpec& poster,
                                              const std::string& build_date);

/// Writes a poster's files into `folder` all-or-nothing: every file goes to a temporary name first
/// and is renamed into place only when all are written; on failure nothing new is left behind.
/// Throws OutputError.
void write_poster_files(const std::string& folder, const std::vector<RenderedFile>& files);

/// The index page: a contact sheet of the set, thumbnails linking to each poster's files.
std::string index_html(const BuildPlan& plan, const BuildState& state, const BuildReport& report);


}  // namespace pathways
