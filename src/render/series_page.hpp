#pragma once
// Poster series (#10b): pieces of the render stage shared by the sheet pages and the overview.
#include "pathways/series_poster.hpp"

namespace pathways {

/// A page with the header and footer every poster has and no drawing; its drawing_area is the
/// room between them (poster.cpp).
Poster compose_frame(const PathwayGraph& graph, const Style& style, const PosterOptions& options);

/// The overview page of a series: the lanes × levels grid (roles per cell, the sheet holding it),
/// the main flows between lanes as arrows with counts, and the list of sheets (series_overview.cpp).
Poster compose_overview(const PosterSeries& series, const Style& style, const PosterOptions& options);

/// The size series furniture (grid letters, index, overview text) prints at on a page: the floor.
double series_text_size(const Poster& page);

}  // namespace pathways
