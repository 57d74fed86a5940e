"""One document through the pipeline: read it, run the extractors, shape the record."""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

import extractors
from extractors import RECORD_TYPES

from schemas.document import Document
from .readers import MAX_BYTES, read, read_bytes

DOCUMENT_FIELDS = ("kind", "title", "number", "issuer", "place", "date", "subject", "recipients",
                   "distribution", "signer_name", "signer_title", "draft", "term")


def code_fingerprint() -> str:
    """A hash of the code and vocabulary that extract, the lexicon overlay included: the one
    version of every extractor. A cached result is reused only by the same code and words,
    whatever anyone remembered to bump."""
    digest = hashlib.sha1()
    root = Path(__file__).resolve().parent.parent
    overlay = os.environ.get("VNKB_LEXICON")
    folders = [(root, root / package) for package in ("pipeline", "extractors", "schemas")]
    if overlay and Path(overlay).is_dir():
        folders.append((Path(overlay), Path(overlay)))
    for base, folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".tsv", ".txt", ".json") and "__pycache__" not in path.parts:
                digest.update(path.relative_to(base).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def versions(only: list[str] | None = None) -> dict[str, str]:
    """Which extractors run (those asked for and those they require), each with the code
    fingerprint: what a cached result must match to be reused."""
    code = _fingerprint()
    return {name: code for name in extractors.plan(only)}


_fingerprint = lru_cache(maxsize=1)(code_fingerprint)


def extract_document(doc: Document, only: list[str] | None = None) -> dict:
    """The documents.jsonl object for a document (SPEC.md, 'The gold files')."""
    run = versions(only)
    record: dict = {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "format": doc.format,
        "encoding": doc.encoding,
        "extractors": run,
        "text": doc.text,
        "document": {"doc_id": doc.doc_id, "source": doc.source, "format": doc.format,
                     **{f: None for f in DOCUMENT_FIELDS}},
    }
    for kind in RECORD_TYPES:
        record[kind] = []
    for name in run:
        result = extractors.load(name).extract(doc)
        if name == "metadata":
            record["document"].update(result)
        else:
            record[name] = result
    return record


def process_file(path: str | Path, source: str | None = None, only: list[str] | None = None,
                 max_bytes: int = MAX_BYTES) -> dict:
    return extract_document(read(path, source, max_bytes), only)


def process_bytes(data: bytes, source: str, only: list[str] | None = None, max_bytes: int = MAX_BYTES) -> dict:
    return extract_document(read_bytes(data, source, max_bytes), only)
