"""The .docx reader: paragraphs and headings in order, footnotes at their exact reference
positions, tables with horizontal and vertical merges resolved."""
import docx
import pytest

from extractors import tables as table_extractor
from make_docx_samples import attach_footnotes, footnote_ref_run, save
from pipeline.readers import read

from conftest import SAMPLES


def _docx_with_footnotes(path):
    document = docx.Document()
    document.add_paragraph("II. NHIỆM VỤ NĂM 2025", style="Heading 1")
    p = document.add_paragraph()
    p.add_run("Sở Nông nghiệp triển khai Kế hoạch trồng rừng")
    p._p.append(footnote_ref_run(1))
    p.add_run(" trên địa bàn các huyện miền núi. Độ che phủ rừng đạt 52%")
    p._p.append(footnote_ref_run(2))
    p.add_run(".")
    document.add_paragraph("a) Về thủy lợi", style="Heading 3")
    attach_footnotes(document, ["Kế hoạch số 45/KH-SNN ngày 10/01/2025.", "Năm 2024 độ che phủ đạt 51,6%."])
    path.write_bytes(save(document))
    return path


def test_footnotes_are_anchored_exactly_where_referenced(tmp_path):
    doc = read(_docx_with_footnotes(tmp_path / "plan.docx"))
    assert [fn.text for fn in doc.footnotes] == ["Kế hoạch số 45/KH-SNN ngày 10/01/2025.",
                                                 "Năm 2024 độ che phủ đạt 51,6%."]
    first, second = doc.footnotes
    assert doc.text[:first.anchor].endswith("Kế hoạch trồng rừng")
    assert doc.text[:second.anchor].endswith("đạt 52%")
    assert doc.footnote_at(first.start) == 1


def test_headings_from_numbering_and_styles(tmp_path):
    doc = read(_docx_with_footnotes(tmp_path / "plan.docx"))
    headings = [(b.level, b.label) for b in doc.blocks if b.kind == "heading"]
    assert headings == [(3, "II"), (8, "a")]
    assert doc.section_at(doc.text.index("thủy lợi")) == "II > a"


def _merged_table_docx(path, split_header=False):
    """A table with a two-row header: 'Đơn vị' merged down, 'Kết quả' merged across three
    columns; optionally the header rows repeated in the middle, as when a table is split over
    two pages and pasted back."""
    document = docx.Document()
    document.add_paragraph("Bảng 2: Kết quả tiêm chủng theo huyện")
    rows = [["Đơn vị", "Dân số", "Kết quả", "", ""],
            ["", "", "Đủ mũi", "Thiếu mũi", "Tỷ lệ (%)"],
            ["Huyện A", "45.120", "1.203", "", "96,5"],
            ["Huyện B", "38.004", "998", "12", "95,1"]]
    if split_header:
        rows = rows + rows[:2] + [["Huyện C", "29.870", "870", "7", "97,0"]]
    table = document.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for top in ([0, 4] if split_header else [0]):
        table.cell(top, 0).merge(table.cell(top + 1, 0)).text = "Đơn vị"
        table.cell(top, 1).merge(table.cell(top + 1, 1)).text = "Dân số"
        table.cell(top, 2).merge(table.cell(top, 4)).text = "Kết quả"
    path.write_bytes(save(document))
    return path


def test_merged_header_cells_are_repeated_over_their_span(tmp_path):
    doc = read(_merged_table_docx(tmp_path / "t.docx"))
    grid = doc.tables[0].grid
    assert grid[0] == ["Đơn vị", "Dân số", "Kết quả", "Kết quả", "Kết quả"]
    assert grid[1] == ["Đơn vị", "Dân số", "Đủ mũi", "Thiếu mũi", "Tỷ lệ (%)"]
    assert doc.tables[0].header_rows == 2
    [table] = table_extractor.extract(doc)
    assert table["title"] == "Kết quả tiêm chủng theo huyện"
    cells = {(c["row"], c["column"]): c["value"] for c in table["cells"]}
    assert cells[("Huyện A", "Dân số")] == 45120
    assert cells[("Huyện A", "Kết quả / Tỷ lệ (%)")] == 96.5
    assert ("Huyện A", "Kết quả / Thiếu mũi") not in cells  # empty cells give no record
    assert cells[("Huyện B", "Kết quả / Thiếu mũi")] == 12


def test_header_repeated_after_a_page_split_is_not_data(tmp_path):
    doc = read(_merged_table_docx(tmp_path / "t.docx", split_header=True))
    [table] = table_extractor.extract(doc)
    assert [r[0] for r in table["rows"]] == ["Huyện A", "Huyện B", "Huyện C"]


@pytest.mark.parametrize("stem", ["000_241e03e88b4b7e0e", "001_94b78c62f7a5b96a", "002_97d7ba7f503e2f58"])
def test_docx_sample_reads_like_its_txt(stem):
    txt, dx = read(SAMPLES / f"{stem}.txt"), read(SAMPLES / f"{stem}.docx")
    assert [fn.text for fn in dx.footnotes] == [fn.text for fn in txt.footnotes]
    assert [t["cells"] for t in table_extractor.extract(dx)] == [t["cells"] for t in table_extractor.extract(txt)]


def test_docx_000_footnotes_are_anchored_where_their_text_belongs():
    txt, dx = read(SAMPLES / "000_241e03e88b4b7e0e.txt"), read(SAMPLES / "000_241e03e88b4b7e0e.docx")
    assert len(dx.footnotes) == 29
    for a, b in zip(txt.footnotes, dx.footnotes):
        assert dx.anchor_sentence(b) == txt.anchor_sentence(a)
    # spot checks read off the document by hand
    sentence = {fn.n: dx.anchor_sentence(fn) for fn in dx.footnotes}
    assert "mô hình dân vận khéo" in sentence[12]
    assert "nghị quyết, kết luận của Trung ương" in sentence[29]
