"""Tasks (SPEC.md 'task' and its Rulings) on passages written for the tests: other provinces,
sectors and years, and the kinds of text the real archives hold (plans with a table of tasks,
conclusion notices, dispatches, decrees, report forms)."""
import time

import pytest

from extractors import tasks
from extractors.dates import cell_deadline, deadline
from pipeline.readers import read
from schemas.document import DocumentBuilder


def _tasks(write, text, name="doc.txt"):
    return tasks.extract(read(write(name, text)))


PLAN = """ỦY BAN NHÂN DÂN
TỈNH NINH THUẬN

Số: 88/KH-UBND

Ninh Thuận, ngày 05 tháng 3 năm 2026

KẾ HOẠCH
Phát triển du lịch cộng đồng giai đoạn 2026 - 2030

I. MỤC TIÊU

Đến năm 2030, đón 2 triệu lượt khách.

II. TỔ CHỨC THỰC HIỆN

1. Sở Văn hóa, Thể thao và Du lịch

- Chủ trì xây dựng bộ tiêu chí điểm du lịch cộng đồng, trình Ủy ban nhân dân tỉnh trong Quý II năm 2026.

- Tổ chức tập huấn cho hộ kinh doanh homestay trước ngày 15/5 hằng năm.

2. Ủy ban nhân dân các xã, phường:

- Rà soát, lập danh mục điểm đến có tiềm năng trên địa bàn.

- Vận động người dân tham gia giữ gìn cảnh quan, môi trường.

3. Sở Tài chính có trách nhiệm:

a) Cân đối, bố trí kinh phí thực hiện Kế hoạch trong dự toán hằng năm.

b) Hướng dẫn thanh quyết toán kinh phí theo quy định.

III. CHẾ ĐỘ BÁO CÁO

Giao Sở Văn hóa, Thể thao và Du lịch tổng hợp, báo cáo Ủy ban nhân dân tỉnh trong tháng 12 năm 2026.

Ủy ban nhân dân tỉnh ban hành Kế hoạch phát triển du lịch cộng đồng để các cơ quan, đơn vị triển khai thực hiện.
"""


def test_a_lead_in_governs_its_items_whatever_its_verb(write):
    found = _tasks(write, PLAN)
    by_who: dict[str, list[dict]] = {}
    for t in found:
        by_who.setdefault(t["assignee"], []).append(t)
    assert [t["action"][:12] for t in by_who["Sở Văn hóa, Thể thao và Du lịch"]][:2] == ["Chủ trì xây ", "Tổ chức tập "]
    assert [t["action"][:7] for t in by_who["Ủy ban nhân dân các xã, phường"]] == ["Rà soát", "Vận độn"]
    assert [t["action"][:7] for t in by_who["Sở Tài chính"]] == ["Cân đối", "Hướng d"]
    assert all(not t["action"].startswith(("-", "a)", "*")) for t in found)


def test_deadlines_and_cadences_as_the_rulings_write_them(write):
    found = {t["action"][:12]: t for t in _tasks(write, PLAN)}
    assert found["Chủ trì xây "]["deadline"] == "2026-06"  # a quarter ends in its last month
    assert (found["Tổ chức tập "]["deadline"], found["Tổ chức tập "]["cadence"]) == ("--05-15", "hằng năm")
    assert found["tổng hợp, bá"]["deadline"] == "2026-12"
    assert found["Cân đối, bố "]["cadence"] == "hằng năm"


def test_the_issuing_formula_and_targets_are_not_tasks(write):
    actions = [t["action"] for t in _tasks(write, PLAN)]
    assert not any(a.startswith("ban hành Kế hoạch") for a in actions)
    assert not any("2 triệu" in a for a in actions)


