"""Document fields read from the shape Nghị định 30/2020/NĐ-CP gives a letterhead and a signature,
on short documents written for the tests: other provinces, ministries, a party committee, a công
điện, a consolidated text, a report form, a word-segmented article."""
from extractors import metadata
from pipeline.readers import read


def meta_of(write, name: str, text: str) -> dict:
    return metadata.extract(read(write(name, text)))


PROVINCE_PLAN = """|
**ỦY BAN NHÂN
DÂN**
**TỈNH LÂM ĐỒNG**
--------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 218/KH-UBND
|
*Lâm Đồng, ngày 04
tháng 3 năm 2025*
|

**KẾ HOẠCH**

TRIỂN KHAI TIÊM CHỦNG MỞ RỘNG NĂM 2025
TRÊN ĐỊA BÀN TỈNH LÂM ĐỒNG

Căn cứ Quyết định số 1500/QĐ-BYT ngày 02/5/2024 của Bộ Y tế về tiêm chủng mở rộng;

Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai tiêm chủng mở rộng năm 2025 như sau:

I. MỤC ĐÍCH

Bảo đảm tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi đạt trên 95%.

|
*Nơi nhận:*
- Bộ Y tế;
- Sở Y tế;
- Lưu: VT, VX.
|
**TM. ỦY BAN
NHÂN DÂN**
KT. CHỦ TỊCH
**PHÓ CHỦ TỊCH**
**Đinh Văn Tuấn**
|
"""


def test_provincial_plan_letterhead_and_signature(write):
    meta = meta_of(write, "plan.md", PROVINCE_PLAN)
    assert meta["kind"] == "plan"
    assert meta["issuer"] == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert meta["number"] == "218/KH-UBND"
    assert (meta["place"], meta["date"]) == ("Lâm Đồng", "2025-03-04")
    assert meta["title"] == "KẾ HOẠCH TRIỂN KHAI TIÊM CHỦNG MỞ RỘNG NĂM 2025 TRÊN ĐỊA BÀN TỈNH LÂM ĐỒNG"
    assert meta["subject"] == "TRIỂN KHAI TIÊM CHỦNG MỞ RỘNG NĂM 2025 TRÊN ĐỊA BÀN TỈNH LÂM ĐỒNG"
    assert meta["distribution"] == ["Bộ Y tế", "Sở Y tế", "Lưu: VT, VX"]
    # the signer's own title, not the TM./KT. lines above it
    assert (meta["signer_title"], meta["signer_name"]) == ("PHÓ CHỦ TỊCH", "Đinh Văn Tuấn")


MINISTRY_LETTER = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
CỤC THỦY LỢI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
\tĐộc lập - Tự do - Hạnh phúc

Số: 1042/TL-QLCT
V/v kiểm tra an toàn hồ chứa
trước mùa mưa lũ năm 2025\tHà Nội, ngày 15 tháng 4 năm 2025

Kính gửi:
- Sở Nông nghiệp và Môi trường các tỉnh Bắc Trung Bộ;
- Công ty TNHH MTV Khai thác thủy lợi Nghệ An.

Cục Thủy lợi đề nghị các đơn vị rà soát, kiểm tra an toàn các hồ chứa nước trước ngày 30/5/2025.

Nơi nhận:
- Như trên;
- Lưu: VT, QLCT.

