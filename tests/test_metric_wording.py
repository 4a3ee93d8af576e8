"""Wording seen on real news (wave 15 of eval/real) that settles a metric's period,
indicator or status, or an article's year: sentence -> rows, with the negatives that
keep each rule from reaching further than its words."""
from __future__ import annotations

import pytest

from pipeline.core import process_record
from pipeline.extract.told_year import ToldYear, told_year
from pipeline.records import RawRecord


def _rows(text: str) -> list[tuple]:
    result = process_record(RawRecord(doc_id="t", source="t", text=text))
    return [(m.value, m.indicator, m.status, m.period) for m in result.metrics]


@pytest.mark.parametrize("text,periods", [
    # a birth year describes a person, never the time of the figures after it
    ("Đoàn viên Ngô Văn Dũng, sinh năm 1983 có hoàn cảnh gia đình khó khăn. Trước hoàn cảnh đó, LĐLĐ tỉnh hỗ trợ "
     "anh 30 triệu đồng để xây nhà.", [None]),
    ("Năm 1983, LĐLĐ tỉnh hỗ trợ anh 30 triệu đồng để xây nhà.", ["1983"]),
    # a document's number before its symbol is no year ("1908/QĐ-TLĐ"); a year is
    ("Theo Quyết định 1908/QĐ-TLĐ thì công đoàn cơ sở được sử dụng 70% số thu đoàn phí công đoàn.", [None]),
    ("Theo quy định năm 2016 thì công đoàn cơ sở được sử dụng 70% số thu đoàn phí công đoàn.", ["2016"]),
    # an undated article of a campaign month is of that month's year; two such years tell nothing
    ("Ngày 8.5, LĐLĐ tỉnh Đồng Nai tặng quà gần 70 đoàn viên có hoàn cảnh khó khăn.\nĐây là hoạt động hưởng ứng "
     "Tháng Công nhân năm 2025.", ["2025"]),
    ("Ngày 8.5, LĐLĐ tỉnh Đồng Nai tặng quà gần 70 đoàn viên có hoàn cảnh khó khăn.\nTiếp nối Tháng Công nhân năm "
     "2024, hưởng ứng Tháng Công nhân năm 2025.", [None]),
    # a goal's year in the headline frames its goal, not the results the body reports (wave 25)
    ("Đến năm 2018, công đoàn cả nước phát triển vững mạnh\n\nSau 1 năm thực hiện, cả nước đã kết nạp mới 655.300 "
     "đoàn viên.", [None]),
    ("Năm 2018, công đoàn cả nước phát triển vững mạnh\n\nCả nước đã kết nạp mới 655.300 đoàn viên.", ["2018"]),
    # "Đơn cử, ..." gives an example of the paragraph before: it carries that paragraph's span (wave 25)
    ("LĐLĐ tỉnh Quảng Trị đánh giá chương trình phối hợp\n\nTrong giai đoạn 2015-2016, liên ngành đã phối hợp trong "
     "công tác tuyên truyền pháp luật lao động.\n\nĐơn cử, liên ngành đã phối hợp tổ chức được 49 lớp tuyên truyền.", ["2015/2016"]),
    # ... a paragraph of its own does not
    ("LĐLĐ tỉnh Quảng Trị đánh giá chương trình phối hợp\n\nTrong giai đoạn 2015-2016, liên ngành đã phối hợp trong "
     "công tác tuyên truyền pháp luật lao động.\n\nLiên ngành đã phối hợp tổ chức được 49 lớp tuyên truyền.", [None]),
    # the base a change is measured from is no time the change covers (wave 26)
    ("Trong năm 2016, số lượng đoàn viên tăng thực tế so với năm 2015 là 5.049 người.", ["2016"]),
    ("Năm 2016, có 720 DN tổ chức hội nghị NLĐ, tăng 423 DN so với năm 2015.", ["2016", "2016"]),
    # ... a base named without a change gives its own figure ("So với cùng kỳ năm 2017 là 314 vụ")
    ("So với cùng kỳ năm 2017 là 314 vụ ngừng việc tập thể.", ["2017"]),
])
def test_periods(text, periods):
    assert [row[3] for row in _rows(text)] == periods


