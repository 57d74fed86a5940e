"""Vietnamese numerals and the quantities written with them (SPEC.md, 'Text conventions').

',' is the decimal mark; '.' before exactly three digits groups thousands; any other '.'
between digits is an English decimal point. `find_quantities` reads a number together with
what makes it a quantity: a range ("từ 8 đến 8,5%", "15%-20%"), a ratio ("133/186 thủ tục"),
a rate ("6/100.000 dân", "14 bác sĩ trên 10.000 dân") and its unit.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from schemas.text import fold

from . import lexicon

_THOUSANDS = regex.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_DECIMAL_COMMA = regex.compile(r"^\d+,\d+$")
_DECIMAL_DOT = regex.compile(r"^\d+\.\d+$")
_INTEGER = regex.compile(r"^\d+$")
NUMERAL = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)?"


# with its separators, the longest figure documents state ("1.234.567.890.123,45")
_LONGEST_NUMERAL = 24


def parse_number(text: str) -> int | float | None:
    """The value of a numeral as written, or None when `text` is not one number.

    >>> parse_number("3.787"), parse_number("8,5"), parse_number("55.5"), parse_number("03")
    (3787, 8.5, 55.5, 3)
    """
    s = text.strip().replace(" ", "").replace("\xa0", "")
    if len(s) > _LONGEST_NUMERAL:
        return None  # a code, an account or a line of digits: no quantity is written so long
    sign = 1
    if s[:1] in "-−–" and len(s) > 1:
        sign, s = -1, s[1:]
    if _INTEGER.match(s):
        return sign * int(s)
    if _THOUSANDS.match(s):
        whole, _, frac = s.partition(",")
        return _tidy(sign * float(whole.replace(".", "") + ("." + frac if frac else "")))
    if _DECIMAL_COMMA.match(s):
        return _tidy(sign * float(s.replace(",", ".")))
    if _DECIMAL_DOT.match(s):
        return _tidy(sign * float(s))
    words = words_to_number(text)
    return sign * words if words is not None else None


def _tidy(value: float) -> int | float:
    return int(value) if value.is_integer() else value


def format_number(value: int | float) -> str:
    """Vietnamese notation: 10000 -> '10.000', 8.5 -> '8,5', 1281.25 -> '1.281,25'."""
    negative = value < 0
    value = abs(value)
    if isinstance(value, float) and not value.is_integer():
        whole, frac = repr(value).split(".") if "e" not in repr(value) else (f"{value:.15f}".rstrip("0").split("."))
    else:
        whole, frac = str(int(value)), ""
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = ".".join([whole] + groups) + ("," + frac if frac else "")
    return "-" + text if negative else text


_UNITS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
          "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
_SCALES = {"nghìn": 1000, "ngàn": 1000, "triệu": 1_000_000, "tỷ": 1_000_000_000}


def words_to_number(text: str) -> int | None:
    """Numbers written in words: 'một' 1, 'mười' 10, 'hai mươi lăm' 25, 'ba trăm' 300."""
    words = fold(text).replace("-", " ").split()
    if not words or any(w not in _UNITS and w not in _SCALES and w not in ("mười", "mươi", "trăm", "linh", "lẻ")
                        for w in words):
        return None
    total, chunk, digit = 0, 0, None
    for w in words:
        if w in _UNITS:
            digit = _UNITS[w]
        elif w == "mười":
            chunk += 10
            digit = None
        elif w == "mươi":
            chunk += (digit if digit is not None else 1) * 10
            digit = None
        elif w == "trăm":
            chunk += (digit if digit is not None else 1) * 100
            digit = None
        elif w in ("linh", "lẻ"):
            continue
        else:
            chunk += digit or 0
            total += (chunk or 1) * _SCALES[w]
            chunk, digit = 0, None
    return total + chunk + (digit or 0)


# The counted noun phrase after a numeral (Vietnamese grammar: [scale word] [classifier or measure
# word] noun): its words come from data/measure_words.tsv and are matched folded; the unit keeps the
# words as written.
def _words(role: str) -> list[str]:
    return sorted(lexicon.column("measure_words", "entry", role=role), key=len, reverse=True)


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"[ \t]+") for w in words)


_CLASSIFIER = _alternation(_words("classifier"))
# a classifier counts on its own ("1000 lượt cán bộ": unit "lượt") unless it opens a listed compound
_NOUN_WORDS = set(_words("counted_noun") + _words("measure_unit") + _words("currency") + _words("duration")
                  + _words("not_measure_unit") + _words("classifier") + _words("counted_only_when_achieved"))
_NOUNS = _alternation(sorted(_NOUN_WORDS, key=len, reverse=True))
_NOUN_SET = {fold(w) for w in _NOUN_WORDS}
_LONGEST_NOUN = max(len(w.replace(",", " ,").split()) for w in _NOUN_WORDS)
_SCALE_SET = {fold(w) for w in _words("scale")}
_STOP = {fold(w) for w in _words("phrase_end") + _words("scale") + _words("duration")}
# the next few words after a number, read once: a word, or a comma inside a listed noun ("thôn, bản")
_NEXT_WORDS = regex.compile(r"(?:[ \t_]*+(?:[\p{L}\p{M}°²³]++(?:[23](?!\d))?|,))")  # "m2", "km2" too  # "lĩnh_vực": two syllables, segmented
_GLUED = regex.compile(r"(?:" + _alternation(_words("measure_unit")) + r")(?![\p{L}\d])", regex.IGNORECASE)
_PERCENT_OF = regex.compile(r"[ \t]+(?:" + _alternation(_words("percent_of")) + r")(?![\p{L}\d])")
_PER = regex.compile(r"(?:[ \t]*+/[ \t]*+(?:" + _NOUNS + r"|" + _CLASSIFIER + r"))++(?![\p{L}\d])", regex.IGNORECASE)


def _next_words(text: str, pos: int, limit: int) -> list[tuple[str, int]]:
    """Up to `limit` words (or commas) from `pos`, each with where it ends."""
    out = []
    while len(out) < limit:
        m = _NEXT_WORDS.match(text, pos, pos + 40)
        if not m:
            break
        out.append((m.group(0).strip(" \t_"), m.end()))
        pos = m.end()
    return out


def _phrase(words: list[str]) -> str:
    return " ".join(words).replace(" ,", ",")


def _counted_noun(text: str, pos: int) -> tuple[str | None, int]:
    """The counted noun phrase at `pos`: scale words, then a noun the lexicon knows (a classifier,
    a measure word, a compound noun, a currency), else the next one or two syllables that are not
    function words ("04 môn thi đấu"). Read by looking words up, so its cost does not grow with
    the vocabulary."""
    if not text[pos:pos + 1].isspace():  # letters glued to the number are read by read_unit
        return None, pos
    words = _next_words(text, pos, 2 + _LONGEST_NOUN)
    folded = [fold(w) if w != "," else "," for w, _ in words]
    i = 0
    while i < min(2, len(words)) and folded[i] in _SCALE_SET:
        i += 1
    for k in range(min(_LONGEST_NOUN, len(words) - i), 0, -1):
        if folded[i + k - 1] != "," and _phrase(folded[i:i + k]) in _NOUN_SET:
            return _phrase([w for w, _ in words[:i + k]]), words[i + k - 1][1]
    if i and i < len(words) and _CURRENCY_CODE.fullmatch(words[i][0]):
        return _phrase([w for w, _ in words[:i + 1]]), words[i][1]  # "5 triệu JPY"
    j = i
    while j < len(words) and j < i + 2:
        w = words[j][0]
        if w == "," or not w[:1].islower() or folded[j] in _STOP or len(w) < 2:
            break
        j += 1
    if j == 0:
        return None, pos
    return _phrase([w for w, _ in words[:j]]), words[j - 1][1]


# How far after a number its unit may run. Every match is bounded by it: the regex engine scans
# ahead for a pattern's literal words, so an unbounded match at each number costs the whole rest of
# the text, and a document's time would grow with the square of its size.
_UNIT_SPAN = 80
_PERCENT = regex.compile(r"[ \t]*(?P<u>%(?!o)|phần trăm)(?P<per>/năm)?")
_PERMILLE = regex.compile(r"[ \t]*(?:‰|%o)")
_POINTS = regex.compile(r"[ \t]*điểm[ \t]*%")
_RANGE_TAIL = regex.compile(r"[ \t]*(?P<u>%|‰)?[ \t]*(?:-|–|—|đến|tới)[ \t]*(?P<n>" + NUMERAL + r")")
_POPULATION = regex.compile(r"[ \t]*(?:/|trên)[ \t]*(?P<d>100\.000|100000|10\.000|10000|1\.000|1000|100|vạn)"
                            r"[ \t]*(?P<p>dân|bé gái|người dân|người|trẻ đẻ sống|ca sinh)?(?![\p{L}\d])")
_RATIO = regex.compile(r"/(?P<d>\d+)(?![\d.,])")
NUMBER = regex.compile(r"(?<![\p{L}\d.,/])(?P<n>" + NUMERAL + r")(?![\d])(?![.,]\d)")  # not "8704.51.25"


# patterns used in loops, compiled once
_CURRENCY_CODE = regex.compile(r"[A-Z]{3}")
_LETTER = regex.compile(r"\p{L}")
_SLASH_SPACES = regex.compile(r"[ \t]*/[ \t]*")
_FROM_BEFORE = regex.compile(r"(?:từ|khoảng)[ \t]*$")
_DETERMINER = regex.compile(r"[ \t]+(?:các|những)(?=[ \t])")


@dataclass
class Quantity:
    start: int  # where the quantity's words begin ("từ" of a range included)
    end: int  # after its unit
    number_start: int
    value: float | int
    value_max: float | int | None
    unit: str | None
    is_range: bool = False
    unit_start: int = 0  # where the unit's words begin
    number_end: int = 0  # where the (first) numeral ends


def _denominator(d: str) -> str:
    return {"vạn": "10000"}.get(d, d.replace(".", ""))


def read_unit(text: str, pos: int) -> tuple[str | None, int]:
    """The unit written at `pos` (after a number), and where it ends."""
    for pattern, unit in ((_PERMILLE, "‰"), (_POINTS, "điểm %")):
        m = pattern.match(text, pos, pos + _UNIT_SPAN)
        if m:
            return unit, m.end()
    m = _PERCENT.match(text, pos, pos + _UNIT_SPAN)
    if m:
        of = _PERCENT_OF.match(text, m.end(), m.end() + _UNIT_SPAN)
        if of:  # "40% GRDP": a share of a named aggregate
            return "% " + of.group(0).strip(), of.end()
        return ("%/năm" if m.group("per") else "%"), m.end()
    noun = None
    glued = _GLUED.match(text, pos, pos + _UNIT_SPAN)
    if _LETTER.match(text[pos:pos + 1]):  # letters glued to the number: a unit "200mm", "1,3m"; "4G" a name
        if not glued or (len(glued.group(0)) == 1 and glued.group(0).isupper()):
            return None, pos
        noun, pos = glued.group(0), glued.end()
    else:
        noun, pos = _counted_noun(text, pos)
    rate = _POPULATION.match(text, pos, pos + _UNIT_SPAN)
    if rate and (rate.group("p") or text[rate.start():rate.end()].lstrip().startswith("/")):
        people = rate.group("p") or "dân"
        return f"{noun or ''}/{_denominator(rate.group('d'))} {people}", rate.end()
    per = _PER.match(text, pos, pos + _UNIT_SPAN)
    if noun and per:  # "triệu đồng/ người", "người/xã"
        return noun + _SLASH_SPACES.sub("/", per.group(0).strip()), per.end()
    return noun, pos


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every quantity in text[start:end], in order."""
    end = len(text) if end is None else end
    found: list[Quantity] = []
    pos = start
    while True:
        m = NUMBER.search(text, pos, end)
        if not m:
            break
        value = parse_number(m.group("n"))
        q_start, after, value_max, is_range = m.start(), m.end(), None, False
        rng = _RANGE_TAIL.match(text, after, min(end, after + _UNIT_SPAN))
        if rng and not _is_year_span(m.group("n"), rng.group("n")):
            value_max, after, is_range = parse_number(rng.group("n")), rng.end(), True
            frm = _FROM_BEFORE.search(text[max(start, q_start - 8):q_start])
            if frm and "từ" in frm.group(0):
                q_start -= len(frm.group(0))
        ratio = None if is_range else _RATIO.match(text, after, after + _UNIT_SPAN)
        if ratio and not _POPULATION.match(text, after, after + _UNIT_SPAN):
            unit_start = ratio.end()
            det = _DETERMINER.match(text[unit_start:unit_start + 8])
            unit, u_end = read_unit(text, ratio.end() + (det.end() if det else 0))
            unit = f"/{ratio.group('d')}{' ' + unit if unit else ''}"
            after = u_end
        else:
            unit_start = after
            unit, after = read_unit(text, after)
            if unit and not is_range:  # "91.299 tỷ đồng - 97.386 tỷ đồng": a range with its unit twice
                upper = regex.match(r"[ \t]*[-–][ \t]*(" + NUMERAL + r")[ \t]*" + regex.escape(unit) + r"(?![\p{L}\d])",
                                    text[after:min(end, after + 40 + len(unit))])
                if upper:
                    value_max, is_range, after = parse_number(upper.group(1)), True, after + upper.end()
        found.append(Quantity(q_start, after, m.start(), value, value_max, unit, is_range, unit_start, m.end()))
        pos = max(after, m.end())
    return found


def _is_year_span(a: str, b: str) -> bool:
    return len(a) == 4 and len(b) == 4 and a.isdigit() and b.isdigit() and 1900 <= int(a) <= 2100