def test_instructions_in_sentences(write):
    text = ("NGHỊ QUYẾT\n\nĐiều 1. Thông qua mức hỗ trợ học phí năm học 2026 - 2027.\n\n"
            "Điều 2. Tổ chức thực hiện\n\n"
            "1. Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết.\n\n"
            "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Kon Tum tham gia giám sát việc thực hiện.\n\n"
            "Điều 3. Hiệu lực thi hành\n\nNghị quyết này có hiệu lực từ ngày 01 tháng 7 năm 2026.\n\n"
            "Điều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Giáo dục và Đào tạo, Thủ trưởng các cơ quan, "
            "tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Nghị quyết này.\n")
    found = [(t["assignee"], t["action"]) for t in _tasks(write, text)]
    assert ("Ủy ban nhân dân tỉnh", "tổ chức triển khai thực hiện Nghị quyết") in found
    assert ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Kon Tum", "tham gia giám sát việc thực hiện") in found
    closing = [a for a, act in found if act.startswith("chịu trách nhiệm thi hành")]
    assert closing == ["Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Giáo dục và Đào tạo, Thủ trưởng các cơ quan, "
                       "tổ chức, cá nhân có liên quan"]


def test_a_dispatch_names_its_assignee_after_the_issuer(write):
    text = ("CÔNG ĐIỆN\n\nĐể chủ động ứng phó với đợt rét đậm, rét hại, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:\n\n"
            "1. Chủ tịch Ủy ban nhân dân các xã vùng cao:\n\n"
            "a) Hướng dẫn người dân che chắn chuồng trại, dự trữ thức ăn cho gia súc.\n\n"
            "b) Chỉ đạo các trường học cho học sinh nghỉ học khi nhiệt độ xuống dưới 7 độ C.\n\n"
            "2. Các Sở: Y tế, Giáo dục và Đào tạo theo chức năng chủ động phối hợp với địa phương bảo vệ sức khỏe "
            "người dân.\n")
    found = _tasks(write, text)
    assert [t["assignee"] for t in found[:2]] == ["Chủ tịch Ủy ban nhân dân các xã vùng cao"] * 2
    assert found[1]["action"].startswith("Chỉ đạo các trường học")  # the lead-in's assignee must direct the schools
    assert found[2]["assignee"] == "Sở Y tế, Sở Giáo dục và Đào tạo"


def test_a_table_of_tasks_gives_one_task_per_row_with_a_lead_body():
    builder = DocumentBuilder()
    builder.add("PHỤ LỤC NHIỆM VỤ", heading=(1, "Phụ lục"))
    grid = [["TT", "Nội dung nhiệm vụ", "Thời gian hoàn thành", "Đơn vị phối hợp", "Cơ quan chủ trì"],
            ["I", "NHÓM NHIỆM VỤ VỀ HẠ TẦNG", "NHÓM NHIỆM VỤ VỀ HẠ TẦNG", "NHÓM NHIỆM VỤ VỀ HẠ TẦNG",
             "NHÓM NHIỆM VỤ VỀ HẠ TẦNG"],
            ["1", "Xây dựng kho dữ liệu dùng chung của tỉnh.", "2027", "Các sở, ngành", "Sở Khoa học và Công nghệ"],
            ["2", "Nâng cấp mạng truyền số liệu chuyên dùng.", "2026 - 2030", "Viettel Bình Định", "Sở Khoa học và Công nghệ"],
            ["3", "Kiểm tra an toàn thông tin các hệ thống.", "Thường xuyên", "Công an tỉnh", "Sở Khoa học và Công nghệ"],
            ["4", "Đào tạo kỹ năng số cho cán bộ cấp xã.", "Quý III/2026", "", "Sở Nội vụ"],
            ["5", "Tổ chức hội nghị sơ kết.", "Tháng 6/2028", "", ""]]
    builder.table(grid)
    doc = builder.build(doc_id="t1", source="plan.docx", format="docx")
    found = tasks.extract(doc)
    assert [(t["assignee"], t["deadline"], t["cadence"]) for t in found] == [
        ("Sở Khoa học và Công nghệ", "2027", None),
        ("Sở Khoa học và Công nghệ", None, None),  # a span of years is no deadline
        ("Sở Khoa học và Công nghệ", None, "thường xuyên"),
        ("Sở Nội vụ", "2026-09", None)]
    assert found[0]["action"] == "Xây dựng kho dữ liệu dùng chung của tỉnh"


def test_a_table_without_task_columns_gives_no_tasks():
    builder = DocumentBuilder()
    builder.table([["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch 2026"], ["1", "Tỷ lệ hộ nghèo", "%", "2,5"]])
    assert tasks.extract(builder.build(doc_id="t2", source="t.docx", format="docx")) == []