TL. BỘ TRƯỞNG
KT. CỤC TRƯỞNG
PHÓ CỤC TRƯỞNG
(đã ký)
Nguyễn Thị Lan Hương
"""


def test_department_under_its_ministry_writes_a_letter(write):
    meta = meta_of(write, "letter.txt", MINISTRY_LETTER)
    # the parent body stands above the issuing one
    assert meta["issuer"] == "Cục Thủy lợi"
    assert meta["kind"] == "official_letter"
    assert meta["number"] == "1042/TL-QLCT"
    assert meta["subject"] == "kiểm tra an toàn hồ chứa trước mùa mưa lũ năm 2025"
    assert (meta["place"], meta["date"]) == ("Hà Nội", "2025-04-15")
    assert meta["recipients"] == ["Sở Nông nghiệp và Môi trường các tỉnh Bắc Trung Bộ",
                                  "Công ty TNHH MTV Khai thác thủy lợi Nghệ An"]
    assert (meta["signer_title"], meta["signer_name"]) == ("PHÓ CỤC TRƯỞNG", "Nguyễn Thị Lan Hương")


PARTY_CONCLUSION = """TỈNH ỦY NINH BÌNH\tĐẢNG CỘNG SẢN VIỆT NAM
VĂN PHÒNG
*
Số 87-TB/VPTU\tNinh Bình, ngày 9 tháng 10 năm 2024

THÔNG BÁO
KẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY
VỀ CÔNG TÁC PHÒNG, CHỐNG DỊCH SỐT XUẤT HUYẾT

Ngày 03/10/2024, Thường trực Tỉnh ủy làm việc với Ban cán sự đảng Ủy ban nhân dân tỉnh về công tác phòng, chống dịch.

Sở Y tế chủ trì, phối hợp với các địa phương giám sát chặt chẽ các ổ dịch.

Nơi nhận:
- Thường trực Tỉnh ủy;
- Lưu Văn phòng Tỉnh ủy.

T/L BAN THƯỜNG VỤ
CHÁNH VĂN PHÒNG

Phạm Quang Ngọc
"""


def test_party_committee_office_issues_a_conclusion(write):
    meta = meta_of(write, "party.txt", PARTY_CONCLUSION)
    assert meta["kind"] == "conclusion"
    # a party committee's department is named with its committee
    assert meta["issuer"] == "Văn phòng Tỉnh ủy"
    assert meta["number"] == "87-TB/VPTU"
    assert meta["title"] == "THÔNG BÁO KẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY VỀ CÔNG TÁC PHÒNG, CHỐNG DỊCH SỐT XUẤT HUYẾT"
    assert meta["subject"] == "KẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY VỀ CÔNG TÁC PHÒNG, CHỐNG DỊCH SỐT XUẤT HUYẾT"
    assert (meta["signer_title"], meta["signer_name"]) == ("CHÁNH VĂN PHÒNG", "Phạm Quang Ngọc")


CONG_DIEN = """|
**ỦY BAN NHÂN DÂN**
**TỈNH QUẢNG NINH**
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
|
|
Số: 09/CĐ-UBND
|
*Quảng Ninh, ngày 6 tháng 9 năm 2024*
|

**CÔNG ĐIỆN**

VỀ VIỆC CHỦ ĐỘNG ỨNG PHÓ
VỚI BÃO SỐ 3

**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:**

- Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu;
- Giám đốc các sở, ban, ngành.

Bão số 3 đang di chuyển nhanh vào vùng biển phía Bắc. Yêu cầu các địa phương kêu gọi tàu thuyền vào nơi tránh trú an toàn.

|
Nơi nhận:
- Như trên;
- Lưu: VT.
|
**KT. CHỦ TỊCH**
PHÓ CHỦ TỊCH
Nghiêm Xuân Cường
|
"""


def test_cong_dien_is_a_directive_with_its_addressees(write):
    meta = meta_of(write, "congdien.md", CONG_DIEN)
    assert meta["kind"] == "directive"
    assert meta["issuer"] == "Ủy ban nhân dân tỉnh Quảng Ninh"
    assert meta["title"] == "CÔNG ĐIỆN VỀ VIỆC CHỦ ĐỘNG ỨNG PHÓ VỚI BÃO SỐ 3"
    assert meta["subject"] == "CHỦ ĐỘNG ỨNG PHÓ VỚI BÃO SỐ 3"
    assert meta["recipients"] == ["Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu", "Giám đốc các sở, ban, ngành"]
    assert (meta["signer_title"], meta["signer_name"]) == ("PHÓ CHỦ TỊCH", "Nghiêm Xuân Cường")


DECISION = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ GIANG\tĐộc lập - Tự do - Hạnh phúc

Số: 415/QĐ-UBND\tHà Giang, ngày 12 tháng 3 năm 2024

QUYẾT ĐỊNH
VỀ VIỆC PHÊ DUYỆT DANH MỤC
CHƯƠNG TRÌNH ĐÀO TẠO NGHỀ NĂM 2024

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;

QUYẾT ĐỊNH:

Điều 1. Phê duyệt danh mục chương trình đào tạo nghề năm 2024.

Nơi nhận:
- Như Điều 3;
- Lưu: VT.

CHỦ TỊCH

Nguyễn Văn Sơn
"""


