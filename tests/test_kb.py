"""The knowledge base: three outputs, valid against the schemas, deterministic, resumable."""
import csv
import json
import shutil
import sqlite3

import pytest

import schemas
from pipeline import runner
from pipeline.kb import csv_safe

from conftest import SAMPLES

OUTPUTS = ("documents.jsonl", "kb.sqlite", "documents.csv", "citations.csv", "tables.csv",
           "table_cells.csv", "footnotes.csv", "errors.csv", "cited_instruments.csv",
           "citation_conflicts.csv", "citation_edges.csv")


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    out = tmp_path_factory.mktemp("kb")
    runner.run([SAMPLES], out, workers=1)
    return out


def test_all_outputs_are_written(kb):
    for name in OUTPUTS:
        assert (kb / name).is_file(), name
    assert not list(kb.glob(".*.tmp"))


def test_every_line_validates_against_the_schema(kb):
    validator = schemas.validator()
    lines = (kb / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(list(SAMPLES.glob("*.txt"))) + len(list(SAMPLES.glob("*.docx")))
    for line in lines:
        record = json.loads(line)
        errors = [e.message for e in validator.iter_errors(record)]
        assert not errors, (record["source"], errors[:3])
        for kind in ("citations", "footnotes", "tables"):
            for item in record[kind]:
                if "start" in item:  # every offset points into the document's own text
                    assert 0 <= item["start"] <= item["end"] <= len(record["text"])


def test_citation_text_is_the_exact_span(kb):
    for line in (kb / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for c in record["citations"]:
            assert record["text"][c["start"]:c["end"]] == c["text"]


def test_csv_opens_in_excel_and_cannot_run_formulas(kb):
    raw = (kb / "citations.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert any(r["ref_id"] == "34-CT/TW" for r in rows)
    assert csv_safe("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert csv_safe("-5 đơn vị") == "'-5 đơn vị"
    assert csv_safe(-5) == -5  # numbers stay numbers


def test_sqlite_has_a_table_per_record_type_indexed_by_doc_id(kb):
    con = sqlite3.connect(kb / "kb.sqlite")
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "citations", "measures", "statistics", "tables", "footnotes", "entities",
            "tasks", "table_cells", "errors", "cited_instruments", "citation_conflicts"} <= tables
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "citations_doc_id" in indexes and "citations_ref_id" in indexes
    n = con.execute("SELECT count(*) FROM footnotes f JOIN documents d USING (doc_id) "
                    "WHERE d.source LIKE '%000_%'").fetchone()[0]
    assert n == 58  # 29 in the .txt, 29 in the .docx
    con.close()


def _snapshot(folder):
    return {name: (folder / name).read_bytes() for name in OUTPUTS}


def test_same_input_same_bytes_whatever_the_worker_count(kb, tmp_path):
    other = tmp_path / "kb2"
    runner.run([SAMPLES], other, workers=2)
    assert _snapshot(other) == _snapshot(kb)


def test_rerun_reuses_finished_documents_and_force_redoes_them(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("001_94b78c62f7a5b96a.txt", "002_97d7ba7f503e2f58.txt"):
        shutil.copy(SAMPLES / name, src / name)
    out = tmp_path / "kb"
    first = runner.run([src], out, workers=1)
    before = _snapshot(out)
    assert first.reused == 0
    again = runner.run([src], out, workers=1)
    assert again.reused == 2 and _snapshot(out) == before
    forced = runner.run([src], out, workers=1, force=True)
    assert forced.reused == 0 and _snapshot(out) == before


def test_interrupted_run_completes_on_rerun(tmp_path):
    """A run killed halfway leaves only whole cached documents; the rerun adds the rest and
    ends with the same base as one uninterrupted run."""
    src = tmp_path / "in"
    src.mkdir()
    for path in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(path, src / path.name)
    whole = tmp_path / "whole"
    runner.run([src], whole, workers=1)
    partial = tmp_path / "partial"
    runner.run(sorted(src.iterdir())[:2], partial, workers=1)
    (partial / "documents.jsonl").unlink()  # as if killed before the base was written
    rerun = runner.run([src], partial, workers=1)
    assert rerun.reused == 2
    assert _snapshot(partial) == _snapshot(whole)
