"""One document through the pipeline: read it, run the extractors, shape the record."""
from __future__ import annotations

from pathlib import Path

import extractors
from extractors import RECORD_TYPES

from .document import Document
from .readers import MAX_BYTES, read, read_bytes

DOCUMENT_FIELDS = ("kind", "title", "number", "issuer", "place", "date", "subject", "recipients",
                   "distribution", "signer_name", "signer_title", "draft", "term")


def versions(only: list[str] | None = None) -> dict[str, str]:
    """Which extractors run, with their versions: what a cached result must match to be reused."""
    chosen = only or extractors.names()
    return {name: extractors.load(name).VERSION for name in chosen}


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
        if name == "metadata":
            continue
        record[name] = extractors.load(name).extract(doc)
    if "metadata" in run:
        record["document"].update(extractors.load("metadata").extract(doc))
    return record


def process_file(path: str | Path, source: str | None = None, only: list[str] | None = None,
                 max_bytes: int = MAX_BYTES) -> dict:
    return extract_document(read(path, source, max_bytes), only)


def process_bytes(data: bytes, source: str, only: list[str] | None = None, max_bytes: int = MAX_BYTES) -> dict:
    return extract_document(read_bytes(data, source, max_bytes), only)
