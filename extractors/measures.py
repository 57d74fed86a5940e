"""Numeric targets and results in the body (SPEC.md, 'measure'): one record per number that
states the level of an indicator, with its comparator, unit, year and kind."""
from __future__ import annotations

import regex

from schemas.document import Block, Document

from . import lexicon
from .clauses import Piece, describe, pieces, sentences, skip_spans

# extractors whose results this one reads through Document.remember
REQUIRES = ("citations",)


YEAR = regex.compile(r"(?<![\d/.\-])((?:19|20)\d\d)(?![\d/])")
_COMPARE_BASE = regex.compile(r"(?i:so với|cùng kỳ|từ)[ \t]+(?:(?i:cùng kỳ|năm)[ \t]+)*$")


def _words(role: str) -> list[str]:
    return sorted(lexicon.column("measure_words", "entry", role=role), key=len, reverse=True)


def _alternation(words) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(words, key=len, reverse=True))


# "Chương trình mục tiêu quốc gia …" names a programme: a result reported under it is no target
_TARGET_WORDS = regex.compile(r"(?<![\p{L}])(?i:(?<!(?:vượt|đạt|hoàn thành)(?: các)? )(?<!chương trình )(?:"
                              + _alternation(_words("target_cue")) + r"))(?![\p{L}])")
_TARGET_HEADINGS = regex.compile(r"(?<![\p{L}])(?i:" + _alternation(_words("target_heading")) + r")(?![\p{L}])")
_RESULT_HEADINGS = regex.compile(r"(?<![\p{L}])(?i:" + _alternation(_words("result_heading")) + r")(?![\p{L}])")
# inside a normative text only an explicit aim makes a figure a target (its "chỉ tiêu" are form rows):
# a heading or lead-in that opens with one ("2. Mục tiêu cụ thể đến năm 2030:"), or "phấn đấu"
_AIM_HEADING = regex.compile(r"^" + r"[ \t*#_>|]*+" + r"(?:(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*|\p{Ll})[.)][ \t]*)?(?i:"
                             + _alternation(_words("aim_in_rules")) + r")(?![\p{L}])")
_AIM_IN_RULES = regex.compile(r"(?<![\p{L}])(?i:phấn đấu)(?![\p{L}])")
_RULE = regex.compile(r"(?<![\p{L}])(?i:" + _alternation(_words("rule_cue")) + r")(?![\p{L}])(?![ \t]+(?i:dẫn))")
_WRAPPER = regex.compile(r"^" + r"[ \t*#_>|]*+" + r"(?i:" + _alternation(_words("wrapper_start")) + r")")
_RESULT_WORDS = regex.compile(r"(?<![\p{L}])(?i:" + _alternation(_words("result_cue")) + r")(?![\p{L}])")
# the heading of criteria, a scale or a procedure: its figures are thresholds (SPEC Rulings)
_CRITERIA_HEADING = regex.compile(r"^[ \t*#_>|]*+(?:(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*|\p{Ll})[.)][ \t]*)?(?i:"
                                  + _alternation(_words("criteria_heading")) + r")(?![\p{L}])")
_SECTOR_HEADING = regex.compile(r"^[ \t*#_>|]*+(?:(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*|\p{Ll})[.)][ \t]*)?(?i:"
                                + _alternation(_words("sector_heading")) + r")(?![\p{L}])")
