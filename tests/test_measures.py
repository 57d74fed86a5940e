"""Measures and footnote statistics on sentences from other sectors written for the tests:
education, rural roads, budget, forest cover."""
from extractors import measures, statistics
from pipeline.readers import read


def measures_of(write, text):
    return measures.extract(read(write("doc.txt", text)))


def test_targets_from_other_sectors(write):
    text = ("KẾ HOẠCH\n\nPhát triển kinh tế - xã hội năm 2025\n\nII. CHỈ TIÊU CHỦ YẾU\n\n"
            "- Tỷ lệ huy động trẻ 5 tuổi đến lớp đạt trên 99%.\n"
            "- Phấn đấu đến năm 2030, kiên cố hóa thêm 120 km đường giao thông nông thôn.\n"
            "- Thu ngân sách nhà nước trên địa bàn đạt 2.150 tỷ đồng.\n"
            "- Tỷ lệ che phủ rừng duy trì ổn định ở mức 52,5%.\n")
    found = {m["value"]: m for m in measures_of(write, text)}
    assert set(found) == {99, 120, 2150, 52.5}
    assert all(m["kind"] == "target" for m in found.values())
    assert (found[99]["comparator"], found[99]["unit"], found[99]["year"]) == (">", "%", 2025)
    assert (found[120]["unit"], found[120]["year"]) == ("km", 2030)
    assert found[2150]["unit"] == "tỷ đồng"
    assert found[52.5]["comparator"] == "=" and "che phủ rừng" in found[52.5]["indicator"]


def test_results_with_changes_and_ratios(write):
    text = ("BÁO CÁO\n\nI. KẾT QUẢ ĐẠT ĐƯỢC\n\n"
            "Năm 2023, tỷ lệ học sinh tốt nghiệp trung học phổ thông đạt 98,7% (tăng 0,4% so với năm 2022); "
            "có 45/52 trường đạt chuẩn quốc gia; tỷ lệ hộ nghèo giảm còn 3,2%.\n")
    found = {m["value"]: m for m in measures_of(write, text)}
    assert found[98.7]["kind"] == "result" and found[98.7]["year"] == 2023
    assert found[0.4]["comparator"] == "increase"
    assert "tốt nghiệp" in found[0.4]["indicator"]  # the change is of the same indicator
    assert found[45]["unit"] == "/52 trường"
    assert found[3.2]["comparator"] == "="  # "giảm còn" states the level


def test_lead_in_gives_the_year_to_its_bullets(write):
    text = ("III. MỤC TIÊU\n\nPhấn đấu đến cuối nhiệm kỳ (năm 2030):\n\n"
            "- Đạt 12 bác sĩ trên 10.000 dân.\n\n- Tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 95%.\n")
    found = measures_of(write, text)
    assert [(m["value"], m["year"], m["unit"]) for m in found] == [(12, 2030, "bác sĩ/10000 dân"), (95, 2030, "%")]


def test_dates_numbers_names_and_counts_of_tasks_are_not_measures(write):
    text = ("Thực hiện Nghị quyết số 12-NQ/TU ngày 05/3/2021 của Tỉnh ủy, ngành triển khai 8 nhóm nhiệm vụ "
            "và phong trào “3 xây, 3 chống”; trẻ em dưới 5 tuổi được chăm sóc theo Kế hoạch 05 năm.\n")
    assert measures_of(write, text) == []


def test_statistics_are_split_by_year_with_their_qualifier(write):
    text = ("Công tác đào tạo được quan tâm\n.\n\n"
            "\ufffd Năm 2021, số giáo viên được bồi dưỡng: 320, trong đó đảng viên: 110; năm 2022, số giáo "
            "viên được bồi dưỡng: 354, trong đó đảng viên: 126.\n")
    stats = statistics.extract(read(write("s.txt", text)))
    assert [(s["year"], s["value"]) for s in stats] == [(2021, 320), (2021, 110), (2022, 354), (2022, 126)]
    assert stats[1]["metric"].endswith("trong đó đảng viên")
    assert all(s["footnote"] == 1 for s in stats)


