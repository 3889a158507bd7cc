#include "pathways/graphviz.hpp"

#include <cstring>
#include <mutex>

namespace pathways {

namespace {

struct ContextCloser {
    void operator()(GVC_t* gvc) const { gvFreeContext(gvc); }
};

std::unique_ptr<GVC_t, ContextCloser>& context_slot() {
    static std::unique_ptr<GVC_t, ContextCloser> context;
    return context;
}

// cgraph writes through an I/O discipline; this one appends to a std::string.
int string_putstr(void* channel, const char* text) {
    static_cast<std::string*>(channel)->append(text);
    return 0;
}
int string_flush(void*) { return 0; }

Agraph_t* last_laid_out = nullptr;

}  // namespace

void layout_dot(Agraph_t* graph) {
    GVC_t* gvc = graphviz_context();
    gvFreeLayout(gvc, graph);
    gvLayout(gvc, graph, "dot");
    last_laid_out = graph;
}

void ensure_laid_out_last(Agraph_t* graph) {
    if (graph != last_laid_out) layout_dot(graph);
}

void GraphCloser::operator()(Agraph_t* g) const {
    if (!g) return;
    if (g == last_laid_out) last_laid_out = nullptr;
    if (context_slot()) gvFreeLayout(context_slot().get(), g);
    agclose(g);
}

GVC_t* graphviz_context() {
    auto& slot = context_slot();
    if (!slot) slot.reset(gvContext());
    return slot.get();
}

GraphPtr new_graph(const std::string& name, bool directed) {
    std::string copy = name;
    return GraphPtr(agopen(copy.data(), directed ? Agdirected : Agundirected, nullptr));
}

void set_attr(void* object, const char* name, std::string_view value) {
    std::string n(name), v(value), empty;
    agsafeset(object, n.data(), v.data(), empty.data());
}

std::string write_dot(Agraph_t* graph) {
    // Swap in a string-writing I/O discipline for the duration of the write.
    Agiodisc_t io = *AgDefaultDisc.io;
    io.putstr = string_putstr;
    io.flush = string_flush;
    Agiodisc_t* saved = graph->clos->disc.io;
    graph->clos->disc.io = &io;
    std::string out;
    agwrite(graph, &out);
    graph->clos->disc.io = saved;
    return out;
}

GraphPtr read_dot(const std::string& text) { return GraphPtr(agmemread(text.c_str())); }

}  // namespace pathways
