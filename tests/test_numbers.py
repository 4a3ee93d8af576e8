"""Vietnamese number notation: digit strings, scale words, units, hedges, ranges, fractions."""
from __future__ import annotations

import pytest

from pipeline.extract.numbers import find_quantities, parse_number

PARSE = [
    ("1.600", 1600.0),
    ("110,7", 110.7),
    ("1.234.567", 1234567.0),
    ("1.234,5", 1234.5),
    ("05", 5.0),
    ("02", 2.0),
    ("322", 322.0),
    ("4,4", 4.4),
    ("0,5", 0.5),
    ("2178", 2178.0),
    ("4,209,288", 4209288.0),   # English grouping on web counters
    ("11,353", 11353.0),
    ("1,234.5", 1234.5),
    ("4.0", 4.0),               # "công nghiệp 4.0": not grouped, a decimal
    ("0206.3852.515", None),    # a phone number is not a number
    ("1.23.4", None),
    ("12a", None),
]


@pytest.mark.parametrize("text, value", PARSE)
def test_parse_number(text, value):
    assert parse_number(text) == value


def read(text: str) -> list[tuple]:
    out = []
    for q in find_quantities(text):
        assert q.start <= q.num_start < q.num_end <= q.end
        assert text[q.num_start:q.num_end] == q.digits
        out.append((q.value, q.unit, q.qualifier, q.link, text[q.start:q.end]))
    return out


