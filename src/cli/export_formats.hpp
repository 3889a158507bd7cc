#pragma once
#include <string>

#include "pathways/catalogue.hpp"

namespace pathways::cli {

/// What `pathways export` was asked for.
struct ExportRequest {
    std::string format;  // json, dot, csv, xlsx, graphml, mermaid
    std::string view;    // "" or a manifest view (`{settings: [primary]}`)
    std::string style;   // mermaid's colours; "": styles/nhs.yaml when it can be found
    std::string output;  // "" or "-": standard output (not for xlsx)
};

/// The formats `pathways export` writes.
inline const char* const kExportFormats[] = {"json", "dot", "csv", "xlsx", "graphml", "mermaid"};

/// Writes the catalogue (cut to the view, if one is given) in the requested format; prints any
/// problem and returns the exit status.
int write_export(const Catalogue& catalogue, const ExportRequest& request);

}  // namespace pathways::cli