def test_decision_title_stops_at_the_enacting_authority(write):
    meta = meta_of(write, "decision.txt", DECISION)
    assert meta["kind"] == "decision"
    assert meta["title"] == "QUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT DANH MỤC CHƯƠNG TRÌNH ĐÀO TẠO NGHỀ NĂM 2024"
    assert meta["subject"] == "PHÊ DUYỆT DANH MỤC CHƯƠNG TRÌNH ĐÀO TẠO NGHỀ NĂM 2024"
    assert meta["issuer"] == "Ủy ban nhân dân tỉnh Hà Giang"
    assert (meta["place"], meta["date"]) == ("Hà Giang", "2024-03-12")
    assert (meta["signer_title"], meta["signer_name"]) == ("CHỦ TỊCH", "Nguyễn Văn Sơn")


CONSOLIDATED = """**Số hiệu:**
|
15/VBHN-BCA
|
**Người ký:**
|
Lê Quốc Hùng
|
**Tình trạng:**
|
Đã biết
|
**BỘ CÔNG AN**
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
|
Số: 15/VBHN-BCA
|
*Hà Nội, ngày 20 tháng 8 năm 2024*
|
**THÔNG TƯ**
QUY ĐỊNH VỀ CÔNG TÁC PHÒNG CHÁY TẠI CƠ SỞ
Thông tư số 10/2021/TT-BCA ngày 15 tháng 3 năm 2021 của Bộ trưởng Bộ Công an, được sửa đổi, bổ sung bởi:
Thông tư số 05/2023/TT-BCA ngày 10 tháng 2 năm 2023.

Điều 1. Phạm vi điều chỉnh

|
Nơi nhận:
- Lưu: VT.
|
**XÁC THỰC VĂN BẢN HỢP NHẤT**
**KT. BỘ TRƯỞNG**
THỨ TRƯỞNG
Trung tướng Lê Quốc Hùng
|
"""


def test_consolidated_text_is_read_from_its_own_block(write):
    meta = meta_of(write, "vbhn.md", CONSOLIDATED)
    assert meta["number"] == "15/VBHN-BCA"
    assert meta["issuer"] == "Bộ Công an"
    assert (meta["place"], meta["date"]) == ("Hà Nội", "2024-08-20")
    # the kind of what it consolidates: a circular is `other`
    assert meta["kind"] == "other"
    assert meta["title"] == "THÔNG TƯ QUY ĐỊNH VỀ CÔNG TÁC PHÒNG CHÁY TẠI CƠ SỞ"
    # the authenticating signer, rank left out of the name
    assert (meta["signer_title"], meta["signer_name"]) == ("THỨ TRƯỞNG", "Lê Quốc Hùng")


