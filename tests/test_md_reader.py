"""The .md reader on short portal exports written for these tests."""
from pipeline.readers import read_bytes


def md(text: str):
    return read_bytes(text.encode("utf-8"), "x.md")


LETTERHEAD = """|
**ỦY BAN NHÂN
DÂN**
**TỈNH LAI CHÂU**
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 118/KH-UBND
|
*Lai Châu,
ngày 05 tháng 3 năm 2024*
|

**KẾ HOẠCH**

Triển khai tiêm chủng mở rộng năm 2024
"""


def test_letterhead_cells_are_lines_not_a_table():
    doc = md(LETTERHEAD)
    assert doc.tables == []
    lines = [b.text for b in doc.blocks]
    assert lines[:6] == ["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Số: 118/KH-UBND", "Lai Châu, ngày 05 tháng 3 năm 2024"]
    assert "*" not in doc.text and "---" not in doc.text


def test_cell_table_with_a_two_row_header():
    text = """**Bảng 1. Kinh phí hỗ trợ**

|
**TT**
|
**Huyện**
|
**Kinh phí (triệu đồng)**
|
|
**Năm 2023**
|
**Năm 2024**
|
|
1
|
Phong Thổ
|
120
|
135,5
|
|
2
|
Sìn Hồ
|
|
90
|

Tổng kinh phí do Sở Tài chính
cân đối.
"""
    doc = md(text)
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.header_rows == 2
    assert table.grid[0] == ["TT", "Huyện", "Kinh phí (triệu đồng)", "Kinh phí (triệu đồng)"]
    assert table.grid[1] == ["TT", "Huyện", "Năm 2023", "Năm 2024"]
    assert table.grid[2] == ["1", "Phong Thổ", "120", "135,5"]
    assert table.grid[3] == ["2", "Sìn Hồ", "", "90"]  # an empty cell inside a row
    assert doc.blocks[-1].text == "Tổng kinh phí do Sở Tài chính cân đối."


def test_pipe_table_with_bold_header():
    doc = md("Kết quả:\n\n| **Chỉ tiêu** | **Kế hoạch** | **Thực hiện** |\n|---|---|---|\n"
             "| Tỷ lệ bao phủ BHYT | 93% | 94,1% |\n")
    assert doc.tables[0].header_rows == 1
    assert doc.tables[0].grid == [["Chỉ tiêu", "Kế hoạch", "Thực hiện"], ["Tỷ lệ bao phủ BHYT", "93%", "94,1%"]]


def test_footnote_marks_and_multiline_bodies():
    text = """Năm 2023, toàn tỉnh có 42 trạm y tế đạt chuẩn*[1]*, tăng so với năm trước.

Công tác phòng chống dịch được Chính phủ[2] đánh giá cao.

[1] Trong đó: 30 trạm
ở vùng thấp, 12 trạm ở vùng cao.
[2] Công văn số 215/VPCP-KGVX
ngày 10/4/2023.
"""
    doc = md(text)
    assert [f.text for f in doc.footnotes] == [
        "Trong đó: 30 trạm ở vùng thấp, 12 trạm ở vùng cao.", "Công văn số 215/VPCP-KGVX ngày 10/4/2023."]
    assert "[1]" not in doc.text[:doc.body_end] and "[2]" not in doc.text
    first, second = doc.footnotes
    assert doc.text[:first.anchor].endswith("đạt chuẩn")
    assert doc.text[:second.anchor].endswith("Chính phủ")
    assert "Chính phủ đánh giá" in doc.text
    assert doc.footnote_at(first.start) == 1


def test_emphasis_and_hard_wraps_in_an_export_without_blank_lines():
    text = """**Điều 3.** Chế độ
hỗ trợ
*(i) *Chỉ đạo các đơn vị theo Quyết định số
12/2019/QĐ-UBND của Hội
đồng nhân dân tỉnh;
**Địn****h**** mức** chi:
a)
Chi bồi dưỡng cán bộ.
- Kiểm tra định kỳ.
"""
    doc = md(text)
    texts = [b.text for b in doc.blocks]
    assert "Điều 3. Chế độ hỗ trợ" in texts
    assert "(i) Chỉ đạo các đơn vị theo Quyết định số 12/2019/QĐ-UBND của Hội đồng nhân dân tỉnh;" in texts
    assert "Định mức chi:" in texts
    assert "a) Chi bồi dưỡng cán bộ." in texts
    assert "- Kiểm tra định kỳ." in texts
    assert "*" not in doc.text