_CONDITION = regex.compile(r"^[\s*_\-–+•]*(?i:" + _alternation(_words("condition_start")) + r")(?![\p{L}])")
_PREAMBLE = regex.compile(r"^[\s*_]*(?i:" + _alternation(_words("preamble_start")) + r")(?![\p{L}])")
_PRESENT = regex.compile(r"(?<![\p{L}])(?i:" + _alternation(_words("present_cue")) + r")(?![\p{L}])")
_GOES_ON = regex.compile(r"[\s*_\-–+•]*(?i:trong đó|riêng|cụ thể|bao gồm)(?![\p{L}])")
_NOT_LEVEL = regex.compile(r"(?<![\p{L}])(?i:" + _alternation(_words("not_level_cue")) + r")(?![\p{L}])")
_PLAN_DOCUMENT = regex.compile(r"(?i:phát động|chương trình hành động)|^[ \t*#_]*(?:KẾ HOẠCH|CHƯƠNG TRÌNH|CHỈ THỊ)\b", regex.M)
_LOCAL_TARGET = regex.compile(r"(?<!(?i:so với|theo|vượt|đạt|hoàn thành)[ \t](?:các[ \t])?)"
                              r"(?i:kế hoạch|chỉ tiêu|mục tiêu|phấn đấu)[^,;.()]{0,25}$")
_ASSESSMENT = regex.compile(r"^(?i:(không đạt|chưa đạt)|(vượt)|(đạt|hoàn thành))")
# The structure of a normative text (Nghị định 30/2020/NĐ-CP; Luật Ban hành VBQPPL, Điều 61): its
# articles prescribe rules, whose amounts are not measures (SPEC Rulings); an article that adopts a
# plan keeps the plan's targets.
_MARKUP = r"[ \t*#_>|]*+"
_ARTICLE = regex.compile(r"^" + _MARKUP + r"(?i:" + _alternation(_words("article")) + r")[ \t]+\d+[a-zđ]?[ \t]*[.:]")
# "Điều 1. Phê duyệt Kế hoạch …", "Điều 1. Ban hành kèm theo Quyết định này Chương trình …"
_ADOPTS_PLAN = regex.compile(r"^" + _MARKUP + r"(?i:" + _alternation(_words("article")) + r")[ \t]+1[ \t]*[.:]" + _MARKUP
                             + r"(?i:" + _alternation(_words("adopts_plan")) + r")[^.;\n]{0,60}?(?<![\p{L}])(?i:"
                             + _alternation(_words("plan_instrument")) + r")(?![\p{L}])")
# "Điều 2. Mục tiêu, chỉ tiêu chủ yếu năm 2026", "Điều 1. Đánh giá tình hình thực hiện …": an individual
# resolution (an HĐND's year plan, a budget) written in articles sets targets and assesses results
_AIM_ARTICLE = regex.compile(r"^" + _MARKUP + r"(?i:" + _alternation(_words("article")) + r")[ \t]+[1-3][ \t]*[.:]" + _MARKUP
                             + r"(?:(?i:" + _alternation(_words("adopts_plan")) + r")[ \t]+)?(?i:"
                             + _alternation(_words("aim_article")) + r")(?![\p{L}])")
# its own number: a normative text's carries its year ("72/2025/NQ-HĐND", Luật Ban hành VBQPPL 2015, Điều 8),
# an individual resolution's does not ("45/NQ-HĐND")
_OWN_NUMBER = regex.compile(r"^" + _MARKUP + r"(?i:số)[ \t]*:?[ \t]*(\d+[^\s|]*)", regex.M)
_NORMATIVE_NUMBER = regex.compile(r"/(?:19|20)\d\d/")
_FORM = regex.compile(r"^" + _MARKUP + r"(?i:" + _alternation(_words("form_heading")) + r")(?:[ \t]+(?:số[ \t]+)?[\dA-Z]|[ \t]*:)")
# A line that opens a part: its numbering gives its depth ("II." 1, "2." 2, "2.1." 3, "a)" 4).
_NUMBERING = regex.compile(r"^" + _MARKUP + r"(?:(?P<part>(?i:phần|chương|mục)[ \t]+\S+)|"
                           r"(?P<article>(?i:điều)[ \t]+\d+[a-zđ]?[ \t]*[.:])|(?P<roman>[IVXLC]+)[.)/]|"
                           r"(?P<arabic>\d{1,2}(?:\.\d{1,2})*)[.)/]?(?=[ \t\p{L}*])|(?P<letter>\p{Ll})\)|(?P<bullet>[-–+•]))")
