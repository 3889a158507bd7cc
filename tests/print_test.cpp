// Print-shop and on-screen PDFs (issue 13): page boxes, bleed and crop marks, links, metadata,
// outline, the find-out-more QR code, print options in styles and manifests, determinism.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <cairo.h>
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include "pathways/manifest.hpp"
#include "pathways/poster.hpp"
#include "pathways/print.hpp"
#include "png_image.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;

namespace {

constexpr double kMm = 72.0 / 25.4;
const std::string kLinks = data_path("print-links.yaml");
const std::string kPinned = "SOURCE_DATE_EPOCH=1763856000 ";  // 23 November 2025

/// Renders with the CLI (build date pinned); requires success.
void render(const std::vector<std::string>& args) {
    std::string command = kPinned + shell_quote(binary_path()) + " render";
    for (const auto& a : args) command += " " + shell_quote(a);
    RunResult r = run_shell(command);
    INFO(r.err);
    REQUIRE(r.status == 0);
}

/// The page boxes pdfinfo -box reads back, by name ("MediaBox", "TrimBox", ...).
std::map<std::string, PdfBox> boxes(const std::string& pdf) {
    RunResult r = run_shell("pdfinfo -box " + shell_quote(pdf));
    REQUIRE(r.status == 0);
    std::map<std::string, PdfBox> out;
    for (const auto& line : lines_of(r.out)) {
        auto colon = line.find("Box:");
        if (colon == std::string::npos) continue;
        std::istringstream values(line.substr(colon + 4));
        PdfBox b;
        values >> b.x0 >> b.y0 >> b.x1 >> b.y1;
        out[line.substr(0, colon + 3)] = b;
    }
    return out;
}

/// pdfinfo's "Key: value" lines.
std::map<std::string, std::string> info(const std::string& pdf) {
    RunResult r = run_shell("pdfinfo " + shell_quote(pdf));
    std::map<std::string, std::string> out;
    for (const auto& line : lines_of(r.out)) {
        auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        out[line.substr(0, colon)] = value;
    }
    return out;
}

/// A link annotation read back with qpdf: its URI and rectangle.
struct Link {
    std::string uri;
    PdfBox rect;
};

std::vector<Link> links_of(const std::string& pdf) {
    QPDF doc;
    doc.processFile(pdf.c_str());
    std::vector<Link> out;
    for (auto& page : QPDFPageDocumentHelper(doc).getAllPages())
        for (auto& annot : page.getAnnotations("/Link")) {
            QPDFObjectHandle a = annot.getObjectHandle();
            QPDFObjectHandle::Rectangle r = a.getKey("/Rect").getArrayAsRectangle();
            out.push_back({a.getKey("/A").getKey("/URI").getStringValue(), {r.llx, r.lly, r.urx, r.ury}});
        }
    return out;
}

bool near(double a, double b, double tolerance = 0.05) { return std::abs(a - b) <= tolerance; }

}  // namespace

TEST_CASE("A print PDF's TrimBox is the exact ISO page, BleedBox the trim plus bleed, MediaBox holds the marks",
          "[print]") {
    TempDir dir;
    const double w = 210 * kMm, h = 297 * kMm;
    render({kLinks, "--page", "A4", "--portrait", "-o", dir.file("plain.pdf")});
    render({kLinks, "--page", "A4", "--portrait", "--bleed", "5", "-o", dir.file("bleed.pdf")});
    render({kLinks, "--page", "A4", "--portrait", "--marks", "-o", dir.file("marks.pdf")});

    auto plain = boxes(dir.file("plain.pdf"));
    CHECK(near(plain["MediaBox"].width(), w));
    CHECK(near(plain["MediaBox"].height(), h));
    CHECK(near(plain["TrimBox"].width(), w));  // no bleed: the page is the trim

    auto bleed = boxes(dir.file("bleed.pdf"));
    CHECK(near(bleed["TrimBox"].width(), w));
    CHECK(near(bleed["TrimBox"].height(), h));
    CHECK(near(bleed["TrimBox"].x0 - bleed["BleedBox"].x0, 5 * kMm));
    CHECK(near(bleed["BleedBox"].y1 - bleed["TrimBox"].y1, 5 * kMm));
    CHECK(near(bleed["MediaBox"].width(), w + 10 * kMm));  // bleed only: the media is the bleed box
    CHECK(near(bleed["MediaBox"].x0, bleed["BleedBox"].x0));

    auto marks = boxes(dir.file("marks.pdf"));  // --marks alone: 3 mm bleed, and room for the marks
    CHECK(near(marks["TrimBox"].width(), w));
    CHECK(near(marks["TrimBox"].height(), h));
    CHECK(near(marks["BleedBox"].width(), w + 6 * kMm));
    CHECK(near(marks["BleedBox"].x0 - marks["MediaBox"].x0, 12 * kMm));
    CHECK(marks["MediaBox"].width() > marks["BleedBox"].width() + 20 * kMm);
}

