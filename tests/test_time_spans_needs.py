"""What find_time_spans does only for speed changes nothing: the `needs` of the
`time_spans` of rules/dates.yaml (on every real text: the real evaluation set, the dev corpus where
../shared is beside the clone, the training sentences, wherever a period pattern matches, its
`needs` matches inside that match), and the sorted spans that replace a scan of every span
taken (the plain overlap definition, as a property)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from pipeline.extract.date_shapes import shapes
from pipeline.extract.metric_periods import find_periods
from pipeline.extract.time_spans import TIME_SPAN_NEEDS, TIME_SPAN_RES, TakenSpans
from pipeline.ruledata import load_yaml

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"  # beside the clone, as CI places it
TEXTS = [p.read_text(encoding="utf-8") for folder in (ROOT / "eval" / "real", DEV) for p in sorted(folder.glob("*.txt"))]
TEXTS += sorted({json.loads(line)["sentence"] for name in ("metrics_train.jsonl", "metrics_train_real.jsonl")
                 for line in open(ROOT / "corpus" / name, encoding="utf-8")})


TIME_SPANS = load_yaml("dates.yaml")["time_spans"]


def test_days_months_and_year_ranges_are_read_by_the_date_shapes():
    """One time grammar: a time span of a day, a month, a part of a year or a year range is
    the very pattern the dates read it with, not a second one written beside it."""
    by_shape = {entry["shape"]: rx for entry, (_, rx) in zip(TIME_SPANS, TIME_SPAN_RES) if "shape" in entry}
    assert set(by_shape) >= {"full_num", "day_span", "month_words", "part_year", "quarter", "year_range"}
    assert all(rx is shapes()[name] for name, rx in by_shape.items())


def test_no_time_span_pattern_spells_a_year_itself():
    """A year is written once ({year}, {bare_year}: date_shapes), never as digits in a pattern."""
    for entry in TIME_SPANS:
        assert "19|20" not in entry.get("re", "") and "\\d{4}" not in entry.get("re", ""), entry


def test_some_patterns_have_needs():
    assert sum(n is not None for n in TIME_SPAN_NEEDS) >= 5


@pytest.mark.parametrize("index", [i for i, n in enumerate(TIME_SPAN_NEEDS) if n is not None])
def test_every_match_holds_what_its_pattern_needs(index):
    (kind, rx), needs = TIME_SPAN_RES[index], TIME_SPAN_NEEDS[index]
    matched = 0
    for text in TEXTS:
        for m in rx.finditer(text):
            matched += 1
            assert needs.search(m.group()), (kind, m.group())
    assert matched, f"no real text exercises the {kind} pattern"


@pytest.mark.parametrize("text, labels", [
    ("Trong 5 năm qua, công đoàn kết nạp 500 đoàn viên.", ["2019/2024"]),
    ("Giai đoạn 2021-2025, công đoàn kết nạp 500 đoàn viên.", ["2021/2025"]),
    ("Từ năm 2016 đến nay, công đoàn kết nạp 500 đoàn viên.", ["2016/2024"]),
    ("Trong 6 tháng đầu năm 2022, công đoàn kết nạp 500 đoàn viên.", ["2022-H1"]),
    ("Năm nay công đoàn kết nạp 500 đoàn viên.", ["2024"]),
    ("Công đoàn kết nạp 500 đoàn viên.", []),
])
def test_periods_are_found_with_the_needs_in_place(text, labels):
    assert [p.label for p in find_periods(text, 2024)] == labels


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15)).map(lambda t: (t[0], t[0] + t[1])), max_size=20))
def test_taken_spans_take_a_span_as_the_plain_overlap_scan_does(spans):
    taken, plain = TakenSpans(), []
    for s, e in spans:
        free = not any(a < e and s < b for a, b in plain)
        assert taken.take(s, e) == free
        if free:
            plain.append((s, e))
    assert list(zip(taken.starts, taken.ends)) == sorted(plain)