QUANTITIES = [
    ("trên 1.600 đoàn viên", [(1600, "count", "trên", None, "1.600")]),
    ("đạt 110,7% chỉ tiêu", [(110.7, "percent", None, None, "110,7%")]),
    ("đạt 85 phần trăm", [(85, "percent", None, None, "85 phần trăm")]),
    ("gần 3 nghìn lượt cán bộ", [(3000, "count", "gần", None, "3 nghìn")]),
    ("hơn 4,4 tỷ đồng", [(4.4e9, "vnd", "hơn", None, "4,4 tỷ đồng")]),
    ("số tiền 485 triệu đồng", [(485e6, "vnd", None, None, "485 triệu đồng")]),
    # before a scale word a comma and three digits are the decimal comma; without one, a thousands group
    ("với số tiền 2,607 tỷ đồng", [(2.607e9, "vnd", None, None, "2,607 tỷ đồng")]),
    ("có 5,854 đoàn viên", [(5854, "count", None, None, "5,854")]),
    ("(trị giá hơn 360 triệu)", [(360e6, "vnd", "hơn", None, "360 triệu")]),
    ("mỗi suất 300 ngàn cho giáo viên", [(300e3, "vnd", None, None, "300 ngàn")]),
    # union dues and arrears recovered are money (wave 66)
    ("kinh phí công đoàn: 20,545 tỷ, đoàn phí công đoàn 1,99 tỷ;", [(20.545e9, "vnd", None, None, "20,545 tỷ"),
                                                                   (1.99e9, "vnd", None, None, "1,99 tỷ")]),
    ("qua kiểm tra đã đề nghị truy thu được 19,92 tỷ", [(19.92e9, "vnd", None, None, "19,92 tỷ")]),
    ("với hơn 3,5 ngàn đoàn viên mới", [(3500, "count", "hơn", None, "3,5 ngàn")]),
    ("trên 510 tỉ đồng", [(510e9, "vnd", "trên", None, "510 tỉ đồng")]),
    ("1 tỷ 200 triệu đồng", [(1.2e9, "vnd", None, None, "1 tỷ 200 triệu đồng")]),
    ("500.000đ/suất", [(500000, "vnd", None, None, "500.000đ")]),
    ("500.000 VNĐ", [(500000, "vnd", None, None, "500.000 VNĐ")]),
    ("10kg gạo và 300.000 tiền mặt", [(10, "count", None, None, "10"),
                                      (300000, "vnd", None, None, "300.000 tiền mặt")]),
    ("trong đó 300 ngàn tiền mặt và 100 ngàn tiền quà", [(300000, "vnd", None, None, "300 ngàn tiền mặt"),
                                                        (100000, "vnd", None, None, "100 ngàn tiền")]),
    # a share with its sign left out ("chiếm 77,05)"); a count after "chiếm" keeps its noun
    ("(nữ 11.073, chiếm 77,05).", [(11073, "count", None, None, "11.073"), (77.05, "percent", None, None, "77,05")]),
    ("chiếm 2 ghế; chiếm 150.", [(2, "count", None, None, "2"), (150, "count", None, None, "150")]),
    ("1 triệu sáng kiến", [(1e6, "count", None, None, "1 triệu")]),
    # millions of what money is called are money (wave 43); of other nouns, counts
    ("DN phải trả hơn 314 triệu kinh phí công đoàn", [(314e6, "vnd", "hơn", None, "314 triệu")]),
    ("cấp 2 tỷ ngân sách cho công trình", [(2e9, "vnd", None, None, "2 tỷ")]),
    ("2 triệu đoàn viên công đoàn", [(2e6, "count", None, None, "2 triệu")]),
    # bare millions ending the items of one list are money (wave 44); a lone one may count people
    ("gồm: Bệnh viện Nhiệt đới TP HCM 200 triệu; Bộ Tư lệnh Thủ đô 500 triệu.",
     [(2e8, "vnd", None, None, "200 triệu"), (5e8, "vnd", None, None, "500 triệu")]),
    ("thưởng trung bình 6,25 triệu đồng, cao nhất 22 triệu, thấp nhất 1 triệu.",
     [(6.25e6, "vnd", None, None, "6,25 triệu đồng"), (22e6, "vnd", None, None, "22 triệu"), (1e6, "vnd", None, None, "1 triệu")]),
    ("Số đoàn viên cả nước lên hơn 11 triệu.", [(11e6, "count", "hơn", None, "11 triệu")]),
    # a lone bare amount right after one of money leaves its currency out (wave 3); further on
    # in the sentence it may count people (negative)
    ("mức thưởng trung bình 7,57 triệu đồng, cao nhất 192 triệu.",
     [(7.57e6, "vnd", None, None, "7,57 triệu đồng"), (192e6, "vnd", None, None, "192 triệu")]),
    ("trao quà trị giá 150 triệu đồng cho công nhân, nâng tổng số đoàn viên lên 1,2 triệu.",
     [(150e6, "vnd", None, None, "150 triệu đồng"), (1.2e6, "count", None, None, "1,2 triệu")]),
    # so much per recipient is money (wave 27)
    ("trao 2700 phần quà (500 ngàn/ phần)", [(2700, "count", None, None, "2700"), (5e5, "vnd", None, None, "500 ngàn")]),
    ("500 ngàn lượt người", [(5e5, "count", None, None, "500 ngàn")]),
    # "đồng" misspelt after a scale word is money, unless a word follows it (waves 26, 37, 46, 50)
    ("với kinh phí 119 triệu đồn. Phối hợp", [(119e6, "vnd", None, None, "119 triệu đồn")]),
    ("ủng hộ 4 tỷ động Chương trình", [(4e9, "vnd", None, None, "4 tỷ động")]),
    ("(mỗi sổ trị giá 5 triệu đổng) cho cán bộ", [(5e6, "vnd", None, None, "5 triệu đổng")]),
    ("có 2 triệu động vật", [(2e6, "count", None, None, "2 triệu")]),
    ("cả nước có 10 triệu đoàn viên, 1 triệu sáng kiến.", [(1e7, "count", None, None, "10 triệu"), (1e6, "count", None, None, "1 triệu")]),
    ("3 đồng chí được khen", [(3, "count", None, None, "3")]),
    # the dong sign, glued or spaced (wave 68), and money paid "bằng tiền mặt" (in cash); the
    # delta ("đồng bằng") is no money
    ("- Học sinh giỏi cấp Thành phố: 200.000₫", [(2e5, "vnd", None, None, "200.000₫")]),
    ("mức thưởng 150.000 ₫ mỗi cháu", [(1.5e5, "vnd", None, None, "150.000 ₫")]),
    ("một suất quà trị giá 300.000 đồng bằng tiền mặt.", [(3e5, "vnd", None, None, "300.000 đồng")]),
    ("giúp 13 đồng bằng sông nước", [(13, "count", None, None, "13")]),
    ("ít nhất 300 đoàn viên", [(300, "count", "ít nhất", None, "300")]),
    ("tối thiểu 01 lớp", [(1, "count", "ít nhất", None, "01")]),
    ("khoảng 8.700 phần quà", [(8700, "count", "khoảng", None, "8.700")]),
    # "trở lên" right after the number (or more): at least; what is counted follows it
    ("95% trở lên số CĐCS", [(95, "percent", "ít nhất", None, "95% trở lên")]),
    ("trên 90% trở lên", [(90, "percent", "trên", None, "90% trở lên")]),
    ("20 lao động trở lên", [(20, "count", None, None, "20")]),
    ("giải quyết 02 đơn", [(2, "count", None, None, "02")]),
    ("thành lập 05 CĐCS", [(5, "count", None, None, "05")]),
    # fractions and ranges: two quantities each
    ("với 2178/1550 đạt", [(2178, "count", None, "fraction_num", "2178"),
                           (1550, "count", None, "fraction_den", "1550")]),
    ("có 166 đoàn viên/199 người lao động", [(166, "count", None, None, "166"),
                                              (199, "count", None, None, "199")]),
    ("từ 300 đến 500 nghìn đồng", [(300e3, "vnd", None, "range_low", "300"),
                                   (500e3, "vnd", None, "range_high", "500 nghìn đồng")]),
    ("từ 10-20 Công đoàn cơ sở", [(10, "count", None, "range_low", "10"),
                                  (20, "count", None, "range_high", "20")]),
    ("3-4 triệu đồng", [(3e6, "vnd", None, "range_low", "3"),
                        (4e6, "vnd", None, "range_high", "4 triệu đồng")]),
    ("từ 18.000 lên 60.000 đồng", [(18000, "vnd", None, "range_low", "18.000"),
                                   (60000, "vnd", None, "range_high", "60.000 đồng")]),
    # a bare number rising to a scaled one is the range's low end, "từ" or not
    ("thu nhập bình quân đạt 7,4 đến 7,7 triệu đồng/tháng", [(7.4e6, "vnd", None, "range_low", "7,4"),
                                                          (7.7e6, "vnd", None, "range_high", "7,7 triệu đồng")]),
    # a larger scale word right after another multiplies it: a thousand billion
    ("doanh thu đạt từ 95 nghìn tỉ đến 96 nghìn tỉ đồng", [(95e12, "vnd", None, "range_low", "95 nghìn tỉ"),
                                                         (96e12, "vnd", None, "range_high", "96 nghìn tỉ đồng")]),
    ("lợi nhuận đạt 2,5 nghìn tỉ đồng", [(2.5e12, "vnd", None, None, "2,5 nghìn tỉ đồng")]),
    # ... a smaller one after a scaled number adds to it, as before
    ("1 tỷ 200 triệu đồng", [(1.2e9, "vnd", None, None, "1 tỷ 200 triệu đồng")]),
    # "vạn", ten thousand, in the congress reports of the north (wave 56)
    ("đại diện cho trên 4,9 vạn đoàn viên", [(49000.0, "count", "trên", None, "4,9 vạn")]),
    ("Hơn 1 vạn người lao động đua tài", [(10000.0, "count", "hơn", None, "1 vạn")]),
    # ... but not the word in a place's name
    ("tại huyện Vạn Ninh có 35 đoàn viên", [(35.0, "count", None, None, "35")]),
]


