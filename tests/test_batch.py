"""Batches that survive anything: hostile files mixed with good ones, crashes and hangs in
one document, a run killed halfway, and the same base on a Dask cluster."""
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from pipeline import process, runner

from conftest import SAMPLES

OUTPUTS = ("documents.jsonl", "kb.sqlite", "citations.csv", "measures.csv", "errors.csv")


def _zip(members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def _good(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in ("001_94b78c62f7a5b96a.txt", "002_97d7ba7f503e2f58.docx", "004_1a40a7fa2beb32c1.txt"):
        target = folder / name.replace("001", "báo cáo (bản cuối) #1")
        shutil.copy(SAMPLES / name, target)
        paths.append(target)
    return paths


def _records(out: Path) -> dict[str, dict]:
    """Each document's records by file name (the folder a file sat in aside)."""
    docs = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    for d in docs:
        d["document"].pop("source")
        d["document"].pop("sources")
    return {Path(d.pop("source")).name: d for d in docs}


def test_hostile_files_become_error_rows_and_good_files_are_untouched(tmp_path):
    mixed = tmp_path / "mixed"
    _good(mixed / "tốt")
    bad = mixed / "hỏng"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "junk.docx").write_bytes(os.urandom(5000))
    (bad / "truncated.docx").write_bytes((SAMPLES / "002_97d7ba7f503e2f58.docx").read_bytes()[:3000])
    (bad / "encrypted.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
                                         + "EncryptionInfo".encode("utf-16-le") + b"\0" * 600)
    (bad / "bomb.docx").write_bytes(_zip({"word/document.xml": b"\0" * (30 * 1024 * 1024)}))
    (bad / "entities.docx").write_bytes(_zip({"word/document.xml":
                                              b'<!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><d>&b;</d>'}))
    (bad / "huge.txt").write_bytes(("Nghị quyết số 1-NQ/TU. " * 2_200_000).encode())  # about 50 MB
    (bad / "notes.xyz").write_text("?")
    out = runner.run([mixed], tmp_path / "kb", workers=2, timeout=60, max_bytes=25 * 1024 * 1024)
    reasons = {Path(r["source"]).name: r["reason"] for r in
               _rows(tmp_path / "kb" / "errors.csv")}
    assert set(reasons) == {"empty.txt", "junk.docx", "truncated.docx", "encrypted.docx", "bomb.docx",
                            "entities.docx", "huge.txt", "notes.xyz"}
    assert "MB limit" in reasons["huge.txt"] and "zip bomb" in reasons["bomb.docx"]
    assert out.documents == 3
    alone = runner.run([_good(tmp_path / "alone" / "tốt")[0].parent], tmp_path / "kb_alone", workers=1)
    assert alone.documents == 3
    assert _records(tmp_path / "kb") == _records(tmp_path / "kb_alone")


def _rows(path):
    import csv

    with open(path, encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def _crash_or_hang(data, source, only=None, max_bytes=None):
    name = Path(source).name
    if name.startswith("crash"):
        os._exit(9)
    if name.startswith("hang"):
        time.sleep(120)
    return _real_process_bytes(data, source, only, max_bytes)


_real_process_bytes = process.process_bytes


def test_a_crash_and_a_hang_cost_one_document_each(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    _good(folder)
    (folder / "crash.txt").write_text("Một văn bản.")
    (folder / "hang.txt").write_text("Một văn bản khác.")
    monkeypatch.setattr(runner, "process_bytes", _crash_or_hang)  # workers are forked with it
    started = time.perf_counter()
    summary = runner.run([folder], tmp_path / "kb", workers=2, timeout=5)
    assert time.perf_counter() - started < 60
    reasons = {Path(r["source"]).name: r["reason"] for r in _rows(tmp_path / "kb" / "errors.csv")}
    assert reasons["crash.txt"].startswith("the worker processing this file died")
    assert reasons["hang.txt"].startswith("timed out after 5 s")
    assert summary.documents == 3


def _tiny_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"doc_{i:05d}.txt").write_text(
            f"Thực hiện Chỉ thị số {i}-CT/TU ngày 0{1 + i % 9}/3/2021 của Ban Thường vụ Tỉnh ủy, "
            f"năm 2024 toàn ngành có {50 + i % 50}% đơn vị đạt chuẩn.\n", encoding="utf-8")


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGINT], ids=["kill -9", "Ctrl-C"])
def test_killed_halfway_and_rerun_gives_the_same_base(tmp_path, signum):
    corpus = tmp_path / "corpus"
    _tiny_corpus(corpus, 1200)
    vnkb = [sys.executable, "-m", "pipeline.cli", "extract", str(corpus), "--workers", "2", "-q",
            "--only", "citations,measures"]
    subprocess.run(vnkb + ["-o", str(tmp_path / "whole")], check=True, capture_output=True)
    killed = subprocess.Popen(vnkb + ["-o", str(tmp_path / "rerun")], start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    cache = tmp_path / "rerun" / ".cache"
    deadline = time.time() + 120
    while time.time() < deadline and (not cache.exists() or len(list(cache.glob("*.json"))) < 300):
        time.sleep(0.05)
    os.killpg(killed.pid, signum)  # to the whole process group, as a terminal's Ctrl-C is
    stopped = time.time()
    killed.wait(timeout=30)
    done = len(list(cache.glob("*.json")))
    assert 0 < done < 1200, done
    if signum == signal.SIGINT:  # stops within seconds, and the base holds what was finished
        assert time.time() - stopped < 10 and killed.returncode == 130
        assert "documents left" in killed.stderr.read().decode()
        lines = (tmp_path / "rerun" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
        assert done - 2 <= len(lines) <= done  # the cache may also hold the base's source list
    subprocess.run(vnkb + ["-o", str(tmp_path / "rerun")], check=True, capture_output=True)
    for name in OUTPUTS:
        assert (tmp_path / "rerun" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name


def test_dask_local_cluster_gives_the_same_base(tmp_path):
    pytest.importorskip("distributed")
    runner.run([SAMPLES], tmp_path / "local", workers=1)
    # with a time limit: each document in a child process of its Dask worker, killable
    runner.run([SAMPLES], tmp_path / "dask", workers=2, engine="dask", timeout=600)
    for name in OUTPUTS:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name


def test_extract_many_yields_each_document_as_soon_as_it_and_those_before_are_done(tmp_path, monkeypatch):
    from pipeline import extract_many

    folder = tmp_path / "in"
    _tiny_corpus(folder, 5)
    calls = []
    real = runner.process_bytes

    def counted(data, source, *args):
        calls.append(source)
        return real(data, source, *args)

    monkeypatch.setattr(runner, "process_bytes", counted)
    records = extract_many([folder], workers=1, only=["citations"])
    first = next(records)
    assert first["citations"][0]["ref_id"] == "0-CT/TU" and len(calls) == 1
    rest = list(records)
    assert [r["citations"][0]["ref_id"] for r in rest] == [f"{i}-CT/TU" for i in range(1, 5)]


def test_extract_takes_a_path_or_a_text_by_name(tmp_path):
    from pipeline import extract

    path = tmp_path / "ghi chú.txt"
    path.write_text("Thực hiện Chỉ thị số 15-CT/TU ngày 4/4/2022 của Ban Thường vụ Tỉnh ủy.\n", encoding="utf-8")
    by_path = extract(path=str(path), only=["citations"])
    assert by_path["source"] == str(path) and by_path["citations"][0]["ref_id"] == "15-CT/TU"
    by_text = extract(text=str(path), only=["citations"])  # a text that looks like a path is a text
    assert by_text["source"] == "<text>" and by_text["citations"] == []
    assert extract(str(path), only=["citations"])["source"] == str(path)  # unambiguous: a file that exists
    with pytest.raises(TypeError):
        extract(text="a", path=str(path))


def test_a_stuck_document_on_a_dask_worker_is_stopped_by_the_timeout(tmp_path, monkeypatch):
    """What each Dask task runs: the document in a child process, killed after --timeout."""
    runner._POOLS.clear()  # a pool forked after the patch
    monkeypatch.setattr(runner, "process_bytes", _crash_or_hang)  # the child is forked with it
    patient, strict = runner.Job(timeout=120, stamp="t"), runner.Job(timeout=2, stamp="t")
    text = "Chỉ thị số 3-CT/TU ngày 1/2/2020.".encode()
    _, key, result, error = runner._work_with_timeout("tốt.txt", patient, text)
    assert error is None and result["citations"][0]["ref_id"] == "3-CT/TU"
    started = time.perf_counter()
    _, _, result, error = runner._work_with_timeout("hang.txt", strict, text)
    assert error == "timed out after 2 s (--timeout raises the limit)" and time.perf_counter() - started < 30
    _, _, result, error = runner._work_with_timeout("crash.txt", patient, text)
    assert error.startswith("the worker processing this file died")
    _, key, result, error = runner._work_with_timeout("tốt.txt", patient, text)
    assert error is None and result["citations"][0]["ref_id"] == "3-CT/TU"
    for pool in runner._POOLS.values():
        pool.stop()
    runner._POOLS.clear()


def test_largest_documents_start_first_and_each_file_is_read_once_in_a_worker(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    _tiny_corpus(folder, 3)
    (folder / "lớn.txt").write_text("Thực hiện Chỉ thị số 2-CT/TU ngày 1/2/2021.\n" * 200, encoding="utf-8")
    scheduled, reads = [], []
    real_execute, real_read = runner._execute, runner.read_file_bytes

    def recording(sources, *args):
        scheduled.extend(sources)
        return real_execute(sources, *args)

    def counted(path, *args):
        reads.append(path)  # in a forked worker, this list is the worker's copy
        return real_read(path, *args)

    monkeypatch.setattr(runner, "_execute", recording)
    monkeypatch.setattr(runner, "read_file_bytes", counted)
    summary = runner.run([folder], tmp_path / "kb", workers=2, timeout=60, only=["citations"])
    assert summary.documents == 4
    assert Path(scheduled[0]).name == "lớn.txt"
    assert reads == []  # the main process opened none of the documents
    runner.run([folder], tmp_path / "kb1", workers=1, only=["citations"])
    assert sorted(reads) == sorted(scheduled[-4:])  # in process: each read exactly once
