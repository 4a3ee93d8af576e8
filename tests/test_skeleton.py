"""Accent-blind phrase search: the skeleton first pass finds exactly what the pattern finds."""
from __future__ import annotations

import random

import pytest

from pipeline.extract.directive_types import TYPE_WORD_RE, TYPE_WORDS
from pipeline.extract.skeleton import base_letter


def spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


@pytest.mark.parametrize("ch, base", [("ị", "i"), ("Ị", "i"), ("đ", "d"), ("Đ", "d"), ("ư", "u"), ("a", "a"), ("Q", "q")])
def test_base_letter(ch, base):
    assert base_letter(ch) == base


TEXTS = [
    # found: any case, any diacritic, spaces and tabs between words
    ("Thực hiện Nghị quyết số 02-NQ/TW", ["Nghị quyết"]),
    ("theo NGHỊ QUYẾT 15 và nghi quyết 16", ["NGHỊ QUYẾT", "nghi quyết"]),
    ("Kế  hoạch\tsố 5; Bộ luật Lao động; Luật Công đoàn", ["Kế  hoạch", "Bộ luật", "Luật"]),
    ("Chỉ thị, Thông tư, Công văn, Đề án", ["Chỉ thị", "Thông tư", "Công văn", "Đề án"]),
    # not found: glued to letters or digits, split by a newline, another word
    ("xNghị quyết", []),
    ("Nghị quyếtx và 2Luật", []),
    ("Nghị\nquyết", []),
    ("Nghị sự, quyết tâm, luậtsư", []),
    ("", []),
]


@pytest.mark.parametrize("text, found", TEXTS)
def test_type_words_found(text, found):
    assert [m.group() for m in TYPE_WORDS.finditer(text)] == found
    assert spans(TYPE_WORDS.finditer(text)) == spans(TYPE_WORD_RE.finditer(text))


def test_same_as_pattern_on_random_text():
    """Random strings of type-word syllables, diacritic variants, case, glue and odd spaces."""
    pieces = ["nghị", "Nghi", "NGHỊ", "quyết", "quyêt", "định", "luật", "bộ", "Bộ", "kế", "hoạch", "thông",
              "tư", "báo", "cáo", "đề", "án", "xã", "số", "2", "-", ",", "“", " ", "  ", "\t", "\n", "\x1c",
              "\u00a0", "K", "ǹ", "ȑ", "q"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " "]) for _ in range(rng.randint(1, 12)))
        assert spans(TYPE_WORDS.finditer(text)) == spans(TYPE_WORD_RE.finditer(text)), text
