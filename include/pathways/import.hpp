#pragma once
#include <optional>
#include <string>
#include <vector>

#include "pathways/catalogue.hpp"
#include "pathways/diagnostics.hpp"
#include "pathways/spreadsheet.hpp"

namespace pathways {

/// How `pathways import` turns a workbook into a catalogue.
struct ImportOptions {
    std::string sheet;                // the roles sheet; "": the one called "Roles", else the first
    const Catalogue* into = nullptr;  // a template whose title, levels, settings, glossary, panels are kept
    bool merge = false;               // with `into`: keep its roles that the sheet does not list
};

/// What an import did beyond the catalogue itself, for the report the command prints.
struct ImportReport {
    const Sheet* roles_sheet = nullptr;  // the sheet the roles came from (for located messages)
    std::vector<std::string> derived_ids;                // "Name -> id" for rows without an id
    std::vector<std::string> added, changed, removed;    // role ids, against the template
    std::size_t unchanged = 0;
    std::vector<std::string> created_levels, created_settings;  // names, when no template or sheet gave them
};

/// The spreadsheet's role columns, in the order export writes them (headers as written).
const std::vector<std::string>& role_columns();

/// Builds a catalogue from the workbook's roles sheet (and, without a template, its Levels,
/// Settings, About, Glossary and Panels sheets when it has them). Every problem is reported at
/// its cell (row and column); nothing is returned when there are errors.
std::optional<Catalogue> import_catalogue(const Workbook& book, const ImportOptions& options, ImportReport& report,
                                          Diagnostics& diags);

/// The catalogue's tables for a spreadsheet: Roles (the import's columns), Levels, Settings,
/// Glossary, Panels and About (title, publisher, ...): importing them gives the catalogue back.
std::vector<Table> catalogue_tables(const Catalogue& catalogue);

/// The catalogue as tidy YAML in the catalogue format: the schema comment on line 1 (pointing at
/// `schema_path`), then the keys in a fixed order; the same catalogue always gives the same bytes.
std::string catalogue_yaml(const Catalogue& catalogue, const std::string& schema_path);

/// Where the catalogue schema is (data/schema/catalogue.schema.json in the current folder, else
/// beside the program's checkout), written relative to the folder `output` is in.
std::string schema_reference(const std::string& output);

}  // namespace pathways
