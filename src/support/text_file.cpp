// Reading input files safely: only ordinary files (never blocking on a pipe, never reading a
// device without end), with true, located messages; and recognising text in the wrong encoding
// or with old-Mac line ends before the YAML parser sees it.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pathways/yaml_reader.hpp"

namespace pathways {

namespace {

/// What kind of thing a non-regular file is, in words.
std::string kind_of(mode_t mode) {
    if (S_ISFIFO(mode)) return "a named pipe";
    if (S_ISCHR(mode)) return "a device (like /dev/zero)";
    if (S_ISBLK(mode)) return "a disk device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not an ordinary file";
}

std::string mebibytes(std::size_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

/// Opens `path` for reading without blocking (a named pipe with no writer would hang open()) and
/// checks it is an ordinary file of at most `max_bytes`; -1 after reporting why not.
int open_regular(const std::string& path, Diagnostics& diags, std::size_t max_bytes) {
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        int err = errno;
        diags.error({path, 0, 0}, err == ENOENT ? std::string("cannot open file: there is no such file")
                                  : err == EACCES ? std::string("cannot open file: permission denied")
                                                  : std::string("cannot open file: ") + std::strerror(err));
        return -1;
    }
    struct stat st {};
    std::string problem;
    if (::fstat(fd, &st) != 0)
        problem = std::string("cannot read file: ") + std::strerror(errno);
    else if (S_ISDIR(st.st_mode))
        problem = "is a folder, not a file";
    else if (!S_ISREG(st.st_mode))
        problem = "is " + kind_of(st.st_mode) + ", not a file; pathways reads only ordinary files";
    else if (static_cast<std::size_t>(st.st_size) > max_bytes)
        problem = "file is " + std::to_string(st.st_size) + " bytes (" + mebibytes(static_cast<std::size_t>(st.st_size)) +
                  "); the limit is " + std::to_string(max_bytes) + " bytes (" + mebibytes(max_bytes) + ")";
    if (!problem.empty()) {
        diags.error({path, 0, 0}, problem);
        ::close(fd);
        return -1;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

}  // namespace

std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diags, std::size_t max_bytes) {
    int fd = open_regular(path, diags, max_bytes);
    if (fd < 0) return std::nullopt;
    std::string text;
    char buffer[65536];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int err = errno;
            ::close(fd);
            diags.error({path, 0, 0}, std::string("cannot read file: ") + std::strerror(err));
            return std::nullopt;
        }
        if (n == 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
        if (text.size() > max_bytes) break;  // it grew while read: parse_yaml reports the size
    }
    ::close(fd);
    return text;
}

std::string wrong_encoding(std::string_view text) {
    auto starts = [&](std::string_view p) { return text.substr(0, p.size()) == p; };
    using namespace std::string_view_literals;
    if (starts("\xFF\xFE\0\0"sv) || starts("\0\0\xFE\xFF"sv)) return "UTF-32";
    if (starts("\xFF\xFE"sv) || starts("\xFE\xFF"sv)) return "UTF-16";
    // Without a byte-order mark: ASCII characters in UTF-16 come with a NUL byte before or after
    // each, so NULs fill every other byte.
    std::size_t pairs = std::min<std::size_t>(text.size() / 2, 256), even = 0, odd = 0;
    for (std::size_t i = 0; i < pairs; ++i) {
        even += text[2 * i] == '\0';
        odd += text[2 * i + 1] == '\0';
    }
    if (pairs >= 2 && (even == 0) != (odd == 0) && std::max(even, odd) * 2 >= pairs) return "UTF-16";
    return {};
}

std::string normalise_line_ends(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 0; i < out.size(); ++i)
        if (out[i] == '\r' && (i + 1 == out.size() || out[i + 1] != '\n')) out[i] = '\n';  // old-Mac line end
    return out;
}

}  // namespace pathways
