"""Word .docx through python-docx, plus what python-docx has no API for: footnotes with the
exact position of each reference, and tables with horizontal and vertical merges resolved.

The package is checked before anything is parsed: encrypted files, legacy .doc renamed to
.docx, truncated zips, zip bombs and XML entity declarations are refused with a reason.
"""
from __future__ import annotations

import io
import zipfile

import docx
from lxml import etree

from .. import encodings
from schemas.document import Document, DocumentBuilder, doc_id_for
from schemas.text import classify_heading, normalise
from . import ReadError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_UNPACKED = 300 * 1024 * 1024
MAX_RATIO = 200  # uncompressed/compressed; real Word XML stays far below
MAX_MEMBERS = 5000
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def read(data: bytes, source: str) -> Document:
    check_package(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises a handful of unrelated types for broken parts
        raise ReadError(f"not a readable Word document: {type(exc).__name__}: {exc}"[:300]) from None
    builder = DocumentBuilder()
    fonts = Fonts(document)
    notes = footnote_bodies(document, fonts)
    number_of = {fid: n for n, (fid, _) in enumerate(notes, 1)}
    walk(document.element.body, builder, number_of, document, fonts)
    for n, (_, text) in enumerate(notes, 1):
        builder.footnote(n, text)
    encoding = "+".join(["unicode"] + sorted(fonts.used)) if fonts.used else None
    return builder.build(doc_id=doc_id_for(data), source=source, format="docx", encoding=encoding)


def check_package(data: bytes) -> None:
    if data.startswith(OLE_SIGNATURE):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise ReadError("password-protected (encrypted) Office file: remove the password in Word and save again")
        raise ReadError("a legacy Word .doc (OLE file) with a .docx name: rename it to .doc or save it as .docx")
    if not data.startswith(b"PK"):
        raise ReadError("not a .docx: not a zip package")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise ReadError(f"damaged or truncated .docx (bad zip: {exc})") from None
    if len(members) > MAX_MEMBERS:
        raise ReadError(f"refused: {len(members)} parts in the package (zip bomb?)")
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED:
        raise ReadError(f"refused: unpacks to {total // (1024 * 1024)} MB (zip bomb?)")
    for m in members:
        if m.file_size > 1024 * 1024 and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise ReadError(f"refused: {m.filename} expands {m.file_size // max(m.compress_size, 1)}x (zip bomb?)")
    names = {m.filename for m in members}
    if "word/document.xml" not in names:
        raise ReadError("not a Word document: the package has no word/document.xml")
    for name in ("word/document.xml", "word/footnotes.xml", "word/styles.xml"):
        if name in names:
            try:
                with archive.open(name) as part:
                    head = part.read(4096)
            except (zipfile.BadZipFile, EOFError, OSError, zipfile.LargeZipFile) as exc:
                raise ReadError(f"damaged or truncated .docx ({name}: {exc})") from None
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise ReadError(f"refused: {name} declares XML entities (entity-expansion attack?)")
    try:  # a truncated archive can list its members and still fail their checksums
        bad = archive.testzip()
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise ReadError(f"damaged or truncated .docx ({exc})") from None
    if bad:
        raise ReadError(f"damaged or truncated .docx (corrupt part {bad})")


def footnote_bodies(document, fonts: Fonts | None = None) -> list[tuple[str, str]]:
    """(w:id, text) of each real footnote, in the order of the footnotes part."""
    part = None
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            part = rel.target_part
    if part is None:
        return []
    try:
        root = etree.fromstring(part.blob, _SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"damaged footnotes part: {exc}") from None
    notes = []
    for fn in root.iterchildren(_W + "footnote"):
        if fn.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join(paragraph_text(p, fonts)[0] for p in fn.iter(_W + "p"))
        notes.append((fn.get(_W + "id"), " ".join(normalise(text).split())))
    return notes


def paragraph_text(p, fonts: "Fonts | None" = None) -> tuple[str, list[tuple[str, int]]]:
    """The paragraph's text and the (footnote id, offset) of each reference in it. Runs set
    in a legacy font ('.VnTime', 'VNI-Times') are converted from that font's code points."""
    pieces: list[str] = []
    refs: list[tuple[str, int]] = []
    length = 0
    for el in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr", _W + "noBreakHyphen",
                     _W + "footnoteReference"):
        tag = el.tag[len(_W):]
        if tag == "footnoteReference":
            refs.append((el.get(_W + "id"), length))
            continue
        piece = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}.get(tag, el.text or "")
        if fonts is not None and tag == "t":
            piece = fonts.convert(el, p, piece)
        piece = normalise(piece)
        pieces.append(piece)
        length += len(piece)
    return "".join(pieces), refs


