#include "pathways/manifest.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <sstream>

#include "pathways/poster.hpp"
#include "pathways/route.hpp"

namespace pathways {

namespace fs = std::filesystem;

std::vector<std::string> PosterSpec::files() const {
    std::vector<std::string> out;
    for (auto f : formats) out.push_back(name + format_suffix(f));
    if (!tile.empty()) out.push_back(name + kTilesSuffix);
    out.push_back(name + kThumbnailSuffix);
    for (auto f : formats)  // issue 17: the back page of a picture (the PDF's is its second page)
        if (back_pages && (f == OutputFormat::Svg || f == OutputFormat::Png))
            out.push_back(back_file_name(name + format_suffix(f)));
    return out;
}

std::string PosterSpec::canonical() const {
    // One field per line, each value length-prefixed so no two entries can serialise alike.
    std::ostringstream s;
    auto field = [&](const char* key, const std::string& value) { s << key << ' ' << value.size() << ':' << value << '\n'; };
    // The catalogue and style are not named here: the build key hashes their bytes instead, so a
    // renamed or moved file with the same content rebuilds nothing.
    field("name", name);
    field("title", title);
    const char* kinds[] = {"all", "settings", "levels", "reachable_from", "route", "story"};
    field("view", kinds[static_cast<int>(view.kind)]);
    for (const auto& id : view.ids) field("view-id", id);
    field("page", page);
    field("orientation", !landscape ? "" : *landscape ? "landscape" : "portrait");
    for (auto f : formats) field("format", format_name(f));
    std::ostringstream d;
    d.precision(17);
    d << dpi;
    field("dpi", d.str());
    if (layout != LayoutMode::Auto) field("layout", to_string(layout));  // absent: keys of older builds hold
    if (print) {
        d.str("");
        d << print->bleed_mm << (print->marks ? " marks" : "");
        field("print", d.str());
    }
    if (!url.empty()) field("url", url);
    if (!tile.empty()) field("tile", tile);
    field("subtitle", subtitle);
    field("back", back_page_name(back));
    field("back-pages", back_pages ? "yes" : "no");
    d.str("");
    d << column_px;
    field("column-px", d.str());
    d.str("");
    d << kThumbnailPixels;
    field("thumbnail", d.str());
    if (series == SeriesMode::Off) field("series", "off");  // only when set, so older build keys still hold
    return s.str();
}

const PosterSpec* Manifest::poster(const std::string& name) const {
    for (const auto& p : posters)
        if (p.name == name) return &p;
    return nullptr;
}

namespace {

/// A manifest path taken from the manifest file's folder (absolute paths kept), tidied.
std::string resolve(const std::string& manifest_file, const std::string& path) {
    fs::path p(path);
    if (p.is_absolute()) return p.lexically_normal().string();
    fs::path base = fs::path(manifest_file).parent_path();
    std::string out = (base / p).lexically_normal().string();
    if (out.size() > 1 && out.back() == '/') out.pop_back();
    return out.empty() ? "." : out;
}

/// A poster name is a file stem: letters, digits, '.', '_' and '-', not starting with '.'.
bool is_valid_name(const std::string& name) {
    if (name.empty() || name.size() > 100 || !std::isalnum(static_cast<unsigned char>(name[0]))) return false;
    return std::all_of(name.begin(), name.end(), [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.';
    });
}

std::string lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

/// `{route: {from: ROLE, to: ROLE}}` or `{story: ID}`: the ids, located (checked against the
/// catalogue by make_build_plan).
void read_focus_view(MapReader& vm, PosterSpec& p, const std::string& what, const std::string& key) {
    Diagnostics& diags = vm.diags();
    if (key == "story") {
        p.view.kind = View::Kind::Story;
        std::string id = vm.text("story", true);
        if (!id.empty()) p.view_ids.push_back({id, vm.where("story")});
        return;
    }
    p.view.kind = View::Kind::Route;
    MapReader rm(vm.get("route"), "the route of " + what, vm.file(), diags, {"from", "to"});
    if (!rm.is_map()) return;
    std::string from = rm.text("from", true), to = rm.text("to", true);
    if (from.empty() || to.empty()) return;
    p.view_ids.push_back({from, rm.where("from")});
    p.view_ids.push_back({to, rm.where("to")});
    if (from == to)
        diags.error(rm.where("to"), "the route of " + what + " starts and ends at '" + from +
                                        "'; give two different roles");
}

/// Issue 17: a poster's `subtitle:`, `back: auto|on|off` and `column_px:` (the embeddable SVG's column).
void read_reader_keys(MapReader& pm, PosterSpec& p, const std::string& what) {
    p.subtitle = pm.text("subtitle", false);
    std::string back = pm.text("back", false);
    if (back == "on") p.back = BackPage::On;
    else if (back == "off") p.back = BackPage::Off;
    else if (!back.empty() && back != "auto")
        pm.diags().error(pm.where("back"), "back of " + what + " must be 'auto', 'on' or 'off', not '" + back + "'" +
                                                did_you_mean(back, {"auto", "on", "off"}));
    if (auto px = pm.number("column_px", false)) {
        if (*px < 100 || *px > 4000)
            pm.diags().error(pm.where("column_px"), "column_px of " + what + " must be between 100 and 4000 (CSS pixels)");
        else
            p.column_px = *px;
    }
}

/// Issue 17: whether each poster gets back pages (its `back` against its catalogue's content).
void resolve_back_pages(BuildPlan& plan) {
    for (auto& p : plan.manifest.posters) {
        auto it = plan.catalogues.find(p.catalogue);
        p.back_pages = it != plan.catalogues.end() && it->second && wants_back(p.back, it->second->value);
    }
}

void read_view(MapReader& m, PosterSpec& p, const std::string& what) {
    Diagnostics& diags = m.diags();
    p.view_at = m.where();
    if (!m.has("view")) return;  // all roles
    YAML::Node v = m.get("view");
    p.view_at = location_of(m.file(), v);
    if (v.IsScalar()) {
        std::string word = v.Scalar();
        if (word != "all")
            diags.error(p.view_at, "unknown view '" + word + "' in " + what +
                                       "; write 'all' or one of {settings: [...]}, {levels: [...]}, "
                                       "{reachable_from: role}, {route: {from: role, to: role}}, {story: id}" +
                                       did_you_mean(word, {"all"}));
        return;
    }
    MapReader vm(v, "the view of " + what, m.file(), diags, {"settings", "levels", "reachable_from", "route", "story"});
    if (!vm.is_map()) return;
    std::vector<std::string> given;
    for (const char* k : {"settings", "levels", "reachable_from", "route", "story"})
        if (vm.has(k)) given.push_back(k);
    if (given.empty()) {
        diags.error(p.view_at, "the view of " + what + " selects nothing; give one of 'settings', 'levels', "
                                                       "'reachable_from', 'route' or 'story'");
        return;
    }
    if (given.size() > 1) {
        diags.error(vm.where(given[1]), "the view of " + what + " has both '" + given[0] + "' and '" + given[1] +
                                            "'; a view selects by one of them");
        return;
    }
    const std::string& key = given[0];
    if (key == "route" || key == "story") {
        read_focus_view(vm, p, what, key);
    } else if (key == "reachable_from") {
        p.view.kind = View::Kind::ReachableFrom;
        std::string id = vm.text(key, true);
        if (!id.empty()) p.view_ids.push_back({id, vm.where(key)});
    } else {
        p.view.kind = key == "settings" ? View::Kind::Settings : View::Kind::Levels;
        std::size_t before = diags.errors();
        p.view_ids = vm.text_list(key, true);
        if (p.view_ids.empty() && diags.errors() == before)
            diags.error(vm.where(key), "'" + key + "' in the view of " + what + " must list at least one id");
        std::set<std::string> seen;
        for (const auto& id : p.view_ids)
            if (!seen.insert(id.value).second)
                diags.error(id.where, "the view of " + what + " lists '" + id.value + "' twice");
    }
    for (const auto& id : p.view_ids) p.view.ids.push_back(id.value);
}

/// Reads a poster's optional `layout:` (pathway, framework or auto), reporting any other word.
void read_layout(MapReader& m, PosterSpec& p, const std::string& what) {
    std::string word = m.text("layout", false);
    if (word.empty()) return;
    if (auto mode = layout_mode(word))
        p.layout = *mode;
    else
        m.diags().error(m.where("layout"), "layout of " + what + " must be 'pathway', 'framework' or 'auto', not '" +
                                               word + "'" + did_you_mean(word, {"pathway", "framework", "auto"}));
}

/// `series: auto|off` (#10b): whether a poster too big to read on one page becomes a series.
void read_series(MapReader& m, PosterSpec& p, const std::string& what) {
    std::string mode = m.text("series", false);
    if (mode.empty() || mode == "auto") return;
    if (mode == "off") p.series = SeriesMode::Off;
    else
        m.diags().error(m.where("series"), "series of " + what + " must be 'auto' or 'off', not '" + mode + "'" +
                                               did_you_mean(mode, {"auto", "off"}));
}

void read_formats(MapReader& m, PosterSpec& p, const std::string& what) {
    if (!m.has("formats")) {
        p.formats = {OutputFormat::Pdf, OutputFormat::Svg, OutputFormat::Png};
        return;
    }
    std::vector<std::string> known;
    for (auto f : {OutputFormat::Pdf, OutputFormat::Svg, OutputFormat::Png, OutputFormat::EmbedSvg, OutputFormat::Json,
                   OutputFormat::Dot, OutputFormat::Html})
        known.push_back(format_name(f));
    std::size_t before = m.diags().errors();
    auto list = m.text_list("formats", true);
    if (list.empty() && m.diags().errors() == before)
        m.diags().error(m.where("formats"), "'formats' of " + what + " must list at least one of pdf, svg, png, embed-svg, json, dot, html");
    for (const auto& item : list) {
        std::string f = lower(item.value);
        auto it = std::find(known.begin(), known.end(), f);
        if (it == known.end()) {
            m.diags().error(item.where, "unknown format '" + item.value + "' in " + what +
                                            " (use pdf, svg, png, embed-svg, json, dot or html)" + did_you_mean(f, known));
            continue;
        }
        auto format = static_cast<OutputFormat>(it - known.begin());
        if (std::find(p.formats.begin(), p.formats.end(), format) != p.formats.end())
            m.diags().error(item.where, what + " lists format '" + f + "' twice");
        else
            p.formats.push_back(format);
    }
}

/// Issue 13's fields of a poster: `print:` (bleed and marks), `url:` (the QR code's) and `tile:`
/// (A4 or A3 office tiles, any case), each checked and located.
void read_print_fields(MapReader& m, PosterSpec& p, const std::string& what) {
    p.print = read_print_options(m, what);
    p.url = m.text("url", false);
    if (!p.url.empty() && !is_safe_url(p.url))
        m.diags().error(m.where("url"), "url '" + p.url + "' of " + what +
                                            " is not allowed: only https:, http: and mailto: links may be used");
    const std::string written = m.text("tile", false);
    std::string tile = written;
    for (auto& ch : tile) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (tile == "A4" || tile == "A3")
        p.tile = tile;
    else if (!tile.empty())
        m.diags().error(m.where("tile"), "tile of " + what + " must be A4 or A3 (the office paper the poster is "
                                         "split across), not '" + written + "'");
}

}  // namespace

namespace {

/// Catalogues: one file (`catalogue: path`) or several by key (`catalogues: {key: path}`).
void read_catalogue_paths(MapReader& top, Manifest& m) {
    Diagnostics& diags = top.diags();
    const std::string& file = m.file;
    if (top.has("catalogue") && top.has("catalogues")) {
        diags.error(top.where("catalogues"), "the manifest has both 'catalogue' and 'catalogues'; use one");
        return;
    }
    if (top.has("catalogue")) {
        std::string path = top.text("catalogue", true);
        if (!path.empty()) m.catalogues["catalogue"] = {resolve(file, path), top.where("catalogue")};
        return;
    }
    if (!top.has("catalogues")) {
        diags.error(top.where(), "the manifest is missing required key 'catalogues' (or 'catalogue')");
        return;
    }
    YAML::Node cats = top.get("catalogues");
    if (!cats.IsMap() || cats.size() == 0) {
        diags.error(top.where("catalogues"),
                    "'catalogues' must map short names to catalogue files, e.g. {ncl: ncl-career-pathways.yaml}, not " +
                        describe(cats));
        return;
    }
    for (auto it = cats.begin(); it != cats.end(); ++it) {
        Location at = location_of(file, it->first);
        std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
        if (!is_valid_id(key)) {
            diags.error(at, "catalogue name '" + key +
                                "' must use only lower-case letters, digits and hyphens, starting with a letter");
        } else if (!it->second.IsScalar() || it->second.Scalar().empty()) {
            diags.error(location_of(file, it->second),
                        "catalogue '" + key + "' must be a file path, not " + describe(it->second));
        } else {
            m.catalogues[key] = {resolve(file, it->second.Scalar()), location_of(file, it->second)};
        }
    }
}

/// The poster's catalogue key: named, or the only one the manifest has.
void read_poster_catalogue(MapReader& pm, const Manifest& m, PosterSpec& p, const std::string& what) {
    p.catalogue_at = pm.where("catalogue");
    if (pm.has("catalogue")) {
        p.catalogue = pm.text("catalogue", true);
        if (p.catalogue.empty() || m.catalogues.empty() || m.catalogues.count(p.catalogue)) return;
        std::vector<std::string> keys;
        for (const auto& [k, _] : m.catalogues) keys.push_back(k);
        std::string hint = did_you_mean(p.catalogue, keys);
        if (hint.empty()) {
            for (const auto& k : keys) hint += (hint.empty() ? " (use one of: " : ", ") + k;
            hint += ")";
        }
        pm.diags().error(p.catalogue_at, what + " names unknown catalogue '" + p.catalogue + "'" + hint);
    } else if (m.catalogues.size() == 1) {
        p.catalogue = m.catalogues.begin()->first;
    } else if (m.catalogues.size() > 1) {
        pm.diags().error(p.where, what + " must name its catalogue: the manifest has several");
    }
}

/// The poster's style file: its own, or the manifest's.
void read_poster_style(MapReader& pm, const Manifest& m, PosterSpec& p) {
    if (pm.has("style")) {
        std::string s = pm.text("style", true);
        if (!s.empty()) p.style = resolve(m.file, s);
        p.style_at = pm.where("style");
    }
    if (p.style.empty()) {
        p.style = m.style;
        p.style_at = m.style_at;
    }
}

/// The poster's paper: `page`, `orientation` and `dpi`.
void read_paper(MapReader& pm, PosterSpec& p, const std::string& what) {
    Diagnostics& diags = pm.diags();
    p.page = pm.text("page", false);
    if (!p.page.empty()) {
        std::string up = p.page;
        for (auto& ch : up) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (paper_size(up))
            p.page = up;
        else
            diags.error(pm.where("page"), "unknown page size '" + p.page + "' in " + what + " (use A0, A1, A2, A3 or A4)");
    }
    std::string orientation = pm.text("orientation", false);
    if (orientation == "landscape")
        p.landscape = true;
    else if (orientation == "portrait")
        p.landscape = false;
    else if (!orientation.empty())
        diags.error(pm.where("orientation"), "orientation of " + what + " must be 'landscape' or 'portrait', not '" +
                                                 orientation + "'" + did_you_mean(orientation, {"landscape", "portrait"}));
    if (auto dpi = pm.number("dpi", false)) {
        if (*dpi < 10 || *dpi > 1200)
            diags.error(pm.where("dpi"), "dpi of " + what + " must be between 10 and 1200");
        else
            p.dpi = *dpi;
    }
}

/// Which poster writes each output file (lower-cased: file systems may be case-blind), and where
/// that poster is named: two posters must not write the same file.
class FileClaims {
public:
    explicit FileClaims(std::string output) : output_(std::move(output)) {}

