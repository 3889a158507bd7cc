// The room between role boxes: the usual, or a story poster's closer spacing (see spacing.hpp).
#include "spacing.hpp"

namespace pathways {

Spacing spacing_for(const PathwayGraph& graph, bool left_to_right) {
    if (graph.focus.kind == Focus::Kind::Story)
        return {0.3, "0.07,0.06", left_to_right ? "1.6" : "1.35", "5"};
    return {1, "0.10,0.06", left_to_right ? "2.1" : "1.75", "12"};
}

}  // namespace pathways
