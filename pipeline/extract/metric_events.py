"""Cue phrases around a figure that tell what it counts and how it is meant: the event
phrase before and after it, an indicator the wording settles, a list of goals it falls
in, a size ("có/gồm/với") rather than a result."""
from __future__ import annotations

import regex

from ..ruledata import load_yaml
from ..phrase_matcher import word_alternation
from .numbers import Quantity

_CUES = load_yaml("metric_cues.yaml")


# syllable -> the syllables it makes one word with when written after them ("thực hiện")
_BOUND = {k.casefold(): [w.casefold() for w in ws] for k, ws in _CUES["bound_syllables"].items()}


def _phrase(phrase: str) -> str:
    """A phrase as a pattern; one opening with a bound syllable is not read where the syllable
    before it makes one word with it ("hiện có" is not in "thực hiện có hiệu quả")."""
    first = phrase.split(maxsplit=1)[0].casefold() if phrase.strip() else ""
    if first in _BOUND:
        return r"(?<!(?<!\p{L})(?:" + "|".join(map(regex.escape, _BOUND[first])) + r")\s+)" + regex.escape(phrase)
    return regex.escape(phrase)


def phrase_regex(words) -> regex.Pattern:
    """Whole-word alternation of phrases, longest first (case-insensitive)."""
    alt = "|".join(_phrase(w) for w in sorted(set(words), key=len, reverse=True))
    return regex.compile(r"(?<!\p{L})(?:" + alt + r")(?!\p{L})", regex.I)


# event phrase -> indicator; one alternation so the longest phrase wins ("kết nạp Đảng")
EVENT_OF: dict[str, str] = {w.casefold(): ind for ind, ws in _CUES["event_cues"].items() for w in ws}
# the not_cues in the same alternation: a longer word holding an event phrase ("đào tạo" in
# "Sở Giáo dục và Đào tạo", "bàn giao") is matched whole and then passed over
_NOT_CUES = frozenset(w.casefold() for w in _CUES["not_cues"]) - EVENT_OF.keys()
_EVENT_OR_NOT_RE = phrase_regex(EVENT_OF.keys() | _NOT_CUES)


def _events(text: str):
    """The event phrases of `text` in order, none inside a not_cue."""
    return (m for m in _EVENT_OR_NOT_RE.finditer(text) if m.group().casefold() not in _NOT_CUES)


_LIGHT_VERBS = frozenset(w.casefold() for w in _CUES["event_light_verbs"])
_LIGHT_REACH = int(_CUES["event_light_reach"])
_EVENT_WINDOW = int(_CUES["event_window"])
_UNIT_SHARE_NOT = frozenset(_CUES["unit_share_not_events"])
_UNIT_NOUN_RE = regex.compile(r"^(?:" + "|".join(
    regex.escape(w) for w in sorted(_CUES["unit_nouns"], key=len, reverse=True)) + r")(?!\p{L})", regex.I)
DECISIVE_AFTER = {w.casefold(): ind for ind, ws in _CUES["decisive_events"]["after"].items() for w in ws}
DECISIVE_BEFORE = {w.casefold(): ind for ind, ws in _CUES["decisive_events"]["before"].items() for w in ws}
_DECISIVE_AFTER_RE = phrase_regex(DECISIVE_AFTER)
_DECISIVE_BEFORE_RE = phrase_regex(DECISIVE_BEFORE)
_DECISIVE_REACH = int(_CUES["decisive_before_reach"])
_TARGET_OPENER_RE = phrase_regex(_CUES["target_openers"])
_TARGET_NOT_AFTER_RE = regex.compile(r"(?:(?<!\p{L})(?:" + "|".join(
    regex.escape(w) for w in sorted(_CUES["target_opener_not_after"], key=len, reverse=True))
    + r")(?!\p{L})|%)\s*(?:\S+\s+){0," + str(int(_CUES["target_opener_not_after_reach"])) + r"}$", regex.I)
TARGET_BREAKER_RE = phrase_regex(_CUES["target_breakers"])
_CLOSED_ASIDE_RE = regex.compile(r"\([^()]*\)")
_STOCK_VERBS = frozenset(w.casefold() for w in _CUES["stock_verbs"])
_HEDGE_WORDS = frozenset(w.casefold() for w in load_yaml("metric_numbers.yaml")["hedges"])


