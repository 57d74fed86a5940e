"""A small knowledge base written by hand for the audit commands' tests: three documents
from other provinces and sectors (an education plan, a year-end report with footnotes, a
news article), with the records an extraction gives them, offsets computed from the text.
It holds one instrument cited with two dates, a target and the result reported later under
another spelling, a footnote statistic over three years, and one file that failed."""
from __future__ import annotations

import csv
import json
from pathlib import Path

PLAN = """KẾ HOẠCH
Thực hiện nhiệm vụ giáo dục năm 2023

I. MỤC TIÊU

1. Mục tiêu chung

Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. Căn cứ Nghị quyết số 12/2022/NQ-HĐND ngày 10/7/2022 của Hội đồng nhân dân tỉnh.

2. Chỉ tiêu cụ thể

Phấn đấu đến năm 2025, Tỷ lệ trường đạt chuẩn quốc gia đạt 80%.

II. TỔ CHỨC THỰC HIỆN

Sở Giáo dục và Đào tạo chủ trì công tác phòng, chống dịch bệnh trong trường học, giữ gìn hoà bình và an toàn."""

REPORT = """BÁO CÁO
Tổng kết công tác năm 2025

1. Kết quả

Quán triệt Chỉ thị số 05-CT/TW ngày 15/6/2016 của Bộ Chính trị tới toàn thể đảng viên. Năm 2025, tỷ lệ trường đạt chuẩn quốc gia đạt 78%. Tỷ lệ hộ nghèo giảm còn 2,1%.

2. Tồn tại

Việc làm theo Chỉ thị 05-CT/TW có nơi còn hình thức.

Năm 2023 mở 12 lớp bồi dưỡng; năm 2024 mở 15 lớp; năm 2025 mở 18 lớp. Năm 2024 hỗ trợ 40 hộ."""

NEWS = """Ngày 01/02/2024, Sở Giáo dục và Đào tạo tổ chức hội nghị quán triệt Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị và Nghị quyết số 12/2022/NQ-HĐND. Hội nghị bàn biện pháp Phòng chống dịch trong mùa mưa lũ."""


def _span(text: str, part: str, after: int = 0) -> dict:
    start = text.index(part, after)
    return {"text": part, "start": start, "end": start + len(part)}


def _citation(text, part, ref_id, type_, date, issuer, level, section, after=0, footnote=None):
    number, symbol = (ref_id.split("-", 1) if "-CT/" in ref_id else ref_id.split("/", 1)) if ref_id else (None, None)
    return {"type": type_, "number": number, "symbol": symbol, "ref_id": ref_id, "name": None, "date": date,
            "issuer": issuer, "issuer_level": level, "subject": None, **_span(text, part, after),
            "section": section, "in_footnote": footnote}


def _measure(text, part, kind, indicator, comparator, value, unit, year, section):
    return {"kind": kind, "indicator": indicator, "comparator": comparator, "value": value, "value_max": None,
            "unit": unit, "year": year, **_span(text, part), "section": section}


def _statistic(text, part, metric, year, value, unit):
    return {"footnote": 1, "year": year, "metric": metric, "value": value, "value_max": None, "unit": unit,
            **_span(text, part)}


def _record(doc_id, source, fmt, text, document, **records):
    empty = {k: [] for k in ("citations", "measures", "statistics", "tables", "footnotes", "entities", "tasks")}
    return {"doc_id": doc_id, "source": source, "format": fmt, "encoding": "utf-8", "extractors": {},
            "text": text, "document": {"doc_id": doc_id, "source": source, "format": fmt, **document},
            **{**empty, **records}}


