// `pathways export` beyond the command line: views, the formats and where they are written.
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "export_formats.hpp"
#include "pathways/dot_export.hpp"
#include "pathways/export.hpp"
#include "pathways/graph_export.hpp"
#include "pathways/import.hpp"
#include "pathways/output.hpp"
#include "pathways/spreadsheet.hpp"
#include "pathways/view_option.hpp"

namespace pathways::cli {

namespace {

/// styles/nhs.yaml in the current folder, else in the checkout the program was built in; "" if neither.
std::string default_style() {
    namespace fs = std::filesystem;
    const fs::path relative = "styles/nhs.yaml";
    std::error_code ec;
    std::vector<fs::path> places{relative};
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) places.push_back(exe.parent_path().parent_path() / relative);
    for (const auto& p : places)
        if (fs::is_regular_file(p, ec)) return p.string();
    return {};
}

/// The text of a text format; mermaid loads its style (nothing on error, reported).
std::optional<std::string> text_export(const Catalogue& cut, const ExportRequest& r) {
    PathwayGraph graph = select(cut, View{});
    if (r.format == "json") return export_json(cut);
    if (r.format == "dot") return export_dot(cut);
    if (r.format == "csv") return write_csv(catalogue_tables(cut).front());
    if (r.format == "graphml") return export_graphml(graph);
    std::optional<Style> style;
    if (std::string path = r.style.empty() ? default_style() : r.style; !path.empty()) {
        Diagnostics diags;
        style = load_style(path, diags);
        diags.print_errors(std::cerr);
        if (!style) return std::nullopt;
    }
    return export_mermaid(graph, style ? &*style : nullptr);
}

}  // namespace

int write_export(const Catalogue& c, const ExportRequest& r) {
    View view;
    if (!r.view.empty()) {
        Diagnostics diags;
        auto v = parse_view_option(r.view, c, diags);
        diags.print_errors(std::cerr);
        if (!v) return kInvalidInput;
        view = *v;
    }
    Catalogue cut = cut_to(select(c, view));  // the view's roles, with only the links between them
    bool to_stdout = r.output.empty() || r.output == "-";
    try {
        if (r.format == "xlsx") {
            if (to_stdout) {
                std::cerr << "pathways: error: --format xlsx writes a file: give it with -o FILE.xlsx\n";
                return kUsage;
            }
            write_xlsx(catalogue_tables(cut), r.output);
            return kOk;
        }
        auto text = text_export(cut, r);
        if (!text) return kInvalidInput;
        if (!to_stdout) {
            write_file_atomically(r.output, *text);
            return kOk;
        }
        std::cout << *text;
        return std::cout.good() ? kOk : kOutputFailed;
    } catch (const OutputError& e) {
        std::cerr << "pathways: error: " << e.what() << '\n';
        return kOutputFailed;
    }
}

}  // namespace pathways::cli