SEGMENTED_ARTICLE = """Hải_Phòng đẩy_mạnh chuyển_đổi số trong y_tế 
Những năm qua , ngành y_tế Hải_Phòng đã triển_khai bệnh_án điện_tử tại nhiều bệnh_viện , giúp giảm thời_gian chờ_đợi của người_bệnh . 
Thành_phố đặt mục_tiêu đến năm 2026 toàn_bộ bệnh_viện công_lập sử_dụng bệnh_án điện_tử , kết_nối liên_thông dữ_liệu khám chữa bệnh . 
Bên cạnh đó , các trạm y_tế xã , phường được đầu_tư trang_thiết_bị để khám chữa bệnh từ_xa cho người dân . 
"""


def test_word_segmented_article_is_news_without_a_letterhead(write):
    meta = meta_of(write, "article.txt", SEGMENTED_ARTICLE)
    assert meta["kind"] == "news"
    assert meta["title"] == "Hải Phòng đẩy mạnh chuyển đổi số trong y tế"
    assert (meta["number"], meta["issuer"], meta["subject"]) == (None, None, None)


REPORT_FORM = """Biểu số: 02/BC-YTDP\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Đơn vị báo cáo: ……………\tĐộc lập - Tự do - Hạnh phúc
Đơn vị nhận báo cáo: Sở Y tế

BÁO CÁO
KẾT QUẢ TIÊM CHỦNG QUÝ …. NĂM ….

STT\tChỉ tiêu\tKết quả
1\tSố trẻ được tiêm đủ mũi\t
"""


def test_report_form_yields_no_metadata(write):
    meta = meta_of(write, "form.txt", REPORT_FORM)
    assert (meta["number"], meta["issuer"], meta["title"], meta["subject"]) == (None, None, None, None)
    assert meta["signer_name"] is None


def test_a_body_name_in_capitals_is_written_as_vietnamese_writes_it():
    # Nghị định 30/2020/NĐ-CP, Phụ lục II: a unit word in lower case before its place name; the first
    # word of each part of the specific name capitalised; old-style tones read the same
    issuing = metadata._issuing_body
    assert issuing(["UỶ BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ"]) == "Ủy ban nhân dân thành phố Cần Thơ"
    assert issuing(["BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"]) == "Bộ Lao động - Thương binh và Xã hội"
    assert issuing(["BỘ TÀI", "CHÍNH", "TỔNG CỤC THUẾ"]) == "Tổng cục Thuế"
    assert issuing(["VĂN PHÒNG", "CHÍNH PHỦ"]) == "Văn phòng Chính phủ"
    assert issuing(["THỦ TƯỚNG", "CHÍNH PHỦ"]) == "Thủ tướng Chính phủ"
    assert issuing(["TỈNH ỦY BẮC GIANG", "BAN TUYÊN GIÁO"]) == "Ban Tuyên giáo Tỉnh ủy"
    assert issuing(["ỦY BAN KIỂM TRA", "TỈNH ỦY"]) == "Ủy ban Kiểm tra Tỉnh ủy"


JOINED_SIGNATURE = """CỤC HẢI QUAN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
\tĐộc lập - Tự do - Hạnh phúc
Số: 4120/CHQ-GSQL
V/v thủ tục tạm nhập tái xuất\tHà Nội, ngày 2 tháng 6 năm 2025

Kính gửi: Công ty cổ phần Cơ khí Đông Anh.

Cục Hải quan trả lời để Công ty biết./.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CỤC TRƯỞNG PHÓ CỤC TRƯỞNG
Lê Minh Khôi
"""


def test_signer_title_run_into_the_authority_line(write):
    meta = meta_of(write, "joined.txt", JOINED_SIGNATURE)
    assert (meta["signer_title"], meta["signer_name"]) == ("PHÓ CỤC TRƯỞNG", "Lê Minh Khôi")
    assert meta["recipients"] == ["Công ty cổ phần Cơ khí Đông Anh"]


