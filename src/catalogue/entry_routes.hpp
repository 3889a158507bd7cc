#pragma once
// Reading a catalogue's optional `entry_routes:` list (used by the catalogue loader only).
#include <string>
#include <vector>

#include "pathways/catalogue.hpp"
#include "pathways/yaml_reader.hpp"

namespace pathways {

/// Reads `entry_routes:` from the catalogue's top-level mapping into `catalogue.entry_routes`,
/// reporting every problem located: unknown keys, missing or empty fields, bad or duplicate ids
/// (an entry route may not share an id with a role), and `leads_to` entries that name no role
/// (with a suggestion). `role_ids` are the ids of every role in the file.
void read_entry_routes(MapReader& top, const std::vector<std::string>& role_ids, Catalogue& catalogue);

}  // namespace pathways
