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


# --- symbols as writers type them (SPEC Rulings, Citations) ---------------------------------

@pytest.mark.parametrize("sentence, ref_id, symbol", [
    ("Thực hiện Nghị định số 45/2022/NĐ- CP của Chính phủ về xử phạt vi phạm hành chính.",
     "45/2022/NĐ-CP", "NĐ-CP"),
    ("Thực hiện Chỉ thị số 19/CT-TTG ngày 24/7/2023 của Thủ tướng Chính phủ.", "19/CT-TTg", "CT-TTg"),
    ("Quán triệt Nghị quyết số 12 – NQ/TW ngày 16/1/2012 của Ban Chấp hành Trung ương.",
     "12-NQ/TW", "NQ/TW"),
    ("Thực hiện Quy định số 22-QĐ/TƯ ngày 28/7/2021 của Ban Chấp hành Trung ương.", "22-QĐ/TW", "QĐ/TW"),
    ("Theo Kế hoạch số 310/KH- UBND ngày 2/10/2023 của UBND tỉnh Sơn La.", "310/KH-UBND", "KH-UBND"),
    ("Căn cứ Nghị quyết số 29-NQ/ TW ngày 4/11/2013 của Ban Chấp hành Trung ương.", "29-NQ/TW", "NQ/TW"),
    ("Bãi bỏ Nghị định số 61/2018-NĐ-CP của Chính phủ.", "61/2018/NĐ-CP", "NĐ-CP"),
])
def test_a_symbol_with_stray_spaces_dashes_or_case_gets_its_canonical_ref_id(write, sentence, ref_id, symbol):
    c = one(write, sentence)
    assert (c["ref_id"], c["symbol"]) == (ref_id, symbol)


def test_a_type_qualified_before_its_number_is_cited_with_its_issuer(write):
    c = one(write, "Triển khai Chương trình hành động số 07- CTr/HU ngày 3/5/2024 của Ban Thường vụ "
                   "Huyện ủy Krông Pắc về chuyển đổi số.")
    assert (c["type"], c["ref_id"], c["date"]) == ("Chương trình", "07-CTr/HU", "2024-05-03")
    assert c["issuer"] == "Ban Thường vụ Huyện ủy Krông Pắc"
    c = one(write, "Xét Báo cáo thẩm tra số 56/BC-KTNS ngày 8/12/2024 của Ban Kinh tế - Ngân sách Hội đồng "
                   "nhân dân tỉnh Gia Lai.")
    assert (c["type"], c["issuer"]) == ("Báo cáo", "Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh Gia Lai")


def test_a_qualifier_without_a_symbol_is_no_citation(write):
    assert cites(write, "Xây dựng chương trình hành động số 5 trong năm tới.") == []


def test_an_upper_case_title_line_keeps_its_issuer_and_date(write):
    c = one(write, "NGHỊ QUYẾT SỐ 18-NQ/TW NGÀY 25/10/2017 CỦA BỘ CHÍNH TRỊ VỀ SẮP XẾP TỔ CHỨC BỘ MÁY")
    assert (c["ref_id"], c["date"]) == ("18-NQ/TW", "2017-10-25")
    assert c["issuer"].casefold() == "bộ chính trị"


def test_number_date_and_issuer_hold_across_a_hard_break(write):
    c = one(write, "Căn cứ Quyết định số\n125/QĐ-UBND ngày 12 tháng\n3 năm 2024 của Ủy ban nhân dân\ntỉnh Bình Định;")
    assert (c["ref_id"], c["date"], c["issuer"]) == ("125/QĐ-UBND", "2024-03-12", "Ủy ban nhân dân tỉnh Bình Định")


def test_dates_and_issuers_are_not_borrowed_from_another_mention_or_line(write):
    found = cites(write, "Thực hiện Quyết định số 12/QĐ-UBND. Ngày 05/6/2024, UBND tỉnh ban hành Công văn "
                         "số 34/UBND-KT về phòng chống dịch.")
    assert [(c["ref_id"], c["date"], c["issuer"]) for c in found] == [
        ("12/QĐ-UBND", None, None), ("34/UBND-KT", None, None)]


