#pragma once
// The back of a poster (issue 17): what the front has no room for — panels left off, the legend
// when it is incomplete — the catalogue's glossary, and an index of the roles with their aliases,
// levels, settings, pay bands and where each is on the front. Printed as the PDF's second page
// (double-sided, or as a hand-out) and written as `<name>-back.svg` / `<name>-back.png`.
#include <string>
#include <vector>

#include "pathways/poster.hpp"

namespace pathways {

/// Whether a poster gets a back page: `auto` when its catalogue holds anything the front does not
/// print (see back_has_content), `on` always, `off` never.
enum class BackPage { Auto, On, Off };

/// "auto", "on", "off".
const char* back_page_name(BackPage back);

/// Whether the catalogue holds anything only a back page prints: panels, a glossary, role
/// aliases, pay bands or summaries.
bool back_has_content(const Catalogue& catalogue);

/// Whether `back` (for a poster of `catalogue`) means a back page is made.
bool wants_back(BackPage back, const Catalogue& catalogue);

/// The file a format's back page is written to beside the front: "<name>-back.svg" for an SVG
/// or PNG (the PDF carries it as its second page: empty).
std::string back_file_name(const std::string& front_file);

/// Composes the back of `front` (composed from `graph` in `style`): same paper, header and footer,
/// the content in columns, its text shrunk towards the page's floor when it is long. What still
/// does not fit is named in the result's `left_off`.
Poster compose_back(const Poster& front, const PathwayGraph& graph, const Style& style);

/// The warnings a poster's pages call for: each panel the front left off (and where it went:
/// "on the back page", or nowhere), an incomplete legend, and everything the back had no room
/// for. `back` is null when the poster has no back page; `how` says how to ask for one.
std::vector<std::string> left_off_warnings(const Poster& front, const Poster* back,
                                           const std::string& how = "give the poster 'back: on'");

}  // namespace pathways
