#include "pathways/page_files.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>

namespace pathways {

namespace {

/// CRC-32 as PNG chunks use it (ISO 3309, polynomial 0xEDB88320), over `bytes`.
std::uint32_t png_crc(const std::string& bytes) {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : bytes) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void put_u32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

}  // namespace

PngSize png_size(double width, double height, double dpi) {
    double k = dpi / 72.0;
    return {std::lround(width * k), std::lround(height * k)};
}

int largest_png_dpi(double width, double height, const PngLimits& limits) {
    int dpi = static_cast<int>(std::floor(72.0 * limits.max_side / std::max(width, height)));
    while (dpi > 1) {
        PngSize s = png_size(width, height, dpi);
        if (s.width <= limits.max_side && s.height <= limits.max_side &&
            static_cast<double>(s.width) * static_cast<double>(s.height) <= static_cast<double>(limits.max_pixels))
            break;
        --dpi;
    }
    return dpi;
}

std::optional<std::string> png_size_problem(double width, double height, double dpi, const PngLimits& limits) {
    PngSize s = png_size(width, height, dpi);
    double pixels = static_cast<double>(s.width) * static_cast<double>(s.height);
    if (s.width <= limits.max_side && s.height <= limits.max_side && pixels <= static_cast<double>(limits.max_pixels))
        return std::nullopt;
    char text[400];
    std::snprintf(text, sizeof text,
                  "a PNG of this page at %g dpi would be %ld x %ld pixels (%.0f megapixels), too large: pathways draws "
                  "at most %ld pixels a side and %ld megapixels; use --dpi %d or less (or the PDF, which prints at any size)",
                  dpi, s.width, s.height, pixels / 1e6, limits.max_side, limits.max_pixels / 1'000'000,
                  largest_png_dpi(width, height, limits));
    return std::string(text);
}

std::string with_png_resolution(const std::string& png, double dpi) {
    // Signature (8 bytes), then IHDR: length (4), type (4), 13 bytes of data, CRC (4).
    constexpr std::size_t kAfterHeader = 8 + 4 + 4 + 13 + 4;
    if (png.size() < kAfterHeader || png.compare(12, 4, "IHDR") != 0) return png;
    auto per_metre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
    std::string chunk = "pHYs";
    put_u32(chunk, per_metre);
    put_u32(chunk, per_metre);
    chunk += '\x01';  // unit: the metre
    std::string out = png.substr(0, kAfterHeader);
    put_u32(out, 9);
    out += chunk;
    put_u32(out, png_crc(chunk));
    out.append(png, kAfterHeader, std::string::npos);
    return out;
}

std::string pdf_date(const std::string& footer_date) {
    std::tm tm{};
    const char* end = strptime(footer_date.c_str(), "%d %B %Y", &tm);
    if (!end || *end != '\0') return {};
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT00:00:00Z", &tm);
    return text;
}

}  // namespace pathways