# --- laws and codes -------------------------------------------------------------------------

def test_a_code_cited_by_title_and_number(write):
    c = one(write, "Căn cứ Bộ luật Lao động số 45/2019/QH14 ngày 20 tháng 11 năm 2019;")
    assert (c["type"], c["ref_id"], c["symbol"], c["date"]) == ("Luật", "45/2019/QH14", "QH14", "2019-11-20")


@pytest.mark.parametrize("sentence, name", [
    ("Thực hiện Luật Địa chất và khoáng sản, tỉnh rà soát các mỏ.", "Luật Địa chất và khoáng sản"),
    ("Tuyên truyền Luật Thi đua – Khen thưởng trong toàn ngành.", "Luật Thi đua – Khen thưởng"),
    ("Chính sách theo luật người cao tuổi được thực hiện đầy đủ.", "luật người cao tuổi"),
    ("Tổ chức thi hành Luật Thư viện trên địa bàn huyện.", "Luật Thư viện"),
])
def test_a_law_is_cited_by_its_whole_title(write, sentence, name):
    c = one(write, sentence)
    assert (c["type"], c["name"], c["ref_id"]) == ("Luật", name, None)


def test_an_amending_law_runs_to_the_law_it_amends(write):
    found = cites(write, "Thực hiện Luật sửa đổi, bổ sung một số điều của Luật Đất đai trên địa bàn.")
    assert [c["name"] for c in found] == ["Luật sửa đổi, bổ sung một số điều của Luật Đất đai", "Luật Đất đai"]


def test_no_law_from_plain_legal_words_or_a_law_still_to_be_drafted(write):
    assert cites(write, "Mặt đường đạt tiêu chuẩn theo pháp luật đường bộ.") == []
    assert cites(write, "Đề xuất xây dựng Luật Quy hoạch đô thị và nông thôn.") == []


# --- self-reference, footnotes, segmentation, bare numbers -----------------------------------

def test_the_documents_own_number_in_an_appendix_caption_is_no_citation(write):
    text = ("**ỦY BAN NHÂN DÂN**\n\n**TỈNH LÀO CAI**\n\nSố:\n\n215/KH-UBND\n\n*Lào Cai, ngày 10 tháng 3 năm 2025*\n\n"
            "KẾ HOẠCH\n\nThực hiện Nghị quyết số 09/NQ-HĐND ngày 4/3/2025 của HĐND tỉnh.\n\n"
            "PHỤ LỤC\n\n(Kèm theo Kế hoạch số 215/KH- UBND ngày 10/3/2025 của UBND tỉnh Lào Cai)\n")
    assert [c["ref_id"] for c in extract(read(write("doc.md", text)))] == ["09/NQ-HĐND"]


def test_a_footnote_body_left_as_text_gives_in_footnote(write):
    text = ("Các đơn vị đã triển khai thực hiện[1] và sơ kết[2].\n\n"
            "Nơi nhận:\n- Như trên.\n\n"
            "[1] Hướng dẫn số 09-HD/BTGTU ngày 4/4/2023 của Ban Tuyên giáo Tỉnh ủy.\n"
            "[2] Báo cáo số 118-BC/TU ngày 20/12/2023\nvà Kế hoạch số 31-KH/TU của Tỉnh ủy.\n")
    found = extract(read(write("doc.md", text)))
    assert [(c["ref_id"], c["in_footnote"]) for c in found] == [
        ("09-HD/BTGTU", 1), ("118-BC/TU", 2), ("31-KH/TU", 2)]


def test_a_word_segmented_text_is_read_as_words(write):
    c = one(write, "Thủ_tướng Chính_phủ ban_hành Quyết_định số 1600/QĐ-TTg của Thủ_tướng Chính_phủ .")
    assert (c["type"], c["ref_id"], c["issuer"]) == ("Quyết định", "1600/QĐ-TTg", "Thủ tướng Chính phủ")


