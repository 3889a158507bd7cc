#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include <sys/stat.h>

#include <yaml-cpp/yaml.h>

#include "pathways/batch.hpp"
#include "pathways/escape.hpp"
#include "pathways/version.hpp"

namespace pathways {

Fnv1a& Fnv1a::add(std::string_view bytes) {
    for (unsigned char ch : bytes) {
        h_ ^= ch;
        h_ *= 1099511628211ull;
    }
    return *this;
}

Fnv1a& Fnv1a::field(std::string_view bytes) {
    add(std::to_string(bytes.size()));
    add(":");
    return add(bytes);
}

std::string Fnv1a::hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
    return buf;
}


namespace {

/// The running program's own bytes, hashed once: a pathways rebuilt with other layout or drawing
/// code draws other posters, so its version alone would not be enough to say "up to date".
const std::string& program_fingerprint() {
    static const std::string fingerprint = [] {
        Fnv1a h;
        std::ifstream in("/proc/self/exe", std::ios::binary);
        char buffer[65536];
        while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
            h.add(std::string_view(buffer, static_cast<std::size_t>(in.gcount())));
        return h.hex();
    }();
    return fingerprint;
}

}  // namespace

std::string build_key(const BuildPlan& plan, const PosterSpec& poster, const BuildDate& date) {
    Fnv1a h;
    h.field("pathways build key 1");
    h.field(kVersion);
    h.field(program_fingerprint());
    h.field(plan.catalogue_of(poster).bytes);
    h.field(plan.style_of(poster).bytes);
    h.field(poster.canonical());
    // An unpinned date (today's) is not an input: an unchanged poster stays up to date tomorrow,
    // keeping the date it was built on.
    h.field(date.pinned ? date.text : std::string());
    // A build with other readability rules judges every poster again (#15).
    if (plan.readability.strict || plan.readability.crowded)
        h.field(std::string(plan.readability.strict ? "strict" : "") + (plan.readability.crowded ? " crowded" : ""));
    return h.hex();
}

BuildState BuildState::load(const std::string& path) {
    BuildState state;
    // A state file bigger than any real one is corrupt (or hostile): not read, everything rebuilds.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || static_cast<std::size_t>(st.st_size) > kMaxStateBytes)
        return state;
    std::ifstream in(path, std::ios::binary);
    if (!in) return state;
    std::stringstream text;
    text << in.rdbuf();
    try {
        YAML::Node root = YAML::Load(text.str());  // JSON is YAML
        if (!root.IsMap() || !root["posters"].IsMap()) return {};
        if (!root["pathways"].IsScalar() || root["pathways"].Scalar() != kVersion) return {};
        if (root["manifest"].IsScalar()) state.manifest = root["manifest"].Scalar();
        for (const auto& item : root["posters"]) {
            Entry e;
            const YAML::Node& v = item.second;
            if (!item.first.IsScalar() || !v.IsMap() || !v["key"].IsScalar() || !v["files"].IsMap()) continue;
            e.key = v["key"].Scalar();
            if (v["built"].IsScalar()) e.built = v["built"].Scalar();
            for (const auto& f : v["files"])
                if (f.first.IsScalar() && f.second.IsScalar()) e.files[f.first.Scalar()] = f.second.Scalar();
            state.posters[item.first.Scalar()] = std::move(e);
        }
    } catch (const YAML::Exception&) {
        return {};
    }
    return state;
}

std::string BuildState::to_json() const {
    std::string s = "{\n  \"pathways\": " + json_quote(kVersion) + ",\n";
    if (!manifest.empty()) s += "  \"manifest\": " + json_quote(manifest) + ",\n";
    s += "  \"posters\": {";
    bool first = true;
    for (const auto& [name, e] : posters) {
        s += first ? "\n" : ",\n";
        first = false;
        s += "    " + json_quote(name) + ": {\"key\": " + json_quote(e.key) + ", \"built\": " + json_quote(e.built) +
             ", \"files\": {";
        bool first_file = true;
        for (const auto& [file, hash] : e.files) {
            s += (first_file ? "" : ", ") + json_quote(file) + ": " + json_quote(hash);
            first_file = false;
        }
        s += "}}";
    }
    s += first ? "}\n}\n" : "\n  }\n}\n";
    return s;
}

}  // namespace pathways
