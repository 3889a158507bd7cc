#include "text.hpp"

namespace pathways {

void set_font(PangoLayout* layout, const std::string& family, double size, bool bold) {
    FontDescriptionPtr fd(pango_font_description_new());
    // The style's font first, then Debian's Noto fonts for the scripts and emoji it lacks
    // (scripts/install-deps installs them); fontconfig tries every other font after these.
    std::string stack = family + "," + kFallbackFonts;
    pango_font_description_set_family(fd.get(), stack.c_str());
    pango_font_description_set_absolute_size(fd.get(), size * PANGO_SCALE);
    pango_font_description_set_weight(fd.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, fd.get());
}

TextMeasure::TextMeasure(std::string family)
    : family_(std::move(family)),
      surface_(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)),
      cr_(cairo_create(surface_.get())) {
    set_unhinted(cr_.get());
    layout_.reset(pango_cairo_create_layout(cr_.get()));
}

void TextMeasure::prepare(const std::string& text, double size, bool bold, double width) {
    set_font(layout_.get(), family_, size, bold);
    pango_layout_set_width(layout_.get(), width > 0 ? static_cast<int>(width * PANGO_SCALE) : -1);
    pango_layout_set_wrap(layout_.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout_.get(), text.c_str(), -1);
}

std::vector<std::string> TextMeasure::wrap(const std::string& text, double size, bool bold, double width) {
    prepare(text, size, bold, width);
    std::vector<std::string> lines;
    const char* base = pango_layout_get_text(layout_.get());
    for (GSList* l = pango_layout_get_lines_readonly(layout_.get()); l; l = l->next) {
        auto* line = static_cast<PangoLayoutLine*>(l->data);
        std::string s(base + line->start_index, static_cast<std::size_t>(line->length));
        while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
        lines.push_back(s);
    }
    return lines;
}

double TextMeasure::width(const std::string& text, double size, bool bold) {
    prepare(text, size, bold, -1);
    PangoRectangle ink, logical;
    pango_layout_get_extents(layout_.get(), &ink, &logical);
    return logical.width / double(PANGO_SCALE);
}

double TextMeasure::ascent(double size, bool bold) {
    prepare("Hg", size, bold, -1);
    return pango_layout_get_baseline(layout_.get()) / double(PANGO_SCALE);
}

double TextMeasure::line_height(double size, bool bold) {
    prepare("Hg", size, bold, -1);
    PangoRectangle ink, logical;
    pango_layout_get_extents(layout_.get(), &ink, &logical);
    return logical.height / double(PANGO_SCALE);
}

}  // namespace pathways
