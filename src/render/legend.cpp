#include "legend.hpp"

#include <algorithm>
#include <cmath>

#include "pathways/look.hpp"

namespace pathways {

namespace {
constexpr double kMm = 72.0 / 25.4;

/// What the legend says of each kind of link.
const char* legend_words(LinkKind kind) {
    switch (kind) {
        case LinkKind::Up: return "Can progress to (next level up)";
        case LinkKind::Within: return "Can move to a role at the same level";
        case LinkKind::Down: return "Can move to a role at a lower level";
        case LinkKind::SameRole: return "The same role, listed at two levels";
        case LinkKind::Transfer: return "Leads to a role outside this diagram (the box says where it is found)";
    }
    return "";
}

/// "Care setting" -> "care setting" (an acronym such as "NHS trust" is kept).
std::string lowercase_first(std::string s) {
    if (s.size() >= 2 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z')) s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s.empty() ? "setting" : s;
}

/// Whether the drawing of `graph` has links of `kind`.
bool drawn(const PathwayGraph& graph, LinkKind kind) {
    if (kind == LinkKind::Transfer) return !graph.transfers.empty();
    if (kind == LinkKind::SameRole)
        return std::any_of(graph.roles.begin(), graph.roles.end(), [](const Role* r) { return r->levels.size() > 1; });
    return std::any_of(graph.links.begin(), graph.links.end(), [&](const GraphLink& l) { return l.kind == kind; });
}
}  // namespace

void LegendComposer::open_columns(bool right) {
    Poster& p = *p_;
    const double f = frame_.f, m = frame_.margin, gap = 14 * kMm * f;
    columns_.clear();
    top_ = frame_.top;
    bottom_ = frame_.bottom;
    if (right) {
        double w = std::max(150.0, p.width * 0.2);
        columns_.push_back({p.width - m - w, w});
        p.drawing_area = {m, frame_.top, p.width - 2 * m - w - gap, frame_.bottom - frame_.top};
    } else {
        double h = std::min(p.height * (p.landscape ? 0.24 : 0.22), 200 * kMm * f);
        top_ = frame_.bottom - h;
        int n = p.landscape ? 4 : 3;
        double w = (p.width - 2 * m - gap * (n - 1)) / n;
        for (int i = 0; i < n; ++i) columns_.push_back({m + i * (w + gap), w});
        p.drawing_area = {m, frame_.top, p.width - 2 * m, top_ - gap - frame_.top};
    }
    col_ = 0;
    legend_.emplace(measure_, p, columns_[0].first, top_, columns_[0].second, f * lf_);
}

bool LegendComposer::next_column() {
    if (col_ + 1 >= columns_.size()) return false;
    ++col_;
    legend_.emplace(measure_, *p_, columns_[col_].first, top_, columns_[col_].second, frame_.f * lf_);
    return true;
}

/// Settings: a swatch, the name and its description; then the striped sample.
void LegendComposer::add_settings() {
    const double f = frame_.f, sw = 30 * f, sh = 20 * f, indent = sw + 10 * f;
    block([&] {
        return legend_->text(c_.setting_dimension, style_.heading_size, true, style_.title_colour, "heading",
                             bottom_ - 3 * style_.text_size * f);
    });
    for (const Setting* s : graph_.settings) {
        block([&] {
            Column& legend = *legend_;
            double y = legend.y();
            SettingLook look = setting_look(style_, c_, s->id);
            if (!legend.text(s->name, style_.text_size, true, style_.text_colour, "text", bottom_, indent)) return false;
            if (!brief() && !legend.text(s->description, style_.text_size * 0.9, false, style_.text_colour, "text", bottom_, indent))
                return false;
            p_->rects.push_back({{legend.x(), y + 2 * f, sw, sh}, {look.fill}, style_.role_border, 1,
                                 setting_tag(style_, c_, s->id), text_colour_for(style_, {look.fill}), {s}, nullptr});
            legend.skip(6);
            return true;
        });
    }
    if (graph_.settings.size() > 1) {
        block([&] {
            Column& legend = *legend_;
            double y = legend.y();
            std::vector<Colour> fills;
            for (const Setting* s : graph_.settings) fills.push_back(setting_look(style_, c_, s->id).fill);
            if (!legend.text("Striped: found in each " + lowercase_first(c_.setting_dimension) + " whose colour it shows",
                             style_.text_size * 0.9, false,
                             style_.text_colour, "text", bottom_, indent))
                return false;
            p_->rects.push_back({{legend.x(), y + 1 * f, sw, sh}, fills, style_.role_border, 1, "", {}, graph_.settings,
                                 nullptr});
            legend.skip(6);
            return true;
        });
    }
    legend_->skip(10);
}

/// The kinds of link this poster draws, together in one block under their heading.
void LegendComposer::add_link_samples() {
    const double f = frame_.f, sw = 30 * f, indent = sw + 10 * f;
    std::vector<LinkKind> present;
    for (LinkKind kind : kLinkKinds)
        if (drawn(graph_, kind)) present.push_back(kind);
    block([&] {
        Column& legend = *legend_;
        if (!legend.text("Links", style_.heading_size, true, style_.title_colour, "heading", bottom_)) return false;
        for (LinkKind kind : present) {
            double y = legend.y();
            if (!legend.text(legend_words(kind), style_.text_size * 0.9, false, style_.text_colour, "text", bottom_,
                             indent + 14 * f))
                return false;
            double x = legend.x();
            p_->lines.push_back({{x, y + 10 * f}, {x + sw + 10 * f, y + 10 * f}, kind, link_look(style_, kind),
                                 has_arrow(kind)});
            legend.skip(4);
        }
        return true;
    });
    legend_->skip(10);
}

/// The levels, lowest first, as the bands show them.
void LegendComposer::add_levels() {
    const double f = frame_.f, sw = 30 * f, sh = 20 * f, indent = sw + 10 * f;
    block([&] {
        return legend_->text("Career levels", style_.heading_size, true, style_.title_colour, "heading",
                             bottom_ - 3 * style_.text_size * f);
    });
    for (std::size_t i = 0; i < graph_.levels.size(); ++i) {
        const Level* l = graph_.levels[i];
        block([&] {
            Column& legend = *legend_;
            double y = legend.y();
            if (!legend.text(l->name, style_.text_size, true, style_.band_label, "text", bottom_, indent)) return false;
            if (!brief() && !legend.text(l->description, style_.text_size * 0.9, false, style_.text_colour, "text", bottom_, indent))
                return false;
            p_->rects.push_back({{legend.x(), y + 2 * f, sw, sh}, {band_fill(style_, i)}, style_.band_border, 1, "", {}, {}, l});
            legend.skip(4);
            return true;
        });
    }
    legend_->skip(10);
}

std::string pay_band_words(const PathwayGraph& graph) {
    bool any = false, afc = false;
    for (const Role* r : graph.roles) {
        any = any || !r->pay_band.empty();
        afc = afc || r->pay_band.rfind("Agenda for Change", 0) == 0;
    }
    if (!any) return {};
    return std::string(afc ? "\"AfC band 6\" on a box: the role's NHS Agenda for Change pay band"
                           : "The last line of a box: the role's pay band") +
           " where the catalogue gives it; the index of roles gives it in full";
}

/// Issue 17: what the pay band line on a box means, when a role of the view has one.
void LegendComposer::add_pay_bands() {
    const std::string words = pay_band_words(graph_);
    if (words.empty()) return;
    block([&] {
        Column& legend = *legend_;
        if (!legend.text("Pay bands", style_.heading_size, true, style_.title_colour, "heading", bottom_)) return false;
        return legend.text(words, style_.text_size * 0.9, false, style_.text_colour, "text", bottom_);
    });
    legend_->skip(10);
}

/// The catalogue's panels, in order, as many as fit.
void LegendComposer::add_panels() {
    panels_placed_ = 0;
    for (const auto& panel : c_.panels) {
        bool ok = block([&] {
            Column& legend = *legend_;
            if (!legend.text(panel.title, style_.heading_size * 0.85, true, style_.title_colour, "heading",
                             bottom_ - 3 * style_.text_size * frame_.f))
                return false;
            if (!legend.text(panel.text, style_.text_size * 0.9, false, style_.text_colour, "text", bottom_)) return false;
            legend.skip(8);
            return true;
        });
        if (!ok) break;
        ++panels_placed_;
    }
}

bool LegendComposer::compose(Poster& p, bool right, double lf) {
    p_ = &p;
    lf_ = lf;
    missing_ = false;
    open_columns(right);
    add_focus_panel();
    add_settings();
    add_link_samples();
    add_levels();
    bool essentials_fit = !missing_;
    add_entry_routes();  // #19: the key to the tags on the drawing, first of the optional blocks
    add_pay_bands();  // not essential: when it does not fit, the legend says it is incomplete
    add_panels();
    return essentials_fit;
}

}  // namespace pathways
