"""Hypothesis properties of the per-article function and its normalisers: no exception on
any Unicode, provenance that always points at its text, numbers that round-trip, and
results that unrelated page furniture does not change."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.core import build_document, process_record
from pipeline.extract.numbers import parse_number
from pipeline.records import RawRecord

PIECES = [
    "Năm 2023, ", "LĐLĐ tỉnh Bắc Ninh ", "kết nạp ", "4.215 ", "đoàn viên mới", ", đạt ", "105,4% ", "kế hoạch",
    ". ", "\n", "Nghị quyết số 02-NQ/TW ngày 12/6/2021 ", "của Bộ Chính trị", "(28/7/1929-28/7/2024)",
    "Công đoàn cơ sở Công ty TNHH May ", "trao 300 suất quà ", "trị giá 1,2 tỷ đồng", "Thứ 7, 20/04/2024 03:55",
    "phấn đấu ", "nhiệm kỳ 2023-2028 ", "Đang truy cập: 75", "© 2024", " ", "Tết Nhâm Dần ",
]
NEWSISH = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=25).map("".join)
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _run(text: str):
    return process_record(RawRecord(doc_id="p", source="p", text=text))


@FAST
@given(st.text(max_size=300))
def test_any_unicode_gives_an_article_row_and_never_raises(text):
    result = _run(text)
    assert result.article.status in ("ok", "empty", "failed")
    assert result.article.status != "failed" or result.article.error


@FAST
@given(NEWSISH)
def test_every_row_points_at_its_own_text_in_the_body(text):
    body = build_document(RawRecord(doc_id="p", source="p", text=text)).body
    result = _run(text)
    assert not (result.article.error or "").startswith("internal error")
    for mention in result.dates + result.directives + result.orgs + result.metrics:
        assert body[mention.start:mention.end] == mention.text
        assert 0 <= mention.start <= mention.end <= len(body)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_vietnamese_thousands_round_trip(n):
    written = f"{n:,}".replace(",", ".")
    assert parse_number(written) == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=9))
def test_vietnamese_decimals_round_trip(whole, tenth):
    written = f"{whole:,}".replace(",", ".") + f",{tenth}"
    assert parse_number(written) == whole + tenth / 10


FURNITURE = st.sampled_from(["Đang truy cập: 75", "Trang chủ | Tin tức | Liên hệ", "© 2024 Báo Lao Động",
                             "Chia sẻ Facebook Zalo", "Lượt xem: 1.234"])


@FAST
@given(FURNITURE, st.booleans())
def test_unrelated_furniture_lines_do_not_change_the_figures(line, on_top):
    article = ("LĐLĐ tỉnh Bắc Ninh tổng kết năm 2023\n\n"
               "Năm 2023, LĐLĐ tỉnh Bắc Ninh kết nạp 4.215 đoàn viên mới, đạt 105,4% kế hoạch.")
    noisy = f"{line}\n{article}" if on_top else f"{article}\n{line}"
    key = lambda r: sorted((m.value, m.unit, m.indicator, m.status, m.period) for m in r.metrics)
    assert key(_run(noisy)) == key(_run(article))
