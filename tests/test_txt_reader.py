"""The .txt reader on export conventions: footnotes after U+FFFD, lost anchors, tab tables."""
import unicodedata

import pytest

from pipeline.readers import ReadError, read

from conftest import SAMPLES

# A short report written for the tests: three footnotes, two of whose marks left the stray
# breaks exports leave ("\n." and "\n "), one whose mark left no trace at all.
REPORT = (
    "I. KẾT QUẢ\n\n"
    "1. Công tác giáo dục\n"
    "Sở Giáo dục đã tổ chức học tập các nghị quyết cho toàn thể giáo viên trong ngành\n"
    ". Sau học tập các trường đã xây dựng kế hoạch hành động.\n\n"
    "Tỷ lệ học sinh đi học đúng độ tuổi tiếp tục tăng. Công tác phổ cập giáo dục mầm non cho trẻ 5 tuổi được duy trì.\n\n"
    "Ngành đã đầu tư xây dựng trường chuẩn quốc gia\n tại các xã vùng khó khăn.\n\n"
    "\ufffd Năm 2022, có 1.250 giáo viên tham gia học tập nghị quyết; năm 2023, 1.310 giáo viên.\n\n"
    "\ufffd Tỷ lệ trẻ 5 tuổi được phổ cập giáo dục mầm non đạt 99,5%.\n\n"
    "\ufffd Năm 2023 có thêm 12 trường đạt chuẩn quốc gia tại các xã vùng khó khăn.\n"
)


def test_footnote_bodies_are_split_and_numbered(write):
    doc = read(write("report.txt", REPORT))
    assert [fn.n for fn in doc.footnotes] == [1, 2, 3]
    assert doc.footnotes[1].text == "Tỷ lệ trẻ 5 tuổi được phổ cập giáo dục mầm non đạt 99,5%."


def test_stray_breaks_are_joined_and_anchors_recovered(write):
    doc = read(write("report.txt", REPORT))
    assert "ngành. Sau học tập" in doc.text
    assert "quốc gia tại các xã" in doc.text
    first, second, third = doc.footnotes
    assert doc.text[:first.anchor].endswith("toàn thể giáo viên trong ngành")
    assert doc.text[:third.anchor].endswith("trường chuẩn quốc gia")
    # the mark of footnote 2 left no break: it is placed at the sentence its words match
    assert "phổ cập giáo dục mầm non" in doc.anchor_sentence(second)


def test_no_anchor_is_invented_without_traces(write):
    doc = read(write("plain.txt", "Một đoạn văn.\n\nĐoạn thứ hai.\n\n\ufffd Chú thích không có dấu vết.\n"))
    assert doc.footnotes[0].anchor is None


def test_text_is_nfc_and_bom_is_dropped(write):
    decomposed = unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh Hà Tĩnh")
    doc = read(write("nfd.txt", "\ufeff" + decomposed + "\n"))
    assert doc.text == "Ủy ban nhân dân tỉnh Hà Tĩnh"
    assert doc.encoding == "utf-8-sig"


def test_utf16_with_bom(write):
    doc = read(write("u16.txt", "\ufeffBáo cáo tổng kết năm 2023\n", encoding="utf-16-le"))
    assert doc.text == "Báo cáo tổng kết năm 2023"
    assert doc.encoding == "utf-16"


def test_page_break_inside_a_sentence_is_joined(write):
    doc = read(write("page.txt", "Nghị quyết của HĐND tỉnh về phát\n\ntriển kinh tế - xã hội năm 2024.\n"))
    assert "về phát triển kinh tế" in doc.text


def test_headings_have_levels_and_sections(write):
    text = ("Phần thứ hai\n\nA. MỤC TIÊU\n\nII. CHỈ TIÊU\n\n2. Về y tế\n\n"
            "Phấn đấu đến năm 2030 có 35 giường bệnh trên một vạn dân.\n")
    doc = read(write("plan.txt", text))
    offset = doc.text.index("Phấn đấu")
    assert doc.section_at(offset) == "Phần thứ hai > A > II > 2"


def test_tab_table_rows_and_continued_cells(write):
    text = ("Bảng 1. Kết quả tuyển sinh\n\n"
            "\tNăm\n\tSố\n trường\n\tKết quả tuyển sinh\n\n"
            "\t\n\t\n\tMầm non\n\tTiểu học\n\n"
            "\t2022\n\t41\n\t1.204\n\t3.318\n\n"
            "\t2023\n\t42\n\t1.250\n\t3.402\n\n\n"
            "Đoạn văn sau bảng.\n")
    doc = read(write("table.txt", text))
    assert len(doc.tables) == 1
    grid = doc.tables[0].grid
    assert grid[0] == ["Năm", "Số trường", "Kết quả tuyển sinh"]
    assert grid[1] == ["", "", "Mầm non", "Tiểu học"]
    assert grid[3] == ["2023", "42", "1.250", "3.402"]
    assert "Đoạn văn sau bảng." in doc.text


