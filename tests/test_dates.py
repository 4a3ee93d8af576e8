"""Date expressions: what each sentence yields, and what it must not."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.core import build_document
from pipeline.extract.dates import extract_dates
from pipeline.records import RawRecord

D = dt.date.fromisoformat


def rows(text: str, published: dt.date | None = None) -> list[tuple]:
    doc = build_document(RawRecord(doc_id="t", source="t", text=text))
    mentions = extract_dates(doc, published)
    for m in mentions:
        assert m.text == doc.body[m.start:m.end]
    return [(m.kind, m.date, m.period_start, m.period_end, m.text) for m in mentions]


def day(iso: str, text: str) -> tuple:
    return ("day", D(iso), D(iso), D(iso), text)


EXPLICIT = [
    ("Ngày 12/6/2021, Bộ Chính trị ban hành Nghị quyết.", [day("2021-06-12", "12/6/2021")]),
    ("Nghị quyết số 02-NQ/TW ngày 12-6-2021 của Bộ Chính trị", [day("2021-06-12", "12-6-2021")]),
    ("theo Kế hoạch số 56/KH-TLĐ ngày 21.12.2016 nhằm", [day("2016-12-21", "21.12.2016")]),
    ("được ký ngày 12 tháng 6 năm 2021 tại Hà Nội", [day("2021-06-12", "ngày 12 tháng 6 năm 2021")]),
    # a month by name, capitalised as calendars write it, between a day and a year
    ("Ngày 30 tháng Tư năm 1975, đất nước thống nhất.", [day("1975-04-30", "30 tháng Tư năm 1975")]),
    ("Tin tức sự kiện 19 Tháng Tư 2021 8:30:00 SA", [day("2021-04-19", "19 Tháng Tư 2021")]),
    ("Cập nhật 3 Tháng Mười Một 2020", [day("2020-11-03", "3 Tháng Mười Một 2020")]),
    # lower case, "tháng năm" is "months of the year": five months of 2020, no 5 May
    ("Trong 5 tháng năm 2020, công đoàn kết nạp 50 đoàn viên.",
     [("year", None, D("2020-01-01"), D("2020-12-31"), "năm 2020")]),
    ("Thứ hai, 12 Tháng 10 2015 15:52", [day("2015-10-12", "12 Tháng 10 2015")]),
    ("Cập nhật: Thứ tư, 26/2/2025 | 1:59:19 PM", [day("2025-02-26", "26/2/2025")]),
    ("13:41 31-01-19", [day("2019-01-31", "31-01-19")]),
    # slashes a content system spaced out (waves 21, 36, 53)
    ("Thứ 6, Ngày 10 / 02 / 2023", [day("2023-02-10", "10 / 02 / 2023")]),
    ("Kế hoạch số 37/KH-CĐN ngày 17/ 4 /2017 của Công đoàn ngành", [day("2017-04-17", "17/ 4 /2017")]),
    ("Kỷ niệm 90 năm Ngày thành lập Công đoàn Việt Nam (28.7.1929 – 28.7.2019) được tổ chức.", [
        day("1929-07-28", "28.7.1929"),
        ("range", None, D("1929-07-28"), D("2019-07-28"), "28.7.1929 – 28.7.2019"),
        day("2019-07-28", "28.7.2019"),
    ]),
    # anniversary spans written without spaces give both days, never a bare year
    ("Kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929-28/7/2024).", [
        day("1929-07-28", "28/7/1929"),
        ("range", None, D("1929-07-28"), D("2024-07-28"), "28/7/1929-28/7/2024"),
        day("2024-07-28", "28/7/2024"),
    ]),
    # ... and two days written with dashes, joined by a slash (wave 64; train: 1 article)
    ("Kỷ niệm 90 năm ngày thành lập Công đoàn Việt Nam (28-7-1929/28-7-2019), Công đoàn ngành tổ chức hội thi.", [
        day("1929-07-28", "28-7-1929"),
        ("range", None, D("1929-07-28"), D("2019-07-28"), "28-7-1929/28-7-2019"),
        day("2019-07-28", "28-7-2019"),
    ]),
    ("Kỷ niệm 132 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890-2022), trao quà.", [
        day("1890-05-19", "19/5/1890"),
        ("range", None, D("1890-05-19"), D("2022-05-19"), "19/5/1890-2022"),
        day("2022-05-19", "2022"),
    ]),
    # the first day of a range takes the month and year of the second
    ("Đại hội diễn ra từ ngày 20 đến ngày 22/5/1993 tại Hà Nội.", [
        day("1993-05-20", "20"),
        ("range", None, D("1993-05-20"), D("1993-05-22"), "20 đến ngày 22/5/1993"),
        day("1993-05-22", "22/5/1993"),
    ]),
    # "Thứ 7" is a weekday, not day 7
    ("Thứ 7, 20/04/2024 03:55", [day("2024-04-20", "20/04/2024")]),
    ("Ngày thành lập Đảng Cộng sản Việt Nam 3/2 (1930-2025) là dịp", [
        day("1930-02-03", "3/2 (1930-2025)"),
        day("2025-02-03", "3/2 (1930-2025)"),
        ("range", None, D("1930-01-01"), D("2025-12-31"), "1930-2025"),
    ]),
    ("trong 3 ngày từ 7 đến 9-11-2020, đoàn công tác đã đến thăm", [
        day("2020-11-07", "7"),
        ("range", None, D("2020-11-07"), D("2020-11-09"), "7 đến 9-11-2020"),
        day("2020-11-09", "9-11-2020"),
    ]),
    ("Đại hội diễn ra từ ngày 24 đến ngày 26 tháng 9 năm 2018 tại Hà Nội", [
        ("range", None, D("2018-09-24"), D("2018-09-26"), "từ ngày 24 đến ngày 26 tháng 9 năm 2018"),
        day("2018-09-24", "ngày 24"),
        day("2018-09-26", "ngày 26 tháng 9 năm 2018"),
    ]),
    # ... and a list of two days written in words
    ("trong 2 ngày 11 và 12 tháng 9 năm 2017, tại nhà Văn hóa Liên đoàn Lao động tỉnh", [
        day("2017-09-11", "ngày 11"),
        ("range", None, D("2017-09-11"), D("2017-09-12"), "ngày 11 và 12 tháng 9 năm 2017"),
        day("2017-09-12", "12 tháng 9 năm 2017"),
    ]),
    ("Hội chợ diễn ra 20-24/10/2023 tại Cung Văn hóa", [
        day("2023-10-20", "20"),
        ("range", None, D("2023-10-20"), D("2023-10-24"), "20-24/10/2023"),
        day("2023-10-24", "24/10/2023"),
    ]),
    ("Đại hội sẽ diễn ra vào các ngày 5-6-7/4/2013 tại Hội trường", [
        day("2013-04-05", "5"),
        ("range", None, D("2013-04-05"), D("2013-04-07"), "5-6-7/4/2013"),
        day("2013-04-06", "6"),
        day("2013-04-07", "7/4/2013"),
    ]),
    ("trong 2 ngày từ 7- 8/2/2026, chợ Tết mở cửa", [
        day("2026-02-07", "7"),
        ("range", None, D("2026-02-07"), D("2026-02-08"), "7- 8/2/2026"),
        day("2026-02-08", "8/2/2026"),
    ]),
    ("từ ngày 20/12/2022 đến ngày 5/1/2023 có 30 đoàn", [
        day("2022-12-20", "20/12/2022"),
        ("range", None, D("2022-12-20"), D("2023-01-05"), "20/12/2022 đến ngày 5/1/2023"),
        day("2023-01-05", "5/1/2023"),
    ]),
]

NON_DAYS = [
    # a year-less day recurring every year is no one date (wave 54); the year after it is one
    ("được chọn là ngày 20 tháng 3 hàng năm, bắt đầu từ năm 2013.",
     [("year", None, D("2013-01-01"), D("2013-12-31"), "năm 2013")]),
    ("tổ chức hội nghị tổng kết năm 2022", [("year", None, D("2022-01-01"), D("2022-12-31"), "năm 2022")]),
    ("trong tháng 6 năm 2022 và tháng 8/2015", [
        ("month", None, D("2022-06-01"), D("2022-06-30"), "tháng 6 năm 2022"),
        ("month", None, D("2015-08-01"), D("2015-08-31"), "tháng 8/2015"),
    ]),
    ("mưa lũ tháng 11.2016 và đợt 06/2022", [
        ("month", None, D("2016-11-01"), D("2016-11-30"), "tháng 11.2016"),
        ("month", None, D("2022-06-01"), D("2022-06-30"), "06/2022"),
    ]),
    ("giai đoạn 2021-2025", [("period", None, D("2021-01-01"), D("2025-12-31"), "giai đoạn 2021-2025")]),
    ("nhiệm kỳ 2023 - 2028", [("period", None, D("2023-01-01"), D("2028-12-31"), "nhiệm kỳ 2023 - 2028")]),
    # ... its years in brackets after the cue (wave 60)
    ("nhiệm kỳ (2023 - 2028)", [("period", None, D("2023-01-01"), D("2028-12-31"), "nhiệm kỳ (2023 - 2028)")]),
    ("Từ năm 2020 đến hết năm 2022, kết nạp 300 đoàn viên", [
        ("range", None, D("2020-01-01"), D("2022-12-31"), "Từ năm 2020 đến hết năm 2022"),
    ]),
    ("kế hoạch 05 năm 2016 - 2020", [("range", None, D("2016-01-01"), D("2020-12-31"), "năm 2016 - 2020")]),
    ("6 tháng đầu năm 2022 đã kết nạp", [
        ("period", None, D("2022-01-01"), D("2022-06-30"), "6 tháng đầu năm 2022"),
    ]),
    ("6 tháng cuối năm 2022", [("period", None, D("2022-07-01"), D("2022-12-31"), "6 tháng cuối năm 2022")]),
    ("quý I/2023 và quý IV năm 2022", [
        ("period", None, D("2023-01-01"), D("2023-03-31"), "quý I/2023"),
        ("period", None, D("2022-10-01"), D("2022-12-31"), "quý IV năm 2022"),
    ]),
    # the older spelling "quí"
    ("trong quí I/2025", [("period", None, D("2025-01-01"), D("2025-03-31"), "quí I/2025")]),
    ("năm học 2020-2021", [("period", None, D("2020-09-01"), D("2021-08-31"), "năm học 2020-2021")]),
    ("từ tháng 3 đến tháng 6/2022", [
        ("month", None, D("2022-03-01"), D("2022-03-31"), "tháng 3"),
        ("range", None, D("2022-03-01"), D("2022-06-30"), "tháng 3 đến tháng 6/2022"),
        ("month", None, D("2022-06-01"), D("2022-06-30"), "tháng 6/2022"),
    ]),
]

NEGATIVES = [
    # a revolution named by its month
    "Kỷ niệm Cách mạng Tháng Tám thành công.",
    "Nghị quyết số 02-NQ/TW và Quyết định 217-QĐ/TW của Bộ Chính trị",
    "Kế hoạch 139/KH-LĐLĐ và Công văn 42/CV-LĐLĐ của Liên đoàn Lao động",
    "Thông tư 12/2020/TT-BLĐTBXH và Nghị định số 05/2019",
    "Điện thoại: 0206.3852.515, fax 0294.3862.456",
    "Cập nhật lúc 05:27 và 1:59:19",
    "kết nạp 166 đoàn viên/199 người, tỷ lệ 2178/1550",
    "Anh Nguyễn Văn A, sinh năm 1990, được trao quà.",  # a birth year
    "tỷ lệ 32 / 35 đơn vị, 3 / 4 số công đoàn",  # spaced slashes, but no year after them
    "trao 1.600 suất quà, 3.600 phiếu và 10.000 tỷ đồng",
    "phòng chống dịch COVID-19 và Covid-19",
    "Arsenal 2-0 Leeds Utd, iOS 15.1",
    "3/5 số đơn vị đạt chuẩn",
    "Phấn đấu thành lập mới từ 10-20 Công đoàn cơ sở",
    "chùa Liên Trì (92/10, Hoàng Hoa Thám, phường 2)",
    "có 13/13 công đoàn cấp trên và 145/145 Công đoàn phường",
    "ngày 31/2 và ngày 12/13 không có thật",
    "ngày hội có 3/4 đơn vị tham gia",
    "mỗi tháng 2 lần, tháng 3 người, hàng tháng 1 buổi",
]

YEARLESS = [
    # resolved against the publication date
    ("Chiều 26/10, tại trụ sở Chính phủ", D("2021-10-30"), [day("2021-10-26", "26/10")]),
    ("Ngày 12/12, Liên đoàn Lao động tỉnh trao", D("2025-12-12"), [day("2025-12-12", "12/12")]),
    ("Ngày 28/12, Liên đoàn Lao động tỉnh tổng kết", D("2025-01-05"), [day("2024-12-28", "28/12")]),
    ("Ngày 5/1, Liên đoàn Lao động tỉnh trao quà", D("2025-12-30"), [day("2026-01-05", "5/1")]),
    ("sáng 28.7, tại Cung Văn hóa", D("2019-07-30"), [day("2019-07-28", "28.7")]),
    ("Ngày 4-7, Liên đoàn Lao động thành phố tổ chức", D("2025-07-05"), [day("2025-07-04", "4-7")]),
    ("Ngày 19.1, Liên đoàn Lao động tỉnh Sóc Trăng", D("2022-01-20"), [day("2022-01-19", "19.1")]),
    ("Hôm qua (9/5), đoàn đến thăm", D("2023-05-10"), [day("2023-05-09", "9/5")]),
    ("Sáng thứ Bảy (6/5), chương trình khai mạc", D("2023-05-10"), [day("2023-05-06", "6/5")]),
    ("Kỷ niệm Ngày Quốc tế Lao động 1/5", D("2023-05-10"), [day("2023-05-01", "1/5")]),
    # the day a count is taken up to (wave 70): a day, not the decimal 31,1
    ("Tính đến 31.10, thành phố có 1.948 doanh nghiệp nợ bảo hiểm.", D("2019-11-05"), [day("2019-10-31", "31.10")]),
    ("Theo thống kê, đến hết 31.10, thành phố có 1.948 doanh nghiệp nợ bảo hiểm.", D("2019-11-05"),
     [day("2019-10-31", "31.10")]),
    # ... and the year a change is measured from does not date it (train: 1)
    ("Năm 2023, Công đoàn ngành Y tế tổng kết. Tính đến 30/6, Công đoàn ngành có 7.480 đoàn viên, so với đầu "
     "nhiệm kỳ cuối năm 2017, tăng 184 đoàn viên.", None, [
         ("year", None, D("2023-01-01"), D("2023-12-31"), "Năm 2023"), day("2023-06-30", "30/6"),
         ("year", None, D("2017-01-01"), D("2017-12-31"), "năm 2017")]),
    # two days each with its month joined by "đến": not days 20, 2 and 1 of March (wave 68)
    ("Chiều về từ Bắc vào Nam sau Tết, từ ngày 20-2 đến 1-3.", D("2026-01-20"), [
        day("2026-02-20", "20-2"), ("range", None, D("2026-02-20"), D("2026-03-01"), "20-2 đến 1-3"),
        day("2026-03-01", "1-3")]),
    ("ngày thành lập Công đoàn Việt Nam 28/7", D("2023-07-30"), [day("2023-07-28", "28/7")]),
    ("Ngày 5/6, đoàn đến thăm nhà số 12/3 đường Lê Lợi", D("2023-06-10"), [day("2023-06-05", "5/6")]),
    ("dịp 30/4 - 1/5 năm nay", D("2023-05-10"), [
        day("2023-04-30", "30/4"),
        ("range", None, D("2023-04-30"), D("2023-05-01"), "30/4 - 1/5"),
        day("2023-05-01", "1/5"),
    ]),
    ("Trong 2 ngày 17 và 18-8, Liên đoàn Lao động tỉnh", D("2023-08-20"), [
        day("2023-08-17", "17"),
        ("range", None, D("2023-08-17"), D("2023-08-18"), "17 và 18-8"),
        day("2023-08-18", "18-8"),
    ]),
    ("Từ 10/3 đến 15/3, LĐLĐ tổ chức hội thi", D("2023-05-10"), [
        day("2023-03-10", "10/3"),
        ("range", None, D("2023-03-10"), D("2023-03-15"), "10/3 đến 15/3"),
        day("2023-03-15", "15/3"),
    ]),
    ("Đại hội dự kiến diễn ra vào tháng 4", D("2025-02-26"), [
        ("month", None, D("2025-04-01"), D("2025-04-30"), "tháng 4"),
    ]),
    # resolved from a year the text states
    ("Chiều 26/12, Liên đoàn Lao động tỉnh tổ chức hội nghị tổng kết năm 2022 và triển khai nhiệm vụ năm 2023.", None, [
        day("2022-12-26", "26/12"),
        ("year", None, D("2022-01-01"), D("2022-12-31"), "năm 2022"),
        ("year", None, D("2023-01-01"), D("2023-12-31"), "năm 2023"),
    ]),
    ("Kỷ niệm 90 năm (28.7.1929 – 28.7.2019), sáng 28.7, tại Hải Phòng", None, [
        day("1929-07-28", "28.7.1929"),
        ("range", None, D("1929-07-28"), D("2019-07-28"), "28.7.1929 – 28.7.2019"),
        day("2019-07-28", "28.7.2019"),
        day("2019-07-28", "28.7"),
    ]),
    ("Trong hai ngày 11 và 12/10, Công đoàn tỉnh tổ chức đại hội lần thứ XI, nhiệm kỳ 2023-2028.", None, [
        day("2023-10-11", "11"),
        ("range", None, D("2023-10-11"), D("2023-10-12"), "11 và 12/10"),
        day("2023-10-12", "12/10"),
        ("period", None, D("2023-01-01"), D("2028-12-31"), "nhiệm kỳ 2023-2028"),
    ]),
    # ... a term written in brackets after its cue opens in its first year too (wave 60)
    ("Trong 2 ngày 24 - 25/7, Công đoàn Ngành Y tế tỉnh tổ chức Đại hội lần thứ VII nhiệm kỳ (2023 - 2028).", None, [
        day("2023-07-24", "24"),
        ("range", None, D("2023-07-24"), D("2023-07-25"), "24 - 25/7"),
        day("2023-07-25", "25/7"),
        ("period", None, D("2023-01-01"), D("2028-12-31"), "nhiệm kỳ (2023 - 2028)"),
    ]),
    # ... but not the term of a congress whose resolution the text implements (wave 66)
    ("Chiều 8.10, Đại hội Công đoàn tỉnh lần thứ XI, nhiệm kỳ 2023-2028 khai mạc. Đại hội được tổ chức "
     "trong 2 ngày (8 - 9.10) nhằm đánh giá kết quả thực hiện Nghị quyết Đại hội X Công đoàn tỉnh, "
     "nhiệm kỳ 2018 - 2023.", None, [
        day("2023-10-08", "8.10"),
        ("period", None, D("2023-01-01"), D("2028-12-31"), "nhiệm kỳ 2023-2028"),
        day("2023-10-08", "8"),
        ("range", None, D("2023-10-08"), D("2023-10-09"), "8 - 9.10"),
        day("2023-10-09", "9.10"),
        ("period", None, D("2018-01-01"), D("2023-12-31"), "nhiệm kỳ 2018 - 2023"),
    ]),
    ("Ngày 15/3, phấn đấu đến năm 2025 kết nạp 500 đoàn viên.", None, [
        ("day", None, None, None, "15/3"),
        ("year", None, D("2025-01-01"), D("2025-12-31"), "năm 2025"),
    ]),
    # the commune-level unions of the 2025 reorganisation take over the national term: the
    # article is of 2025 or later, whatever term it names (places.yaml reorganisation_words)
    ("Ngày 12.9, LĐLĐ tỉnh công bố quyết định thành lập Công đoàn xã Gia Vân, nhiệm kỳ 2023 - 2028, "
     "theo mô hình chính quyền địa phương 2 cấp.", None, [
        day("2025-09-12", "12.9"),
        ("period", None, D("2023-01-01"), D("2028-12-31"), "nhiệm kỳ 2023 - 2028"),
    ]),
    ("Công đoàn phường được thành lập từ ngày 5/9, nhiệm kỳ 2023-2028. Hội nghị công bố quyết định "
     "chuyển giao 38 công đoàn cơ sở về trực thuộc Công đoàn phường Thành Nam.", None, [
        day("2025-09-05", "5/9"),
        ("period", None, D("2023-01-01"), D("2028-12-31"), "nhiệm kỳ 2023-2028"),
    ]),
    # without those words the term's first year stands; a commune's union alone is no sign
    # (grassroots unions of commune staff were "Công đoàn xã" long before)
    ("Ngày 12.9, Công đoàn xã Gia Vân tổ chức đại hội, nhiệm kỳ 2023 - 2028, chính quyền cấp xã dự.", None, [
        day("2023-09-12", "12.9"),
        ("period", None, D("2023-01-01"), D("2028-12-31"), "nhiệm kỳ 2023 - 2028"),
    ]),
    # a list of day-months shares the first one's cue, and a dash in it is a day's month
    ("Trước đó, trong hai ngày 31-1 và 1-2, LĐLĐ thành phố tổ chức Chợ tết Công đoàn.", D("2026-02-07"), [
        day("2026-01-31", "31-1"), day("2026-02-01", "1-2"),
    ]),
    ("Trong hai ngày 30-1 và 31-1, LĐLĐ thành phố tổ chức Chợ tết Công đoàn.", D("2026-02-07"), [
        day("2026-01-30", "30-1"), day("2026-01-31", "31-1"),
    ]),
    ("Công ty chia 31-1 và 1-2 phần quà cho hai tổ sản xuất.", D("2026-02-07"), []),
    # an anniversary's origin day is no time near the events told: its present end is
    ("Ngày 8/7, LĐLĐ tỉnh tổ chức khánh thành nhà Mái ấm Công đoàn.\nĐây là hoạt động chào mừng kỷ niệm 95 năm "
     "Ngày thành lập Công đoàn Việt Nam (28/7/1929 – 28/7/2024).", None, [
        day("2024-07-08", "8/7"), day("1929-07-28", "28/7/1929"),
        ("range", None, D("1929-07-28"), D("2024-07-28"), "28/7/1929 – 28/7/2024"), day("2024-07-28", "28/7/2024"),
    ]),
    # a law's year dates the law, not the events of its sentence; the year a review states does
    ("Ngày 12-3, TAND tỉnh trả lại đơn khởi kiện của LĐLĐ tỉnh theo Luật BHXH năm 2014. Đầu tháng 1-2017, TAND "
     "tỉnh yêu cầu bổ sung.", None, [
        day("2017-03-12", "12-3"), ("year", None, D("2014-01-01"), D("2014-12-31"), "năm 2014"),
        ("month", None, D("2017-01-01"), D("2017-01-31"), "tháng 1-2017"),
    ]),
    ("Ngày 12-3, LĐLĐ tỉnh tổ chức hội nghị tổng kết năm 2014. Đầu tháng 1-2017, TAND tỉnh yêu cầu bổ sung.", None, [
        day("2014-03-12", "12-3"), ("year", None, D("2014-01-01"), D("2014-12-31"), "năm 2014"),
        ("month", None, D("2017-01-01"), D("2017-01-31"), "tháng 1-2017"),
    ]),
    # no year can be told: kept as a day without a date
    ("Ngày 3-3, Liên đoàn Lao động tỉnh tổ chức Hội nghị Ban chấp hành lần thứ 20, nhiệm kỳ 2018-2023.", None, [
        ("day", None, None, None, "3-3"),
        ("period", None, D("2018-01-01"), D("2023-12-31"), "nhiệm kỳ 2018-2023"),
    ]),
]


@pytest.mark.parametrize("text,expected", EXPLICIT + NON_DAYS)
def test_expressions(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_dates(text):
    assert rows(text) == []


@pytest.mark.parametrize("text,published,expected", YEARLESS)
def test_yearless_days_take_the_article_year(text, published, expected):
    assert rows(text, published) == expected


@pytest.mark.parametrize("text,expected", [
    ("date 2025-11-02 Theo kế hoạch, đại hội phải hoàn thành trước ngày 31-10.", ["2025-10-31", "2025-11-02"]),
    ("date 2022-09 Tối 19/8, tại Khu tập thể công nhân", ["2022-08-19"]),
    ("date 2022-01 Ngày 26/12, Liên đoàn Lao động tỉnh tổng kết", ["2021-12-26"]),
])
def test_dump_header_dates(text, expected):
    doc = build_document(RawRecord(doc_id="t", source="t", text=text))
    from pipeline.extract.published import extract_published

    days = extract_dates(doc, extract_published(doc))
    assert sorted(m.date.isoformat() for m in days if m.kind == "day" and m.date) == expected


def days(text: str, title: str | None = None) -> list[tuple[str, str | None]]:
    """(text, ISO date or None) of the day mentions, the article having no publication date."""
    doc = build_document(RawRecord(doc_id="t", source="t", text=text, title=title))
    return [(m.text, m.date.isoformat() if m.date else None) for m in extract_dates(doc, None) if m.kind == "day"]


# Without a publication date, a year-less day takes a year the headline or the article's
# opening states ("năm 2024", a part of one year, a bare year in a headline); a term
# ("nhiệm kỳ 2018-2023") outside a congress gives its first year only as a last resort, for
# the first meetings of a term not reviewed as ending.
OPENING_YEARS = [
    ("Hội nghị sơ kết công tác công đoàn 6 tháng đầu năm 2024\n\nChiều 5/7, Liên đoàn Lao động tỉnh tổ chức hội nghị.",
     None, [("5/7", "2024-07-05")]),
    ("Tết Sum vầy 2025: ấm áp nghĩa tình\n\nSáng 18/1, Công đoàn các Khu công nghiệp tỉnh trao quà cho công nhân.",
     None, [("18/1", "2025-01-18")]),
    ("Chiều 5/7, Liên đoàn Lao động tỉnh tổ chức hội nghị sơ kết.", "Sơ kết công tác quý II/2023",
     [("5/7", "2023-07-05")]),
    ("Trong năm 2022, Liên đoàn Lao động tỉnh đã tổ chức nhiều hoạt động chăm lo cho đoàn viên.\n\n"
     "Tối 24/12, Liên đoàn Lao động tỉnh tổ chức chương trình Tết.", None, [("24/12", "2022-12-24")]),
    # the sentence's own year wins over the headline's
    ("Tổng kết năm 2023\n\nNgày 12/1, Liên đoàn Lao động tỉnh tổng kết công tác năm 2024.", None,
     [("12/1", "2024-01-12")]),
    # a phase the article reviews closes with its events, unless a later phase opens with them
    ("Ngày 22/4, Công đoàn ngành Y tế tỉnh tổ chức hội nghị tuyên dương điển hình tiên tiến giai đoạn 2010-2015.",
     None, [("22/4", "2015-04-22")]),
    # (the review word may stand a long way before its phase in the sentence)
    ("Sáng 31/7, Liên đoàn Lao động tỉnh Gia Lai tổ chức Hội nghị điển hình tiên tiến trong công nhân, viên chức, lao "
     "động tỉnh Gia Lai lần thứ V, giai đoạn 2015- 2020.", None, [("31/7", "2020-07-31")]),
    ("Ngày 27/5, LĐLĐ tỉnh tổ chức hội nghị tổng kết công tác phát triển đoàn viên giai đoạn 2021 – 2023; đề ra "
     "chỉ tiêu giai đoạn 2024 – 2028.", None, [("27/5", "2024-05-27")]),
    # ... and a term whose results a congress evaluates closes with it (wave 24)
    ("Đại hội Công đoàn Bưu điện Việt Nam lần thứ III\n\nĐại hội sẽ diễn ra trong ngày 14/4.\n\nĐại hội sẽ tập trung đánh giá "
     "kết quả thực hiện Nghị quyết Đại hội Công đoàn nhiệm kỳ 2013 – 2018.", None, [("14/4", "2018-04-14")]),
    ("Đại hội Công đoàn Bưu điện Việt Nam lần thứ III\n\nNgày 14/4, Công đoàn Tổng công ty họp.\n\nCông đoàn đánh giá cán bộ "
     "theo Nghị quyết Đại hội nhiệm kỳ 2013 – 2018.", None,
     [("14/4", "2013-04-14")]),
    ("Ngày 22/4, Công đoàn ngành Y tế tỉnh triển khai kế hoạch giai đoạn 2021-2025.", None, [("22/4", "2021-04-22")]),
    # a term's first meetings fall in its first year; a later one's year cannot be told
    ("Ngày 15.11, Liên đoàn Lao động tỉnh tổ chức Hội nghị Ban Chấp hành lần thứ 2, khoá XVII, nhiệm kỳ 2023 - 2028.",
     None, [("15.11", "2023-11-15")]),
    ("Ngày 3-3, LĐLĐ tỉnh tổ chức hội nghị tổng kết. Nhiệm kỳ qua, các cấp công đoàn nỗ lực; nhiệm kỳ 2018-2023.",
     None, [("3-3", None)]),
    # a holiday's day in parentheses names the holiday, not an event
    ("Tuyên truyền về truyền thống của Ngày Quốc tế Lao động (1/5) cho công nhân năm 2022.", None, []),
    # no year stated: left unresolved
    ("Sáng 14-4, Công đoàn Viên chức tỉnh họp Ban Chấp hành lần thứ 8, nhiệm kỳ 2023-2028.\n\n"
     "Hội nghị đã thông qua quy chế làm việc của Ban Thường vụ.", None, [("14-4", None)]),
    ("Phát triển 2024 đoàn viên mới\n\nChiều 5/7, Liên đoàn Lao động tỉnh tổ chức hội nghị.", None, [("5/7", None)]),
    # a goal is not the article's year
    ("Phấn đấu đến năm 2030 có 15 triệu đoàn viên\n\nChiều 5/7, Liên đoàn Lao động tỉnh tổ chức hội nghị.", None,
     [("5/7", None)]),
    # two years in a row: the text stands at their turn, and a day of the first half year is in the later
    ("Sáng 11/01, Công đoàn các Khu công nghiệp tỉnh tổ chức tổng kết hoạt động Công đoàn năm 2022, "
     "triển khai nhiệm vụ năm 2023.", None, [("11/01", "2023-01-11")]),
    ("Ngày 28/12, Liên đoàn Lao động tỉnh tổng kết công tác năm 2015, triển khai chương trình công tác năm 2016.",
     None, [("28/12", "2015-12-28")]),
    ("Ngày 12/3, công đoàn trao thưởng cho các tập thể có thành tích năm 2020 và năm 2022.", None,
     [("12/3", "2020-03-12")]),
    # the year the text tells of itself: its present, its one Tết year, its one anniversary year
    ("Chiều 22-8, LĐLĐ tỉnh Khánh Hòa trao tặng 10 máy ấp trứng.\n\n"
     "Từ đầu năm 2015 đến nay, LĐLĐ tỉnh đã tổ chức 15 lớp tập huấn.", None, [("22-8", "2015-08-22")]),
    ("Tính tới ngày 29/1, các cấp công đoàn đã tổ chức 14.664 chương trình.\n\n"
     "Đoàn viên tham gia Tết Sum vầy 2024 tại Hà Nội.", None, [("29/1", "2024-01-29")]),
    ("Ngày 28/12, công đoàn trao quà cho công nhân.\n\nĐoàn viên tham gia Tết Sum vầy 2024 tại Hà Nội.", None,
     [("28/12", "2023-12-28")]),
    ("Ngày 28/7, Công đoàn các khu công nghiệp tỉnh tổ chức họp mặt kỷ niệm 85 năm truyền thống Công đoàn Việt Nam.",
     None, [("28/7", "2014-07-28")]),
    ("Ngày 28/7, công đoàn họp mặt kỷ niệm 85 năm truyền thống Công đoàn Việt Nam và kỷ niệm 90 năm Ngày thành lập "
     "Đảng Cộng sản Việt Nam.", None, [("28/7", None)]),
    # a cited document's date, its number carrying a letter, tells nothing of the days around it
    ("Hội nghị diễn ra từ 28-30/12, thảo luận báo cáo tổng kết 10 năm thực hiện Nghị quyết 5a/NQ-TLĐ ngày 07/7/2005.",
     None, [("28", None), ("30/12", None), ("07/7/2005", "2005-07-07")]),
]


@pytest.mark.parametrize("text,title,expected", OPENING_YEARS, ids=[t[:40] for t, _, _ in OPENING_YEARS])
def test_yearless_days_take_the_year_of_the_opening(text, title, expected):
    assert days(text, title) == expected


@pytest.mark.parametrize("text,year", [
    ("Chăm lo Tết Nhâm Dần cho công nhân.", 2022),
    ("Chương trình Xuân Giáp Thìn được tổ chức.", 2024),
    ("Đón Tết Nguyên đán Bính Ngọ cùng đoàn viên.", 2026),
    ("Năm Kỷ Hợi, công đoàn trao quà.", 2019),
])
def test_years_of_the_sexagenary_cycle(text, year):
    years = [r for r in rows(text) if r[0] == "year"]
    assert [(r[2].year, r[3].year) for r in years] == [(year, year)]


@pytest.mark.parametrize("text", [
    # a lunar date's year names the lunar year, whose last month falls in the next solar year
    "Sáng 13-2 (26 tháng Chạp năm Ất Tỵ), công đoàn trao quà cho công nhân.",
    "Chợ Tết diễn ra ngày 31/1 (tức 13 tháng Giêng năm Bính Ngọ).",
    "Ngày 10 tháng 12 âm lịch năm Quý Mão, công đoàn tổ chức họp mặt.",
])
def test_the_year_of_a_lunar_date_is_no_year(text):
    assert [r for r in rows(text) if r[0] == "year"] == []


@pytest.mark.parametrize("text,expected", [
    # a day of the lunar calendar written in figures, alone or in a range, glossing a solar one
    ("Chợ Tết diễn ra từ ngày 20/12/2025 - 3/2/2026 (tức ngày 1/11 - 16/12 năm Ất Tỵ).",
     [D("2025-12-20"), D("2026-02-03")]),
    ("Ngày 5/3/2024 (tức 25/1 năm Giáp Thìn), công đoàn trao quà.", [D("2024-03-05")]),
    ("Lễ giỗ tổ vào ngày 10/3 âm lịch hằng năm; ngày 18/4/2024 công đoàn dâng hương.", [D("2024-04-18")]),
    # negatives: a solar day before a year in figures, or before a lower-case word
    ("Ngày 5/3 năm 2024, công đoàn trao quà.", [D("2024-03-05")]),
    ("Ngày 12/6/2021, năm giáp ranh hai nhiệm kỳ, công đoàn họp.", [D("2021-06-12")]),
])
def test_days_of_the_lunar_calendar_in_figures_are_no_dates(text, expected):
    assert [r[1] for r in rows(text) if r[0] == "day"] == expected


def test_lower_case_cycle_words_are_no_year():
    assert [r for r in rows("Bữa cơm có canh chua và giáp mặt công nhân năm nay.") if r[0] == "year"] == []


def test_a_tet_season_day_takes_the_year_of_the_named_tet():
    text = ("Ngày 24.1, Liên đoàn Lao động huyện tổ chức “Tết sum vầy” tại các công đoàn cơ sở.\n\n"
            "Trong dịp Tết Nguyên đán Nhâm Dần, công đoàn huyện trao 562 suất quà.")
    assert [r[1] for r in rows(text) if r[0] == "day"] == [D("2022-01-24")]


def test_a_tet_season_day_takes_the_year_of_a_named_lunar_year():
    text = ("Ngày 24.2, Liên đoàn Lao động thành phố tổ chức các đoàn đến thăm doanh nghiệp sau Tết.\n\n"
            "Dịp Tết Nguyên đán năm Bính Ngọ, Ban Thường vụ trao quà cho công nhân.")
    assert [r[1] for r in rows(text) if r[0] == "day"] == [D("2026-02-24")]


@pytest.mark.parametrize("text,year,source", [
    ("Từ đầu năm 2015 đến nay, LĐLĐ tỉnh đã kết nạp 500 đoàn viên.", 2015, "present"),
    # "năm 2024 này": this year, 2024
    ("Trong năm 2024 này, Công đoàn tiếp tục chăm lo cho đoàn viên.", 2024, "present"),
    ("Chương trình Tết Sum vầy 2024 diễn ra tại nhà văn hóa.", 2024, "tet"),
    ("Kỷ niệm 90 năm Ngày thành lập Công đoàn Việt Nam.", 2019, "anniversary"),
    # an anniversary whose span the text writes: its later year (wave 22)
    ("Chào mừng kỷ niệm 17 năm ngày doanh nhân (13/10/2004 - 13/10/2021), các đơn vị thi đua.", 2021, "anniversary"),
])
def test_the_year_a_text_tells_of_itself(text, year, source):
    from pipeline.extract.told_year import told_year
    told = told_year(text)
    assert (told.year, told.source) == (year, source)


@pytest.mark.parametrize("text", ["Năm 2024 nay đã khác.", "năm 2023, năm nay",
                                  # a span the anniversary's years do not fit is none of its
                                  "Kỷ niệm 10 năm ngày thành lập (2004 - 2021)."])
def test_no_year_told(text):
    from pipeline.extract.told_year import told_year
    assert told_year(text) is None


def test_this_year_dates_a_year_less_day():
    from pipeline.core import process_record
    from pipeline.records import RawRecord
    text = ("Ngày 23-1, Phó Chủ tịch Quốc hội đến thăm công nhân tại Khu công nghiệp Tân Phú Thạnh.\n"
            "Năm 2023, Tổng LĐLĐ Việt Nam đã vận động được 6.000 tỉ đồng. Trong năm 2024 này, Công đoàn tiếp tục chăm lo.")
    dates = process_record(RawRecord(doc_id="t", source="t", text=text)).dates
    assert [(d.text, str(d.date)) for d in dates if d.kind == "day"] == [("23-1", "2024-01-23")]
