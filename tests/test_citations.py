"""Citations on sentences written for the tests, from sectors and provinces the seeds do
not cover: the rules must hold beyond the samples."""
import pytest

from extractors.citations import extract
from pipeline.readers import read


def cites(write, text):
    return extract(read(write("doc.txt", text + "\n")))


def one(write, text):
    found = cites(write, text)
    assert len(found) == 1, [c["text"] for c in found]
    return found[0]


@pytest.mark.parametrize("sentence, ref_id, date, issuer", [
    ("Thực hiện Thông tư số 32/2020/TT-BGDĐT ngày 15/9/2020 của Bộ Giáo dục và Đào tạo về điều lệ trường học.",
     "32/2020/TT-BGDĐT", "2020-09-15", "Bộ Giáo dục và Đào tạo"),
    ("Căn cứ Nghị quyết số 19-NQ/TW ngày 16 tháng 6 năm 2022 của Ban Chấp hành Trung ương về nông nghiệp.",
     "19-NQ/TW", "2022-06-16", "Ban Chấp hành Trung ương"),
    ("Theo Công văn số 1234/BTC-NSNN ngày 03-02-2023 của Bộ Tài chính, các địa phương rà soát dự toán.",
     "1234/BTC-NSNN", "2023-02-03", "Bộ Tài chính"),
    ("Quán triệt Chỉ thị 05-CT/TU, ngày 10/3/2021 của BTV Tỉnh ủy Nghệ An về chuyển đổi số.",
     "05-CT/TU", "2021-03-10", "Ban Thường vụ Tỉnh ủy Nghệ An"),
    ("Thực hiện Quyết định 1719/QĐ-TTg của Thủ tướng Chính phủ phê duyệt Chương trình.",
     "1719/QĐ-TTg", None, "Thủ tướng Chính phủ"),
    ("Triển khai Kế hoạch số 88 – KH/HU ngày 02/8/2022 của Huyện ủy Thạch Hà.",
     "88-KH/HU", "2022-08-02", "Huyện ủy Thạch Hà"),
    ("Căn cứ Quyết định số 45/2019/QĐ-UBND ngày 20 tháng 9 năm 2019 của UBND tỉnh Quảng Nam.",
     "45/2019/QĐ-UBND", "2019-09-20", "Ủy ban nhân dân tỉnh Quảng Nam"),
    ("Thực hiện Nghị quyết của HĐND tỉnh số 56/2021/NQ-HĐND ngày 09/12/2021 về phát triển lâm nghiệp.",
     "56/2021/NQ-HĐND", "2021-12-09", "Hội đồng nhân dân tỉnh"),
])
def test_numbered_citations_from_other_sectors(write, sentence, ref_id, date, issuer):
    c = one(write, sentence)
    assert (c["ref_id"], c["date"], c["issuer"]) == (ref_id, date, issuer)
    assert sentence[sentence.index(c["text"]):].startswith(c["text"])


def test_subject_is_the_about_clause(write):
    c = one(write, "Thực hiện Thông tư số 32/2020/TT-BGDĐT ngày 15/9/2020 của Bộ Giáo dục và Đào tạo "
                   "về điều lệ trường trung học cơ sở; các trường rà soát.")
    assert c["subject"] == "điều lệ trường trung học cơ sở"


def test_symbol_levels(write):
    found = cites(write, "Theo Chỉ thị số 12-CT/TW, Nghị định số 45/2022/NĐ-CP, Nghị quyết số 7/NQ-HĐND "
                         "và Quyết định số 9/QĐ-UBND.")
    assert [c["issuer_level"] for c in found] == ["central_party", "government", "people_council",
                                                 "people_committee"]


