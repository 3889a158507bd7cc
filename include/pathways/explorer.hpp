#pragma once
// The career pathway explorer: one self-contained HTML page per poster (the map, the roles by
// level, search, filters, a route finder and stories), written with everything inline and a strict
// Content-Security-Policy, so it works from a USB stick with no network.
#include <string>
#include <string_view>

#include "pathways/poster.hpp"

namespace pathways {

/// The data the explorer's script reads, as JSON: the graph's roles (with summaries, aliases, pay
/// bands, safe urls and progressions within the graph), levels, settings with their colours in
/// `style`, and stories. Every '<' is written as \u003c, so the JSON can sit in a <script> block.
std::string explorer_data_json(const PathwayGraph& graph, const Style& style);

/// The whole explorer page for `poster` (drawn from `graph` in `style`); `id_prefix` prefixes the
/// map's SVG ids.
std::string render_explorer(const Poster& poster, const PathwayGraph& graph, const Style& style,
                            const std::string& id_prefix);

/// "'sha256-BASE64'": the Content-Security-Policy source that allows exactly this inline text.
std::string csp_hash(std::string_view text);

}  // namespace pathways
