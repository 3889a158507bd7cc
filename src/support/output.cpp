#include "pathways/output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <chrono>
#include <filesystem>

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pathways {

namespace fs = std::filesystem;

namespace {

/// Twelve hex digits from the kernel's random source (the clock and a counter if it has none), so
/// nobody can plant a file at the name a writer is about to pick.
std::string random_suffix() {
    unsigned char raw[6] = {};
    if (::getrandom(raw, sizeof raw, GRND_NONBLOCK) != static_cast<ssize_t>(sizeof raw)) {
        static unsigned counter = 0;
        auto mix = static_cast<unsigned long long>(std::chrono::steady_clock::now().time_since_epoch().count());
        mix ^= static_cast<unsigned long long>(++counter) << 40;
        for (auto& b : raw) b = static_cast<unsigned char>(mix >>= 8);
    }
    char hex[13];
    std::snprintf(hex, sizeof hex, "%02x%02x%02x%02x%02x%02x", raw[0], raw[1], raw[2], raw[3], raw[4], raw[5]);
    return hex;
}

[[noreturn]] void fail(const std::string& path, int err) {
    throw OutputError("cannot write " + path + ": " + std::strerror(err));
}

void write_all(int fd, std::string_view bytes, const std::string& temporary, const std::string& path) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            ::close(fd);
            ::unlink(temporary.c_str());
            fail(path, err);
        }
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace

std::string temporary_name_for(const std::string& path, const std::string& nonce) {
    fs::path p(path);
    std::string name = "." + p.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" + nonce;
    return (p.parent_path() / name).string();
}

TemporaryFile create_temporary_beside(const std::string& path) {
    for (int attempt = 0; attempt < 64; ++attempt) {
        std::string name = temporary_name_for(path, random_suffix());
        // O_EXCL|O_NOFOLLOW: a file or symlink already at the name is never opened, let alone written.
        int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd >= 0) return {fd, name};
        if (errno != EEXIST) fail(path, errno);
    }
    fail(path, EEXIST);
}

std::string write_temporary_beside(const std::string& path, std::string_view bytes) {
    TemporaryFile t = create_temporary_beside(path);
    write_all(t.fd, bytes, t.name, path);
    if (::fsync(t.fd) != 0 && errno != EINVAL && errno != EROFS) {
        int err = errno;
        ::close(t.fd);
        ::unlink(t.name.c_str());
        fail(path, err);
    }
    if (::close(t.fd) != 0) {
        int err = errno;
        ::unlink(t.name.c_str());
        fail(path, err);
    }
    return t.name;
}

void commit_temporary(const std::string& temporary, const std::string& path) {
    // rename() replaces whatever is at `path` (a symlink too) and never follows it.
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(temporary.c_str());
        fail(path, err);
    }
}

std::string keep_previous(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return {};
    for (int attempt = 0; attempt < 64; ++attempt) {
        std::string name = temporary_name_for(path, random_suffix());
        if (::link(path.c_str(), name.c_str()) == 0) return name;  // link() never replaces a file
        if (errno != EEXIST) fail(path, errno);
    }
    fail(path, EEXIST);
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
    commit_temporary(write_temporary_beside(path, bytes), path);
}

}  // namespace pathways
