"""Statistics: numeric facts in footnote bodies, whatever format carried the footnotes
(a .txt export's bodies after '\ufffd', Word footnotes, a reader that builds Footnotes itself)."""
import docx

from extractors import statistics
from pipeline.readers import read
from schemas.document import DocumentBuilder

FOOTNOTE = ("Năm 2022, số hộ được vay vốn tạo việc làm: 1.240, trong đó hộ đồng bào dân tộc thiểu số: 385; "
            "năm 2023, số hộ được vay vốn tạo việc làm: 1.312, trong đó hộ đồng bào dân tộc thiểu số: 402.")


def _facts(doc):
    return [(s["footnote"], s["year"], s["value"]) for s in statistics.extract(doc)]


EXPECTED = [(1, 2022, 1240), (1, 2022, 385), (1, 2023, 1312), (1, 2023, 402)]


def test_footnotes_of_a_text_export(write):
    doc = read(write("bc.txt", "Công tác giảm nghèo đạt kết quả tích cực\n.\n\n\ufffd " + FOOTNOTE + "\n"))
    assert _facts(doc) == EXPECTED
    stats = statistics.extract(doc)
    assert stats[1]["metric"].endswith("trong đó hộ đồng bào dân tộc thiểu số")


def test_footnotes_of_a_word_file(tmp_path):
    from make_docx_samples import attach_footnotes, footnote_ref_run, save

    document = docx.Document()
    paragraph = document.add_paragraph("Công tác giảm nghèo đạt kết quả tích cực")
    paragraph._p.append(footnote_ref_run(1))
    attach_footnotes(document, [FOOTNOTE])
    (tmp_path / "bc.docx").write_bytes(save(document))
    assert _facts(read(tmp_path / "bc.docx")) == EXPECTED


def test_footnotes_a_reader_builds_itself():
    # how a portal export's "[1]" marks and "[1] …" bodies reach the extractors
    builder = DocumentBuilder()
    body = builder.add("Công tác giảm nghèo đạt kết quả tích cực [1].")
    builder.anchor(1, body.end - 1)
    builder.footnote(1, FOOTNOTE)
    builder.footnote(2, "Theo Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ.")
    doc = builder.build(doc_id="x", source="bc.md", format="md")
    assert _facts(doc) == EXPECTED  # the dates and the number of the decision in note 2 are not facts


def test_a_footnote_of_references_has_no_statistics(write):
    text = ("Thực hiện các văn bản của Trung ương\n.\n\n"
            "\ufffd Điều 4, khoản 2 Điều 5 Nghị định số 38/2022/NĐ-CP ngày 12/6/2022; điểm a khoản 1 Điều 3.\n")
    assert statistics.extract(read(write("vb.txt", text))) == []
