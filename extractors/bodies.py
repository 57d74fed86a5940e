"""Names of party and state bodies: the vocabulary (data/bodies.tsv), abbreviations expanded,
one spelling per body, and the level a document symbol's issuing part says.

The public lists other extractors build on:

    >>> "Ủy ban" in HEADS and "Bộ Chính trị" in CENTRAL
    True
    >>> body_pattern().match("Sở Khoa học và Công nghệ tỉnh").group(0)
    'Sở Khoa học và Công nghệ'
    >>> expand("UBND tỉnh")
    'Ủy ban nhân dân tỉnh'
    >>> level_of("12-CT/TU"), level_of("NĐ-CP")
    ('provincial_party', 'government')
"""
from __future__ import annotations

from functools import lru_cache

import regex

from schemas.text import new_tones

from . import lexicon

HEADS: tuple[str, ...] = tuple(sorted(lexicon.column("bodies", "name", kind="head"), key=len, reverse=True))
# a head word that alone names one body ("Chính phủ", "Tỉnh ủy")
ALONE: frozenset[str] = frozenset(lexicon.column("bodies", "name", kind="alone"))
# what follows Bộ / Sở / Phòng in a ministry's or department's name ("Khoa học và Công nghệ")
SECTORS: tuple[str, ...] = tuple(sorted(lexicon.column("bodies", "name", kind="sector"), key=len, reverse=True))
CENTRAL: tuple[str, ...] = tuple(sorted(lexicon.column("bodies", "name", kind="central"), key=len, reverse=True))
TITLES: tuple[str, ...] = tuple(sorted(lexicon.column("bodies", "name", kind="title"), key=len, reverse=True))
SECTOR_HEADS = ("Bộ", "Sở", "Phòng")

ABBREVIATIONS: dict[str, str] = {**lexicon.mapping("abbreviations", "abbreviation", "expansion"),
                                 **{r["short"]: r["name"] for r in lexicon.rows("bodies")
                                    if r["kind"] == "abbreviation" and r["short"]}}
_ABBREVIATION = regex.compile(r"(?<![\p{L}&])(" + "|".join(regex.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
                              + r")(?![\p{L}&])")


def expand(name: str) -> str:
    """'UBND tỉnh' -> 'Ủy ban nhân dân tỉnh'; 'Uỷ ban' -> 'Ủy ban'."""
    name = new_tones(" ".join(name.split()))
    return _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], name)


def _flexible(name: str) -> str:
    """A name as a pattern that lets any run of spaces or one line break stand between its words,
    its first word as written and the others in either case ("Ban chỉ đạo …")."""
    words = regex.split(r"\s+", name)
    parts = [r"[ \t]*[-–][ \t]*" if w in "-–" else regex.escape(w) if i == 0 else "(?i:" + regex.escape(w) + ")"
             for i, w in enumerate(words)]
    return r"[ \t]*\n?[ \t]*".join(parts)


@lru_cache(maxsize=1)
def body_pattern() -> regex.Pattern:
    """Full names of central bodies, and ministries / departments by their sector, as whole words."""
    sectors = "|".join(_flexible(s) for s in SECTORS)
    names = "|".join(_flexible(n) for n in CENTRAL)
    return regex.compile(r"(?<![\p{L}])(?:" + names + r"|(?:" + "|".join(SECTOR_HEADS) + r")[ \t]+(?:" + sectors
                         + r"))(?![\p{L}])")


# What a symbol's issuing part says about the level of the body that issued it.
_SYMBOL_LEVELS = {r["short"]: r["level"] for r in lexicon.rows("bodies") if r["kind"] == "symbol"}
_PREFIX_LEVELS = [(r["short"], r["level"]) for r in lexicon.rows("bodies") if r["kind"] == "symbol_prefix"]


def level_of(symbol: str | None) -> str | None:
    """'CT/TW' -> 'central_party', 'NQ-HĐND' -> 'people_council', 'NĐ-CP' -> 'government'."""
    if not symbol:
        return None
    issuer_part = regex.split(r"[/-]", symbol)[-1]
    bare = regex.sub(r"\d+$", "", issuer_part)  # "QH15", "UBTVQH14"
    if bare in _SYMBOL_LEVELS:
        return _SYMBOL_LEVELS[bare]
    for prefix, level in _PREFIX_LEVELS:
        # a ministry's or department's symbol: the prefix and a few capitals ("BYT", "SGDĐT")
        if issuer_part.startswith(prefix) and (len(prefix) > 1 or regex.fullmatch(r"[\p{Lu}Đ]{2,7}", issuer_part)):
            return level
    return None


def level_of_name(name: str) -> str | None:
    """The level of a central body named in full ('Bộ Chính trị' -> 'central_party')."""
    levels = {new_tones(r["name"]): r["level"] for r in lexicon.rows("bodies") if r["kind"] == "central"}
    return levels.get(new_tones(name)) or None
