"""A hostile corpus, generated: what an attacker or a careless user puts in an input folder.
Each case must give one clear row (or a correct result), the good files beside it must come
out complete, and nothing outside the input folders may be read."""
import csv
import errno
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from make_docx_samples import save
from pipeline import kb as kb_module
from pipeline import runner
from pipeline.cli import main
from pipeline.readers import ReadError, read, read_bytes, read_file_bytes

SECRET = "mật-khẩu-bí-mật-7f3a"
GOOD = {
    "kế hoạch.txt": "Ủy ban nhân dân tỉnh Sóc Trăng\nKế hoạch số 41/KH-UBND ngày 12/4/2023 về chuyển đổi số.\n"
                    "Thực hiện Nghị quyết số 06/NQ-CP ngày 06/01/2022 của Chính phủ, phấn đấu đến năm 2025 "
                    "có 80% hồ sơ được xử lý trực tuyến.\n",
    "báo cáo/tháng 6.txt": "Sở Tài nguyên và Môi trường tỉnh Lào Cai báo cáo kết quả 6 tháng đầu năm 2024.\n"
                           "Căn cứ Chỉ thị số 12-CT/TU ngày 20/02/2024 của Ban Thường vụ Tỉnh ủy, toàn tỉnh "
                           "đã cấp 1.250 giấy chứng nhận quyền sử dụng đất.\n",
}


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def _reasons(out: Path) -> dict[str, str]:
    return {Path(r["source"]).name: r["reason"] for r in _rows(out / "errors.csv")}


def _documents(out: Path) -> dict[str, dict]:
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    return {Path(d["source"]).name: d for d in map(json.loads, lines)}


def _good(folder: Path) -> None:
    for name, text in GOOD.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def _assert_good_complete(out: Path) -> None:
    docs = _documents(out)
    assert {"kế hoạch.txt", "tháng 6.txt"} <= set(docs)
    assert any(c["ref_id"] == "06/NQ-CP" for c in docs["kế hoạch.txt"]["citations"])
    assert any(c["ref_id"] == "12-CT/TU" for c in docs["tháng 6.txt"]["citations"])
    assert any(m["value"] == 80 for m in docs["kế hoạch.txt"]["measures"])


