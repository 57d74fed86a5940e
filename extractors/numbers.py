"""Vietnamese numerals (SPEC.md): ',' is the decimal mark; '.' before exactly three digits
groups thousands; any other '.' between digits is an English decimal point."""
from __future__ import annotations

import regex

_THOUSANDS = regex.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_DECIMAL_COMMA = regex.compile(r"^\d+,\d+$")
_DECIMAL_DOT = regex.compile(r"^\d+\.\d+$")
_INTEGER = regex.compile(r"^\d+$")


def parse_number(text: str) -> int | float | None:
    """The value of a numeral as written, or None when `text` is not one number.

    >>> parse_number("3.787"), parse_number("8,5"), parse_number("55.5"), parse_number("03")
    (3787, 8.5, 55.5, 3)
    """
    s = text.strip().replace(" ", "")
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
    return None


def _tidy(value: float) -> int | float:
    return int(value) if value.is_integer() else value
