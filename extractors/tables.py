"""Tables as typed long-form data (SPEC.md, 'table'): title, header rows with merged cells
repeated over their span, data rows, and one cell record per non-empty data cell."""
from __future__ import annotations

import regex

from schemas.document import Document, Table

from .numbers import parse_number

# extractors whose results this one reads through Document.remember
REQUIRES = ()


_TITLE_NUMBER = regex.compile(r"^(?:(?i:bảng|biểu|phụ lục)\s*[\dIVX]*(?:\.\d+)*\s*[:.\-–]\s*"
                              r"|(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5}|[A-Za-z])\s*[.)\-–]\s+)")
_MAX_TITLE = 250


def extract(doc: Document) -> list[dict]:
    records = []
    for index, table in enumerate(doc.tables):
        header, rows = split_header(table)
        paths = column_paths(header, width(header, rows))
        records.append({
            "index": index,
            "title": title_for(doc, table),
            "header": header,
            "rows": rows,
            "abbreviations": abbreviations(doc, header),
            "cells": cells(rows, paths),
            "section": doc.section_at(table.start),
            "start": table.start,
            "end": table.end,
        })
    return records


# Header abbreviations of party and state tables, and what they stand for.
KNOWN_ABBREVIATIONS = {
    "HTXSNV": "hoàn thành xuất sắc nhiệm vụ", "HTTNV": "hoàn thành tốt nhiệm vụ", "HTNV": "hoàn thành nhiệm vụ",
    "KHTNV": "không hoàn thành nhiệm vụ", "TSVM": "trong sạch vững mạnh", "TT": "thứ tự", "STT": "số thứ tự",
    "ĐVT": "đơn vị tính", "KH": "kế hoạch", "TH": "thực hiện", "SL": "số lượng", "TL": "tỷ lệ",
}
_DEFINED = regex.compile(r"(?P<long>\p{Ll}[\p{Ll} ,]{4,80}?)[ \t]*\((?P<short>\p{Lu}[\p{Lu}Đ]{1,9})\)")


def abbreviations(doc: Document, header: list[list[str]]) -> dict[str, str]:
    """Header cells written as abbreviations, with their expansion: as the document defines
    them ("… hoàn thành tốt nhiệm vụ (HTTNV)"), else from the built-in list."""
    cells = {c for row in header for c in row if regex.fullmatch(r"\p{Lu}[\p{Lu}Đ]{1,9}", c)}
    if not cells:
        return {}
    defined = {m.group("short"): m.group("long").strip(" ,") for m in _DEFINED.finditer(doc.text)}
    return {c: defined.get(c) or KNOWN_ABBREVIATIONS[c] for c in sorted(cells)
            if c in defined or c in KNOWN_ABBREVIATIONS}


def title_for(doc: Document, table: Table) -> str | None:
    """The caption or nearest heading above the table, without its own numbering."""
    previous = [b for b in doc.blocks if b.end <= table.start and b.kind in ("heading", "paragraph")]
    for block in reversed(previous[-2:]):
        text = " ".join(block.text.split())
        if len(text) <= _MAX_TITLE:
            return _TITLE_NUMBER.sub("", text, count=1) or text
    return None


def _numeric(cell: str) -> bool:
    return parse_number(cell) is not None


def _header_like(row: list[str]) -> bool:
    filled = [c for c in row if c]
    return bool(filled) and not any(_numeric(c) for c in filled) and (
        len(filled) < len(row) or all(len(c) <= 60 for c in filled))


def width(header: list[list[str]], rows: list[list[str]]) -> int:
    return max((len(r) for r in rows or header), default=0)


def split_header(table: Table) -> tuple[list[list[str]], list[list[str]]]:
    grid = [list(r) for r in table.grid if any(c.strip() for c in r)]
    if not grid:
        return [], []
    count = table.header_rows
    if count is None:
        count = 1
        while count < len(grid) - 1 and _header_like(grid[count]):
            count += 1
    header, rows = grid[:count], grid[count:]
    w = width(header, rows)
    header = complete_header(header, w)
    # a table split over pages repeats its header rows among the data: drop the repeats
    rows = [r + [""] * (w - len(r)) for r in rows if r not in header and r[:len(header[-1])] != header[-1]]
    return header, rows


def complete_header(header: list[list[str]], w: int) -> list[list[str]]:
    """Where a text export lost the merges: a short row's last cell spans the rest, and an
    empty cell under a filled one is the lower part of a vertical merge."""
    done: list[list[str]] = []
    for row in header:
        row = list(row)
        if row and len(row) < w:
            row += [row[-1]] * (w - len(row))
        if done:
            above = done[-1]
            row = [cell or above[c] for c, cell in enumerate(row)]
        done.append(row)
    return done


def column_paths(header: list[list[str]], w: int) -> list[str]:
    paths = []
    for c in range(w):
        parts: list[str] = []
        for row in header:
            cell = row[c] if c < len(row) else ""
            if cell and cell not in parts:
                parts.append(cell)
        paths.append(" / ".join(parts))
    return paths


def cells(rows: list[list[str]], paths: list[str]) -> list[dict]:
    out = []
    for row in rows:
        label = row[0] if row else ""
        for c, raw in enumerate(row[1:], 1):
            if not raw:
                continue
            number = parse_number(raw)
            out.append({"row": label, "column": paths[c] if c < len(paths) else "",
                        "value": raw if number is None else number, "raw": raw})
    return out