def test_portal_wrapper_is_dropped():
    text = """|
|
Bản dịch này thuộc quyền sở hữu của **
THƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép, đăng tải lại mà không có sự đồng ý của **
THƯ VIỆN PHÁP LUẬT** là vi phạm pháp luật về Sở hữu trí tuệ.
Đang tải văn bản...
#
**Số hiệu:**
|
45/TB-UBND
|
|
**Tình trạng:**
|
Đã biết
|
|
**ỦY BAN NHÂN DÂN**
**TỈNH KON TUM**
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
|
|
Số: 45/TB-UBND
|
*Kon Tum, ngày 02 tháng 6 năm 2023*
|
**THÔNG BÁO**
Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc với Sở Y tế.
Liên hệ hộp thư [email protected] để biết thêm.
Thông báo 45/TB-UBND năm 2023 kết luận buổi làm việc với Sở Y tế
Văn bản này chưa cập nhật nội dung Tiếng Anh
Thông báo 45/TB-UBND ngày 02/6/2023 kết luận buổi làm việc với Sở Y tế
## Văn bản liên quan
Cảm ơn đã dùng ThuVienPhapLuat.vn
"""
    doc = md(text)
    assert doc.blocks[0].text == "ỦY BAN NHÂN DÂN"
    assert "THƯ VIỆN PHÁP LUẬT" not in doc.text and "Tình trạng" not in doc.text
    assert "Văn bản liên quan" not in doc.text and "chưa cập nhật" not in doc.text
    assert "năm 2023 kết luận" not in doc.text
    assert "protected" not in doc.text
    assert doc.blocks[-1].text == "Liên hệ hộp thư để biết thêm."


def test_footnote_block_before_an_appendix():
    text = """Tỉnh đã hoàn thành 12 công trình nước sạch***[1]**.

[1] Trong đó 7 công trình
ở các xã biên giới.

**PHỤ LỤC**

|
**STT**
|
**Công trình**
|
|
1
|
Nhà máy nước xã Sín Chải
|
"""
    doc = md(text)
    assert [f.text for f in doc.footnotes] == ["Trong đó 7 công trình ở các xã biên giới."]
    assert doc.text[:doc.footnotes[0].anchor].endswith("nước sạch")
    assert len(doc.tables) == 1 and doc.tables[0].grid[1] == ["1", "Nhà máy nước xã Sín Chải"]
    assert any(b.text == "PHỤ LỤC" for b in doc.blocks)


