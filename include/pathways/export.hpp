#pragma once
#include <string>

#include "pathways/catalogue.hpp"

namespace pathways {

/// The catalogue as JSON: title, levels, settings and roles with their links.
std::string export_json(const Catalogue& catalogue);

}  // namespace pathways
