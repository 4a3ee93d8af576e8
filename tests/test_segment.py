"""Sentence splitting: segment.sent_tokenize gives underthesea's sentences, faster."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from underthesea import sent_tokenize as underthesea_sent_tokenize

from pipeline.ingest import iter_records
from pipeline.segment import sent_tokenize

REAL = Path(__file__).resolve().parent.parent / "eval" / "real"

LINES = [
    ("Xin chào. Tôi là Claude.", ["Xin chào.", "Tôi là Claude."]),
    ("Ngày 15.12.2025 kết nạp 1.500 đoàn viên. Đạt 105,4%!", ["Ngày 15.12.2025 kết nạp 1.500 đoàn viên.", "Đạt 105,4%!"]),
    ("TP. Hồ Chí Minh có gì? Có nhiều!?! Hết", ["TP. Hồ Chí Minh có gì?", "Có nhiều!?!", "Hết"]),
    ("Chờ... rồi đi... Sau đó", ["Chờ... rồi đi...", "Sau đó"]),
    ("không có dấu câu", ["không có dấu câu"]),
    ("....", ["...."]),
    ("", []),
    ("   ", []),
]


@pytest.mark.parametrize("line, sentences", LINES)
def test_sentences(line, sentences):
    assert sent_tokenize(line) == sentences == underthesea_sent_tokenize(line)


def test_same_as_underthesea_on_random_lines():
    pieces = ["a", "Bé", "TP", "tp", "1", "15", ".", "..", "...", "?", "!", " ", "\t", "\n", "\r", "e.g", "Ô", "…", "x.y"]
    rng = random.Random(11)
    for _ in range(20000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        assert sent_tokenize(line) == underthesea_sent_tokenize(line), line


def test_same_as_underthesea_on_the_real_articles():
    lines = [line for r in iter_records([str(REAL)]) if r.text for line in r.text.split("\n")]
    assert lines
    for line in lines:
        assert sent_tokenize(line) == underthesea_sent_tokenize(line), line