def test_a_bare_number_with_its_year_is_one_instrument(write):
    c = one(write, "Doanh nghiệp đánh giá cao Nghị quyết 35 năm 2016 của Chính phủ.")
    assert (c["name"], c["date"], c["ref_id"], c["issuer"]) == ("Nghị quyết 35 năm 2016", "2016", None, "Chính phủ")
    assert cites(write, "Kế hoạch 05 năm được triển khai đồng bộ.") == []


def test_a_list_after_a_clause_reference_shares_the_trailing_issuer(write):
    found = cites(write, "theo điểm a khoản 1 Điều 1 Quyết định số 62/2011/QĐ-TTg; khoản 2 Điều 3 "
                         "Quyết định số 49/2015/QĐ-TTg của Thủ tướng Chính phủ.")
    assert [c["issuer"] for c in found] == ["Thủ tướng Chính phủ"] * 2


def test_long_runs_are_read_in_linear_time(write):
    import time
    from schemas.document import Document
    runs = ("Luật " + "Ban Ngành Sở " * 4000 + "\n" + "Nghị quyết của " + "Hội đồng " * 4000
            + "\n" + "Quyết định số 1/" + "AB-" * 4000 + "\n")
    start = time.perf_counter()
    extract(Document(doc_id="x", source="x.txt", format="txt", text=runs * 10))
    assert time.perf_counter() - start < 5


# --- one canonical ref_id and one list of instrument types ----------------------------------

@pytest.mark.parametrize("written, canonical", [
    ("23 – NQ/TW", "23-NQ/TW"), ("75/KH- UBND", "75/KH-UBND"), ("27/CT-TTG", "27/CT-TTg"),
    ("QĐ/TƯ", "QĐ/TƯ".replace("TƯ", "TW")), ("10- CTr/TU", "10-CTr/TU"), ("76 QĐ/TW", "76-QĐ/TW"),
    ("255/2025-NĐ-CP", "255/2025/NĐ-CP"), ("8-QĐI/TU", "8-QĐi/TU"), ("144/NQ-HĐND", "144/NQ-HĐND"),
])
def test_ref_id_canonical_form(written, canonical):
    from extractors.refs import canonical as canon
    assert canon(written) == canonical


def test_instrument_types_and_symbols_come_from_the_data_file():
    from extractors import refs
    spec_types = {"Nghị quyết", "Chỉ thị", "Quyết định", "Quy định", "Kết luận", "Thông báo", "Kế hoạch",
                  "Hướng dẫn", "Nghị định", "Thông tư", "Luật", "Đề án", "Chương trình", "Công văn",
                  "Công điện", "Thông tri", "Tờ trình", "Báo cáo", "Điều lệ", "Quy chế"}
    assert spec_types <= set(refs.TYPES)
    assert refs.PARTY_SYMBOL_TYPES["QĐi"] == "Quy định" and refs.PARTY_SYMBOL_TYPES["TT"] == "Thông tri"
    assert refs.STATE_SYMBOL_TYPES["TT"] == "Thông tư" and refs.STATE_SYMBOL_TYPES["NĐ"] == "Nghị định"
    import regex
    assert regex.fullmatch(refs.TYPE_PATTERN, "THÔNG TƯ LIÊN TỊCH")


def test_a_party_committee_named_before_a_comma_is_not_a_ministry(write):
    c = one(write, "Thực hiện Nghị quyết số 12-NQ/TU ngày 3/8/2021 của BCH Đảng bộ tỉnh, Đảng bộ đã đổi mới công tác cán bộ.")
    assert c["issuer"] == "Ban Chấp hành Đảng bộ tỉnh"
    c = one(write, "Theo Công văn số 88/BVHTTDL-DSVH của Bộ Văn hóa, Thể thao và Du lịch, các tỉnh kiểm kê di tích.")
    assert c["issuer"] == "Bộ Văn hóa, Thể thao và Du lịch"