    /// Claims the poster's files, reporting the first one another poster already claimed.
    void claim(const PosterSpec& p, const Location& name_at, const std::string& what, Diagnostics& diags) {
        for (const auto& f : p.files()) {
            auto [it, inserted] = writers_.emplace(lower(f), std::make_pair(p.name, name_at));
            if (inserted) continue;
            const auto& [other, other_at] = it->second;
            std::string shown = (fs::path(output_) / f).string();
            if (other == p.name)
                diags.error(name_at, "two posters are named '" + p.name + "' (first at line " +
                                         std::to_string(other_at.line) + "); both would write " + shown);
            else
                diags.error(name_at, what + " would write " + shown + ", which poster '" + other + "' (line " +
                                         std::to_string(other_at.line) + ") also writes" +
                                         (lower(other) == lower(p.name) ? " (names differ only in case)" : ""));
            return;
        }
    }

private:
    std::string output_;
    std::map<std::string, std::pair<std::string, Location>> writers_;
};

/// How a poster entry is named in messages: by its name when it has one.
std::string poster_label(const YAML::Node& node) {
    if (!node.IsMap()) return "poster";
    YAML::Node n = node["name"];
    return n.IsDefined() && n.IsScalar() ? "poster '" + n.Scalar() + "'" : "poster";
}

/// Reads one entry of `posters:`; nothing when it is not a mapping.
std::optional<PosterSpec> read_poster(const YAML::Node& node, const Manifest& m, FileClaims& claims,
                                      Diagnostics& diags) {
    std::string what = poster_label(node);
    MapReader pm(node, what, m.file, diags,
                 {"name", "title", "catalogue", "style", "view", "page", "orientation", "formats", "dpi", "layout",
                  "series", "print", "url", "tile", "subtitle", "back", "column_px"});
    if (!pm.is_map()) return std::nullopt;
    PosterSpec p;
    p.where = pm.where();
    p.name = pm.text("name", true);
    Location name_at = pm.where("name");
    if (!p.name.empty() && !is_valid_name(p.name))
        diags.error(name_at, "poster name '" + p.name +
                                 "' must be a file name stem: letters, digits, '.', '_' and '-', starting with a "
                                 "letter or digit");
    p.title = pm.text("title", false);
    read_reader_keys(pm, p, what);
    read_poster_catalogue(pm, m, p, what);
    read_poster_style(pm, m, p);
    read_view(pm, p, what);
    read_paper(pm, p, what);
    read_formats(pm, p, what);
    read_layout(pm, p, what);
    read_series(pm, p, what);
    read_print_fields(pm, p, what);
    if (!p.name.empty()) claims.claim(p, name_at, what, diags);
    return p;
}

/// Reads as much of a manifest as it can (errors reported); nothing only when it is not a mapping.
std::optional<Manifest> read_manifest(std::string_view text, const std::string& file, Diagnostics& diags) {
    auto root = parse_yaml(text, file, diags);
    if (!root) return std::nullopt;
    MapReader top(*root, "the manifest", file, diags,
                  {"title", "catalogue", "catalogues", "style", "output", "posters"});
    if (!top.is_map()) return std::nullopt;

    Manifest m;
    m.file = file;
    m.title = top.text("title", false);
    read_catalogue_paths(top, m);
    std::string style = top.text("style", true);
    if (!style.empty()) m.style = resolve(file, style);
    m.style_at = top.where("style");
    std::string output = top.text("output", true);
    if (!output.empty()) m.output = resolve(file, output);

    std::size_t before_posters = diags.errors();
    auto posters = top.map_list("posters", true);
    if (top.has("posters") && posters.empty() && diags.errors() == before_posters)
        diags.error(top.where("posters"), "'posters' must list at least one poster");
    FileClaims claims(m.output);
    for (const auto& node : posters)
        if (auto p = read_poster(node, m, claims, diags)) m.posters.push_back(std::move(*p));
    return m;
}

}  // namespace

std::optional<Manifest> parse_manifest(std::string_view text, const std::string& file, Diagnostics& diags) {
    std::size_t errors_before = diags.errors();
    auto m = read_manifest(text, file, diags);
    if (diags.errors() > errors_before) return std::nullopt;
    return m;
}

std::optional<Manifest> load_manifest(const std::string& path, Diagnostics& diags) {
    auto text = read_text_file(path, diags);
    if (!text) return std::nullopt;
    return parse_manifest(*text, path, diags);
}

const LoadedInput<Catalogue>& BuildPlan::catalogue_of(const PosterSpec& p) const { return *catalogues.at(p.catalogue); }

const LoadedInput<Style>& BuildPlan::style_of(const PosterSpec& p) const { return *styles.at(p.style); }

namespace {

/// A route view must have a route: else an error at the view saying what FROM reaches.
void check_route(const PosterSpec& p, const Catalogue& c, const std::string& what, Diagnostics& diags) {
    if (p.view.ids.size() != 2 || p.view.ids[0] == p.view.ids[1]) return;
    const Role* from = c.role(p.view.ids[0]);
    const Role* to = c.role(p.view.ids[1]);
    if (!from || !to || find_routes(c, *from, *to).found()) return;
    std::vector<const Role*> reach = reachable_from(c, *from);
    diags.error(p.view_at, "the route of " + what + " has no way from " + from->name + " to " + to->name + " in " +
                               c.file + " (" + from->name + " leads to " + std::to_string(reach.size()) +
                               (reach.size() == 1 ? " role" : " roles") + ", not that one)");
}

/// Loads what the manifest names and checks the views; the plan, complete only if no errors were added.
BuildPlan plan_for(Manifest manifest, Diagnostics& diags) {
    BuildPlan plan;
    // Only the catalogues and styles some poster uses are read.
    std::set<std::string> used_catalogues, used_styles;
    for (const auto& p : manifest.posters) {
        if (!p.catalogue.empty()) used_catalogues.insert(p.catalogue);
        if (!p.style.empty()) used_styles.insert(p.style);
    }
    auto read_bytes = [&](const std::string& path, const Location& named_at, const char* what) -> std::optional<std::string> {
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) {
            diags.error(named_at, std::string("cannot open ") + what + " '" + path + "'" +
                                      (fs::exists(path, ec) ? " (it is not a file)" : " (no such file)"));
            return std::nullopt;
        }
        return read_text_file(path, diags);
    };
    for (const auto& [key, ref] : manifest.catalogues) {
        if (!used_catalogues.count(key)) continue;
        auto bytes = read_bytes(ref.path, ref.where, "catalogue");
        if (!bytes) continue;
        auto c = parse_catalogue(*bytes, ref.path, diags);
        if (!c) continue;
        plan.catalogues[key] = std::make_unique<LoadedInput<Catalogue>>(
            LoadedInput<Catalogue>{ref.path, std::move(*bytes), std::move(*c)});
    }
    for (const auto& path : used_styles) {
        Location at = manifest.style_at;
        for (const auto& p : manifest.posters)
            if (p.style == path) {
                at = p.style_at;
                break;
            }
        auto bytes = read_bytes(path, at, "style");
        if (!bytes) continue;
        auto s = load_style(path, diags);
        if (!s) continue;
        plan.styles[path] = std::make_unique<LoadedInput<Style>>(LoadedInput<Style>{path, std::move(*bytes), std::move(*s)});
    }