class Fonts:
    """The font each run is set in: its own rFonts, else its paragraph style's, else the
    document default; and the legacy encodings met, for Document.encoding."""

    def __init__(self, document):
        self.document = document
        self.default = None
        self.by_style: dict[str, str | None] = {}
        self.used: set[str] = set()
        try:
            self.default = document.styles["Normal"].font.name
        except KeyError:
            pass

    def _style_font(self, p) -> str | None:
        ppr = p.find(_W + "pPr")
        style = ppr.find(_W + "pStyle") if ppr is not None else None
        style_id = style.get(_W + "val") if style is not None else None
        if not style_id:
            return self.default
        if style_id not in self.by_style:
            try:
                font = self.document.styles.get_by_id(style_id, 1).font.name
            except Exception:  # a style id the styles part does not define
                font = None
            self.by_style[style_id] = font or self.default
        return self.by_style[style_id]

    def convert(self, t, p, text: str) -> str:
        run = t.getparent()
        fonts = run.find(f"{_W}rPr/{_W}rFonts") if run is not None else None
        font = None
        if fonts is not None:
            font = fonts.get(_W + "ascii") or fonts.get(_W + "hAnsi")
        font = font or self._style_font(p)
        legacy = encodings.font_encoding(font)
        if not legacy:
            return text
        self.used.add(legacy)
        return encodings.convert_run(text, font)


def walk(parent, builder: DocumentBuilder, number_of: dict[str, int], document, fonts: Fonts) -> None:
    for child in parent.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            add_paragraph(child, builder, number_of, document, fonts)
        elif tag == _W + "tbl":
            grid, header_rows, refs = table_grid(child, fonts)
            block = builder.table(grid, header_rows)
            for fid in refs:  # a mark inside a cell is anchored at its table
                if fid in number_of:
                    builder.anchor(number_of[fid], block.start)
        elif tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                walk(content, builder, number_of, document, fonts)


def add_paragraph(p, builder: DocumentBuilder, number_of: dict[str, int], document, fonts: Fonts) -> None:
    raw, refs = paragraph_text(p, fonts)
    text = raw.strip()
    if not text:
        for fid, _ in refs:
            if fid in number_of and builder.blocks:
                builder.anchor(number_of[fid], builder.blocks[-1].end)
        return
    lead = len(raw) - len(raw.lstrip())
    heading = classify_heading(text)
    style_level = _style_heading_level(p, document)
    if style_level is not None and (heading is None or heading == (None, None)):
        heading = (style_level, text[:80])
    anchors = [(number_of[fid], min(max(off - lead, 0), len(text))) for fid, off in refs if fid in number_of]
    builder.add(text, heading, anchors)


def _style_heading_level(p, document) -> int | None:
    ppr = p.find(_W + "pPr")
    style = ppr.find(_W + "pStyle") if ppr is not None else None
    if style is None:
        return None
    style_id = style.get(_W + "val") or ""
    try:
        name = document.styles.get_by_id(style_id, 1).name or style_id  # 1: paragraph style
    except Exception:  # a style id the styles part does not define
        name = style_id
    lowered = name.lower().replace(" ", "")
    if lowered == "title":
        return 1
    if lowered.startswith("heading") and lowered[7:].isdigit():
        return int(lowered[7:])
    return None


def table_grid(tbl, fonts: Fonts | None = None) -> tuple[list[list[str]], int | None, list[str]]:
    """The table as a grid with every merged cell's text repeated over its span, how many
    leading rows the source marks as header, and the footnote ids referenced in its cells."""
    grid: list[list[str]] = []
    refs: list[str] = []
    marked_header = 0
    merge_depth = 0  # how far down vertical merges that start in the first row reach
    first_row_merged = False
    for r, tr in enumerate(tbl.iterchildren(_W + "tr")):
        row: list[str] = []
        trpr = tr.find(_W + "trPr")
        if trpr is not None:
            before = trpr.find(_W + "gridBefore")
            if before is not None:
                row.extend([""] * _count(before.get(_W + "val"), 0))
            if trpr.find(_W + "tblHeader") is not None and marked_header == r:
                marked_header = r + 1
        for tc in tr.iterchildren(_W + "tc"):
            tcpr = tc.find(_W + "tcPr")
            span, vmerge = 1, None
            if tcpr is not None:
                gs = tcpr.find(_W + "gridSpan")
                if gs is not None:
                    span = _count(gs.get(_W + "val"), 1)
                vm = tcpr.find(_W + "vMerge")
                if vm is not None:
                    vmerge = vm.get(_W + "val", "continue")
            col = len(row)
            texts = []
            for p in tc.iter(_W + "p"):
                text, prefs = paragraph_text(p, fonts)
                refs.extend(fid for fid, _ in prefs)
                if text.strip():
                    texts.append(" ".join(text.split()))
            text = " ".join(texts)
            if vmerge == "continue" and grid and col < len(grid[-1]):
                text = grid[-1][col]
                if first_row_merged and r == merge_depth + 1:
                    merge_depth = r
            if r == 0 and (span > 1 or vmerge == "restart"):
                first_row_merged = True
            row.extend([text] * span)
        grid.append(row)
    header_rows = marked_header or (merge_depth + 1 if first_row_merged else None)
    return grid, header_rows, refs


def _count(value: str | None, default: int, most: int = 64) -> int:
    """A span or skip count as Word writes it; a damaged one ("abc", "-3", "99999") is read
    as the default or capped, so one bad cell cannot cost the document or blow up a row."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return min(max(number, default), most)