NEWS_PAGE = """<html><head><title>Đắk Nông tổng kết công tác y tế - Báo Đắk Nông</title></head><body>
<div class="menu"><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a></div>
<article>
<h1>Đắk Nông tổng kết công tác y tế năm 2024</h1>
<p>Thứ năm, 16/01/2025</p>
<p>Sáng 15/1, Sở Y tế tỉnh Đắk Nông tổ chức hội nghị tổng kết công tác y tế năm 2024 và triển khai nhiệm vụ năm 2025.</p>
<p>Năm 2024, toàn ngành đã khám, chữa bệnh cho hơn 1,2 triệu lượt người; tỷ lệ tiêm chủng đầy đủ đạt 96,5%.</p>
<p><strong>Minh Anh</strong></p>
</article>
</body></html>
"""


def test_news_page_has_headline_byline_and_the_day_it_reports(write):
    meta = meta_of(write, "news.html", NEWS_PAGE)
    assert meta["kind"] == "news"
    assert meta["title"] == "Đắk Nông tổng kết công tác y tế năm 2024"
    assert meta["signer_name"] == "Minh Anh"
    assert (meta["place"], meta["date"]) == ("Đắk Nông", "2025-01-15")  # the dateline's year, not the headline's
    assert (meta["number"], meta["issuer"]) == (None, None)


PLAIN_NEWS = """Thứ hai, 03/03/2025

Ngành giáo dục Thanh Hóa sơ kết học kỳ I năm học 2024 - 2025

Sáng 28.2, Sở Giáo dục và Đào tạo tổ chức hội nghị sơ kết học kỳ I. Đồng chí Lê Văn Hùng, Phó Chủ tịch UBND tỉnh dự.

Học kỳ I, toàn ngành có 98,2% học sinh xếp loại hạnh kiểm khá, tốt.

Thu Hà

Các bài đã đăng

Xem thêm
"""


def test_plain_text_news_dated_from_its_dateline(write):
    meta = meta_of(write, "news.txt", PLAIN_NEWS)
    assert meta["kind"] == "news"
    assert meta["title"] == "Ngành giáo dục Thanh Hóa sơ kết học kỳ I năm học 2024 - 2025"
    assert (meta["place"], meta["date"]) == ("Thanh Hóa", "2025-02-28")
    assert meta["signer_name"] == "Thu Hà"


def test_title_stops_where_an_export_ran_it_into_the_authority_and_preamble(write):
    text = ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH PHÚ THỌ\tĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 77/QĐ-UBND\tPhú Thọ, ngày 8 tháng 1 năm 2025\n\nQUYẾT ĐỊNH\n\n"
            "CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH LĨNH VỰC Y TẾ CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ "
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\n"
            "QUYẾT ĐỊNH:\n\nĐiều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính.\n")
    meta = meta_of(write, "compact.txt", text)
    assert meta["title"] == "QUYẾT ĐỊNH CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH LĨNH VỰC Y TẾ"
    assert meta["issuer"] == "Ủy ban nhân dân tỉnh Phú Thọ"


def test_an_upper_case_trich_yeu_ends_where_the_text_begins(write):
    text = ("VĂN PHÒNG CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 512/TB-VPCP\tHà Nội, ngày 3 tháng 10 năm 2025\n\nTHÔNG BÁO\n\n"
            "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG TẠI CUỘC HỌP VỀ CẤP NƯỚC SẠCH NÔNG THÔN Ngày 30 tháng 9 năm 2025, "
            "Phó Thủ tướng chủ trì cuộc họp về cấp nước sạch nông thôn.\n")
    meta = meta_of(write, "notice.txt", text)
    assert meta["kind"] == "conclusion"
    assert meta["title"] == "THÔNG BÁO KẾT LUẬN CỦA PHÓ THỦ TƯỚNG TẠI CUỘC HỌP VỀ CẤP NƯỚC SẠCH NÔNG THÔN"