TEST_CASE("The background runs into the bleed; crop marks and the slug line lie outside it", "[print]") {
    TempDir dir;
    std::string style = read_file(source_path("styles/nhs.yaml"));
    auto at = style.find("page: \"#FFFFFF\"");
    REQUIRE(at != std::string::npos);
    style.replace(at, 15, "page: \"#FFE0C0\"");
    write_file(dir.file("peach.yaml"), style);
    render({kLinks, "--style", dir.file("peach.yaml"), "--page", "A4", "--portrait", "--marks", "-o", dir.file("p.pdf")});
    REQUIRE(run_shell("pdftoppm -png -r 144 -singlefile " + shell_quote(dir.file("p.pdf")) + " " +
                      shell_quote(dir.file("p"))).status == 0);
    Image img = read_png(dir.file("p.png"));
    REQUIRE(img.width > 0);
    const double k = 2;  // pixels per point at 144 dpi
    const double bleed = 3 * kMm, pad = bleed + 12 * kMm, w = 210 * kMm, h = 297 * kMm;
    const std::uint32_t peach = 0xFFE0C0, white = 0xFFFFFF;
    // The bleed (between trim and bleed box) has the page's background on all four sides.
    CHECK(img.rgb(k * (pad - bleed / 2), k * (pad + h / 2)) == peach);
    CHECK(img.rgb(k * (pad + w + bleed / 2), k * (pad + h / 2)) == peach);
    CHECK(img.rgb(k * (pad + w / 2), k * (pad - bleed / 2)) == peach);
    CHECK(img.rgb(k * (pad + w / 2), k * (pad + h + bleed / 2)) == peach);
    // On the trim lines' extension: background inside the bleed, the dark mark outside it.
    CHECK(img.rgb(k * pad, k * (pad - bleed / 2)) == peach);
    CHECK((img.rgb(k * pad, k * (pad - bleed - 6 * kMm)) & 0xFF) < 0x80);
    CHECK((img.rgb(k * (pad - bleed - 6 * kMm), k * (pad + h)) & 0xFF) < 0x80);
    // Outside the bleed box nothing has the background: only white paper, marks and the slug.
    std::size_t outside = 0, dark = 0, background = 0;
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x) {
            double px = x / k, py = y / k;
            bool in_bleed = px > pad - bleed - 1 && px < pad + w + bleed + 1 && py > pad - bleed - 1 && py < pad + h + bleed + 1;
            if (in_bleed) continue;
            ++outside;
            std::uint32_t c = img.pixels[static_cast<std::size_t>(y * img.width + x)] & 0xFFFFFF;
            if (c == peach) ++background;
            if (c != white) ++dark;
        }
    CHECK(outside > 0);
    CHECK(background == 0);
    CHECK(dark > 200);  // eight marks and the slug line
}

TEST_CASE("Role boxes with a url are PDF links to exactly the catalogue's urls", "[print][links]") {
    TempDir dir;
    for (std::string bleed : {"0", "3"}) {
        std::string pdf = dir.file("links-" + bleed + ".pdf");
        render({kLinks, "--page", "A3", "--bleed", bleed, "-o", pdf});
        std::vector<Link> links = links_of(pdf);
        std::multiset<std::string> uris;
        for (const auto& l : links) uris.insert(l.uri);
        CHECK(uris == std::multiset<std::string>{"https://example.org/roles/general-practice-nurse?from=poster&x=1",
                                                 "https://www.healthcareers.nhs.uk/"});
        PdfBox trim = boxes(pdf)["TrimBox"];
        for (const auto& l : links) {  // each over a role box: inside the page, a box's size
            CHECK(l.rect.x0 > trim.x0);
            CHECK(l.rect.y0 > trim.y0);
            CHECK(l.rect.x1 < trim.x1);
            CHECK(l.rect.y1 < trim.y1);
            CHECK(l.rect.width() > 20);
            CHECK(l.rect.height() > 10);
        }
    }
    // A catalogue without role urls has no links at all.
    render({source_path("data/ncl-career-pathways.yaml"), "--page", "A3", "-o", dir.file("ncl.pdf")});
    CHECK(links_of(dir.file("ncl.pdf")).empty());
}

