// A catalogue from a spreadsheet: the roles sheet's columns by header, references by id or name,
// every problem at its cell; optional Levels/Settings/About/Glossary/Panels sheets or a template.
#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "pathways/import.hpp"

namespace pathways {

namespace {

std::string trim(std::string_view text) {
    const char* space = " \t\r\n\xC2\xA0";
    std::size_t b = text.find_first_not_of(space);
    if (b == std::string_view::npos) return {};
    std::size_t e = text.find_last_not_of(space);
    return std::string(text.substr(b, e - b + 1));
}

/// Lower case, with runs of spaces, underscores and hyphens made one space: for matching headers
/// and names as people type them ("Progresses_To", "progresses  to").
std::string normalise(std::string_view text) {
    std::string out;
    for (char ch : trim(text)) {
        bool gap = ch == ' ' || ch == '_' || ch == '-' || ch == '\t';
        if (gap) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        }
    }
    return out;
}

/// Splits a cell's list on any of `separators`, trimming items and dropping empty ones.
std::vector<std::string> split_list(const std::string& cell, std::string_view separators) {
    std::vector<std::string> out;
    std::string item;
    for (char ch : cell + separators[0]) {
        if (separators.find(ch) == std::string_view::npos && ch != '\n') {
            item += ch;
            continue;
        }
        if (std::string t = trim(item); !t.empty()) out.push_back(t);
        item.clear();
    }
    return out;
}

/// An id from a name: lower-case ASCII letters and digits joined by single hyphens, starting
/// with a letter ("Health Care Assistant (HCA)" -> "health-care-assistant-hca"; "1st" -> "role-1st").
std::string derive_id(std::string_view name, std::string_view fallback = "role") {
    std::string id;
    for (char ch : name) {
        auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) && c < 0x80) {
            id += static_cast<char>(std::tolower(c));
        } else if (!id.empty() && id.back() != '-') {
            id += '-';
        }
    }
    while (!id.empty() && id.back() == '-') id.pop_back();
    if (id.empty() || !std::isalpha(static_cast<unsigned char>(id[0])))
        id = std::string(fallback) + (id.empty() ? "" : "-" + id);
    return id;
}

/// `base`, or `base-2`, `base-3`, ... whichever is not in `taken` (which then holds it).
std::string unique_id(const std::string& base, std::set<std::string>& taken) {
    std::string id = base;
    for (int n = 2; taken.count(id); ++n) id = base + "-" + std::to_string(n);
    taken.insert(id);
    return id;
}

/// The columns a roles sheet may have.
enum Col { kName, kId, kLevel, kSettings, kProgresses, kSummary, kUrl, kAliases, kPayBand, kFamily, kColumns };

/// Each column's header as export writes it, then other spellings accepted on import.
const std::array<std::vector<std::string>, kColumns>& column_spellings() {
    static const std::array<std::vector<std::string>, kColumns> spellings{{
        {"name", "role", "role name", "job title"},
        {"id", "role id"},
        {"level", "levels", "career level"},
        {"settings", "setting", "care setting", "care settings"},
        {"progresses to", "progressions", "progression", "leads to"},
        {"summary", "description"},
        {"url", "link", "web page"},
        {"aliases", "alias", "also known as"},
        {"pay band", "pay", "band", "pay bands"},
        {"family", "role family", "staff group"},
    }};
    return spellings;
}

/// Where each column of a sheet is (1-based; 0 when absent) and the header row.
struct HeaderMap {
    int row = 0;
    std::array<int, kColumns> at{};
};

/// The first row with any text: the header row (0 when the sheet is empty).
int header_row(const Sheet& sheet) {
    for (std::size_t r = 0; r < sheet.rows.size(); ++r)
        for (const auto& cell : sheet.rows[r])
            if (!trim(cell).empty()) return static_cast<int>(r) + 1;
    return 0;
}

