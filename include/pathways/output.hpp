#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace pathways {

/// An output file could not be written (exit status 3).
struct OutputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Writes `bytes` to `path` through a temporary file in the same folder renamed into place,
/// so readers never see a half-written file. Throws OutputError (and leaves nothing) on failure.
void write_file_atomically(const std::string& path, std::string_view bytes);

/// A hidden temporary file name beside `path`: `.NAME.tmp-PID-NONCE` (NONCE: random hex digits).
std::string temporary_name_for(const std::string& path, const std::string& nonce);

/// A temporary file just created, open for writing.
struct TemporaryFile {
    int fd = -1;
    std::string name;
};

/// Creates a new temporary file beside `path` under an unpredictable name, with
/// O_CREAT|O_EXCL|O_NOFOLLOW: never opens a file or symlink someone else put there. Errors
/// (OutputError) name `path`, not the temporary.
TemporaryFile create_temporary_beside(const std::string& path);

/// Writes `bytes` to a new temporary file beside `path` (as create_temporary_beside) and returns
/// its name; on failure removes it and throws OutputError naming `path`.
std::string write_temporary_beside(const std::string& path, std::string_view bytes);

/// Keeps the file now at `path` (an ordinary file) under a second, hidden name beside it (a hard
/// link, so no bytes are copied), to be put back if a group of files cannot all be committed.
/// Returns that name, or "" when there is no ordinary file at `path`.
std::string keep_previous(const std::string& path);

/// Renames a finished temporary file into place; removes it and throws OutputError on failure.
void commit_temporary(const std::string& temporary, const std::string& path);

}  // namespace pathways
