"""Cue words found once per sentence (cue_index.py) answer exactly what the cue regexes answer,
for any stretch of any text, and the metric features built from them are unchanged."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.cue_index import CueIndex, cue_regex
from pipeline.metric_model import _CUES, CUES

LISTS = {"a": ["kết nạp", "kết nạp đảng", "đạt", "phấn đấu"],
         "b": ["đảng", "nạp", "đoàn viên mới", "đoàn viên"],
         "c": ["phấn đấu đạt", "viên"]}
INDEX = CueIndex(LISTS)


def by_regex(lists, text: str, start: int, end: int) -> dict:
    out = {}
    for name, words in lists.items():
        found = [(start + m.start(), start + m.end(), m.group().casefold())
                 for m in cue_regex(words).finditer(text[start:end])]
        if found:
            out[name] = found
    return out


@pytest.mark.parametrize("text, start, end, expected", [
    # leftmost, then longest, per list; lists overlap freely
    ("Kết nạp Đảng cho 322 đoàn viên mới", 0, 34,
     {"a": [(0, 12, "kết nạp đảng")], "b": [(4, 7, "nạp"), (8, 12, "đảng"), (21, 34, "đoàn viên mới")],
      "c": [(26, 30, "viên")]}),
    # a stretch that ends before "đảng" keeps the shorter cue
    ("Kết nạp Đảng cho 322 đoàn viên mới", 0, 10, {"a": [(0, 7, "kết nạp")], "b": [(4, 7, "nạp")]}),
    # whole words only: "đạtđược", "viênchức" hold no cue
    ("đạtđược 5 viênchức", 0, 18, {}),
    # a stretch cutting a word in two: the regex sees "ạp" / "nạp" as words there
    ("kết nạp", 5, 7, by_regex(LISTS, "kết nạp", 5, 7)),
    ("kết nạp", 4, 7, {"b": [(4, 7, "nạp")]}),
])
def test_matches(text, start, end, expected):
    assert INDEX.hits(text).matches(start, end) == expected


def test_a_cut_word_is_answered_as_the_regex_answers():
    text = "phấn đấu đạt 100%"
    # "ấu đạt": the regex finds "đạt"; "phấn đấu đạ" cut inside "đạt" finds "phấn đấu"
    assert INDEX.hits(text).matches(6, 12) == by_regex(LISTS, text, 6, 12) == {"a": [(9, 12, "đạt")]}
    assert INDEX.hits(text).matches(0, 11) == by_regex(LISTS, text, 0, 11) == {"a": [(0, 8, "phấn đấu")]}


def test_cues_must_start_and_end_with_a_letter():
    with pytest.raises(ValueError, match="must start and end with a letter"):
        CueIndex({"x": ["đạt "]})


WORDS = ["kết", "nạp", "Đảng", "đảng", "đoàn", "viên", "mới", "đạt", "phấn", "đấu", "KẾT", "NẠP", "ĐẠT",
         "5", "xã", "ß", "İ"]
SEPS = [" ", "  ", ", ", "-", "", "(", ") "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPS)), max_size=14), st.data())
def test_any_stretch_of_any_text_matches_the_regexes(pieces, data):
    text = "".join(w + s for w, s in pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert INDEX.hits(text).matches(start, end) == by_regex(LISTS, text, start, end)


REAL = ["Năm 2023, LĐLĐ tỉnh đã kết nạp 856 đoàn viên, thành lập mới 12 CĐCS, đạt 110,7% chỉ tiêu.",
        "Phấn đấu đến năm 2028 có 95% đoàn viên được tập huấn; giới thiệu 322 đoàn viên ưu tú cho Đảng xem xét kết nạp.",
        "Tổng số hội nghị đối thoại đã tổ chức là 39 cuộc, trao 1.200 suất quà Tết trị giá 600 triệu đồng."]


@pytest.mark.parametrize("text", REAL)
def test_real_sentences_match_the_shipped_cue_regexes(text):
    lists = {**{("status", k): v for k, v in _CUES["status_cues"].items()},
             **{("indicator", k): v for k, v in _CUES["indicator_cues"].items()}}
    hits = CUES.hits(text)
    assert hits.matches(0, len(text))  # these sentences hold cues
    for start in range(0, len(text), 7):
        for end in range(start, len(text) + 1, 11):
            assert hits.matches(start, end) == by_regex(lists, text, start, end)


NOT_CUES_INDEX = CueIndex({"target": ["giao", "chỉ tiêu giao", "được giao"], "achieved": ["chi", "chi trả"]},
                          not_cues=["giao thông", "bàn giao", "chi nhánh"])


@pytest.mark.parametrize("text, start, end, expected", [
    # a cue inside a longer word that does not mean it is no cue, on either path (whole
    # sentence from the table, a stretch cutting a word from the regexes)
    ("Công đoàn ngành Giao thông vận tải thăm 4 đoàn viên", 0, 50, {}),
    ("Công đoàn ngành Giao thông vận tải thăm 4 đoàn viên", 17, 50, {}),
    ("bàn giao 29 công đoàn cơ sở", 0, 27, {}),
    ("Chi nhánh Công ty chi trả 5 triệu đồng", 0, 38, {"achieved": [(18, 25, "chi trả")]}),
    # the cue itself, and a longer cue holding it, still count
    ("đạt 120% chỉ tiêu giao", 0, 22, {"target": [(9, 22, "chỉ tiêu giao")]}),
    ("nhiệm vụ được giao, giao thông", 0, 30, {"target": [(9, 18, "được giao")]}),
])
def test_not_cues(text, start, end, expected):
    assert NOT_CUES_INDEX.hits(text).matches(start, end) == expected


def test_a_sector_union_named_for_transport_sets_no_target():
    """ "Giao thông" in a union's name is not the target cue "giao" (to assign)."""
    from pipeline.core import process_record
    from pipeline.records import RawRecord
    text = ("Ngày 5-2, Công đoàn ngành Giao thông vận tải tổ chức đến thăm và trao hỗ trợ cho 4 đoàn viên, người lao "
            "động bị bệnh hiểm nghèo, tai nạn giao thông đang điều trị tại bệnh viện, có hoàn cảnh đặc biệt khó khăn.")
    [m] = process_record(RawRecord(doc_id="t", source="t", text=text)).metrics
    assert (m.value, m.indicator, m.status) == (4.0, "welfare", "achieved")