def test_letterhead_cells_set_on_one_line():
    doc = md("BỘ Y TẾ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc--------------- |\n"
             "Số: 21/2024/TT-BYT |\n|\n\n**THÔNG TƯ**\n\nQuy định về khám sức khỏe định kỳ.\n")
    assert [b.text for b in doc.blocks][:5] == ["BỘ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                "Độc lập - Tự do - Hạnh phúc", "Số: 21/2024/TT-BYT", "THÔNG TƯ"]
    assert doc.tables == [] and "|" not in doc.text


def test_front_matter_is_not_text():
    doc = md("---\ntitle: Kế hoạch 12/KH-SYT\nsource: https://soyte.example.vn/12\ndate: 2024-02-01\n---\n\n"
             "**KẾ HOẠCH**\n\nTiêm chủng mở rộng năm 2024.\n")
    assert [b.text for b in doc.blocks] == ["KẾ HOẠCH", "Tiêm chủng mở rộng năm 2024."]


def test_portal_summary_before_the_letterhead_is_dropped():
    text = """Đang tải văn bản...
#
Quyết định 77/QĐ-UBND về giá dịch vụ
**Số hiệu:**
|
77/QĐ-UBND
|
|
**Tình trạng:**
|
Đã biết
|
## Giá dịch vụ khám bệnh mới từ 01/7/2024
**Ngày 20/6/2024, UBND tỉnh ban hành Quyết định 77/QĐ-UBND về giá dịch vụ.**
Theo đó, giá khám bệnh tăng 5%.
|
**ỦY BAN NHÂN DÂN
TỈNH GIA LAI**
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
|
|
Số: 77/QĐ-UBND
|
*Gia Lai, ngày 20 tháng 6 năm 2024*
|

**QUYẾT ĐỊNH**
"""
    doc = md(text)
    assert doc.blocks[0].text == "ỦY BAN NHÂN DÂN TỈNH GIA LAI"
    assert "tăng 5%" not in doc.text and "Giá dịch vụ khám bệnh mới" not in doc.text


def test_letterhead_variants_of_other_exports():
    doc = md("| CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc\n|\nSố: 88/NQ-HĐND |\n|\n\n**NGHỊ QUYẾT**\n")
    assert [b.text for b in doc.blocks] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                            "Số: 88/NQ-HĐND", "NGHỊ QUYẾT"]
    doc = md("|\nBỘ Y\nTẾ\n**CỤC QUẢN LÝ DƯỢC**\n-------\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n|\n\nNội dung.\n")
    assert [b.text for b in doc.blocks][:3] == ["BỘ Y TẾ", "CỤC QUẢN LÝ DƯỢC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]


def test_cells_merged_down_are_repeated_in_the_rows_below():
    text = """|
**TT**
|
**Nội dung**
|
**Chức danh**
|
**Mức chi (nghìn đồng)**
|
|
1
|
Hội đồng thi
|
Chủ tịch
|
500
|
|
Thư ký
|
350
|
|
II
|
Chi khác
|
|
"""
    grid = md(text).tables[0].grid
    assert grid[2] == ["1", "Hội đồng thi", "Thư ký", "350"]
    assert grid[3] == ["II", "Chi khác", "", ""]


def test_bold_decides_breaks_in_an_export_without_blank_lines():
    text = """**II. MỤC
TIÊU CỤ THỂ**
**1. Về y tế cơ sở**
Phấn đấu 100% trạm y tế xã có bác sĩ.
2. Giám đốc Sở Y tế tỉnh Bình
Phước, Thủ trưởng các đơn vị liên quan chịu trách nhiệm thi hành.
"""
    texts = [b.text for b in md(text).blocks]
    assert texts == ["II. MỤC TIÊU CỤ THỂ", "1. Về y tế cơ sở", "Phấn đấu 100% trạm y tế xã có bác sĩ.",
                     "2. Giám đốc Sở Y tế tỉnh Bình Phước, Thủ trưởng các đơn vị liên quan chịu trách nhiệm thi hành."]


def test_footnote_bodies_run_together_on_one_line_are_split():
    text = """Năm 2025, tỉnh hoàn thành 12 công trình thủy lợi[1], vượt kế hoạch.
Có 5 xã đạt chuẩn nông thôn mới nâng cao[2] và 2 xã kiểu mẫu[3].

[1] Theo Báo cáo số 45/BC-UBND của UBND tỉnh Quảng Trị. [2] Quyết định số 120/QĐ-UBND
ngày 15/3/2025. [3] Công văn số 88/SNN-KH ngày 02/4/2025.
"""
    doc = md(text)
    assert [f.text for f in doc.footnotes] == [
        "Theo Báo cáo số 45/BC-UBND của UBND tỉnh Quảng Trị.", "Quyết định số 120/QĐ-UBND ngày 15/3/2025.",
        "Công văn số 88/SNN-KH ngày 02/4/2025."]
    assert doc.text[:doc.footnotes[1].anchor].endswith("nâng cao")
    assert doc.text[:doc.footnotes[2].anchor].endswith("kiểu mẫu")


SCORE_SHEET = """**BẢNG CHẤM ĐIỂM CÂU LẠC BỘ THỂ THAO CƠ SỞ**
|
**Tiêu chí**
|
**Điểm tối đa**
|
**Điểm tự chấm**
|
**Minh chứng**
|
|
1.1. Có quyết định thành lập
câu lạc bộ.
|
5
|
|
Quyết định thành lập của
UBND xã.
|
|
1.2. Có quy chế hoạt động.
|
5
|
|
Quy chế được phê duyệt.
|
|
**Cộng**
|
**10**
|
|
|
** **
**HƯỚNG DẪN CHẤM ĐIỂM**
1. Ủy ban nhân dân xã thành lập tổ chấm điểm gồm đại diện
văn hóa - xã hội và đoàn thanh niên.
2. Câu lạc bộ tự chấm điểm theo từng tiêu chí và gửi kết quả về
Ủy ban nhân dân xã trước ngày 15 tháng 12 hằng năm.
3. Điểm được làm tròn đến 0,5 điểm.
4. Câu lạc bộ đạt từ 8 điểm trở lên được xếp loại tốt.
Các tiêu chí không có minh chứng không được chấm điểm.
Tổ chấm điểm lập biên bản và gửi Phòng Văn hóa - Xã hội.
Ủy ban nhân dân xã tổng hợp, công khai kết quả trên cổng
thông tin điện tử của xã.
"""


def test_a_table_ending_in_a_merged_row_does_not_swallow_the_text_after_it():
    doc = md(SCORE_SHEET)
    (table,) = doc.tables
    assert table.grid[0] == ["Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Minh chứng"]
    assert table.grid[1] == ["1.1. Có quyết định thành lập câu lạc bộ.", "5", "", "Quyết định thành lập của UBND xã."]
    assert table.grid[-1][:2] == ["Cộng", "10"]
    assert not any("HƯỚNG DẪN" in cell for row in table.grid for cell in row)
    assert "HƯỚNG DẪN CHẤM ĐIỂM" in doc.text[table.end:]
    assert "2. Câu lạc bộ tự chấm điểm theo từng tiêu chí và gửi kết quả về Ủy ban nhân dân xã" in doc.text


def test_a_bold_salutation_label_ends_before_the_first_sentence():
    text = """|
Số: 412/SYT-NVY
|
*Cần Thơ, ngày 03 tháng 9 năm 2025*
|
**Kính gửi:** Bệnh viện Đa khoa
thành phố Cần Thơ
Sở Y tế nhận được Tờ trình số 88/TTr-BV ngày 20/8/2025 của Bệnh viện về việc
mua sắm trang thiết bị. Sở Y tế có ý kiến như sau:
"""
    doc = md(text)
    assert "Kính gửi: Bệnh viện Đa khoa thành phố Cần Thơ\n" in doc.text
    assert "\nSở Y tế nhận được Tờ trình số 88/TTr-BV ngày 20/8/2025 của Bệnh viện về việc mua sắm" in doc.text


def test_a_letterhead_date_broken_before_a_number_is_one_line():
    text = """|
**ỦY BAN NHÂN DÂN
TỈNH NINH BÌNH**
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
|
|
Số: 77/BC-UBND
|
*Ninh Bình, ngày 14 tháng
10 năm 2025*
|

**BÁO CÁO**
"""
    doc = md(text)
    assert "Ninh Bình, ngày 14 tháng 10 năm 2025" in doc.text.split("\n")
    assert not doc.tables


def test_a_bold_title_over_several_lines_is_one_line_even_with_a_semicolon():
    text = """**Điều 2. Sửa đổi, bổ sung một số điều của Quyết định số 15/2024/QĐ-UBND
ngày 12 tháng 3 năm 2024 của Ủy ban nhân dân tỉnh quy định mức thu học phí;
mức hỗ trợ chi phí học tập đối với học sinh dân tộc thiểu số trên địa bàn
tỉnh Gia Lai**
1. Sửa đổi khoản 2 Điều 3 như sau:
"""
    doc = md(text)
    lines = doc.text.split("\n")
    assert any(l.startswith("Điều 2. Sửa đổi") and l.endswith("trên địa bàn tỉnh Gia Lai") for l in lines)
    assert "1. Sửa đổi khoản 2 Điều 3 như sau:" in lines


def test_a_section_title_stays_apart_from_the_sentence_after_it():
    # an export without blank lines that breaks the first line of a numbered item early
    text = """**Điều 1. Ban hành kèm theo**
Quy định quản lý cụm công nghiệp trên địa bàn tỉnh Tuyên Quang.
1. Phạm vi điều chỉnh
Quy định này quy định việc quản lý, đầu tư xây dựng cụm công nghiệp trên địa bàn tỉnh.
2. Đối tượng áp dụng
Các cơ quan, tổ chức, cá nhân có hoạt động liên quan đến cụm công nghiệp.
3. Về việc giao đất cho dự án
Căn cứ Luật Đất đai năm 2024, việc giao đất thực hiện theo kế hoạch hằng năm.
4. Giao
Sở Công Thương chủ trì, phối hợp với các sở, ngành liên quan tổ chức thực hiện.
"""
    doc = md(text)
    paras = [b.text for b in doc.blocks]
    assert "1. Phạm vi điều chỉnh" in paras
    assert "2. Đối tượng áp dụng" in paras
    assert "3. Về việc giao đất cho dự án" in paras
    # a line broken before a name still goes on with the numbered line
    assert "4. Giao Sở Công Thương chủ trì, phối hợp với các sở, ngành liên quan tổ chức thực hiện." in paras
    scope = next(b for b in doc.blocks if b.text.startswith("Quy định này quy định"))
    assert doc.section_at(scope.start).endswith("1")
    subjects = next(b for b in doc.blocks if b.text.startswith("Các cơ quan"))
    assert doc.section_at(subjects.start).endswith("2")


def test_an_export_that_spaces_only_its_paragraphs_is_read_as_blank_separated():
    # short wrapped lines, a blank line only between paragraphs: under 15% of the lines are
    # blank, yet every paragraph ends with one
    text = """**QUYẾT ĐỊNH**

VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH CHUYỂN ĐỔI SỐ TRONG LĨNH VỰC
GIAO THÔNG VẬN TẢI TỈNH BẮC NINH GIAI ĐOẠN 2026 - 2030

Căn cứ Luật Tổ chức chính quyền địa phương
ngày 16 tháng 6 năm 2025;

Căn cứ Nghị định số 47/2024/NĐ-CP ngày 09
tháng 5 năm 2024 của Chính phủ quy định
danh mục dự án quan trọng quốc gia;

1. Nâng cấp hạ tầng số
phục vụ quản lý giao thông, kết nối
dữ liệu với hệ thống của
các bộ, ngành.

Trong đó:

|
Lkm:
|
Chiều dài
các tuyến đường
được số hóa
trong năm kế hoạch
(km);
|
|
Nđv:
|
Số đơn vị
quản lý đường bộ
cấp xã
đã kết nối
dữ liệu với
hệ thống của tỉnh;
|
|
Tht:
|
Thời gian
hoàn thành
(tháng), tính
từ ngày
Kế hoạch
được phê duyệt.
|
|
Cđt:
|
Tổng chi phí
đầu tư cho
phần mềm,
thiết bị
và đào tạo
nhân lực
(triệu đồng);
|
|
Tlv:
|
Tỷ lệ
hồ sơ
thủ tục
hành chính
được giải quyết
trực tuyến
toàn trình
(%).
|

a) Xây dựng cơ sở dữ liệu kết cấu hạ tầng giao thông trên địa bàn tỉnh theo khoản
2 Điều 5 Nghị định số 47/2024/NĐ-CP;

b) Số hóa hồ sơ quản lý bến xe, trạm dừng
nghỉ và các công trình phụ trợ
trên các tuyến quốc lộ, tỉnh lộ.

2. Phát triển dịch vụ
công trực tuyến toàn trình cho các
thủ tục hành chính lĩnh vực đường bộ,
đường thủy nội địa.

3. Tổ chức thực hiện
Sở Xây dựng chủ trì, phối hợp với
Sở Khoa học và Công nghệ, Sở Tài chính
và Ủy ban nhân dân các xã, phường
triển khai các nhiệm vụ của Kế hoạch;
định kỳ hằng năm tổng hợp, báo cáo
Ủy ban nhân dân tỉnh kết quả thực hiện
trước ngày 15 tháng 12; đề xuất
điều chỉnh, bổ sung nhiệm vụ
khi cần thiết.
"""
    lines = [x for x in text.split("\n") if x.strip() != "|"]
    assert sum(1 for x in lines if not x.strip()) < 0.15 * len(lines)
    doc = md(text)
    paras = [b.text for b in doc.blocks]
    assert "VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH CHUYỂN ĐỔI SỐ TRONG LĨNH VỰC GIAO THÔNG VẬN TẢI TỈNH BẮC NINH " \
           "GIAI ĐOẠN 2026 - 2030" in paras
    assert "a) Xây dựng cơ sở dữ liệu kết cấu hạ tầng giao thông trên địa bàn tỉnh theo khoản 2 Điều 5 " \
           "Nghị định số 47/2024/NĐ-CP;" in paras
    assert "2. Phát triển dịch vụ công trực tuyến toàn trình cho các thủ tục hành chính lĩnh vực đường bộ, " \
           "đường thủy nội địa." in paras
    assert "3. Tổ chức thực hiện" in paras  # a section title over its first sentence stands alone
    assert any(p.startswith("Sở Xây dựng chủ trì") and p.endswith("khi cần thiết.") for p in paras)
    assert not any(p[:1].islower() and p[1:2] != ")" for p in paras)
    assert len(doc.tables) == 1 and [r[0] for r in doc.tables[0].grid] == ["Lkm:", "Nđv:", "Tht:", "Cđt:", "Tlv:"]