bool blank_row(const std::vector<std::string>& row) {
    return std::all_of(row.begin(), row.end(), [](const std::string& c) { return trim(c).empty(); });
}

/// The known header `h` was probably meant as: the closest by edit distance, or one that differs
/// by two neighbouring letters swapped ("nmae", "levle").
std::string header_suggestion(const std::string& h, const std::vector<std::string>& known) {
    std::string best = closest_match(h, known);
    for (std::size_t i = 0; best.empty() && i + 1 < h.size(); ++i) {
        std::string swapped = h;
        std::swap(swapped[i], swapped[i + 1]);
        if (std::find(known.begin(), known.end(), swapped) != known.end()) best = swapped;
    }
    return best;
}

/// Matches each header to a column: unknown headers close to a known one are errors with a
/// suggestion; others are ignored with a warning (spreadsheets often carry notes columns).
template <std::size_t N>
std::array<int, N> map_headers(const Sheet& sheet, int row, const std::array<std::vector<std::string>, N>& spellings,
                               Diagnostics& diags) {
    std::array<int, N> at{};
    std::vector<std::string> known;
    for (const auto& s : spellings) known.insert(known.end(), s.begin(), s.end());
    const auto& cells = sheet.rows[static_cast<std::size_t>(row - 1)];
    for (std::size_t i = 0; i < cells.size(); ++i) {
        int column = static_cast<int>(i) + 1;
        std::string h = normalise(cells[i]);
        if (h.empty()) continue;
        Location where{sheet.file, row, column};
        std::size_t k = 0;
        while (k < N && std::find(spellings[k].begin(), spellings[k].end(), h) == spellings[k].end()) ++k;
        if (k == N) {
            std::string suggestion = header_suggestion(h, known);
            if (!suggestion.empty())
                diags.error(where, "unknown column '" + trim(cells[i]) + "' (did you mean '" + suggestion + "'?)");
            else
                diags.warning(where, "column '" + trim(cells[i]) + "' is not one pathways reads; it is left out");
        } else if (at[k]) {
            diags.error(where, "a second '" + spellings[k][0] + "' column (the first is column " +
                                   column_letters(at[k]) + ")");
        } else {
            at[k] = column;
        }
    }
    return at;
}

/// A level or setting found by its id or its name as written in a cell; created (in order of
/// first appearance) unless the list is fixed by a template or a sheet of its own.
template <typename T>
struct Vocabulary {
    std::vector<T>& items;
    bool fixed;
    const char* what;  // "level", "setting"
    std::vector<std::string>& created;

    std::string resolve(const std::string& text) {
        std::string n = normalise(text);
        for (const auto& it : items)
            if (normalise(it.id) == n || normalise(it.name) == n) return it.id;
        if (fixed) return {};
        std::set<std::string> taken;
        for (const auto& it : items) taken.insert(it.id);
        T t;
        t.id = unique_id(derive_id(text, what), taken);
        t.name = text;
        items.push_back(t);
        created.push_back(text);
        return items.back().id;
    }
    /// " (did you mean 'Primary care'?)": the nearest name, or the name of the nearest id.
    std::string suggestion(const std::string& text) const {
        std::vector<std::string> names, ids;
        for (const auto& it : items) names.push_back(it.name), ids.push_back(it.id);
        std::string best = closest_match(text, names);
        if (best.empty())
            if (std::string id = closest_match(derive_id(text, what), ids); !id.empty())
                best = items[static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin())].name;
        return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
    }
};

/// A role read from one row, with what is resolved only once every row is read.
struct RowRole {
    Role role;
    int row = 0;
    bool id_given = false;
    std::vector<std::string> progress_refs;  // as written
};

/// Reads the roles sheet row by row into `rows`; the state of one import.
class RolesReader {
public:
    RolesReader(const Sheet& sheet, const HeaderMap& header, Catalogue& c, bool levels_fixed, bool settings_fixed,
                ImportReport& report, Diagnostics& diags)
        : sheet_(sheet), h_(header), levels_{c.levels, levels_fixed, "level", report.created_levels},
          settings_{c.settings, settings_fixed, "setting", report.created_settings}, report_(report),
          diags_(diags) {}