def test_footnote_bodies_a_reader_left_joined_on_one_line_keep_their_numbers():
    from schemas.document import Document
    text = ("Ủy ban đã chỉ đạo[1] và đôn đốc[2].\n\n"
            "[1] Công văn số 77/UBND-VX ngày 2/2/2022 của UBND tỉnh Hậu Giang. [2] Công văn số 95/UBND-VX "
            "ngày 9/3/2022 của UBND tỉnh Hậu Giang.\n")
    found = extract(Document(doc_id="x", source="x.md", format="md", text=text))
    assert [(c["ref_id"], c["in_footnote"]) for c in found] == [("77/UBND-VX", 1), ("95/UBND-VX", 2)]


def test_a_subject_keeps_its_quoted_title_and_stops_at_a_note_on_the_instrument(write):
    c = one(write, "Xét Tờ trình số 210/TTr-SVHTT ngày 5/5/2025 về việc tặng danh hiệu “Nghệ nhân Quảng Nam”.")
    assert c["subject"] == "việc tặng danh hiệu “Nghệ nhân Quảng Nam”"
    c = one(write, "Quyết định số 51/2012/QĐ-TTg của Thủ tướng Chính phủ về chế độ bồi dưỡng, có hiệu lực kể từ ngày 1/1/2013.")
    assert c["subject"] == "chế độ bồi dưỡng"
    c = one(write, "Thông tư số 12/2021/TT-BTC của Bộ Tài chính hướng dẫn về lệ phí cấp giấy phép.")
    assert c["subject"] == "lệ phí cấp giấy phép"


@pytest.mark.parametrize("text", [
    "CHƯƠNG TRÌNH 1\n\nNỘI DUNG ĐÀO TẠO",
    "Kết luận: 2 đơn vị chưa đạt yêu cầu.",
    "Văn bản quy định 3 trường hợp được miễn phí.",
    "căn cứ NGHỊ ĐỊNH1 đã nêu",
])
def test_headings_labels_and_counts_are_not_bare_citations(write, text):
    assert cites(write, text) == []


def test_a_bare_number_in_lower_case_still_cites(write):
    c = one(write, "Các xã triển khai đề án 06 về dữ liệu dân cư.")
    assert (c["name"], c["number"]) == ("đề án 06", "06")


def test_an_issuer_named_as_a_general_department_or_court(write):
    c = one(write, "Thực hiện Công văn số 512/TCT-CS ngày 7/2/2024 của Tổng cục Thuế về hóa đơn điện tử.")
    assert c["issuer"] == "Tổng cục Thuế"
    c = one(write, "Theo Quyết định số 88/QĐ-VKSTC ngày 3/3/2023 của Viện kiểm sát nhân dân tối cao, các đơn vị rà soát.")
    assert c["issuer"] == "Viện kiểm sát nhân dân tối cao"


def test_a_congress_of_the_party_keeps_it_in_the_name_and_has_no_issuer(write):
    c = one(write, "Quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng; tiếp tục đổi mới.")
    assert (c["name"], c["issuer"]) == ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng", None)


def test_an_issuer_after_the_subject_when_it_is_the_symbols_issuer(write):
    c = one(write, "Triển khai Nghị quyết 35/NQ-CP về phát triển doanh nghiệp đến năm 2020 của Chính phủ đã tạo chuyển biến.")
    assert (c["issuer"], c["subject"]) == ("Chính phủ", "phát triển doanh nghiệp đến năm 2020")
    c = one(write, "Thực hiện Quyết định số 30/QĐ-BYT về chế độ của cán bộ y tế cơ sở.")
    assert (c["issuer"], c["subject"]) == (None, "chế độ của cán bộ y tế cơ sở")