    // Views against their catalogues.
    for (const auto& p : manifest.posters) {
        auto it = plan.catalogues.find(p.catalogue);
        if (it == plan.catalogues.end()) continue;
        const Catalogue& c = it->second->value;
        std::string what = "poster '" + p.name + "'";
        std::vector<std::string> known;
        const char* kind = "";
        switch (p.view.kind) {
            case View::Kind::All: break;
            case View::Kind::Settings:
                kind = "setting";
                for (const auto& s : c.settings) known.push_back(s.id);
                break;
            case View::Kind::Levels:
                kind = "level";
                for (const auto& l : c.levels) known.push_back(l.id);
                break;
            case View::Kind::ReachableFrom:
            case View::Kind::Route:
                kind = "role";
                for (const auto& r : c.roles) known.push_back(r.id);
                break;
            case View::Kind::Story:
                kind = "story";
                for (const auto& st : c.stories) known.push_back(st.id);
                break;
        }
        bool ok = true;
        for (const auto& id : p.view_ids) {
            if (std::find(known.begin(), known.end(), id.value) != known.end()) continue;
            ok = false;
            diags.error(id.where, "unknown " + std::string(kind) + " '" + id.value + "' in the view of " + what +
                                      " (catalogue " + c.file + ")" + did_you_mean(id.value, known));
        }
        if (ok && select(c, p.view).roles.empty())
            diags.error(p.view_at, "the view of " + what + " selects no roles from " + c.file);
        if (ok && p.view.kind == View::Kind::Route) check_route(p, c, what, diags);
    }
    plan.manifest = std::move(manifest);
    return plan;
}

}  // namespace

