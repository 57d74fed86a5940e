"""Where numbers sit in prose: sentences, the piece of a sentence that states one quantity,
and the spans (dates, document numbers, quoted names) whose digits are not quantities.
Shared by the measure and statistic extractors."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from schemas.document import Document
from schemas.text import new_tones

from . import citations
from .dates import DATE_AFTER
from . import lexicon
from .numbers import Quantity, find_quantities

_SENTENCE_END = regex.compile(r"(?<=[.!?…])[ \t]+(?=\S)|(?<=[.!?])(?=\p{Lu})|\n+")
_DATES = regex.compile(
    r"\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}\b|" + DATE_AFTER.pattern
    + r"|(?i:tháng)[ \t]*\d{1,2}(?:[ \t]*[/.\-][ \t]*\d{4}|[ \t]+(?i:năm)[ \t]+\d{4})?"
    + r"|(?i:(?:ngày|sáng|chiều|tối|trưa)[ \t]+)\d{1,2}[./]\d{1,2}\b")
_ISO_DATE = regex.compile(r"(?<![\d.,/-])(?:19|20)\d\d-\d\d(?:-\d\d)?+(?![\d])")  # a portal's "Ngày ký: 2026-04-21"
_CLOCK = regex.compile(r"(?<![\d.,:])\d{1,2}(?::|h)\d{2}(?![\d.,:])")  # "20:00", "12h00": a time of day
_QUOTED = regex.compile(r"“[^”\n]{0,200}”|\"[^\"\n]{0,200}\"")
_YEAR_RANGE = regex.compile(r"\b(?:19|20)\d\d[ \t]*[-–][ \t]*(?:19|20)\d\d\b")
_SEPARATOR = regex.compile(r",|;|:|\(|\)|[ \t]và[ \t]")
# a dash between two years is a period ("giai đoạn 2026 - 2030"), not a clause; the comma after such a
# period closes an adverbial of time ("Trong giai đoạn 2021 - 2025, huyện đã …")
_CLAUSE_START = regex.compile(r"[;:][ \t]+|\(\d{1,2}\)[ \t]*|(?<!(?:19|20)\d\d)[ \t]-[ \t]"
                              r"|(?<=(?:19|20)\d\d[ \t]*[-–][ \t]*(?:19|20)\d\d),[ \t]+")
_COMPARATOR_WORDS = regex.compile(r"(?i:(?:đạt và vượt|ít nhất|tối thiểu|tối đa|không quá|khoảng|gần|trên|dưới|"
                                  r"hơn|vượt|từ|xuống còn|còn|tăng|giảm|[<>≤≥=]+)[ \t]*)+$")
_LINK_WORDS = regex.compile(r"(?i:đạt|là|chiếm|ở mức|bằng|được|lên|xuống|còn)[ \t]*$")
_POPULATION_BEFORE = regex.compile(r"(?:trên|/)[ \t]*$")

def _words(role: str) -> list[str]:
    return sorted(lexicon.column("measure_words", "entry", role=role), key=len, reverse=True)


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"[ \t]+") for w in words)


# Numbers that name, order, code or describe rather than measure: "lần thứ 4", "khóa XII", "Điều 5",
# "Điện thoại: 0258 …", "COVID-19", "cấp 2" (data/measure_words.tsv, naming_before).
_NAMING_BEFORE = regex.compile(r"(?<![\p{L}])(?i:" + _alternation(_words("naming_before")) + r")[ \t]*+[:.]?[ \t]*+$"
                               r"|(?<![\p{L}])(?<!(?i:tổng|thiểu|dân|đa|đại|chỉ|hệ)[ \t])(?i:số)[ \t]*+$"  # "số 76", not "thiểu số: 385"
                               r"|(?<![\p{L}])Số[ \t]*:[ \t]*$"  # the label of a document's own number
                               r"|[\p{L}]-$|\b\p{Lu}{2,}[ \t]*$")
_DESCRIPTIVE_UNITS = {w.casefold() for w in _words("not_measure_unit")}
# what is measured follows the number only where a noun does ("100% các đơn vị …"), not a
# bracket, a comma, a function word or a period ("64 người/xã), …", "43,4% giai đoạn 2006 - 2010")
_ITEM_NUMBER = regex.compile(r"\d{1,2}[.)][ \t]+\p{Lu}")
_AFTER_DIGIT_OR_MARK = regex.compile(r"(?:^|[\d*.])[ \t]*$")  # not after a label "đảng viên: 97. Năm …"
_NOUN_AFTER = regex.compile(r"[ \t]*+(\p{Ll}+)")
_PHRASE_END = ({w.casefold() for w in _words("phrase_end") + _words("duration")} | {"giai", "thời"}) \
    - {"các", "những", "mỗi"}  # a determiner opens the noun phrase
_KNOWN_UNITS = {w.casefold() for role in ("counted_noun", "measure_unit", "currency", "classifier")
                for w in _words(role)}
_YEAR_BEFORE = regex.compile(r"(?i:năm|niên độ|niên khóa)[ \t]*+$")
_ONLY_ACHIEVED = {w.casefold() for w in _words("counted_only_when_achieved")}
_ACHIEVED = regex.compile(r"(?<![\p{L}])(?i:" + _alternation(_words("achieved_cue")) + r")(?![\p{L}])")
_DURATIONS = {w.casefold() for w in _words("duration")}
# a phone or fax number after its label, or written in the shape of one
_PHONE = regex.compile(r"(?i:" + _alternation([w for w in _words("naming_before") if w.casefold() in
                                               ("điện thoại", "đt", "đtdđ", "tel", "fax", "hotline", "di động",
                                                "số điện thoại", "zalo", "sđt")])
                       + r")[ \t]*+[:.]?[ \t]*+[\d()+][\d \t().+\-]{5,}+"
                       + r"|(?<![\d.,])(?:\+84|0)\d{2,3}[ .]\d{3,4}[ .]\d{3,4}(?![\d])")
_LEAD_RATE = regex.compile(r"(\p{L}[\p{L} ]{0,30}?)[ \t]*/[ \t]*(vạn|10\.000|100\.000|1\.000)[ \t]+dân")


# patterns used in loops, compiled once
_SLASH = regex.compile(r"/")
_LEADING_ZERO = regex.compile(r"0\d{2,}")
_LONG_DIGITS = regex.compile(r"\d{5,}(?![.,]\d)")
_GLUED_LETTERS = regex.compile(r"\p{L}|/\d+\p{L}")
_AGE_OR_PERIOD_AFTER = regex.compile(r"[ \t]*(?:tuổi|đầu|cuối|qua|trước|sau)")
_CELL_START = regex.compile(r"(?:^|\n|[ \t]{2,}|\t)$")
_CAPITALISED_WORD = regex.compile(r"[ \t]+\p{Lu}\p{Ll}")
_LIST_NUMBER = regex.compile(r"\d+[ \t]*[.)]")
_LIST_JOIN = regex.compile(r"[ \t]*(?:,|và)[ \t]*")
_PEOPLE_AFTER = regex.compile(r"[ \t]*(?:người[ \t]+)?dân")
_COMMA = regex.compile(r",")
_LETTER = regex.compile(r"\p{L}")
_PARENTHESES = regex.compile(r"\([^()]*\)?")


@dataclass
class Piece:
    quantity: Quantity
    start: int  # the piece of the sentence that states this quantity
    end: int
    sentence_start: int
    sentence_end: int


def skip_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans whose digits are never quantities: dates, cited document numbers, quoted names,
    year ranges."""
    spans = [(c["start"], c["end"]) for c in citations.extract(doc)]
    for pattern in (_DATES, _ISO_DATE, _CLOCK, _QUOTED, _YEAR_RANGE, _PHONE):
        spans.extend((m.start(), m.end()) for m in pattern.finditer(doc.text))
    return sorted(spans)


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    import bisect
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    while i >= 0 and spans[i][0] <= pos:
        if pos < spans[i][1]:
            return True
        i -= 1
        if i >= 0 and spans[i][1] < pos - 400:
            break
    return False


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


