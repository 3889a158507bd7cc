#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pathways/back_page.hpp"
#include "pathways/catalogue.hpp"
#include "pathways/diagnostics.hpp"
#include "pathways/poster.hpp"
#include "pathways/series_poster.hpp"
#include "pathways/poster_guard.hpp"
#include "pathways/style.hpp"
#include "pathways/view.hpp"
#include "pathways/yaml_reader.hpp"

namespace pathways {


/// Every poster also gets a small PNG for the index page: `<name>.thumb.png`.
inline constexpr const char* kThumbnailSuffix = ".thumb.png";
/// A poster with `tile: A4` (or A3) also gets its office tiles: `<name>.tiles.pdf`.
inline constexpr const char* kTilesSuffix = ".tiles.pdf";
/// The longer side of a thumbnail, in pixels.
inline constexpr double kThumbnailPixels = 420;

/// One poster a manifest asks for: what it shows, on what page, written as which files.
struct PosterSpec {
    std::string name;                      // the output file stem
    std::string title;                     // empty: the default (see poster_title)
    std::string catalogue;                 // key into Manifest::catalogues
    std::string style;                     // style file path (resolved): its own or the manifest's
    Location style_at;                     // where its style was named
    View view;
    std::vector<LocatedString> view_ids;   // the view's ids as written, for located checks
    Location view_at;                      // where the view was written (or the poster, if not given)
    std::string page;                      // A0..A4; empty: the style's
    std::optional<bool> landscape;         // unset: the style's
    std::vector<OutputFormat> formats;     // in the order written, no repeats
    double dpi = 150;                      // for PNG
    LayoutMode layout = LayoutMode::Auto;  // `layout:` pathway, framework or auto
    SeriesMode series = SeriesMode::Auto;  // `series:` off keeps one page even with text under the floor
    std::optional<PrintOptions> print;     // `print:` bleed and marks of its PDF; unset: the style's
    std::string url;                       // `url:` "find out more", printed as a QR code; empty: the catalogue's
    std::string tile;                      // `tile:` A4 or A3: also <name>.tiles.pdf; empty: no tiles
    Location where;                        // the poster's entry
    Location catalogue_at;                 // where its catalogue was named (or the entry)
    // Issue 17.
    std::string subtitle;                  // empty: the default (see poster_subtitle)
    BackPage back = BackPage::Auto;        // its back page: the PDF's second page, <name>-back.svg/.png
    bool back_pages = false;               // `back` resolved against its catalogue (make_build_plan)
    double column_px = 0;                  // embed-svg: the column it is read in (0: kEmbedColumnPx)

    /// The file names this poster writes (in its output folder): each format's, the tiles (if
    /// asked for), then the thumbnail.
    std::vector<std::string> files() const;
    /// A stable text form of everything in the entry that affects its files (for the build key);
    /// its catalogue and style count through their bytes, not their names.
    std::string canonical() const;
};

/// A catalogue file named by a manifest.
struct CatalogueRef {
    std::string path;  // resolved against the manifest's folder
    Location where;
};

/// A set of posters to build: catalogues, style, output folder and the posters. Loaded from a
/// manifest YAML file; relative paths in it are taken from the manifest file's folder.
struct Manifest {
    std::string file;
    std::string title;                             // heading of the index page; empty: a default
    std::map<std::string, CatalogueRef> catalogues;  // by key
    std::string style;                             // resolved path
    Location style_at;
    std::string output;                            // resolved folder path
    std::vector<PosterSpec> posters;               // in manifest order

    const PosterSpec* poster(const std::string& name) const;
};

/// Reads a manifest, reporting every problem located (unknown keys, types, bad names, duplicate
/// output files, ...). Does not open the catalogues: see load_build_plan.
std::optional<Manifest> load_manifest(const std::string& path, Diagnostics& diags);

/// As load_manifest, from text already in memory; `file` names it in messages and its folder
/// resolves relative paths.
std::optional<Manifest> parse_manifest(std::string_view text, const std::string& file, Diagnostics& diags);

/// A catalogue or style loaded for a build, with the bytes it was read from (for the build key).
template <typename T>
struct LoadedInput {
    std::string path;
    std::string bytes;
    T value;
};

/// A manifest with its catalogues and styles loaded and every view checked against its catalogue.
struct BuildPlan {
    Manifest manifest;
    // unique_ptr: PathwayGraphs point into catalogues, which must not move.
    std::map<std::string, std::unique_ptr<LoadedInput<Catalogue>>> catalogues;  // by manifest key
    std::map<std::string, std::unique_ptr<LoadedInput<Style>>> styles;          // by path
    ReadabilityPolicy readability;  // how each poster's readability is judged (#15; set by `build`)

    const LoadedInput<Catalogue>& catalogue_of(const PosterSpec& poster) const;
    const LoadedInput<Style>& style_of(const PosterSpec& poster) const;
};

/// Loads the manifest's catalogues and styles and checks each poster's view: unknown settings,
/// levels and roles are reported at their place in the manifest, as is a view that selects no role.
std::optional<BuildPlan> make_build_plan(Manifest manifest, Diagnostics& diags);

/// load_manifest then make_build_plan.
std::optional<BuildPlan> load_build_plan(const std::string& manifest_path, Diagnostics& diags);

/// The title a poster of `view` gets when it is given none: the catalogue's for the whole of it;
/// for a setting, level or reachable-from view the catalogue's with what the view shows ("…: Primary
/// care"); "Your route: from … to …" for a route; the story's own title for a story.
std::string view_title(const View& view, const Catalogue& catalogue);

/// The poster's title: its own, else view_title.
std::string poster_title(const PosterSpec& poster, const Catalogue& catalogue);

/// The subtitle a poster of `view` gets when it is given none: the catalogue's for the whole of it,
/// else one saying what the view shows ("Roles found in Secondary Care and where each can lead").
std::string view_subtitle(const View& view, const Catalogue& catalogue);

/// The poster's subtitle: its own, else view_subtitle.
std::string poster_subtitle(const PosterSpec& poster, const Catalogue& catalogue);

/// What the view shows, in words: "All roles", "Primary care", "Roles reachable from Nurse", ...
std::string describe_view(const View& view, const Catalogue& catalogue);

}  // namespace pathways