def test_forms_scope_clauses_and_recipient_lines_are_not_tasks(write):
    text = ("QUYẾT ĐỊNH\n\nKính gửi: Sở Y tế tỉnh Sóc Trăng.\n\n"
            "Điều 1. Phạm vi điều chỉnh\n\nQuyết định này áp dụng đối với các cơ sở khám bệnh, chữa bệnh trên địa bàn tỉnh.\n\n"
            "Điều 2. Giải thích từ ngữ\n\nTrong Quyết định này, các từ ngữ dưới đây được hiểu như sau:\n\n"
            "1. Cơ sở y tế tuyến xã là trạm y tế xã, phường.\n\n"
            "Điều 3. Quyền của cơ sở khám bệnh\n\nCơ sở khám bệnh, chữa bệnh có các quyền sau:\n\n"
            "a) Thu phí dịch vụ theo quy định.\n\n"
            "Mẫu số 01\n\nĐơn vị báo cáo: Sở Y tế\n\nĐơn vị nhận báo cáo: Bộ Y tế\n\n"
            "Ngày ….. tháng ….. năm ……\n")
    assert _tasks(write, text) == []


def test_a_law_gives_few_tasks_its_implementing_articles(write):
    rules = "\n\n".join(
        f"Điều {n}. Nghĩa vụ của doanh nghiệp bảo hiểm\n\n1. Doanh nghiệp bảo hiểm có trách nhiệm công khai biểu phí.\n\n"
        f"2. Ngân hàng có trách nhiệm lưu giữ hồ sơ giao dịch trong 10 năm." for n in range(1, 6))
    text = ("NGHỊ ĐỊNH\n\n" + rules + "\n\nĐiều 6. Trách nhiệm thi hành\n\n"
            "1. Bộ Tài chính có trách nhiệm hướng dẫn, kiểm tra việc thực hiện Nghị định này.\n\n"
            "2. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ chịu trách nhiệm thi hành Nghị định này.\n")
    found = _tasks(write, text)
    assert [t["assignee"] for t in found] == ["Bộ Tài chính", "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ"]


def test_news_reports_no_tasks_of_what_was_done(write):
    text = ("Hội nghị tổng kết ngành nông nghiệp Sơn La\n\n"
            "Năm 2025, Sở Nông nghiệp và Môi trường đã phối hợp với các huyện trồng mới 3.000 ha cây ăn quả. "
            "Ngoài ra, Ban chấp hành Công đoàn cũng phối hợp tổ chức hội thao cho người lao động.\n")
    assert _tasks(write, text, "news.txt") == []


def test_deadline_parsing():
    assert deadline("hoàn thành trước ngày 30 tháng 6 năm 2026") == ("2026-06-30", None)
    assert deadline("báo cáo trong tháng 10/2026") == ("2026-10", None)
    assert deadline("trình trong Quý IV năm 2026") == ("2026-12", None)
    assert deadline("gửi báo cáo trước ngày 15/12 hàng năm") == ("--12-15", "hàng năm")
    assert deadline("thực hiện trong giai đoạn 2026 - 2030") == (None, None)
    assert deadline("phấn đấu đạt mục tiêu năm 2027") == (None, None)
    assert [cell_deadline(c) for c in ("2028", "Quý I/2027", "Tháng 9/2026", "2026 - 2030", "Thường xuyên")] == [
        "2028", "2027-03", "2026-09", None, None]


def test_long_documents_take_linear_time(write):
    item = "- Sở Xây dựng rà soát quy hoạch các khu dân cư ven sông, báo cáo trong tháng 9/2026.\n\n"
    small = write("small.txt", "KẾ HOẠCH\n\n" + item * 200)
    large = write("large.txt", "KẾ HOẠCH\n\n" + item * 2000)
    doc_small, doc_large = read(small), read(large)
    started = time.perf_counter()
    n_small = len(tasks.extract(doc_small))
    small_time = time.perf_counter() - started
    started = time.perf_counter()
    n_large = len(tasks.extract(doc_large))
    large_time = time.perf_counter() - started
    assert (n_small, n_large) == (200, 2000)
    assert large_time < max(small_time, 0.05) * 25


