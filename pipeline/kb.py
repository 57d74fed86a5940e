"""The knowledge base: documents.jsonl, one CSV per record type, and kb.sqlite.

Each output is written under a temporary name and renamed into place, so a crash never
leaves half a file. Records are written in the order they arrive; the runner sends them
in a stable order, which makes the outputs byte-identical for the same input.
"""
from __future__ import annotations

import csv
import json
import os
import sqlite3
import uuid
from pathlib import Path

from extractors import RECORD_TYPES

from .audit import audit

# CSV and SQLite tables: each record type, plus tables' long form and the error rows;
# the citation audit's tables are added when the base is closed.
TABLES = ("documents",) + RECORD_TYPES + ("table_cells", "errors")
AUDIT_TABLES = ("cited_instruments", "citation_conflicts", "citation_edges")
ERROR_FIELDS = ("source", "reason")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Column types: JSON Schema type -> SQLite type; lists and objects are stored as JSON text.
_SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER",
              "array": "TEXT", "object": "TEXT"}
# The audit's tables (pipeline/audit.py) and the table added for the base itself.
_EXTRA_COLUMNS = {
    "documents": (("sources", "array"), ("encoding", "string"), ("extractors", "object"), ("chars", "integer")),
    "table_cells": (("table", "integer"), ("title", "string")),
    "errors": (("source", "string"), ("reason", "string")),
    "cited_instruments": (("instrument", "string"), ("ref_id", "string"), ("type", "string"), ("date", "string"),
                          ("issuer", "string"), ("issuer_level", "string"), ("mentions", "integer"),
                          ("documents", "integer"), ("first_cited", "string"), ("last_cited", "string"),
                          ("key", "string")),
    "citation_conflicts": (("ref_id", "string"), ("field", "string"), ("value", "string"), ("doc_id", "string"),
                           ("source", "string"), ("in_footnote", "integer"), ("start", "integer"),
                           ("text", "string")),
    "citation_edges": (("doc_id", "string"), ("source", "string"), ("cited", "string"), ("type", "string"),
                       ("mentions", "integer")),
}
PRIMARY_KEYS = {"documents": "doc_id", "errors": "source", "cited_instruments": "key"}


def _schema_type(prop: dict) -> str:
    kind = prop.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    if kind is None and "enum" in prop:
        values = [v for v in prop["enum"] if v is not None]
        kind = "integer" if values and all(isinstance(v, int) for v in values) else "string"
    return kind or "string"


def _declared() -> dict[str, tuple[tuple[str, str], ...]]:
    """Every table's columns and their JSON types, from the schemas: the same columns
    whatever the data, an empty table included."""
    import schemas

    tables: dict[str, tuple[tuple[str, str], ...]] = {}
    document = schemas.load("document")["properties"]
    tables["documents"] = tuple((k, _schema_type(v)) for k, v in document.items()) + _EXTRA_COLUMNS["documents"]
    for kind, name in schemas.RECORD_SCHEMAS.items():
        props = schemas.load(name)["properties"]
        tables[kind] = (("doc_id", "string"),) + tuple(
            (k, _schema_type(v)) for k, v in props.items() if not (kind == "tables" and k == "cells"))
    cell = schemas.load("table")["properties"]["cells"]["items"]["properties"]
    tables["table_cells"] = ((("doc_id", "string"),) + _EXTRA_COLUMNS["table_cells"]
                             + tuple((k, _schema_type(v)) for k, v in cell.items()))
    for table in ("errors",) + AUDIT_TABLES:
        tables[table] = _EXTRA_COLUMNS[table]
    return tables


COLUMNS = _declared()


