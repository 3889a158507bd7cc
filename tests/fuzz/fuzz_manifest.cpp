// libFuzzer target: the manifest reader on arbitrary bytes. See tests/fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pathways/manifest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    pathways::Diagnostics diags;
    pathways::parse_manifest(std::string_view(reinterpret_cast<const char*>(data), size), "/tmp/fuzz/posters.yaml", diags);
    return 0;
}
