#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pathways/diagnostics.hpp"

namespace pathways {

/// A career level (a band on the poster); catalogues list them lowest first.
struct Level {
    std::string id, name, description;
    Location where;
};

/// One value of the colouring dimension: a care setting, a staff group, ...
struct Setting {
    std::string id, name, description;
    Location where;
};

/// A role family (a staff group, a profession): an optional lane of the career-framework layout.
/// A catalogue that lists `families:` gives every role a `family` naming one of them.
struct Family {
    std::string id, name, description;
    Location where;
};

/// A job role: where it sits, where it is found, and where it can lead.
struct Role {
    std::string id, name, summary, url, pay_band;
    std::vector<std::string> levels;         // level ids, at least one
    std::vector<std::string> settings;       // setting ids, at least one
    std::vector<std::string> progresses_to;  // role ids
    std::vector<std::string> aliases;
    Location where;
    std::vector<Location> progression_at;  // where each progresses_to entry was written
    std::vector<std::string> progression_via;  // what each progresses_to step takes ("" = not said)
    std::string family;  // optional: the role's family or staff group; a Family id when the catalogue lists families
};

/// A word the poster uses, explained.
struct GlossaryEntry {
    std::string term, definition;
};

/// A short block of information a poster can show beside the graph.
struct Panel {
    std::string title, text;
};

/// One stop of a career story: a role of the catalogue (optionally under the person's own job
/// title), or a job the catalogue does not have (free text at a level).
struct StoryStep {
    std::string role;   // role id; empty for a free-text step
    std::string text;   // the job in words: required for a free-text step, optional with a role
    std::string level;  // level id (free-text steps only)
    Location where;
};

/// A real person's career as a source tells it: the jobs they went through, in order.
struct Story {
    std::string id, name, title, source, entry_route;
    std::vector<StoryStep> steps;
    Location where;
};

/// A way into roles that is not itself a job (a graduate training scheme, an apprenticeship):
/// it sits at no level and leads straight into the roles it names.
struct EntryRoute {
    std::string id, name, description, url;
    std::vector<std::string> leads_to;  // role ids, at least one
    Location where;
    std::vector<Location> leads_to_at;  // where each leads_to entry was written
};

/// An entry of a catalogue's `accept_warnings:`: a warning kind or a role id whose warnings the
/// catalogue's authors know about and accept (they are counted, not printed).
struct AcceptedWarning {
    std::string what;
    Location where;
};

/// A whole catalogue of roles: the data a poster is drawn from.
struct Catalogue {
    std::string file;
    std::string title, subtitle, publisher, source, version, setting_dimension;
    std::vector<Level> levels;
    std::vector<Setting> settings;
    std::vector<Role> roles;
    std::vector<GlossaryEntry> glossary;
    std::vector<Panel> panels;
    std::vector<Story> stories;
    std::vector<EntryRoute> entry_routes;  // optional; ways in that are not roles
    std::vector<AcceptedWarning> accept_warnings;
    std::vector<Family> families;  // optional; when listed, every role's `family` is one of their ids
    std::string url;  // "find out more" (the training hub's page), printed as a QR code; may be empty

    const Role* role(const std::string& id) const;
    const Setting* setting(const std::string& id) const;
    /// Position of a level in the catalogue's order (0 = lowest), or -1.
    int level_index(const std::string& id) const;
    /// The lowest level a role is listed at.
    int lowest_level(const Role& role) const;
    std::size_t link_count() const;
    const EntryRoute* entry_route(const std::string& id) const;
    const Family* family(const std::string& id) const;
};

/// Reads a catalogue file, reporting every problem to `diags`.
/// Returns the catalogue when it has no errors (warnings allowed).
std::optional<Catalogue> load_catalogue(const std::string& path, Diagnostics& diags);

/// As load_catalogue, from text already in memory; `file` names it in messages.
std::optional<Catalogue> parse_catalogue(std::string_view text, const std::string& file, Diagnostics& diags);

/// Whether a URL uses a scheme we allow in output (https, http, mailto).
bool is_safe_url(std::string_view url);

/// Whether `id` is a valid id: lower-case letters, digits and hyphens, starting with a letter.
bool is_valid_id(std::string_view id);

}  // namespace pathways

namespace pathways {

/// What a drawn link means: a progression up, within or down the levels; the tie between one
/// role's boxes at two levels; or a progression to a role outside the view (a transfer marker).
enum class LinkKind { Up, Within, Down, SameRole, Transfer };

/// The kind's one name, used in SVG classes, DOT and JSON: "up", "within-level", "down",
/// "same-role", "transfer".
std::string_view to_string(LinkKind kind);

/// Every kind, in legend order.
inline constexpr LinkKind kLinkKinds[] = {LinkKind::Up, LinkKind::Within, LinkKind::Down, LinkKind::SameRole,
                                          LinkKind::Transfer};

/// Compares the lowest levels of the two roles (Up, Within or Down).
LinkKind link_kind(const Catalogue& catalogue, const Role& from, const Role& to);

}  // namespace pathways
