"""PDF with a text layer, through pypdfium2 (PDFium's text extraction). No OCR: a scanned
PDF is refused with a reason."""
from __future__ import annotations

import pypdfium2 as pdfium

from schemas.document import Document, doc_id_for
from . import ReadError
from .txt import document_from_lines

_MIN_CHARS_PER_PAGE = 20


def read(data: bytes, source: str) -> Document:
    if not data.startswith(b"%PDF"):
        raise ReadError("not a PDF file (no %PDF header)")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise ReadError("password-protected PDF: remove the password and save again") from None
        raise ReadError(f"damaged PDF: {exc}") from None
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    text = "\n".join(pages)
    if len(text.strip()) < _MIN_CHARS_PER_PAGE * max(1, len(pages)):
        raise ReadError("scanned PDF: no text layer to read (OCR is not supported)")
    return document_from_lines(text, doc_id=doc_id_for(data), source=source, format="pdf")