TEST_CASE("PDF metadata and outline: title, subject, author, keywords, build date, levels", "[print]") {
    TempDir dir;
    render({kLinks, "--page", "A3", "-o", dir.file("m.pdf")});
    auto i = info(dir.file("m.pdf"));
    CHECK(i["Title"] == "Nursing in primary and community care");
    CHECK(i["Subject"] == "Roles and routes for nurses in general practice");
    CHECK(i["Author"] == "Example Training Hub");
    CHECK(i["Keywords"] == "career pathways, Care setting, General practice, Community");
    CHECK(i["CreationDate"] == "Sun Nov 23 00:00:00 2025 UTC");

    QPDF doc;
    doc.processFile(dir.file("m.pdf").c_str());
    QPDFOutlineDocumentHelper outline(doc);
    auto top = outline.getTopLevelOutlines();
    REQUIRE(top.size() == 1);
    CHECK(top[0].getTitle() == "Nursing in primary and community care");
    std::vector<std::string> levels;
    for (auto& kid : top[0].getKids()) levels.push_back(kid.getTitle());
    CHECK(levels == std::vector<std::string>{"Support", "Registered", "Advanced practice"});
}

TEST_CASE("The find-out-more url is a QR code that decodes to it, in the PDF and in the SVG", "[print][qr]") {
    TempDir dir;
    const std::string url = "https://example.org/training-hub/careers";
    render({kLinks, "-o", dir.file("q.pdf")});
    render({kLinks, "-o", dir.file("q.svg")});
    REQUIRE(run_shell("pdftoppm -png -r 100 -singlefile " + shell_quote(dir.file("q.pdf")) + " " +
                      shell_quote(dir.file("pdf"))).status == 0);
    REQUIRE(run_shell("rsvg-convert -o " + shell_quote(dir.file("svg.png")) + " " + shell_quote(dir.file("q.svg")))
                .status == 0);
    for (const char* png : {"pdf.png", "svg.png"}) {
        RunResult r = run_shell("zbarimg --raw -q " + shell_quote(dir.file(png)));
        INFO(png << ": " << r.err);
        CHECK(r.status == 0);
        CHECK(r.out == url + "\n");
    }
    // The SVG draws it as vector squares, never a bitmap.
    CHECK(read_file(dir.file("q.svg")).find("<image") == std::string::npos);
}

TEST_CASE("The QR code is at least 20 mm on A1, 15 mm on A4, with its url beside it, clear of the drawing",
          "[print][qr]") {
    const Catalogue& c = catalogue_at(kLinks);
    PathwayGraph graph = select(c, View{});
    for (std::string page : {"A1", "A4"}) {
        PosterOptions options;
        options.page = page;
        Poster p = compose_poster(graph, shipped_style("nhs"), options);
        Box qr{1e9, 1e9, 0, 0};
        double right = 0, bottom = 0;
        for (const auto& r : p.rects)
            if (r.fills.size() == 1 && r.fills[0].hex() == "#000000") {
                qr.x = std::min(qr.x, r.box.x);
                qr.y = std::min(qr.y, r.box.y);
                right = std::max(right, r.box.x + r.box.w);
                bottom = std::max(bottom, r.box.y + r.box.h);
            }
        double side = std::min(right - qr.x, bottom - qr.y) / kMm;
        INFO(page << ": " << side << " mm");
        CHECK(side >= (page == "A1" ? 20.0 : 15.0) - 0.01);
        CHECK(side <= 30);
        CHECK(p.drawing_at.y + p.layout.height() * p.drawing_scale <= qr.y);
        bool written = false;
        for (const auto& t : p.texts) written = written || t.text == c.url;
        CHECK(written);
    }
    // A poster's own url wins over the catalogue's.
    PosterOptions own;
    own.url = "https://example.org/other";
    Poster p = compose_poster(graph, shipped_style("nhs"), own);
    bool written = false;
    for (const auto& t : p.texts) written = written || t.text == own.url;
    CHECK(written);
}

