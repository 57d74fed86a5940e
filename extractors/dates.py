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