def test_no_issuer_taken_from_an_instrument_cited_inside_the_subject(write):
    found = cites(write, "Ban hành Kế hoạch 15/KH-UBND về thực hiện Chỉ thị số 04/CT-UBND của Ủy ban nhân dân tỉnh.")
    assert [(c["ref_id"], c["issuer"]) for c in found] == [("15/KH-UBND", None), ("04/CT-UBND", "Ủy ban nhân dân tỉnh")]


def test_a_new_paragraph_does_not_lend_its_date_or_issuer(write):
    found = cites(write, "Thực hiện Kế hoạch số 12/KH-UBND\n\nNgày 15/3/2024, Sở Y tế tổ chức hội nghị.")
    assert [(c["ref_id"], c["date"]) for c in found] == [("12/KH-UBND", None)]
    found = cites(write, "Thực hiện Kế hoạch số 12/KH-UBND\n\nngày 15/3/2024 của Ủy ban nhân dân huyện Đức Trọng.")
    assert [(c["ref_id"], c["date"], c["issuer"]) for c in found] == [
        ("12/KH-UBND", "2024-03-15", "Ủy ban nhân dân huyện Đức Trọng")]


def test_a_ministry_named_by_a_type_word(write):
    c = one(write, "Căn cứ Thông tư số 09/2019/TT-BKHĐT ngày 29 tháng 7 năm 2019 của Bộ trưởng Bộ Kế hoạch và Đầu tư;")
    assert c["issuer"] == "Bộ trưởng Bộ Kế hoạch và Đầu tư"


def test_the_number_after_an_amended_law_is_that_laws(write):
    found = cites(write, "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15;")
    assert [(c["name"], c["ref_id"]) for c in found] == [
        ("Luật sửa đổi, bổ sung một số điều của Luật Đất đai", None), (None, "31/2024/QH15")]


def test_a_five_year_plan_by_its_period_is_no_citation(write):
    assert cites(write, "Hoàn thành các chỉ tiêu Kế hoạch 5 năm 2021 - 2025 của tỉnh.") == []


def test_items_of_a_list_of_grounds_keep_their_own_issuers(write):
    found = cites(write, "Quyết định số 14/QĐ-UBND ngày 2/1/2024;\nQuyết định số 15/QĐ-BYT ngày 3/1/2024 của Bộ Y tế;")
    assert [c["issuer"] for c in found] == [None, "Bộ Y tế"]


# --- patterns met in unseen portal exports and gazette texts ---------------------------------

def test_a_number_on_the_next_line_of_a_list_of_kinds_is_no_citation(write):
    # a template's list of grounds: "2. Nghị định" then "3. Thông tư" on the next line
    text = "I. CĂN CỨ PHÁP LÝ\n\n1. Luật Doanh nghiệp\n\n2. Nghị định\n\n3. Thông tư\n\nII. NỘI DUNG"
    assert [c["type"] for c in cites(write, text)] == ["Luật"]


def test_a_law_named_with_its_year_is_dated_by_it(write):
    c = one(write, "Việc trồng rừng thay thế thực hiện theo Luật Lâm nghiệp năm 2017 và hướng dẫn của tỉnh.")
    assert (c["name"], c["date"]) == ("Luật Lâm nghiệp", "2017")
    c = one(write, "Căn cứ Luật Giáo dục năm 2019;")
    assert c["date"] == "2019"


def test_a_numbered_law_takes_the_issuer_after_its_date(write):
    c = one(write, "Căn cứ Luật Thủy sản số 18/2017/QH14 ngày 21 tháng 11 năm 2017 của Quốc hội;")
    assert (c["ref_id"], c["date"], c["issuer"]) == ("18/2017/QH14", "2017-11-21", "Quốc hội")