TEST_CASE("Print PDFs are the same bytes every time", "[print]") {
    TempDir one, two;  // the same name: the slug line prints it
    render({kLinks, "--page", "A2", "--marks", "--bleed", "5", "-o", one.file("shop.pdf")});
    render({kLinks, "--page", "A2", "--marks", "--bleed", "5", "-o", two.file("shop.pdf")});
    std::string a = read_file(one.file("shop.pdf"));
    CHECK(a.size() > 1000);
    CHECK(a == read_file(two.file("shop.pdf")));
}

TEST_CASE("print: in a manifest poster and a style; bad values are located", "[print][manifest]") {
    Diagnostics d;
    auto m = parse_manifest("catalogue: minimal-valid.yaml\nstyle: ../../styles/nhs.yaml\noutput: out\nposters:\n"
                            "  - {name: shop, print: {bleed: 5, marks: yes}, url: 'https://example.org/x'}\n"
                            "  - {name: office}\n",
                            data_path("inline-manifest.yaml"), d);
    INFO(dump(d));
    REQUIRE(m);
    CHECK(m->posters[0].print->bleed_mm == 5);
    CHECK(m->posters[0].print->marks);
    CHECK(m->posters[0].url == "https://example.org/x");
    CHECK_FALSE(m->posters[1].print);
    CHECK(m->posters[0].canonical() != m->posters[1].canonical());

    Diagnostics bad;
    CHECK_FALSE(parse_manifest("catalogue: minimal-valid.yaml\nstyle: ../../styles/nhs.yaml\noutput: out\nposters:\n"
                               "  - {name: wrong, print: {bleed: 30, crop: yes}, url: 'javascript:alert(1)'}\n",
                               data_path("inline-manifest.yaml"), bad));
    auto lines = printed(bad);
    INFO(dump(bad));
    CHECK(bad.errors() == 3);
    CHECK(std::count_if(lines.begin(), lines.end(), [](auto& l) { return l.find("inline-manifest.yaml:5:") != std::string::npos; }) == 3);

    TempDir dir;
    std::string style = read_file(source_path("styles/nhs.yaml")) + "print: {bleed: 3, marks: true}\n";
    write_file(dir.file("shop.yaml"), style);
    Diagnostics ds;
    auto s = load_style(dir.file("shop.yaml"), ds);
    INFO(dump(ds));
    REQUIRE(s);
    CHECK(s->print.bleed_mm == 3);
    CHECK(s->print.marks);
}