_PHASE = regex.compile(r"((?:19|20)\d\d)[ \t]*[-–][ \t]*((?:19|20)\d\d)")
_COMPARATORS = [(regex.compile(r"(?<![\p{L}])(?i:" + _alternation(_words_by) + r")[ \t]*+$"), c)
                for c, _words_by in (
                    (c, [r["entry"] for r in lexicon.rows("measure_words")
                         if r["role"] == "comparator_before" and r["value"] == c])
                    for c in ("increase", "decrease", ">=", "<=", "=", "<", ">"))]
_AFTER = [(regex.compile(r"[ \t]*+(?i:" + regex.escape(r["entry"]) + r")(?![\p{L}])"), r["value"])
          for r in lexicon.rows("measure_words") if r["role"] == "comparator_after"]
_CHANGE_LEAD = regex.compile(r"^[\s,;:(\-–+•]*(?:(?i:trong đó|đồng thời|phấn đấu|tiếp tục|mỗi năm|hằng năm|hàng năm)[ \t,]*)*(?i:(giảm)|(tăng))\b")
_STATES_LEVEL = regex.compile(r"(?:(?i:đạt|là|chiếm|bằng|khoảng|gần|trên|dưới|hơn|tăng|giảm|còn|lên|xuống|"
                              r"được|có|tổng số|tổng|mức)|[:=<>≥≤])[ \t]*$")


# patterns used in loops, compiled once
_STATED_LEVEL = regex.compile(r"(?i:xuống|còn|lên|đạt|ở mức)")
_YEAR_SPAN_AFTER = regex.compile(r"[ \t]*[-–][ \t]*(?:19|20)\d\d")
_YEAR_SPAN_BEFORE = regex.compile(r"(?:19|20)\d\d[ \t]*[-–][ \t]*$")
_YEAR_SPAN = regex.compile(r"(?:19|20)\d\d[ \t]*[-–][ \t]*(?:19|20)\d\d")
_MARKUP_CHARS = regex.compile(r"[*_#>|]+")
_QUALIFIER = regex.compile(r"(?i:bình[ \t_]+quân|trung[ \t_]+bình|giai[ \t_]+đoạn|thời[ \t_]+kỳ|năm|cả|riêng|là|đạt|chỉ|còn)(?![\p{L}])"
                        r"|(?:19|20)\d\d|[-–,;]")
_PER_ONE = regex.compile(r"(?<![\p{L}])(?i:trên|mỗi|cho)[ \t]+$")
_LEVEL_AFTER = regex.compile(r"[ \t]*[\p{L}/²]*[ \t,]*(?i:đạt|là|bình quân|khoảng)(?![\p{L}])")
_SENTENCE_END = regex.compile(r"\d[^:]*[.;]$")


_CHANGE_THEN_QUALIFIER = regex.compile(r"(?<![\p{L}])(?i:(giảm)|tăng)(?:[ \t]+(?i:thêm|bình quân|mỗi năm|hằng năm|hàng năm))?"
                                       r"[ \t]+(?i:ít nhất|tối thiểu|trên|hơn|khoảng|gần|không dưới)[ \t]*+$")


def comparator(text: str, piece: Piece, previous: str | None = None) -> str:
    """`previous` is the comparator of the quantity before in a bare list ("ít nhất 2 tập
    thể, 10 cá nhân"), which this one shares."""
    q = piece.quantity
    if q.is_range:
        return "range"
    for pattern, comp in _AFTER:  # "từ 10% trở lên"
        if pattern.match(text, q.end, q.end + 40):
            return comp
    lead = text[piece.start:q.start]
    before = text[max(piece.start, q.start - 40):q.start]
    change = _CHANGE_LEAD.match(lead)
    if change and not _STATED_LEVEL.search(lead):
        return "decrease" if change.group(1) else "increase"  # "giảm tỷ suất sinh thô 0,2 ‰"
    change_then = _CHANGE_THEN_QUALIFIER.search(before)
    if change_then:  # "tăng thêm ít nhất 10%", "giảm trên 5%": the change, qualified
        return "decrease" if change_then.group(1) else "increase"
    best, best_start = None, None
    for pattern, comp in _COMPARATORS:  # the longest comparator ending right before the number
        m = pattern.search(before)
        if m and (best_start is None or m.start() < best_start):
            best, best_start = comp, m.start()
    if best and best != "=":
        return best
    if previous and not lead.strip(" ,;"):
        return previous
    return "="