def rows_for(result: dict) -> dict[str, list[dict]]:
    """A document's records as flat rows per table, each carrying doc_id."""
    doc_id = result["doc_id"]
    rows: dict[str, list[dict]] = {"documents": [{
        **{k: v for k, v in result["document"].items()},
        "encoding": result.get("encoding"),
        "extractors": result.get("extractors"),
        "chars": len(result.get("text") or ""),
    }]}
    for kind in RECORD_TYPES:
        rows[kind] = []
        for record in result.get(kind) or []:
            flat = {"doc_id": doc_id}
            for key, value in record.items():
                if kind == "tables" and key == "cells":
                    continue
                flat[key] = value
            rows[kind].append(flat)
    rows["table_cells"] = [
        {"doc_id": doc_id, "table": t.get("index"), "title": t.get("title"), **cell}
        for t in result.get("tables") or [] for cell in t.get("cells") or []]
    return rows


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def csv_safe(value):
    """Spreadsheets run a cell that starts with '=', '+', '-' or '@' as a formula: for
    exports meant for Excel only; the base stores every value as written."""
    value = _cell(value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _sql(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


class KBWriter:
    """Streams documents into the outputs; `close` renames them into place, `discard`
    removes what was written. Temporary names are unique per run."""

    def __init__(self, out_dir: str | Path):
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self._tag = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._tmp: dict[str, Path] = {}
        self.counts = {t: 0 for t in TABLES}
        self._rows: dict[str, list[dict]] = {t: [] for t in TABLES}
        self._jsonl = self._open("documents.jsonl")

    def _path(self, name: str) -> Path:
        tmp = self.out / f".{name}.{self._tag}.tmp"
        self._tmp[name] = tmp
        return tmp

    def _open(self, name: str):
        return open(self._path(name), "w", encoding="utf-8", newline="\n")

    def add(self, result: dict) -> None:
        self._jsonl.write(json.dumps(result, ensure_ascii=False, sort_keys=False) + "\n")
        for table, rows in rows_for(result).items():
            self._rows[table].extend(rows)
            self.counts[table] += len(rows)

    def error(self, source: str, reason: str) -> None:
        self._rows["errors"].append({"source": source, "reason": reason})
        self.counts["errors"] += 1

    def close(self) -> None:
        self._jsonl.close()
        tables = dict(self._rows)
        tables.update(audit(self._rows["citations"], self._rows["documents"]))
        for table, rows in tables.items():
            self._write_csv(table, rows)
        self._write_sqlite(tables)
        with open(self._path("metadata.json"), "w", encoding="utf-8") as fh:
            json.dump(datasette_metadata(), fh, ensure_ascii=False, indent=1)
        for name, tmp in self._tmp.items():
            os.replace(tmp, self.out / name)
        self._tmp.clear()

    def discard(self) -> None:
        """After a failure: no temporary file left behind; the previous base stays whole."""
        if not self._jsonl.closed:
            self._jsonl.close()
        for tmp in self._tmp.values():
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
        self._tmp.clear()

    def _write_csv(self, table: str, rows: list[dict]) -> None:
        fields = columns(rows, table)
        with self._open(f"{table}.csv") as fh:
            fh.write("\ufeff")  # Excel reads a CSV as UTF-8 only with a byte-order mark
            writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\r\n")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: _cell(row.get(k)) for k in fields})

    def _write_sqlite(self, tables: dict[str, list[dict]]) -> None:
        tmp = self._path("kb.sqlite")
        tmp.unlink(missing_ok=True)
        con = sqlite3.connect(tmp)
        try:
            for table, rows in tables.items():
                fields = columns(rows, table)
                con.execute(create_table(table, fields))
                if "doc_id" in fields and table != "documents":
                    con.execute(f'CREATE INDEX "{table}_doc_id" ON "{table}" (doc_id)')
                if "ref_id" in fields:
                    con.execute(f'CREATE INDEX "{table}_ref_id" ON "{table}" (ref_id)')
                con.executemany(
                    f'INSERT INTO "{table}" VALUES ({", ".join("?" for _ in fields)})',
                    ([_sql(row.get(f)) for f in fields] for row in rows))
            con.commit()
        finally:
            con.close()


def create_table(table: str, fields: list[str]) -> str:
    """Declared types, the primary key, and doc_id a foreign key to documents."""
    types = dict(COLUMNS.get(table, ()))
    parts = []
    for name in fields:
        part = f"{_quote(name)} {_SQL_TYPES.get(types.get(name, 'string'), 'TEXT')}"
        if PRIMARY_KEYS.get(table) == name:
            part += " PRIMARY KEY"
        parts.append(part)
    if "doc_id" in fields and table != "documents":
        parts.append("FOREIGN KEY (doc_id) REFERENCES documents (doc_id)")
    return f'CREATE TABLE "{table}" ({", ".join(parts)})'


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def columns(rows: list[dict], table: str) -> list[str]:
    """The table's declared columns, then any a record carries beyond its schema, in
    first-seen order (so nothing is dropped)."""
    fields = [name for name, _ in COLUMNS.get(table, ())]
    known = set(fields)
    for row in rows:
        for key in row:
            if key not in known:
                known.add(key)
                fields.append(key)
    return fields


_DESCRIPTIONS = {
    "documents": "One row per document: its source file(s), kind, number, issuer, place, date, signer.",
    "citations": "Every mention of another instrument (directive, resolution, plan…) with its number, date and issuer.",
    "measures": "Targets and results: indicator, comparator, value, unit, year.",
    "statistics": "Figures read from footnotes: metric, value, unit, year.",
    "tables": "Tables found in the documents, with their header path.",
    "table_cells": "Every table cell in long form: document, table, row, column, value.",
    "footnotes": "Footnote bodies with their anchors.",
    "entities": "People, organisations and places named, with their mentions.",
    "tasks": "Tasks assigned: who, what, by when, how often.",
    "errors": "Files that could not be read, with the reason.",
    "cited_instruments": "The citation audit: each cited instrument, how often and by how many documents.",
    "citation_conflicts": "Mentions of one instrument that disagree on its date or issuer.",
    "citation_edges": "Which document cites which instrument, and how often.",
}
_FACETS = {"documents": ["kind", "issuer", "place", "format"], "citations": ["type", "issuer_level", "issuer"],
           "measures": ["kind", "unit", "year"], "statistics": ["unit", "year"], "entities": ["label"],
           "tasks": ["cadence"], "cited_instruments": ["type", "issuer_level"], "citation_conflicts": ["field"]}


def datasette_metadata() -> dict:
    """metadata.json for `datasette kb.sqlite -m metadata.json`: titles, descriptions, facets."""
    return {"title": "vnkb knowledge base",
            "description": "Citations, targets, statistics, tables and entities extracted by vnkb.",
            "databases": {"kb": {"tables": {
                table: {"description": _DESCRIPTIONS.get(table, ""), **({"facets": _FACETS[table]}
                                                                          if table in _FACETS else {})}
                for table in COLUMNS}}}}
