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

/// A temporary file name beside `path` for the atomic write (hidden, unique to this process).
std::string temporary_name_for(const std::string& path);

/// Renames a finished temporary file into place; removes it and throws OutputError on failure.
void commit_temporary(const std::string& temporary, const std::string& path);

}  // namespace pathways