@pytest.mark.parametrize("text, expected", QUANTITIES)
def test_find_quantities(text, expected):
    assert read(text) == expected


def test_offsets_are_shifted():
    (q,) = find_quantities("đạt 110,7% chỉ tiêu", offset=100)
    assert (q.start, q.end, q.num_start, q.num_end) == (104, 110, 104, 109)


@pytest.mark.parametrize("text,value", [
    # a decimal before a scale word is exact, not its float product ("4,1 tỷ" is not 4 099 999 999.9999995)
    ("hỗ trợ 4,1 tỷ đồng", 4_100_000_000),
    ("chi 6,6 tỷ đồng", 6_600_000_000),
    ("trao 2,3 triệu đồng", 2_300_000),
    ("tổng kinh phí 0,7 tỷ đồng", 700_000_000),
])
def test_a_scaled_decimal_is_exact(text, value):
    from pipeline.extract.numbers import find_quantities
    [q] = find_quantities(text)
    assert q.value == value


@pytest.mark.parametrize("text, share", [
    # a share word, at most one hedge, then the number (waves 36 and 42)
    ("lao động nữ là 176.386 người, chiếm 62,46%", True),
    ("Tổng số có 85.039 CĐ viên, chiếm tỷ lệ 88,9% tổng số CNVCLĐ", True),
    ("nâng tổng số đoàn viên lên trên 600.000 người, đạt tỷ lệ trên 90%", True),
    ("đoàn viên nữ chiếm trên 50%", True),
    # not a share: a result over its target, a bare "đạt", a share word far before the number
    ("kết nạp 2.100 đoàn viên, đạt 105% chỉ tiêu", False),
    ("có 95% công đoàn cơ sở đạt vững mạnh", False),
    ("chiếm tỷ lệ cao trong tổng số, có 30% lao động nữ", False),
])
def test_a_share_is_introduced_by_its_word(text, share):
    from pipeline.extract.numbers import is_share
    pos = text.rfind("%")
    while pos > 0 and (text[pos - 1].isdigit() or text[pos - 1] == ","):
        pos -= 1
    assert is_share(text, pos) is share