std::optional<BuildPlan> make_build_plan(Manifest manifest, Diagnostics& diags) {
    std::size_t errors_before = diags.errors();
    BuildPlan plan = plan_for(std::move(manifest), diags);
    if (diags.errors() > errors_before) return std::nullopt;
    resolve_back_pages(plan);
    return plan;
}

std::optional<BuildPlan> load_build_plan(const std::string& manifest_path, Diagnostics& diags) {
    // Every problem in one run: the catalogues, styles and views are checked even when the
    // manifest itself has errors (entries too broken to check are skipped).
    std::size_t errors_before = diags.errors();
    auto text = read_text_file(manifest_path, diags);
    if (!text) return std::nullopt;
    auto m = read_manifest(*text, manifest_path, diags);
    if (!m) return std::nullopt;
    BuildPlan plan = plan_for(std::move(*m), diags);
    if (diags.errors() > errors_before) return std::nullopt;
    resolve_back_pages(plan);
    return plan;
}

namespace {
std::string join_names(const std::vector<std::string>& names) {
    std::string s;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) s += i + 1 == names.size() ? " and " : ", ";
        s += names[i];
    }
    return s;
}
}  // namespace

std::string describe_view(const View& view, const Catalogue& c) {
    std::vector<std::string> names;
    switch (view.kind) {
        case View::Kind::All: return "All roles";
        case View::Kind::Settings:
            for (const auto& id : view.ids) names.push_back(c.setting(id) ? c.setting(id)->name : id);
            return join_names(names);
        case View::Kind::Levels:
            for (const auto& id : view.ids) {
                int i = c.level_index(id);
                names.push_back(i >= 0 ? c.levels[static_cast<std::size_t>(i)].name : id);
            }
            return join_names(names);
        case View::Kind::ReachableFrom:
            for (const auto& id : view.ids) names.push_back(c.role(id) ? c.role(id)->name : id);
            return "Where " + join_names(names) + " can lead";
        case View::Kind::Route:
            for (const auto& id : view.ids) names.push_back(c.role(id) ? c.role(id)->name : id);
            return names.size() == 2 ? "From " + names[0] + " to " + names[1] : join_names(names);
        case View::Kind::Story:
            if (const Story* s = view.ids.empty() ? nullptr : find_story(c, view.ids[0])) return s->name + ": " + s->title;
            return view.ids.empty() ? "" : view.ids[0];
    }
    return {};
}

