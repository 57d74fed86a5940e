"""Extractors: one module per record type, each a function `Document -> list[record]`."""
from __future__ import annotations

from importlib import import_module

# Every record type of SPEC.md, in the order documents.jsonl lists them. A type whose
# extractor has not landed yet is written as an empty list.
RECORD_TYPES = ("citations", "measures", "statistics", "tables", "footnotes", "entities", "tasks")

AVAILABLE = {
    "metadata": "extractors.metadata",
    "citations": "extractors.citations",
    "measures": "extractors.measures",
    "statistics": "extractors.statistics",
    "tasks": "extractors.tasks",
    "entities": "extractors.entities",
    "footnotes": "extractors.footnotes",
    "tables": "extractors.tables",
}


def names() -> list[str]:
    """Every extractor, the document's metadata first."""
    return ["metadata"] + [t for t in RECORD_TYPES if t in AVAILABLE]


def load(name: str):
    """The extractor module for a record type (with `extract` and `VERSION`)."""
    return import_module(AVAILABLE[name])
