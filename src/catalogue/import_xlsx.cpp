// .xlsx workbooks read into Sheets: the zip container through libzip, its XML parts through libxml2.
#include <cstdlib>
#include <map>
#include <memory>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "pathways/spreadsheet.hpp"

namespace pathways {

namespace {

/// Closes a zip opened for reading (nothing to save).
struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};
/// Closes one part opened inside a zip.
struct ZipFileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};
/// Frees a libxml2 document.
struct XmlDocFreer {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFreer>;

/// An open workbook: its zip, the file name for messages and the limits.
struct XlsxFile {
    ZipPtr zip;
    std::string path;
    SheetLimits limits;
    Diagnostics& diags;

    /// The part's bytes; nothing (and no message) when the part does not exist.
    std::optional<std::string> read(const std::string& name) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat(zip.get(), name.c_str(), 0, &st) != 0) return std::nullopt;
        if (!(st.valid & ZIP_STAT_SIZE) || st.size > limits.max_bytes) {
            diags.error({path, 0, 0}, "the workbook's part '" + name + "' is larger than " +
                                          std::to_string(limits.max_bytes / (1024 * 1024)) + " MiB unpacked");
            return std::nullopt;
        }
        std::unique_ptr<zip_file_t, ZipFileCloser> f(zip_fopen(zip.get(), name.c_str(), 0));
        std::string bytes(static_cast<std::size_t>(st.size), '\0');
        if (!f || zip_fread(f.get(), bytes.data(), st.size) != static_cast<zip_int64_t>(st.size)) {
            diags.error({path, 0, 0}, "the workbook's part '" + name + "' cannot be unpacked (is the file damaged?)");
            return std::nullopt;
        }
        return bytes;
    }

    /// The part parsed as XML (no network, no entity expansion, libxml2's own messages silenced).
    XmlDocPtr parse(const std::string& name, bool required) {
        auto bytes = read(name);
        if (!bytes) {
            if (required)
                diags.error({path, 0, 0}, "the workbook has no part '" + name + "'; is it really an .xlsx file?");
            return nullptr;
        }
        XmlDocPtr doc(xmlReadMemory(bytes->data(), static_cast<int>(bytes->size()), name.c_str(), nullptr,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
        if (!doc) diags.error({path, 0, 0}, "the workbook's part '" + name + "' is not well-formed XML");
        return doc;
    }
};

bool is(const xmlNode* n, const char* name) {
    return n && n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

const xmlNode* child(const xmlNode* n, const char* name) {
    for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
        if (is(c, name)) return c;
    return nullptr;
}

/// An attribute by local name, whatever its namespace ("" when absent).
std::string attribute(const xmlNode* n, const char* name) {
    for (const xmlAttr* a = n->properties; a; a = a->next) {
        if (xmlStrcmp(a->name, reinterpret_cast<const xmlChar*>(name)) != 0) continue;
        xmlChar* v = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(a));
        std::string out = v ? reinterpret_cast<const char*>(v) : "";
        xmlFree(v);
        return out;
    }
    return {};
}

/// The text of every <t> inside `n` (a shared string or an inline string, rich runs joined),
/// leaving out phonetic guides (<rPh>).
void collect_text(const xmlNode* n, std::string& out) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (is(c, "rPh")) continue;
        if (is(c, "t")) {
            xmlChar* v = xmlNodeGetContent(c);
            if (v) out += reinterpret_cast<const char*>(v);
            xmlFree(v);
        } else if (c->type == XML_ELEMENT_NODE) {
            collect_text(c, out);
        }
    }
}

std::string text_of(const xmlNode* n) {
    std::string out;
    if (n) collect_text(n, out);
    return out;
}

std::string content_of(const xmlNode* n) {
    if (!n) return {};
    xmlChar* v = xmlNodeGetContent(n);
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
}

std::vector<std::string> shared_strings(XlsxFile& x) {
    std::vector<std::string> strings;
    XmlDocPtr doc = x.parse("xl/sharedStrings.xml", false);
    if (!doc) return strings;
    for (const xmlNode* si = xmlDocGetRootElement(doc.get())->children; si; si = si->next)
        if (is(si, "si")) strings.push_back(text_of(si));
    return strings;
}

/// "C14" -> column 3, row 14 (0 for a part that is missing or malformed).
void parse_reference(const std::string& ref, int& column, int& row) {
    std::size_t i = 0;
    column = 0;
    for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])) && column < 1'000'000; ++i)
        column = column * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    row = 0;
    for (; i < ref.size() && std::isdigit(static_cast<unsigned char>(ref[i])) && row < 10'000'000; ++i)
        row = row * 10 + (ref[i] - '0');
}

