#pragma once
// "Find out more": a URL printed as a QR code (libqrencode) with the address beside it, in the
// footer's right-hand corner, composed into the Poster as rectangles so every writer draws it.
#include <string>
#include <vector>

#include "pathways/poster.hpp"
#include "text.hpp"

namespace pathways {

/// A QR code's modules: `size` × `size`, row by row, true where dark.
struct QrModules {
    int size = 0;
    std::vector<bool> dark;
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

/// Encodes `text` (byte mode, error correction level M). Throws RenderError when it cannot.
QrModules encode_qr(const std::string& text);

/// The QR block planned for a page: where the code goes, the text beside it, and the room it takes.
struct FindOutMore {
    std::string url;
    QrModules code;
    Box symbol;                   // the code's modules (the quiet zone is around it)
    double module = 0;            // one module's side, points
    std::vector<PageText> texts;  // "Find out more" and the URL
    double reserve = 0;           // width taken from the footer's right-hand side
    double top = 0;               // the block's top edge
};

/// Plans the block for `url` at the bottom right inside margin `m` (text factor `f`): the code at
/// least 20 mm square on A1, 20 mm × f elsewhere and never under 15 mm or 0.5 mm a module.
FindOutMore plan_find_out_more(const Poster& p, const std::string& url, const Style& style, TextMeasure& measure,
                               double m, double f);

/// The code's quiet zone and dark modules (runs of a row merged) as page rectangles.
std::vector<PageRect> qr_rects(const FindOutMore& block);

}  // namespace pathways
