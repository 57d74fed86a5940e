"""The Vietnamese numeral parser every extractor shares."""
import pytest
from hypothesis import given, strategies as st

from extractors.numbers import find_quantities, format_number, parse_number


@pytest.mark.parametrize("text, value", [
    ("8,5", 8.5), ("3.787", 3787), ("10.000", 10000), ("1.281", 1281), ("55.5", 55.5), ("61.42", 61.42),
    ("03", 3), ("1.250,75", 1250.75), ("một", 1), ("mười", 10), ("hai mươi lăm", 25), ("ba trăm", 300),
    ("abc", None), ("", None), ("8.2.2024", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, expected", [
    ("tỷ lệ huy động trẻ mẫu giáo đến lớp từ 98 đến 99,5%", (98, 99.5, "%")),
    ("độ che phủ rừng 15%-20%", (15, 20, "%")),
    ("kiên cố hóa 120,5 km đường giao thông nông thôn", (120.5, None, "km")),
    ("đạt 2,5 bác sĩ trên 10.000 dân", (2.5, None, "bác sĩ/10000 dân")),
    ("tỷ lệ mắc 12/100.000 dân", (12, None, "/100000 dân")),
    ("hoàn thành 45/52 xã", (45, None, "/52 xã")),
    ("tỷ suất sinh thô giảm 0,3%o", (0.3, None, "‰")),
    ("thu nhập bình quân 75 triệu đồng/năm", (75, None, "triệu đồng/năm")),
    ("tăng 1,5 điểm %", (1.5, None, "điểm %")),
])
def test_quantities_with_units(text, expected):
    [q] = find_quantities(text)
    assert (q.value, q.value_max, q.unit) == expected


def test_codes_and_dotted_numbers_are_not_quantities():
    assert find_quantities("mã hàng 8704.51.25 - Ô tô chở bùn") == []


@given(st.text(max_size=60))
def test_parse_never_crashes(text):
    parse_number(text)
    find_quantities(text)


@given(st.one_of(st.integers(min_value=-10**12, max_value=10**12),
                 st.decimals(min_value=-10**9, max_value=10**9, places=3).map(float)))
def test_round_trip_of_what_it_formats(value):
    assert parse_number(format_number(value)) == pytest.approx(value)


@pytest.mark.parametrize("text, expected", [
    # a scale word belongs to the unit (SPEC Rulings)
    ("kim ngạch xuất khẩu đạt 12,8 tỷ USD", (12.8, None, "tỷ USD")),
    ("đón 4,6 triệu lượt người đến tham quan", (4.6, None, "triệu lượt người")),
    ("tổng vốn huy động khoảng 118,4 nghìn tỷ đồng", (118.4, None, "nghìn tỷ đồng")),
    # any counted noun after the numeral is the unit, known or not
    ("tiếp nhận 42 nghìn sáng kiến", (42, None, "nghìn sáng kiến")),
    ("hình thành 06 hợp tác xã kiểu mới", (6, None, "hợp tác xã")),
    ("bàn giao 215 căn hộ cho người thu nhập thấp", (215, None, "căn")),
    ("trồng mới 3.400 cây xanh đô thị", (3400, None, "cây")),
    ("tổ chức 07 giải thi đấu cấp huyện", (7, None, "giải thi")),
    ("sản lượng đạt 5,2 tấn/ha", (5.2, None, "tấn/ha")),
    ("thu nhập bình quân 98 triệu đồng/ người", (98, None, "triệu đồng/người")),
    ("lượng mưa phổ biến 80-120mm", (80, 120, "mm")),
    ("quy mô kinh tế số đạt 25% GRDP", (25, None, "% GRDP")),
    ("khoảng 2.150 tỷ đồng - 2.400 tỷ đồng", (2150, 2400, "tỷ đồng")),
])
def test_the_counted_noun_phrase_is_the_unit(text, expected):
    [q] = find_quantities(text)
    assert (q.value, q.value_max, q.unit) == expected


def test_letters_glued_to_a_number_name_it():
    # "5G" is a name; "200mm" a quantity with its unit
    assert [q.unit for q in find_quantities("phủ sóng 5G và mưa 200mm")] == [None, "mm"]


def test_reading_units_is_linear_in_the_text():
    import time
    line = "Chỉ tiêu 12 đạt 35,5% với 1.200 tỷ đồng, 40 nghìn lượt người và 3 trạm.\n"
    small, large = line * 200, line * 4000
    t0 = time.perf_counter(); find_quantities(small); t1 = time.perf_counter()
    find_quantities(large); t2 = time.perf_counter()
    assert (t2 - t1) / 20 < 4 * (t1 - t0) + 0.01  # 20 times the text, not much more than 20 times the time
