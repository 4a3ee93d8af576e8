"""HTML pages of two layouts (tests/fixtures/html/README.md: built by hand, not real saved
pages): exact title and date, furniture kept out of the body, data tables kept, no network."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest

from pipeline.html_text import extract_html
from pipeline.ingest import iter_records

PAGES = Path(__file__).parent / "fixtures" / "html"

EXPECTED = [
    # (file, title, published, sentences in the body, furniture that must not be in it)
    ("table_portal.html", "Công đoàn tỉnh kết nạp 500 đoàn viên mới", "2023-05-04",
     ["kết nạp 500 đoàn viên mới, đạt 105% kế hoạch năm", "| Đoàn viên mới | 500 |"],
     ["Đang truy cập", "1.234.567", "Hội nghị công đoàn huyện", "Trao 50 suất quà", "Liên hệ",
      "Cổng thông tin"]),
    ("article_tag.html", "Hỗ trợ 2.000 công nhân mất việc", "2024-02-15",
     ["trao hỗ trợ cho 2.000 công nhân mất việc làm", "Tổng kinh phí hỗ trợ là 2 tỷ đồng"],
     ["Tin liên quan", "300 suất học bổng", "9.876.543", "Xã hội", "Báo Lao Động Thủ Đô"]),
]


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access during ingest")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize("name, title, published, present, absent", EXPECTED, ids=[e[0] for e in EXPECTED])
def test_page_title_date_and_body(no_network, name, title, published, present, absent):
    [record] = iter_records([str(PAGES / name)])
    assert (record.title, record.published, record.error) == (title, published, None)
    assert record.text.split("\n\n")[0] == title
    for sentence in present:
        assert sentence in record.text
    for furniture in absent:
        assert furniture not in record.text


@pytest.mark.parametrize("depth", [300, 3000, 10000])
def test_deeply_nested_page_gives_its_text_with_a_note(depth):
    page = extract_html("<div>" * depth + "<p>Năm 2023 kết nạp 50 đoàn viên</p>" + "</div>" * depth)
    assert page.text == "Năm 2023 kết nạp 50 đoàn viên"
    expected_note = None if depth == 300 else (
        "HTML too deeply nested to parse: text taken by stripping tags (page furniture may remain)")
    assert page.note == expected_note


def test_deep_page_strips_scripts_and_styles_in_the_fallback():
    html = "<div>" * 5000 + "<script>var n = 75;</script><style>p{}</style><p>Có 12 công đoàn &amp; 3 nghiệp đoàn</p>" + "</div>" * 5000
    assert extract_html(html).text == "Có 12 công đoàn & 3 nghiệp đoàn"
