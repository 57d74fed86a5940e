"""JSON Schemas of the knowledge base: one per record type and one for a documents.jsonl line."""
from __future__ import annotations

import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
RECORD_SCHEMAS = {"citations": "citation", "measures": "measure", "statistics": "statistic",
                  "tables": "table", "footnotes": "footnote", "entities": "entity", "tasks": "task"}


def load(name: str) -> dict:
    return json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))


def validator(name: str = "document_line"):
    """A jsonschema validator for one schema, with the others resolvable by their $id."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    registry = Registry().with_resources(
        (s["$id"], Resource.from_contents(s)) for s in map(load, (p.stem for p in FOLDER.glob("*.json"))))
    return Draft202012Validator(load(name), registry=registry)
