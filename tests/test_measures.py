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
