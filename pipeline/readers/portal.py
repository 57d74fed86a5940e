"""A portal's page wrapper, dropped before any extractor sees the text (SPEC.md, Rulings,
"What is the document"). What counts as wrapper is data: extractors/data/portal_boilerplate.tsv.

Works on lines, so every text format (.md, .txt, the text of an HTML page) can use it.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from extractors import lexicon
from schemas.text import fold

_MARKERS = regex.compile(r"[*_#`]+|^\s*[-+>|]\s*(?=\S)")
_PIPE_ONLY = regex.compile(r"^[ \t]*\|[ \t]*$")
_WORDS = regex.compile(r"\w+")


def key(line: str) -> str:
    """A line as the data file spells it: markers removed, folded, spaces collapsed."""
    return fold(_MARKERS.sub(" ", line))


@lru_cache(maxsize=None)
def _entries(kind: str) -> tuple[frozenset, tuple, tuple]:
    rows = [r for r in lexicon.rows("portal_boilerplate") if r.get("kind") == kind]
    whole = frozenset(fold(r["pattern"]) for r in rows if r.get("form") == "line")
    prefixes = tuple(fold(r["pattern"]) for r in rows if r.get("form") == "prefix")
    patterns = tuple(regex.compile(r["pattern"]) for r in rows if r.get("form") == "regex")
    return whole, prefixes, patterns


def matches(kind: str, line: str) -> bool:
    """Whether `line` is an entry of this kind."""
    whole, prefixes, patterns = _entries(kind)
    k = key(line)
    if not k:
        return False
    if k in whole or k.rstrip(" :") in whole or (k.startswith(prefixes) if prefixes else False):
        return True
    plain = _MARKERS.sub("", line).strip()
    return any(p.match(plain) for p in patterns)


def clean_inline(line: str) -> str:
    for pattern in _entries("inline")[2]:
        line = pattern.sub("", line)
    return line


def without_wrapper(lines: list[str]) -> list[str]:
    """The lines of the document proper: the portal's head (banner, info box), trailer
    (summary, related documents, notices) and stray banner lines left out."""
    start = _head_end(lines)
    end = _tail_start(lines, start)
    kept = [clean_inline(line) for line in lines[start:end] if not matches("line", line)]
    return kept


def _head_end(lines: list[str]) -> int:
    limit = max(len(lines) // 3, 1)
    end = next((i + 1 for i in range(min(limit, len(lines))) if matches("head_end", lines[i])), 0)
    if not end:
        return 0
    # the info box after it: label cells and their values, in `|` cells or on lines
    i, pipe_before = end, None
    while i < len(lines):
        line = lines[i]
        if not line.strip() or _PIPE_ONLY.match(line) or not key(line):
            pipe_before = i if _PIPE_ONLY.match(line) else pipe_before
            i += 1
            continue
        if matches("head_field", line):
            i += 1
            while i < len(lines) and (not lines[i].strip() or _PIPE_ONLY.match(lines[i]) or not key(lines[i])):
                i += 1
            i += 1  # the value
            pipe_before = None
            continue
        break
    # the document's own first `|` block (its letterhead) keeps the line that opens it
    return pipe_before if pipe_before is not None else i


def _tail_start(lines: list[str], start: int) -> int:
    for i in range(start, len(lines)):
        if i - start < 5 or not matches("tail_start", lines[i]):
            continue
        above = i - 1
        while above > start and not lines[above].strip():
            above -= 1
        below = i + 1
        while below < len(lines) and not lines[below].strip():
            below += 1
        if above > start and below < len(lines) and _same_opening(lines[above], lines[below]):
            return above  # the portal's summary line, repeated just below the marker
        return i
    return len(lines)


def _same_opening(a: str, b: str) -> bool:
    wa, wb = _WORDS.findall(key(a))[:3], _WORDS.findall(key(b))[:3]
    return len(wa) == 3 and wa == wb


@lru_cache(maxsize=None)
def news_list_pattern() -> regex.Pattern:
    """A news portal's list heading on a line of its own (multiline pattern)."""
    words = sorted(_entries("news_list")[1], key=len, reverse=True)
    return regex.compile(r"(?im)^[ \t]*(?:" + "|".join(regex.escape(w) for w in words) + r")[ \t:]*$")