def test_a_law_by_title_takes_neither_a_company_as_issuer_nor_the_decrees_subject(write):
    c = one(write, "Người lao động được hưởng chế độ theo Bộ luật Dân sự của Công ty cổ phần Sông Đà.")
    assert c["issuer"] is None
    found = cites(write, "Căn cứ Nghị định số 31/2021/NĐ-CP ngày 26/3/2021 của Chính phủ quy định chi tiết "
                         "một số điều của Luật Đầu tư về ưu đãi đầu tư;")
    law = [c for c in found if c["type"] == "Luật"]
    assert law and law[0]["subject"] is None


def test_an_issuer_holding_a_ministers_two_titles(write):
    c = one(write, "Căn cứ Thông tư số 05/2019/TT-VPCP ngày 10/6/2019 của Bộ trưởng, Chủ nhiệm Văn phòng "
                   "Chính phủ về chế độ báo cáo;")
    assert c["issuer"] == "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"


def test_an_upper_case_title_line_run_into_the_next_sentence_ends_its_issuer(write):
    text = ("SỬA ĐỔI QUY ĐỊNH BAN HÀNH KÈM THEO QUYẾT ĐỊNH SỐ 21/2016/QĐ-UBND NGÀY 12/5/2016 CỦA UBND TỈNH "
            "QUẢNG NGÃI Căn cứ Luật Đường bộ ngày 27 tháng 6 năm 2024;")
    c = [c for c in cites(write, text) if c["type"] == "Quyết định"][0]
    assert c["issuer"] == "Ủy ban nhân dân TỈNH QUẢNG NGÃI"


@pytest.mark.parametrize("sentence, type_, ref_id", [
    ("Theo đề nghị của Giám đốc Sở Tài chính tại Văn bản số 1520/STC-QLNS ngày 05/8/2025.",
     "Công văn", "1520/STC-QLNS"),
    ("UBND huyện đã có văn bản số 45/KH-UBND ngày 02/4/2024 triển khai tới các xã.", "Kế hoạch", "45/KH-UBND"),
    ("Thực hiện Văn bản số 812-CV/TU ngày 9/10/2023 của Ban Thường vụ Tỉnh ủy.", "Công văn", "812-CV/TU"),
])
def test_a_numbered_van_ban_takes_its_kind_from_its_symbol(write, sentence, type_, ref_id):
    c = one(write, sentence)
    assert (c["type"], c["ref_id"]) == (type_, ref_id)


def test_a_van_ban_without_a_symbol_is_no_citation(write):
    assert cites(write, "Hồ sơ gồm văn bản số 2 và các giấy tờ kèm theo.") == []


def test_an_issuer_broken_across_a_blank_line_in_a_gazette_text(write):
    text = "căn cứ Nghị định số 15/2018/NĐ-CP ngày 02 tháng 02 năm 2018 của Chính\n\nphủ quy định chi tiết;\n"
    assert [c["issuer"] for c in extract(read(write("doc.md", text)))] == ["Chính phủ"]
    c = [c for c in cites(write, "theo Luật Đấu thầu số 22/2023/QH15 của Nghị định số 24/2024/NĐ-CP;")
         if c["type"] == "Luật"][0]
    assert c["issuer"] is None


def test_a_symbol_broken_after_its_dash_in_a_gazette_text_is_whole(write):
    text = "sửa đổi, bổ sung một số điều của Thông tư số 12/2026/TT-\n\nBYT ngày 3 tháng 3 năm 2026 của Bộ trưởng Bộ Y tế;\n"
    found = extract(read(write("doc.md", text)))
    assert [(c["ref_id"], c["date"]) for c in found] == [("12/2026/TT-BYT", "2026-03-03")]


def test_cyrillic_look_alike_letters_in_a_symbol_read_as_latin():
    from extractors.refs import ref_id
    assert ref_id("67", "TT-B\u0422\u0421", "2022") == "67/2022/TT-BTC"


