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


def parse_number(text: str) -> int | float | None:
    """The value of a numeral as written, or None when `text` is not one number.

    >>> parse_number("3.787"), parse_number("8,5"), parse_number("55.5"), parse_number("03")
    (3787, 8.5, 55.5, 3)
    """
    s = text.strip().replace(" ", "").replace("\xa0", "")
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


_SCALE = _alternation(_words("scale"))
_CLASSIFIER = _alternation(_words("classifier"))
# a classifier counts on its own ("1000 lượt cán bộ": unit "lượt") unless it opens a listed compound
_NOUNS = _alternation(sorted(set(_words("counted_noun") + _words("measure_unit") + _words("currency")
                                 + _words("duration") + _words("not_measure_unit") + _words("classifier")
                                 + _words("counted_only_when_achieved")),
                             key=len, reverse=True))
_STOP = set(w.casefold() for w in _words("phrase_end") + _words("scale") + _words("duration"))
_SYLLABLE = regex.compile(r"[ \t]+(\p{Ll}[\p{Ll}\p{M}_]*+)(?![\p{L}\d])")  # "nội_dung": one word, segmented
# "[nghìn tỷ] [lượt] bệnh nhân": a scale word and a classifier each optional, then a known noun
_COUNT_NOUN = regex.compile(r"[ \t]*+(?P<u>(?:(?:" + _SCALE + r")[ \t]+){0,2}+(?:(?:" + _NOUNS + r")|(?-i:[A-Z]{3}\b))?)(?![\p{L}\d])", regex.IGNORECASE)
_GLUED = regex.compile(r"(?:" + _alternation(_words("measure_unit")) + r")(?![\p{L}\d])", regex.IGNORECASE)
_PERCENT_OF = regex.compile(r"[ \t]+(?:" + _alternation(_words("percent_of")) + r")(?![\p{L}\d])")
_PER = regex.compile(r"(?:[ \t]*+/[ \t]*+(?:" + _NOUNS + r"|" + _CLASSIFIER + r"))++(?![\p{L}\d])", regex.IGNORECASE)


def _counted_noun(text: str, pos: int) -> tuple[str | None, int]:
    """The counted noun phrase at `pos`: scale words, a classifier, then a noun the lexicon knows,
    else the next one or two syllables that are not function words ("04 môn thi đấu")."""
    m = _COUNT_NOUN.match(text, pos)
    phrase, end = (m.group("u").rstrip(), pos + len(m.group(0).rstrip())) if m else ("", pos)
    known_noun = bool(m) and regex.search(r"(?:^|[ \t])(?i:" + _NOUNS + r")$|[A-Z]{3}$", phrase)
    if not known_noun:
        added = 0
        while added < 2:
            s = _SYLLABLE.match(text, end) if (phrase or end > pos or text[pos:pos + 1] in " \t") else None
            if not s or s.group(1).casefold() in _STOP or len(s.group(1)) < 2:
                break
            end = s.end()
            added += 1
        phrase = text[pos:end].strip()
    if not phrase:
        return None, pos
    return " ".join(phrase.split()), end


_PERCENT = regex.compile(r"[ \t]*(?P<u>%(?!o)|phần trăm)(?P<per>/năm)?")
_PERMILLE = regex.compile(r"[ \t]*(?:‰|%o)")
_POINTS = regex.compile(r"[ \t]*điểm[ \t]*%")
_RANGE_TAIL = regex.compile(r"[ \t]*(?P<u>%|‰)?[ \t]*(?:-|–|—|đến|tới)[ \t]*(?P<n>" + NUMERAL + r")")
_POPULATION = regex.compile(r"[ \t]*(?:/|trên)[ \t]*(?P<d>100\.000|100000|10\.000|10000|1\.000|1000|100|vạn)"
                            r"[ \t]*(?P<p>dân|bé gái|người dân|người|trẻ đẻ sống|ca sinh)?(?![\p{L}\d])")
_RATIO = regex.compile(r"/(?P<d>\d+)(?![\d.,])")
NUMBER = regex.compile(r"(?<![\p{L}\d.,/])(?P<n>" + NUMERAL + r")(?![\d])(?![.,]\d)")  # not "8704.51.25"


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
        m = pattern.match(text, pos)
        if m:
            return unit, m.end()
    m = _PERCENT.match(text, pos)
    if m:
        of = _PERCENT_OF.match(text, m.end())
        if of:  # "40% GRDP": a share of a named aggregate
            return "% " + of.group(0).strip(), of.end()
        return ("%/năm" if m.group("per") else "%"), m.end()
    noun = None
    glued = _GLUED.match(text, pos)
    if regex.match(r"\p{L}", text[pos:pos + 1]):  # letters glued to the number: a unit "200mm", "1,3m"; "4G" a name
        if not glued or (len(glued.group(0)) == 1 and glued.group(0).isupper()):
            return None, pos
        noun, pos = glued.group(0), glued.end()
    else:
        noun, pos = _counted_noun(text, pos)
    rate = _POPULATION.match(text, pos)
    if rate and (rate.group("p") or text[rate.start():rate.end()].lstrip().startswith("/")):
        people = rate.group("p") or "dân"
        return f"{noun or ''}/{_denominator(rate.group('d'))} {people}", rate.end()
    per = _PER.match(text, pos)
    if noun and per:  # "triệu đồng/ người", "người/xã"
        return noun + regex.sub(r"[ \t]*/[ \t]*", "/", per.group(0).strip()), per.end()
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
        rng = _RANGE_TAIL.match(text, after, end)
        if rng and not _is_year_span(m.group("n"), rng.group("n")):
            value_max, after, is_range = parse_number(rng.group("n")), rng.end(), True
            frm = regex.search(r"(?:từ|khoảng)[ \t]*$", text[max(start, q_start - 8):q_start])
            if frm and "từ" in frm.group(0):
                q_start -= len(frm.group(0))
        ratio = None if is_range else _RATIO.match(text, after)
        if ratio and not _POPULATION.match(text, after):
            unit_start = ratio.end()
            det = regex.match(r"[ \t]+(?:các|những)(?=[ \t])", text[unit_start:unit_start + 8])
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