    std::vector<RowRole> read(const Catalogue* into) {
        std::vector<RowRole> rows;
        std::set<std::string> explicit_ids;
        for (int r = h_.row + 1; r <= static_cast<int>(sheet_.rows.size()); ++r)
            if (!blank_row(sheet_.rows[static_cast<std::size_t>(r - 1)])) rows.push_back(read_row(r, explicit_ids));
        assign_ids(rows, explicit_ids, into);
        return rows;
    }

private:
    std::string cell(int row, Col c) const { return h_.at[c] ? trim(sheet_.cell(row, h_.at[c])) : std::string(); }
    Location at(int row, Col c) const { return {sheet_.file, row, h_.at[c]}; }

    RowRole read_row(int r, std::set<std::string>& explicit_ids) {
        RowRole rr;
        rr.row = r;
        Role& role = rr.role;
        role.where = {sheet_.file, r, h_.at[kName]};
        role.name = cell(r, kName);
        if (role.name.empty()) diags_.error(at(r, kName), "this row has no role name");
        read_id(rr, explicit_ids);
        role.levels = references(r, kLevel, levels_);
        role.settings = references(r, kSettings, settings_);
        rr.progress_refs = split_list(cell(r, kProgresses), ";");
        role.summary = cell(r, kSummary);
        role.url = cell(r, kUrl);
        if (!role.url.empty() && !is_safe_url(role.url))
            diags_.error(at(r, kUrl), "the link '" + role.url + "' must start with https://, http:// or mailto:");
        role.aliases = split_list(cell(r, kAliases), ";");
        role.pay_band = cell(r, kPayBand);
        role.family = cell(r, kFamily);
        return rr;
    }

    void read_id(RowRole& rr, std::set<std::string>& explicit_ids) {
        std::string id = cell(rr.row, kId);
        if (id.empty()) return;
        rr.id_given = true;
        rr.role.id = id;
        if (!is_valid_id(id))
            diags_.error(at(rr.row, kId), "the id '" + id + "' must use only lower-case letters, digits and "
                                          "hyphens, starting with a letter (for example '" + derive_id(id) +
                                          "'), or be left empty to derive one from the name");
        else if (!explicit_ids.insert(id).second)
            diags_.error(at(rr.row, kId), "the id '" + id + "' is used by an earlier row too");
    }

    template <typename T>
    std::vector<std::string> references(int r, Col c, Vocabulary<T>& vocabulary) {
        std::vector<std::string> ids;
        std::string text = cell(r, c);
        if (text.empty()) {
            diags_.error(h_.at[c] ? at(r, c) : Location{sheet_.file, r, 0},
                         std::string("this role has no ") + vocabulary.what +
                             (h_.at[c] ? "" : std::string(" (the sheet has no '") + column_spellings()[c][0] +
                                                  "' column)"));
            return ids;
        }
        for (const auto& item : split_list(text, ";,")) {
            std::string id = vocabulary.resolve(item);
            if (id.empty())
                diags_.error(at(r, c), std::string("unknown ") + vocabulary.what + " '" + item + "'" +
                                           vocabulary.suggestion(item));
            else if (std::find(ids.begin(), ids.end(), id) == ids.end())
                ids.push_back(id);
        }
        return ids;
    }

    /// Rows without an id get one from their name (the template's id for a role of that name).
    void assign_ids(std::vector<RowRole>& rows, std::set<std::string> taken, const Catalogue* into) {
        for (auto& rr : rows) {
            if (rr.id_given || rr.role.name.empty()) continue;
            std::string base = derive_id(rr.role.name);
            if (into)
                for (const auto& t : into->roles)
                    if (normalise(t.name) == normalise(rr.role.name)) base = t.id;
            rr.role.id = unique_id(base, taken);
            if (rr.role.id != base)
                report_.derived_ids.push_back("row " + std::to_string(rr.row) + " '" + rr.role.name + "' -> " +
                                              rr.role.id + " (" + base + " was taken)");
        }
    }