def test_targets_table_rows_carry_their_assessment(tmp_path):
    import docx

    from make_docx_samples import save

    document = docx.Document()
    document.add_paragraph("PHỤ LỤC 02")
    document.add_paragraph("ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ 2020-2025")
    rows = [["TT", "Nội dung", "Kết quả"],
            ["1", "Tỷ lệ trường đạt chuẩn quốc gia đạt trên 80% vào năm 2025.", "Vượt"],
            ["2", "Tỷ lệ học sinh bỏ học dưới 0,5% mỗi năm học trên toàn tỉnh.", "Không đạt do dịch bệnh"],
            ["3", "Kiên cố hóa 100% phòng học ở các xã miền núi của tỉnh.", "Đạt"]]
    table = document.add_table(rows=4, cols=3)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    (tmp_path / "pl.docx").write_bytes(save(document))
    found = {m["value"]: m for m in measures.extract(read(tmp_path / "pl.docx"))}
    assert {v: (m["kind"], m["status"]) for v, m in found.items()} == {
        80: ("target", "exceeded"), 0.5: ("target", "not_achieved"), 100: ("target", "achieved")}
    assert found[80]["year"] == 2025 and found[0.5]["comparator"] == "<"


def test_a_decree_prescribes_rules_not_levels(write):
    text = ("NGHỊ ĐỊNH\n\nQuy định chế độ hỗ trợ đối với nhân viên y tế thôn, bản\n\n"
            "Điều 1. Phạm vi điều chỉnh\n\nNghị định này quy định mức hỗ trợ hằng tháng.\n\n"
            "Điều 2. Mức hỗ trợ\n\n1. Nhân viên y tế thôn ở xã đặc biệt khó khăn được hưởng 0,5 lần mức lương cơ sở.\n\n"
            "2. Thôn có từ 350 hộ gia đình trở lên được bố trí không quá 02 nhân viên.\n\n"
            "3. Người có từ đủ 15 năm công tác được cộng thêm 5% mức hỗ trợ.\n")
    assert measures_of(write, text) == []


def test_a_decision_that_adopts_a_plan_keeps_its_targets(write):
    text = ("QUYẾT ĐỊNH\n\nPhê duyệt Kế hoạch phát triển du lịch tỉnh Lào Cai đến năm 2030\n\n"
            "Điều 1. Phê duyệt Kế hoạch phát triển du lịch tỉnh Lào Cai đến năm 2030 với các nội dung sau:\n\n"
            "Mục tiêu cụ thể đến năm 2030:\n\n"
            "- Đón 12 triệu lượt khách du lịch.\n\n- Tổng thu từ du lịch đạt 45 nghìn tỷ đồng.\n\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")
    found = {m["value"]: m for m in measures_of(write, text)}
    assert set(found) == {12, 45}
    assert (found[12]["unit"], found[12]["kind"], found[12]["year"]) == ("triệu lượt", "target", 2030)
    assert found[45]["unit"] == "nghìn tỷ đồng"


def test_forms_codes_phones_and_versions_are_not_measures(write):
    text = ("BÁO CÁO\n\nTình hình triển khai chuyển đổi số năm 2025\n\n"
            "Liên hệ: Điện thoại 0263 3822 456, Fax: 0263.3822.457; máy chủ tại địa chỉ 10.12.8.25.\n\n"
            "Hạ tầng mạng 4G/5G phủ khắp các xã; phần mềm phiên bản 2.0 được cài đặt từ ngày 15/3/2025.\n\n"
            "Mẫu số 02\n\nĐơn vị báo cáo: ....\n\nMã số 0118119 Tổng số cán bộ được đào tạo 17 người\n")
    assert measures_of(write, text) == []


def test_the_heading_or_lead_in_gives_year_and_kind(write):
    text = ("KẾ HOẠCH\n\nChuyển đổi số ngành giáo dục tỉnh Bình Định giai đoạn 2026 - 2035\n\n"
            "I. THỰC TRẠNG\n\nHiện nay toàn tỉnh có 412 trường học kết nối cáp quang.\n\n"
            "II. MỤC TIÊU\n\n1. Giai đoạn 2026 - 2030\n\n"
            "- Tỷ lệ trường học dùng học bạ số đạt từ 90% trở lên.\n\n"
            "2. Mục tiêu cụ thể đến năm 2035:\n\n- 100% giáo viên có chữ ký số.\n\n"
            "- Số lượt truy cập kho học liệu tăng trên 15% mỗi năm.\n")
    found = {m["value"]: m for m in measures_of(write, text)}
    assert (found[412]["kind"], found[412]["unit"]) == ("result", "trường")
    assert (found[90]["kind"], found[90]["year"], found[90]["comparator"]) == ("target", 2030, ">=")
    assert (found[100]["year"], found[15]["year"]) == (2035, 2035)
    assert found[15]["comparator"] == "increase"