def test_docx_letterhead_and_signature_tables(tmp_path):
    import docx

    document = docx.Document()
    head = document.add_table(rows=2, cols=2)
    head.cell(0, 0).text = "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nSỞ Y TẾ"
    head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    head.cell(1, 0).text = "Số: 321/KH-SYT"
    head.cell(1, 1).text = "Nghệ An, ngày 5 tháng 6 năm 2024"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("PHÒNG, CHỐNG DỊCH BỆNH TRUYỀN NHIỄM NĂM 2024")
    document.add_paragraph("Căn cứ Luật Phòng, chống bệnh truyền nhiễm năm 2007;")
    document.add_paragraph("Sở Y tế ban hành Kế hoạch phòng, chống dịch bệnh truyền nhiễm năm 2024 như sau:")
    closing = document.add_table(rows=1, cols=2)
    closing.cell(0, 0).text = "Nơi nhận:\n- Bộ Y tế;\n- Lưu: VT."
    closing.cell(0, 1).text = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nBùi Đình Long"
    path = tmp_path / "plan.docx"
    document.save(path)
    meta = metadata.extract(read(path))
    assert (meta["kind"], meta["number"]) == ("plan", "321/KH-SYT")
    assert meta["issuer"] == "Sở Y tế"
    assert meta["title"] == "KẾ HOẠCH PHÒNG, CHỐNG DỊCH BỆNH TRUYỀN NHIỄM NĂM 2024"
    assert meta["distribution"] == ["Bộ Y tế", "Lưu: VT"]
    assert (meta["signer_title"], meta["signer_name"]) == ("PHÓ GIÁM ĐỐC", "Bùi Đình Long")


def test_sentence_case_trich_yeu_under_the_type_word_is_the_title(write):
    text = ("BỘ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 08/2024/TT-BYT\tHà Nội, ngày 15 tháng 5 năm 2024\n\nTHÔNG TƯ\n\n"
            "Hướng dẫn công tác dinh dưỡng trong bệnh viện ______________\n\n"
            "Căn cứ Luật Khám bệnh, chữa bệnh số 15/2023/QH15;\n\n"
            "Bộ trưởng Bộ Y tế ban hành Thông tư hướng dẫn công tác dinh dưỡng.\n")
    meta = meta_of(write, "circular.txt", text)
    assert meta["title"] == "THÔNG TƯ Hướng dẫn công tác dinh dưỡng trong bệnh viện"
    assert meta["subject"] == "Hướng dẫn công tác dinh dưỡng trong bệnh viện"
    assert meta["kind"] == "other"


def test_sentence_case_trich_yeu_stops_at_the_enacting_body(write):
    text = ("Số: 52/NQ-HĐND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\n\n"
            "NGHỊ QUYẾT\n\nVề việc đặt tên đường trên địa bàn thị xã Sa Pa năm 2023\n\n"
            "HỘI ĐỒNG NHÂN DÂN TỈNH LÀO CAI\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n")
    meta = meta_of(write, "naming.txt", text)
    assert meta["title"] == "NGHỊ QUYẾT Về việc đặt tên đường trên địa bàn thị xã Sa Pa năm 2023"
    assert meta["subject"] == "đặt tên đường trên địa bàn thị xã Sa Pa năm 2023"


def test_place_written_with_its_unit_word(write):
    text = ("ỦY BAN NHÂN DÂN\n\nTHÀNH PHỐ HẢI PHÒNG\n\nSỞ XÂY DỰNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
            "Độc lập - Tự do - Hạnh phúc\n\nSố: 412/SXD-QLN\n\n"
            "Về hướng dẫn kiểm tra nhà ở xuống cấp năm 2024\n\n"
            "*Thành phố Hải Phòng, ngày 9 tháng\n10 năm 2024*\n\n"
            "**Kính gửi:** Ủy ban nhân dân các quận, huyện.\n\nSở Xây dựng hướng dẫn như sau.\n")
    meta = meta_of(write, "housing.md", text)
    assert meta["place"] == "Thành phố Hải Phòng"
    assert meta["date"] == "2024-10-09"
    assert meta["subject"] == "hướng dẫn kiểm tra nhà ở xuống cấp năm 2024"
    assert meta["issuer"] == "Sở Xây dựng"


