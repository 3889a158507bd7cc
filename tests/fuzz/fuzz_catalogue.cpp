// libFuzzer target: the catalogue loader (UTF-8 and encoding checks, the unclosed-quote scanner,
// the YAML guard, the reader and the link checks) on arbitrary bytes. See tests/fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pathways/catalogue.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    pathways::Diagnostics diags;
    pathways::parse_catalogue(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.yaml", diags);
    return 0;
}