def test_a_company_or_a_cut_name_is_no_issuer_but_a_ministry_runs_past_a_page_break(write):
    c = one(write, "Trả lời công văn số 15/TM-2025 ngày 02/10/2025 của Công ty cổ phần Thép Hòa Phát, Cục Thuế có ý kiến.")
    assert c["issuer"] is None
    text = "theo Thông tư số 08/2015/TT-BNV ngày 1 tháng 12 năm 2015 của Bộ\n\nNội vụ hướng dẫn chế độ;\n"
    assert [c["issuer"] for c in extract(read(write("doc.md", text)))] == ["Bộ Nội vụ"]


def test_a_party_committee_written_in_lower_case_is_whole(write):
    c = one(write, "Thực hiện Kế hoạch số 210-KH/TU ngày 5/6/2024 của Ban chấp hành Đảng bộ tỉnh Sơn La về chuyển đổi số.")
    assert c["issuer"] == "Ban chấp hành Đảng bộ tỉnh Sơn La"


def test_a_list_led_by_its_issuer_and_a_colon_gives_each_member_that_issuer(write):
    text = ("Căn cứ các Nghị định của Chính phủ: số 61/2018/NĐ-CP ngày 23/4/2018 về thực hiện cơ chế một cửa; "
            "số 107/2021/NĐ-CP ngày 06/12/2021 và số 45/2020/NĐ-CP ngày 08/4/2020 về thủ tục hành chính trên môi trường điện tử;")
    found = cites(write, text)
    assert [(c["ref_id"], c["date"], c["issuer"]) for c in found] == [
        ("61/2018/NĐ-CP", "2018-04-23", "Chính phủ"),
        ("107/2021/NĐ-CP", "2021-12-06", "Chính phủ"),
        ("45/2020/NĐ-CP", "2020-04-08", "Chính phủ")]


def test_a_semicolon_list_of_numbers_shares_the_type_word_but_not_a_bare_number(write):
    found = cites(write, "bãi bỏ Quyết định số 12/2019/QĐ-UBND ngày 3/5/2019; số 7/2021/QĐ-UBND ngày 1/2/2021 "
                         "của Ủy ban nhân dân tỉnh Kon Tum; số 3 năm nay.")
    assert [c["ref_id"] for c in found] == ["12/2019/QĐ-UBND", "7/2021/QĐ-UBND"]


def test_a_members_subject_ends_where_the_next_member_of_the_list_begins(write):
    found = cites(write, "phù hợp với các Quyết định: số 25/QĐ-TTg ngày 09/01/2023 về việc phê duyệt quy hoạch tỉnh "
                         "Lạng Sơn thời kỳ 2021-2030 và số 311/QĐ-TTg ngày 31/3/2023 về việc phê duyệt quy hoạch tỉnh Điện Biên.")
    assert [(c["ref_id"], c["subject"]) for c in found] == [
        ("25/QĐ-TTg", "việc phê duyệt quy hoạch tỉnh Lạng Sơn thời kỳ 2021-2030"),
        ("311/QĐ-TTg", "việc phê duyệt quy hoạch tỉnh Điện Biên")]


def test_a_law_title_followed_by_its_number_without_so(write):
    c = one(write, "Căn cứ Điều 73 Luật Thương mại 36/2005/QH11 và hướng dẫn hiện hành.")
    assert (c["ref_id"], c["type"]) == ("36/2005/QH11", "Luật")


def test_the_documents_own_number_written_with_other_separators_is_no_citation(write):
    text = ("ỦY BAN NHÂN DÂN\n\nTỈNH AN GIANG\n\nSố: 1450/QĐ-UBND\n\nAn Giang, ngày 3 tháng 9 năm 2025\n\n"
            "QUYẾT ĐỊNH\n\nCăn cứ Quyết định số 88/QĐ-TTg ngày 5/1/2025 của Thủ tướng Chính phủ;\n\n"
            "PHỤ LỤC\n\n(Kèm theo Quyết định số 1450 QĐ/UBND ngày 3 tháng 9 năm 2025 của Chủ tịch UBND tỉnh)\n")
    assert [c["ref_id"] for c in extract(read(write("doc.md", text)))] == ["88/QĐ-TTg"]
