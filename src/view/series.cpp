// Cutting a view into the sheets of a poster series (#10 part 2): lanes, then level ranges.
#include "pathways/series.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace pathways {

// The lane rule of a series: a role's first setting. For a catalogue without `families:` this is
// LaneAssignment::lane_of's rule (lanes.hpp); families do not cut a series yet, as the overview and
// the sheets colour and name lanes by setting.
std::string series_lane_of(const Role& role) { return role.settings.empty() ? std::string() : role.settings.front(); }

namespace {

/// The index of the lane with setting `id`; lanes.size() when there is none.
std::size_t lane_with_id(const Series& s, const std::string& id) {
    for (std::size_t j = 0; j < s.lanes.size(); ++j)
        if (s.lanes[j].id == id) return j;
    return s.lanes.size();
}

/// The lanes of a view: its settings in catalogue order, then "" when a role has none.
std::vector<SeriesLane> lanes_of(const PathwayGraph& g) {
    std::vector<SeriesLane> lanes;
    for (const Setting* s : g.settings) lanes.push_back({s->id, s->name});
    if (std::any_of(g.roles.begin(), g.roles.end(), [](const Role* r) { return r->settings.empty(); }))
        lanes.push_back({"", "Other roles"});
    return lanes;
}

/// Roles in `lanes` (of the sheet) and levels first..last, summed over the cells.
std::size_t roles_in(const Series& s, const std::vector<std::size_t>& lanes, std::size_t first, std::size_t last) {
    std::size_t n = 0;
    for (std::size_t lane : lanes)
        for (std::size_t l = first; l <= last; ++l) n += s.cells[lane][l];
    return n;
}

/// Fills each sheet's number, roles and "also here" list from its lanes and levels.
void fill_sheets(Series& s) {
    const PathwayGraph& g = *s.graph;
    for (std::size_t i = 0; i < s.sheets.size(); ++i) {
        SeriesSheet& sheet = s.sheets[i];
        sheet.number = i + 1;
        sheet.roles.clear();
        sheet.also_here.clear();
        auto in_range = [&](const Role* r) {
            std::size_t l = s.level_index(r);
            return l >= sheet.first_level && l <= sheet.last_level;
        };
        std::size_t rank = 0;  // of an own role among the sheet's cells' roles, for a slice
        for (const Role* r : g.roles) {
            if (!in_range(r)) continue;
            bool own = std::count(sheet.lanes.begin(), sheet.lanes.end(), s.lane_index(r)) > 0;
            if (own) {
                if (rank >= sheet.from && rank < sheet.to) sheet.roles.push_back(r);
                ++rank;
                continue;
            }
            for (std::size_t k = 1; k < r->settings.size(); ++k)
                if (std::count(sheet.lanes.begin(), sheet.lanes.end(), lane_with_id(s, r->settings[k]))) {
                    sheet.also_here.push_back(r);
                    break;
                }
        }
    }
}

/// Sheets for one lane at levels first..last; a single level of more than `capacity` roles is cut
/// into even slices of at most that many.
void push_range(Series& s, std::size_t lane, std::size_t first, std::size_t last, std::size_t capacity) {
    std::size_t here = s.cells[lane][first];
    if (first != last || here <= capacity || capacity == 0) {
        s.sheets.push_back({0, {lane}, first, last, 0, static_cast<std::size_t>(-1), {}, {}});
        return;
    }
    std::size_t slices = (here + capacity - 1) / capacity;
    for (std::size_t k = 0; k < slices; ++k)
        s.sheets.push_back({0, {lane}, first, last, here * k / slices, here * (k + 1) / slices, {}, {}});
}

/// Level ranges of one lane, each of at most `capacity` roles (a level bigger than that alone, in slices).
void cut_lane(Series& s, std::size_t lane, std::size_t capacity) {
    std::size_t levels = s.graph->levels.size(), first = 0, held = 0;
    for (std::size_t l = 0; l < levels; ++l) {
        std::size_t here = s.cells[lane][l];
        if (l > first && held + here > capacity) {
            push_range(s, lane, first, l - 1, capacity);
            first = l;
            held = 0;
        }
        held += here;
    }
    push_range(s, lane, first, levels - 1, capacity);
}

/// Progressions between lanes, most first.
std::vector<SeriesFlow> flows_of(const Series& s) {
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> counts;
    for (const auto& l : s.graph->links) {
        std::size_t a = s.lane_index(l.from), b = s.lane_index(l.to);
        if (a != b) ++counts[{a, b}];
    }
    std::vector<SeriesFlow> flows;
    for (const auto& [key, n] : counts) flows.push_back({key.first, key.second, n});
    std::stable_sort(flows.begin(), flows.end(), [](const SeriesFlow& a, const SeriesFlow& b) { return a.count > b.count; });
    return flows;
}

}  // namespace

std::size_t Series::lane_index(const Role* role) const {
    std::size_t lane = lane_with_id(*this, series_lane_of(*role));
    return lane == lanes.size() ? 0 : lane;
}

std::size_t Series::level_index(const Role* role) const {
    std::size_t best = graph->levels.size();
    for (const auto& id : role->levels)
        for (std::size_t i = 0; i < graph->levels.size(); ++i)
            if (graph->levels[i]->id == id) best = std::min(best, i);
    return best == graph->levels.size() ? 0 : best;
}

std::size_t Series::sheet_of(const Role* role) const {
    for (const auto& sheet : sheets)
        if (std::find(sheet.roles.begin(), sheet.roles.end(), role) != sheet.roles.end()) return sheet.number;
    return 0;
}

