// A catalogue as spreadsheet tables (Roles in the import's columns, Levels, Settings, ...), and
// tables written as an .xlsx workbook with libxlsxwriter.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include <unistd.h>
#include <cstdlib>
#include <ctime>
#include <memory>

#include <xlsxwriter.h>

#include "pathways/import.hpp"
#include "pathways/output.hpp"

namespace pathways {

namespace {

std::string folded(std::string_view text) {
    std::string out;
    for (char ch : text) {
        if (ch == '_' || ch == '-' || ch == ' ') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : "; ") + s;
    return out;
}

/// How a cell refers to item `i` of `items` (levels, settings): by its name, which people read,
/// unless the name could be taken for another item or holds a list separator; then by its id.
template <typename T>
std::string reference(const std::vector<T>& items, std::size_t i) {
    const std::string& name = items[i].name;
    if (name.find_first_of(";,\n") != std::string::npos) return items[i].id;
    for (std::size_t k = 0; k < items.size(); ++k)
        if (k != i && (folded(items[k].name) == folded(name) || folded(items[k].id) == folded(name)))
            return items[i].id;
    return name;
}

/// A role as a "progresses to" cell names it: its name, unless another role's name, alias or id
/// could be taken for it (or it holds a `;`); then its id.
std::string role_reference(const Catalogue& c, const Role& role) {
    if (role.name.find_first_of(";\n") != std::string::npos || role.name.empty()) return role.id;
    for (const auto& r : c.roles) {
        if (&r == &role) continue;
        bool clash = r.id == role.name || folded(r.name) == folded(role.name);
        for (const auto& a : r.aliases) clash = clash || folded(a) == folded(role.name);
        if (clash) return role.id;
    }
    return role.name;
}

template <typename T>
std::string references(const std::vector<T>& items, const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (const auto& id : ids)
        for (std::size_t i = 0; i < items.size(); ++i)
            if (items[i].id == id) out.push_back(reference(items, i));
    return join(out);
}

Table roles_table(const Catalogue& c) {
    Table t{"Roles", role_columns(), {}, {}};
    for (const auto& r : c.roles) {
        std::vector<std::string> to;
        for (const auto& id : r.progresses_to)
            if (const Role* target = c.role(id)) to.push_back(role_reference(c, *target));
        t.rows.push_back({r.name, r.id, references(c.levels, r.levels), references(c.settings, r.settings), join(to),
                          r.summary, r.url, join(r.aliases), r.pay_band, r.family});
    }
    return t;
}

template <typename T>
Table named_table(const char* name, const std::vector<T>& items) {
    Table t{name, {"id", "name", "description"}, {}, {}};
    for (const auto& it : items) t.rows.push_back({it.id, it.name, it.description});
    return t;
}

/// Column widths in characters: the longest text in each column (UTF-8 aware), within 8..60.
void fit_widths(Table& t) {
    auto length = [](const std::string& s) {
        return static_cast<double>(std::count_if(s.begin(), s.end(), [](char ch) { return (ch & 0xC0) != 0x80; }));
    };
    t.widths.assign(t.header.size(), 8);
    for (std::size_t k = 0; k < t.header.size(); ++k) {
        double w = length(t.header[k]);
        for (const auto& row : t.rows)
            if (k < row.size()) w = std::max(w, length(row[k]));
        t.widths[k] = std::clamp(w + 2, 8.0, 60.0);
    }
}

}  // namespace

std::vector<Table> catalogue_tables(const Catalogue& c) {
    std::vector<Table> tables{roles_table(c), named_table("Levels", c.levels), named_table("Settings", c.settings)};
    if (!c.glossary.empty()) {
        Table g{"Glossary", {"term", "definition"}, {}, {}};
        for (const auto& e : c.glossary) g.rows.push_back({e.term, e.definition});
        tables.push_back(std::move(g));
    }
    if (!c.panels.empty()) {
        Table p{"Panels", {"title", "text"}, {}, {}};
        for (const auto& e : c.panels) p.rows.push_back({e.title, e.text});
        tables.push_back(std::move(p));
    }
    tables.push_back({"About", {"key", "value"},
                      {{"title", c.title}, {"subtitle", c.subtitle}, {"publisher", c.publisher}, {"source", c.source},
                       {"version", c.version}, {"setting dimension", c.setting_dimension}},
                      {}});
    for (auto& t : tables) fit_widths(t);
    return tables;
}

namespace {

/// The workbook's creation time: SOURCE_DATE_EPOCH when set, else a fixed day (2000-01-01).
std::time_t creation_time() {
    if (const char* e = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long v = std::strtoll(e, &end, 10);
        if (end != e && *end == '\0' && v >= 0) return static_cast<std::time_t>(v);
    }
    return 946684800;
}

void write_sheet(lxw_workbook* wb, const Table& t, lxw_format* header, lxw_format* body) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, t.name.c_str());
    for (std::size_t k = 0; k < t.header.size(); ++k) {
        auto col = static_cast<lxw_col_t>(k);
        worksheet_write_string(ws, 0, col, t.header[k].c_str(), header);
        worksheet_set_column(ws, col, col, k < t.widths.size() ? t.widths[k] : 12, body);
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        for (std::size_t k = 0; k < t.rows[r].size(); ++k)
            if (!t.rows[r][k].empty())
                worksheet_write_string(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(k),
                                       t.rows[r][k].c_str(), body);
    worksheet_freeze_panes(ws, 1, 0);
    if (!t.header.empty())
        worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rows.size()),
                             static_cast<lxw_col_t>(t.header.size() - 1));
}

}  // namespace

void write_xlsx(const std::vector<Table>& tables, const std::string& path) {
    // libxlsxwriter writes by file name: give it a temporary we created ourselves (exclusively,
    // under an unpredictable name, never through a link), then rename it into place.
    TemporaryFile file = create_temporary_beside(path);
    ::close(file.fd);
    const std::string& temporary = file.name;
    lxw_workbook* wb = workbook_new(temporary.c_str());
    if (!wb) throw OutputError("cannot write '" + path + "'");
    lxw_doc_properties properties{};
    properties.created = creation_time();
    workbook_set_properties(wb, &properties);
    lxw_format* header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_bg_color(header, 0xE8EDEE);
    format_set_bottom(header, LXW_BORDER_THIN);
    lxw_format* body = workbook_add_format(wb);
    format_set_text_wrap(body);
    format_set_align(body, LXW_ALIGN_VERTICAL_TOP);
    for (const auto& t : tables) write_sheet(wb, t, header, body);
    lxw_error error = workbook_close(wb);
    if (error != LXW_NO_ERROR) {
        std::remove(temporary.c_str());
        throw OutputError("cannot write '" + path + "': " + lxw_strerror(error));
    }
    commit_temporary(temporary, path);
}

}  // namespace pathways