# "đại diện cho"/"thay mặt cho" (standing for): what follows is the body represented; a bare
# "đại diện" is as often a noun ("đại diện lãnh đạo ... 13 Công đoàn cơ sở tham dự": they came)
_REPRESENTED_SIZE_RE = regex.compile(r"(?<!\p{L})(?:" + word_alternation(
    [w for w in _CUES["representation_words"] if w.endswith(" cho")]) + r")(?!\p{L})(?:\s+\S+){0,"
    + str(int(_CUES["representation_reach"])) + r"}?\s*$", regex.I)


def stands_for(c) -> bool:
    """The figure counts what delegates stand for ("200 đại biểu đại diện cho gần 5.000 đoàn
    viên thuộc 60 công đoàn cơ sở"): the size of the body represented, at its congress."""
    return _REPRESENTED_SIZE_RE.search(c.sentence.text, 0, c.quantity.num_start - c.sentence.start) is not None


_NO_EVENT = object()  # "not looked for yet", as opposed to None: "no event phrase"


def last_event_match(clause_left: str) -> regex.Match | None:
    """The event phrase nearest before the number in its clause (the last one)."""
    last = None
    for last in _events(clause_left):
        pass
    return last


def events_before(clause_left: str) -> set[str]:
    """The indicators of every event phrase before the number in its clause."""
    return {EVENT_OF[m.group().casefold()] for m in _events(clause_left)}


def event_before(clause_left: str, last_event=_NO_EVENT) -> str | None:
    """The indicator of the event phrase nearest before the number in its clause
    (`last_event`: last_event_match(clause_left), where the caller has it)."""
    last = last_event_match(clause_left) if last_event is _NO_EVENT else last_event
    return EVENT_OF[last.group().casefold()] if last else None


def event_after(clause_right: str, window_words: int | None = _EVENT_WINDOW) -> str | None:
    """The indicator of the first event phrase among the few words after the quantity
    (its subject and predicate: "đoàn viên được kết nạp Đảng", "CĐCS tổ chức đối thoại").
    A light verb ("tham gia", "huy động") yields to an event right after it."""
    window = " ".join(clause_right.split()[:window_words])
    hits = list(_events(window))
    if not hits:
        return None
    first = hits[0]
    if first.group().casefold() in _LIGHT_VERBS:
        for h in hits[1:]:
            gap = len(window[first.end():h.start()].split())
            if gap > _LIGHT_REACH:
                break
            if h.group().casefold() not in _LIGHT_VERBS:
                return EVENT_OF[h.group().casefold()]
    return EVENT_OF[first.group().casefold()]


def decisive_event(q: Quantity, subject: str | None, clause_left: str, clause_right: str,
                   ev_after: str | None, last_event=_NO_EVENT) -> str | None:
    """An indicator the wording settles, whatever the counted noun:
    - a percentage of units takes what the units do ("100% CĐCS tham gia giám sát": oversight);
    - the counted group's predicate: "27 đoàn viên được kết nạp Đảng", "tham gia hiến máu";
    - a governing award or verb a few words before: "tuyên dương 90 nữ nhà giáo",
      "Bằng khen và 3 triệu đồng".
    """
    if q.unit == "percent" and subject and _UNIT_NOUN_RE.match(subject.removeprefix("các ")):
        activity = event_after(clause_right, None)  # what the units do, anywhere in the clause
        if activity and activity not in _UNIT_SHARE_NOT:
            return activity
    window = " ".join(clause_right.split()[:_EVENT_WINDOW])
    m = _DECISIVE_AFTER_RE.search(window)
    if m and DECISIVE_AFTER[m.group().casefold()] == ev_after and _predicate_reaches(window[:m.start()]):
        return DECISIVE_AFTER[m.group().casefold()]
    last = last_event_match(clause_left) if last_event is _NO_EVENT else last_event
    if last and last.group().casefold() in DECISIVE_BEFORE:
        if len(clause_left[last.end():].split()) <= _DECISIVE_REACH:
            return DECISIVE_BEFORE[last.group().casefold()]
    return None


