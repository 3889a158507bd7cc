#pragma once
// What a route or a story poster stresses, decided once from its view: the roles and links on the
// route (or in the story) are emphasised, everything else is faded. Every later stage (the layout's
// Graphviz attributes, the SVG classes, the legend's panel, the story's badges) reads it from here
// and never works it out again.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pathways/route.hpp"

namespace pathways {

/// How one role or link of a drawing is shown: as usual (every poster that is not a route or a
/// story), stressed (on the route, in the story) or faded (the rest of a route or story poster).
enum class Emphasis { Normal, Emphasised, Faded };

/// "normal", "emphasised", "faded": the SVG classes.
std::string_view to_string(Emphasis emphasis);

/// What a route or story view picks out of the whole map. Kind None for every other view.
struct Focus {
    enum class Kind { None, Route, Story };
    Kind kind = Kind::None;
    const Role* from = nullptr;    // Route: where it starts
    const Role* to = nullptr;      // Route: where it ends
    RouteResult routes;            // Route: every shortest route (fewest steps first)
    const Story* story = nullptr;  // Story
    std::vector<StoryStop> stops;  // Story: its steps, in order
    std::vector<const Role*> roles;                          // emphasised, in catalogue order
    std::vector<std::pair<const Role*, const Role*>> links;  // emphasised progressions, catalogue order

    bool active() const { return kind != Kind::None; }
    /// A role's emphasis: Normal when no focus; else Emphasised when it is on the route or in the
    /// story, Faded when not.
    Emphasis of(const Role* role) const;
    /// A progression's emphasis, by the same rule (a link from a role to itself — the tie between
    /// one role's boxes — is never on a route).
    Emphasis of(const Role* from, const Role* to) const;
};

}  // namespace pathways
