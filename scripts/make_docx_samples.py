"""Build the .docx samples from the .txt seeds in samples/, with real Word footnotes at the
anchors the txt reader recovers and real tables whose header cells are merged.

    python scripts/make_docx_samples.py [samples/]

The files are byte-for-byte reproducible (fixed zip timestamps), so their doc_id is stable.
"""
from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from xml.sax.saxutils import escape

from extractors.tables import split_header
from pipeline.readers import read

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FIXED_TIME = (2024, 1, 1, 0, 0, 0)


def footnote_ref_run(n: int):
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    va = OxmlElement("w:vertAlign")
    va.set(qn("w:val"), "superscript")
    rpr.append(va)
    run.append(rpr)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(n))
    run.append(ref)
    return run


def footnotes_xml(notes: list[str]) -> bytes:
    parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">',
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
             '</w:r></w:p></w:footnote>']
    for n, text in enumerate(notes, 1):
        parts.append(f'<w:footnote w:id="{n}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                     f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r>'
                     '</w:p></w:footnote>')
    parts.append("</w:footnotes>")
    return "".join(parts).encode("utf-8")


def add_table(document, table) -> None:
    header, rows = split_header(table)
    grid = header + rows
    width = max(len(r) for r in grid)
    out = document.add_table(rows=len(grid), cols=width)
    out.style = "Table Grid"
    for r, row in enumerate(grid):
        for c in range(width):
            out.cell(r, c).text = row[c] if c < len(row) else ""
    # merge header cells that repeat across (gridSpan) or down (vMerge), as the source had them
    h = len(header)
    for r in range(h):
        c = 0
        while c < width:
            end = c
            while end + 1 < width and header[r][end + 1] == header[r][c] and (
                    r == 0 or header[r - 1][end + 1] == header[r - 1][c]):
                end += 1
            if end > c:
                text = header[r][c]
                out.cell(r, c).merge(out.cell(r, end)).text = text
            c = end + 1
    for c in range(width):
        r = 0
        while r < h:
            end = r
            while end + 1 < h and header[end + 1][c] == header[r][c]:
                end += 1
            if end > r:
                text = header[r][c]
                out.cell(r, c).merge(out.cell(end, c)).text = text
            r = end + 1
    for r in range(h):  # Word repeats these rows on each page
        trpr = out.rows[r]._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:tblHeader"))


def build(txt: Path) -> bytes:
    doc = read(txt)
    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    anchors: dict[int, list[int]] = {}
    for fn in doc.footnotes:
        if fn.anchor is not None:
            anchors.setdefault(fn.anchor, []).append(fn.n)
    for block in doc.blocks:
        if block.kind == "footnote":
            continue
        if block.kind == "table":
            add_table(document, doc.tables[block.table])
            continue
        style = None
        if block.kind == "heading" and block.level is not None:
            style = f"Heading {min(block.level, 9)}"
        paragraph = document.add_paragraph(style=style)
        cut = block.start
        for offset in sorted(o for o in anchors if block.start <= o <= block.end):
            if offset > cut:
                paragraph.add_run(doc.text[cut:offset])
            for n in anchors[offset]:
                paragraph._p.append(footnote_ref_run(n))
            cut = offset
        if cut < block.end:
            run = paragraph.add_run(doc.text[cut:block.end])
            run.bold = block.kind == "heading" and block.level is None
    if doc.footnotes:
        attach_footnotes(document, [fn.text for fn in doc.footnotes])
    return save(document)


def attach_footnotes(document, notes: list[str]) -> None:
    """Give the document a footnotes part; footnote n (1-based) is referenced as w:id n."""
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, footnotes_xml(notes), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def save(document) -> bytes:
    raw = io.BytesIO()
    document.save(raw)
    return _fixed_timestamps(raw.getvalue())


def _fixed_timestamps(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def main(folder: str = "samples") -> None:
    for txt in sorted(Path(folder).glob("*.txt")):
        target = txt.with_suffix(".docx")
        target.write_bytes(build(txt))
        print(f"{txt} -> {target}")


if __name__ == "__main__":
    main(*sys.argv[1:])
