"""Matches found from their core (prefixed.py) are exactly the pattern's own matches."""
from __future__ import annotations

import random
import time

import pytest

from pipeline.extract import date_shapes
from pipeline.extract.prefixed import finditer_from_core


def year_range_matches(text: str) -> tuple[list, list]:
    pattern = dict(date_shapes.patterns())["year_range"]
    core, words = date_shapes.year_range_words()
    found = [(m.span(), m.groupdict()) for m in finditer_from_core(pattern, core, words, text)]
    return found, [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


TEXTS = [
    ("giai đoạn 2021-2025", [(0, 19)]),
    ("nhiệm kỳ  2023 – 2028 và kế hoạch 5 năm 2021 - 2025", [(0, 21), (25, 51)]),
    ("từ năm 2020 đến năm 2022", [(0, 24)]),
    ("Năm học\n2023/2024", [(0, 17)]),
    ("x2021-2025", [(1, 10)]),  # glued to a letter: the core alone
    ("2021-2021", [(0, 9)]),  # read later (and refused): the pattern does not know
    ("12/2021-2025", []),  # glued to a date
    ("giai đoạn 20212-2025", []),
    ("", []),
]


@pytest.mark.parametrize("text, spans", TEXTS)
def test_year_range(text, spans):
    found, expected = year_range_matches(text)
    assert found == expected
    assert [s for s, _ in found] == spans


def test_same_as_pattern_on_random_text():
    pieces = ["giai", "đoạn", "nhiệm", "kỳ", "khóa", "kế", "hoạch", "5", "năm", "học", "từ", "Từ", "NĂM", "thời",
              "2020", "2021", "1999", "-", "–", "/", "đến", "hết", "tới", ".", ",", "x", " ", "  ", "\n", "\t", "("]
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " "]) for _ in range(rng.randint(1, 14)))
        found, expected = year_range_matches(text)
        assert found == expected, text


@pytest.mark.parametrize("line", [("2020 đến 2021 " * 80000)[:1_000_000], ("năm " * 250000), ("a" * 999_990 + " 2020-2021")])
def test_linear_on_long_lines(line):
    start = time.perf_counter()
    year_range_matches(line)
    assert time.perf_counter() - start < 20
