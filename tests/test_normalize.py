import unicodedata

import pytest

from pipeline.normalize import RULES, MappedText, normalize_text

NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731


@pytest.mark.parametrize(
    "raw, expected",
    [
        # old tone placement at a syllable's end -> modern
        ("công nghiệp hoá, hiện đại hoá", "công nghiệp hóa, hiện đại hóa"),
        ("Thuỷ điện", "Thủy điện"),
        ("thuỷ", "thủy"),
        ("hoà bình", "hòa bình"),
        ("tỉnh Khánh Hoà.", "tỉnh Khánh Hòa."),
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("Đảng uỷ", "Đảng ủy"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("loà", "lòa"),
        ("HOÀ BÌNH", "HÒA BÌNH"),
        ("THUỶ", "THỦY"),
        ("Hoà", "Hòa"),
        # the pair does not end the syllable: unchanged
        ("đoàn viên công đoàn", "đoàn viên công đoàn"),
        ("toàn tỉnh hoàn thành", "toàn tỉnh hoàn thành"),
        ("ĐOÀN KẾT", "ĐOÀN KẾT"),
        ("hoàng", "hoàng"),
        ("hoáđất", "hoáđất"),  # glued words: not a syllable end (as score.py)
        # "qu": the u belongs to the consonant, the tone stays on y
        ("quý I", "quý I"),
        ("Quỳnh Lưu", "Quỳnh Lưu"),
        # modern placement already: unchanged
        ("hòa, thủy, hóa", "hòa, thủy, hóa"),
        # Đ lookalikes
        ("\u00D0oàn viên", "Đoàn viên"),
        ("\u00F0ồng chí", "đồng chí"),
        # odd spaces, zero-width marks, runs of spaces
        ("Liên\u00A0đoàn", "Liên đoàn"),
        ("Lao\u2009động", "Lao động"),
        ("Công\u200Bđoàn", "Côngđoàn"),
        ("\uFEFFNgày 12/6", "Ngày 12/6"),
        ("hai  ba   bốn", "hai ba bốn"),
        ("a\tb", "a b"),
        # line breaks, trailing and leading spaces, blank runs
        ("dòng một\r\ndòng hai\rdòng ba", "dòng một\ndòng hai\ndòng ba"),
        ("dòng một   \n   dòng hai  ", "dòng một\ndòng hai"),
        ("một\n\n\n\nhai", "một\n\nhai"),
        ("\n\n  một\n\n", "một"),
        # decomposed input is composed
        (NFD("Liên đoàn Lao động tỉnh Thanh Hoá"), "Liên đoàn Lao động tỉnh Thanh Hóa"),
        (NFD("Nghị quyết số 02"), "Nghị quyết số 02"),
    ],
)
def test_normalize_text(raw, expected):
    assert normalize_text(raw).text == expected


def _maps_to(body_char: str, raw: str, j: int) -> bool:
    """body_char is raw[j], or what normalisation makes of the character cluster starting at raw[j]."""
    raw_char = raw[j]
    if body_char == raw_char:
        return True
    if raw_char in RULES.char_map and RULES.char_map[raw_char] == body_char:
        return True
    if raw_char == "\r" and body_char == "\n":
        return True
    # NFC of a decomposed cluster, or a tone mark moved: same base letter, same case
    base = lambda c: unicodedata.normalize("NFD", c)[0]  # noqa: E731
    return base(body_char) == base(raw_char)


@pytest.mark.parametrize(
    "raw",
    [
        "Khánh Hoà\u00A0 và  Thuỷ\r\nđoàn viên\u200B \n\n\n\u00D0ảng uỷ  ",
        NFD("Công đoàn tỉnh Thanh Hoá, Uỷ ban nhân dân.\r\n\r\nHOÀ"),
        "",
        "   ",
    ],
)
def test_offsets_trace_every_char_to_raw(raw):
    m = normalize_text(raw)
    assert len(m.offsets) == len(m.text) + 1
    assert all(a < b for a, b in zip(m.offsets, m.offsets[1:]))
    assert all(0 <= o <= len(raw) for o in m.offsets)
    for i, ch in enumerate(m.text):
        assert _maps_to(ch, raw, m.offsets[i]), (i, ch, raw[m.offsets[i]])


def test_moved_tone_maps_each_char_to_its_own_raw_char():
    m = normalize_text("xã Hoà An")
    i = m.text.index("Hòa")
    assert [m.text[i + k] for k in range(3)] == ["H", "ò", "a"]
    assert [m.offsets[i + k] for k in range(3)] == [3, 4, 5]  # "H", "o", "à" in the raw text


def test_sub_deletes_and_keeps_end():
    import regex

    m = MappedText.of("a--b").sub(regex.compile("-+"), "")
    assert m.text == "ab"
    assert m.offsets == (0, 3, 4)


def test_fast_paths_give_the_plain_patterns_results():
    """The tone pattern's moved lookbehind and the str prefilters of map_chars/tidy_spaces change nothing."""
    import random

    import regex

    from pipeline import normalize as n

    keys = sorted(n.RULES.tone_moves, key=len, reverse=True)
    plain_tone = regex.compile("(?<![qQ])(?:" + "|".join(map(regex.escape, keys)) + r")(?!\w)", regex.IGNORECASE)

    def plain_tidy(t):
        for pattern, repl in ((n._SPACE_RUN, " "), (n._LINE_EDGE_SPACE, ""), (n._BLANK_RUN, "\n\n"), (n._TEXT_EDGE_BREAKS, "")):
            t = t.sub(pattern, repl)
        return t

    pieces = ["hoà", "Hoà", "QUÝ", "quý", "thuỷ", "oà", "OÀ", "x", "1", " ", "  ", "\n", "\n\n\n", "\r", "\u00a0", "\u200b", "Đ", "\t"]
    rng = random.Random(2)
    for _ in range(5000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert [m.span() for m in n.RULES.tone_pattern.finditer(s)] == [m.span() for m in plain_tone.finditer(s)], s
        t = n.MappedText.of(s)
        assert n.tidy_spaces(t) == plain_tidy(t), s
        assert n.map_chars(t) == t.sub(n.RULES.char_class, lambda m: n.RULES.char_map[m.group()]), s
