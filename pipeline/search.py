"""Full-text search over a knowledge base: its documents' paragraphs and its records, through
an SQLite FTS5 index kept beside the base (`search.sqlite`, rebuilt when the base changes).

Vietnamese is folded the way SPEC.md matches words: old and new tone placement are one word
(`hoà` = `hòa`, `uỷ` = `ủy`) and case does not count. With `plain=True` diacritics do not
count either (`phong chong dich` finds `phòng chống dịch`, `dang` finds `Đảng`).
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex

from schemas.text import classify_heading, new_tones

from .records import document_of, iter_documents, jsonl_path

INDEX = "search.sqlite"
# Raise when what is indexed, or how, changes: an index built by another layout is rebuilt.
LAYOUT = "1"
KINDS = ("document", "text", "citations", "measures", "statistics", "tasks", "entities", "tables")
_WORD = regex.compile(r"\w+")


def _fold_char(ch: str) -> str:
    folded = ch.casefold()
    return folded if len(folded) == 1 else ch.lower()


def fold_same_length(text: str) -> str:
    """SPEC.md's fold (new-style tones, case folded), one character for one, so that offsets
    found in the folded text are offsets in the source text."""
    return "".join(_fold_char(ch) for ch in new_tones(unicodedata.normalize("NFC", text)))


def _plain_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0]
    return base if base.isalpha() or base.isdigit() else ch


def plain_same_length(text: str) -> str:
    """Folded, and without diacritics: `Đảng ủy` -> `dang uy`."""
    return "".join(_plain_char(ch) for ch in fold_same_length(text))


@dataclass
class Hit:
    kind: str
    doc_id: str
    source: str
    section: str | None
    text: str
    spans: list[tuple[int, int]]

    def snippet(self, width: int = 160) -> tuple[str, list[tuple[int, int]]]:
        """A window of the text around the first match, and the matches' spans in it."""
        text = self.text
        first = self.spans[0][0] if self.spans else 0
        lo = max(0, first - width // 3)
        if lo:
            space = text.find(" ", lo, first)
            lo = space + 1 if space >= 0 else lo
        hi = min(len(text), lo + width)
        if hi < len(text):
            space = text.rfind(" ", max(first, lo), hi)
            hi = space if space > first else hi
        prefix, suffix = ("…" if lo else ""), ("…" if hi < len(text) else "")
        # the source's characters, but not its line layout: runs of spaces become one,
        # with the matches' spans carried through
        out, where, last_space = [prefix], {}, True
        length = len(prefix)
        for i in range(lo, hi + 1):
            where[i] = length
            if i == hi:
                break
            space = text[i].isspace()
            if not (space and last_space):
                out.append(" " if space else text[i])
                length += 1
            last_space = space
        spans = [(where[a], where[min(b, hi)]) for a, b in self.spans if lo <= a < hi]
        return "".join(out) + suffix, spans

    def as_row(self) -> dict:
        snippet, _ = self.snippet()
        return {"kind": self.kind, "doc_id": self.doc_id, "source": self.source,
                "section": self.section, "snippet": snippet}


def _paragraphs(record: dict):
    """(section, paragraph) for the document's text: heading paths rebuilt from the numbered
    headings the way the readers build them; footnote bodies under 'footnote N'."""
    text = record.get("text") or ""
    footnotes = sorted(record.get("footnotes") or [], key=lambda f: f.get("start") or 0)
    body_end = footnotes[0]["start"] if footnotes and isinstance(footnotes[0].get("start"), int) else len(text)
    path: list[tuple[int, str]] = []
    for m in regex.finditer(r"[^\n]+(?:\n[^\n]+)*", text[:body_end]):
        paragraph = m.group().strip()
        heading = classify_heading(paragraph.split("\n", 1)[0]) if len(paragraph) <= 320 else None
        if heading and heading[0] is not None:
            level, label = heading
            path = [p for p in path if p[0] < level] + [(level, label or paragraph)]
        yield (" > ".join(label for _, label in path) or None), paragraph
    for fn in footnotes:
        if fn.get("text"):
            yield f"footnote {fn.get('n')}", fn["text"]


def _record_texts(record: dict):
    """(kind, section, text) for each record worth finding by its words."""
    doc = document_of(record)
    head = " · ".join(str(doc[k]) for k in ("title", "number", "issuer", "subject") if doc.get(k))
    if head:
        yield "document", None, head
    for c in record.get("citations") or []:
        extra = c.get("subject") or ""
        yield "citations", c.get("section"), " ".join((c.get("text") or "").split()) + (f" · {extra}" if extra else "")
    for m in record.get("measures") or []:
        yield "measures", m.get("section"), " ".join((m.get("text") or m.get("indicator") or "").split())
    for s in record.get("statistics") or []:
        yield "statistics", f"footnote {s.get('footnote')}", " ".join((s.get("text") or s.get("metric") or "").split())
    for t in record.get("tasks") or []:
        yield "tasks", t.get("section"), " · ".join(x for x in (t.get("assignee"), t.get("action")) if x)
    for e in record.get("entities") or []:
        yield "entities", e.get("label"), e.get("text") or ""
    for t in record.get("tables") or []:
        cells = " | ".join(c for row in (t.get("header") or []) + (t.get("rows") or []) for c in row if c)
        yield "tables", t.get("section"), " · ".join(x for x in (t.get("title"), cells) if x)


def _stamp(kb_dir: Path) -> str:
    stat = jsonl_path(kb_dir).stat()
    return hashlib.sha256(f"{LAYOUT}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:16]


def _build(kb_dir: Path, target: Path, stamp: str) -> None:
    con = sqlite3.connect(target)
    try:
        con.execute("CREATE TABLE meta (stamp TEXT)")
        con.execute("INSERT INTO meta VALUES (?)", (stamp,))
        con.execute("CREATE VIRTUAL TABLE hits USING fts5(folded, plain, kind UNINDEXED, doc_id UNINDEXED, "
                    "source UNINDEXED, section UNINDEXED, text UNINDEXED, "
                    "tokenize = 'unicode61 remove_diacritics 0')")
        for record in iter_documents(kb_dir):
            rows = [("text", section, paragraph) for section, paragraph in _paragraphs(record)]
            rows += list(_record_texts(record))
            con.executemany("INSERT INTO hits VALUES (?, ?, ?, ?, ?, ?, ?)",
                            ((fold_same_length(t), plain_same_length(t), kind, record["doc_id"],
                              record.get("source"), section, t) for kind, section, t in rows if t))
        con.commit()
    finally:
        con.close()


def open_index(kb_dir: str | Path) -> sqlite3.Connection:
    """The base's search index, (re)built first where missing or older than the base. A base
    in a folder that cannot be written to is indexed in memory for this search."""
    kb_dir = Path(kb_dir)
    stamp = _stamp(kb_dir)
    path = kb_dir / INDEX
    if path.exists():
        try:
            con = sqlite3.connect(path)
            if con.execute("SELECT stamp FROM meta").fetchone() == (stamp,):
                return con
            con.close()
        except sqlite3.DatabaseError:
            pass
    tmp = kb_dir / f".{INDEX}.{os.getpid()}.tmp"
    try:
        tmp.unlink(missing_ok=True)
        _build(kb_dir, tmp, stamp)
        os.replace(tmp, path)
        return sqlite3.connect(path)
    except (OSError, sqlite3.OperationalError):
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    except BaseException:  # a damaged base, Ctrl-C: no half-built index left behind
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    scratch = Path(tempfile.mkdtemp(prefix="vnkb-search-")) / INDEX
    try:
        _build(kb_dir, scratch, stamp)
        con = sqlite3.connect(scratch)
        con.execute("SELECT stamp FROM meta").fetchone()  # opened: the file may go now
        return con
    finally:
        scratch.unlink(missing_ok=True)
        scratch.parent.rmdir()


def search(kb_dir: str | Path, query: str, *, plain: bool = False, all_words: bool = False,
           kinds: list[str] | None = None, limit: int | None = 20) -> list[Hit]:
    """Documents' paragraphs and records that hold `query`, best first (FTS5's bm25).

    The query's words are matched as a phrase, in order and next to each other; with
    `all_words` each word anywhere in the paragraph or record.
    """
    fold = plain_same_length if plain else fold_same_length
    words = _WORD.findall(fold(query))
    if not words:
        raise ValueError(f"nothing to search for in {query!r}: give at least one word")
    column = "plain" if plain else "folded"
    expression = (" AND ".join(f'"{w}"' for w in words) if all_words else '"' + " ".join(words) + '"')
    sql = ("SELECT kind, doc_id, source, section, text FROM hits WHERE hits MATCH ?")
    params: list = [f"{column} : ({expression})"]
    if kinds:
        sql += f" AND kind IN ({', '.join('?' for _ in kinds)})"
        params += kinds
    sql += " ORDER BY bm25(hits), rowid"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    con = open_index(kb_dir)
    try:
        rows = con.execute(sql, params).fetchall()
    finally:
        con.close()
    if all_words:
        pattern = regex.compile("|".join(rf"\b{regex.escape(w)}\b" for w in words))
    else:
        pattern = regex.compile(r"\b" + r"\W+".join(regex.escape(w) for w in words) + r"\b")
    hits = []
    for kind, doc_id, source, section, text in rows:
        spans = [m.span() for m in pattern.finditer(fold(text))]
        hits.append(Hit(kind, doc_id, source, section, text, spans))
    return hits
