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


# Count nouns a number is followed by, longest first, matched folded. The unit keeps the
# words as written in the text.
_COUNT_NOUNS = sorted("""
đảng viên|cán bộ|cán bộ y tế|cán bộ, đảng viên|cán bộ, công chức, viên chức|công chức|viên chức
|công chức, viên chức, người lao động|người lao động|người|lượt người|lượt|quần chúng|đồng chí|tập thể|cá nhân
|lớp|đợt|cuộc|cuộc gọi|mô hình|bệnh nhân|ca|mẫu|trường hợp|hồ sơ|thủ tục|thủ tục hành chính|cơ sở|cơ sở y tế
|cơ sở khám chữa bệnh|giường bệnh|giường|bệnh viện|bệnh viện đa khoa|trạm y tế|chi bộ|đảng bộ|đảng bộ bộ phận
|chi, đảng bộ|chi đảng bộ|chi cục|đơn vị|đơn vị sự nghiệp|hệ thống|đơn thư|lần|xã|huyện|trường|học sinh|giáo viên
|sinh viên|km|ha|héc ta|tấn|tỷ đồng|triệu đồng|nghìn đồng|đồng|con|bác sĩ|sáng kiến|doanh nghiệp|hộ|hộ nghèo
|dự án|công trình|tổ chức|tổ chức cơ sở đảng|sở ngành|sở, ngành|kỹ thuật|kỹ thuật mới|đề tài|vụ|tháng|ngày
|năm|mét|m2|m3|kg|lít|nhà|căn|phòng|khoa|xe|chuyến|buổi|bài|tin|phiên|thôn|bản|tổ|nhóm|đoàn viên|hội viên
|ngàn lượt người|nghìn lượt người|nghìn hồ sơ|nghìn sáng kiến|triệu đồng/năm|lần/năm|con/bà mẹ|chủ đề|gói|bé trai|cc|w|kw|mw|kwh|mm|cm|m|g|gsm|micron|tuần tuổi|tuần|giờ|phút|°c|lượt khám|chỉ tiêu|nhiệm vụ|nhóm nhiệm vụ|nội dung|khâu|điều|tuổi|loại""".replace("\n", "").split("|"),
                      key=len, reverse=True)
_COUNT_NOUN = regex.compile(r"[ \t]*(?P<u>(?:" + "|".join(regex.escape(u) for u in _COUNT_NOUNS) + r"))(?![\p{L}])",
                            regex.IGNORECASE)
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
        return ("%/năm" if m.group("per") else "%"), m.end()
    noun = None
    m = _COUNT_NOUN.match(text, pos)
    if m:
        noun, pos = m.group("u"), m.end()
        if "/" in noun:
            return noun, pos
    rate = _POPULATION.match(text, pos)
    if rate and (rate.group("p") or text[rate.start():rate.end()].lstrip().startswith("/")):
        people = rate.group("p") or "dân"
        return f"{noun or ''}/{_denominator(rate.group('d'))} {people}", rate.end()
    per = regex.match(r"(?:/(?:năm|bà mẹ|người|tháng|ngày|giờ|phút|m2|m3|ha|km|tấn|kg|lít|lượt))+(?![\p{L}\d])",
                      text[pos:pos + 30])
    if noun and per:
        return f"{noun}{per.group(0)}", pos + per.end()
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
        found.append(Quantity(q_start, after, m.start(), value, value_max, unit, is_range, unit_start))
        pos = max(after, m.end())
    return found


def _is_year_span(a: str, b: str) -> bool:
    return len(a) == 4 and len(b) == 4 and a.isdigit() and b.isdigit() and 1900 <= int(a) <= 2100
