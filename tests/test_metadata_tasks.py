"""Document metadata and tasks on documents written for the tests: another province, other
bodies, people and titles."""
from extractors import metadata, tasks
from pipeline.readers import read

LETTER = """UBND TỈNH QUẢNG BÌNH
SỞ GIÁO DỤC VÀ ĐÀO TẠO

Số: 215/SGDĐT-TCCB
V/v triển khai thi đua dạy tốt, học tốt
năm học 2024 - 2025

Quảng Bình, ngày 12 tháng 9 năm 2024

Kính gửi:

- Các trường trung học phổ thông;
- Phòng Giáo dục và Đào tạo các huyện.

Sở Giáo dục và Đào tạo phát động phong trào thi đua dạy tốt, học tốt.

1. Phòng Tổ chức cán bộ: chủ trì, phối hợp với các phòng chuyên môn theo dõi, đôn đốc việc triển khai.

2. Giao Phòng Giáo dục trung học hướng dẫn các trường xây dựng kế hoạch, báo cáo kết quả về Sở trong tháng 12/2024.

3. Các trường có trách nhiệm tổ chức sơ kết, định kỳ 6 tháng báo cáo Sở.

Nơi nhận:

- Như trên;
- Giám đốc Sở;
- Lưu: VT, TCCB.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Trần Văn Bình
"""

NEWS = """Thứ hai, 03/03/2025

Ngành giáo dục Nghệ An tổng kết năm học 2024

Sáng 28.2, Sở Giáo dục và Đào tạo tổ chức hội nghị tổng kết. Đồng chí Lê Thị Hoa, Phó Chủ tịch UBND tỉnh dự.

Năm học 2024, toàn ngành có 98,5% học sinh lên lớp. Thời gian tới, ngành giáo dục cần tập trung nâng cao chất lượng dạy và học.

Minh Khang

Các bài đã đăng

Xem thêm
"""


def test_letter_header_and_closing(write):
    meta = metadata.extract(read(write("letter.txt", LETTER)))
    assert meta["number"] == "215/SGDĐT-TCCB"
    assert (meta["place"], meta["date"]) == ("Quảng Bình", "2024-09-12")
    assert meta["subject"] == "triển khai thi đua dạy tốt, học tốt năm học 2024 - 2025"
    assert meta["recipients"] == ["Các trường trung học phổ thông", "Phòng Giáo dục và Đào tạo các huyện"]
    assert meta["distribution"] == ["Như trên", "Giám đốc Sở", "Lưu: VT, TCCB"]
    assert (meta["signer_title"], meta["signer_name"]) == ("PHÓ GIÁM ĐỐC", "Trần Văn Bình")
    assert meta["kind"] == "emulation" and meta["draft"] is False
    assert meta["issuer"] == "Sở Giáo dục và Đào tạo"


def test_tasks_with_assignee_deadline_and_cadence(write):
    found = tasks.extract(read(write("letter.txt", LETTER)))
    by_who = {t["assignee"]: t for t in found}
    assert set(by_who) == {"Phòng Tổ chức cán bộ", "Phòng Giáo dục trung học", "Các trường"}
    assert by_who["Phòng Tổ chức cán bộ"]["action"].startswith("chủ trì, phối hợp")
    assert by_who["Phòng Giáo dục trung học"]["deadline"] == "2024-12"
    assert by_who["Các trường"]["cadence"] == "6 tháng"


def test_news_tasks_are_only_what_someone_must_do(write):
    found = tasks.extract(read(write("news.txt", NEWS)))
    assert [(t["assignee"], t["action"][:20]) for t in found] == [("ngành giáo dục", "tập trung nâng cao c")]


def test_imperatives_under_a_lead_in_take_its_assignee(write):
    text = ("THÔNG BÁO\n\nKẾT LUẬN CỦA BAN THƯỜNG VỤ HUYỆN ỦY\n\nII. NHIỆM VỤ THỜI GIAN TỚI\n\n"
            "Đảng ủy, Ban Giám hiệu Trường THPT Kỳ Anh tập trung thực hiện tốt một số nhiệm vụ chủ yếu sau:\n\n"
            "1. Tăng cường công tác giáo dục chính trị tư tưởng cho học sinh.\n\n"
            "2. Phòng Giáo dục và Đào tạo huyện chủ trì rà soát đội ngũ giáo viên.\n\n"
            "III. KIẾN NGHỊ\n\nTăng cường kiểm tra.\n")
    found = tasks.extract(read(write("notice.txt", text)))
    assert [t["assignee"] for t in found] == ["Đảng ủy, Ban Giám hiệu Trường THPT Kỳ Anh",
                                               "Phòng Giáo dục và Đào tạo huyện"]


def test_news_portal_lists_are_kept_out_of_the_body(write):
    doc = read(write("news.txt", NEWS))
    assert "Các bài đã đăng" not in doc.text and "Xem thêm" not in doc.text
    assert doc.text.rstrip().endswith("Minh Khang")