def years_in(text: str, start: int, end: int) -> list[int]:
    found = []
    for m in YEAR.finditer(text, start, end):
        if _COMPARE_BASE.search(text[max(start, m.start() - 20):m.start()]):
            continue  # "so với năm 2021" is the base, not the year measured
        if _YEAR_SPAN_AFTER.match(text[m.end():m.end() + 8]) \
                or _YEAR_SPAN_BEFORE.search(text[max(0, m.start() - 8):m.start()]):
            continue  # a period "2021 - 2025" spans several years
        found.append(int(m.group(1)))
    return found


_PERIOD = regex.compile(r"(?:19|20)\d\d[ \t]*[-–][ \t]*(?:19|20)\d\d|(?i:trong|sau)[ \t]+\d+[ \t]+(?i:năm)(?![ \t]+(?:19|20)\d\d)"
                     r"|(?i:trong|cả|suốt)[ \t]+(?i:nhiệm kỳ)(?![ \t]+(?:19|20)\d\d)")
_YEAR_AFTER = regex.compile(r"[ \t,(]*+(?i:(?:trong|vào|của|cuối|đầu)[ \t]+)?(?i:năm)[ \t]+((?:19|20)\d\d)(?![\d/])")
_PERIOD_AFTER = regex.compile(r"[ \t,(]*+(?i:(?:trong[ \t]+)?(?:giai đoạn|thời kỳ|nhiệm kỳ|bình quân)[ \t]+)?(?:19|20)\d\d[ \t]*[-–]")


def measure_year(text: str, piece: Piece) -> tuple[int | None, bool]:
    """The year the piece's figure belongs to, and whether the text settles it (a year right after
    the figure, or in its piece or sentence; a period "giai đoạn 2006 - 2010" settles it as none)."""
    q = piece.quantity
    after = _YEAR_AFTER.match(text, q.end, q.end + 40)
    if after:
        return int(after.group(1)), True  # "từ 85% năm 2004 lên 92% năm 2013"
    if _PERIOD_AFTER.match(text, q.end, q.end + 60):
        return None, True
    before = years_in(text, piece.start, q.start)
    if before:
        return before[-1], True
    inside = years_in(text, piece.start, piece.end)
    if inside:
        return inside[0], True
    if _PERIOD.search(text, piece.sentence_start, q.start):
        return None, True  # "Trong 10 năm, …", "Bình quân giai đoạn 2004-2013 …"
    inside = years_in(text, piece.sentence_start, piece.sentence_end)
    if inside:
        return inside[0], True
    if _PERIOD.search(text, piece.sentence_start, piece.sentence_end):
        return None, True
    return None, False


def document_year(doc: Document) -> int | None:
    """The one year a document is about, read from its opening blocks; None for a term or a
    period ("Quy hoạch … thời kỳ 2021-2030" in the title)."""
    opening = " ".join(b.text for b in doc.blocks[:6] if b.kind in ("heading", "paragraph"))[:1500]
    title = []
    for b in doc.blocks[:20]:  # the letterhead and the title, up to the first sentence of prose
        line = doc.text[b.start:b.end]
        if b.kind == "table" or (b.kind == "paragraph" and line.rstrip().endswith((".", ";"))):
            break
        title.append(line)
    if _YEAR_SPAN.search(opening[:600]) or _YEAR_SPAN.search(" ".join(title)[:1500]):
        return None
    for line in title:  # the title's year ("Về kế hoạch … năm 2026"), not the date it was signed
        found = _TITLE_YEAR.search(line)
        if found and not _DATE_LINE.search(line):
            # "… đến năm 2030" is a horizon: the document is about no one year
            return None if _HORIZON.search(line, 0, found.start()) else int(found.group(1))
    first = YEAR.search(opening[:600])
    return int(first.group(1)) if first else None


