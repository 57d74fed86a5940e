"""The vnkb command through click's CliRunner."""
import json

from click.testing import CliRunner

from pipeline.cli import main

from conftest import SAMPLES


def test_extract_writes_the_base_and_summarises(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(SAMPLES), "-o", str(tmp_path / "kb"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "10 documents" in result.output and "0 errors" in result.output
    assert (tmp_path / "kb" / "kb.sqlite").exists()


def test_extract_exits_1_and_names_bad_files(write, tmp_path):
    good = write("in/a.txt", "Thực hiện Chỉ thị số 05-CT/TU ngày 10/3/2021.\n")
    write("in/b.docx", b"not a zip")
    result = CliRunner().invoke(main, ["extract", str(good.parent), "-o", str(tmp_path / "kb"), "--verbose"])
    assert result.exit_code == 1
    assert "1 errors" in result.stdout
    assert "errors.csv" in result.stderr
    assert f"{good.parent / 'b.docx'}: not a .docx: not a zip package" in result.stderr
    assert "b.docx" in (tmp_path / "kb" / "errors.csv").read_text(encoding="utf-8-sig")


def test_only_runs_the_named_extractors(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(SAMPLES / "001_94b78c62f7a5b96a.txt"), "-o",
                                  str(tmp_path / "kb"), "--only", "footnotes"])
    assert result.exit_code == 0, result.output
    record = json.loads((tmp_path / "kb" / "documents.jsonl").read_text(encoding="utf-8"))
    assert list(record["extractors"]) == ["footnotes"] and record["citations"] == []
    bad = runner.invoke(main, ["extract", str(SAMPLES), "-o", str(tmp_path / "x"), "--only", "nonsense"])
    assert bad.exit_code == 2 and "unknown extractor" in bad.output


def test_only_runs_what_the_named_extractor_requires_and_says_so(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(SAMPLES / "002_97d7ba7f503e2f58.txt"), "-o",
                                       str(tmp_path / "kb"), "--only", "tasks"])
    assert result.exit_code == 0, result.output
    assert "also running metadata (required by tasks)" in result.stderr
    record = json.loads((tmp_path / "kb" / "documents.jsonl").read_text(encoding="utf-8"))
    assert list(record["extractors"]) == ["metadata", "tasks"]
    assert record["tasks"] and record["document"]["kind"] == "conclusion" and record["measures"] == []


def test_show_prints_outline_footnotes_and_tables():
    result = CliRunner().invoke(main, ["show", str(SAMPLES / "000_241e03e88b4b7e0e.docx")])
    assert result.exit_code == 0, result.output
    assert "Footnotes (29)" in result.output
    assert "anchored at:" in result.output
    assert "Table 1: Kết quả phân loại tổ chức cơ sở đảng" in result.output
    assert "| HTXSNV" in result.output


def test_show_reports_an_unreadable_file(write):
    result = CliRunner().invoke(main, ["show", str(write("x.docx", b"junk"))])
    assert result.exit_code == 1 and "not a zip package" in result.output


def test_cites_lists_instruments_and_the_real_conflicts(tmp_path):
    runner = CliRunner()
    kb = tmp_path / "kb"
    runner.invoke(main, ["extract", str(SAMPLES), "-o", str(kb), "--workers", "1"])
    top = runner.invoke(main, ["cites", str(kb), "--format", "json", "--limit", "3"])
    rows = json.loads(top.output)
    assert rows[0]["instrument"] == "144-QĐ/TW" and rows[0]["issuer"] == "Bộ Chính trị"
    conflicts = json.loads(runner.invoke(main, ["cites", str(kb), "--conflicts", "--format", "json"]).output)
    assert {c["ref_id"] for c in conflicts} == {"144-QĐ/TW", "144/NQ-HĐND"}
    variants = {(c["field"], c["value"]): (c["mentions"], c["documents"]) for c in conflicts
                if c["ref_id"] == "144/NQ-HĐND"}  # one row per variant, with how widely it is carried
    assert set(variants) == {("date", "2023-12-08"), ("date", "2024-12-08")}
    assert all(m >= 1 and d >= 1 for m, d in variants.values())
    csv_out = runner.invoke(main, ["cites", str(kb), "--format", "csv"]).output
    assert csv_out.splitlines()[0].startswith("instrument,type,date,issuer")


def test_cites_without_a_base_says_what_to_do(tmp_path):
    result = CliRunner().invoke(main, ["cites", str(tmp_path)])
    assert result.exit_code == 1 and "vnkb extract" in result.output


