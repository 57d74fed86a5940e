"""Names of party and state bodies: abbreviations expanded, one spelling per body."""
from __future__ import annotations

import regex

from schemas.text import new_tones

from . import lexicon

ABBREVIATIONS = lexicon.mapping("abbreviations", "abbreviation", "expansion")
_ABBREVIATION = regex.compile(r"\b(" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")\b")


def expand(name: str) -> str:
    """'UBND tỉnh' -> 'Ủy ban nhân dân tỉnh'; 'Uỷ ban' -> 'Ủy ban'."""
    name = new_tones(" ".join(name.split()))
    return _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], name)


# What a symbol's issuing part says about the level of the body that issued it.
_LEVELS = [
    (regex.compile(r"^(?:TW|BCT|BBT|BTGTW|BTCTW|UBKTTW|BDVTW|BNCTW|VPTW)$"), "central_party"),
    (regex.compile(r"^(?:TU|TƯ|TƯ|BTGTU|BTCTU|UBKTTU|BDVTU|VPTU|BCĐ.*)$"), "provincial_party"),
    (regex.compile(r"^(?:HU|ThU|QU|ĐU|ĐUK|ĐUCQ)$"), "party_committee"),
    (regex.compile(r"^(?:CP|TTg|VPCP)$"), "government"),
    (regex.compile(r"^(?:QH\d*|UBTVQH\d*|VPQH)$"), "national_assembly"),
    (regex.compile(r"^HĐND$"), "people_council"),
    (regex.compile(r"^UBND$"), "people_committee"),
    (regex.compile(r"^B[\p{Lu}Đ]{1,6}$"), "ministry"),
    (regex.compile(r"^S[\p{Lu}Đ]{1,6}$"), "department"),
]


def level_of(symbol: str | None) -> str | None:
    """'CT/TW' -> 'central_party', 'NQ-HĐND' -> 'people_council', 'NĐ-CP' -> 'government'."""
    if not symbol:
        return None
    issuer_part = regex.split(r"[/-]", symbol)[-1]
    for pattern, level in _LEVELS:
        if pattern.match(issuer_part):
            return level
    return None
