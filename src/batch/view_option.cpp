// A view written on the command line, read by the manifest's reader so both accept the same views.
#include <algorithm>

#include "pathways/manifest.hpp"
#include "pathways/view_option.hpp"

namespace pathways {

namespace {

constexpr const char* kPoster = "view";  // the one poster of the wrapping manifest

/// A diagnostic of the wrapping manifest as one about the option: "--view", column in the text.
Diagnostic about_option(Diagnostic d, int shift) {
    d.where = {"--view", d.where.line == 2 ? 1 : 0, d.where.line == 2 ? std::max(1, d.where.column - shift) : 0};
    for (const char* phrase : {" of poster 'view'", " in poster 'view'", " for poster 'view'"})
        for (std::size_t at; (at = d.message.find(phrase)) != std::string::npos;)
            d.message.erase(at, std::string_view(phrase).size());
    return d;
}

/// Ids the view names that the catalogue does not have, reported with a suggestion.
void check_ids(const PosterSpec& p, const Catalogue& c, int shift, Diagnostics& diags) {
    std::vector<std::string> known;
    const char* kind = "role";
    if (p.view.kind == View::Kind::Settings) {
        kind = "setting";
        for (const auto& s : c.settings) known.push_back(s.id);
    } else if (p.view.kind == View::Kind::Levels) {
        kind = "level";
        for (const auto& l : c.levels) known.push_back(l.id);
    } else {
        for (const auto& r : c.roles) known.push_back(r.id);
    }
    for (const auto& id : p.view_ids)
        if (std::find(known.begin(), known.end(), id.value) == known.end())
            diags.error({"--view", 1, std::max(1, id.where.column - shift)},
                        "unknown " + std::string(kind) + " '" + id.value + "' in " + c.file +
                            did_you_mean(id.value, known));
}

}  // namespace

std::optional<View> parse_view_option(const std::string& text, const Catalogue& c, Diagnostics& diags) {
    std::string view = text;
    int shift = 0;
    std::size_t first = view.find_first_not_of(" \t");
    if (first != std::string::npos && view[first] != '{' && view.find(':') != std::string::npos) {
        view = "{" + view + "}";  // `settings: [primary]` as a flow mapping
        shift = 1;
    }
    std::string manifest = std::string("{catalogue: catalogue.yaml, style: style.yaml, output: out, posters: [{name: ") +
                           kPoster + ", view:\n" + view + "\n}]}\n";
    Diagnostics inner;
    auto m = parse_manifest(manifest, "--view", inner);
    for (const auto& d : inner.all()) {
        Diagnostic o = about_option(d, shift);
        if (o.severity == Severity::Error) diags.error(o.where, o.message);
        else diags.warning(o.where, o.message);
    }
    if (!m || m->posters.size() != 1) return std::nullopt;
    const PosterSpec& p = m->posters.front();
    std::size_t before = diags.errors();
    check_ids(p, c, shift, diags);
    if (diags.errors() > before) return std::nullopt;
    if (select(c, p.view).roles.empty()) {
        diags.error({"--view", 0, 0}, "the view selects no roles from " + c.file);
        return std::nullopt;
    }
    return p.view;
}

}  // namespace pathways