def test_targets_export_filters_and_writes_number_cells(tmp_path):
    from openpyxl import load_workbook

    runner = CliRunner()
    kb = tmp_path / "kb"
    runner.invoke(main, ["extract", str(SAMPLES), "-o", str(kb), "--workers", "1"])
    rows = json.loads(runner.invoke(main, ["targets", str(kb), "--kind", "target", "--year", "2030",
                                           "--format", "json"]).output)
    assert rows and all(r["kind"] == "target" and r["year"] == 2030 for r in rows)
    assert len({r["measure_id"] for r in rows}) == len(rows)
    assert {"issuer", "place", "date", "term"} <= set(rows[0])
    result = runner.invoke(main, ["targets", str(kb), "--format", "xlsx", "-o", str(tmp_path / "t.xlsx")])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(tmp_path / "t.xlsx").active
    header = [c.value for c in sheet[1]]
    value = sheet.cell(row=2, column=header.index("value") + 1).value
    assert isinstance(value, (int, float))
    assert runner.invoke(main, ["targets", str(kb), "--format", "xlsx"]).exit_code == 2


def test_tables_export_and_eval(tmp_path):
    runner = CliRunner()
    kb = tmp_path / "kb"
    runner.invoke(main, ["extract", str(SAMPLES / "000_241e03e88b4b7e0e.docx"), "-o", str(kb)])
    result = runner.invoke(main, ["tables", str(kb), "-o", str(tmp_path / "t")])
    assert result.exit_code == 0 and result.output.startswith("3 tables")
    [path] = (tmp_path / "t").glob("000_241e03e88b4b7e0e.docx.*.table1.csv")
    first = path.read_text(encoding="utf-8-sig").splitlines()
    assert first[0].startswith("Năm,Tổng số,Đã phân loại,Kết quả phân loại tổ chức cơ sở đảng / HTXSNV")
    long = (tmp_path / "t" / "tables_long.csv").read_text(encoding="utf-8-sig")
    assert "Kết quả phân loại tổ chức cơ sở đảng / HTTNV,10,10" in long
    record = json.loads((kb / "documents.jsonl").read_text(encoding="utf-8"))
    assert record["tables"][0]["abbreviations"]["HTXSNV"] == "hoàn thành xuất sắc nhiệm vụ"
    bad = runner.invoke(main, ["eval", "--gold", str(tmp_path), str(kb)])
    assert bad.exit_code == 1 and "no gold files" in bad.output


def test_tables_from_two_files_of_one_name_do_not_collide(tmp_path):
    import shutil

    for folder in ("quý 1", "quý 2"):
        (tmp_path / "in" / folder).mkdir(parents=True)
    shutil.copy(SAMPLES / "000_241e03e88b4b7e0e.docx", tmp_path / "in" / "quý 1" / "báo cáo.docx")
    shutil.copy(SAMPLES / "000_241e03e88b4b7e0e.txt", tmp_path / "in" / "quý 2" / "báo cáo.docx.txt")
    runner = CliRunner()
    assert runner.invoke(main, ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "kb"), "-q"]).exit_code == 0
    result = runner.invoke(main, ["tables", str(tmp_path / "kb"), "-o", str(tmp_path / "t")])
    count = int(result.output.split()[0])
    assert count >= 4 and len(list((tmp_path / "t").glob("*.table*.csv"))) == count


def test_usage_errors_are_one_line_with_exit_code_2(tmp_path):
    runner = CliRunner()
    kb = tmp_path / "kb"
    runner.invoke(main, ["extract", str(SAMPLES / "001_94b78c62f7a5b96a.txt"), "-o", str(kb), "-q"])
    for args in (["extract", str(SAMPLES), "-o", str(kb), "--workers", "0"],
                 ["extract", str(tmp_path / "nowhere"), "-o", str(kb)],
                 ["targets", str(kb), "-o", str(tmp_path / "nonexistent" / "t.csv")],
                 ["targets", str(kb), "--format", "xlsx"],
                 ["extract", str(SAMPLES)]):
        result = runner.invoke(main, args)
        assert result.exit_code == 2, (args, result.output)
        assert len(result.output.strip().splitlines()) == 1, (args, result.output)
        assert result.output.startswith("vnkb: error: ") and "Traceback" not in result.output


def test_targets_guards_formulas_in_its_csv_unless_told_not_to(tmp_path):
    runner = CliRunner()
    kb = tmp_path / "kb"
    runner.invoke(main, ["extract", str(SAMPLES / "001_94b78c62f7a5b96a.txt"), "-o", str(kb), "-q"])
    guarded = runner.invoke(main, ["targets", str(kb)]).output
    plain = runner.invoke(main, ["targets", str(kb), "--no-formula-guard"]).output
    assert ",'=," in guarded and ",=," in plain
    assert "'=" not in plain and "'>" not in plain
    assert guarded.replace("'=", "=").replace("'-", "-").replace("'+", "+").replace("'@", "@") == plain


def test_progress_writes_plain_lines_when_not_on_a_terminal():
    import io

    from pipeline.cli import Progress

    stream = io.StringIO()
    progress = Progress(quiet=False, every=0, stream=stream)
    progress.start(200)
    for _ in range(50):
        progress.update(1)
    progress.finish()
    lines = stream.getvalue().splitlines()
    assert lines[-1].startswith("vnkb: 50/200 files")
    assert "files/s" in lines[-1] and "left" in lines[-1]
    quiet = io.StringIO()
    silent = Progress(quiet=True, every=0, stream=quiet)
    silent.start(10)
    silent.update(5)
    assert quiet.getvalue() == ""