def test_counts_of_tasks_only_when_reported_done(write):
    text = ("BÁO CÁO\n\nKết quả năm 2025\n\nKế hoạch đề ra 9 nhóm nhiệm vụ trọng tâm và 24 nhiệm vụ cụ thể; "
            "đến nay đã hoàn thành 18 nhiệm vụ.\n")
    assert [(m["value"], m["unit"]) for m in measures_of(write, text)] == [(18, "nhiệm vụ")]


def test_forecasts_and_conditions_are_not_levels(write):
    text = ("CÔNG ĐIỆN\n\nTheo dự báo, từ đêm nay khu vực Tây Nguyên có mưa 50-100mm, có nơi trên 150mm.\n\n"
            "Trường hợp mực nước vượt 3,5 m, các xã tổ chức sơ tán dân.\n\n"
            "Từ ngày 02/10 đến nay, trên địa bàn đã có mưa 210mm.\n")
    found = measures_of(write, text)
    assert [(m["value"], m["unit"], m["kind"]) for m in found] == [(210, "mm", "result")]


def test_word_segmented_text_reads_like_plain_text(write):
    text = ("Năm 2023 , tỷ_lệ hộ nghèo của tỉnh giảm còn 2,1 % ; thu_nhập bình_quân đầu người đạt "
            "68,5 triệu đồng / người .\n")
    found = {m["value"]: m for m in measures_of(write, text)}
    assert found[2.1]["comparator"] == "=" and "tỷ lệ hộ nghèo" in found[2.1]["indicator"]
    assert found[68.5]["unit"] == "triệu đồng/người" and found[68.5]["year"] == 2023


def test_a_period_is_no_single_year(write):
    text = ("BÁO CÁO\n\nTổng kết 10 năm\n\nTrong 10 năm, toàn tỉnh xây dựng trên 1.200 nhà tình nghĩa; "
            "thu ngân sách tăng từ 1.800 tỷ đồng năm 2015 lên 4.300 tỷ đồng năm 2024.\n")
    found = {m["value"]: m for m in measures_of(write, text)}
    assert found[1200]["year"] is None
    assert (found[1800]["year"], found[4300]["year"]) == (2015, 2024)


def test_measures_cost_grows_linearly_with_the_document(write):
    import time
    part = ("- Tỷ lệ hộ dùng nước sạch đạt 92,5%, tăng 1,2% so với năm 2024; thu ngân sách đạt 1.250 tỷ đồng.\n"
            "Điều 5. Mức chi\n\nMức chi hỗ trợ 2.000.000 đồng/người/tháng  0118119  3  Tổ chức tập huấn\n")
    small, large = write("s.txt", "KẾ HOẠCH\n\n" + part * 100), write("l.txt", "KẾ HOẠCH\n\n" + part * 2000)
    docs = [read(small), read(large)]
    t0 = time.perf_counter(); measures.extract(docs[0]); t1 = time.perf_counter()
    measures.extract(docs[1]); t2 = time.perf_counter()
    assert (t2 - t1) / 20 < 4 * (t1 - t0) + 0.02


def test_a_plans_present_state_is_a_result_and_a_qualified_change_a_change(write):
    text = ("KẾ HOẠCH\n\nPhát triển mạng lưới trạm sạc xe điện tỉnh Bắc Ninh đến năm 2030\n\n"
            "II. MỤC TIÊU\n\nHiện nay toàn tỉnh có 46 trạm sạc công cộng.\n\n"
            "1. Mục tiêu đến năm 2030\n\n- Phấn đấu tăng thêm ít nhất 30% số trạm sạc tại khu đô thị.\n")
    found = {m["value"]: m for m in measures_of(write, text)}
    assert (found[46]["kind"], found[30]["kind"]) == ("result", "target")
    assert (found[30]["comparator"], found[30]["year"]) == ("increase", 2030)


