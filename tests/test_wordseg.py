"""wordseg gives underthesea's words (word_tokenize, use_token_normalize=False), built faster."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from underthesea import word_tokenize

from pipeline.wordseg import _WINDOW_KINDS, _WINDOWS_OF, WordSegmenter, _attribute, _is_i32, _title, segmenter

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"


def _public(text: str) -> list[str]:
    return word_tokenize(text, use_token_normalize=False)


def featurizer_rows(syllables: list[str]) -> list[list[str]]:
    """The attribute strings underthesea's own featurizer writes for `syllables` (what its
    Rust tagger is given by `word_tokenize`)."""
    import underthesea.pipeline.word_tokenize as public

    public.word_tokenize("khởi động")  # loads the model the public API uses
    return public.word_tokenize_model.featurizer.process([[[s] for s in syllables]])[0]


def _corpus_lines() -> list[str]:
    paths = sorted((ROOT / "eval" / "real").glob("*.txt")) + sorted(DEV.glob("*.txt"))
    paths += sorted((ROOT / "corpus").rglob("*.txt"))
    lines = [line for p in paths for line in p.read_text(encoding="utf-8").split("\n") if line.strip()]
    for dump in sorted((ROOT / "corpus").rglob("*.jsonl")):
        for record in dump.read_text(encoding="utf-8").splitlines():
            text = json.loads(record).get("text") or ""
            lines += [line for line in text.split("\n") if line.strip()]
    return lines


def test_the_words_equal_underthesea_on_every_corpus_line():
    lines = _corpus_lines()
    assert len(lines) > 2000
    seg = segmenter()
    different = [line for line in lines if seg.segment(line) != _public(line)]
    assert different == []


@pytest.mark.parametrize("text", [
    "Hà Nội ngày 12/6/2021 kết nạp 856 đoàn viên",
    "Ⅻ aB Ab Cd -5 +5 2147483647 2147483648 ١٢ ² ½ 1.5 1,5",
    "Đà Nẵng, đà phát triển; TP.HCM - www.congdoan.vn, email: a@b.vn",
    "a", ".", "  ", "",
    "İstanbul ΣΑΣ straße Ǆemal",  # case mappings that differ between languages
])
def test_odd_text_gives_the_same_words(text):
    assert segmenter().segment(text) == _public(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĐHNT0123456789 .,-+/%()Ⅻ²İàáạảãềệ")),
               max_size=60))
def test_any_text_gives_the_same_words(text):
    assert segmenter().segment(text) == _public(text)


def _pattern_syllables(text: str) -> list[str]:
    return [m.group() for m in segmenter().pattern.finditer(text)]


@pytest.mark.parametrize("text", [
    "TP. HCM", "TP.", "TP.\n", "TP.\n\n", "ông A. Bình", "Vui :D", "Vui :D\n", ":D :D", "a@b.vn @c.vn",
    "www.congdoan.vn/tin-tuc ", "v.v... x", "H&M", "  ", "",
])
def test_syllables_cut_chunk_by_chunk_equal_the_pattern_over_the_text(text):
    fresh = WordSegmenter()  # an empty chunk cache, then a full one
    assert fresh.syllables(text) == fresh.syllables(text) == _pattern_syllables(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("aAĐD .:\n\t@/-()v0") + ["TP.", ":D", "www.", ".vn", "\u00a0"]),
                max_size=25).map("".join))
def test_syllables_of_any_text_equal_the_pattern_over_the_text(text):
    assert segmenter().syllables(text) == _pattern_syllables(text)


@pytest.mark.parametrize("text, expected", [
    ("2147483647", True), ("2147483648", False), ("-5", True), ("+5", True), ("05", True),
    ("1.5", False), ("١٢", False), ("²", False), ("", False), ("-", False),
])
def test_isdigit_is_a_32_bit_integer(text, expected):
    assert _is_i32(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("Hà", True), ("hà", False), ("12/6/2021", True), (",", True), ("Ⅻ", True),
    ("Ab Cd", True), ("Ab cd", False), ("aB", False),
])
def test_istitle_is_no_part_starting_lower_case(text, expected):
    assert _title(text) is expected


def test_the_cache_starts_afresh_past_its_bound(monkeypatch):
    import pipeline.wordseg as wordseg

    monkeypatch.setattr(wordseg, "_CACHE_MAX", 3)
    seg = WordSegmenter()
    assert seg.segment("một hai ba bốn năm") == _public("một hai ba bốn năm")
    assert len(seg.scored) == 5 + 4 + 3  # syllables, pairs, triples
    assert seg.segment("sáu") == ["sáu"]
    assert len(seg.scored) == 1



def test_the_windows_are_the_featurizers_attributes():
    """The fast path scores exactly the attributes underthesea's featurizer writes: the same
    43 names at every position, BOS and EOS where a window reaches past the sentence."""
    ours = sorted(_attribute(w, kind, "") for w, kinds in _WINDOW_KINDS.items() for kind in kinds)
    assert len(ours) == 43
    rows = featurizer_rows(["Hà", "Nội", "kết", "nạp", "856", "đoàn", "viên"])
    for row in rows:
        assert sorted(a[:a.index("=") + 1] for a in row) == ours
    assert {"T[-2]=BOS", "T[-1]=BOS", "T[0]=Hà", "T[0,1]=Hà Nội", "T[0].istitle=True"} <= set(rows[0])
    assert {"T[1,2]=EOS", "T[2].lower=EOS"} <= set(rows[-1])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Hà", "nội", "đoàn", "viên", "12", "-5", "TP.", "xyzq", "Công", "đoàn"]),
                min_size=1, max_size=3))
def test_a_new_ngram_scores_as_its_attribute_strings_say(syllables):
    seg = segmenter()
    gram = " ".join(syllables)
    lower = " ".join(s.lower() for s in syllables)
    m = len(syllables)
    assert seg._new_scores(gram, lower, m) == tuple(seg._score(w, gram, lower) for w in _WINDOWS_OF[m])


def test_dictionary_read_as_joblib_reads_it():
    """The segmenter reads underthesea's dictionary with pickle (faster start-up): the same
    72k words joblib.load gives."""
    import joblib
    import underthesea.pipeline.word_tokenize as public

    from pipeline.wordseg import _model

    path = Path(public.__file__).parent / "models" / "ws_crf_vlsp2013_20230727" / "dictionary.bin"
    expected = frozenset(joblib.load(path))
    assert _model()[3] == expected and len(expected) > 70_000