_TITLE_YEAR = regex.compile(r"(?<![\p{L}])(?i:năm)[ \t]+((?:19|20)\d\d)(?![\d/])")
_HORIZON = regex.compile(r"(?<![\p{L}])(?i:đến|tới|tầm nhìn|định hướng)[ \t]*$")
_DATE_LINE = regex.compile(r"(?<![\p{L}])(?i:ngày|căn cứ|số[ \t]*:|số[ \t]+\d|tháng[ \t]+\d)(?![\p{L}])|\d/(?:19|20)\d\d")


def default_kind(doc: Document) -> str:
    return "target" if _PLAN_DOCUMENT.search(doc.text[:800]) else "result"


_SCOPE_YEAR = regex.compile(r"[ \t\-–+•]*(?i:(?:trong|tính đến|đến|cuối|từ đầu)[ \t]+)?(?i:năm)[ \t]+((?:19|20)\d\d)(?![\d/])")


def _plain(text: str) -> str:
    return _MARKUP_CHARS.sub("", text).strip()


def _opens_part(block: Block, text: str) -> tuple[int, str] | None:
    """(depth, text) when the block is a heading or a short line that opens a part or a list (a
    lead-in ending with ':'); None for prose."""
    line = _plain(text)
    if not line:
        return None
    words = len(line.split())
    m = _NUMBERING.match(line)
    numbered = m and not m.group("bullet")
    short = words <= 16 and not line.endswith((".", ";", ","))
    if block.kind == "heading" or (short and (numbered or line.isupper())):
        if not m or m.group("bullet"):
            return (1 if line.isupper() else 9), line
        if m.group("part"):
            return 0, line
        if m.group("roman") or m.group("article"):
            return 1, line
        if m.group("arabic"):
            return 2 + m.group("arabic").count("."), line
        return 6, line
    if line.endswith(":") and words <= 40:
        return 10, line  # a lead-in governs the items under it
    return None


def _governing_year(lines: list[str]) -> int | None:
    """The year a heading or lead-in sets for what it governs: "Đến năm 2030", a phase "2025 - 2030"
    (its end year), "Mục tiêu cụ thể đến năm 2035:"; the innermost line that names one."""
    for line in reversed(lines):
        phase = _PHASE.search(line)
        if phase:
            return int(phase.group(2))
        ys = [y for y in years_in(line, 0, len(line))]
        if ys:
            return ys[-1]
    return None


def _governing_kind(lines: list[str]) -> str | None:
    """The kind the innermost heading names. A period ("giai đoạn") names one in either kind: a
    heading that reports ("Kết quả thực hiện giai đoạn 2021 - 2025") is a result's."""
    for line in reversed(lines):
        aims = [m.group(0) for m in _TARGET_HEADINGS.finditer(line)] + [m.group(0) for m in _TARGET_WORDS.finditer(line)]
        if any(_PERIOD_WORD.fullmatch(w) is None for w in aims):
            return "target"
        if _RESULT_HEADINGS.search(line):
            return "result"
        if aims:
            return "target"
    return None


_PERIOD_WORD = regex.compile(r"(?i:giai[ \t]+đoạn)")