    const Sheet& sheet_;
    const HeaderMap& h_;
    Vocabulary<Level> levels_;
    Vocabulary<Setting> settings_;
    ImportReport& report_;
    Diagnostics& diags_;
};

/// Finds roles by id, name or alias as a "progresses to" cell writes them.
class RoleIndex {
public:
    void add(const Role& r) {
        ids_.insert(r.id);
        add_name(r.name, r.id);
        for (const auto& a : r.aliases) add_name(a, r.id);
        names_.push_back(r.name);
    }
    /// The role's id; "" when no role matches; "?" when two roles share the name.
    std::string find(const std::string& text) const {
        if (ids_.count(text)) return text;
        auto it = by_name_.find(normalise(text));
        return it == by_name_.end() ? std::string() : it->second;
    }
    const std::vector<std::string>& names() const { return names_; }

private:
    void add_name(const std::string& name, const std::string& id) {
        auto [it, fresh] = by_name_.emplace(normalise(name), id);
        if (!fresh && it->second != id) it->second = "?";
    }
    std::set<std::string> ids_;
    std::map<std::string, std::string> by_name_;
    std::vector<std::string> names_;
};

/// A cell item that matches no role but holds commas, read as a comma-separated list: the longest
/// runs of pieces that name a role ("Nurse, adult, Driver" -> "Nurse, adult" and "Driver").
std::vector<std::string> comma_items(const std::string& ref, const RoleIndex& index) {
    std::vector<std::string> pieces = split_list(ref, ","), out;
    for (std::size_t i = 0; i < pieces.size();) {
        std::size_t j = pieces.size();
        std::string candidate;
        for (; j > i; --j) {
            candidate = pieces[i];
            for (std::size_t k = i + 1; k < j; ++k) candidate += ", " + pieces[k];
            if (!index.find(candidate).empty()) break;
        }
        out.push_back(j > i ? candidate : pieces[i]);
        i = j > i ? j : i + 1;
    }
    return out;
}

/// Resolves each row's "progresses to" items (split on `;`, and on `,` where that is what was meant).
void resolve_progressions(std::vector<RowRole>& rows, const RoleIndex& index, const Location& column,
                          Diagnostics& diags) {
    for (auto& rr : rows) {
        Location at{column.file, rr.row, column.column};
        for (const auto& ref : rr.progress_refs) {
            std::vector<std::string> items{ref};
            if (index.find(ref).empty() && ref.find(',') != std::string::npos) items = comma_items(ref, index);
            for (const auto& item : items) {
                std::string id = index.find(item);
                if (id == "?")
                    diags.error(at, "more than one role is called '" + item + "'; write the id of the one you mean");
                else if (id.empty())
                    diags.error(at, "no role called '" + item + "' in the sheet" + did_you_mean(item, index.names()));
                else if (std::find(rr.role.progresses_to.begin(), rr.role.progresses_to.end(), id) ==
                         rr.role.progresses_to.end())
                    rr.role.progresses_to.push_back(id);
            }
        }
    }
}

bool same_role(const Role& a, const Role& b) {
    return a.id == b.id && a.name == b.name && a.summary == b.summary && a.url == b.url && a.pay_band == b.pay_band &&
           a.family == b.family && a.levels == b.levels && a.settings == b.settings &&
           a.progresses_to == b.progresses_to && a.aliases == b.aliases;
}

