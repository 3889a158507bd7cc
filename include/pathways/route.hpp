#pragma once
// Routes ("how do I get from this role to that one") and career stories, as data: which roles and
// progressions a route or a story passes through. Every walk over the graph is iterative (an
// explicit queue or stack), so a long chain of roles cannot overflow the call stack.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pathways/catalogue.hpp"

namespace pathways {

/// One step of a route: a progression from one role to the next.
struct RouteStep {
    const Role* from = nullptr;
    const Role* to = nullptr;
    std::string via;               // what the step usually takes; "" when the catalogue does not say
    bool changes_setting = false;  // the two roles have no setting in common
};

/// One way along progressions from a role to another: the roles in order and the steps between.
struct Route {
    std::vector<const Role*> roles;  // first is FROM, last is TO; no role appears twice
    std::vector<RouteStep> steps;    // roles.size() - 1 of them
};

/// Which routes find_routes looks for, and how many at most.
struct RouteOptions {
    bool all = false;             // false: the shortest routes only; true: up to shortest + extra_steps
    std::size_t extra_steps = 2;  // how much longer than the shortest an `all` route may be
    std::size_t max_routes = 50;  // the bound: at most this many routes are returned (0 counts as 1)
};

/// What find_routes found.
struct RouteResult {
    std::vector<Route> routes;  // fewest steps first; routes of one length in catalogue order of their roles
    std::size_t shortest = 0;   // steps in the shortest route (0 when there is no route)
    std::size_t longest = 0;    // the most steps a route could have under the options
    bool cut = false;           // more routes exist than were returned (max_routes, or the work bound)
    bool found() const { return !routes.empty(); }
};

/// The routes from `from` to `to` along progressions (both roles of `catalogue`, and different):
/// every shortest one, or with `options.all` every route without repeated roles up to the shortest
/// length + `extra_steps`, at most `options.max_routes` (then `cut` is set).
RouteResult find_routes(const Catalogue& catalogue, const Role& from, const Role& to, const RouteOptions& options = {});

/// The roles one or more progressions lead to from `role` (not the role itself), in catalogue order.
std::vector<const Role*> reachable_from(const Catalogue& catalogue, const Role& role);

/// The roles from which progressions lead to `role` (not the role itself), in catalogue order.
std::vector<const Role*> leading_to(const Catalogue& catalogue, const Role& role);

/// What the step from `from` to the role `to_id` takes ("" when the catalogue does not say).
std::string progression_via(const Role& from, std::string_view to_id);

/// Every role and progression of the routes, each once, in catalogue order: what a route poster
/// emphasises.
struct RouteEmphasis {
    std::vector<const Role*> roles;
    std::vector<std::pair<const Role*, const Role*>> links;
};
RouteEmphasis emphasis_of(const Catalogue& catalogue, const RouteResult& result);

/// The outcome of looking up a role by what a user typed: its id, name or an alias, in any case
/// and spacing. An id decides before a name, a name before an alias; two roles matching the same
/// way are ambiguous.
struct RoleMatch {
    const Role* role = nullptr;            // the role, when exactly one matches
    std::vector<const Role*> ambiguous;    // when several roles match (a name that is another's alias)
    std::string suggestion;                // when none matches: a close name, alias or id ("" if none)
    std::vector<const Role*> containing;   // when none matches: roles whose name or alias contains the text
};
RoleMatch find_role(const Catalogue& catalogue, std::string_view text);

/// `text` for matching: ASCII lower case, runs of white space as one space, trimmed.
std::string normalise_name(std::string_view text);

/// One stop of a story, resolved: a role of the catalogue, or free text at a level.
struct StoryStop {
    const Role* role = nullptr;    // set for a role step
    const Level* level = nullptr;  // the level of a free-text step (for a role: its lowest level)
    std::string text;              // what to print: the role's name or the free text
};

/// The story with this id, or nullptr.
const Story* find_story(const Catalogue& catalogue, std::string_view id);

/// The story's steps resolved against the catalogue (it must be the one the story was read with).
std::vector<StoryStop> story_stops(const Catalogue& catalogue, const Story& story);

/// The words a route is told in, wherever it is told (the `route` command, a route poster's
/// panel, the SVG's link tooltips): one home, so the terminal and the poster say the same thing.
/// "From A to B: the shortest route takes 2 steps" (or "3 shortest routes, each of 2 steps"; with
/// `all`, "5 routes of 2 to 4 steps (the shortest takes 2 steps)"); no full stop.
std::string route_headline(const Role& from, const Role& to, const RouteResult& result, bool all);
/// What the catalogue calls a setting, as it reads mid-sentence: "care setting" from "Care
/// setting", "staff group" from "Staff group" (an acronym such as "NHS trust" keeps its capitals).
std::string setting_word(const Catalogue& catalogue);
/// "1 step", "3 steps".
std::string step_count(std::size_t steps);
/// What a route's role at `index` is called in a list of its steps: "Start" (index 0), "Step 1", ...
std::string step_label(std::size_t index);
/// "via an apprenticeship" for what a step takes; "" when nothing is said.
std::string via_words(std::string_view via);
/// "changes care setting: from Primary care to Secondary care" (the catalogue's own word for a
/// setting) when the step changes setting; "" when it does not.
std::string setting_change_words(const Catalogue& catalogue, const RouteStep& step);
/// The role's levels ("Early career and Mid career") and settings ("Primary care, Social care"),
/// by name in catalogue order.
std::string level_names(const Catalogue& catalogue, const Role& role);
std::string setting_names(const Catalogue& catalogue, const Role& role);

/// How `route` prints: text for people, or JSON.
enum class RouteFormat { Text, Json };

/// The answer of `pathways route`, as text or JSON: the routes found, or, when there is none,
/// what is reachable from FROM and what leads to TO.
std::string route_report(const Catalogue& catalogue, const Role& from, const Role& to, const RouteOptions& options,
                         const RouteResult& result, RouteFormat format);

}  // namespace pathways