TEST_CASE("A print PDF carries an sRGB output intent with the profile embedded, and claims no PDF/X",
          "[print][colour]") {
    TempDir dir;
    render({kLinks, "--page", "A3", "--marks", "-o", dir.file("shop.pdf")});
    render({kLinks, "--page", "A3", "-o", dir.file("screen.pdf")});
    QPDF doc;
    doc.processFile(dir.file("shop.pdf").c_str());
    QPDFObjectHandle intents = doc.getRoot().getKey("/OutputIntents");
    REQUIRE(intents.isArray());
    REQUIRE(intents.getArrayNItems() == 1);
    QPDFObjectHandle intent = intents.getArrayItem(0);
    CHECK(intent.getKey("/S").getName() == "/GTS_PDFX");
    CHECK(intent.getKey("/OutputConditionIdentifier").getUTF8Value() == "sRGB IEC61966-2.1");
    QPDFObjectHandle profile = intent.getKey("/DestOutputProfile");
    REQUIRE(profile.isStream());
    CHECK(profile.getDict().getKey("/N").getIntValue() == 3);
    auto data = profile.getStreamData(qpdf_dl_all);
    std::string icc(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    CHECK(icc == read_file(kSrgbProfilePath));  // the real profile, whole
    CHECK(icc.compare(16, 4, "RGB ") == 0);     // an RGB profile (ICC header: colour space)
    CHECK(doc.getTrailer().getKey("/Info").getKey("/GTS_PDFXVersion").isNull());  // no conformance claimed

    QPDF screen;
    screen.processFile(dir.file("screen.pdf").c_str());
    CHECK(screen.getRoot().getKey("/OutputIntents").isNull());  // an on-screen PDF is left as Cairo wrote it

    RunResult r = run_cli({"preflight", dir.file("shop.pdf")});
    CHECK(r.out.find("colour: RGB, output intent sRGB IEC61966-2.1\n") != std::string::npos);
    CHECK(run_cli({"preflight", dir.file("screen.pdf")}).out.find("colour: RGB, no output intent\n") != std::string::npos);
}

TEST_CASE("tile: in a manifest poster writes its office tiles beside its files; a bad paper is located",
          "[print][tile][manifest]") {
    TempDir dir;
    write_file(dir.file("posters.yaml"), "catalogue: " + kLinks + "\nstyle: " + source_path("styles/nhs.yaml") +
                                             "\noutput: out\nposters:\n"
                                             "  - {name: wall, page: A2, formats: [pdf], tile: a4}\n"
                                             "  - {name: plain, page: A3, formats: [pdf]}\n");
    RunResult r = run_shell(kPinned + shell_quote(binary_path()) + " build -j 1 --quiet " + shell_quote(dir.file("posters.yaml")));
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(info(dir.file("out/wall.tiles.pdf"))["Pages"] == "8");  // A2 on A4: 4 x 2
    CHECK(info(dir.file("out/wall.pdf"))["Pages"] == "1");
    CHECK_FALSE(fs::exists(dir.file("out/plain.tiles.pdf")));

    Diagnostics d;
    auto m = parse_manifest("catalogue: minimal-valid.yaml\nstyle: ../../styles/nhs.yaml\noutput: out\nposters:\n"
                            "  - {name: a, tile: A3}\n  - {name: b}\n",
                            data_path("inline-manifest.yaml"), d);
    REQUIRE(m);
    CHECK(m->posters[0].tile == "A3");
    CHECK(m->posters[0].canonical() != m->posters[1].canonical());
    Diagnostics bad;
    CHECK_FALSE(parse_manifest("catalogue: minimal-valid.yaml\nstyle: ../../styles/nhs.yaml\noutput: out\nposters:\n"
                               "  - {name: a, tile: letter}\n",
                               data_path("inline-manifest.yaml"), bad));
    auto lines = printed(bad);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("inline-manifest.yaml:5:") != std::string::npos);
    CHECK(lines[0].find("tile of poster 'a' must be A4 or A3") != std::string::npos);
}

TEST_CASE("viewing_distance: text sizes follow from the distance, the same on every page", "[print][distance]") {
    CHECK(text_size_for_distance(1) == Approx(27.8).margin(0.1));
    CHECK(reading_distance_m(text_size_for_distance(1.5)) == Approx(1.5));
    // The shipped style with its sizes: replaced by a viewing distance.
    std::string nhs = read_file(source_path("styles/nhs.yaml"));
    std::size_t sizes = nhs.find("\nsizes:"), colours = nhs.find("\ncolours:");
    REQUIRE(sizes < colours);
    std::string without_sizes = nhs.substr(0, sizes) + nhs.substr(colours);
    TempDir dir;
    write_file(dir.file("far.yaml"), without_sizes + "viewing_distance: 100cm\n");
    Diagnostics d;
    auto style = load_style(dir.file("far.yaml"), d);
    INFO(dump(d));
    REQUIRE(style);
    CHECK(style->viewing_distance_m == Approx(1));

    Diagnostics dc;
    auto catalogue = load_catalogue(kLinks, dc);
    REQUIRE(catalogue);
    double footer_a1 = 0;
    for (std::string page : {"A1", "A0"}) {
        PosterOptions o;
        o.page = page;
        o.build_date = "1 January 2026";
        Poster p = compose_poster(select(*catalogue, View{}), *style, o);
        INFO(page);
        CHECK(p.smallest_text() >= text_size_for_distance(1) - 0.05);  // about 28 pt
        CHECK(reading_distance_m(p.smallest_text()) >= 1 - 1e-3);
        double footer = 0;
        for (const auto& t : p.texts)
            if (t.role == "footer") footer = t.size;
        CHECK(footer == Approx(text_size_for_distance(1)));
        if (page == "A1") footer_a1 = footer;
        else CHECK(footer == Approx(footer_a1));  // the same letters on the smaller page
        for (const auto& f : preflight_poster(p, *style))
            if (f.label == "smallest text") CHECK(f.warning.empty());
    }

    for (const char* bad : {"viewing_distance: far\n", "viewing_distance: 25m\n"}) {
        write_file(dir.file("bad.yaml"), without_sizes + bad);
        Diagnostics db;
        CHECK_FALSE(load_style(dir.file("bad.yaml"), db));
        auto lines = printed(db);
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].find(dir.file("bad.yaml") + ":") == 0);  // located in the style file
        CHECK(lines[0].find("viewing_distance must be a distance from 0.3m to 10m") != std::string::npos);
    }
    write_file(dir.file("both.yaml"), nhs + "viewing_distance: 1.5m\n");
    Diagnostics dd;
    CHECK_FALSE(load_style(dir.file("both.yaml"), dd));
    CHECK(dump(dd).find("either viewing_distance") != std::string::npos);
}

