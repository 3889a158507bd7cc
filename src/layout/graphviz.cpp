#include "graphviz.hpp"

#include "pathways/layout.hpp"

#include <cstring>
#include <map>
#include <vector>

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

// cgraph's default ID discipline uses the address of each interned name as the object's ID, and
// orders subgraphs by ID: so cluster order, and with it dot's layout, changed from run to run.
// This discipline numbers names in the order they are first used (even IDs, as cgraph expects
// for named objects; anonymous objects get odd IDs), which makes layouts reproducible.
struct IdState {
    Agraph_t* graph;
    std::vector<char*> names;  // interned with agstrdup, as cgraph's printers expect
    std::map<std::string, IDTYPE, std::less<>> ids;
    IDTYPE next_anonymous = 1;
};

void* ids_open(Agraph_t* g, Agdisc_t*) { return new IdState{g, {}, {}, 1}; }

long ids_map(void* state, int, char* name, IDTYPE* id, int create) {
    auto* s = static_cast<IdState*>(state);
    if (!name) {
        *id = s->next_anonymous;
        s->next_anonymous += 2;
        return 1;
    }
    auto it = s->ids.find(std::string_view(name));
    if (it != s->ids.end()) {
        *id = it->second;
        return 1;
    }
    if (!create) {
        *id = 0;
        return 1;
    }
    s->names.push_back(agstrdup(s->graph, name));
    *id = 2 * static_cast<IDTYPE>(s->names.size());
    s->ids.emplace(std::string(name), *id);
    return 1;
}

long ids_alloc(void*, int, IDTYPE) { return 0; }
void ids_free(void*, int, IDTYPE) {}

char* ids_print(void* state, int, IDTYPE id) {
    auto* s = static_cast<IdState*>(state);
    if (id == 0 || id % 2 != 0 || id / 2 > s->names.size()) return nullptr;
    return s->names[id / 2 - 1];
}

void ids_close(void* state) { delete static_cast<IdState*>(state); }
void ids_register(void*, int, void*) {}

Agiddisc_t deterministic_ids{ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register};
Agdisc_t deterministic_disc{&AgMemDisc, &deterministic_ids, &AgIoDisc};

}  // namespace

void graphviz_failed(const std::string& what) {
    const char* message = aglasterr();
    std::string text = "Graphviz could not " + what;
    if (message && *message) text += ": " + std::string(message);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    throw LayoutError(text);
}

void layout_dot(Agraph_t* graph) {
    GVC_t* gvc = graphviz_context();
    gvFreeLayout(gvc, graph);
    last_laid_out = nullptr;
    agreseterrors();
    if (gvLayout(gvc, graph, "dot") != 0 || agerrors() >= AGERR) graphviz_failed("lay out the drawing");
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
    // gvContext() declares a default node label for every graph opened after it: make sure it has
    // run, so a graph (and its DOT) is the same whether or not this process has drawn anything yet.
    graphviz_context();
    std::string copy = name;
    return GraphPtr(agopen(copy.data(), directed ? Agdirected : Agundirected, &deterministic_disc));
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
    int status = agwrite(graph, &out);
    graph->clos->disc.io = saved;
    if (status != 0) graphviz_failed("write the graph as DOT");
    return out;
}

std::string escape_label(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') out += '\\';
        out += c;
    }
    return out;
}

GraphPtr read_dot(const std::string& text) { return GraphPtr(agmemread(text.c_str())); }

}  // namespace pathways
