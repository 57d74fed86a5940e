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


_LONGEST_ENTRY = 300  # characters; a longer line is matched on its start only


@lru_cache(maxsize=8192)
def _key_of(line: str) -> str:
    return key(line[:_LONGEST_ENTRY])


def matches(kind: str, line: str) -> bool:
    """Whether `line` is an entry of this kind."""
    whole, prefixes, patterns = _entries(kind)
    if not line.strip():
        return False
    k = _key_of(line)
    if not k:
        return False
    if k in whole or k.rstrip(" :") in whole or (k.startswith(prefixes) if prefixes else False):
        return True
    if not patterns:
        return False
    plain = _MARKERS.sub("", line[:_LONGEST_ENTRY]).strip()
    return any(p.match(plain) for p in patterns)


def clean_inline(line: str) -> str:
    for pattern in _entries("inline")[2]:
        line, n = pattern.subn("", line)
        if n:  # the words around it close up, as if it had never been there
            line = regex.sub(r"(?<=\S)[ \t]{2,}(?=\S)", " ", line)
            line = regex.sub(r"(?<=\S)[ \t]+(?=[.,;:)])", "", line)
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
    # the info box after it: a title line, then label cells and their values, in `|` cells
    # or on lines; the box ends with the value of its last label
    last_field = None
    for i in range(end, min(end + 80, len(lines))):
        if matches("letterhead", lines[i]):
            break
        if matches("head_field", lines[i]):
            last_field = i
    if last_field is None:
        return end
    i = last_field + 1
    while i < len(lines) and (not lines[i].strip() or _PIPE_ONLY.match(lines[i]) or not key(lines[i])):
        i += 1
    i += 1  # the value
    # the document's own first `|` block (its letterhead) keeps the line that opens it
    pipe_before = None
    while i < len(lines) and (not lines[i].strip() or _PIPE_ONLY.match(lines[i]) or not key(lines[i])):
        pipe_before = i if _PIPE_ONLY.match(lines[i]) else pipe_before
        i += 1
    start = pipe_before if pipe_before is not None else i
    return _letterhead_block(lines, start) or start


def _letterhead_block(lines: list[str], start: int) -> int | None:
    """Where the portal's own summary of the document ("## Điều kiện … từ 01/12/2025" and a
    few paragraphs) ends: at the `|` opening the letterhead block (issuer cell, then the
    national motto) that follows it; None where the document starts right away."""
    first = start
    while first < len(lines) and (_PIPE_ONLY.match(lines[first]) or not lines[first].strip()):
        first += 1
    if first >= len(lines) or matches("letterhead", lines[first]):
        return None
    for m in range(first, min(first + 200, len(lines))):
        if not matches("letterhead", lines[m]):
            continue
        pipes = [j for j in range(m - 1, max(start, m - 15) - 1, -1) if _PIPE_ONLY.match(lines[j])]
        if len(pipes) >= 2 and not any(_PIPE_ONLY.match(x) for x in lines[pipes[1] + 1:pipes[0]]):
            return pipes[1]
        return pipes[0] if pipes else None
    return None


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
