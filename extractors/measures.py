"""Numeric targets and results in the body (SPEC.md, 'measure'): one record per number that
states the level of an indicator, with its comparator, unit, year and kind."""
from __future__ import annotations

import regex

from schemas.document import Block, Document

from .clauses import Piece, describe, pieces, sentences, skip_spans

# extractors whose results this one reads through Document.remember
REQUIRES = ("citations",)


YEAR = regex.compile(r"(?<![\d/.\-])((?:19|20)\d\d)(?![\d/])")
_COMPARE_BASE = regex.compile(r"(?i:so với|cùng kỳ|từ)[ \t]+(?:(?i:cùng kỳ|năm)[ \t]+)*$")
_TARGET_WORDS = regex.compile(r"(?i:phấn đấu|mục tiêu|(?<!(?:vượt|đạt|hoàn thành)(?: các)? )chỉ tiêu|dự kiến)")
_SCOPE_YEAR = regex.compile(r"[ \t\-–+•]*(?i:(?:trong|tính đến|đến|cuối|từ đầu)[ \t]+)?(?i:năm)[ \t]+((?:19|20)\d\d)(?![\d/])")
_CHANGE_LEAD = regex.compile(r"^[\s,;:(\-–+•]*(?:(?i:trong đó|đồng thời|phấn đấu|tiếp tục|mỗi năm|hằng năm|hàng năm)[ \t,]*)*(?i:(giảm)|(tăng))\b")
_TARGET_HEADINGS = regex.compile(r"(?i:phương hướng|mục tiêu|chỉ tiêu|giải pháp|kế hoạch|nội dung thi đua|"
                                 r"nhiệm vụ (?:trọng tâm|đột phá|chủ yếu))")
_RESULT_HEADINGS = regex.compile(r"(?i:kết quả|đánh giá|tình hình|thực trạng|đạt được)")
_PLAN_DOCUMENT = regex.compile(r"(?i:phát động|chương trình hành động)|^[ \t]*(?:KẾ HOẠCH|CHƯƠNG TRÌNH|CHỈ THỊ)\b", regex.M)
_LOCAL_TARGET = regex.compile(r"(?<!(?i:so với|theo|vượt|đạt|hoàn thành)[ \t](?:các[ \t])?)"
                              r"(?i:kế hoạch|chỉ tiêu|mục tiêu|phấn đấu)[^,;.()]{0,25}$")
_ASSESSMENT = regex.compile(r"^(?i:(không đạt|chưa đạt)|(vượt)|(đạt|hoàn thành))")

_COMPARATORS = [  # (pattern at the end of the words before the number, comparator)
    (r"(?:đạt và vượt|đạt trở lên)(?:[ \t]+(?:trên|mức))?", ">="),
    (r"(?:ít nhất|tối thiểu|không dưới|không thấp hơn|≥|>=|=>)", ">="),
    (r"(?:tối đa|≤|<=|=<)", "<="),
    (r"(?:xuống còn|giảm còn|giảm xuống còn|chỉ còn|xuống|còn)(?:[ \t]+(?:khoảng|mức))?", "="),
    (r"(?:dưới|không quá|không vượt quá|chưa đến|thấp hơn|<)(?:[ \t]+mức)?", "<"),
    (r"(?:trên|hơn|vượt|cao hơn|>)(?:[ \t]+mức)?", ">"),
    (r"tăng(?:[ \t]+(?:thêm|mỗi năm|hằng năm|hàng năm|bình quân))?", "increase"),
    (r"giảm(?:[ \t]+(?:thêm|mỗi năm|hằng năm|hàng năm|bình quân))?", "decrease"),
]
_COMPARATOR = [(regex.compile(r"(?i:" + p + r")[ \t]*$"), c) for p, c in _COMPARATORS]
_STATES_LEVEL = regex.compile(r"(?:(?i:đạt|là|chiếm|bằng|khoảng|gần|trên|dưới|hơn|tăng|giảm|còn|lên|xuống|"
                              r"được|có|tổng số|tổng|mức)|[:=<>≥≤])[ \t]*$")
_BELOW_AFTER_DOWN = regex.compile(r"(?i:xuống(?:[ \t]+còn)?)[ \t]*(?:<|dưới)[ \t]*$")


def comparator(text: str, piece: Piece, previous: str | None = None) -> str:
    """`previous` is the comparator of the quantity before in a bare list ("ít nhất 2 tập
    thể, 10 cá nhân"), which this one shares."""
    q = piece.quantity
    if q.is_range:
        return "range"
    lead = text[piece.start:q.start]
    before = text[max(piece.start, q.start - 40):q.start]
    change = _CHANGE_LEAD.match(lead)
    if change and not regex.search(r"(?i:xuống|còn|lên|đạt|ở mức)", lead):
        return "decrease" if change.group(1) else "increase"  # "giảm tỷ suất sinh thô 0,2 ‰"
    if _BELOW_AFTER_DOWN.search(before):
        return "<"
    for pattern, comp in _COMPARATOR:
        if pattern.search(before):
            return comp
    if previous and not lead.strip(" ,;"):
        return previous
    return "="


def years_in(text: str, start: int, end: int) -> list[int]:
    found = []
    for m in YEAR.finditer(text, start, end):
        if _COMPARE_BASE.search(text[max(start, m.start() - 20):m.start()]):
            continue  # "so với năm 2021" is the base, not the year measured
        if regex.match(r"[ \t]*[-–][ \t]*(?:19|20)\d\d", text[m.end():m.end() + 8]):
            continue  # a period "2021 - 2025" spans several years
        found.append(int(m.group(1)))
    return found