def test_addressee_line_run_into_the_opening_sentence(write):
    head = ("BỘ TÀI CHÍNH\n\nCỤC HẢI QUAN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 3120/CHQ-GSQL\n\nV/v thủ tục tạm nhập máy móc\n\nHà Nội, ngày 3 tháng 6 năm 2025\n\n")
    # a portal export's hard line breaks: the addressee and the opening sentence in one paragraph
    reply = meta_of(write, "reply.md", head + (
        "**Kính gửi:** Chi cục Hải quan\nkhu vực VIII\nCục Hải quan nhận được công văn số 88/HQKV8 của đơn vị.\n"
        "Về vấn đề này, Cục Hải quan có ý kiến như sau:\n\n- Doanh nghiệp được tạm nhập máy móc để sửa chữa;\n"))
    assert reply["recipients"] == ["Chi cục Hải quan khu vực VIII"]
    grounds = meta_of(write, "grounds.md", head + (
        "**Kính gửi:** Ủy ban nhân dân các xã, phường\nCăn cứ Luật Hải quan ngày 23 tháng 6 năm 2014;\n\n"
        "- Căn cứ Nghị định số 08/2015/NĐ-CP;\n"))
    assert grounds["recipients"] == ["Ủy ban nhân dân các xã, phường"]


def test_blank_addressee_of_a_form_gives_no_subject(write):
    text = ("Thủ tục cấp giấy phép hoạt động cơ sở bán lẻ thuốc\n\n"
            "Trình tự thực hiện: tổ chức nộp hồ sơ tại Trung tâm Phục vụ hành chính công.\n\n"
            "Mẫu đơn kèm theo:\n\nĐƠN ĐỀ NGHỊ\n\nVề việc cấp giấy phép hoạt động cơ sở bán lẻ thuốc\n\n"
            "Kính gửi: ………………………(1)………………\n\nTên cơ sở: ………………\n")
    meta = meta_of(write, "procedure.md", text)
    assert meta["recipients"] == []
    assert meta["subject"] is None
    assert meta["kind"] != "news"


def test_signature_lines_glued_by_an_export(write):
    # a legal portal's export glues the signature cell's lines and drops the Nơi nhận label
    text = ("| Số: 214/NQ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc |\n\n"
            "**NGHỊ QUYẾT**\n\n**Về việc điều chỉnh chỉ tiêu sử dụng đất của tỉnh Bắc Kạn**\n\n"
            "**CHÍNH PHỦ**\n\nCăn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;\n\n"
            "Điều 1. Điều chỉnh chỉ tiêu sử dụng đất.\n\n"
            "- Các bộ, cơ quan ngang bộ; - HĐND, UBND tỉnh Bắc Kạn; - Lưu: VT, NN (3). | "
            "TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG(Đã ký)Trần Văn Sơn |\n")
    meta = meta_of(write, "glued.md", text)
    assert meta["signer_title"] == "PHÓ THỦ TƯỚNG"
    assert meta["signer_name"] == "Trần Văn Sơn"
    assert meta["distribution"] == ["Các bộ, cơ quan ngang bộ", "HĐND, UBND tỉnh Bắc Kạn", "Lưu: VT, NN (3)"]


def test_office_and_name_run_onto_one_line(write):
    text = ("| Số: 90/NQ-UBTVQH15 | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc |\n\n"
            "**NGHỊ QUYẾT**\n\n**Về việc thành lập thị trấn Nà Phặc**\n\n**ỦY BAN THƯỜNG VỤ QUỐC HỘI**\n\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương;\n\nĐiều 1. Thành lập thị trấn.\n\n"
            "- Chính phủ; - Lưu: HC, PL. | TM. ỦY BAN THƯỜNG VỤ QUỐC HỘICHỦ TỊCH\nNguyễn Văn Bình |\n")
    meta = meta_of(write, "town.md", text)
    assert meta["signer_title"] == "CHỦ TỊCH"
    assert meta["signer_name"] == "Nguyễn Văn Bình"


