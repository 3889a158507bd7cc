// Sheets and workbooks: cells, column letters, reading by extension, and located messages.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <ostream>
#include <tuple>

#include "pathways/spreadsheet.hpp"
#include "pathways/yaml_reader.hpp"

namespace pathways {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

}  // namespace

const std::string& Sheet::cell(int row, int column) const {
    static const std::string empty;
    if (row < 1 || column < 1 || row > static_cast<int>(rows.size())) return empty;
    const auto& r = rows[static_cast<std::size_t>(row - 1)];
    return column > static_cast<int>(r.size()) ? empty : r[static_cast<std::size_t>(column - 1)];
}

const Sheet* Workbook::sheet(std::string_view name) const {
    for (const auto& s : sheets)
        if (lower(s.name) == lower(name)) return &s;
    return nullptr;
}

std::string column_letters(int column) {
    std::string out;
    for (; column > 0; column = (column - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (column - 1) % 26));
    return out;
}

std::optional<Workbook> read_workbook(const std::string& path, Diagnostics& diags, const SheetLimits& limits) {
    std::string extension = lower(std::filesystem::path(path).extension().string());
    if (extension == ".xlsx") return read_xlsx(path, diags, limits);
    if (extension != ".csv" && extension != ".txt" && extension != ".tsv") {
        diags.error({path, 0, 0}, "cannot import '" + extension + "' files; save the sheet as .xlsx or .csv" +
                                      (extension == ".xls" || extension == ".ods"
                                           ? " (\"Save As\" offers both)"
                                           : ""));
        return std::nullopt;
    }
    auto bytes = read_text_file(path, diags, limits.max_bytes);
    if (!bytes) return std::nullopt;
    auto sheet = parse_csv(*bytes, path, diags, limits);
    if (!sheet) return std::nullopt;
    Workbook book;
    book.file = path;
    book.sheets.push_back(std::move(*sheet));
    return book;
}

void print_sheet_diagnostics(const Diagnostics& diags, const Sheet* sheet, std::ostream& out, bool warnings) {
    std::vector<std::string> files;
    std::vector<const Diagnostic*> shown;
    for (const auto& d : diags.all()) {
        if (d.severity == Severity::Warning && !warnings) continue;
        shown.push_back(&d);
        if (std::find(files.begin(), files.end(), d.where.file) == files.end()) files.push_back(d.where.file);
    }
    auto rank = [&](const Diagnostic* d) {
        return std::tuple(std::find(files.begin(), files.end(), d->where.file) - files.begin(), d->where.line,
                          d->where.column);
    };
    std::stable_sort(shown.begin(), shown.end(), [&](auto* a, auto* b) { return rank(a) < rank(b); });
    for (const Diagnostic* d : shown) {
        bool at_cell = sheet && d->where.file == sheet->file && d->where.line > 0 && d->where.column > 0;
        if (!at_cell) {
            out << format(*d) << '\n';
            continue;
        }
        const std::string& header = sheet->cell(1, d->where.column);
        out << d->where.file << ':' << d->where.line << ':' << column_letters(d->where.column);
        if (!header.empty() && d->where.line > 1) out << " (" << header << ')';
        out << (d->severity == Severity::Error ? ": error: " : ": warning: ") << d->message << '\n';
    }
}

}  // namespace pathways