def is_measure_number(text: str, q: Quantity, spans, block_start: int, facts: bool = False) -> bool:
    """Whether q states a level; `facts` (a footnote's statistics) keeps counts of tasks too."""
    if _inside(spans, q.number_start):
        return False
    raw = text[q.number_start:q.end]
    if isinstance(q.value, int) and 1900 <= q.value <= 2100 and q.value_max is None and raw[:4].isdigit() \
            and (not q.unit or _YEAR_BEFORE.search(text[max(block_start, q.number_start - 12):q.number_start])
                 or q.unit.casefold() not in _KNOWN_UNITS):
        return False  # a year ("năm 2030 công suất …"), not 2030 of a counted noun
    unit = new_tones(q.unit.replace("_", " ")).casefold() if q.unit else None
    if unit in _DESCRIPTIVE_UNITS:
        return False
    if q.unit and q.unit.startswith("/") and (_SLASH.match(text[q.end:q.end + 1]) or (
            int(q.unit[1:].split()[0]) <= 12 and (q.unit[1:].isdigit() or q.unit.split(" ", 1)[1].casefold() not in _KNOWN_UNITS)
            and q.value <= 31 and not _LINK_WORDS.search(text[max(block_start, q.start - 12):q.start]))):
        return False  # "71/2010/…" a number of an instrument, "nhân dịp 1/6" a day, "24/7 đáp ứng"
    if q.unit and not facts and q.unit.casefold() in _ONLY_ACHIEVED \
            and not _ACHIEVED.search(text[max(block_start, q.number_start - 40):q.number_start]):
        return False  # "8 nhiệm vụ" of a plan is a count of its tasks; "hoàn thành 8 nhiệm vụ" a result
    if q.unit and q.unit.casefold() in _DURATIONS and (not q.is_range or q.value == 0):
        return False  # a duration ("Trong 5 năm", "Kế hoạch 05 năm"), a phase ("0-48 giờ")
    digits = text[q.number_start:q.number_start + 12]
    if _LEADING_ZERO.match(digits) or _LONG_DIGITS.match(digits):
        return False  # a code: "0118119" (a form's row code), "028" (an area code), "70000"
    if q.unit is None and _GLUED_LETTERS.match(text[q.end:q.end + 3]):
        return False  # a name or a version glued to letters: "4G", "4G/5G", "H5N1"
    after = text[q.end:q.end + 16].casefold()
    if q.unit in ("năm", "tháng") and _AGE_OR_PERIOD_AFTER.match(after):
        return False
    before = new_tones(text[max(block_start, q.number_start - 16):q.number_start].replace("_", " "))
    if _NAMING_BEFORE.search(before):
        return False
    if _CELL_START.search(text[max(block_start, q.number_start - 3):q.number_start]) \
            and _CAPITALISED_WORD.match(text[q.number_end:q.number_end + 8]) and (not q.unit or not q.unit.isupper()):
        return False  # a row number of a table flattened to text: "3  Tổ chức đào tạo …"
    if q.unit is None and _ITEM_NUMBER.match(text, q.number_start, q.number_start + 12) \
            and _AFTER_DIGIT_OR_MARK.search(text, max(0, q.number_start - 4), q.number_start):
        return False  # "… năm 2015 3. Quy định chuyển tiếp": the number of a list item run into the text
    if q.number_start == block_start and _LIST_NUMBER.match(raw + after):
        return False  # the number of a list item
    if before.endswith("(") and text[q.end:q.end + 1] == ")" and q.unit is None:
        return False  # "(1)": a reference mark
    return True


