"""Vietnamese dates (SPEC.md) to ISO 8601, partial where the source is partial."""
from __future__ import annotations

import regex

_DAY_MONTH_YEAR = regex.compile(
    r"(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})\b")
_WORDS = regex.compile(
    r"(?i:ngà[y]?)\s*(?P<d>\d{1,2})?\s*(?i:tháng)\s*(?P<m>\d{1,2})\s*(?i:năm)\s*(?P<y>\d{4})\b")
_MONTH_YEAR = regex.compile(r"(?i:tháng)\s*(?P<m>\d{1,2})\s*(?:[/.\-]|\s+(?i:năm)\s+)\s*(?P<y>\d{4})\b")

# "ngày 07/4/2014", "ngày 26 tháng 02 năm 2014", "ngày   tháng 4 năm 2024", and the misspelt
# "ngà 13/12/2024" that real documents hold.
DATE_AFTER = regex.compile(
    r"(?i:ngà[y]?)\s*(?:(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})\b"
    r"|(?P<d2>\d{1,2})?\s*(?i:tháng)\s*(?P<m2>\d{1,2})\s*(?i:năm)\s*(?P<y2>\d{4})\b)")


def iso(year: int | str | None, month: int | str | None = None, day: int | str | None = None) -> str | None:
    """'2014-04-07', '2024-04' or '2024'; None when a part is out of range."""
    if year is None:
        return None
    y = int(year)
    if not 1900 <= y <= 2100:
        return None
    if month in (None, ""):
        return f"{y:04d}"
    m = int(month)
    if not 1 <= m <= 12:
        return None
    if day in (None, ""):
        return f"{y:04d}-{m:02d}"
    d = int(day)
    if not 1 <= d <= 31:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def date_from_match(m: regex.Match) -> str | None:
    g = m.groupdict()
    if g.get("y"):
        return iso(g["y"], g.get("m"), g.get("d"))
    return iso(g.get("y2"), g.get("m2"), g.get("d2"))


def parse_date(text: str) -> str | None:
    """The first date written in `text`, as ISO.

    >>> parse_date("ngày 07/4/2014"), parse_date("ngày   tháng 4 năm 2024"), parse_date("trong tháng 9/2014")
    ('2014-04-07', '2024-04', '2014-09')
    """
    for pattern in (_WORDS, _DAY_MONTH_YEAR, _MONTH_YEAR):
        m = pattern.search(text)
        if m:
            g = m.groupdict()
            return iso(g.get("y"), g.get("m"), g.get("d"))
    return None


# Deadlines (SPEC.md Rulings, 'Tasks'). A date bounding an action is written after a word that
# says so ("trước ngày 15/11/2025", "trong tháng 12 năm 2025", "trong Quý I năm 2026"); a bare
# year counts only where it closes the action ("hoàn thành trong năm 2025"), so the year of a
# target ("mục tiêu năm 2025") or a span of years ("2025 - 2030") gives none.
_BY = r"(?i:trước|chậm nhất|muộn nhất|vào|trong|đến|hết|xong|hoàn thành|kết thúc|cuối)"
_D_M_Y = (r"(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})\b"
          r"|(?P<d2>\d{1,2})\s+(?i:tháng)\s+(?P<m2>\d{1,2})\s+(?i:năm)\s+(?P<y2>\d{4})\b")