std::string view_title(const View& view, const Catalogue& c) {
    std::string words = describe_view(view, c);
    switch (view.kind) {
        case View::Kind::All: return c.title;
        case View::Kind::Story: return words;
        case View::Kind::Route:
            if (!words.empty()) words[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(words[0])));
            return "Your route: " + words;
        default: return c.title + ": " + words;
    }
}

std::string view_subtitle(const View& view, const Catalogue& c) {
    switch (view.kind) {
        case View::Kind::All: return c.subtitle;
        case View::Kind::Settings: return "Roles found in " + describe_view(view, c) + " and where each can lead";
        case View::Kind::Levels: return "Roles at " + describe_view(view, c) + " and where each can lead";
        case View::Kind::ReachableFrom: return "Every role it can lead to, step by step, from " + c.title;
        case View::Kind::Route: return "The shortest routes between the two roles, highlighted on the whole map";
        case View::Kind::Story: return "A career story, step by step, on the map of " + c.title;
    }
    return c.subtitle;
}

std::string poster_title(const PosterSpec& p, const Catalogue& c) { return p.title.empty() ? view_title(p.view, c) : p.title; }

std::string poster_subtitle(const PosterSpec& p, const Catalogue& c) {
    return p.subtitle.empty() ? view_subtitle(p.view, c) : p.subtitle;
}

}  // namespace pathways