@pytest.mark.parametrize("text,expected", [
    ("Đây là hoạt động hưởng ứng Tháng Công nhân và Tháng hành động về An toàn, vệ sinh lao động năm 2025.",
     ToldYear(2025, "campaign")),
    # "vệ sinh lao động" alone names no campaign (the comma is inside one campaign's name)
    ("Công ty kiểm tra vệ sinh lao động năm 2025.", None),
])
def test_a_campaign_month_tells_the_articles_year(text, expected):
    assert told_year(text) == expected


@pytest.mark.parametrize("text,expected", [
    # units founded: new, though "có" opens the clause
    ("Từ đầu năm đến nay, toàn tỉnh có 13 CĐCS mới được thành lập với 340 đoàn viên.",
     [(13.0, "unions_new"), (340.0, "members_new")]),
    # "ĐV" is "đoàn viên": the counted noun decides between the codes of one event
    ("Năm 2023, các cấp công đoàn đã phát triển mới 9.382 ĐV, thành lập mới 45 CĐCS.",
     [(9382.0, "members_new"), (45.0, "unions_new")]),
    # units that take part in a collection gave: donations
    ("Năm 2021, hưởng ứng lời kêu gọi của Tỉnh ủy, có 37 công đoàn cơ sở tham gia đóng góp hơn 1 tỷ đồng gửi về "
     "Ủy ban MTTQ tỉnh.", [(37.0, "donations"), (1e9, "donations")]),
    # scholarships a union gives are welfare, though an award ceremony hands them out
    ("Năm 2022, 24 Công đoàn cơ sở đã tổ chức khen thưởng và trao 930 suất học bổng cho con đoàn viên.",
     [(24.0, "emulation"), (930.0, "welfare")]),
    # "cho vay ... từ Quỹ" lends from a fund: the fund is the money's source, not its recipient
    ("Năm 2020, triển khai 4 dự án cho vay vốn từ Quỹ quốc gia cho 35 đoàn viên với tổng số tiền 350 triệu đồng.",
     [(4.0, "welfare"), (35.0, "welfare"), (350000000.0, "welfare")]),
    # ... while money given to a fund is a donation
    ("Năm 2020, Công đoàn trao 20 triệu đồng cho Quỹ vì người nghèo.", [(20000000.0, "donations")]),
    # a bare classifier ("người") counts the noun its clause names after "tổng số"
    ("Tổng số NLĐ toàn ngành là 14.370 người.", [(14370.0, "other")]),
    ("Tổng số đảng viên toàn ngành là 7.194 người, chiếm 50,06%.", [(7194.0, "other"), (50.06, "other")]),
    ("Tổng số đoàn viên toàn ngành là 12.000 người.", [(12000.0, "members_total")]),
])
def test_indicators(text, expected):
    assert [(value, indicator) for value, indicator, _, _ in _rows(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # the members and units delegates stand for: the size of the body represented
    ("Đại diện lãnh đạo các cơ quan, đơn vị và 200 đại biểu đại diện cho gần 5.000 đoàn viên thuộc 60 công đoàn cơ "
     "sở tham dự.",
     [(200.0, "participants", "achieved"), (5000.0, "members_total", "context"), (60.0, "unions_total", "context")]),
    # "Đào tạo" in the name of a sector is no training event
    ("Gần 100 đại biểu đại diện cho 2.015 đoàn viên, lao động toàn ngành Giáo dục và Đào tạo huyện đã về dự.",
     [(100.0, "participants", "achieved"), (2015.0, "members_total", "context")]),
    # ... at the congress: the size is of the congress's year, not of the term it opens
    ("Đại hội Công đoàn Viên chức tỉnh lần thứ V, nhiệm kỳ 2019-2024. Tham dự đại hội có 197 đại biểu đại diện cho "
     "4.892 đoàn viên của 84 CĐ cơ sở trực thuộc.",
     [(197.0, "participants", "achieved"), (4892.0, "members_total", "context"), (84.0, "unions_total", "context")]),
    # a bare "đại diện" is a noun: the unions whose representatives came took part
    ("Các đồng chí đại diện lãnh đạo và vận động viên 13 Công đoàn cơ sở trên địa bàn tham dự.",
     [(13.0, "participants", "achieved")]),
])
def test_the_body_delegates_represent(text, expected):
    assert [(value, indicator, status) for value, indicator, status, _ in _rows(text)] == expected


