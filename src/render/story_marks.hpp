#pragma once
#include "pathways/poster.hpp"

namespace pathways {

/// For a story poster (its graph's focus is a story), fills `p.marks` from its laid-out drawing:
/// a numbered badge at each step — at the top-left corner of the step's role box, or on the
/// marker the layout placed in the level's band for a job the catalogue does not have — and the
/// trail through them in order. Other posters are left without marks.
void add_story_marks(Poster& p, const PathwayGraph& graph, const Style& style);

}  // namespace pathways