def pieces(text: str, start: int, end: int, spans, block_start: int, facts: bool = False) -> list[Piece]:
    """Quantities of the prose in text[start:end], each with the piece of its sentence."""
    out: list[Piece] = []
    for s_start, s_end in sentences(text, start, end):
        qs = []
        rate = None  # "trên 100.000 dân dưới 1,5": the population comes before the value
        named_end = None  # "mức độ 3, 4": a number listed after a naming number names too
        for q in find_quantities(text, s_start, s_end):
            if named_end is not None and _LIST_JOIN.fullmatch(text[named_end:q.number_start]):
                named_end = q.end
                continue
            if not is_measure_number(text, q, spans, block_start, facts):
                named_end = q.end if _NAMING_BEFORE.search(text[max(block_start, q.number_start - 16):q.number_start]) else None
                continue
            named_end = None
            if q.value in (100, 1000, 10000, 100000) and not q.is_range \
                    and _POPULATION_BEFORE.search(text[s_start:q.number_start]) \
                    and _PEOPLE_AFTER.match(text[q.unit_start:q.unit_start + 12]):
                rate = f"/{q.value} dân"
                continue
            if rate and q.unit is None:
                q.unit, rate = rate, None
            if q.unit is None:  # "bình quân giường bệnh/vạn dân đạt 32,2"
                lead_rate = _LEAD_RATE.search(text, s_start, q.number_start)
                if lead_rate and q.number_start - lead_rate.end() < 12:
                    noun = lead_rate.group(1).split()[-2:] if len(lead_rate.group(1).split()) > 1 else lead_rate.group(1).split()
                    den = {"vạn": "10000"}.get(lead_rate.group(2), lead_rate.group(2).replace(".", ""))
                    q.unit = f"{' '.join(noun)}/{den} dân"
            qs.append(q)
        bounds = [s_start]
        for a, b in zip(qs, qs[1:]):
            # the strongest separator between two quantities parts them: ';' before ',' or ':'
            # before 'và', which may sit inside a name ("… người bệnh và gia đình người bệnh")
            cuts: dict[int, int] = {}
            for m in _SEPARATOR.finditer(text, a.end, b.start):
                if m.group(0) == ":" and not text[m.end():b.start].strip():
                    break  # "số CBCC cử đi đào tạo: 199": the label belongs to the number after it
                rank = {";": 3, "và": 1}.get(m.group(0).strip(), 2)
                cuts[rank] = m.start() + (1 if m.group(0).startswith((" ", "\t")) else 0)
            cut = cuts[max(cuts)] if cuts else None
            if cut is None:
                words = _COMPARATOR_WORDS.search(text[a.end:b.start])
                cut = b.start - (len(words.group(0)) if words else 0)
            bounds.append(cut)
        bounds.append(s_end)
        for i, q in enumerate(qs):
            begin = bounds[i]
            for m in _CLAUSE_START.finditer(text, begin, q.start):
                if m.group(0).startswith(":") and not text[m.end():q.start].strip():
                    break
                begin = m.end()
            lead = text[begin:q.start]
            comparator_words = _COMPARATOR_WORDS.search(lead)
            tail = text[q.end:bounds[i + 1]]
            linked = _LINK_WORDS.search(lead[:len(lead) - (len(comparator_words.group(0)) if comparator_words else 0)])
            follows = _NOUN_AFTER.match(tail)
            counted = bool(q.unit) and "%" not in q.unit and bool(_LETTER.search(q.unit))
            if len(lead.split()) > 10 and len(tail.split()) >= 2 and not linked \
                    and follows and (counted or follows.group(1).casefold() not in _PHRASE_END):
                # "… với 100% các đơn vị thực hiện tốt": what is measured follows the number
                begin = q.start - (len(comparator_words.group(0)) if comparator_words else 0)
            out.append(Piece(q, begin, _piece_end(text, q, bounds[i + 1]), s_start, s_end))
    return out


