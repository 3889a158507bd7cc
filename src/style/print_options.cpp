// `print: {bleed: 3, marks: true}`, as a style's default or a manifest poster's own.
#include "pathways/print.hpp"
#include "pathways/yaml_reader.hpp"

namespace pathways {

std::optional<PrintOptions> read_print_options(MapReader& parent, const std::string& what) {
    if (!parent.has("print")) return std::nullopt;
    MapReader m(parent.get("print"), "print options of " + what, parent.file(), parent.diags(), {"bleed", "marks"});
    if (!m.is_map()) return std::nullopt;
    PrintOptions o;
    if (auto bleed = m.number("bleed", false)) {
        if (*bleed < 0 || *bleed > 20)
            parent.diags().error(m.where("bleed"), "bleed of " + what + " must be between 0 and 20 (mm), not " +
                                                       std::to_string(static_cast<int>(*bleed)));
        else
            o.bleed_mm = *bleed;
    }
    if (auto marks = m.flag("marks")) o.marks = *marks;
    return o;
}

}  // namespace pathways