def document_year(doc: Document) -> int | None:
    """The one year a document is about, read from its opening blocks; None for a term."""
    opening = " ".join(b.text for b in doc.blocks[:6] if b.kind in ("heading", "paragraph"))[:1500]
    if regex.search(r"(?:19|20)\d\d[ \t]*[-–][ \t]*(?:19|20)\d\d", opening[:600]):
        return None
    first = YEAR.search(opening[:600])
    return int(first.group(1)) if first else None


def default_kind(doc: Document) -> str:
    return "target" if _PLAN_DOCUMENT.search(doc.text[:800]) else "result"


def _cue_texts(doc: Document) -> dict[int, list[str]]:
    """For each block start, every governing heading's text with the unnumbered title lines
    under it ("Phần thứ nhất" + "ĐÁNH GIÁ KẾT QUẢ …"), outermost first."""
    cues: dict[int, list[str]] = {}
    path: list[list] = []
    for block in doc.blocks:
        if block.kind == "footnote":
            break
        if block.kind == "heading":
            if block.level is None:
                if path:
                    path[-1][1] += " " + block.text
            else:
                path = [p for p in path if p[0] < block.level]
                path.append([block.level, block.text])
        cues[block.start] = [t for _, t in path]
    return cues


def heading_cue(cues: list[str]) -> str | None:
    for text in reversed(cues):
        if _TARGET_HEADINGS.search(text):
            return "target"
        if _RESULT_HEADINGS.search(text):
            return "result"
    return None


def extract(doc: Document) -> list[dict]:
    spans = skip_spans(doc)
    doc_kind, doc_year = default_kind(doc), document_year(doc)
    lead_year: int | None = None  # from a lead-in "Phấn đấu đến cuối nhiệm kỳ (năm 2030):"
    scope_year: int | None = None  # from a sentence opening "Năm 2009, …", until the next heading
    out: list[dict] = []
    text = doc.text
    cues = _cue_texts(doc)
    for block in doc.blocks:
        if block.kind == "footnote":
            break
        if block.kind == "heading":
            lead_year = scope_year = None
            continue
        if block.kind == "table":
            out.extend(_table_measures(doc, block, spans, doc_year))
            continue
        if block.text.rstrip().endswith(":"):
            ys = years_in(text, block.start, block.end)
            if ys:
                lead_year = ys[-1]
        section_kind = heading_cue(cues[block.start])
        scope_at = {}
        for s_start, s_end in sentences(text, block.start, block.end):
            scoped = _SCOPE_YEAR.match(text, s_start, s_end)
            scope_year = int(scoped.group(1)) if scoped else scope_year
            scope_at[s_start] = scope_year
        previous, previous_comparator = None, None
        for piece in pieces(text, block.start, block.end, spans, block.start):
            if piece.quantity.unit is None and not _STATES_LEVEL.search(text[piece.start:piece.quantity.start]):
                continue  # a bare number with no unit and no "đạt", "là" …: a code or a table figure
            if previous is None or previous.sentence_start != piece.sentence_start:
                previous = previous_comparator = None
            listed = previous is not None and regex.fullmatch(
                r"[ \t]*(?:,|và)[ \t]*", text[previous.quantity.end:piece.quantity.start])
            if previous and len(describe(text, piece).split()) < 2:
                # "đạt 1,34 lần (tăng 0,11 so với năm 2021)": the change is of the same indicator
                piece.start, piece.indicator = previous.start, describe(text, previous)
            sentence = text[piece.sentence_start:piece.sentence_end]
            year = _first(years_in(text, piece.start, piece.end)) or _first(
                years_in(text, piece.sentence_start, piece.sentence_end))
            year = year or lead_year or scope_at.get(piece.sentence_start) or doc_year
            kind = ("target" if _LOCAL_TARGET.search(text[piece.start:piece.quantity.start]) else None) \
                or section_kind or ("target" if _TARGET_WORDS.search(sentence) else None) or doc_kind
            record = _record(doc, piece, kind, year, previous_comparator if listed else None)
            out.append(record)
            previous, previous_comparator = piece, record["comparator"]
    return out


def _first(values: list[int]) -> int | None:
    return values[0] if values else None


def _record(doc: Document, piece: Piece, kind: str, year: int | None, previous: str | None = None,
            **extra) -> dict:
    q, text = piece.quantity, doc.text
    return {"kind": kind, "indicator": getattr(piece, "indicator", None) or describe(text, piece),
            "comparator": comparator(text, piece, previous),
            "value": q.value, "value_max": q.value_max, "unit": q.unit, "year": year,
            "text": text[piece.start:piece.end].strip(), "start": piece.start, "end": piece.end,
            "section": doc.section_at(piece.start), **extra}


def _table_measures(doc: Document, block: Block, spans, doc_year) -> list[dict]:
    """Prose cells of a table of targets with an assessment column (a report's appendix
    listing the last congress's targets): each number is a target, with the row's status."""
    table = doc.tables[block.table]
    out = []
    pos = block.start
    for row in table.grid:
        offsets = []
        for cell in row:
            offsets.append(pos)
            pos += len(cell.replace("\n", " ")) + 1
        status = None
        for cell in row[1:]:
            m = _ASSESSMENT.match(cell.strip())
            if m and len(cell) < 200:
                status = "not_achieved" if m.group(1) else "exceeded" if m.group(2) else "achieved"
        if status is None:
            continue
        for cell, start in zip(row, offsets):
            if len(cell) < 40 or _ASSESSMENT.match(cell.strip()):
                continue
            for piece in pieces(doc.text, start, start + len(cell), spans, start):
                year = _first(years_in(doc.text, piece.start, piece.end)) or _first(
                    years_in(doc.text, piece.sentence_start, piece.sentence_end))
                out.append(_record(doc, piece, "target", year, status=status))
    return out
