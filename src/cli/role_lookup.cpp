// Finding the role a user typed on the command line (`route`, `render --route`), saying why not.
#include <iostream>

#include "commands.hpp"
#include "pathways/route.hpp"

namespace pathways::cli {

const Role* lookup_role(const Catalogue& c, const std::string& text, const char* which) {
    RoleMatch m = find_role(c, text);
    if (m.role) return m.role;
    std::cerr << "pathways: error: " << which << ": ";
    if (!m.ambiguous.empty()) {
        std::cerr << "'" << text << "' could be any of these roles; give its id:";
        for (const Role* r : m.ambiguous) std::cerr << " " << r->id << " (" << r->name << ")";
        std::cerr << "\n";
        return nullptr;
    }
    std::cerr << "no role '" << text << "' in " << c.file;
    if (!m.suggestion.empty()) std::cerr << " (did you mean '" << m.suggestion << "'?)";
    std::cerr << "\n";
    if (!m.containing.empty()) {
        std::cerr << "  roles whose name contains '" << text << "':";
        std::size_t shown = 0;
        for (const Role* r : m.containing) {
            if (++shown > 10) {
                std::cerr << " and " << m.containing.size() - 10 << " more";
                break;
            }
            std::cerr << (shown > 1 ? ", " : " ") << r->name;
        }
        std::cerr << "\n";
    }
    return nullptr;
}

}  // namespace pathways::cli
