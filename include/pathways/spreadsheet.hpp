#pragma once
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pathways/diagnostics.hpp"

namespace pathways {

/// One sheet of a spreadsheet as text cells: `rows[0]` is row 1 as the spreadsheet numbers it
/// (CSV: the first record; a quoted line break does not start a new row). Trailing empty cells
/// and rows may be missing; blank rows inside stay, so row numbers match what the user sees.
struct Sheet {
    std::string file;  // as named in messages
    std::string name;  // the sheet's name (XLSX), or "" (CSV)
    std::vector<std::vector<std::string>> rows;

    /// The cell at 1-based `row` and `column`, or "" when there is none.
    const std::string& cell(int row, int column) const;
};

/// A whole workbook: its sheets in the order the file lists them (a CSV file is one sheet).
struct Workbook {
    std::string file;
    std::vector<Sheet> sheets;

    /// The sheet called `name` (case-insensitive), or null.
    const Sheet* sheet(std::string_view name) const;
};

/// Hostile-input limits for spreadsheets (reported as errors, never a crash or a huge allocation).
struct SheetLimits {
    std::size_t max_bytes = 16 * 1024 * 1024;    // the file, and each XML part once unzipped
    int max_rows = 100'000;
    int max_columns = 256;
};

/// Parses CSV as spreadsheet programs write it: UTF-8 with or without a byte-order mark, CRLF or
/// LF line ends, fields quoted with `"` (holding separators, doubled quotes and line breaks), and
/// the separator detected from the header line (`,`, `;` as some locales write, or a tab).
std::optional<Sheet> parse_csv(std::string_view bytes, const std::string& file, Diagnostics& diags,
                               const SheetLimits& limits = {});

/// Reads an .xlsx workbook (a zip of XML parts, read with libzip and libxml2): every sheet, with
/// shared strings, inline strings, numbers, booleans and empty cells.
std::optional<Workbook> read_xlsx(const std::string& path, Diagnostics& diags, const SheetLimits& limits = {});

/// Reads a .csv or .xlsx file by its extension (case-insensitive); anything else is an error.
std::optional<Workbook> read_workbook(const std::string& path, Diagnostics& diags, const SheetLimits& limits = {});

/// Spreadsheet column letters: 1 -> "A", 26 -> "Z", 27 -> "AA".
std::string column_letters(int column);

/// Writes errors (and, when `warnings`, warnings) sorted by place; a problem at a cell of `sheet`
/// reads `FILE:ROW:LETTER (header): error: ...`, anything else as usual.
void print_sheet_diagnostics(const Diagnostics& diags, const Sheet* sheet, std::ostream& out, bool warnings);

/// One table to write as CSV or as a sheet of an .xlsx workbook: a header row, then rows of text.
struct Table {
    std::string name;                  // the sheet's name
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<double> widths;        // column widths in characters (xlsx)
};

/// The table as CSV: comma-separated, CRLF line ends, fields quoted when they need it, UTF-8
/// with a byte-order mark (so Excel reads accents and dashes right).
std::string write_csv(const Table& table);

/// Writes the tables to `path` as an .xlsx workbook made by libxlsxwriter (a bold header row with
/// frozen panes, column widths, an autofilter), one sheet per table, through a temporary file
/// renamed into place. Throws OutputError when it cannot. The workbook's creation date is
/// SOURCE_DATE_EPOCH's, else fixed, so the same tables give the same bytes.
void write_xlsx(const std::vector<Table>& tables, const std::string& path);

}  // namespace pathways
