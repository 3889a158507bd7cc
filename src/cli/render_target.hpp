#pragma once
#include <string>
#include <variant>

namespace pathways::cli {

/// Where `pathways render` writes and in which format, from `-o` and `--format`.
struct RenderTarget {
    std::string format;      // "pdf", "svg" or "png"
    bool to_stdout = false;  // `-o -`
};

/// Works out the target: the format from OUT's extension (case-insensitive: poster.PDF is a PDF)
/// unless `--format` gives it; `-` is standard output and needs `--format`. A format and an
/// extension that disagree (`--format png -o x.pdf`) are refused. Returns the target, or the error
/// message to print.
std::variant<RenderTarget, std::string> resolve_render_target(const std::string& output, const std::string& format);

}  // namespace pathways::cli