/// The template's roles replaced (or, merging, updated and extended) by the sheet's, and what changed.
std::vector<Role> combine_roles(std::vector<Role> sheet_roles, const Catalogue& into, bool merge, ImportReport& report) {
    std::map<std::string, const Role*> old;
    for (const auto& r : into.roles) old[r.id] = &r;
    std::set<std::string> in_sheet;
    for (const auto& r : sheet_roles) {
        in_sheet.insert(r.id);
        auto it = old.find(r.id);
        if (it == old.end()) report.added.push_back(r.id);
        else if (same_role(*it->second, r)) ++report.unchanged;
        else report.changed.push_back(r.id);
    }
    if (!merge) {
        for (const auto& r : into.roles)
            if (!in_sheet.count(r.id)) report.removed.push_back(r.id);
        return sheet_roles;
    }
    std::vector<Role> out;
    for (const auto& r : into.roles) {
        auto it = std::find_if(sheet_roles.begin(), sheet_roles.end(), [&](const Role& s) { return s.id == r.id; });
        out.push_back(it == sheet_roles.end() ? r : *it);
        if (it == sheet_roles.end()) ++report.unchanged;
    }
    for (auto& r : sheet_roles)
        if (!old.count(r.id)) out.push_back(std::move(r));
    return out;
}

/// A small sheet's rows with its columns found by header: (row number, cells by column).
template <std::size_t N>
std::vector<std::pair<int, std::array<std::string, N>>> read_table(
    const Sheet& sheet, const std::array<std::vector<std::string>, N>& spellings, Diagnostics& diags) {
    std::vector<std::pair<int, std::array<std::string, N>>> out;
    int header = header_row(sheet);
    if (!header) return out;
    auto at = map_headers(sheet, header, spellings, diags);
    for (int r = header + 1; r <= static_cast<int>(sheet.rows.size()); ++r) {
        if (blank_row(sheet.rows[static_cast<std::size_t>(r - 1)])) continue;
        std::array<std::string, N> cells;
        for (std::size_t k = 0; k < N; ++k) cells[k] = at[k] ? trim(sheet.cell(r, at[k])) : std::string();
        out.emplace_back(r, std::move(cells));
    }
    return out;
}

/// Levels or settings from their own sheet (id, name, description), in the sheet's order.
template <typename T>
std::vector<T> read_named_sheet(const Sheet& sheet, const char* what, Diagnostics& diags) {
    static const std::array<std::vector<std::string>, 3> spellings{{{"id"}, {"name"}, {"description"}}};
    std::vector<T> out;
    std::set<std::string> taken;
    for (auto& [row, cells] : read_table(sheet, spellings, diags)) {
        T t;
        t.where = {sheet.file, row, 1};
        t.name = cells[1].empty() ? cells[0] : cells[1];
        t.description = cells[2];
        if (t.name.empty()) {
            diags.error(t.where, std::string("this ") + what + " has no name");
            continue;
        }
        t.id = cells[0].empty() ? unique_id(derive_id(t.name, what), taken) : cells[0];
        if (!is_valid_id(t.id))
            diags.error(t.where, std::string("the ") + what + " id '" + t.id + "' must use only lower-case letters, "
                                 "digits and hyphens, starting with a letter (for example '" + derive_id(t.id, what) + "')");
        else if (!cells[0].empty() && !taken.insert(t.id).second)
            diags.error(t.where, std::string("the ") + what + " id '" + t.id + "' is used by an earlier row too");
        out.push_back(std::move(t));
    }
    return out;
}

/// The About sheet: title, subtitle, publisher, source, version and setting dimension by key.
void read_about(const Sheet& sheet, Catalogue& c, Diagnostics& diags) {
    static const std::array<std::vector<std::string>, 2> spellings{{{"key", "field"}, {"value"}}};
    const std::vector<std::string> keys{"title", "subtitle", "publisher", "source", "version", "setting dimension"};
    std::array<std::string*, 6> fields{&c.title, &c.subtitle, &c.publisher, &c.source, &c.version, &c.setting_dimension};
    for (auto& [row, cells] : read_table(sheet, spellings, diags)) {
        auto k = std::find(keys.begin(), keys.end(), normalise(cells[0]));
        if (k == keys.end())
            diags.error({sheet.file, row, 1}, "unknown key '" + cells[0] + "'" + did_you_mean(normalise(cells[0]), keys));
        else
            *fields[static_cast<std::size_t>(k - keys.begin())] = cells[1];
    }
}