def _prescribes_rules(doc: Document) -> bool:
    """A normative text (a law, decree, circular, or a decision or resolution written in articles)
    whose articles do not adopt a plan: its amounts, in the articles and in what it attaches
    (rules, criteria, procedures), are rules, not levels (SPEC Rulings)."""
    articles = False
    blocks = [b for b in doc.blocks if b.kind != "footnote"]
    number = _OWN_NUMBER.search(doc.text[:3000])
    individual = not (number and _NORMATIVE_NUMBER.search(number.group(1)))
    for i, block in enumerate(blocks):
        line = _plain(doc.text[block.start:block.end])
        if _ARTICLE.match(line):
            articles = True
            following = line + " " + (_plain(doc.text[blocks[i + 1].start:blocks[i + 1].end]) if i + 1 < len(blocks) else "")
            if _ADOPTS_PLAN.search(following[:400]) or (individual and _AIM_ARTICLE.match(following[:200])):
                return False
    return articles


_CRITERIA_TITLE = regex.compile(r"(?<![\p{L}])(?i:" + _alternation(_words("criteria_title")) + r")(?![\p{L}])")
# "Kế hoạch thực hiện Bộ tiêu chí …", "Báo cáo kết quả đánh giá, xếp loại …": a plan or report on criteria
_CRITERIA_APPLIED = regex.compile(r"(?<![\p{L}])(?i:" + _alternation(_words("criteria_applied")) + r")(?![\p{L}])")


def _sets_criteria(doc: Document) -> bool:
    """A document whose title announces criteria or a scoring scale: its figures are thresholds."""
    lines = (_plain(doc.text[b.start:b.end]) for b in doc.blocks[:30] if b.kind != "table")
    title = " ".join(line for line in lines if len(line.split()) <= 25 and not line.endswith((".", ";")))
    found = _CRITERIA_TITLE.search(title[:600])
    return bool(found) and not _CRITERIA_APPLIED.search(title, max(0, found.start() - 80), found.start())