def test_the_size_delegates_stand_for_is_of_the_congress_year():
    rows = _rows("Đại hội Công đoàn Viên chức tỉnh lần thứ V, nhiệm kỳ 2019-2024. Tham dự đại hội có 197 đại biểu "
                 "đại diện cho 4.892 đoàn viên của 84 CĐ cơ sở trực thuộc.")
    assert [period for _, _, _, period in rows] == ["2019", "2019", "2019"]


@pytest.mark.parametrize("text", [
    # the trains and tickets a union gives workers going home for Tết are welfare
    "Gần 1.500 công nhân lao động khó khăn ở Bình Dương bắt đầu lên Chuyến tàu Xuân nghĩa tình về quê đón Tết.",
    "Năm 2024, Công đoàn tặng 1.500 vé tàu cho công nhân về quê.",
])
def test_tet_trains_are_welfare(text):
    assert [indicator for _, indicator, _, _ in _rows(text)] == ["welfare"]


@pytest.mark.parametrize("text,expected", [
    # a list a colon opens: figures with no counted noun of their own count the lead's noun
    ("Năm 2022, một số đơn vị có số lượng sáng kiến cao so với chỉ tiêu giao, điển hình như: Tuyển than Cửa Ông: "
     "196/105 = 187%; Than Nam Mẫu: 198/132 = 150%.",
     ["initiatives"] * 6),
    # ... only a noun that fixes its code: gifts after a colon stay welfare
    ("Kết quả năm 2022: Công ty Than Nam Mẫu trao 50 suất quà cho công nhân.", ["welfare"]),
])
def test_a_lists_figures_count_its_leads_noun(text, expected):
    assert [indicator for _, indicator, _, _ in _rows(text)] == expected


def test_a_lead_reviewing_the_year_just_past_dates_the_report():
    # "năm qua" early in a year names the year before; said after "UBKT ... cho biết," it frames
    # the report (no committee's term): the later paragraphs' figures are of that year too
    rows = _rows("Trên 5000 cuộc kiểm tra tài chính công đoàn\n\n09/02/2017 09:30\n\n"
                 "UBKT LĐLĐ Thành phố cho biết, năm qua, UBKT các cấp công đoàn thành phố đã tiến hành kiểm tra "
                 "5194 cuộc.\n\nTrong đó, UBKT LĐLĐ Thành phố kiểm tra 29 cuộc tại LĐLĐ các quận, huyện.")
    assert [(value, period) for value, _, _, period in rows] == [(5000.0, "2016"), (5194.0, "2016"), (29.0, "2016")]


@pytest.mark.parametrize("text,kinds", [
    ("Trong năm qua, LĐLĐ tỉnh đã trao 1.650 suất quà.", ["past_year"]),
    # "những/các/nhiều năm qua" are years, no one of them
    ("Trong những năm qua, LĐLĐ tỉnh đã trao 1.650 suất quà.", []),
    ("Nhiều năm qua, LĐLĐ tỉnh đã trao 1.650 suất quà.", []),
])
def test_the_year_just_past_is_one_year(text, kinds):
    from pipeline.extract.metric_periods import find_periods
    assert [p.kind for p in find_periods(text, 2017, 2017)] == kinds


def test_a_first_line_dating_its_meeting_gives_the_year_it_reviews():
    # the day the meeting was held is not the time of the figures; the year it reviews is
    rows = _rows("Chiều ngày 08/01/2019 LĐLĐ thành phố Quy Nhơn tổ chức Hội nghị tổng kết công tác công đoàn năm "
                 "2018, triển khai nhiệm vụ trọng tâm năm 2019.\nCác cấp công đoàn đã trao tặng trên 280 suất quà cho "
                 "đoàn viên.")
    assert [(value, period) for value, _, _, period in rows] == [(280.0, "2018")]


