// Page boxes Cairo does not write (TrimBox, BleedBox), and the sRGB output intent, set with qpdf
// on the PDF Cairo wrote.
// qpdf's PointerHolder is std::shared_ptr from here on (qpdf/PointerHolder.hh).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <fstream>
#include <sstream>

#include "pathways/poster.hpp"
#include "pathways/print.hpp"

namespace pathways {

namespace {

QPDFObjectHandle array_of(const PdfBox& b) {
    return QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(b.x0, b.y0, b.x1, b.y1));
}

/// The sRGB profile's bytes (IEC 61966-2.1, as colord ships it); a RenderError naming the package
/// when it is missing.
std::string srgb_profile() {
    std::ifstream in(kSrgbProfilePath, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in || bytes.str().size() < 128 || bytes.str().compare(36, 4, "acsp") != 0)
        throw RenderError(std::string("the sRGB colour profile ") + kSrgbProfilePath +
                          " is missing or not an ICC profile (Debian: apt-get install colord-data)");
    return bytes.str();
}

/// The catalogue's /OutputIntents: one intent, sRGB, with the profile embedded. Its subtype is
/// GTS_PDFX (the intent print workflows read), but no GTS_PDFXVersion is written: pathways does
/// not claim PDF/X conformance.
void add_srgb_output_intent(QPDF& doc) {
    QPDFObjectHandle profile = QPDFObjectHandle::newStream(&doc, srgb_profile());
    profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
    QPDFObjectHandle intent = QPDFObjectHandle::newDictionary();
    intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
    intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFX"));
    intent.replaceKey("/OutputConditionIdentifier", QPDFObjectHandle::newString(kSrgbCondition));
    intent.replaceKey("/Info", QPDFObjectHandle::newString(kSrgbCondition));
    intent.replaceKey("/RegistryName", QPDFObjectHandle::newString("http://www.color.org"));
    intent.replaceKey("/DestOutputProfile", profile);
    QPDFObjectHandle intents = QPDFObjectHandle::newArray();
    intents.appendItem(doc.makeIndirectObject(intent));
    doc.getRoot().replaceKey("/OutputIntents", intents);
}

}  // namespace

std::string set_page_boxes(const std::string& pdf, const PdfBox& trim, const PdfBox& bleed) {
    try {
        QPDF doc;
        doc.processMemoryFile("poster.pdf", pdf.data(), pdf.size());
        for (auto& page : QPDFPageDocumentHelper(doc).getAllPages()) {
            QPDFObjectHandle object = page.getObjectHandle();
            object.replaceKey("/TrimBox", array_of(trim));
            object.replaceKey("/BleedBox", array_of(bleed));
        }
        add_srgb_output_intent(doc);
        QPDFWriter writer(doc);
        writer.setOutputMemory();
        writer.setDeterministicID(true);  // same page, same bytes
        writer.write();
        auto buffer = writer.getBufferSharedPointer();
        return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    } catch (const RenderError&) {
        throw;
    } catch (const std::exception& e) {
        throw RenderError(std::string("PDF page boxes could not be set: ") + e.what());
    }
}

}  // namespace pathways