def extract(doc: Document) -> list[dict]:
    if _sets_criteria(doc):
        return []
    spans = skip_spans(doc)
    doc_kind, doc_year = default_kind(doc), document_year(doc)
    scope_year: int | None = None  # from a sentence opening "Năm 2009, …", until the next heading
    out: list[dict] = []
    text = doc.text
    stack: list[tuple[int, str]] = []  # the open parts: (depth, heading or lead-in text)
    previous_opened = False
    rules = _prescribes_rules(doc)
    in_form = False
    for block in doc.blocks:
        if block.kind == "footnote":
            break
        raw = text[block.start:block.end]
        line = _plain(raw)
        if _WRAPPER.match(line):
            break  # a portal's trailer: not the document (SPEC Rulings)
        if _FORM.match(line):
            in_form = True  # a report form or template: no measures (SPEC Rulings)
        if in_form:
            continue
        opened = _opens_part(block, raw)
        if not opened and previous_opened and stack and line[:1].islower() and len(line.split()) <= 16:
            opened = (99, line)  # "2. Mục tiêu cụ" + "thể đến năm 2035": a heading broken by a hard line break
        if opened:
            depth, heading = opened
            if previous_opened and stack and not _NUMBERING.match(line) and depth >= 9 and not line.endswith(":"):
                stack[-1] = (stack[-1][0], stack[-1][1] + " " + heading)  # a heading broken over lines
            else:
                stack = [s for s in stack if s[0] < depth]
                stack.append(opened)
                scope_year = None if depth < 10 else scope_year
            previous_opened = True
            if block.kind == "heading" and not _SENTENCE_END.search(line):
                continue  # a list item read as a heading ("2. GRDP … đạt 95 triệu đồng.") is still prose
        else:
            previous_opened = False
        if block.kind == "table":
            if not rules:
                out.extend(_table_measures(doc, block, spans, doc_year))
            continue
        governing = [h for _, h in stack]
        aimed = any(_AIM_HEADING.match(h) for h in governing[-3:])
        if rules and not aimed and not _AIM_IN_RULES.search(text, block.start, block.end):
            continue  # a rule the normative text prescribes: nothing in this block is a level
        if any(_CRITERIA_HEADING.match(h) and not _SECTOR_HEADING.match(h) for h in governing[-2:]) and not aimed:
            continue  # criteria, a scoring scale, a procedure's requirements
        lead_year = _governing_year(governing)
        section_kind = _governing_kind(governing)
        scope_at, cue_at, cue = {}, {}, None
        for s_start, s_end in sentences(text, block.start, block.end):
            scoped = _SCOPE_YEAR.match(text, s_start, min(s_end, s_start + 60))
            scope_year = int(scoped.group(1)) if scoped else scope_year
            scope_at[s_start] = scope_year
            # a sentence's own cue; "Trong đó, …" goes on with the sentence before it
            own = ("target" if _TARGET_WORDS.search(text, s_start, s_end) else
                   "present" if _PRESENT.search(text, s_start, s_end) else
                   "result" if _RESULT_WORDS.search(text, s_start, s_end) else None)
            cue = own or (cue if _GOES_ON.match(text, s_start, min(s_end, s_start + 20)) else None)
            cue_at[s_start] = cue
        previous, previous_comparator = None, None
        for piece in pieces(text, block.start, block.end, spans, block.start):
            if piece.quantity.unit is None and not _STATES_LEVEL.search(text[piece.start:piece.quantity.start]):
                continue  # a bare number with no unit and no "đạt", "là" …: a code or a table figure
            if piece.quantity.value == 1 and _PER_ONE.search(text, max(block.start, piece.quantity.start - 8), piece.quantity.start) \
                    and _LEVEL_AFTER.match(text, piece.quantity.end, piece.quantity.end + 30):
                continue  # "giá trị sản xuất trên 1 ha đạt 95 triệu đồng": the rate's denominator
            sentence = text[piece.sentence_start:piece.sentence_end]
            clause = max(piece.sentence_start, text.rfind(";", piece.sentence_start, piece.quantity.start) + 1)
            if _RULE.search(text, min(piece.start, clause), piece.quantity.start) \
                    and not _TARGET_WORDS.search(text, min(piece.start, clause), piece.quantity.start):
                continue  # "mức chi phí quản lý bằng 1,7% theo quy định": a rate a rule sets
            if _PREAMBLE.match(sentence) or any(_NOT_LEVEL.search(h) for h in governing[-1:]):
                continue  # "Căn cứ Luật … 37 luật …"; the items under "Thông số kỹ thuật:"
            if _CONDITION.match(sentence):
                continue  # "Trường hợp … (AQI ≥ 301), …": a condition, not a level
            if _NOT_LEVEL.search(sentence):
                continue  # a forecast or a warning states no level aimed at or reached
            if rules and not aimed and not _AIM_IN_RULES.search(sentence):
                continue  # a rule the normative text prescribes (fees, allowances, thresholds, criteria)
            if previous is None or previous.sentence_start != piece.sentence_start:
                previous = previous_comparator = None
            listed = previous is not None and regex.fullmatch(
                r"[ \t]*(?:,|và)[ \t]*", text[previous.quantity.end:piece.quantity.start])
            own = describe(text, piece)
            if previous and len(own.split()) < 2:
                # "đạt 1,34 lần (tăng 0,11 so với năm 2021)": the change is of the same indicator
                piece.start, piece.indicator = previous.start, describe(text, previous)
            elif previous and len(_QUALIFIER.sub(" ", own).split()) < 2:
                # "năm 2012 còn 24%; bình quân giai đoạn 2006 - 2010 là 27,6%": the same indicator, qualified
                piece.indicator = (getattr(previous, "indicator", None) or describe(text, previous)) + " " + own.strip()
            year, settled = measure_year(text, piece)
            if not settled:
                year = scope_at.get(piece.sentence_start) or lead_year or doc_year
            stated = cue_at.get(piece.sentence_start)
            kind = ("target" if _LOCAL_TARGET.search(text[piece.start:piece.quantity.start]) else None) \
                or ("result" if stated == "present" else None) or section_kind \
                or {"present": "result"}.get(stated, stated) or doc_kind
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
