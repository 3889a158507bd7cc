#include "pathways/output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <unistd.h>

namespace pathways {

namespace fs = std::filesystem;

std::string temporary_name_for(const std::string& path) {
    fs::path p(path);
    std::string name = "." + p.filename().string() + ".tmp-" + std::to_string(::getpid());
    return (p.parent_path() / name).string();
}

void commit_temporary(const std::string& temporary, const std::string& path) {
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        int err = errno;
        std::remove(temporary.c_str());
        throw OutputError("cannot write " + path + ": " + std::strerror(err));
    }
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
    std::string tmp = temporary_name_for(path);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw OutputError("cannot write " + path + ": " + std::strerror(errno));
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            ::close(fd);
            std::remove(tmp.c_str());
            throw OutputError("cannot write " + path + ": " + std::strerror(err));
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) {
        int err = errno;
        std::remove(tmp.c_str());
        throw OutputError("cannot write " + path + ": " + std::strerror(err));
    }
    commit_temporary(tmp, path);
}

}  // namespace pathways
