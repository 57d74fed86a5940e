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