def test_trich_yeu_naming_the_country_and_running_into_the_preamble(write):
    text = ("BỘ CÔNG THƯƠNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 14/2024/TT-BCT\n\nHà Nội, ngày 5 tháng 8 năm 2024\n\n**THÔNG TƯ**\n\nQUY\n\n"
            "ĐỊNH VỀ XUẤT XỨ HÀNG HÓA TRONG HIỆP ĐỊNH GIỮA CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
            "VÀ CHÍNH PHỦ VƯƠNG QUỐC CAMPUCHIA VỀ THƯƠNG MẠI BIÊN\n\n"
            "GIỚI Căn cứ Luật Quản lý ngoại thương ngày 12 tháng 6 năm 2017;\n\nĐiều 1. Phạm vi điều chỉnh\n")
    meta = meta_of(write, "origin.md", text)
    assert meta["title"] == ("THÔNG TƯ QUY ĐỊNH VỀ XUẤT XỨ HÀNG HÓA TRONG HIỆP ĐỊNH GIỮA CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI "
                             "CHỦ NGHĨA VIỆT NAM VÀ CHÍNH PHỦ VƯƠNG QUỐC CAMPUCHIA VỀ THƯƠNG MẠI BIÊN GIỚI")
    assert meta["issuer"] == "Bộ Công thương"


def test_trich_yeu_opening_with_thuc_hien_under_the_type_word(write):
    text = ("ỦY BAN NHÂN DÂN\n\nXÃ TÂN PHÚ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 45/KH-UBND\n\nTân Phú, ngày 2 tháng 4 năm 2025\n\n**KẾ HOẠCH**\n\n"
            "Thực hiện Nghị quyết số 09-NQ/ĐU về phát triển du lịch cộng đồng\n\n"
            "Thực hiện Nghị quyết số 09-NQ/ĐU ngày 10/3/2025 của Đảng ủy xã, Ủy ban nhân dân xã ban hành "
            "Kế hoạch thực hiện như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n")
    meta = meta_of(write, "tourism.md", text)
    assert meta["title"] == "KẾ HOẠCH Thực hiện Nghị quyết số 09-NQ/ĐU về phát triển du lịch cộng đồng"
    assert meta["kind"] == "plan"


def test_addressee_run_into_a_long_opening(write):
    text = ("BỘ Y TẾ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 702/BYT-KHTC\n\n"
            "V/v kinh phí tiêm chủng năm 2026\n\nHà Nội, ngày 6 tháng 2 năm 2026\n\n"
            "**Kính gửi:** Sở Y tế các tỉnh, thành phố\nTriển khai Quyết định số 15/QĐ-BYT về tiêm chủng mở rộng, "
            "Bộ Y tế đề nghị các Sở Y tế bố trí kinh phí bảo đảm tiến độ tiêm chủng trong năm.\n")
    meta = meta_of(write, "vaccine.md", text)
    assert meta["recipients"] == ["Sở Y tế các tỉnh, thành phố"]


def test_clipped_signed_stamp_glued_to_the_title(write):
    text = ("CHÍNH PHỦ\n\nSố: 88/2026/NĐ-CP\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Hà Nội, ngày 2 tháng 3 năm 2026\n\nNGHỊ ĐỊNH\n\nQuy định về quản lý cảng cạn\n\n"
            "Căn cứ Luật Tổ chức Chính phủ;\n\nĐiều 1. Phạm vi điều chỉnh\n\n"
            "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNGky]\n\nLê Minh Khái\n")
    meta = meta_of(write, "decree.txt", text)
    assert meta["signer_title"] == "PHÓ THỦ TƯỚNG"
    assert meta["signer_name"] == "Lê Minh Khái"
