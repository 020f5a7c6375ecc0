"""Build small, real PDF files with selectable text (for sample documents and tests)."""

import io
import textwrap

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

_PAGE_WIDTH, _PAGE_HEIGHT = 595, 842  # A4 in points
_LINES_PER_PAGE = 48
_WRAP = 90


def _escape(line: str) -> bytes:
    # Helvetica with WinAnsiEncoding covers Dutch letters (é, ë, ï, €); the string is a PDF literal.
    raw = line.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content_stream(lines: list[str]) -> bytes:
    parts = [b"BT", b"/F1 11 Tf", b"14 TL", b"56 790 Td"]
    for line in lines:
        parts.append(b"(" + _escape(line) + b") Tj T*")
    parts.append(b"ET")
    return b"\n".join(parts)


def pdf_bytes(*, title: str, paragraphs: list[str]) -> bytes:
    """Return a valid A4 PDF whose text (title and paragraphs) pypdf can extract again."""
    lines = [title, ""]
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, _WRAP) or [""])
        lines.append("")
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    writer = PdfWriter()
    font_ref = writer._add_object(font)
    for start in range(0, len(lines), _LINES_PER_PAGE):
        page = writer.add_blank_page(width=_PAGE_WIDTH, height=_PAGE_HEIGHT)
        stream = DecodedStreamObject()
        stream.set_data(_content_stream(lines[start : start + _LINES_PER_PAGE]))
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject(
            {
                NameObject("/Font"): DictionaryObject({NameObject("/F1"): font_ref}),
                NameObject("/ProcSet"): ArrayObject([NameObject("/PDF"), NameObject("/Text")]),
            }
        )
    writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_text(data: bytes) -> str:
    """Return the text of a PDF, page by page, as pypdf extracts it."""
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages).strip()