bool Series::split(std::size_t index, std::size_t keep) {
    SeriesSheet whole = sheets[index];
    SeriesSheet a = whole, b = whole;
    std::size_t total = roles_in(*this, whole.lanes, whole.first_level, whole.last_level);
    if (keep == 0 || keep >= total) keep = (total + 1) / 2;
    if (whole.lanes.size() > 1) {
        // The first lanes that hold at most `keep` roles (at least one lane), then the rest.
        std::size_t held = 0, cut = 1;
        for (std::size_t k = 0; k + 1 < whole.lanes.size(); ++k) {
            held += roles_in(*this, {whole.lanes[k]}, whole.first_level, whole.last_level);
            if (k > 0 && held > keep) break;
            cut = k + 1;
        }
        a.lanes.assign(whole.lanes.begin(), whole.lanes.begin() + static_cast<std::ptrdiff_t>(cut));
        b.lanes.assign(whole.lanes.begin() + static_cast<std::ptrdiff_t>(cut), whole.lanes.end());
    } else if (whole.last_level > whole.first_level) {
        std::size_t held = 0, cut = whole.first_level;
        for (std::size_t l = whole.first_level; l < whole.last_level; ++l) {
            held += cells[whole.lanes.front()][l];
            if (l > whole.first_level && held > keep) break;
            cut = l;
        }
        a.last_level = cut;
        b.first_level = cut + 1;
    } else {
        std::size_t from = whole.from, to = std::min(whole.to, cells[whole.lanes.front()][whole.first_level]);
        if (to <= from + 1) return false;
        if (keep == 0 || keep >= to - from) keep = (to - from + 1) / 2;
        a.to = b.from = from + keep;
    }
    sheets[index] = a;
    sheets.insert(sheets.begin() + static_cast<std::ptrdiff_t>(index) + 1, b);
    fill_sheets(*this);
    return true;
}

std::string Series::describe(const SeriesSheet& sheet) const {
    std::string out;
    for (std::size_t lane : sheet.lanes) out += (out.empty() ? "" : ", ") + lanes[lane].name;
    const auto& levels = graph->levels;
    if (sheet.first_level == 0 && sheet.last_level + 1 == levels.size()) return out;
    out += " \xC2\xB7 " + levels[sheet.first_level]->name;
    if (sheet.last_level != sheet.first_level) out += " to " + levels[sheet.last_level]->name;
    std::size_t cell = cells[sheet.lanes.front()][sheet.first_level];
    if (sheet.from > 0 || sheet.to < cell)
        out += " (roles " + std::to_string(sheet.from + 1) + "\xE2\x80\x93" + std::to_string(std::min(sheet.to, cell)) +
               " of " + std::to_string(cell) + ")";
    return out;
}

Series plan_series(const PathwayGraph& graph, std::size_t capacity) {
    Series s;
    s.graph = &graph;
    s.lanes = lanes_of(graph);
    s.cells.assign(s.lanes.size(), std::vector<std::size_t>(graph.levels.size(), 0));
    for (const Role* r : graph.roles) ++s.cells[s.lane_index(r)][s.level_index(r)];
    const std::size_t last = graph.levels.empty() ? 0 : graph.levels.size() - 1;
    std::vector<std::size_t> group;
    std::size_t held = 0;
    auto flush = [&] {
        if (!group.empty()) s.sheets.push_back({0, group, 0, last, 0, static_cast<std::size_t>(-1), {}, {}});
        group.clear();
        held = 0;
    };
    for (std::size_t lane = 0; lane < s.lanes.size(); ++lane) {
        std::size_t n = roles_in(s, {lane}, 0, last);
        if (n > capacity) {
            flush();
            cut_lane(s, lane, capacity);
            continue;
        }
        if (held + n > capacity) flush();
        group.push_back(lane);
        held += n;
    }
    flush();
    fill_sheets(s);
    s.flows = flows_of(s);
    return s;
}

namespace {

/// The levels and settings a set of roles uses, in catalogue order (as select() gives a view's).
void levels_and_settings(PathwayGraph& g) {
    const Catalogue& c = *g.catalogue;
    std::set<std::string> levels, settings;
    for (const Role* r : g.roles) {
        levels.insert(r->levels.begin(), r->levels.end());
        settings.insert(r->settings.begin(), r->settings.end());
    }
    for (const auto& l : c.levels)
        if (levels.count(l.id)) g.levels.push_back(&l);
    for (const auto& st : c.settings)
        if (settings.count(st.id)) g.settings.push_back(&st);
}

}  // namespace

PathwayGraph sheet_graph(const Series& series, std::size_t index,
                         const std::function<std::string(const Role*)>& cell_of) {
    const PathwayGraph& whole = *series.graph;
    const SeriesSheet& sheet = series.sheets[index];
    PathwayGraph g;
    g.catalogue = whole.catalogue;
    g.roles = sheet.roles;
    std::set<const Role*> here(sheet.roles.begin(), sheet.roles.end());
    for (const auto& l : whole.links) {
        if (!here.count(l.from)) continue;
        if (here.count(l.to)) g.links.push_back(l);
        else g.transfers.push_back({l.from, l.to, series.sheet_of(l.to), cell_of(l.to)});
    }
    for (const auto& t : whole.transfers)
        if (here.count(t.from)) g.transfers.push_back(t);
    levels_and_settings(g);
    return g;
}

}  // namespace pathways
