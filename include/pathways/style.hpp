#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pathways/diagnostics.hpp"
#include "pathways/print.hpp"

namespace pathways {

/// An sRGB colour.
struct Colour {
    double r = 0, g = 0, b = 0;
    std::string hex() const;  // "#rrggbb"
    /// WCAG relative luminance.
    double luminance() const;
};

/// Parses "#rgb" or "#rrggbb".
std::optional<Colour> parse_colour(std::string_view text);

/// WCAG contrast ratio of two colours (1 to 21).
double contrast(const Colour& a, const Colour& b);

/// How one kind of link is drawn.
struct LinkLook {
    Colour colour;
    std::string line = "solid";  // solid, dashed or dotted
    double width = 2;
};

/// How one setting is shown: its fill, and optionally a short tag printed on roles.
struct SettingLook {
    Colour fill;
    std::string tag;  // empty: no tag
};

/// How route and story posters stress what they show: the route's links and outlines, the story's
/// trail and badges, and how much the rest fades.
struct RouteLook {
    Colour colour{0xD5 / 255.0, 0x28 / 255.0, 0x1B / 255.0};  // NHS Red
    double width = 6;                                         // a route link's width
    double faded_opacity = 0.3;                               // what is left of everything else
};

/// A poster's look: fonts, sizes, colours, page defaults. Loaded from styles/*.yaml.
struct Style {
    std::string file, name;
    std::string font = "Liberation Sans";

    // Text sizes in points on an A1 page; other pages scale them (see Poster).
    double title_size = 60, subtitle_size = 30, heading_size = 24, text_size = 16, footer_size = 13;
    // Sizes inside the drawing, in drawing units (the drawing is scaled to fit the page).
    double role_size = 16, band_size = 22;

    Colour page_background{1, 1, 1}, title_colour, text_colour, dark_text, light_text{1, 1, 1};
    Colour role_border;
    std::vector<Colour> band_fills;  // alternate between these
    Colour band_border, band_label;

    std::map<std::string, SettingLook> settings;  // by setting id
    std::vector<Colour> fallback_palette;         // for settings the style does not name
    bool show_tags = false;                       // print setting tags on roles (greyscale)

    LinkLook up, within, down, same_role, transfer;
    RouteLook route;  // optional in a style file

    std::string page = "A1";
    bool landscape = true;
    std::string legend_placement = "auto";  // auto (whichever suits the drawing), right or bottom
    double margin_mm = 15;
    PrintOptions print;  // `print:` the default bleed and marks of this style's PDFs (none unless set)
    double viewing_distance_m = 0;  // `viewing_distance:` text sizes follow from it (0: `sizes:` gives them)

    /// The look of a setting: the style's own, or the fallback palette's by position.
    SettingLook setting_look(const std::string& id, std::size_t position) const;
};

/// `viewing_distance: 1.5m` (or 150cm) under `top`, checked and located (viewing_distance.cpp).
void read_viewing_distance(MapReader& top, Style& s);
/// The style as drawn on a page whose text factor is `page_factor` (1 on A1): with a viewing
/// distance, its text sizes are those that read from it, the same on every page; and no footer,
/// legend or panel text printing under `floor_pt` (the page's floor; 0: none).
Style sized_for_page(const Style& style, double page_factor, double floor_pt = 0);

/// Reads a style file, reporting every problem located; nothing when it has errors.
std::optional<Style> load_style(const std::string& path, Diagnostics& diags);

}  // namespace pathways
