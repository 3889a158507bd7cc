#pragma once
// Readers for parts of a catalogue that live in their own files (catalogue.cpp calls them).
#include <map>
#include <string>
#include <vector>

#include "pathways/catalogue.hpp"
#include "pathways/yaml_reader.hpp"

namespace pathways {

/// The ids read so far, each with where it was first defined (for duplicates and did-you-mean).
struct IdsSeen {
    std::map<std::string, Location> levels, settings, roles;
};

/// Reads the `id` of a level, setting or role, checking its form and that it is unique in `seen`.
std::string read_id(MapReader& m, const std::string& what, std::map<std::string, Location>& seen);

/// Reads the `roles:` list into `c.roles` (levels and settings must be read already), and returns
/// every role id in file order (progressions may refer forwards, so ids are gathered first).
std::vector<std::string> read_roles(MapReader& top, IdsSeen& ids, Catalogue& c);

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
