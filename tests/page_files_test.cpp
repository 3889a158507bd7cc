// What a careful user checks in the files: a PNG says its resolution (pHYs), so Word and
// PowerPoint place it at its printed size; a PDF's creation date is the build date
// (SOURCE_DATE_EPOCH's day), deterministically; a PNG too large to draw is refused before drawing.
#include <catch2/catch.hpp>

#include <cstdint>
#include <regex>
#include <string>

#include "pathways/page_files.hpp"
#include "pathways/poster.hpp"
#include "test_support.hpp"

using namespace pathways;
using namespace pathways::test;
using Catch::Matchers::Contains;

namespace {

std::uint32_t u32(const std::string& bytes, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
    return v;
}

/// The chunk types of a PNG, in order.
std::vector<std::string> chunk_types(const std::string& png) {
    std::vector<std::string> types;
    for (std::size_t at = 8; at + 8 <= png.size(); at += 12 + u32(png, at)) types.push_back(png.substr(at + 4, 4));
    return types;
}

constexpr double kMm = 72.0 / 25.4;

}  // namespace

TEST_CASE("a rendered PNG carries its resolution in a pHYs chunk that image readers accept", "[render][png]") {
    TempDir dir;
    RunResult r = run_cli({"render", data_path("minimal-valid.yaml"), "--page", "A4", "--dpi", "96", "-o", dir.file("p.png")});
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::string png = read_file(dir.file("p.png"));
    std::vector<std::string> types = chunk_types(png);
    REQUIRE(types.size() >= 4);
    CHECK(types[0] == "IHDR");
    CHECK(types[1] == "pHYs");
    CHECK(types.back() == "IEND");
    std::size_t phys = 8 + 12 + 13;
    CHECK(u32(png, phys) == 9);
    CHECK(u32(png, phys + 8) == 3780);  // 96 dpi = 3779.5 pixels a metre
    CHECK(u32(png, phys + 12) == 3780);
    CHECK(png[phys + 16] == 1);  // the unit is the metre
    // Its CRC must be right, or strict readers (libpng) refuse the whole file.
    if (fs::exists("/usr/bin/python3")) {
        RunResult check = run_shell("/usr/bin/python3 -c \"import sys,zlib; d=open(sys.argv[1],'rb').read(); "
                                    "l=int.from_bytes(d[33:37],'big'); c=d[37:41+l]; "
                                    "sys.exit(0 if zlib.crc32(c)==int.from_bytes(d[41+l:45+l],'big') else 1)\" " +
                                    shell_quote(dir.file("p.png")));
        CHECK(check.status == 0);
    }
}

TEST_CASE("a PDF's creation date is the build date from SOURCE_DATE_EPOCH, the same every time", "[render][pdf]") {
    TempDir dir;
    std::string cmd = "SOURCE_DATE_EPOCH=1763683200 " + shell_quote(binary_path()) + " render " +
                      shell_quote(data_path("minimal-valid.yaml")) + " --page A4 -o ";
    RunResult a = run_shell(cmd + shell_quote(dir.file("a.pdf")));
    RunResult b = run_shell(cmd + shell_quote(dir.file("b.pdf")));
    REQUIRE(a.status == 0);
    REQUIRE(b.status == 0);
    std::string pdf = read_file(dir.file("a.pdf"));
    CHECK_THAT(pdf, Contains("/CreationDate (20251121000000Z)"));  // 21 November 2025
    CHECK_THAT(pdf, !Contains("2000010100"));
    CHECK(pdf == read_file(dir.file("b.pdf")));
    // As a PDF reader shows it (poppler's pdfinfo).
    RunResult info = run_shell("pdfinfo " + shell_quote(dir.file("a.pdf")));
    REQUIRE(info.status == 0);
    CHECK_THAT(info.out, Contains("Fri Nov 21 00:00:00 2025 UTC"));
    CHECK(std::regex_search(info.out, std::regex("CreationDate: +Fri Nov 21 00:00:00 2025 UTC")));
    CHECK(std::regex_search(info.out, std::regex("ModDate: +Fri Nov 21 00:00:00 2025 UTC")));
}

TEST_CASE("the footer's date converts to the PDF's date form", "[render][pdf]") {
    CHECK(pdf_date("21 November 2026") == "2026-11-21T00:00:00Z");
    CHECK(pdf_date("1 January 2000") == "2000-01-01T00:00:00Z");
    CHECK(pdf_date("not a date").empty());
}

TEST_CASE("the PNG size limit names the pixel size and the highest dpi that fits", "[render][png]") {
    PaperSize a0 = *paper_size("A0");
    auto problem = png_size_problem(a0.width, a0.height, 1200);
    REQUIRE(problem);
    CHECK_THAT(*problem, Contains("39732 x 56173 pixels"));
    int best = largest_png_dpi(a0.width, a0.height);
    CHECK(best == 401);
    CHECK_FALSE(png_size_problem(a0.width, a0.height, best));
    CHECK(png_size_problem(a0.width, a0.height, best + 1));
    // A long thin page is limited by its side (32767 pixels), not its area.
    CHECK(largest_png_dpi(2000 * kMm, 10 * kMm) == 416);
    CHECK_FALSE(png_size_problem(a0.width, a0.height, 150));
}
