// CSV as spreadsheet programs write it, read into a Sheet; and a table written back as CSV.
#include <algorithm>
#include <cctype>

#include "pathways/spreadsheet.hpp"

namespace pathways {

namespace {

/// Whether `text` is valid UTF-8 (so a Latin-1 export is refused with a clear message).
bool is_utf8(std::string_view text, std::size_t& bad_at) {
    for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > text.size()) return bad_at = i, false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return bad_at = i, false;
        i += n;
    }
    return true;
}

/// The separator of the first record: the most frequent of `,` `;` and tab outside quotes
/// (`,` on a tie, as most files use it).
char detect_separator(std::string_view text) {
    int commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (char ch : text) {
        if (ch == '"') quoted = !quoted;
        if (quoted) continue;
        if (ch == '\n' || ch == '\r') break;
        commas += ch == ',';
        semicolons += ch == ';';
        tabs += ch == '\t';
    }
    if (tabs > commas && tabs > semicolons) return '\t';
    return semicolons > commas ? ';' : ',';
}

/// Splits CSV records into cells: RFC 4180 plus what spreadsheets do (CR, LF or CRLF ends).
class CsvParser {
public:
    CsvParser(std::string_view text, char separator, Sheet& sheet) : text_(text), sep_(separator), sheet_(sheet) {}

    /// Returns false after reporting a problem (an unclosed quote, too many rows or columns).
    bool run(Diagnostics& diags, const SheetLimits& limits) {
        std::vector<std::string> row;
        std::string cell;
        while (pos_ < text_.size()) {
            int cell_row = static_cast<int>(sheet_.rows.size()) + 1, cell_column = static_cast<int>(row.size()) + 1;
            bool quoted = !text_.empty() && text_[pos_] == '"';
            if (quoted && !read_quoted(cell)) {
                diags.error({sheet_.file, cell_row, cell_column},
                            "a quoted cell is never closed: a '\"' is missing (cells that hold quotes, commas or "
                            "line breaks are written inside \"...\", with quotes doubled)");
                return false;
            }
            if (!quoted) read_plain(cell);
            row.push_back(std::move(cell));
            cell.clear();
            if (static_cast<int>(row.size()) > limits.max_columns)
                return too_big(diags, "columns", limits.max_columns);
            if (pos_ < text_.size() && text_[pos_] == sep_) {
                ++pos_;
                if (pos_ == text_.size()) row.emplace_back();
                continue;
            }
            end_record(row);
            if (static_cast<int>(sheet_.rows.size()) > limits.max_rows) return too_big(diags, "rows", limits.max_rows);
        }
        if (!row.empty()) sheet_.rows.push_back(std::move(row));
        return true;
    }

private:
    bool read_quoted(std::string& cell) {
        ++pos_;
        while (pos_ < text_.size()) {
            char ch = text_[pos_++];
            if (ch != '"') {
                cell += ch;
            } else if (pos_ < text_.size() && text_[pos_] == '"') {
                cell += '"';
                ++pos_;
            } else {
                // Text after the closing quote up to the separator is kept (what Excel does).
                while (pos_ < text_.size() && text_[pos_] != sep_ && text_[pos_] != '\n' && text_[pos_] != '\r')
                    cell += text_[pos_++];
                normalise_line_ends(cell);
                return true;
            }
        }
        return false;
    }
    void read_plain(std::string& cell) {
        while (pos_ < text_.size() && text_[pos_] != sep_ && text_[pos_] != '\n' && text_[pos_] != '\r')
            cell += text_[pos_++];
    }
    /// Consumes a line end (CRLF, LF or CR) and stores the row.
    void end_record(std::vector<std::string>& row) {
        if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
        if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
        sheet_.rows.push_back(std::move(row));
        row.clear();
    }
    /// A line break inside a cell is kept as "\n", whatever the file's line ends.
    static void normalise_line_ends(std::string& cell) {
        std::string out;
        for (std::size_t i = 0; i < cell.size(); ++i) {
            if (cell[i] == '\r') {
                out += '\n';
                if (i + 1 < cell.size() && cell[i + 1] == '\n') ++i;
            } else {
                out += cell[i];
            }
        }
        cell = std::move(out);
    }
    bool too_big(Diagnostics& diags, const char* what, int limit) {
        diags.error({sheet_.file, 0, 0}, "the sheet has more than " + std::to_string(limit) + " " + what +
                                             "; pathways reads at most that many");
        return false;
    }

    std::string_view text_;
    char sep_;
    Sheet& sheet_;
    std::size_t pos_ = 0;
};

/// Whether a cell must be quoted in CSV output.
bool needs_quotes(const std::string& cell) {
    if (cell.empty()) return false;
    if (cell.front() == ' ' || cell.back() == ' ') return true;
    return cell.find_first_of(",;\"\r\n\t") != std::string::npos;
}

}  // namespace

std::optional<Sheet> parse_csv(std::string_view bytes, const std::string& file, Diagnostics& diags,
                               const SheetLimits& limits) {
    if (bytes.size() > limits.max_bytes) {
        diags.error({file, 0, 0}, "the file is larger than " + std::to_string(limits.max_bytes / (1024 * 1024)) +
                                      " MiB; pathways reads spreadsheets up to that size");
        return std::nullopt;
    }
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);  // UTF-8 byte-order mark
    std::size_t bad_at = 0;
    if (!is_utf8(bytes, bad_at)) {
        int line = 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(bad_at), '\n'));
        diags.error({file, line, 0}, "the file is not UTF-8 text; in Excel choose \"Save As\" > \"CSV UTF-8 "
                                     "(Comma delimited)\", in LibreOffice tick \"Edit filter settings\" and pick "
                                     "Unicode (UTF-8)");
        return std::nullopt;
    }
    Sheet sheet;
    sheet.file = file;
    CsvParser parser(bytes, detect_separator(bytes), sheet);
    if (!parser.run(diags, limits)) return std::nullopt;
    return sheet;
}

std::string write_csv(const Table& table) {
    std::string out = "\xEF\xBB\xBF";
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) out += ',';
            if (!needs_quotes(cells[i])) {
                out += cells[i];
                continue;
            }
            out += '"';
            for (char ch : cells[i]) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
            out += '"';
        }
        out += "\r\n";
    };
    line(table.header);
    for (const auto& row : table.rows) line(row);
    return out;
}

}  // namespace pathways