TEST_CASE("Bleed, crop marks and tiles are refused for PNG and SVG", "[print][cli]") {
    TempDir dir;
    RunResult r = run_cli({"render", kLinks, "--marks", "-o", dir.file("x.png")});
    RunResult r2 = run_cli({"render", kLinks, "--bleed", "3", "-o", dir.file("x.svg")});
    CHECK(r.status != 0);
    CHECK(r2.status != 0);
    CHECK(r2.err.find("--bleed, --marks and --tile are for PDF output") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("x.svg")));
}

TEST_CASE("Reading distance follows about 7 mm of letter height per metre", "[print][preflight]") {
    CHECK(reading_distance_m(14) == Approx(0.5).margin(0.05));
    CHECK(reading_distance_m(24) == Approx(0.9).margin(0.05));
    CHECK(reading_distance_m(48) == Approx(2 * reading_distance_m(24)));
}

TEST_CASE("Preflight of a PDF reads back page, trim, bleed, embedded fonts and links", "[print][preflight]") {
    TempDir dir;
    render({kLinks, "--marks", "-o", dir.file("shop.pdf")});
    render({kLinks, "-o", dir.file("office.pdf")});
    RunResult shop = run_cli({"preflight", dir.file("shop.pdf")});
    INFO(shop.out << shop.err);
    CHECK(shop.status == 0);
    CHECK(shop.out.find("trim (TrimBox): 841.0 x 594.0 mm\n") != std::string::npos);
    CHECK(shop.out.find("bleed: 3.0 mm\n") != std::string::npos);
    CHECK(shop.out.find("fonts embedded: LiberationSans") != std::string::npos);
    CHECK(shop.out.find("not embedded") == std::string::npos);
    CHECK(shop.out.find("links: 2\n") != std::string::npos);
    CHECK(shop.out.find("0 warnings\n") != std::string::npos);

    RunResult office = run_cli({"preflight", dir.file("office.pdf")});
    CHECK(office.out.find("bleed: 0.0 mm\n  warning: a print shop asks for at least 3 mm") != std::string::npos);
    CHECK(office.out.find("1 warning\n") != std::string::npos);

    write_file(dir.file("broken.pdf"), "not a pdf");
    RunResult broken = run_cli({"preflight", dir.file("broken.pdf")});
    CHECK(broken.status == 1);
    CHECK(broken.err.find("broken.pdf: error: not a PDF") != std::string::npos);
}