def test_an_hdnd_resolution_on_a_years_plan_sets_targets_and_assesses_results(write):
    # an individual resolution (no year in its number) written in articles: not a normative text
    text = ("| HỘI ĐỒNG NHÂN DÂN TỈNH KON TUM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
            "| Số: 77/NQ-HĐND | Kon Tum, ngày 09 tháng 12 năm 2025 |\n\n"
            "**NGHỊ QUYẾT**\n\n**Về kế hoạch phát triển kinh tế - xã hội năm 2026**\n\n**QUYẾT NGHỊ:**\n\n"
            "**Điều 1.** Đánh giá tình hình thực hiện nhiệm vụ năm 2025\n\n"
            "Năm 2025, tốc độ tăng trưởng GRDP ước đạt 6,9%; có 14/16 chỉ tiêu đạt và vượt kế hoạch.\n\n"
            "**Điều 2. Các chỉ tiêu chủ yếu năm 2026**\n\n"
            "1. Tốc độ tăng trưởng GRDP từ 8% trở lên.\n\n"
            "2. Thu nhập bình quân đầu người đạt 62 triệu đồng.\n\n"
            "3. Tỷ lệ hộ nghèo giảm 2%.\n\n"
            "**Điều 3. Tổ chức thực hiện**\n\nGiao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.\n")
    found = {m["value"]: m for m in measures.extract(read(write("nq.md", text)))}
    assert set(found) == {6.9, 14, 8, 62, 2}
    assert (found[6.9]["kind"], found[6.9]["year"]) == ("result", 2025)
    assert found[14]["unit"] == "/16 chỉ tiêu"
    # the title's year, not the year it was signed
    assert {(found[v]["kind"], found[v]["year"]) for v in (8, 62, 2)} == {("target", 2026)}
    assert (found[8]["comparator"], found[2]["comparator"]) == (">=", "decrease")


def test_a_resolution_that_passes_a_budget_keeps_its_figures(write):
    text = ("HỘI ĐỒNG NHÂN DÂN TỈNH BẾN TRE\n\nSố: 31/NQ-HĐND\n\nNGHỊ QUYẾT\n\n"
            "Về dự toán ngân sách nhà nước năm 2026\n\n"
            "Điều 1. Thông qua dự toán ngân sách nhà nước năm 2026 như sau:\n\n"
            "1. Tổng thu ngân sách nhà nước trên địa bàn: 6.780 tỷ đồng.\n\n"
            "Điều 2. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện.\n")
    found = measures_of(write, text)
    assert [(m["value"], m["unit"], m["kind"], m["year"]) for m in found] == [(6780, "tỷ đồng", "target", 2026)]


def test_a_normative_text_with_an_article_on_aims_still_prescribes_rules(write):
    # its number carries its year: a rule's amounts stay rules whatever an article is called
    text = ("BỘ TÀI CHÍNH\n\nSố: 58/2026/TT-BTC\n\nTHÔNG TƯ\n\nHướng dẫn hoạt động của quỹ hưu trí bổ sung\n\n"
            "Điều 1. Phạm vi điều chỉnh\n\nThông tư này hướng dẫn hoạt động đầu tư của quỹ.\n\n"
            "Điều 2. Mục tiêu đầu tư\n\n1. Quỹ được đầu tư tối đa 20% giá trị tài sản vào cổ phiếu niêm yết.\n\n"
            "Điều 3. Phí quản lý\n\nMức phí quản lý không quá 1,5% giá trị tài sản ròng mỗi năm.\n")
    assert measures_of(write, text) == []


def test_plans_and_reports_on_criteria_keep_their_figures(write):
    plan = ("ỦY BAN NHÂN DÂN TỈNH SƠN LA\n\nKẾ HOẠCH\n\n"
            "Thực hiện Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026 - 2030\n\n"
            "I. MỤC TIÊU\n\nĐến năm 2030, có 70% số xã đạt chuẩn nông thôn mới.\n")
    report = ("ĐẢNG BỘ PHƯỜNG AN KHÁNH\n\nBÁO CÁO\n\n"
              "Kết quả đánh giá, xếp loại chất lượng tổ chức đảng năm 2025\n\n"
              "Có 41/45 chi bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên, đạt 91,1%.\n")
    criteria = ("ỦY BAN NHÂN DÂN TỈNH SƠN LA\n\nQUYẾT ĐỊNH\n\n"
                "Ban hành Bộ tiêu chí xã đạt chuẩn văn minh đô thị\n\n"
                "1. Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa từ 90% trở lên.\n")
    assert [(m["value"], m["kind"], m["year"]) for m in measures_of(write, plan)] == [(70, "target", 2030)]
    assert [m["value"] for m in measures_of(write, report)] == [41, 91.1]
    assert measures_of(write, criteria) == []


def test_a_sector_heading_is_not_a_criteria_heading(write):
    text = ("ỦY BAN NHÂN DÂN PHƯỜNG HÒA BÌNH\n\nBÁO CÁO\n\nKết quả công tác quý III năm 2025\n\n"
            "1. Thủ tục hành chính\n\nTiếp nhận 860 hồ sơ, giải quyết đúng hạn đạt 98,6%.\n\n"
            "2. Đối tượng chính sách\n\nChi trả trợ cấp cho 415 người có công.\n\n"
            "3. Tiêu chuẩn, điều kiện xét tặng\n\nCó thời gian công tác từ 10 năm trở lên.\n")
    found = measures_of(write, text)
    assert [(m["value"], m["kind"], m["year"]) for m in found] == [(860, "result", 2025), (98.6, "result", 2025),
                                                                    (415, "result", 2025)]


