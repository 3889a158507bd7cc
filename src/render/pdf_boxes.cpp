// Page boxes Cairo does not write (TrimBox, BleedBox), set with qpdf on the PDF Cairo wrote.
// qpdf's PointerHolder is std::shared_ptr from here on (qpdf/PointerHolder.hh).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "pathways/poster.hpp"
#include "pathways/print.hpp"

namespace pathways {

namespace {

QPDFObjectHandle array_of(const PdfBox& b) {
    return QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(b.x0, b.y0, b.x1, b.y1));
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
        QPDFWriter writer(doc);
        writer.setOutputMemory();
        writer.setDeterministicID(true);  // same page, same bytes
        writer.write();
        auto buffer = writer.getBufferSharedPointer();
        return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    } catch (const std::exception& e) {
        throw RenderError(std::string("PDF page boxes could not be set: ") + e.what());
    }
}

}  // namespace pathways