def test_seed_000_has_all_footnotes_and_no_stray_breaks():
    doc = read(SAMPLES / "000_241e03e88b4b7e0e.txt")
    assert len(doc.footnotes) == 29
    assert all(fn.anchor is not None for fn in doc.footnotes)
    assert len(doc.tables) == 3
    body = doc.text[:doc.body_end]
    for trace in ("\n.", "\n,", "\n;", "(\n)", "\n "):
        assert trace not in body
    assert unicodedata.is_normalized("NFC", doc.text)


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (bytes(range(256)) * 40, "binary|unknown text encoding"),
    (b"\x00\x01\x02\x03\x04\x05" * 500, "binary"),
    ("日本語の文書です。".encode("shift_jis") * 20, "unknown text encoding"),
])
def test_unreadable_text_files_say_why(write, content, reason):
    with pytest.raises(ReadError, match=reason):
        read(write("bad.txt", content))


PAGED = """CÔNG BÁO/Số 301 + 302/Ngày 12-3-2023
15
Điều 2. Đối tượng áp dụng
Thông tư này áp dụng đối với các cơ sở trợ giúp xã hội công lập1 và các tổ
chức, cá nhân có liên quan.

1 Cụm từ “công lập” được bổ sung theo quy định tại khoản 1 Điều 1 của Thông tư
số 12/2022/TT-BLĐTBXH.

16
CÔNG BÁO/Số 301 + 302/Ngày 12-3-2023
Điều 3. Hiệu lực thi hành
Thông tư này có hiệu lực từ ngày 01 tháng 5 năm 2023.2

2 Điều này được sửa đổi theo Thông tư số 05/2023/TT-BLĐTBXH.
"""


def test_paged_gazette_footnotes_and_running_heads():
    from pipeline.readers import read_bytes
    doc = read_bytes(PAGED.encode("utf-8"), "congbao.txt")
    assert "CÔNG BÁO" not in doc.text and "\n15\n" not in doc.text
    assert [f.text for f in doc.footnotes] == [
        "Cụm từ “công lập” được bổ sung theo quy định tại khoản 1 Điều 1 của Thông tư số 12/2022/TT-BLĐTBXH.",
        "Điều này được sửa đổi theo Thông tư số 05/2023/TT-BLĐTBXH."]
    first, second = doc.footnotes
    assert doc.text[:first.anchor].endswith("công lập")
    assert "công lập và các tổ chức" in doc.text
    assert doc.text[:second.anchor].endswith("năm 2023.")


def test_bracket_footnotes_of_a_portal_page_saved_as_text():
    from pipeline.readers import read_bytes
    text = ("Năm 2023, huyện đã xây dựng 15 phòng học kiên cố[1] và sửa chữa 8 trạm y tế [2].\n\n"
            "[1] Trong đó 9 phòng học\nở các xã vùng sâu.\n[2] Theo Kế hoạch số 45/KH-UBND.\n")
    doc = read_bytes(text.encode("utf-8"), "trang.txt")
    assert [f.text for f in doc.footnotes] == ["Trong đó 9 phòng học ở các xã vùng sâu.", "Theo Kế hoạch số 45/KH-UBND."]
    assert doc.text[:doc.footnotes[0].anchor].endswith("kiên cố")
    assert "[1]" not in doc.text and "8 trạm y tế." in doc.text


def test_bracket_footnotes_run_together_on_one_line():
    from pipeline.readers import read_bytes
    text = ("Huyện đã trồng mới 120 ha rừng[1] và cấp 40 giấy chứng nhận[2].\n\n"
            "[1] Chủ yếu là keo lai. [2] Theo Quyết định số 77/QĐ-UBND.\n")
    doc = read_bytes(text.encode("utf-8"), "trang.txt")
    assert [f.text for f in doc.footnotes] == ["Chủ yếu là keo lai.", "Theo Quyết định số 77/QĐ-UBND."]
    assert doc.text[:doc.footnotes[1].anchor].endswith("giấy chứng nhận")


# A consolidated text (văn bản hợp nhất) sets the mark of an amendment note after the
# item's number, and against the number of an appendix heading.
CONSOLIDATED = """CÔNG BÁO/Số 88 + 89/Ngày 20-2-2025
7
Điều 2. Giải thích từ ngữ
1. Tổ chức tín dụng là doanh nghiệp thực hiện hoạt động ngân hàng.
2. 1 Quỹ bảo lãnh tín dụng là quỹ do Ủy ban nhân dân cấp tỉnh thành lập để bảo
lãnh cho doanh nghiệp nhỏ và vừa.

1 Khoản này được sửa đổi theo quy định tại khoản 1 Điều 1 Nghị định số 15/2024/NĐ-CP.

8
CÔNG BÁO/Số 88 + 89/Ngày 20-2-2025
PHỤ LỤC 1
MẪU ĐƠN ĐỀ NGHỊ

9
CÔNG BÁO/Số 88 + 89/Ngày 20-2-2025
PHỤ LỤC 22 (được bãi bỏ)

2 Phụ lục này được bãi bỏ theo quy định tại khoản 3 Điều 2 Nghị định số 15/2024/NĐ-CP.
"""


def test_consolidated_marks_after_item_numbers_and_on_appendix_numbers():
    from pipeline.readers import read_bytes
    doc = read_bytes(CONSOLIDATED.encode("utf-8"), "hopnhat.txt")
    assert len(doc.footnotes) == 2
    first, second = doc.footnotes
    assert first.anchor is not None and doc.text[:first.anchor].endswith("2.")
    assert "2. Quỹ bảo lãnh tín dụng" in doc.text
    assert second.anchor is not None and doc.text[:second.anchor].endswith("PHỤ LỤC 2")
    assert "PHỤ LỤC 2 (được bãi bỏ)" in doc.text and "PHỤ LỤC 1\n" in doc.text