def test_a_list_shares_its_trailing_issuer_but_not_across_semicolons(write):
    found = cites(write, "Thực hiện Thông tư số 12/2021/TT-BNNPTNT ngày 25/10/2021, Thông tư số "
                         "15/2022/TT-BNNPTNT ngày 03/11/2022 của Bộ Nông nghiệp và Phát triển nông thôn; "
                         "Quyết định số 77/QĐ-SNN ngày 01/02/2023 về trồng rừng.")
    assert [c["ref_id"] for c in found] == ["12/2021/TT-BNNPTNT", "15/2022/TT-BNNPTNT", "77/QĐ-SNN"]
    assert found[0]["issuer"] == found[1]["issuer"] == "Bộ Nông nghiệp và Phát triển nông thôn"
    assert found[0]["date"] == "2021-10-25"  # its own date, not its neighbour's
    assert found[2]["issuer"] is None


def test_a_shared_type_word(write):
    found = cites(write, "Căn cứ các Nghị định số 15/2023/NĐ-CP và 16/2023/NĐ-CP của Chính phủ.")
    assert [(c["type"], c["ref_id"], c["issuer"]) for c in found] == [
        ("Nghị định", "15/2023/NĐ-CP", "Chính phủ"), ("Nghị định", "16/2023/NĐ-CP", "Chính phủ")]


@pytest.mark.parametrize("sentence, type_, name", [
    ("Kiểm điểm theo tinh thần Nghị quyết Trung ương 4 (khóa XII) được thực hiện nghiêm túc.",
     "Nghị quyết", "Nghị quyết Trung ương 4 (khóa XII)"),
    ("Thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XXIII, nhiệm kỳ 2020 - 2025.",
     "Nghị quyết", "Nghị quyết Đại hội Đảng bộ huyện lần thứ XXIII, nhiệm kỳ 2020 - 2025"),
    ("Tiếp tục thực hiện Luật Giáo dục và các văn bản hướng dẫn.", "Luật", "Luật Giáo dục"),
    ("Tuyên truyền Luật Phòng, chống ma túy trong học sinh.", "Luật", "Luật Phòng, chống ma túy"),
    ("Đẩy mạnh thực hiện Đề án 06 trong toàn ngành.", "Đề án", "Đề án 06"),
    ("Sửa đổi theo Điều lệ Đảng và hướng dẫn của cấp trên.", "Điều lệ", "Điều lệ Đảng"),
])
def test_named_citations(write, sentence, type_, name):
    c = one(write, sentence)
    assert (c["type"], c["name"], c["ref_id"]) == (type_, name, None)


@pytest.mark.parametrize("sentence", [
    "Quán triệt các Chỉ thị, Nghị quyết của Đảng đến toàn thể đảng viên.",
    "Hoàn thành Kế hoạch 05 năm (2021 - 2025) của ngành.",
    "Tỷ lệ đạt chuẩn vượt kế hoạch đề ra (kế hoạch 80%).",
    "Thực hiện thắng lợi Nghị quyết Đại hội Đảng các cấp nhiệm kỳ 2020 - 2025.",
    "Các đơn vị xây dựng kế hoạch tổ chức thực hiện Văn bản này.",
    "Báo cáo 6 tháng gửi về Sở trước ngày 15/6.",
    "Hướng dẫn thực hiện theo quy định của pháp luật.",
    "Chương trình mục tiêu quốc gia xây dựng nông thôn mới được triển khai.",
])
def test_generic_mentions_are_not_citations(write, sentence):
    assert cites(write, sentence) == []


def test_the_documents_own_number_is_not_a_citation(write):
    text = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\n\nSố: 102/KH-UBND\n\nKẾ HOẠCH\n\n"
            "Thực hiện Kế hoạch số 102/KH-UBND và Quyết định số 3/QĐ-UBND ngày 02/01/2024 của UBND tỉnh.")
    assert [c["ref_id"] for c in cites(write, text)] == ["3/QĐ-UBND"]


def test_footnote_citations_carry_their_footnote(write):
    text = "Ngành đã ban hành nhiều văn bản\n.\n\n\ufffd Kế hoạch số 45/KH-SYT ngày 10/01/2024 của Sở Y tế."
    [c] = cites(write, text)
    assert c["in_footnote"] == 1 and c["issuer"] == "Sở Y tế"
