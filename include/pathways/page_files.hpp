#pragma once
#include <optional>
#include <string>

namespace pathways {

/// The largest PNG pathways draws: Cairo's limit on a side, and a cap on the pixel count that keeps
/// the image's memory (4 bytes a pixel) near 1 GB.
struct PngLimits {
    long max_side = 32767;
    long max_pixels = 250'000'000;
};

/// A PNG's size in pixels for a page of `width` x `height` points at `dpi`.
struct PngSize {
    long width = 0, height = 0;
};
PngSize png_size(double width, double height, double dpi);

/// Why a PNG of that page at `dpi` cannot be drawn, in words a user can act on ("a PNG of this page
/// at 1200 dpi would be 39732 x 56173 pixels (2232 megapixels); the most pathways draws is ...; use
/// --dpi 400 or less"), or nothing when it can.
std::optional<std::string> png_size_problem(double width, double height, double dpi, const PngLimits& limits = {});

/// The highest whole dpi at which the page fits the limits.
int largest_png_dpi(double width, double height, const PngLimits& limits = {});

/// `png` (a whole PNG file, as Cairo writes it) with a pHYs chunk after its header saying it is
/// `dpi` dots per inch, so word processors and slide programs place it at its printed size.
std::string with_png_resolution(const std::string& png, double dpi);

/// The PDF date ("2026-11-21T00:00:00Z", the form Cairo's metadata takes) of a footer date such as
/// "21 November 2026" (the build date, from SOURCE_DATE_EPOCH or the day of the build); empty when
/// the text is not such a date.
std::string pdf_date(const std::string& footer_date);

}  // namespace pathways
