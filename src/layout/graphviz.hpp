#pragma once
#include <memory>
#include <string>
#include <string_view>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

namespace pathways {

// The Graphviz context and graph handles, shared by the layout stage only (nothing outside
// src/layout includes this).

/// Closes a cgraph graph (and frees its layout, if any).
struct GraphCloser {
    void operator()(Agraph_t* g) const;
};

/// An owned cgraph graph.
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

/// The process's single Graphviz context. gvc keeps global state and is not thread-safe:
/// call it from one thread only (the build runs posters in worker processes).
GVC_t* graphviz_context();

/// Runs dot on `graph`; throws LayoutError when Graphviz reports an error. Graphviz keeps attribute
/// handles of the graph it last laid out in globals that rendering uses, so a graph must be the
/// last one laid out when it is rendered: ensure_laid_out_last re-runs the (deterministic) layout
/// when another graph came since.
void layout_dot(Agraph_t* graph);
void ensure_laid_out_last(Agraph_t* graph);

/// A new, empty, strict-free graph; directed unless said otherwise.
GraphPtr new_graph(const std::string& name, bool directed = true);

/// Sets an attribute on a graph, node or edge, declaring it with an empty default if needed.
void set_attr(void* object, const char* name, std::string_view value);

/// Text for a Graphviz label attribute: backslashes doubled, since Graphviz reads `\n`, `\l`,
/// `\N`... in labels as escapes (a name ending in a backslash would otherwise eat the closing quote).
std::string escape_label(std::string_view text);

/// Throws LayoutError saying `what` failed, with Graphviz's last message when it kept one.
[[noreturn]] void graphviz_failed(const std::string& what);

/// The graph written in DOT by cgraph's agwrite; throws LayoutError when agwrite fails.
std::string write_dot(Agraph_t* graph);

/// A graph read back from DOT text by cgraph's agmemread.
GraphPtr read_dot(const std::string& text);

}  // namespace pathways