@pytest.mark.parametrize("lead_in", ["Giao Sở Y tế:", "Sở Y tế có trách nhiệm:", "Sở Y tế cần:", "4. Sở Y tế"])
def test_lead_in_forms(write, lead_in):
    text = (f"KẾ HOẠCH\n\nIII. TỔ CHỨC THỰC HIỆN\n\n{lead_in}\n\n"
            "- Hướng dẫn các trạm y tế xã tổ chức tiêm chủng mở rộng.\n\n"
            "- Kiểm tra công tác bảo quản vắc xin tại các điểm tiêm.\n\nIV. KINH PHÍ\n\nNgân sách tỉnh bảo đảm.\n")
    assert [t["assignee"] for t in _tasks(write, text)] == ["Sở Y tế", "Sở Y tế"]


def test_a_regulation_article_that_hands_out_work_gives_tasks(write):
    text = ("QUY CHẾ\n\nĐiều 1. Phạm vi điều chỉnh\n\nQuy chế này quy định việc xét tặng Kỷ niệm chương của tỉnh Lào Cai.\n\n"
            "Điều 2. Đối tượng\n\nCá nhân có nhiều đóng góp cho tỉnh.\n\n"
            "Điều 3. Quy trình xét tặng\n\n1. Sở Nội vụ tỉnh Lào Cai:\n\n"
            "a) Tiếp nhận, thẩm định hồ sơ đề nghị trước ngày 30/6 hằng năm.\n\n"
            "b) Trình Chủ tịch Ủy ban nhân dân tỉnh quyết định.\n\n"
            "Điều 4. Quyền lợi\n\nCá nhân được tặng Kỷ niệm chương có trách nhiệm giữ gìn hiện vật.\n")
    found = _tasks(write, text)
    assert [(t["assignee"], t["deadline"]) for t in found] == [("Sở Nội vụ tỉnh Lào Cai", "--06-30"),
                                                                ("Sở Nội vụ tỉnh Lào Cai", None)]


def test_a_line_wrapped_mid_sentence_is_one_instruction(write):
    text = ("KẾ HOẠCH\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
            "Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với các địa phương rà soát diện tích\n"
            "rừng phòng hộ ven biển, báo cáo Ủy ban nhân dân tỉnh trong tháng 8/2026.\n")
    found = _tasks(write, text)
    assert [(t["assignee"], t["deadline"]) for t in found] == [("Sở Nông nghiệp và Môi trường", "2026-08")]


def test_a_deadline_sentence_dates_the_instruction_before_it(write):
    text = ("KẾ HOẠCH\n\nIII. TỔ CHỨC THỰC HIỆN\n\nSở Tư pháp có trách nhiệm:\n\n"
            "- Rà soát các thủ tục hành chính thuộc lĩnh vực hộ tịch, đề xuất phương án đơn giản hóa. "
            "Hoàn thành trước ngày 15/10/2026.\n")
    found = _tasks(write, text)
    assert [(t["assignee"], t["deadline"]) for t in found] == [("Sở Tư pháp", "2026-10-15")]


