// The explorer page: the template from src/render/explorer/ (embedded at build time) filled with
// the map, the data and the Content-Security-Policy that allows exactly its inline script and styles.
#include <glib.h>

#include <map>
#include <memory>

#include "pathways/escape.hpp"
#include "pathways/explorer.hpp"
#include "pathways/explorer_assets.hpp"
#include "pathways/version.hpp"

namespace pathways {

namespace {

/// `tmpl` with each {{NAME}} replaced by values[NAME], in one pass: text put in is never scanned
/// again, so a catalogue that writes "{{DATA}}" stays text.
std::string fill(std::string_view tmpl, const std::map<std::string, std::string>& values) {
    std::string out;
    std::size_t at = 0;
    while (at < tmpl.size()) {
        std::size_t open = tmpl.find("{{", at);
        std::size_t close = open == std::string_view::npos ? open : tmpl.find("}}", open);
        if (close == std::string_view::npos) break;
        auto it = values.find(std::string(tmpl.substr(open + 2, close - open - 2)));
        if (it == values.end()) {
            out += tmpl.substr(at, open + 2 - at);
            at = open + 2;
            continue;
        }
        out += tmpl.substr(at, open - at);
        out += it->second;
        at = close + 2;
    }
    out += tmpl.substr(std::min(at, tmpl.size()));
    return out;
}

/// The hash sources of every <style> block in `svg` (the map's own style sheet).
std::string svg_style_hashes(const std::string& svg) {
    std::string out;
    for (std::size_t at = svg.find("<style>"); at != std::string::npos; at = svg.find("<style>", at)) {
        at += 7;
        std::size_t end = svg.find("</style>", at);
        if (end == std::string::npos) break;
        out += " " + csp_hash(std::string_view(svg).substr(at, end - at));
        at = end;
    }
    return out;
}

}  // namespace

std::string csp_hash(std::string_view text) {
    std::unique_ptr<GChecksum, decltype(&g_checksum_free)> sum(g_checksum_new(G_CHECKSUM_SHA256), g_checksum_free);
    g_checksum_update(sum.get(), reinterpret_cast<const guchar*>(text.data()), static_cast<gssize>(text.size()));
    guint8 digest[32];
    gsize length = sizeof digest;
    g_checksum_get_digest(sum.get(), digest, &length);
    std::unique_ptr<gchar, decltype(&g_free)> base64(g_base64_encode(digest, length), g_free);
    return "'sha256-" + std::string(base64.get()) + "'";
}

std::string render_explorer(const Poster& poster, const PathwayGraph& graph, const Style& style,
                            const std::string& id_prefix) {
    SvgOptions svg_options;
    svg_options.embed = true;
    svg_options.id_prefix = id_prefix;
    std::string map = render_svg(poster, style, svg_options);
    // Default-deny: only the page's own script and style sheets (by hash) and data: images run.
    std::string csp = "default-src 'none'; script-src " + csp_hash(explorer_assets::script) + "; style-src " +
                      csp_hash(explorer_assets::style) + svg_style_hashes(map) +
                      "; img-src data:; base-uri 'none'; form-action 'none'";
    const Catalogue& c = *graph.catalogue;
    std::string subtitle = !poster.subtitle.empty() ? poster.subtitle : c.subtitle;
    return fill(explorer_assets::page, {{"CSP", xml_escape(csp)},
                                        {"TITLE", xml_escape(poster.title)},
                                        {"SUBTITLE", xml_escape(subtitle)},
                                        {"PUBLISHER", xml_escape(c.publisher)},
                                        {"VERSION", xml_escape(c.version)},
                                        {"SOURCE", xml_escape(c.source)},
                                        {"PATHWAYS_VERSION", xml_escape(kVersion)},
                                        {"STYLE", std::string(explorer_assets::style)},
                                        {"MAP", map},
                                        {"DATA", explorer_data_json(graph, style)},
                                        {"SCRIPT", std::string(explorer_assets::script)}});
}

}  // namespace pathways
