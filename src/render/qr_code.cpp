// A URL as a QR code of vector squares, with the address written beside it.
#include "qr_code.hpp"

#include <algorithm>
#include <memory>

#include <qrencode.h>

namespace pathways {

namespace {
constexpr double kMm = 72.0 / 25.4;
constexpr int kQuiet = 4;  // modules of light margin the QR standard asks for
}  // namespace

QrModules encode_qr(const std::string& text) {
    std::unique_ptr<QRcode, void (*)(QRcode*)> code(
        QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), QRcode_free);
    if (!code) throw RenderError("the address '" + text + "' could not be encoded as a QR code");
    QrModules q;
    q.size = code->width;
    q.dark.resize(static_cast<std::size_t>(q.size * q.size));
    for (std::size_t i = 0; i < q.dark.size(); ++i) q.dark[i] = (code->data[i] & 1) != 0;
    return q;
}

FindOutMore plan_find_out_more(const Poster& p, const std::string& url, const Style& style, TextMeasure& measure,
                               double m, double f) {
    FindOutMore b;
    b.url = url;
    b.code = encode_qr(url);
    double side = std::max({20 * kMm * f, 15 * kMm, 0.5 * kMm * b.code.size});
    b.module = side / b.code.size;
    b.symbol = {p.width - m - side, p.height - m - side, side, side};
    b.top = b.symbol.y - kQuiet * b.module;

    double size = style.footer_size * f, gap = 4 * b.module + 3 * kMm;
    double max_width = 0.4 * (p.width - 2 * m);
    std::vector<std::string> lines = measure.wrap(url, size, false, max_width);
    double width = measure.width("Find out more", size, true);
    for (const auto& l : lines) width = std::max(width, measure.width(l, size, false));
    double line = size * 1.25, block = line * static_cast<double>(lines.size() + 1);
    double x = b.symbol.x - gap - width;
    double y = b.symbol.y + (side - block) / 2 + measure.ascent(size, true);
    b.texts.push_back({x, y, size, true, style.text_colour, "Find out more", "footer"});
    for (const auto& l : lines) b.texts.push_back({x, y += line, size, false, style.text_colour, l, "footer"});
    b.reserve = side + gap + width + 6 * kMm;
    return b;
}

std::vector<PageRect> qr_rects(const FindOutMore& b) {
    std::vector<PageRect> out;
    const double u = b.module;
    PageRect quiet;
    quiet.box = {b.symbol.x - kQuiet * u, b.symbol.y - kQuiet * u, b.symbol.w + 2 * kQuiet * u, b.symbol.h + 2 * kQuiet * u};
    quiet.fills = {Colour{1, 1, 1}};
    out.push_back(quiet);
    const Colour black{0, 0, 0};
    for (int y = 0; y < b.code.size; ++y)
        for (int x = 0; x < b.code.size;) {
            if (!b.code.at(x, y)) {
                ++x;
                continue;
            }
            int run = x;
            while (run < b.code.size && b.code.at(run, y)) ++run;
            PageRect r;
            r.box = {b.symbol.x + x * u, b.symbol.y + y * u, (run - x) * u, u};
            r.fills = {black};
            out.push_back(r);
            x = run;
        }
    return out;
}

}  // namespace pathways