# A predicate after a figure is that figure's own up to the next figure: past it, it belongs to
# the later one ("thành lập 6 CĐCS, đạt 150%, kết nạp 2.667 đoàn viên, ký thỏa ước với 4 đơn
# vị"), unless the two are coordinated subjects of it ("20 tập thể và 60 cá nhân được khen
# thưởng": one figure after a comma or "và", with at most a hedge before it), or the figure
# is a fraction's numerator ("157.605/271.733 đoàn viên tham gia").
_COORDINATED_FIGURE_RE = regex.compile(r"/\d[\d.,]*\D*|\D*(?:,|\svà)\s+(?:\p{L}+\s+)?\d[\d.,]*\D*")


def _predicate_reaches(between: str) -> bool:
    """The figure's predicate may stand after `between` (the text from the figure to it)."""
    return not any(ch.isdigit() for ch in between) or _COORDINATED_FIGURE_RE.fullmatch(between) is not None


_LIST_COLON_RE = regex.compile(r"[^\d:;.]{0,40}:")  # the opener announces a list: "chỉ tiêu phấn đấu:"


def in_target_scope(sentence_before: str, carried: bool = False) -> bool:
    """A goal opened earlier in the sentence still governs the number: "phấn đấu",
    "các chỉ tiêu:", "yêu cầu ... bảo đảm", "đề ra" (not "vượt chỉ tiêu đề ra"), with
    no result word ("đã", "kết quả", "đến nay") between it and the number. `carried`: the list
    of goals runs on from the sentence before (continues_goals), opened there."""
    openers = [m for m in _TARGET_OPENER_RE.finditer(sentence_before)
               if not _TARGET_NOT_AFTER_RE.search(sentence_before[max(0, m.start() - 60):m.start()])]
    if not openers:
        return carried and not TARGET_BREAKER_RE.search(_CLOSED_ASIDE_RE.sub(" ", sentence_before))
    # an aside in brackets does not end the list: "có 400.000 đoàn viên (hiện có trên 280.000);
    # 100% doanh nghiệp ..." still counts goals after the present figure it quotes; in a list
    # of goals the opener announces with a colon ("các chỉ tiêu phấn đấu: ...; ...") a result
    # word inside one goal ends that goal only ("đến cuối năm 2022 thành lập được công đoàn ở
    # 100% doanh nghiệp; hằng năm có trên 90% ... đạt loại tốt")
    since = openers[-1].end()
    if _LIST_COLON_RE.match(sentence_before, since):
        since = max(since, sentence_before.rfind(";") + 1)
    return not TARGET_BREAKER_RE.search(_CLOSED_ASIDE_RE.sub(" ", sentence_before[since:]))


# what may stand before a figure that opens its sentence: a list mark, a hedge ("Trên 85% ...")
_FIGURE_FIRST_RE = regex.compile(r"^[\s\-–—+•*]*(?:(?:" + "|".join(
    regex.escape(w) for w in sorted(_HEDGE_WORDS, key=len, reverse=True)) + r")\s+)?$", regex.I)


def continues_goals(previous: str, previous_continued: bool, gap: str, sentence_before: str) -> bool:
    """A sentence that opens with its figure right after a goal, in the same paragraph, is one
    more goal of the list ("Nhiệm kỳ tới, LĐLĐ thành phố phấn đấu 100% số CĐCS ... . 95% số
    CNLĐ đăng ký đạt gia đình văn hóa. 70% số CĐCS đạt danh hiệu vững mạnh."). `previous`: the
    sentence before (itself such a goal where `previous_continued`); `gap`: the text between."""
    if "\n\n" in gap or not _FIGURE_FIRST_RE.match(sentence_before):
        return False
    return in_target_scope(previous, previous_continued)  # the end of the sentence before is among goals


def is_stock(left: tuple[str, ...], verbs_before: tuple[str, ...], sentence_verbs: tuple[str, ...] = ()) -> bool:
    """A size, not a result: the number's governing word is "có/gồm/với/quản lý"
    ("LĐLĐ huyện có 78 CĐCS với 2.915 đoàn viên"); a clause without a verb of its own
    continues the sentence's ("Hiện toàn tỉnh có 15 LĐLĐ huyện, ...; 77.447 đoàn viên")."""
    words = [w for w in left if w not in _HEDGE_WORDS]
    if words and words[-1] in _STOCK_VERBS:
        return True
    if verbs_before:
        return verbs_before[-1] in _STOCK_VERBS and (not words or words[-1] == verbs_before[-1])
    return bool(sentence_verbs) and sentence_verbs[-1] in _STOCK_VERBS
