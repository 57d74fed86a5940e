"""Instrument types and reference ids: the one place that says what kinds of instrument
there are, which abbreviation each puts in a symbol, and how a number and symbol make the
canonical `ref_id` (SPEC.md, citation). Extraction, the citation audit and the evaluation
all call `ref_id`/`ref_key` from here, so a mention and its gold agree on one spelling.
"""
from __future__ import annotations

import unicodedata

import regex

from schemas.text import fold

from . import lexicon

_ROWS = lexicon.rows("instrument_types")

# every kind of instrument a mention by number is cited as, longest first where it matters
TYPES: tuple[str, ...] = lexicon.column("instrument_types", "type", cited="yes")
# kinds that texts cite by a bare number ("Chỉ thị 07", "Đề án 1816")
BARE_TYPES: tuple[str, ...] = lexicon.column("instrument_types", "type", cited="yes", bare="yes")
CANONICAL_TYPE: dict[str, str] = {fold(t): t for t in TYPES}


def type_pattern(types=TYPES) -> str:
    """A regex alternation of `types`, longest first, any run of spaces between words."""
    return "|".join(r"\s+".join(t.split()) for t in sorted(types, key=len, reverse=True))


# the type words as written at the start of a mention ("Nghị quyết", "NGHỊ QUYẾT", "nghị quyết")
TYPE_PATTERN = r"(?i:" + type_pattern() + r")(?![\p{L}])"


def _symbol_types(system: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for r in _ROWS:
        if r["symbol"] and r["system"] == system and r["symbol"] not in found:
            found[r["symbol"]] = r["type"]
    return found


# "NQ" -> "Nghị quyết"; the party reads "TT" as Thông tri where the state reads Thông tư
STATE_SYMBOL_TYPES = _symbol_types("state")
PARTY_SYMBOL_TYPES = _symbol_types("party")

_SPELLING = {**{s.upper(): s for s in lexicon.column("instrument_types", "symbol") if not s.isupper()},
             **lexicon.mapping("symbol_spellings", "written", "canonical")}
_DASHES = regex.compile(r"[‐-―−]")
_SPACE = regex.compile(r"\s+")
_PARTS = regex.compile(r"^(?P<num>\d+(?:[.,]\d+)*\p{Ll}?)(?P<sep>[-/]?)"
                       r"(?:(?P<year>(?:19|20)\d\d)[-/](?=\p{L}))?(?P<sym>\p{L}.*)$")


# Cyrillic capitals that look like Latin ones: a PDF's text layer sometimes holds them inside a
# symbol ("TT-BТС" with Cyrillic Т and С), which would make a second id for one instrument
_HOMOGLYPHS = str.maketrans("АВСЕНКМОРТХ", "ABCEHKMOPTX")


def symbol(sym: str) -> str:
    """'CT-TTG' -> 'CT-TTg', 'QĐ/TƯ' -> 'QĐ/TW', 'NĐ- CP' -> 'NĐ-CP'."""
    sym = _SPACE.sub("", _DASHES.sub("-", unicodedata.normalize("NFC", sym))).translate(_HOMOGLYPHS)
    return regex.sub(r"[^-/]+", lambda m: _SPELLING.get(m.group(0).upper(), m.group(0)), sym)


def is_party(sym: str) -> bool:
    """A party symbol names the kind before a slash ("NQ/TW", "CTr/TU", "QĐi/TW"); a state
    symbol joins kind and issuer by a dash ("NQ-HĐND", "NĐ-CP")."""
    first = regex.split(r"[-/]", sym, maxsplit=1)
    return "/" in sym and (len(first) == 1 or sym[len(first[0])] == "/")


def ref_id(number: str, sym: str | None, year: str | None = None) -> str | None:
    """Number and symbol joined the way the symbol implies: '34-CT/TW', '144/NQ-HĐND',
    '107/2020/NĐ-CP'; None without a symbol."""
    if not sym:
        return None
    sym, number = symbol(sym), _SPACE.sub("", number)
    if year:
        return f"{number}/{year}/{sym}"
    return f"{number}-{sym}" if is_party(sym) else f"{number}/{sym}"


def canonical(ref: str | None) -> str | None:
    """A ref id as written ('23 – NQ/TW', '75/KH- UBND', '255/2025-NĐ-CP') in its canonical
    spelling ('23-NQ/TW', '75/KH-UBND', '255/2025/NĐ-CP'); other strings with spaces and
    dashes unified."""
    if not ref:
        return None
    flat = _SPACE.sub("", _DASHES.sub("-", unicodedata.normalize("NFC", str(ref))))
    m = _PARTS.match(flat)
    if not m:
        return symbol(flat) if regex.match(r"\p{L}[\p{L}\d]*[-/]", flat) else flat
    return ref_id(m.group("num"), m.group("sym"), m.group("year"))


def ref_key(ref: str | None) -> str:
    """What two ref ids must share to name one instrument: canonical, case folded."""
    return (canonical(ref) or "").casefold()
