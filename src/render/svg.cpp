#include "pathways/poster.hpp"

namespace pathways {

std::string render_svg(const Poster&, const Style&, const SvgOptions&) { return {}; }

}  // namespace pathways
