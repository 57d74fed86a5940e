"""Extractors: one module per record type, each a function `Document -> list[record]`.

Each module declares `REQUIRES`, the extractors whose results it reads (through
`Document.remember`); `plan` orders a run from those declarations, so no loop order
carries meaning and `--only tasks` runs what tasks needs too.
"""
from __future__ import annotations

from importlib import import_module

# Every record type of SPEC.md, in the order documents.jsonl lists them.
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
    """The extractor module for a record type (with `extract` and `REQUIRES`)."""
    if name not in AVAILABLE:
        raise ValueError(f"no extractor named {name!r} (known: {', '.join(names())})")
    return import_module(AVAILABLE[name])


def requires(name: str) -> tuple[str, ...]:
    return tuple(getattr(load(name), "REQUIRES", ()))


def plan(only: list[str] | None = None) -> list[str]:
    """The extractors to run for `only` (default: all), each after those it requires.

    >>> plan(["tasks", "tables"])
    ['metadata', 'tables', 'tasks']
    """
    order: list[str] = []
    visiting: list[str] = []

    def visit(name: str) -> None:
        if name in order:
            return
        if name in visiting:
            raise RuntimeError("extractors require each other in a cycle: " + " -> ".join(visiting + [name]))
        visiting.append(name)
        for dependency in requires(name):
            visit(dependency)
        visiting.pop()
        order.append(name)

    for name in only or names():
        visit(name)
    # the same set in a fixed order, each still after what it requires
    wanted = set(order)
    order.clear()
    for name in names():
        if name in wanted:
            visit(name)
    return order