/// A cell's value as text: a shared string, an inline string, a formula's cached text, a number
/// as written, a boolean as TRUE/FALSE.
std::string cell_value(const xmlNode* c, const std::vector<std::string>& strings) {
    std::string type = attribute(c, "t");
    if (type == "inlineStr") return text_of(child(c, "is"));
    std::string v = content_of(child(c, "v"));
    if (type == "s") {
        char* end = nullptr;
        unsigned long index = std::strtoul(v.c_str(), &end, 10);
        return !v.empty() && *end == '\0' && index < strings.size() ? strings[index] : std::string();
    }
    if (type == "b") return v == "1" ? "TRUE" : "FALSE";
    return v;
}

bool read_rows(XlsxFile& x, const xmlNode* data, const std::vector<std::string>& strings, Sheet& sheet) {
    int next_row = 1;
    for (const xmlNode* r = data->children; r; r = r->next) {
        if (!is(r, "row")) continue;
        int row = std::atoi(attribute(r, "r").c_str());
        if (row <= 0) row = next_row;
        next_row = row + 1;
        int next_column = 1;
        for (const xmlNode* c = r->children; c; c = c->next) {
            if (!is(c, "c")) continue;
            int column = 0, cell_row = 0;
            parse_reference(attribute(c, "r"), column, cell_row);
            if (column <= 0) column = next_column;
            next_column = column + 1;
            if (row > x.limits.max_rows || column > x.limits.max_columns) {
                x.diags.error({x.path, 0, 0}, "sheet '" + sheet.name + "' reaches cell " + column_letters(column) +
                                                  std::to_string(row) + "; pathways reads at most " +
                                                  std::to_string(x.limits.max_rows) + " rows and " +
                                                  std::to_string(x.limits.max_columns) + " columns");
                return false;
            }
            std::string value = cell_value(c, strings);
            if (value.empty()) continue;
            if (static_cast<int>(sheet.rows.size()) < row) sheet.rows.resize(static_cast<std::size_t>(row));
            auto& cells = sheet.rows[static_cast<std::size_t>(row - 1)];
            if (static_cast<int>(cells.size()) < column) cells.resize(static_cast<std::size_t>(column));
            cells[static_cast<std::size_t>(column - 1)] = std::move(value);
        }
    }
    return true;
}

/// Sheet names and their part names, in workbook order.
std::vector<std::pair<std::string, std::string>> sheet_parts(XlsxFile& x) {
    std::vector<std::pair<std::string, std::string>> parts;
    XmlDocPtr book = x.parse("xl/workbook.xml", true);
    if (!book) return parts;
    std::map<std::string, std::string> targets;  // relationship id -> part
    if (XmlDocPtr rels = x.parse("xl/_rels/workbook.xml.rels", false)) {
        for (const xmlNode* r = xmlDocGetRootElement(rels.get())->children; r; r = r->next) {
            if (!is(r, "Relationship")) continue;
            std::string target = attribute(r, "Target");
            targets[attribute(r, "Id")] = target.starts_with("/") ? target.substr(1) : "xl/" + target;
        }
    }
    int n = 0;
    for (const xmlNode* s = child(child(xmlDocGetRootElement(book.get()), "sheets"), "sheet"); s; s = s->next) {
        if (!is(s, "sheet")) continue;
        ++n;
        auto it = targets.find(attribute(s, "id"));
        parts.emplace_back(attribute(s, "name"),
                           it != targets.end() ? it->second : "xl/worksheets/sheet" + std::to_string(n) + ".xml");
    }
    return parts;
}

}  // namespace

std::optional<Workbook> read_xlsx(const std::string& path, Diagnostics& diags, const SheetLimits& limits) {
    int error = 0;
    ZipPtr zip(zip_open(path.c_str(), ZIP_RDONLY, &error));
    if (!zip) {
        diags.error({path, 0, 0}, error == ZIP_ER_NOENT || error == ZIP_ER_OPEN
                                      ? std::string("cannot open the file (no such file, or not readable)")
                                      : std::string("not an .xlsx workbook (an .xlsx file is a zip archive; an old "
                                                    ".xls file must be saved again as .xlsx)"));
        return std::nullopt;
    }
    XlsxFile x{std::move(zip), path, limits, diags};
    std::size_t errors_before = diags.errors();
    auto parts = sheet_parts(x);
    std::vector<std::string> strings = shared_strings(x);
    Workbook book;
    book.file = path;
    for (const auto& [name, part] : parts) {
        Sheet sheet;
        sheet.file = path;
        sheet.name = name;
        XmlDocPtr doc = x.parse(part, true);
        if (!doc) continue;
        const xmlNode* data = child(xmlDocGetRootElement(doc.get()), "sheetData");
        if (data && !read_rows(x, data, strings, sheet)) continue;
        book.sheets.push_back(std::move(sheet));
    }
    if (diags.errors() > errors_before) return std::nullopt;
    if (book.sheets.empty()) {
        diags.error({path, 0, 0}, "the workbook has no sheets");
        return std::nullopt;
    }
    return book;
}

}  // namespace pathways