@pytest.mark.parametrize("text,expected", [
    # after a scale word "đồng" is money, though "đồng phục" (uniforms) could follow
    ("Các cấp công đoàn chi hơn 6,6 tỷ đồng phục vụ công tác hỗ trợ đoàn viên.", [(6600000000.0, "vnd")]),
    ("Năm 2021, Công đoàn tặng 500 đồng phục cho công nhân.", [(500.0, "count")]),
    # a month written "7.2018" after "đến" is a month, no count
    ("Từ tháng 11.2016 đến 7.2018 công ty không đóng BHXH cho 500 người.", [(500.0, "count")]),
])
def test_money_and_months_by_their_shape(text, expected):
    result = process_record(RawRecord(doc_id="t", source="t", text=text))
    assert [(m.value, m.unit) for m in result.metrics] == expected


def test_a_count_of_years_is_no_year():
    from pipeline.extract.metric_periods import find_periods
    text = "Họp mặt kỷ niệm 1982 năm cuộc khởi nghĩa Hai Bà Trưng; tổ chức Hội thi năm 2022."
    assert [p.label for p in find_periods(text, 2022, 2022)] == ["2022"]


@pytest.mark.parametrize("text,expected", [
    # an undated monthly report: the month its lead reports on gives the present its year
    ("Hưởng ứng Tháng công nhân, các cấp Công đoàn đẩy mạnh phát triển đoàn viên.\nTrong tháng 5/2019, toàn tỉnh "
     "đã thành lập mới 6 CĐCS, nâng tổng số đến nay toàn tỉnh có 1.021 CĐCS.",
     [(6.0, "2019-05"), (1021.0, "2019")]),
    # ... a month told later, of a past event, does not
    ("Hưởng ứng Tháng công nhân, các cấp Công đoàn đẩy mạnh phát triển đoàn viên.\nĐến nay toàn tỉnh có 1.021 CĐCS.\n"
     "Trước đó, vào tháng 7.2018, công ty đã ngừng hoạt động.",
     [(1021.0, None)]),
])
def test_the_month_a_lead_reports_on_dates_an_undated_report(text, expected):
    assert [(value, period) for value, _, _, period in _rows(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # a sentence opening with "Trong đó," right after a union's size breaks the size down (wave 24)
    ("Công đoàn cơ sở công ty được thành lập nâng tổng số đoàn viên của huyện Phú Hòa lên hơn 2.100 đoàn viên với 76 "
     "tổ chức CĐCS. Trong đó, khu vực ngoài Nhà nước 387 đoàn viên và 18 tổ chức CĐCS.",
     [(2100.0, "members_total", "context"), (76.0, "unions_total", "context"),
      (387.0, "members_total", "context"), (18.0, "unions_total", "context")]),
])
def test_a_breakdown_of_a_size_is_part_of_it(text, expected):
    assert [row[:3] for row in _rows(text)] == expected


@pytest.mark.parametrize("text,statuses", [
    # not after a result (the part of new members is new members) ...
    ("Năm 2024, LĐLĐ huyện kết nạp mới 2.100 đoàn viên. Trong đó, khu vực ngoài Nhà nước 387 đoàn viên.",
     ["achieved", "achieved"]),
    # ... nor where an event stands before the part
    ("Huyện hiện có 2.100 đoàn viên. Trong đó, năm 2024 kết nạp mới 387 đoàn viên.", ["context", "achieved"]),
])
def test_a_breakdown_only_of_a_size(text, statuses):
    assert [row[2] for row in _rows(text)] == statuses