def records() -> list[dict]:
    footnote_at = REPORT.index("Năm 2023 mở")
    return [
        _record("aaaa000000000001", "archive/binh_dinh/ke_hoach_giao_duc_2023.txt", "txt", PLAN,
                {"kind": "plan", "title": "KẾ HOẠCH", "issuer": "Ủy ban nhân dân tỉnh Bình Định", "date": "2023-03-15",
                 "place": "Bình Định"},
                citations=[
                    _citation(PLAN, "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị", "05-CT/TW", "Chỉ thị",
                              "2016-05-15", "Bộ Chính trị", "central_party", "I > 1"),
                    _citation(PLAN, "Nghị quyết số 12/2022/NQ-HĐND ngày 10/7/2022 của Hội đồng nhân dân tỉnh",
                              "12/2022/NQ-HĐND", "Nghị quyết", "2022-07-10", "Hội đồng nhân dân tỉnh",
                              "people_council", "I > 1")],
                measures=[_measure(PLAN, "Tỷ lệ trường đạt chuẩn quốc gia đạt 80%", "target",
                                   "Tỷ lệ trường đạt chuẩn quốc gia", "=", 80, "%", 2025, "I > 2")],
                tasks=[{"assignee": "Sở Giáo dục và Đào tạo", "action": "chủ trì công tác phòng, chống dịch bệnh",
                        "deadline": None, "cadence": None, **_span(PLAN, "Sở Giáo dục và Đào tạo chủ trì"),
                        "section": "II"}],
                entities=[{"label": "ORG", "text": "Sở Giáo dục và Đào tạo", "title": None, "mentions": []}]),
        _record("bbbb000000000002", "archive/lam_dong/bao_cao_tong_ket_2025.txt", "txt", REPORT,
                {"kind": "political_report", "title": "BÁO CÁO", "issuer": "Ban Thường vụ Tỉnh ủy Lâm Đồng",
                 "date": "2025-12-20"},
                citations=[
                    _citation(REPORT, "Chỉ thị số 05-CT/TW ngày 15/6/2016 của Bộ Chính trị", "05-CT/TW", "Chỉ thị",
                              "2016-06-15", "Bộ Chính trị", "central_party", "1"),
                    _citation(REPORT, "Chỉ thị 05-CT/TW", "05-CT/TW", "Chỉ thị", None, None, "central_party", "2",
                              after=REPORT.index("2. Tồn tại"))],
                measures=[
                    _measure(REPORT, "tỷ lệ trường đạt chuẩn quốc gia đạt 78%", "result",
                             "tỷ lệ trường đạt chuẩn quốc gia", "=", 78, "%", 2025, "1"),
                    _measure(REPORT, "Tỷ lệ hộ nghèo giảm còn 2,1%", "result", "Tỷ lệ hộ nghèo", "=", 2.1, "%", 2025,
                             "1")],
                footnotes=[{"n": 1, "text": REPORT[footnote_at:], "start": footnote_at, "end": len(REPORT),
                            "anchor": None, "anchor_sentence": None}],
                statistics=[
                    _statistic(REPORT, "Năm 2023 mở 12 lớp", "lớp bồi dưỡng", 2023, 12, "lớp"),
                    _statistic(REPORT, "năm 2024 mở 15 lớp", "lớp bồi dưỡng", 2024, 15, "lớp"),
                    _statistic(REPORT, "năm 2025 mở 18 lớp", "lớp bồi dưỡng", 2025, 18, "lớp"),
                    _statistic(REPORT, "Năm 2024 hỗ trợ 40 hộ", "hộ được hỗ trợ", 2024, 40, "hộ")]),
        _record("cccc000000000003", "archive/tin_tuc/hoi_nghi_giao_duc.html", "html", NEWS,
                {"kind": "news", "title": None, "issuer": None, "date": "2024-02-01"},
                citations=[
                    _citation(NEWS, "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị", "05-CT/TW", "Chỉ thị",
                              "2016-05-15", "Bộ Chính trị", "central_party", None),
                    _citation(NEWS, "Nghị quyết số 12/2022/NQ-HĐND", "12/2022/NQ-HĐND", "Nghị quyết", None, None,
                              "people_council", None)]),
    ]


def write_base(folder: Path, documents: list[dict] | None = None) -> Path:
    """documents.jsonl and errors.csv as `vnkb extract` writes them."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "documents.jsonl", "w", encoding="utf-8") as fh:
        for record in records() if documents is None else documents:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    with open(folder / "errors.csv", "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(["source", "reason"])
        writer.writerow(["archive/hong/bien_ban.docx", "not a Word document: the zip is truncated"])
    return folder
