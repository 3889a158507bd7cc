#include "render_target.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace pathways::cli {

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool is_page_format(const std::string& f) { return f == "pdf" || f == "svg" || f == "png" || f == "html"; }

}  // namespace

std::variant<RenderTarget, std::string> resolve_render_target(const std::string& output, const std::string& format) {
    RenderTarget target;
    target.format = lower(format);
    if (output == "-") {
        if (target.format.empty())
            return std::string("writing to standard output ('-o -') needs the format: add --format pdf, svg, png or html");
        target.to_stdout = true;
        return target;
    }
    std::string ext = lower(std::filesystem::path(output).extension().string());
    if (!ext.empty()) ext.erase(0, 1);
    if (target.format.empty()) {
        if (!is_page_format(ext))
            return "cannot tell the format from '" + output + "'; name it .pdf, .svg, .png or .html, or add --format pdf|svg|png|html";
        target.format = ext;
    } else if (is_page_format(ext) && ext != target.format) {
        return "--format " + target.format + " but '" + output + "' is named ." + ext +
               ": they must agree (name it ." + target.format + ", or leave out --format)";
    }
    return target;
}

}  // namespace pathways::cli