@pytest.mark.parametrize("sentence, assignee, action", [
    ("Ủy ban nhân dân huyện giao Phòng Tài nguyên và Môi trường chủ trì hoàn thành kiểm kê đất đai trước ngày 31/8/2026.",
     "Phòng Tài nguyên và Môi trường", "chủ trì hoàn thành kiểm kê đất đai"),
    ("UBND tỉnh giao BQLDA huyện chủ trì hoàn thành bồi thường, hỗ trợ tái định cư trước ngày 31/8/2026.",
     "BQLDA huyện", "chủ trì hoàn thành bồi thường"),
    ("Thường trực Huyện ủy đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện thực hiện giám sát việc thu chi trước ngày 31/8/2026.",
     "Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "thực hiện giám sát"),
    ("Ban Thường vụ Thành ủy yêu cầu Ban Tổ chức Thành ủy chủ trì rà soát quy hoạch cán bộ trước ngày 31/8/2026.",
     "Ban Tổ chức Thành ủy", "chủ trì rà soát quy hoạch"),
    ("Giao UBND các xã thực hiện rà soát hộ nghèo phát sinh trước ngày 31/8/2026.",
     "Ủy ban nhân dân các xã", "thực hiện rà soát hộ nghèo"),
])
def test_the_body_after_giao_de_nghi_yeu_cau_is_the_assignee(write, sentence, assignee, action):
    found = _tasks(write, "THÔNG BÁO\n\nKết luận của Thường trực về tiến độ dự án đường tỉnh 723.\n\n" + sentence + "\n")
    assert [(t["assignee"], t["action"][:len(action)], t["deadline"]) for t in found] == [(assignee, action, "2026-08-31")]


def test_an_own_subject_before_a_request_keeps_the_task(write):
    found = _tasks(write, "THÔNG BÁO\n\nSở Công Thương có trách nhiệm hoàn thiện hồ sơ dự thảo, đề nghị Sở Tư pháp "
                          "thẩm định trước ngày 31/8/2026.\n")
    assert [t["assignee"] for t in found] == ["Sở Công Thương"]


def test_a_verb_inside_a_name_does_not_cut_it(write):
    text = ("THÔNG BÁO\n\nKết luận về tiến độ các dự án giao thông năm 2026.\n\n"
            "Ban Quản lý dự án đầu tư xây dựng tỉnh Hà Giang chủ trì hoàn thiện hồ sơ thiết kế trước ngày 30/9/2026.\n\n"
            "Trưởng Đoàn kiểm tra, thành viên Đoàn kiểm tra có trách nhiệm tổng hợp kết quả kiểm tra gửi Sở Nội vụ.\n\n"
            "Sở Nội vụ hướng dẫn các cơ quan có trách nhiệm lập hồ sơ đề nghị khen thưởng.\n")
    assert [t["assignee"] for t in _tasks(write, text)] == [
        "Ban Quản lý dự án đầu tư xây dựng tỉnh Hà Giang", "Trưởng Đoàn kiểm tra, thành viên Đoàn kiểm tra", "Sở Nội vụ"]


def test_an_opening_verb_that_begins_like_a_head_word_is_no_assignee(write):
    text = ("KẾ HOẠCH\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
            "Báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh Bến Tre trước ngày 15/12/2026.\n\n"
            "Thanh tra, kiểm tra việc chấp hành quy định về phòng cháy tại các chợ.\n\n"
            "Thanh tra tỉnh chủ trì kiểm tra việc quản lý quỹ đất công ích trong quý III năm 2026.\n")
    found = _tasks(write, text)
    assert [t["assignee"] for t in found] == ["Thanh tra tỉnh"]
    assert found[0]["deadline"] == "2026-09"


def test_a_legal_basis_line_is_no_task(write):
    text = ("QUYẾT ĐỊNH\n\nCăn cứ Thông tư số 07/2025/TT-BNV ngày 12/5/2025 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ "
            "hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính;\n\n"
            "Điều 1. Sở Tư pháp có trách nhiệm công bố danh mục thủ tục hành chính trước ngày 31/10/2026.\n")
    assert [t["assignee"] for t in _tasks(write, text)] == ["Sở Tư pháp"]


CIRCULAR = """THÔNG TƯ
Hướng dẫn giám sát, đánh giá chương trình hỗ trợ sinh kế

Điều 1. Phạm vi điều chỉnh

Thông tư này hướng dẫn việc giám sát, đánh giá chương trình.

Điều 2. Chế độ báo cáo

1. Các sở, ngành, Ủy ban nhân dân cấp xã, các tổ chức, cá nhân tham gia chương trình gửi báo cáo trước ngày 15 tháng 01 năm sau.

2. Cơ quan chủ quản phải bố trí kinh phí giám sát theo quy định.

Điều 3. Tổ chức thực hiện

Giao Sở Nông nghiệp và Môi trường hướng dẫn, kiểm tra việc thực hiện Thông tư này.

Điều 4. Hiệu lực thi hành

Thông tư này có hiệu lực từ ngày 01 tháng 3 năm 2027.

Phụ lục I
HƯỚNG DẪN QUY TRÌNH GIÁM SÁT

1. Phòng Kinh tế có trách nhiệm:

a) Tổng hợp biểu mẫu của các xã, gửi Sở Nông nghiệp và Môi trường trước ngày 20 hằng tháng.

b) Xây dựng báo cáo giám sát 6 tháng, hằng năm.
"""


def test_a_circular_binds_parties_by_rules_and_its_annex_gives_no_tasks(write):
    found = _tasks(write, CIRCULAR)
    assert [(t["assignee"], t["action"][:19]) for t in found] == [("Sở Nông nghiệp và Môi trường", "hướng dẫn, kiểm tra")]


def test_a_line_wrapped_after_so_goes_on(write):
    text = ("NGHỊ ĐỊNH\n\nĐiều 1. Phạm vi\n\nNghị định này quy định về tiền lương.\n\nĐiều 2. Đối tượng\n\nNgười lao động.\n\n"
            "Điều 3. Tổ chức thực hiện\n\n"
            "5. Giao Bộ Nội vụ căn cứ quy định tại khoản 3 Điều 2 Nghị định số\n"
            "45/2026/NĐ-CP hướng dẫn việc xếp lương đối với viên chức của Đài Phát thanh và Truyền hình.\n")
    found = _tasks(write, text)
    assert [t["assignee"] for t in found] == ["Bộ Nội vụ"]
    assert found[0]["action"].endswith("Đài Phát thanh và Truyền hình")


def test_items_that_complete_a_lead_in_are_one_instruction(write):
    text = ("KẾ HOẠCH\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
            "2. Ủy ban nhân dân các xã, phường chịu trách nhiệm cập nhật dữ liệu về giá vào Cơ sở dữ liệu của tỉnh đối với:\n\n"
            "a) Giá dịch vụ thu gom rác thải sinh hoạt;\n\n"
            "b) Danh sách các hộ kinh doanh thực hiện niêm yết giá.\n\n"
            "3. Sở Tài chính:\n\n"
            "a) Hướng dẫn các xã, phường cập nhật dữ liệu trước ngày 30/11/2026.\n")
    found = [(t["assignee"], t["action"][:26]) for t in _tasks(write, text)]
    assert found == [("Ủy ban nhân dân các xã, phường", "cập nhật dữ liệu về giá và"), ("Sở Tài chính", "Hướng dẫn các xã, phường c")]


def test_an_address_list_and_a_quoted_amendment_are_no_tasks(write):
    dispatch = ("CÔNG ĐIỆN\n\nKính gửi:\n\n- Các Cục: Đường bộ Việt Nam, Hàng hải Việt Nam, Kinh tế - Quản lý đầu tư "
                "xây dựng;\n\n- Sở Xây dựng các tỉnh: Quảng Ngãi, Gia Lai.\n\n"
                "1. Các Sở Xây dựng nêu trên chỉ đạo các đơn vị rà soát các vị trí có nguy cơ ngập úng.\n")
    assert [t["assignee"] for t in _tasks(write, dispatch)] == ["Các Sở Xây dựng nêu trên"]
    decree = ("NGHỊ ĐỊNH\nSửa đổi Nghị định về tiếp công dân\n\nĐiều 1. Sửa đổi, bổ sung Điều 8\n\n"
              "“b) Khi cần thiết, đề nghị Chủ tịch Ủy ban nhân dân cấp xã tham gia tiếp đại diện của những người khiếu nại;”.\n\n"
              "Điều 2. Hiệu lực thi hành\n\nNghị định này có hiệu lực từ ngày 01 tháng 7 năm 2027.\n\n"
              "Điều 3. Trách nhiệm thi hành\n\nCác Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Nghị định này.\n")
    assert [t["action"][:24] for t in _tasks(write, decree)] == ["chịu trách nhiệm thi hàn"]


def test_a_title_at_a_line_end_goes_on_with_its_body(write):
    text = ("THÔNG TƯ\n\nĐiều 1. Phạm vi\n\nThông tư này hướng dẫn thuế.\n\nĐiều 2. Đối tượng\n\nDoanh nghiệp.\n\n"
            "Điều 3. Hiệu lực thi hành\n\n1. Thông tư này thay thế:\n\n"
            "a) Thông tư số 45/2019/TT-BTC ngày 03 tháng 7 năm 2019 của Bộ trưởng\n"
            "Bộ Tài chính hướng dẫn thi hành Nghị định số 99/2018/NĐ-CP về thuế tài nguyên;\n")
    assert _tasks(write, text) == []
