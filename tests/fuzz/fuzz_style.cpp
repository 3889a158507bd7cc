// libFuzzer target: the style loader on arbitrary bytes (it reads files, so each input is written
// to a private temporary file first). See tests/fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include <unistd.h>

#include "pathways/style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = "/tmp/pathways-fuzz-style-" + std::to_string(::getpid()) + ".yaml";
    if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data, 1, size, f);
        std::fclose(f);
    }
    pathways::Diagnostics diags;
    pathways::load_style(path, diags);
    return 0;
}
