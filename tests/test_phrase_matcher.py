"""The phrase matcher finds what the regex alternation of its phrases finds."""
from __future__ import annotations

import pytest
import regex

from pipeline.phrase_matcher import PhraseMatcher, candidate_words

PHRASES = ["Hà Nội", "Hà Nam", "Hà", "TP.HCM", "TP", "Cư M'gar", "Bà Rịa - Vũng Tàu", "tỉnh Hà"]


def _pattern(phrase: str) -> str:
    return regex.escape(phrase).replace(r"\ ", r"\s+")


def _alternation() -> regex.Pattern:
    return regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(f"(?:{_pattern(p)})" for p in PHRASES) + r")(?![\p{L}\p{N}])")


MATCHER = PhraseMatcher((p, _pattern(p)) for p in PHRASES)


@pytest.mark.parametrize("text", [
    "Hà Nội và Hà Nam", "Hà  Nội", "Hà\nNội", "Hà Nộii", "xHà Nội", "Hà", "Hàx", "TP.HCM, TP HCM, TP.",
    "Cư M'gar", "Cư M", "Bà Rịa - Vũng Tàu", "tỉnh Hà Nam", "tỉnh Hà", "", "Hà Nội Hà Nội", "1Hà",
])
def test_finditer_is_the_alternations(text):
    expected = [m.span() for m in _alternation().finditer(text)]
    assert [m.span() for m in MATCHER.finditer(text)] == expected


@pytest.mark.parametrize("text,pos,span", [
    ("ở Hà Nội", 2, (2, 8)),
    ("ở Hà Nam.", 2, (2, 8)),
    ("ở Hà Nội", 0, None),      # no phrase opens with "ở"
    ("ở HàNội", 2, None),       # the word there is "HàNội"
    ("TP.HCM", 0, (0, 6)),
])
def test_match_at_a_position(text, pos, span):
    m = MATCHER.match(text, pos)
    assert (m.span() if m else None) == span


@pytest.mark.parametrize("text,full", [("Hà Nội", True), ("Hà", True), ("Hà Nội x", False), ("TP.", False)])
def test_fullmatch(text, full):
    assert (MATCHER.fullmatch(text) is not None) == full


def test_a_phrase_must_open_with_a_word():
    with pytest.raises(ValueError):
        PhraseMatcher([(" Hà", "Hà")])


@pytest.mark.parametrize("text,words", [
    ("Hôm Hà Nội tỉnh hôm", ["Hôm", "Hà", "tỉnh"]),   # capitals by a key's initial, lowercase words by the key
    ("tỉnhx huyệnMỹ", ["tỉnhx", "huyệnMỹ"]),              # a lowercase word begun by a key
    ("xHà tại", []),
])
def test_candidate_words(text, words):
    assert [m.group() for m in candidate_words(["Hà", "tỉnh"], ["huyện"]).finditer(text)] == words


FOLDED = PhraseMatcher(((p.casefold(), _pattern(p.casefold())) for p in PHRASES), head=r"(?<![\p{L}\p{N}])",
                       ignore_case=True)


@pytest.mark.parametrize("text,pos,span", [
    ("ở HÀ NỘI", 2, (2, 8)), ("ở hà nam.", 2, (2, 8)), ("ở hÀ", 2, (2, 4)),
    ("xHÀ NỘI", 1, None),   # not at a word start
    ("tp.hcm", 0, (0, 6)), ("Hà Nộii", 0, (0, 2)),
])
def test_ignore_case(text, pos, span):
    m = FOLDED.match(text, pos)
    assert (m.span() if m else None) == span


def test_groups_compile_when_first_needed_and_every_gazetteer_group_compiles():
    """Groups are compiled lazily (start-up): a bad pattern in the rules must still show in the
    tests, not on the first article that holds its word."""
    from pipeline.extract.org_places import gazetteer
    from pipeline.place_matcher import PLACES

    matcher = PhraseMatcher((p, _pattern(p)) for p in PHRASES)
    assert matcher._compiled == {}
    assert [m.group() for m in matcher.finditer("về Hà Nội")] == ["Hà Nội"]
    assert set(matcher._compiled) == {"Hà"}
    assert matcher.group("Nowhere") is None
    for names in (gazetteer().name_re, PLACES.names):
        words = names.first_words()
        assert len(words) > 100
        assert all(names.group(w) is not None for w in words)


def test_simple_case_folding_finds_every_gazetteer_name_in_capitals():
    """The gazetteer's groups compile with simple (letter for letter) case folding: every name
    and alias must still be found written in capitals or in title case, as headlines write them."""
    from pipeline.extract.org_places import gazetteer

    g = gazetteer()
    assert len(g.by_key) > 500
    for key in g.by_key:
        for written in (key.upper(), key.title()):
            m = g.name_re.match(written)
            assert m is not None and m.end() == len(written), (key, written)