_DEADLINE_PATTERNS = (
    # a yearly day with no year: "trước ngày 20/11 hằng năm", "(10/10) hằng năm", "ngày 31 tháng 3 hằng năm"
    ("yearly", regex.compile(r"(?:(?i:ngày)\s*)?\(?(?P<d>\d{1,2})\s*(?:[/.\-]|\s+(?i:tháng)\s+)(?P<m>\d{1,2})\)?"
                             r"(?![/.\-]?\s*\d)(?!\s+(?i:năm)\s+\d)"
                             r"(?P<gap>[^.;\n\d]{0,30}?)\b(?P<cadence>(?i:hằng|hàng)\s+năm)\b")),
    ("date", regex.compile(_BY + r"\s+(?:(?i:cả)\s+)?(?:(?i:ngày)\s*)?(?:" + _D_M_Y + ")")),
    ("quarter", regex.compile(_BY + r"\s+(?i:quý)\s+(?P<q>IV|III|II|I|[1-4])\s*(?:[/.\-]|\s+(?i:năm)\s+)\s*(?P<y>\d{4})\b")),
    ("month", regex.compile(_BY + r"\s+(?i:tháng)\s+(?P<m>\d{1,2})\s*(?:[/.\-]|\s+(?i:năm)\s+)\s*(?P<y>\d{4})\b")),
    ("year", regex.compile(r"(?:(?i:hoàn thành|xong|trước|kết thúc)(?:\s+(?i:trong))?\s+(?i:năm)\s+"
                           r"|\((?i:năm)\s+)(?P<y>(?:19|20)\d\d)\b(?!\s*[-–]\s*(?:19|20)?\d\d)")),
)
_QUARTER_END = {"I": 3, "1": 3, "II": 6, "2": 6, "III": 9, "3": 9, "IV": 12, "4": 12}
# a table's time cell that is only a date, month, quarter or year ("2026", "Tháng 12/2025", "Quý II/2026")
_CELL = regex.compile(r"^\s*(?:(?i:năm)\s+)?(?P<y>(?:19|20)\d\d)\s*\.?$"
                      r"|^\s*(?i:tháng)\s+(?P<m>\d{1,2})\s*(?:[/.\-]|\s+(?i:năm)\s+)\s*(?P<my>\d{4})\s*$"
                      r"|^\s*(?i:quý)\s+(?P<q>IV|III|II|I|[1-4])\s*(?:[/.\-]|\s+(?i:năm)\s+)\s*(?P<qy>\d{4})\s*$")


def deadline(text: str) -> tuple[str | None, str | None]:
    """The deadline an instruction sets, as ISO (partial, or `--MM-DD` for a yearly day), and the
    cadence word that a yearly day comes with.

    >>> deadline("báo cáo trước ngày 20/11 hằng năm"), deadline("hoàn thành trong Quý I năm 2026")
    (('--11-20', 'hằng năm'), ('2026-03', None))
    >>> deadline("trong tháng 12 năm 2025"), deadline("giai đoạn 2025 - 2030"), deadline("hoàn thành trong năm 2025")
    (('2025-12', None), (None, None), ('2025', None))
    """
    found: list[tuple[int, str | None, str | None]] = []
    for kind, pattern in _DEADLINE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        g = m.groupdict()
        value, cadence = None, None
        if kind == "yearly":
            d, mo = int(g["d"]), int(g["m"])
            if 1 <= d <= 31 and 1 <= mo <= 12:
                value, cadence = f"--{mo:02d}-{d:02d}", " ".join(g["cadence"].lower().split())
        elif kind == "date":
            value = iso(g["y"], g["m"], g["d"]) if g.get("y") else iso(g["y2"], g["m2"], g["d2"])
        elif kind == "quarter":
            value = iso(g["y"], _QUARTER_END[g["q"].upper()])
        elif kind == "month":
            value = iso(g["y"], g["m"])
        else:
            value = iso(g["y"])
        if value:
            found.append((m.start(), value, cadence))
    if not found:
        return None, None
    _, value, cadence = min(found, key=lambda f: f[0])
    return value, cadence


def cell_deadline(cell: str) -> str | None:
    """A table's time cell as a deadline where it is one date, month, quarter or year; a span
    of years ("2025 - 2030") or a cadence ("Thường xuyên") is none."""
    m = _CELL.match(cell)
    if m:
        g = m.groupdict()
        if g["y"]:
            return iso(g["y"])
        if g["m"]:
            return iso(g["my"], g["m"])
        return iso(g["qy"], _QUARTER_END[g["q"].upper()])
    d, _ = deadline(cell if regex.match(r"\s*(?i:trước|trong|chậm nhất|đến|vào)", cell) else "trước " + cell)
    return d