def _grid_span_docx(span: str) -> bytes:
    document = docx.Document()
    document.add_paragraph("Biểu tổng hợp kết quả tiêm chủng năm 2023 của huyện Mường Khương.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Xã", "Tỷ lệ (%)"
    table.cell(1, 0).text, table.cell(1, 1).text = "Bản Lầu", "97,5"
    tc_pr = table.cell(0, 0)._tc.get_or_add_tcPr()
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    grid_span = OxmlElement("w:gridSpan")
    grid_span.set(qn("w:val"), span)
    tc_pr.append(grid_span)
    return save(document)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """One batch over every hostile case at once, next to two good documents."""
    root = tmp_path_factory.mktemp("hostile")
    (root / "secret.txt").write_text(f"Tài khoản quản trị: {SECRET}\n", encoding="utf-8")
    folder = root / "input"
    _good(folder)
    os.mkfifo(folder / "pipe.txt")
    (folder / "passwd.txt").symlink_to(root / "secret.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "outside").symlink_to(root, target_is_directory=True)
    (folder / "Thumbs.db").write_bytes(b"\x00" * 64)
    (folder / "~$kế hoạch.docx").write_bytes(b"\x00" * 162)
    (folder / ".DS_Store").write_bytes(b"\x00" * 64)
    (folder / "drafts").mkdir()
    (folder / "drafts" / "nháp.txt").write_text("Bản nháp chưa dùng.", encoding="utf-8")
    page = ("<div><p>Sở Y tế tỉnh Điện Biên thông báo kết quả kiểm tra an toàn thực phẩm năm 2024.</p>"
            f'<img src="data:image/png;base64,{"QUJD" * (3 * 1024 * 1024)}">'
            "<p>Sau ảnh: đoàn đã kiểm tra 320 cơ sở, đạt 91% yêu cầu.</p></div>")
    (folder / "trang.html").write_text(page, encoding="utf-8")
    body = ("Huyện Tuần Giáo triển khai Kế hoạch số 7/KH-UBND ngày 3/5/2024 về nước sạch nông thôn.\n" * 400)
    (folder / "cắt cụt.txt").write_bytes(body.encode() + "ệ".encode()[:2])
    line = body.encode()[: body.encode().index(b"\n") + 1]
    (folder / "nul.txt").write_bytes(line * 10 + b"\x00\x00\x00" + line * 390)
    (folder / "ô gộp.docx").write_bytes(_grid_span_docx("abc"))
    out = folder / "kb"  # the output inside the input: never read back as input
    summary = runner.run([folder], out, workers=1, exclude=["*/drafts/*"])
    return root, folder, out, summary


def test_special_files_and_links_out_of_the_tree_become_rows(hostile):
    root, folder, out, summary = hostile
    reasons = _reasons(out)
    assert reasons["pipe.txt"] == "not a regular file: a named pipe (FIFO)"
    assert reasons["passwd.txt"].startswith("symbolic link to a file outside the input folders")
    assert reasons["zero.txt"].startswith("symbolic link to a file outside the input folders")
    assert reasons["outside"].startswith("symbolic link to a folder outside the input folders")
    _assert_good_complete(out)


def test_nothing_outside_the_input_is_read(hostile):
    root, folder, out, summary = hostile
    for path in out.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_lock_files_thumbnails_and_excluded_are_skipped_not_failed(hostile):
    root, folder, out, summary = hostile
    skipped = {Path(s).name for s in summary.skipped}
    assert {"Thumbs.db", "~$kế hoạch.docx", ".DS_Store", "nháp.txt"} <= skipped
    assert not skipped & set(_reasons(out))
    assert "nháp.txt" not in _documents(out)


def test_the_output_folder_inside_the_input_is_not_read_back(hostile):
    root, folder, out, summary = hostile
    again = runner.run([folder], out, workers=1, exclude=["*/drafts/*"])
    assert not any("kb" in Path(r["source"]).parts[:-1] for r in _rows(out / "errors.csv"))
    assert again.documents == summary.documents and again.errors == summary.errors
    assert again.reused == summary.documents


def test_no_silent_truncation_a_few_bad_bytes_read_with_a_note(hostile):
    root, folder, out, summary = hostile
    docs = _documents(out)
    assert "Sau ảnh: đoàn đã kiểm tra 320 cơ sở" in docs["trang.html"]["text"]  # after an 12 MB attribute
    assert docs["cắt cụt.txt"]["encoding"] == "utf-8; 1 invalid byte sequence replaced"
    assert docs["cắt cụt.txt"]["text"].count("Kế hoạch số 7/KH-UBND") == 400
    assert docs["nul.txt"]["text"].count("Kế hoạch số 7/KH-UBND") == 400


def test_a_damaged_grid_span_keeps_the_document_and_its_table(hostile):
    root, folder, out, summary = hostile
    doc = _documents(out)["ô gộp.docx"]
    assert doc["tables"] and doc["tables"][0]["rows"][-1][-1] == "97,5"


def test_a_fifo_named_on_its_own_does_not_block(tmp_path):
    fifo = tmp_path / "named.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(ReadError, match="not a regular file: a named pipe"):
        read(fifo)
    assert time.monotonic() - started < 5


def test_dev_zero_followed_on_request_is_refused_before_reading(tmp_path):
    folder = tmp_path / "in"
    _good(folder)
    (folder / "zero.txt").symlink_to("/dev/zero")
    runner.run([folder], tmp_path / "kb", workers=1, follow_symlinks=True)
    assert _reasons(tmp_path / "kb") == {"zero.txt": "not a regular file: a character device"}
    _assert_good_complete(tmp_path / "kb")


def test_a_file_growing_past_the_limit_while_read_is_cut_off(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    with pytest.raises(ReadError, match="over the 0 MB limit"):
        read_file_bytes(big, max_bytes=1024)


def test_a_link_inside_the_tree_and_a_copy_are_one_document_with_their_sources(tmp_path):
    folder = tmp_path / "in"
    _good(folder)
    (folder / "bản sao.txt").write_bytes((folder / "kế hoạch.txt").read_bytes())
    (folder / "lối tắt.txt").symlink_to(folder / "kế hoạch.txt")
    summary = runner.run([folder], tmp_path / "kb", workers=1)
    assert summary.documents == 2 and summary.errors == 0
    docs = [json.loads(line) for line in (tmp_path / "kb" / "documents.jsonl").read_text("utf-8").splitlines()]
    plan = next(d for d in docs if any(c["ref_id"] == "06/NQ-CP" for c in d["citations"]))
    assert [Path(s).name for s in plan["document"]["sources"]] == ["bản sao.txt", "kế hoạch.txt", "lối tắt.txt"]
    assert plan["source"] == plan["document"]["sources"][0]
    con = sqlite3.connect(tmp_path / "kb" / "kb.sqlite")
    assert con.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone() == (2, 2)


def _base(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in
            ("documents.jsonl", "kb.sqlite", "citations.csv", "measures.csv", "errors.csv")}


@pytest.mark.parametrize("damage", [b"", b'{"doc_id": "cut sh', b'{"not": "a result"}'])
def test_a_damaged_cache_entry_is_redone(tmp_path, damage):
    folder = tmp_path / "in"
    _good(folder)
    out = tmp_path / "kb"
    runner.run([folder], out, workers=1)
    whole = _base(out)
    entry = sorted((out / ".cache").glob("*-txt-*.json"))[0]
    entry.write_bytes(damage)
    summary = runner.run([folder], out, workers=1)
    assert summary.errors == 0 and summary.documents == 2
    assert _base(out) == whole
    assert json.loads(entry.read_text(encoding="utf-8"))["doc_id"]


def test_a_damaged_list_of_sources_costs_a_note_not_the_run(tmp_path):
    folder = tmp_path / "in"
    _good(folder)
    out = tmp_path / "kb"
    runner.run([folder], out, workers=1)
    (out / ".cache" / runner.MANIFEST).write_bytes(b"")
    summary = runner.run([folder], out, workers=1)
    assert summary.documents == 2 and any("damaged list" in n for n in summary.notes)


def _enospc(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_disk_full_while_writing_the_base_is_one_line_and_exit_3(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    _good(folder)
    out = tmp_path / "kb"
    runner.run([folder], out, workers=1)
    before = _base(out)
    (folder / "mới.txt").write_text("Công văn số 88/SNV-TCBC ngày 2/2/2024 của Sở Nội vụ.\n", encoding="utf-8")
    monkeypatch.setattr(kb_module.KBWriter, "_write_sqlite", _enospc)
    result = CliRunner().invoke(main, ["extract", str(folder), "-o", str(out), "-q", "--workers", "1",
                                       "--timeout", "0"])
    assert result.exit_code == 3
    assert result.output.strip().splitlines()[-1].startswith("vnkb: the run failed: cannot write the knowledge base")
    assert "No space left on device" in result.output and "Traceback" not in result.output
    assert not list(out.glob(".*.tmp")) and _base(out) == before  # the previous base whole


def test_disk_full_while_caching_keeps_the_document_in_the_base(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    _good(folder)
    real = runner._write_json

    def full_cache(path, value):
        if path.name != runner.MANIFEST:
            _enospc()
        real(path, value)

    monkeypatch.setattr(runner, "_write_json", full_cache)
    summary = runner.run([folder], tmp_path / "kb", workers=1)
    assert summary.documents == 2 and summary.errors == 0
    assert any("result not cached" in n for n in summary.notes)
    _assert_good_complete(tmp_path / "kb")


def test_ctrl_c_keeps_finished_documents_and_a_rerun_completes_the_base(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    _good(folder)
    for i in range(4):
        (folder / f"thêm {i}.txt").write_text(f"Quyết định số {i + 10}/QĐ-UBND ngày 1/6/2024 về thủ tục.\n",
                                              encoding="utf-8")
    runner.run([folder], tmp_path / "whole", workers=1)
    real, calls = runner.process_bytes, []

    def interrupted(data, source, *args):
        calls.append(source)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(data, source, *args)

    monkeypatch.setattr(runner, "process_bytes", interrupted)
    out = tmp_path / "kb"
    summary = runner.run([folder], out, workers=1)
    assert summary.interrupted and summary.left == 4 and summary.documents == 2
    monkeypatch.setattr(runner, "process_bytes", real)
    rerun = runner.run([folder], out, workers=1)
    assert rerun.reused == 2 and rerun.documents == 6
    assert _base(out) == _base(tmp_path / "whole")


def test_two_runs_into_one_folder_at_once_lose_nothing(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    _good(first)
    second.mkdir()
    for i in range(3):
        (second / f"công văn {i}.txt").write_text(f"Công văn số {i + 1}/SGD-VP ngày 4/9/2024 của Sở.\n",
                                                  encoding="utf-8")
    out = tmp_path / "kb"
    command = [sys.executable, "-m", "pipeline.cli", "extract", "-o", str(out), "-q", "--workers", "1"]
    runs = [subprocess.Popen(command + [str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for folder in (first, second)]
    for process in runs:
        process.wait(timeout=120)
        assert process.returncode == 0, process.stderr.read().decode()
    assert len(_documents(out)) == 5
    assert not list(out.glob(".*.tmp")) and not list((out / ".cache").glob(".*.tmp"))


def test_cites_conflicts_on_a_base_without_conflicts(tmp_path):
    folder = tmp_path / "in"
    _good(folder)
    runner.run([folder], tmp_path / "kb", workers=1)
    result = CliRunner().invoke(main, ["cites", str(tmp_path / "kb"), "--conflicts", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.output) == []


def test_exit_code_1_for_files_that_failed_3_for_a_run_that_failed(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    _good(folder)
    (folder / "rỗng.txt").write_bytes(b"")
    args = ["extract", str(folder), "-o", str(tmp_path / "kb"), "-q", "--workers", "1", "--timeout", "0"]
    failed_file = CliRunner().invoke(main, args)
    assert failed_file.exit_code == 1 and "1 files could not be read" in failed_file.output

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in assembling")

    monkeypatch.setattr(runner, "_assemble", broken)
    crashed = CliRunner().invoke(main, args)
    assert crashed.exit_code == 3
    assert crashed.output.strip().splitlines()[-1] == "vnkb: the run failed: RuntimeError: a bug in assembling"


def test_bytes_of_a_fifo_or_folder_are_never_read_as_a_document(tmp_path):
    with pytest.raises(ReadError, match="not a regular file: a folder"):
        read_file_bytes(tmp_path)
    assert read_bytes("Thông báo số 3/TB-VP.\n".encode(), "x.txt").text.startswith("Thông báo")
