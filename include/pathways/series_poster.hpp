#pragma once
// Poster series (#10 part 2): when no shape fits a view on one page with role names at the floor,
// the view is cut into sheets (series.hpp) and drawn as an overview page and one page per sheet.
#include <map>
#include <string>
#include <vector>

#include "pathways/poster.hpp"
#include "pathways/series.hpp"

namespace pathways {

/// Whether a poster may become a series (`series:` in a manifest, `--series` on render).
enum class SeriesMode { Auto, Off };

/// A view drawn as one poster, or as a series: the overview, then a page per sheet.
struct PosterSeries {
    std::string why;                   // why it was split ("" when it fits one page)
    Series plan;                       // no sheets when it fits one page
    std::vector<PathwayGraph> graphs;  // what each sheet draws
    std::vector<Poster> pages;         // the one poster; or the overview, then the sheets in order
    std::map<const Role*, std::string> cells;  // each role's grid cell on its sheet ("C2")
    PosterOptions options;             // as composed (the explorer page of a series lays out the whole view)

    bool split() const { return !plan.sheets.empty(); }
};

/// About how many roles one sheet on `paper` holds with role names at the floor (the shipped NCL
/// catalogue, 58 roles, prints at 9.4 pt on A3): about 60 on A3, 115 on A1. A plan's first guess;
/// each sheet is then composed and cut again if it still prints under the floor.
std::size_t sheet_capacity(const std::string& paper);

/// Composes `graph` on one page when role names meet the floor there (or `mode` is Off, or it is a
/// route or story view); otherwise as a series. `graph` must outlive the result.
PosterSeries compose_series(const PathwayGraph& graph, const Style& style, const PosterOptions& options,
                            SeriesMode mode);

/// One file of a series: its name (`stem`, "-sheet-N" for a sheet, the format's suffix) and bytes.
struct SeriesFile {
    std::string name, bytes;
};

/// A series' files in one format: PDF one file, a page per sheet after the overview; SVG and PNG
/// `<stem>.svg` the overview and `<stem>-sheet-N.svg` each sheet; JSON and DOT the whole view's
/// data; the explorer the whole view. A poster that was not split: one file as render_output.
std::vector<SeriesFile> render_series_output(const PosterSeries& series, const PathwayGraph& graph,
                                             const Style& style, OutputFormat format, const OutputSettings& settings,
                                             const std::string& stem);

/// The render report's words for a series: "3 sheets and an overview (200 roles would print at
/// 9.1 pt on one A1 page, under the 12.0 pt floor)"; "" for one poster.
std::string describe_series(const PosterSeries& series);

}  // namespace pathways
