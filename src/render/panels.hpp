#pragma once
#include <cstddef>
#include <vector>

#include "pathways/poster.hpp"
#include "text.hpp"

namespace pathways {

/// Places panels `first`… of `panels`, in order, in the room a drawing of `dw`×`dh` leaves in
/// `area`: a strip of columns below it, or one column beside it, whichever room is larger. Puts as
/// many as it can (stopping at the first that does not fit, so the catalogue's order is its
/// priority), choosing the number of columns that fits the most. Returns the area left for the
/// drawing; the drawing centred in it sits beside the panels.
Box place_spare_panels(Poster& p, TextMeasure& measure, const Style& style, const std::vector<Panel>& panels,
                       std::size_t first, Box area, double dw, double dh, double f);

/// Issue 17: records that the page shows none of `panels` from `from` on (the back page carries
/// them, and a warning names each).
void note_panels_left_off(Poster& p, const std::vector<Panel>& panels, std::size_t from);

}  // namespace pathways