@pytest.mark.parametrize("text,expected", [
    # a share ("chiếm", "đạt tỷ lệ") is the share of the figure before it: its code and status
    # (waves 36 and 42), whatever the words after the share
    ("Hiện toàn tỉnh có 85.039 đoàn viên, chiếm tỷ lệ 88,9% số lao động được ký hợp đồng.",
     [(85039.0, "members_total", "context"), (88.9, "members_total", "context")]),
    ("Đại hội có 250 đại biểu chính thức, trong đó đại biểu nữ chiếm 52%, đại biểu là đảng viên chiếm 80%.",
     [(250.0, "participants", "context"), (52.0, "participants", "context"), (80.0, "participants", "context")]),
    # a share of a result is a result
    ("Năm 2024, LĐLĐ tỉnh kết nạp 3.500 đoàn viên mới, chiếm tỷ lệ 12% số công nhân lao động.",
     [(3500.0, "members_new", "achieved"), (12.0, "members_new", "achieved")]),
])
def test_a_share_is_of_the_figure_before_it(text, expected):
    assert [row[:3] for row in _rows(text)] == expected


@pytest.mark.parametrize("text,whole,parts", [
    # the parts of a result counted by the same words are part of it (waves 37 and 42): "em học
    # sinh tiểu học" of "em học sinh", "phòng" of "phòng vắt trữ sữa mẹ"; "Trong đó có" opens them
    # too. (The whole's code is the classifiers'; the parts take it, and its status.)
    ("Công đoàn ngành Y tế tổ chức lễ trao học bổng cho 44 em học sinh là con của công đoàn viên. "
     "Trong đó, có 34 em học sinh tiểu học; 4 em học sinh THCS.", 44.0, [34.0, 4.0]),
    ("Từ sự quan tâm của Công đoàn, đã có 20 doanh nghiệp lắp đặt được 34 phòng vắt trữ sữa mẹ.\n\n"
     "Trong đó có Tổng Công ty May Việt Tiến lắp đặt 6 phòng, Công ty Dệt kim Đông Xuân lắp đặt 2 phòng.",
     34.0, [6.0, 2.0]),
])
def test_the_parts_of_a_result_are_results(text, whole, parts):
    rows = {row[0]: row[1:3] for row in _rows(text)}
    assert rows[whole][1] == "achieved"
    assert [rows[p] for p in parts] == [rows[whole]] * len(parts)


@pytest.mark.parametrize("text,part", [
    # negatives: a part with an event of its own after it keeps its own code ("do ... đóng góp") ...
    ("Công trình được thực hiện với tổng số tiền là 85 triệu đồng. Trong đó, 65 triệu đồng do công nhân "
     "viên chức lao động đóng góp.", (65000000.0, "donations")),
    # ... and a part counted by other words is no part of the result
    ("Năm 2024, LĐLĐ tỉnh trao 500 suất quà Tết. Trong đó có 120 doanh nghiệp tham gia chương trình.",
     (120.0, "other")),
])
def test_a_part_of_a_result_only_by_its_words(text, part):
    assert part in [row[:2] for row in _rows(text)]


@pytest.mark.parametrize("text,expected", [
    # a committee's seats are its organisation, whoever holds them (wave 25)
    ("Ban Chấp hành Tổng Liên đoàn khóa XIII, nhiệm kỳ 2023-2028 có cơ cấu như sau. Công đoàn cấp trên trực tiếp "
     "cơ sở là 21 ủy viên. Bên cạnh đó, cán bộ khoa học, chuyên gia là 4 ủy viên.",
     [(21.0, "organisation", "context"), (4.0, "organisation", "context")]),
    # ... not those the seats' holders stand for
    ("Đại hội bầu 15 ủy viên Ban Chấp hành, đại diện cho 7.000 đoàn viên.",
     [(15.0, "organisation", "context"), (7000.0, "members_total", "context")]),
])
def test_a_committee_seat_is_organisation(text, expected):
    assert [row[:3] for row in _rows(text)] == expected