def _piece_end(text: str, q: Quantity, limit: int) -> int:
    """A piece ends at the next ';', or at the first comma after a few words of its own."""
    end = limit
    semicolon = text.find(";", q.end, limit)
    if semicolon != -1:
        end = semicolon
    for m in _COMMA.finditer(text[q.end:end]):
        if len(text[q.end:q.end + m.start()].split()) >= 6:
            end = q.end + m.start()
            break
    return max(end, q.end)


_LEAD_JUNK = regex.compile(r"^[\s,;:()\-–+•.]*(?:(?i:trong đó|đồng thời|với|và|còn|có|đạt|là|chiếm|giảm|tăng|"
                           r"phấn đấu|duy trì|đưa|năm[ \t]+(?:19|20)\d\d)\b[\s,:]*)*")
_BASE = regex.compile(r"(?i:so với)(?:[ \t]+(?:cùng kỳ|kế hoạch|năm|mục tiêu|chỉ tiêu))*(?:[ \t]+(?:19|20)\d\d)?")
_TAIL_JUNK = regex.compile(r"[\s,;:(\-–<>≤≥=]*(?:(?i:đạt và vượt|đạt|vượt|là|chiếm|có|với|khoảng|gần|trên|dưới|hơn|từ|ít nhất|"
                           r"tối thiểu|tối đa|không quá|xuống còn|giảm còn|xuống|còn|tăng|giảm|lên|mức)[\s,:<>≤≥=]*)*$")


def describe(text: str, piece: Piece) -> str:
    """What the piece's quantity measures: its words without the number, comparator and unit."""
    q = piece.quantity
    head = _TAIL_JUNK.sub("", text[piece.start:q.start])
    counted = q.unit and _LETTER.search(q.unit) and "/" not in q.unit and "%" not in q.unit
    tail = _PARENTHESES.sub(" ", text[q.unit_start if counted else q.end:piece.end])
    words = " ".join(_BASE.sub(" ", head + " " + tail).split())
    described = _LEAD_JUNK.sub("", words.replace("_", " ")).strip(" ,;:.()")
    if len(described.split()) < 2 and q.unit and _LETTER.match(q.unit):
        # "Đạt 14 bác sĩ trên 10.000 dân": what is counted is named by the unit
        described = (q.unit.split("/")[0] + " " + described).strip()
    return described
