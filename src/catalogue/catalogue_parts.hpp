#pragma once
// Readers for parts of a catalogue that live in their own files (catalogue.cpp calls them).
#include <string>
#include <vector>

#include "pathways/catalogue.hpp"
#include "pathways/yaml_reader.hpp"

namespace pathways {

/// Reads a role's `progresses_to`: each entry a role id or `{to: ID, via: "..."}`. Fills
/// `progresses_to`, `progression_at` and `progression_via` (kept the same length), reporting
/// unknown or repeated targets and malformed entries, located. `label` names the role.
void read_progressions(MapReader& role, const std::string& label, const std::vector<std::string>& role_ids,
                       Role& out);

/// Reads the catalogue's optional `stories:` list into `c.stories` (the roles and levels must be
/// read already): unknown role or level ids, repeated story ids and malformed steps are located errors.
void read_stories(MapReader& top, Catalogue& c);

/// Reads the catalogue's optional `families:` list into `c.families` and, when there is one,
/// checks every role's `family` against it (the roles must be read already): an unknown family is
/// a located error with a suggestion, a role without one an error at the role.
void read_families(MapReader& top, Catalogue& c);

}  // namespace pathways
