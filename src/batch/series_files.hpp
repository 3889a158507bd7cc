#pragma once
// The files of a poster series in an output folder (#10b): `<name>-sheet-N.svg`, `.png`, … beside
// the poster's own `<name>.svg` (the overview).
#include <map>
#include <set>
#include <string>

#include "pathways/manifest.hpp"

namespace pathways {

/// Whether `file` is a sheet of a poster file in `ours` ("x-sheet-3.svg" when "x.svg" is ours).
bool is_sheet_of(const std::string& file, const std::set<std::string>& ours);

/// The index page's list of a series' sheets, from the files its last build wrote (name → hash);
/// "" for a poster that is one page.
std::string series_sheets_html(const PosterSpec& poster, const std::map<std::string, std::string>& files);

}  // namespace pathways
