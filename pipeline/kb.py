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
from pathlib import Path

from extractors import RECORD_TYPES

from .audit import audit

# CSV and SQLite tables: each record type, plus tables' long form and the error rows;
# the citation audit's tables are added when the base is closed.
TABLES = ("documents",) + RECORD_TYPES + ("table_cells", "errors")
ERROR_FIELDS = ("source", "reason")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
    """Spreadsheets run a cell that starts with '=', '+', '-' or '@' as a formula."""
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
    """Streams documents into the three outputs; `close` renames them into place."""

    def __init__(self, out_dir: str | Path):
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self._tmp: dict[str, Path] = {}
        self.counts = {t: 0 for t in TABLES}
        self._jsonl = self._open("documents.jsonl")
        self._rows: dict[str, list[dict]] = {t: [] for t in TABLES}

    def _open(self, name: str):
        tmp = self.out / f".{name}.tmp"
        self._tmp[name] = tmp
        return open(tmp, "w", encoding="utf-8", newline="\n")

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
        for name, tmp in self._tmp.items():
            os.replace(tmp, self.out / name)

    def _write_csv(self, table: str, rows: list[dict]) -> None:
        fields = columns(rows, _first_columns(table))
        with self._open(f"{table}.csv") as fh:
            fh.write("\ufeff")  # Excel reads a CSV as UTF-8 only with a byte-order mark
            writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\r\n")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: csv_safe(row.get(k)) for k in fields})

    def _write_sqlite(self, tables: dict[str, list[dict]]) -> None:
        tmp = self.out / ".kb.sqlite.tmp"
        tmp.unlink(missing_ok=True)
        self._tmp["kb.sqlite"] = tmp
        con = sqlite3.connect(tmp)
        try:
            for table, rows in tables.items():
                fields = columns(rows, _first_columns(table))
                con.execute(f'CREATE TABLE "{table}" ({", ".join(_quote(f) for f in fields)})')
                if "doc_id" in fields:
                    con.execute(f'CREATE INDEX "{table}_doc_id" ON "{table}" (doc_id)')
                if "ref_id" in fields:
                    con.execute(f'CREATE INDEX "{table}_ref_id" ON "{table}" (ref_id)')
                con.executemany(
                    f'INSERT INTO "{table}" VALUES ({", ".join("?" for _ in fields)})',
                    ([_sql(row.get(f)) for f in fields] for row in rows))
            con.commit()
        finally:
            con.close()


def _first_columns(table: str) -> tuple[str, ...]:
    if table == "errors":
        return ERROR_FIELDS
    if table in ("cited_instruments", "citation_conflicts"):
        return ("ref_id",) if table == "citation_conflicts" else ("instrument",)
    return ("doc_id",)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def columns(rows: list[dict], first: tuple[str, ...]) -> list[str]:
    """Column names in first-seen order, so the layout follows the records."""
    fields = list(first)
    for row in rows:
        for key in row:
            if key not in fields:
                fields.append(key)
    return fields
