"""Word-segmented text from NLP corpora, read as ordinary text."""
from pipeline.readers import read_bytes
from pipeline.readers.segmented import desegment, is_segmented

PARAGRAPH = """Phát_triển nông_nghiệp công_nghệ cao tại Lâm_Đồng
Thực_hiện Nghị_quyết số 19-NQ / TW ngày 16-6-2022 của Ban_Chấp_hành Trung_ương , tỉnh Lâm_Đồng đã đạt nhiều kết_quả .
2 .
Kết_quả nổi_bật
Năm 2023 , giá_trị sản_xuất trên 1 ha đất canh_tác đạt 210 triệu đồng , tăng 5,2 % so với năm 2022 ( vượt kế_hoạch ) .
Tỉnh xác_định " nông_nghiệp thông_minh " là hướng đi chủ_lực .
"""


def test_a_segmented_text_is_detected_as_a_whole():
    assert is_segmented(PARAGRAPH)
    ordinary = "Biểu mẫu số 01: Họ và tên: ______________ Địa chỉ: ______________ " * 5
    assert not is_segmented(ordinary)
    assert not is_segmented("Báo cáo kết quả công tác y tế năm 2023, tỷ lệ tiêm chủng đạt 97%. " * 5)


def test_segmented_text_becomes_ordinary_text():
    text = desegment(PARAGRAPH)
    assert "Nghị quyết số 19-NQ/TW ngày 16-6-2022 của Ban Chấp hành Trung ương, tỉnh Lâm Đồng" in text
    assert "tăng 5,2% so với năm 2022 (vượt kế hoạch)." in text
    assert 'Tỉnh xác định "nông nghiệp thông minh" là hướng đi chủ lực.' in text
    assert "2. Kết quả nổi bật" in text
    assert "_" not in text and " ," not in text and " ." not in text


def test_read_offsets_point_into_the_ordinary_text():
    doc = read_bytes(PARAGRAPH.encode("utf-8"), "corpus.txt")
    assert [b.text for b in doc.blocks][:2] == [
        "Phát triển nông nghiệp công nghệ cao tại Lâm Đồng",
        "Thực hiện Nghị quyết số 19-NQ/TW ngày 16-6-2022 của Ban Chấp hành Trung ương, tỉnh Lâm Đồng đã đạt nhiều kết quả.",
    ]
    for block in doc.blocks:
        assert doc.text[block.start:block.end] == block.text
    heading = next(b for b in doc.blocks if b.text.startswith("2."))
    assert heading.kind == "heading" and heading.label == "2"
