"""Text normalisation shared by readers and extractors (SPEC.md, 'Text conventions')."""
from __future__ import annotations

import unicodedata

import regex

_INVISIBLE = regex.compile(r"[\x00\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = regex.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalise(raw: str) -> str:
    """NFC, LF line ends, no invisible or control characters, NBSP as a plain space."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    text = text.replace("\xa0", " ").replace("\u2028", "\n").replace("\u2029", "\n")
    return unicodedata.normalize("NFC", text)


# Old-style tone placement ("uỷ", "hoà") folded to new style ("ủy", "hòa") for matching only.
_OLD_TONES = [
    (regex.compile(r"(?<![qQ])([uU])([ýỳỷỹỵ])(?!\w)"), dict(zip("ýỳỷỹỵ", ["úy", "ùy", "ủy", "ũy", "ụy"]))),
    (regex.compile(r"([oO])([àáảãạ])(?!\w)"), dict(zip("àáảãạ", ["òa", "óa", "ỏa", "õa", "ọa"]))),
    (regex.compile(r"([oO])([èéẻẽẹ])(?!\w)"), dict(zip("èéẻẽẹ", ["òe", "óe", "ỏe", "õe", "ọe"]))),
]


def new_tones(text: str) -> str:
    """Rewrite old-style tone placement to new style, keeping length-preserving case."""
    for pattern, table in _OLD_TONES:
        def swap(m, table=table):
            first, second = table[m.group(2)]
            return (first.upper() if m.group(1).isupper() else first) + second
        text = pattern.sub(swap, text)
    return text


def fold(text: str) -> str:
    """The form two spellings of one word share: NFC, new-style tones, case-folded, single spaces."""
    text = new_tones(unicodedata.normalize("NFC", text)).casefold()
    return " ".join(text.split())


# Numbered headings, outermost first. The level is the kind of numbering, not its depth
# in any one document, so that 'III' is always inside 'A' and '2' always inside 'III'.
_HEADINGS = [
    (1, regex.compile(r"^(?P<label>(?i:phần thứ|phần)\s+[\p{L}\d]+)\b")),
    (1, regex.compile(r"^(?P<label>(?i:phụ lục)\s*[\dIVX]*)(?=[\s.:\-–]|$)")),
    (2, regex.compile(r"^(?P<label>(?i:chương)\s+[IVXL\d]+)\b")),
    (3, regex.compile(r"^(?P<label>(?i:mục)\s+\d+)\b")),
    (4, regex.compile(r"^(?P<label>Điều\s+\d+[a-z]?)\s*[.:]")),
    (3, regex.compile(r"^(?P<label>[IVX]{1,5})\s*[.\-–)]\s*(?=\S)")),
    (2, regex.compile(r"^(?P<label>[A-Z])\s*[.)]\s+(?=\S)")),
    (7, regex.compile(r"^(?P<label>\d{1,2}\.\d{1,2}\.\d{1,2})\.?\s+(?=\S)")),
    (6, regex.compile(r"^(?P<label>\d{1,2}\.\d{1,2})\.?\s+(?=\S)")),
    (5, regex.compile(r"^(?P<label>\d{1,2})\s*[.)]\s+(?=\D)")),
    (8, regex.compile(r"^(?P<label>[a-zđ])\s*\)\s+(?=\S)")),
]
_MAX_HEADING = 160


def is_upper_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def classify_heading(line: str) -> tuple[int | None, str | None] | None:
    """(level, label) for a heading line, (None, None) for an unnumbered all-caps heading,
    None for body text. A numbered line is a heading when short and not a sentence."""
    text = line.strip()
    if not text or len(text) > _MAX_HEADING * 2:
        return None
    upper = is_upper_line(text)
    for level, pattern in _HEADINGS:
        m = pattern.match(text)
        if not m:
            continue
        short = len(text) <= 70 and not text.endswith((";", ","))  # "2. Chỉ tiêu về chuyên môn."
        if level == 1 or upper or short or (len(text) <= _MAX_HEADING and not text.endswith((".", ";", ","))):
            label = m.group("label").strip()
            if level == 1 or label[:1] in "Cc" and len(label) > 2:
                label = label[:1].upper() + label[1:].lower()
            return level, label
        return None
    if upper and len(text) <= _MAX_HEADING and not text.endswith((",", ";")):
        return None, None
    return None