@pytest.mark.parametrize("text,expected", [
    # a stock of the union's own units is their total, whatever else the sentence holds (wave 25)
    ("Đến nay hệ thống tổ chức Công đoàn Hà Tĩnh đã phát triển đến tận xã, phường, thị trấn và các cơ quan, đơn vị, "
     "doanh nghiệp, với hơn 1500 Công đoàn cơ sở và gần 71.000 đoàn viên.",
     [(1500.0, "unions_total", "context"), (71000.0, "members_total", "context")]),
    # ... not the parts of a transfer ("bàn giao 29 công đoàn cơ sở (... 23 CĐCS trường học)")
    ("Hội nghị đã tiến hành bàn giao 29 công đoàn cơ sở trực thuộc LĐLĐ huyện (5 CĐCS cơ quan xã, thị trấn; "
     "1 CĐCS hành chính sự nghiệp; 23 CĐCS trường học).",
     [(29.0, "other", "achieved"), (5.0, "other", "achieved"), (1.0, "other", "achieved"), (23.0, "other", "achieved")]),
])
def test_a_stock_of_union_units_is_their_total(text, expected):
    assert [row[:3] for row in _rows(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # a figure with no noun of its own right after "Tổng số X" counts X (wave 26) ...
    ("Tổng số đoàn viên 5.412.", [(5412.0, "members_total", "context")]),
    # ... as a bare classifier after "là" does ("Tổng số đảng viên toàn ngành là 7.194 người")
    ("Tổng số công đoàn cơ sở trong ngành là 37.", [(37.0, "unions_total", "context")]),
])
def test_a_figure_without_its_noun_counts_the_total_named_before_it(text, expected):
    assert [row[:3] for row in _rows(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # (the status is the classifiers')
    # a fall in the members counted changes their total: no recruitment (wave 16's tune article b02)
    ("Tiêu biểu như: Công đoàn ngành Giao thông vận tải giảm 1.446 đoàn viên, Công đoàn ngành Xây dựng giảm 816 đoàn viên.",
     [(1446.0, "members_total"), (816.0, "members_total")]),
    ("Toàn tỉnh phát triển mới 20.631 đoàn viên, giảm 12.898 đoàn viên.",
     [(20631.0, "members_new"), (12898.0, "members_total")]),
    # ... and in the units counted, their total
    ("Năm qua, số công đoàn cơ sở giảm 12 CĐCS do doanh nghiệp giải thể.", [(12.0, "unions_total")]),
])
def test_a_fall_in_members_or_units_is_a_change_of_their_total(text, expected):
    assert [row[:2] for row in _rows(text)] == expected


def test_a_fall_in_anything_else_is_no_change_of_a_total():
    # (its code is then the classifiers')
    rows = _rows("Số vụ tai nạn lao động giảm 12 vụ so với năm trước.")
    assert [row[0] for row in rows] == [12.0]
    assert rows[0][1] not in ("members_total", "unions_total")


@pytest.mark.parametrize("text,expected", [
    # standing in the Party's ranks is admission to it, however written (test split c06, l10)
    ("Qua đó, đã có 5.551 đoàn viên đủ điều kiện được kết nạp vào hàng ngũ của Đảng.",
     [(5551.0, "party_admission", "achieved")]),
    ("Trong năm đã có 140 đoàn viên ưu tú được đứng trong hàng ngũ của Đảng.", [(140.0, "party_admission", "achieved")]),
    # those referred to it are referred
    ("Các cấp công đoàn đã giới thiệu 130 đoàn viên ưu tú cho Đảng xem xét kết nạp.",
     [(130.0, "party_referral", "achieved")]),
])
def test_the_partys_ranks_are_admission(text, expected):
    assert [row[:3] for row in _rows(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # units and members handed over: the transfer is done (test split e12) ...
    ("Đồng thời chuyển giao 57 công đoàn cơ sở và 3.499 đoàn viên trực thuộc Công đoàn ngành Giáo dục tỉnh quản lý "
     "về LĐLĐ huyện.", [(57.0, "other", "achieved"), (3499.0, "other", "achieved")]),
    # ... but members something is handed to are its recipients, no transfer (wave 39)
    ("Liên đoàn Lao động huyện Ia Pa tổ chức bàn giao nhà “Mái ấm công đoàn” cho 2 đoàn viên Kpă H’ Chrom và Kpă H’ Nuah.",
     [(2.0, "welfare", "achieved")]),
])
def test_a_transfer_is_done_and_has_no_recipients(text, expected):
    assert [row[:3] for row in _rows(text)] == expected