/// Glossary (term, definition) and Panels (title, text) sheets.
void read_glossary_and_panels(const Workbook& book, Catalogue& c, Diagnostics& diags) {
    static const std::array<std::vector<std::string>, 2> glossary{{{"term"}, {"definition"}}};
    static const std::array<std::vector<std::string>, 2> panels{{{"title"}, {"text"}}};
    if (const Sheet* s = book.sheet("Glossary"))
        for (auto& [row, cells] : read_table(*s, glossary, diags)) c.glossary.push_back({cells[0], cells[1]});
    if (const Sheet* s = book.sheet("Panels"))
        for (auto& [row, cells] : read_table(*s, panels, diags)) c.panels.push_back({cells[0], cells[1]});
}

/// Fills what the catalogue format requires but the workbook did not give, saying so once each.
void fill_placeholders(Catalogue& c, const std::string& file, Diagnostics& diags) {
    std::vector<std::string> filled;
    auto fill = [&](std::string& field, const char* key, std::string value) {
        if (!field.empty()) return;
        field = std::move(value);
        filled.push_back(key);
    };
    std::string stem = std::filesystem::path(file).stem().string();
    std::string title = stem;
    for (auto& ch : title) ch = ch == '-' || ch == '_' ? ' ' : ch;
    if (!title.empty()) title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    fill(c.title, "title", title);
    fill(c.publisher, "publisher", "Not given");
    fill(c.source, "source", "Imported from " + std::filesystem::path(file).filename().string());
    fill(c.version, "version", "1");
    fill(c.setting_dimension, "setting dimension", "Setting");
    if (!filled.empty()) {
        std::string list;
        for (const auto& f : filled) list += (list.empty() ? "" : ", ") + f;
        diags.warning({file, 0, 0}, "no " + list + " given (an About sheet, or --into a catalogue, gives them); "
                                    "placeholders were written: edit them in the YAML");
    }
}

/// Levels' and settings' missing descriptions and roles' missing summaries, with one warning each.
void fill_descriptions(Catalogue& c, const Location& summary_column, Diagnostics& diags) {
    int missing = 0;
    for (auto& l : c.levels) missing += l.description.empty() ? (l.description = "Roles at the " + l.name + " level.", 1) : 0;
    for (auto& s : c.settings) missing += s.description.empty() ? (s.description = "Roles found in " + s.name + ".", 1) : 0;
    if (missing)
        diags.warning({summary_column.file, 0, 0}, std::to_string(missing) + " levels and settings have no description; a "
                      "plain one was written (\"Roles at the ... level.\"): edit them in the YAML");
    std::vector<std::string> rows;
    for (auto& r : c.roles)
        if (r.summary.empty()) {
            r.summary = r.name + ".";
            rows.push_back(std::to_string(r.where.line));
        }
    if (rows.empty()) return;
    std::string list;
    for (std::size_t i = 0; i < rows.size() && i < 10; ++i) list += (i ? ", " : "") + rows[i];
    if (rows.size() > 10) list += ", ...";
    diags.warning(summary_column.column ? summary_column : Location{summary_column.file, 0, 0},
                  std::to_string(rows.size()) + " roles have no summary (rows " + list + "); each was given its "
                  "name until you write one");
}

/// The roles sheet: the one asked for, else "Roles", else the first.
const Sheet* roles_sheet(const Workbook& book, const std::string& name, Diagnostics& diags) {
    if (name.empty()) return book.sheet("Roles") ? book.sheet("Roles") : &book.sheets.front();
    if (const Sheet* s = book.sheet(name)) return s;
    std::vector<std::string> names;
    for (const auto& s : book.sheets) names.push_back(s.name);
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    diags.error({book.file, 0, 0}, "the workbook has no sheet '" + name + "'" + did_you_mean(name, names) +
                                       " (its sheets: " + list + ")");
    return nullptr;
}

