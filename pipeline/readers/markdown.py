"""Markdown exports of legal portals: emphasis markers dropped, pipe-table letterheads
flattened to lines, other pipe tables kept as tables, then laid out like a .txt export
(which joins the line breaks that fall inside sentences and citations)."""
from __future__ import annotations

import regex

from schemas.document import Document, doc_id_for
from .txt import check_text, decode, document_from_lines

_EMPHASIS = regex.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_HEADING = regex.compile(r"^[ \t]{0,3}#{1,6}[ \t]+")
_RULE = regex.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$")
_SEPARATOR_ROW = regex.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
_LINK = regex.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_LETTERHEAD = regex.compile(r"CỘNG HÒA|CỘNG HOÀ|Độc lập|Số[ \t]*:|, ngày")


def read(data: bytes, source: str) -> Document:
    text, encoding = decode(data)
    check_text(text)
    return document_from_lines(to_lines(text), doc_id=doc_id_for(data), source=source, format="md",
                               encoding=encoding)


def to_lines(markdown: str) -> str:
    out: list[str] = []
    lines = markdown.replace("\r\n", "\n").split("\n")
    i = 0
    while i < len(lines):
        if lines[i].lstrip().startswith("|"):
            rows = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                if not _SEPARATOR_ROW.match(lines[i]):
                    rows.append([_inline(c.strip()) for c in lines[i].strip().strip("|").split("|")])
                i += 1
            out.extend(_table(rows))
            continue
        line = lines[i]
        if _RULE.match(line):
            out.append("")
        else:
            out.append(_inline(_HEADING.sub("", line)))
        i += 1
    return "\n".join(out)


def _inline(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    for _ in range(3):  # nested emphasis: ***bold italic***
        text = _EMPHASIS.sub(r"\2", text)
    return text.replace("\\", "")


def _table(rows: list[list[str]]) -> list[str]:
    """A letterhead set as a table becomes its lines, column by column; a real table becomes
    tab cells, one a line, rows apart, as .txt exports have them."""
    if any(_LETTERHEAD.search(" ".join(r)) for r in rows) and max(len(r) for r in rows) <= 3:
        columns = max(len(r) for r in rows)
        lines = [""]
        for c in range(columns):
            lines.extend(r[c] for r in rows if c < len(r) and r[c])
            lines.append("")
        return lines
    lines = [""]
    for row in rows:
        lines.extend("\t" + cell for cell in row)
        lines.append("")
    lines.append("")
    return lines