def test_a_congress_resolution_gives_no_year_to_a_period_or_a_term(write):
    text = ("ĐẢNG BỘ TỈNH AN GIANG\n\nNGHỊ QUYẾT\n\nĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH, NHIỆM KỲ 2025 - 2030\n\n"
            "2. Các chỉ tiêu chủ yếu đến năm 2030\n\n"
            "- Tốc độ tăng trưởng kinh tế bình quân giai đoạn 2026 - 2030 đạt 9%/năm.\n\n"
            "- Tỷ lệ đô thị hóa đạt 45%.\n\n"
            "- Kết nạp mới 9.000 đảng viên trở lên trong nhiệm kỳ.\n")
    found = {m["value"]: m for m in measures_of(write, text)}
    assert set(found) == {9, 45, 9000}
    assert (found[9]["year"], found[45]["year"], found[9000]["year"]) == (None, 2030, None)
    assert {m["kind"] for m in found.values()} == {"target"}


def test_a_title_horizon_gives_the_document_no_year(write):
    text = ("TỈNH ỦY QUẢNG NGÃI\n\nNGHỊ QUYẾT\n\nVề phát triển kinh tế số đến năm 2030\n\n"
            "I. TÌNH HÌNH\n\nĐến nay, tỷ trọng kinh tế số trong GRDP của tỉnh đạt khoảng 8%.\n")
    assert [(m["value"], m["kind"], m["year"]) for m in measures_of(write, text)] == [(8, "result", None)]


def test_a_storm_bulletin_states_no_level(write):
    text = ("CÔNG ĐIỆN\n\nVề chủ động ứng phó với bão số 7\n\n"
            "Hồi 13 giờ ngày 20/10/2026, vị trí tâm bão ở khoảng 15,2 độ vĩ bắc, cách đảo Lý Sơn khoảng 180 km, "
            "sức gió mạnh nhất cấp 12.\n\nĐến 17 giờ, đã sơ tán 3.400 hộ dân khỏi vùng nguy hiểm.\n")
    assert [(m["value"], m["unit"]) for m in measures_of(write, text)] == [(3400, "hộ dân")]


def test_a_report_on_a_period_under_a_programmes_name_gives_results(write):
    text = ("TỈNH ỦY YÊN BÁI\n\nKẾT LUẬN\n\ncủa Ban Thường vụ Tỉnh ủy về phát triển cây quế giai đoạn 2026 - 2030\n\n"
            "1. Kết quả thực hiện giai đoạn 2021 - 2025\n\n"
            "Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững, diện tích quế toàn tỉnh đạt 92.000 ha; "
            "giá trị sản xuất trên 1 ha đạt 120 triệu đồng.\n\n"
            "2. Nhiệm vụ giai đoạn 2026 - 2030\n\nPhấn đấu đến năm 2030 diện tích quế hữu cơ đạt 30.000 ha.\n")
    found = [(m["value"], m["kind"], m["year"]) for m in measures_of(write, text)]
    assert found == [(92000, "result", 2025), (120, "result", 2025), (30000, "target", 2030)]


def test_a_qualified_clause_shares_the_indicator_before_it(write):
    text = ("BÁO CÁO\n\nĐánh giá đầu tư công\n\n"
            "Tỷ lệ vốn đầu tư cho giáo dục trên tổng chi ngân sách năm 2024 còn 17,5%; "
            "bình quân giai đoạn 2016 - 2020 là 19,2%.\n")
    found = {m["value"]: m for m in measures_of(write, text)}
    assert found[19.2]["indicator"].startswith("Tỷ lệ vốn đầu tư cho giáo dục")
    assert "bình quân giai đoạn 2016 - 2020" in found[19.2]["indicator"]
    assert (found[17.5]["year"], found[19.2]["year"]) == (2024, None)


def test_numbered_names_are_not_measures(write):
    text = ("THÔNG BÁO\n\nKết luận về tiến độ dự án năm 2025\n\n"
            "Bệnh viện 175 và Ban Quản lý dự án 7 khẩn trương hoàn thiện hồ sơ; đã giải ngân 320 tỷ đồng.\n")
    assert [(m["value"], m["unit"]) for m in measures_of(write, text)] == [(320, "tỷ đồng")]