/// Title, levels, settings, glossary and panels: from the template, else the workbook's own sheets.
void read_frame(const Workbook& book, const ImportOptions& o, const Sheet& roles, Catalogue& c, bool& levels_fixed,
                bool& settings_fixed, Diagnostics& diags) {
    if (o.into) {
        c = *o.into;
        c.roles.clear();
        levels_fixed = settings_fixed = true;
        return;
    }
    auto other = [&](const char* name) {
        const Sheet* s = book.sheet(name);
        return s && s != &roles ? s : nullptr;
    };
    if (const Sheet* s = other("About")) read_about(*s, c, diags);
    if (const Sheet* s = other("Levels")) c.levels = read_named_sheet<Level>(*s, "level", diags), levels_fixed = true;
    if (const Sheet* s = other("Settings"))
        c.settings = read_named_sheet<Setting>(*s, "setting", diags), settings_fixed = true;
    read_glossary_and_panels(book, c, diags);
}

}  // namespace

const std::vector<std::string>& role_columns() {
    static const std::vector<std::string> headers = [] {
        std::vector<std::string> out;
        for (const auto& s : column_spellings()) out.push_back(s[0]);
        return out;
    }();
    return headers;
}

std::optional<Catalogue> import_catalogue(const Workbook& book, const ImportOptions& o, ImportReport& report,
                                          Diagnostics& diags) {
    std::size_t errors_before = diags.errors();
    const Sheet* sheet = roles_sheet(book, o.sheet, diags);
    if (!sheet) return std::nullopt;
    report.roles_sheet = sheet;
    HeaderMap header;
    header.row = header_row(*sheet);
    if (!header.row) {
        diags.error({sheet->file, 0, 0}, "the sheet" + (sheet->name.empty() ? "" : " '" + sheet->name + "'") +
                                             " is empty; its first row should name the columns (" + "name, level, "
                                             "settings, progresses to, ...)");
        return std::nullopt;
    }
    header.at = map_headers(*sheet, header.row, column_spellings(), diags);
    if (!header.at[kName])
        diags.error({sheet->file, header.row, 0}, "the sheet has no 'name' column (the header row is row " +
                                                      std::to_string(header.row) + ")");
    if (diags.errors() > errors_before) return std::nullopt;

    Catalogue c;
    bool levels_fixed = false, settings_fixed = false;
    read_frame(book, o, *sheet, c, levels_fixed, settings_fixed, diags);
    RolesReader reader(*sheet, header, c, levels_fixed, settings_fixed, report, diags);
    std::vector<RowRole> rows = reader.read(o.into);
    RoleIndex index;
    for (const auto& rr : rows) index.add(rr.role);
    if (o.into && o.merge)
        for (const auto& r : o.into->roles)
            if (std::none_of(rows.begin(), rows.end(), [&](const RowRole& rr) { return rr.role.id == r.id; })) index.add(r);
    resolve_progressions(rows, index, {sheet->file, 0, header.at[kProgresses]}, diags);
    std::vector<Role> roles;
    for (auto& rr : rows) roles.push_back(std::move(rr.role));
    if (rows.empty()) diags.error({sheet->file, header.row, 0}, "the sheet has a header row but no roles below it");
    c.roles = o.into ? combine_roles(std::move(roles), *o.into, o.merge, report) : std::move(roles);
    c.file = book.file;
    if (diags.errors() > errors_before) return std::nullopt;
    if (!o.into) fill_placeholders(c, book.file, diags);
    fill_descriptions(c, {sheet->file, header.row, header.at[kSummary]}, diags);
    if (diags.errors() > errors_before) return std::nullopt;
    return c;
}

}  // namespace pathways
