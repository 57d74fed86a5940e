"""Reading a written knowledge base for the audit commands (report, cites --ref, search, graph).

They read `documents.jsonl`, the one output whose shape is SPEC.md's and not a table layout:
each line is a whole document with its text and record lists, so sentences around a mention
can be cut from the text its offsets point into.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterator

import regex


class BaseError(Exception):
    """A folder that holds no readable knowledge base; the message names the file and why."""


def jsonl_path(kb_dir: str | Path) -> Path:
    path = Path(kb_dir) / "documents.jsonl"
    if not path.is_file():
        raise BaseError(f"{path}: no documents.jsonl here; run 'vnkb extract PATH -o {kb_dir}' first")
    return path


def iter_documents(kb_dir: str | Path) -> Iterator[dict]:
    """Each document object of the base, in the order the base holds them."""
    path = jsonl_path(kb_dir)
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BaseError(f"{path}: line {number} is not JSON ({exc.msg})") from None
            if not isinstance(record, dict) or "doc_id" not in record:
                raise BaseError(f"{path}: line {number} is not a document object")
            yield record


def load_documents(kb_dir: str | Path) -> list[dict]:
    return list(iter_documents(kb_dir))


def read_errors(kb_dir: str | Path) -> list[dict]:
    """The files the extraction could not read: `source` and `reason` (errors.csv)."""
    path = Path(kb_dir) / "errors.csv"
    if not path.is_file():
        return []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return [{"source": row.get("source") or "", "reason": row.get("reason") or ""}
                for row in csv.DictReader(fh)]


def document_of(record: dict) -> dict:
    """The document fields with the source and format the record carries at its top level."""
    return {**(record.get("document") or {}), "doc_id": record["doc_id"],
            "source": record.get("source"), "format": record.get("format")}


# A sentence ends at a full stop, "!", "?" or ";" followed by space, or at a line break; a
# dot inside "07.4.2014" or "TP.Hà Tĩnh" does not end one.
_SENTENCE_END = regex.compile(r"[.!?;](?=\s)|\n")
_CONTEXT = 320


def sentence_span(text: str, start: int, end: int) -> tuple[int, int, bool, bool]:
    """(left, right, cut_left, cut_right): the sentence holding text[start:end], at most
    _CONTEXT characters either side; cut_* say where it was cut short."""
    lo, hi = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
    before = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    left = before[-1] if before else lo
    after = _SENTENCE_END.search(text, end, hi)
    right = (after.start() if after.group() == "\n" else after.end()) if after else hi
    return left, right, not before and lo > 0, not after and hi < len(text)


def _squash(text: str) -> str:
    """Line breaks and runs of spaces inside a sentence are layout: one space."""
    squashed = " ".join(text.split())
    if squashed and text[:1].isspace():
        squashed = " " + squashed
    if squashed and text[-1:].isspace():
        squashed += " "
    return squashed


def mention_context(text: str | None, start, end, fallback: str = "") -> tuple[str, str, str]:
    """(before, mention, after): the sentence around a record's span, split at the span.

    >>> mention_context("Mở đầu. Thực hiện Chỉ thị số 05-CT/TU ngày 10/3/2021; tiếp theo.", 18, 37)
    ('Thực hiện ', 'Chỉ thị số 05-CT/TU', ' ngày 10/3/2021;')
    """
    if not text or not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
        return "", fallback, ""
    left, right, cut_left, cut_right = sentence_span(text, start, end)
    return (("…" if cut_left else "") + _squash(text[left:start]).lstrip(),
            " ".join(text[start:end].split()),
            _squash(text[end:right]).rstrip() + ("…" if cut_right else ""))


def citation_mentions(records: list[dict]) -> list[dict]:
    """Every citation with its citing document (source, kind, date, issuer) and sentence."""
    rows = []
    for record in records:
        doc = document_of(record)
        text = record.get("text")
        for c in record.get("citations") or []:
            before, mention, after = mention_context(text, c.get("start"), c.get("end"), c.get("text") or "")
            rows.append({**c, "doc_id": record["doc_id"], "source": doc.get("source"),
                         "doc_kind": doc.get("kind"), "doc_date": doc.get("date"),
                         "doc_issuer": doc.get("issuer"), "doc_title": doc.get("title"),
                         "before": before, "mention": mention, "after": after})
    return rows