TEST_CASE("Preflight of a catalogue: smallest text and reading distance, thinnest line, contrasts, colour alone",
          "[print][preflight]") {
    const Catalogue& c = shipped_catalogue("data/ncl-career-pathways.yaml");
    PathwayGraph graph = select(c, View{});
    Poster p = compose_poster(graph, shipped_style("nhs"), {});
    auto facts = preflight_poster(p, shipped_style("nhs"));
    std::map<std::string, PreflightFact> by;
    for (const auto& f : facts) by[f.label] = f;
    CHECK(by["page"].value == "A1 landscape, 841 x 594 mm, safe margin 15 mm");
    CHECK(by["smallest text"].value == "14.0 pt, readable from about 0.5 m");
    CHECK(by["smallest text"].warning.empty());
    CHECK(by["thinnest line"].warning.empty());
    CHECK(by["lowest text contrast"].warning.empty());  // the NHS style's fills are dark-text safe
    CHECK(by["lowest line contrast"].warning.empty());
    CHECK(by["settings told apart by"].value == "colour only");
    CHECK_FALSE(by["settings told apart by"].warning.empty());

    auto grey = preflight_poster(compose_poster(graph, shipped_style("greyscale-print"), {}), shipped_style("greyscale-print"));
    for (const auto& f : grey)
        if (f.label == "settings told apart by") CHECK(f.warning.empty());

    RunResult r = run_cli({"preflight", source_path("data/ncl-career-pathways.yaml"), "--page", "A3"});
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("smallest text: ") != std::string::npos);
    CHECK(r.out.find("readable from about") != std::string::npos);
}

TEST_CASE("Tiles: A4 pages at 100 % with 10 mm overlap whose pixels reassemble the poster", "[print][tile]") {
    TempDir dir;
    render({kLinks, "--page", "A2", "--tile", "A4", "-o", dir.file("t.pdf")});
    render({kLinks, "--page", "A2", "--dpi", "72", "-o", dir.file("full.png")});
    // A2 landscape (594 × 420 mm) on portrait A4 windows of 190 × 277 mm stepping 180 × 267 mm.
    auto i = info(dir.file("t.pdf"));
    CHECK(i["Pages"] == "8");
    CHECK(i["Page size"].find("595.276 x 841.89 pts (A4)") == 0);
    REQUIRE(run_shell("pdftoppm -png -r 72 " + shell_quote(dir.file("t.pdf")) + " " + shell_quote(dir.file("tile")))
                .status == 0);
    Image full = read_png(dir.file("full.png"));
    REQUIRE(full.width > 0);
    const double margin = 10 * kMm, step_x = 180 * kMm, step_y = 267 * kMm;
    auto difference = [&](const Image& tile, int column, int row, double shift) {
        double sum = 0;
        std::size_t n = 0;
        for (double v = 2; v < 277 * kMm - 2; v += 3)
            for (double u = 2; u < 190 * kMm - 2; u += 3) {
                double x = column * step_x + u + shift, y = row * step_y + v;
                if (x >= full.width - 1 || y >= full.height - 1) continue;
                std::uint32_t a = tile.rgb(margin + u, margin + v), b = full.rgb(x, y);
                for (int c = 0; c < 24; c += 8) sum += std::abs(int((a >> c) & 0xFF) - int((b >> c) & 0xFF));
                ++n;
            }
        return n ? sum / (3.0 * static_cast<double>(n)) : 0.0;
    };
    for (int row = 0; row < 2; ++row)
        for (int column = 0; column < 4; ++column) {
            Image tile = read_png(dir.file("tile-" + std::to_string(row * 4 + column + 1) + ".png"));
            REQUIRE(tile.width > 0);
            double aligned = difference(tile, column, row, 0);
            INFO(tile_name(column, row) << ": " << aligned);
            CHECK(aligned < 4);  // anti-aliasing differs between poppler and cairo, nothing else
            if (column == 0 && row == 0) CHECK(difference(tile, column, row, 5 * kMm) > 2 * aligned);
        }
    // The outline: the poster, and under it every tile by name, each opening at its own page.
    QPDF doc;
    doc.processFile(dir.file("t.pdf").c_str());
    auto top = QPDFOutlineDocumentHelper(doc).getTopLevelOutlines();
    REQUIRE(top.size() == 1);
    auto kids = top[0].getKids();
    REQUIRE(kids.size() == 8);
    CHECK(kids[0].getTitle() == "Tile A1 (row A, column 1)");
    CHECK(kids[5].getTitle() == "Tile B2 (row B, column 2)");
    auto pages = QPDFPageDocumentHelper(doc).getAllPages();
    CHECK(kids[5].getDestPage().getObjGen() == pages[5].getObjectHandle().getObjGen());
    CHECK(tile_name(1, 1) == "B2");
    CHECK(tile_name(0, 26) == "AA1");
    CHECK(run_cli({"render", kLinks, "--tile", "A4", "--marks", "-o", dir.file("x.pdf")}).status == 2);
}
