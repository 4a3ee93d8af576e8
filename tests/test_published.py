"""The publication date: datelines in the shapes news sites use, and what is not one."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.core import build_document
from pipeline.extract.dates import extract_dates
from pipeline.extract.published import extract_published, find_dateline
from pipeline.records import RawRecord

TITLE = "Liên đoàn Lao động tỉnh trao quà cho đoàn viên"
BODY = "Liên đoàn Lao động tỉnh đã trao 200 suất quà cho đoàn viên có hoàn cảnh khó khăn."


def published(text: str, **meta) -> dt.date | None:
    doc = build_document(RawRecord(doc_id="t", source="t", text=text))
    doc.meta.update(meta)
    return extract_published(doc)


DATELINES = [
    ("Thứ bảy - 27/08/2022 05:27", "2022-08-27"),
    ("Chủ nhật - 12/06/2022 02:33 603 0", "2022-06-12"),
    ("10:15 | 03/04/2023", "2023-04-03"),
    ("Ngày đăng: 03/04/2023", "2023-04-03"),
    ("  • Cập nhật: Thứ tư, 26/2/2025 | 1:59:19 PM", "2025-02-26"),
    ("Cập nhật lúc 18:02, Thứ Hai, 06/08/2018 (GMT+7)", "2018-08-06"),
    ("Cập nhật: 10-01-2018 | 08:28:56", "2018-01-10"),
    ("THỨ NĂM, 10/10/2019 10:53:08", "2019-10-10"),
    # ASP.NET's vi-VN long date: the month by name, "SA"/"CH" for a.m./p.m.
    ("Tin tức sự kiện 19 Tháng Tư 2021 8:30:00 SA", "2021-04-19"),
    ("Cập nhật 3 Tháng Mười Một 2020 | 9:15:00 CH", "2020-11-03"),
    ("Ngày post: 08-07-2018", "2018-07-08"),
    ("Chi tiết tin - Thị xã Quảng Trị\n\nHội nghị tổng kết công đoàn năm 2021\n\nPost date: 22/03/2022\n\n"
     "Chiều ngày 5/1/2022, Ban Thường vụ LĐLĐ thị xã tổ chức hội nghị.", "2022-03-22"),  # wave 63
    ("15/07/2022 9:09:09", "2022-07-15"),
    ("Thanh Tùng LDO | 31/12/2020 08:24", "2020-12-31"),
    ("NGUYỄN LUÂN (báo lao động) 18/09/2025 09:41 (GMT+7)", "2025-09-18"),
    ("Đăng ngày : 04/01/2010 07:00:00", "2010-01-04"),
    ("Thứ hai, 12 Tháng 10 2015 15:52", "2015-10-12"),
    ("13:41 31-01-19", "2019-01-31"),
    ("03/04/2023", "2023-04-03"),
    ("12/03/2024 | Tác giả: Nguyễn Văn A | Lượt xem: 123", "2024-03-12"),
    ("Thứ Năm, ngày 10/10/2019", "2019-10-10"),
    # a content system's own stamp: ISO, with its clock time (wave 25)
    ("2018-09-26 16:51:17 admin", "2018-09-26"),
]


@pytest.mark.parametrize("line,expected", DATELINES)
def test_dateline_under_the_title(line, expected):
    assert published(f"{TITLE}\n\n{line}\n\n{BODY}") == dt.date.fromisoformat(expected)


@pytest.mark.parametrize("line,expected", DATELINES[:4])
def test_dateline_at_the_very_end(line, expected):
    assert published(f"{TITLE}\n\n{BODY}\n\n{line}") == dt.date.fromisoformat(expected)


def test_dateline_span_is_the_date():
    doc = build_document(RawRecord(doc_id="t", source="t", text=f"{TITLE}\n\nThứ bảy - 27/08/2022 05:27\n\n{BODY}"))
    dateline = find_dateline(doc)
    assert doc.body[dateline.start:dateline.end] == "27/08/2022"


@pytest.mark.parametrize("text,expected", [
    # a stamp run into the first sentence or the headline: a full date right beside a clock time
    # (waves 33, 35, 48, 54), before the teasers' stamps at the end
    ("19:48 15/09/2019 Tối 13-9, tại Khu công nghiệp VSIP, Công đoàn Khu kinh tế tổ chức Lễ hội Trăng rằm cho "
     "con công nhân." + " Chương trình thu hút hàng nghìn công nhân tham gia." * 4 + "\n\nKO\n\n22:48 23/11/2024\n\n"
     "Phấn đấu hoàn thành cấp điện cho huyện đảo", "2019-09-15"),
    ("Tây Ninh: 45 'Chuyến xe Công đoàn' đưa 1.915 lao động về quê đón Tết 13/02/2026 12:11\n\n"
     "Sáng 13-2, tại Liên đoàn Lao động tỉnh diễn ra lễ tiễn công nhân về quê.", "2026-02-13"),
])
def test_a_stamp_run_into_a_longer_line(text, expected):
    assert published(text) == dt.date.fromisoformat(expected)


def test_the_headline_stamped_with_its_date_and_time():
    assert published(f"{TITLE}\n\n{TITLE} (27/04/2020 03:06 PM)\n\n{BODY}") == dt.date(2020, 4, 27)


@pytest.mark.parametrize("text", [
    # another article's headline with its stamp (a related-news teaser) is no dateline
    f"{TITLE}\n\n{BODY}\n\nLĐLĐ huyện Diễn Châu thành lập thêm công đoàn cơ sở mới trên địa bàn (27/04/2020 03:06 PM)",
    # a body sentence that opens with a date is not a dateline
    f"{TITLE}\n\nNgày 15/01/2021, Liên đoàn Lao động huyện Cờ Đỏ tổ chức Hội nghị triển khai Nghị quyết.",
    "Chiều ngày 20/1/2025, Liên đoàn lao động huyện Kon Plông tổ chức Chương trình “Tết sum vầy”.",
    f"{TITLE}\n\nTính đến ngày 19/5/2023, Ban Thường vụ đã chỉ đạo Đại hội xong 53 Công đoàn cơ sở.",
    # a banner with an anniversary range, a year-less day, a signature line
    "Nhiệt liệt chào mừng 95 năm Ngày Thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2024)!\n\n" + BODY,
    f"{TITLE}\n\nNgày 12/12, Liên đoàn Lao động tỉnh trao kinh phí.",
    f"{TITLE}\n\nHà Nội, ngày 12/6/2021\n\n{BODY}",
    # "Hôm nay, ngày ..." opening a sentence of the article is no clock, nor a dateline
    f"{TITLE}\n\nHôm nay, ngày 14/3/2017, Liên đoàn Lao động tỉnh tổ chức hội nghị.",
    # a clock time with a word between it and the date is a sentence's, no stamp
    f"{TITLE}\n\nLúc 14:30 ngày 15/9/2019, Liên đoàn Lao động tỉnh tổ chức hội nghị tổng kết năm.",
    # an ISO date only with its clock time
    f"{TITLE}\n\n2018-09-26 admin\n\n{BODY}",
    # two-digit years only next to a clock time; no date at all
    f"{TITLE}\n\n31-01-19\n\n{BODY}",
    f"{TITLE}\n\n{BODY}",
    # a dump header with a partial date is not a publication date
    "date 2022-09 Tối 19/8, tại Khu tập thể công nhân Cao Xanh tổ chức liên hoan.",
])
def test_no_dateline(text):
    assert published(text) is None


@pytest.mark.parametrize("text,meta,expected", [
    ("date 2025-12-12 Trao kinh phí hỗ trợ xây dựng nhà", {}, "2025-12-12"),
    (" date 2026-02-08 Liên đoàn Lao động TP. Hà Nội trao tặng 3.600 phiếu", {}, "2026-02-08"),
    ("Trao kinh phí hỗ trợ xây dựng nhà", {"dump_date": "2025-12-12"}, "2025-12-12"),
    ("Thứ bảy - 27/08/2022 05:27\n\n" + BODY, {"dump_date": "2022-09-01"}, "2022-09-01"),
])
def test_dump_header_date(text, meta, expected):
    assert published(text, **meta) == dt.date.fromisoformat(expected)


def test_partial_dump_date_is_no_publication_date():
    assert published("Tối 19/8, tại Khu tập thể công nhân", dump_date="2022-09") is None


# The page's clock (the time of the visit) above the headline is furniture: never the
# published date, never a date of the article.
PAGE_CLOCKS = [
    # a later clock above the article's own dateline
    ("Thứ 6, 22/11/2024, 14:44[GMT+7]\n\n" + TITLE + "\n\nThứ 5, 20/06/2024 | 15:44:07\n6,497 lượt xem\n" + BODY,
     "2024-06-20"),
    ("Thứ 7, 20/04/2024 03:55:14 GMT+7\nBình Phước, 30°C/27°C - 33°C\naA\n\nChính trị 10:55, 14/09/2018 GMT+7\n\n"
     + TITLE + "\n\nThứ 6, 14/09/2018 | 10:55:00 1,134 lượt xem\n" + BODY, "2018-09-14"),
    # a site's menu line ending in today's weekday and date, above the article's dateline (wave 25)
    ("Đặt mua báo in| Mới - Đọc báo in phiên bản số| Thứ Bảy, Ngày 02 tháng 03 năm 2024,\n" + TITLE
     + "\nNhư Trung - 03/12/2023 09:25\n" + BODY, "2023-12-03"),
    ("Thứ bảy, 24/01/2026 12:07     |   Tiêu dùng     |   Nhịp sống miền Tây     |   Phụ nữ Sức khoẻ\n|\n"
     "Thứ năm, 25/12/2025 09:36\n\n" + TITLE + "\n\n" + BODY, "2025-12-25"),
    # a stored copy's clock stopped at an earlier day, the headline between it and the
    # article's byline (wave 41)
    ("Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27\n\n" + TITLE + "\n\nNgọc Thu - 16:02, 31/05/2022\n\n" + BODY,
     "2022-05-31"),
    # a top line that is only "today" and a date (wave 26)
    ("Hôm nay, ngày 26 tháng 3 năm 2017\nLIÊN ĐOÀN LAO ĐỘNG | TIN MỚI NHẤT\n\n" + TITLE + "\n\n" + BODY, None),
    # a clock with the weather under it and no dateline of the article's own
    ("Thứ năm, 28/03/2024, 04:52\nThời tiết Cẩm Phả, Quảng Ninh: 22.1°c mây đen u ám\n\n" + TITLE + "\n\n" + BODY, None),
]


@pytest.mark.parametrize("text,expected", PAGE_CLOCKS)
def test_page_clock_is_not_the_published_date(text, expected):
    assert published(text) == (dt.date.fromisoformat(expected) if expected else None)
    doc = build_document(RawRecord(doc_id="t", source="t", text=text))
    clock = text.split("\n")[0]
    dates = extract_dates(doc, extract_published(doc))
    assert not [d for d in dates if d.text in clock and doc.body.find(clock) <= d.start < doc.body.find(clock) + len(clock)]


def test_related_articles_stamps_further_down_make_no_clock_of_the_articles_own():
    # the article's stamp on its first line, two teasers' stamps of another day after the byline,
    # within the top lines of a short page (wave 60)
    text = ("22:06 01/02/2019\nTối ngày 01-02, lãnh đạo LĐLĐ thành phố tiễn công nhân về quê ăn Tết.\n"
            "Công đoàn Nhà máy trao 50 vé xe cho công nhân.\nTHẾ KHOA\n22:48 23/11/2024\n14:30 23/11/2024\n"
            "Phấn đấu hoàn thành cấp điện cho huyện đảo Cát Hải")
    assert published(text) == dt.date(2019, 2, 1)


def test_posted_and_updated_stamps_on_lines_next_to_each_other_keep_the_first():
    # another day on the very next line is the same article's update, not a clock
    text = "Thứ Hai, 03/04/2023 08:00:12\nCập nhật: Thứ Tư, 05/04/2023 09:00\n\n" + TITLE + "\n\n" + BODY
    assert published(text) == dt.date(2023, 4, 3)


def test_an_earlier_dateline_below_a_later_one_is_kept():
    # two stamps of the same article (posted, then updated): the first is the dateline
    text = TITLE + "\n\nĐăng ngày: 03/04/2023 08:00\nCập nhật: 05/04/2023 09:00\n" + BODY
    assert published(text) == dt.date(2023, 4, 3)
