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


def test_csv_opens_in_excel_and_stores_values_as_written(kb):
    raw = (kb / "citations.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert any(r["ref_id"] == "34-CT/TW" for r in rows)
    measures = list(csv.DictReader((kb / "measures.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert {"=", ">="} <= {m["comparator"] for m in measures}  # the guard is for exports only
    for path in kb.glob("*.csv"):
        for row in csv.reader(path.read_text(encoding="utf-8-sig").splitlines()):
            assert not any(cell.startswith("'=") or cell.startswith("'-") for cell in row), path.name
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


def _copy(names, folder):
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(SAMPLES / name, folder / name)


def test_a_base_grows_by_adding_and_updating_and_prunes_only_when_asked(tmp_path):
    src = tmp_path / "in"
    out = tmp_path / "kb"
    _copy(["001_94b78c62f7a5b96a.txt", "002_97d7ba7f503e2f58.docx"], src / "a")
    runner.run([src / "a"], out, workers=1)
    _copy(["004_1a40a7fa2beb32c1.txt"], src / "b")  # new files, in a folder of their own
    added = runner.run([src / "b"], out, workers=1)
    assert added.documents == 3  # the base keeps what the first run put there
    changed = src / "a" / "001_94b78c62f7a5b96a.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThực hiện Chỉ thị số 09-CT/TU ngày 2/2/2022.\n",
                       encoding="utf-8")
    updated = runner.run([changed], out, workers=1)
    assert updated.documents == 3 and updated.reused == 0
    (src / "a" / "002_97d7ba7f503e2f58.docx").unlink()
    kept = runner.run([src / "b"], out, workers=1)
    assert kept.documents == 3 and not kept.pruned  # a file gone is removed only with prune
    pruned = runner.run([src / "b"], out, workers=1, prune=True)
    assert pruned.documents == 2 and [p.rsplit("/", 1)[-1] for p in pruned.pruned] == ["002_97d7ba7f503e2f58.docx"]
    once = tmp_path / "once"
    runner.run([src], once, workers=1)
    assert _snapshot(out) == _snapshot(once)


def test_every_table_has_its_declared_columns_and_types_even_when_empty(tmp_path):
    import pandas as pd

    from pipeline.kb import COLUMNS

    src = tmp_path / "in"
    src.mkdir()
    (src / "thư.txt").write_text("Kính gửi các phòng chuyên môn, đề nghị báo cáo trước ngày 15/7/2024.\n",
                                 encoding="utf-8")
    out = tmp_path / "kb"
    runner.run([src], out, workers=1, only=["citations"])
    con = sqlite3.connect(out / "kb.sqlite")
    for table, declared in COLUMNS.items():
        frame = pd.read_csv(out / f"{table}.csv", encoding="utf-8-sig")
        assert list(frame.columns) == [name for name, _ in declared], table
        info = {row[1]: (row[2], row[5]) for row in con.execute(f'PRAGMA table_info("{table}")')}
        assert list(info) == [name for name, _ in declared], table
        sql_type = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}
        for name, kind in declared:
            assert info[name][0] == sql_type.get(kind, "TEXT"), (table, name)
    assert con.execute('PRAGMA table_info("documents")').fetchone()[5] == 1  # doc_id, the primary key
    keys = {row[2] for row in con.execute('PRAGMA foreign_key_list("measures")')}
    assert keys == {"documents"}
    assert con.execute("SELECT count(*) FROM measures").fetchone() == (0,)


def test_load_kb_keeps_lists_as_lists(kb):
    from pipeline import load_kb

    base = load_kb(kb)
    mentions = base.entities.mentions.iloc[0]
    assert isinstance(mentions, list) and mentions
    assert all(isinstance(s, list) and s for s in base.documents.sources)
    assert isinstance(base.tables.header.iloc[0], list)
    assert base.cited_instruments.mentions.dtype == "Int64"


def test_datasette_metadata_is_written_beside_the_base(kb):
    metadata = json.loads((kb / "metadata.json").read_text(encoding="utf-8"))
    tables = metadata["databases"]["kb"]["tables"]
    assert "citations" in tables and tables["measures"]["facets"]
    con = sqlite3.connect(kb / "kb.sqlite")
    present = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert set(tables) == present


def test_datasette_browses_the_base(kb):
    import subprocess
    import sys

    pytest.importorskip("datasette")
    answer = subprocess.run([sys.executable, "-m", "datasette", str(kb / "kb.sqlite"), "-m", str(kb / "metadata.json"),
                             "--get", "/kb/citations.json?_shape=array&ref_id=34-CT/TW"],
                            capture_output=True, text=True, timeout=120)
    assert answer.returncode == 0, answer.stderr
    assert json.loads(answer.stdout)[0]["ref_id"] == "34-CT/TW"


def test_a_base_from_before_the_list_of_sources_is_kept_when_added_to(tmp_path):
    src = tmp_path / "in"
    _copy(["001_94b78c62f7a5b96a.txt", "004_1a40a7fa2beb32c1.txt"], src)
    out = tmp_path / "kb"
    runner.run([src / "001_94b78c62f7a5b96a.txt"], out, workers=1)
    shutil.rmtree(out / ".cache")  # as an earlier version left it: the outputs only
    added = runner.run([src / "004_1a40a7fa2beb32c1.txt"], out, workers=1)
    assert added.documents == 2
    once = tmp_path / "once"
    runner.run([src], once, workers=1)
    assert _snapshot(out)["documents.jsonl"] == _snapshot(once)["documents.jsonl"]
