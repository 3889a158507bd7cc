#pragma once
// A PNG decoded by Cairo, for tests that check what a page looks like pixel by pixel.
#include <cairo.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace pathways::test {

/// A PNG decoded by cairo: width, height and pixels as 0xAARRGGBB (premultiplied).
struct Image {
    int width = 0, height = 0;
    std::vector<std::uint32_t> pixels;
    /// The pixel at (x, y), as stored.
    std::uint32_t at(int x, int y) const { return pixels[static_cast<std::size_t>(y * width + x)]; }
    /// The colour (0xRRGGBB) of the pixel nearest to (x, y).
    std::uint32_t rgb(double x, double y) const {
        return at(static_cast<int>(std::lround(x)), static_cast<int>(std::lround(y))) & 0xFFFFFF;
    }
};

/// The PNG at `path`; an empty image when it cannot be read.
inline Image read_png(const std::string& path) {
    Image img;
    cairo_surface_t* s = cairo_image_surface_create_from_png(path.c_str());
    if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(s);
        img.width = cairo_image_surface_get_width(s);
        img.height = cairo_image_surface_get_height(s);
        int stride = cairo_image_surface_get_stride(s);
        const unsigned char* data = cairo_image_surface_get_data(s);
        for (int y = 0; y < img.height; ++y)
            for (int x = 0; x < img.width; ++x)
                img.pixels.push_back(*reinterpret_cast<const std::uint32_t*>(data + y * stride + x * 4));
    }
    cairo_surface_destroy(s);
    return img;
}

}  // namespace pathways::test
