#pragma once
// `build`'s readability guard (#15): each poster of a manifest is judged as `render` judges one,
// and the verdict reported against that poster.
#include "pathways/diagnostics.hpp"
#include "pathways/series_poster.hpp"

namespace pathways {

/// How `build` judges each poster's readability.
struct ReadabilityPolicy {
    bool strict = false;   // --strict: a poster with a readability warning fails (its old files stay)
    bool crowded = false;  // --allow-crowded: build even posters with more roles than their page can show
};

/// A poster `build` refuses to draw: too many roles for its page, or (under --strict) text nobody
/// could read. The message says why and what to do.
class UnreadablePoster : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A poster's readability verdict: throws UnreadablePoster naming every diagnostic when one is an
/// error (--strict); else prints the warnings to standard error.
void report_readability(const Diagnostics& diags);

/// Composes one poster of a build, guarded as `render` guards one: with `series: off`, refuses
/// (UnreadablePoster) before laying out a view with more roles than its page holds legibly, unless
/// `policy.crowded`; then checks each composed page (text under the page's floor, settings sharing a
/// colour, and under --strict names cut or broken to fit and characters no font draws). The
/// warnings go to standard error (a worker's: shown under the poster's name); under --strict they throw.
PosterSeries compose_guarded_series(const PathwayGraph& graph, const Style& style, const PosterOptions& options,
                                    SeriesMode mode, const ReadabilityPolicy& policy);

}  // namespace pathways
