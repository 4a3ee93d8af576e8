"""Date expressions: days, months, years, ranges and periods.

Every expression is first read as a `Draft` whose year may be missing
("Chiều 26/10", "Ngày 4-7"); year-less drafts then take their year from the
article: the publication date (or a partial dump date) when known, else a
year the sentence or paragraph states, else an explicitly dated day close to
it in the article, else a year the headline or the article's opening states
("năm 2024", "6 tháng đầu năm 2024", a headline's bare "2024"; a term such as
"nhiệm kỳ 2018-2023" states none outside a congress). Where no year can be told, a day is kept with
`date` None so that later stages still know the span is a date.

A day-month without a year is a day only next to a day cue ("ngày", "sáng",
"chiều", a weekday, "kỷ niệm ..."): "3/5" alone is a fraction. Numbers glued
to letters, slashes or other digits (document numbers "02-NQ/TW", phone
numbers, "COVID-19", money "1.600", times "05:27") never start a date.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from ..document import Document
from ..records import OUTSIDE_BODY, DateMention
from ..ruledata import load_yaml
from .prefixed import finditer_from_core
from .published import (calendar_date, dump_header, dump_header_date, find_dateline, page_clock_spans,
                        word_alternation)

YMD = tuple  # (year | None, month | None, day | None)


@dataclass(frozen=True)
class Draft:
    """One date expression as read, before its year is resolved.

    `first`/`last` are (year, month, day) with month/day None for a whole
    year/month; year None where the text gives none. `in_range` marks the
    endpoints of a range (their year says less about the article's year).
    """

    kind: str
    start: int
    end: int
    first: YMD
    last: YMD
    in_range: bool = False
    directive: bool = False  # the issue date of a cited document
    confidence: float = 1.0


# ---------------------------------------------------------------- patterns

# a number starts here, not inside a code, amount or time, nor after "thứ" (a weekday
# "Thứ 7" or an ordinal "lần thứ 4")
_NS = r"(?<![\p{L}\d/.,:\-])(?<!(?i:thứ)\s+)"
_NE = r"(?!\d|[/.\-:]\d)"  # and ends here
_D = r"\d{1,2}"
_Y = r"(?:1[89]|20)\d\d"
_SEP = r"[/.\-]"


@lru_cache(maxsize=1)
def _vocab() -> dict:
    return load_yaml("dates.yaml")


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, regex.Pattern]]:
    """(name, compiled pattern) for every expression shape, most specific first."""
    v = _vocab()
    joiner = word_alternation(v["range_joiners"] + v["list_joiners"])
    range_joiner = word_alternation(v["range_joiners"])
    period = word_alternation(list(v["period_cues"]) + ["từ"])
    year_cue = word_alternation(v["year_cues"])
    number_word = word_alternation(v["number_words"])
    month_not_after = word_alternation(v["month_not_after"])
    month_not_before = word_alternation(v["month_not_before"])
    quarter = "|".join(sorted(v["quarters"], key=len, reverse=True))
    year_range = _year_range_core(range_joiner)
    shapes = [
        # từ ngày 24 đến ngày 26 tháng 9 năm 2018
        ("words_range", rf"(?:từ\s+)?ngày\s+(?P<d1>{_D})(?:\s+tháng\s+(?P<m1>{_D}))?\s*(?:{range_joiner})\s*"
                        rf"(?:ngày\s+)?(?P<d2>{_D})\s+tháng\s+(?P<m2>{_D})(?:\s*(?:,\s*|năm\s+)(?P<y>{_Y}))?(?!\d)"),
        # ngày 12 tháng 6 năm 2021, ngày 12 tháng 6
        ("words_day", rf"ngày\s+(?P<d>{_D})\s+tháng\s+(?P<m>{_D})(?:\s*(?:,\s*|năm\s+)?(?P<y>{_Y}))?(?!\d)"),
        # 12 Tháng 10 2015 (datelines)
        ("words_day_y", rf"(?<![\p{{L}}\d])(?P<d>{_D})\s+tháng\s+(?P<m>{_D})\s*(?:,\s*|năm\s+)?(?P<y>{_Y})(?!\d)"),
        # 5-7/4, 17 và 18-8, 7 đến 9-11-2020, 5-6-7/4/2013
        # (and "từ ngày 20 đến ngày 22/5/1993")
        ("num_multi", rf"{_NS}(?P<items>{_D}(?:\s*(?:{joiner})\s*{_D}|\s*(?:{range_joiner})\s*ngày\s+{_D})+)(?P<s>{_SEP})(?P<m>{_D})(?:(?P=s)(?P<y>{_Y}))?{_NE}"),
        # 3/2 (1930-2025): an anniversary day in its first and latest year
        ("anniversary", rf"{_NS}(?P<d>{_D})(?P<s>{_SEP})(?P<m>{_D})\s*\(\s*(?P<y1>{_Y})\s*[-–—]\s*(?P<y2>{_Y})\s*\)"),
        # (28/7/1929-28/7/2024), (19/5/1890-2022): an anniversary span, glued or spaced
        ("day_span", rf"{_NS}(?P<d>{_D})(?P<s>{_SEP})(?P<m>{_D})(?P=s)(?P<y1>{_Y})\s*[-–—]\s*"
                     rf"(?:(?P<d2>{_D})(?P<s2>{_SEP})(?P<m2>{_D})(?P=s2))?(?P<y2>{_Y}){_NE}"),
        ("iso_day", rf"{_NS}(?P<y>{_Y})-(?P<m>\d\d)-(?P<d>\d\d){_NE}"),
        ("full_num", rf"{_NS}(?P<d>{_D})(?P<s>{_SEP})(?P<m>{_D})(?P=s)(?P<y>{_Y}){_NE}"),
        # từ 10/3 đến 15/3, 10/3 - 15/4/2022
        ("dm_range", rf"{_NS}(?P<d1>{_D})(?P<s>{_SEP})(?P<m1>{_D})\s*(?:{range_joiner})\s*(?:ngày\s+)?"
                     rf"(?P<d2>{_D})(?P=s)(?P<m2>{_D})(?:(?P=s)(?P<y>{_Y}))?{_NE}"),
        ("day_month", rf"{_NS}(?P<d>{_D})(?P<s>{_SEP})(?P<m>{_D}){_NE}"),
        # 6 tháng đầu năm 2022
        ("part_year", rf"(?<![\p{{L}}\d])(?P<n>\d{{1,2}}|{number_word})\s+tháng\s+(?P<half>đầu|cuối)\s+năm(?:\s+(?P<y>{_Y}))?(?!\d)"),
        # quý I/2023, quý 2 năm 2022
        ("quarter", rf"(?<!\p{{L}})quý\s+(?P<q>{quarter})(?![\p{{L}}\d])(?:\s*(?:[/\-]\s*|năm\s+)(?P<y>{_Y}))?(?!\d)"),
        # tháng 6 năm 2022, tháng 8/2015, tháng 11.2016, tháng 4
        ("month_words", rf"(?<!\d\s)(?<!(?:{month_not_after})\s+)(?<!\p{{L}})tháng\s+(?P<m>{_D})"
                        rf"(?:\s*(?:năm\s+|{_SEP}\s*)(?P<y>{_Y})|(?!\s*(?:{month_not_before})(?!\p{{L}}))){_NE}"),
        # 06/2022 (not 05/2019/TT-BLĐTBXH, a document number)
        ("month_num", rf"(?<!số\s){_NS}(?P<m>{_D})/(?P<y>{_Y})(?![\d/])"),
        # giai đoạn 2021-2025, nhiệm kỳ 2023 - 2028, từ năm 2020 đến hết năm 2022, 2020-2022
        # (the optional "cue", "năm" written as alternatives in the order they are tried: the
        # engine then skips the places where none can start, several times faster)
        ("year_range", rf"(?<!\p{{L}})(?P<cue>{period})\s+(?:năm\s+)?{year_range}|năm\s+{year_range}|{year_range}"),
        # năm 2022, Xuân 2026
        ("year", rf"(?<!\p{{L}})(?:{year_cue})\s+(?P<y>{_Y})(?!\d|[/.,\-]\d)"),
        # Tết Nhâm Dần, Xuân Giáp Thìn: a year of the sexagenary cycle
        ("lunar_year", rf"(?<!\p{{L}})(?:{word_alternation(v['lunar_cues'])})\s+"
                       rf"(?-i:(?P<stem>{'|'.join(v['lunar_stems'])})\s+(?P<branch>{'|'.join(b for bs in v['lunar_branches'] for b in bs)}))(?!\p{{L}})"),
    ]
    return [(name, regex.compile(rf"(?i){pat}")) for name, pat in shapes]


def _year_range_core(range_joiner: str) -> str:
    """ "2021-2025", "2020 đến năm 2022": a year range without the words before it."""
    return (rf"(?<![\d/.,\-])(?P<y1>{_Y})\s*(?P<j>{range_joiner}|/)\s*(?:năm\s+)?(?P<y2>{_Y})(?![\d/]|[.,]\d)")


@lru_cache(maxsize=1)
def _year_range_words() -> tuple[regex.Pattern, int]:
    """year_range's core and the most words that can stand before it (a period cue, "năm")."""
    v = _vocab()
    cues = list(v["period_cues"]) + ["từ"]
    assert all(regex.fullmatch(r"[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*", c) for c in cues)  # words, as prefixed.py needs
    core = _year_range_core(word_alternation(v["range_joiners"]))
    return regex.compile(rf"(?i){core}"), max(len(c.split()) for c in cues) + 1


@lru_cache(maxsize=1)
def _required() -> dict[str, regex.Pattern]:
    """For a few shapes, a part that every match holds (the words before it optional): where the
    text has none, the shape is not tried (one fast search instead of a slow scan)."""
    v = _vocab()
    range_joiner = word_alternation(v["range_joiners"])
    branches = "|".join(b for bs in v["lunar_branches"] for b in bs)
    parts = {
        "words_range": rf"ngày\s+{_D}(?:\s+tháng\s+{_D})?\s*(?:{range_joiner})",
        "part_year": r"tháng\s+(?:đầu|cuối)\s+năm",
        "year_range": _year_range_core(range_joiner),
        "lunar_year": rf"(?-i:(?:{'|'.join(v['lunar_stems'])})\s+(?:{branches}))(?!\p{{L}})",
    }
    return {name: regex.compile(rf"(?i){part}") for name, part in parts.items()}


@lru_cache(maxsize=1)
def _cue_patterns() -> dict:
    v = _vocab()
    weekday = word_alternation(v["weekdays"])
    immediate = word_alternation(v["day_cues_immediate"])
    opener = word_alternation(v["range_openers"])
    # capitalised entries match only capitalised text ("Ngày Quốc tế Lao động 1/5")
    window = "|".join(
        f"(?-i:{word_alternation([w])})" if w[0].isupper() else f"(?i:{word_alternation([w])})"
        for w in sorted(v["day_cues_window"], key=len, reverse=True)
    )
    not_after = word_alternation(v["not_day_after"])
    not_cue = word_alternation(v["not_day_cues"])
    return {
        # "Chiều 26/10", "sáng ngày 12/6", "Thứ bảy, 12/6", "ngày (18 và 19/11)"
        "immediate": regex.compile(rf"(?i)(?<!\p{{L}})(?:{immediate}|{weekday})\s*,?\s*(?:ngày\s+)?\(?\s*$"),
        "opener": regex.compile(rf"(?i)(?<!\p{{L}})(?:{opener})\s+(?:ngày\s+)?$"),
        "window": regex.compile(rf"(?<!\p{{L}})(?:{window})(?!\p{{L}})"),
        "not_after": regex.compile(rf"(?i)(?<!\p{{L}})(?:{not_after})\s*$"),
        "not_cue": regex.compile(rf"(?i)(?<!\p{{L}})(?:{not_cue})(?!\p{{L}})"),
        "clause_break": regex.compile(r"[,;:!?\n]|\.\s"),
        "word": regex.compile(r"\S+"),
        "target": regex.compile(rf"(?i)(?<!\p{{L}})(?:{word_alternation(v['target_year_prefixes'])})\s*$"),
        # a year named in the sexagenary cycle is a lunar year: its Tết opens it
        "lunar": regex.compile(rf"(?:{'|'.join(v['lunar_stems'])})\s+(?:{'|'.join(b for bs in v['lunar_branches'] for b in bs)})(?!\p{{L}})"),
        "tet": regex.compile(rf"(?i)(?:{word_alternation(v['tet_cues'])})(?!\p{{L}})"),
        "meeting": regex.compile(rf"(?i){v['committee_meeting']}"),
        "term_review": regex.compile(rf"(?i)(?<!\p{{L}})(?:{word_alternation(v['term_review_words'])})(?!\p{{L}})"),
        "congress": regex.compile(rf"(?i)(?<!\p{{L}})(?:{word_alternation(v['congress_words'])})(?!\p{{L}})"),
        # a cited document's number right before a date: "02-NQ/TW ngày", "Kế hoạch số 378/KH-TLĐ ngày"
        "directive": regex.compile(r"(?:\d+\s*[/\-]\s*\p{Lu}[\p{Lu}\p{L}/\-]*|(?i:số)\s+\d+)\s*,?\s*(?i:ngày)?\s*$"),
    }


def _has_day_cue(text: str, start: int, allow_opener: bool = False) -> bool:
    """Whether a day-month without a year at `start` is introduced as a day."""
    c = _cue_patterns()
    before = text[max(0, start - 120):start]
    if c["not_after"].search(before):
        return False
    if c["immediate"].search(before) or (allow_opener and c["opener"].search(before)):
        return True
    breaks = list(c["clause_break"].finditer(before))
    clause = before[breaks[-1].end():] if breaks else before
    words = c["word"].findall(clause)
    window = " ".join(words[-_vocab()["window_words"]:])
    cleaned = c["not_cue"].sub(" ", window)
    return bool(c["window"].search(cleaned))


def lunar_year(stem: str, branch: str) -> int:
    """The year of the sexagenary cycle named by stem and branch ("Nhâm", "Dần" -> 2022),
    the one of the 60 years from lunar_epoch that carries the name."""
    v = _vocab()
    s = v["lunar_stems"].index(stem)
    b = next(i for i, names in enumerate(v["lunar_branches"]) if branch in names)
    k = next(k for k in range(60) if k % 10 == s and k % 12 == b)
    return int(v["lunar_epoch"]) + k


def _late_meeting(text: str) -> bool:
    """A committee meeting past the first few of its term ("Hội nghị Ban Chấp hành lần
    thứ 20"): its year cannot be told from the term."""
    for m in _cue_patterns()["meeting"].finditer(text):
        n = m.group("n")
        number = int(n) if n.isdigit() else _roman_number(n.upper())
        if number > _vocab()["term_first_meetings"]:
            return True
    return False


def _roman_number(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for a, b in zip(text, text[1:] + " "):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total


def _recurring_holiday(text: str, start: int) -> bool:
    """ "Ngày Quốc tế Lao động (1/5)": a holiday's day-month in parentheses after its name
    names the holiday, not a dated event ("chủ trì hôm nay (19/2)" is one)."""
    before = text[max(0, start - 120):start]
    if not regex.search(r"\(\s*$", before):
        return False
    return not _cue_patterns()["immediate"].search(before)


# ---------------------------------------------------------------- reading drafts

def _int(m, name: str) -> int | None:
    value = m.group(name)
    return int(value) if value else None


def _valid(y: int | None, mo: int | None, d: int | None) -> bool:
    if mo is not None and not 1 <= mo <= 12:
        return False
    if d is not None:
        if mo is None or not 1 <= d <= 31:
            return False
        return calendar_date(y if y is not None else 2000, mo, d) is not None  # 29/2 valid in a leap year
    return True


def _day(start: int, end: int, y, mo, d, **kw) -> Draft:
    return Draft("day", start, end, (y, mo, d), (y, mo, d), **kw)


def _read_multi(text: str, m) -> list[Draft]:
    """5-7/4 (a range), 17 và 18-8 (a list), 5-6-7/4/2013 (a list)."""
    v = _vocab()
    items = list(regex.finditer(r"\d{1,2}", m.group("items")))
    joiners = [regex.sub(r"\s*ngày$", "", m.group("items")[a.end():b.start()].strip().lower())
               for a, b in zip(items, items[1:])]
    mo, y = _int(m, "m"), _int(m, "y")
    days = [int(i.group()) for i in items]
    if not all(_valid(y, mo, d) for d in days):
        return []
    if y is None and not _has_day_cue(text, m.start(), allow_opener=True):
        return []
    is_range = len(days) == 2 and joiners[0] in v["range_joiners"]
    if is_range and days[0] >= days[1]:
        return []
    base = m.start("items")
    drafts = []
    for i, item in enumerate(items):
        last = i == len(items) - 1
        start = base + item.start()
        end = m.end() if last else base + item.end()
        drafts.append(_day(start, end, y, mo, days[i], in_range=True))
    drafts.append(Draft("range", m.start(), m.end(), (y, mo, days[0]), (y, mo, days[-1])))
    return drafts


def _read(name: str, m, text: str) -> list[Draft]:
    """The drafts one pattern match stands for (empty where the numbers are no date)."""
    s, e = m.start(), m.end()
    if name == "words_range":
        d1, d2, m1, m2, y = _int(m, "d1"), _int(m, "d2"), _int(m, "m1"), _int(m, "m2"), _int(m, "y")
        m1 = m1 or m2
        if not (_valid(y, m1, d1) and _valid(y, m2, d2)) or (m1, d1) >= (m2, d2):
            return []
        def from_ngay(pos: int) -> int:  # the day's span opens on its own "ngày"
            at = text.lower().rfind("ngày", s, pos)
            return at if at >= 0 else pos
        return [
            _day(from_ngay(m.start("d1")), m.end("d1"), y, m1, d1, in_range=True),
            _day(from_ngay(m.start("d2")), e, y, m2, d2, in_range=True),
            Draft("range", s, e, (y, m1, d1), (y, m2, d2)),
        ]
    if name in ("words_day", "words_day_y", "full_num", "iso_day", "day_month"):
        y, mo, d = _int(m, "y") if "y" in m.re.groupindex else None, _int(m, "m"), _int(m, "d")
        if not _valid(y, mo, d):
            return []
        if y is None and name == "day_month" and not _has_day_cue(text, s):
            return []
        if y is None and name == "day_month" and _recurring_holiday(text, s):
            return []
        directive = bool(_cue_patterns()["directive"].search(text[max(0, s - 60):s]))
        return [_day(s, e, y, mo, d, directive=directive)]
    if name == "dm_range":
        d1, m1, d2, m2, y = _int(m, "d1"), _int(m, "m1"), _int(m, "d2"), _int(m, "m2"), _int(m, "y")
        if not (_valid(y, m1, d1) and _valid(y, m2, d2)):
            return []
        if y is None and not _has_day_cue(text, s, allow_opener=True):
            return []
        y1 = None if y is None else (y if (m1, d1) < (m2, d2) else y - 1)  # 20/12 - 5/1/2023
        return [
            _day(s, m.end("m1"), y1, m1, d1, in_range=True),
            _day(m.start("d2"), e, y, m2, d2, in_range=True),
            Draft("range", s, e, (y1, m1, d1), (y, m2, d2)),
        ]
    if name == "num_multi":
        return _read_multi(text, m)
    if name == "day_span":
        d1, m1, y1, y2 = _int(m, "d"), _int(m, "m"), _int(m, "y1"), _int(m, "y2")
        d2, m2 = (_int(m, "d2"), _int(m, "m2")) if m.group("d2") else (d1, m1)
        if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)) or y1 >= y2:
            return []
        return [
            _day(s, m.end("y1"), y1, m1, d1, in_range=True),
            _day(m.start("d2") if m.group("d2") else m.start("y2"), e, y2, m2, d2, in_range=True),
            Draft("range", s, e, (y1, m1, d1), (y2, m2, d2)),
        ]
    if name == "anniversary":
        mo, d, y1, y2 = _int(m, "m"), _int(m, "d"), _int(m, "y1"), _int(m, "y2")
        if not (_valid(y1, mo, d) and _valid(y2, mo, d)) or y1 >= y2:
            return []
        return [
            _day(s, e, y1, mo, d, in_range=True),
            _day(s, e, y2, mo, d, in_range=True),
            Draft("range", m.start("y1"), m.end("y2"), (y1, None, None), (y2, None, None)),
        ]
    if name in ("month_words", "month_num"):
        mo, y = _int(m, "m"), _int(m, "y")
        return [Draft("month", s, e, (y, mo, None), (y, mo, None))] if _valid(y, mo, None) else []
    if name == "quarter":
        q = _vocab()["quarters"][m.group("q").upper()]
        y = _int(m, "y")
        return [Draft("period", s, e, (y, 3 * q - 2, None), (y, 3 * q, None))]
    if name == "part_year":
        n_text = m.group("n").lower()
        n = int(n_text) if n_text.isdigit() else _vocab()["number_words"].get(n_text)
        if not n or not 1 <= n <= 11:
            return []
        y = _int(m, "y")
        if _vocab()["half_words"][m.group("half").lower()] == "first":
            return [Draft("period", s, e, (y, 1, None), (y, n, None))]
        return [Draft("period", s, e, (y, 13 - n, None), (y, 12, None))]
    if name == "year_range":
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        cue = (m.group("cue") or "").lower()
        style = _vocab()["period_cues"].get(regex.sub(r"\s+", " ", cue)) if cue and cue != "từ" else None
        if y1 >= y2 or (m.group("j") == "/" and not style):
            return []
        if style == "school":
            return [Draft("period", s, e, (y1, 9, None), (y2, 8, None))]
        return [Draft("period" if style else "range", s, e, (y1, None, None), (y2, None, None))]
    if name == "year":
        y = int(m.group("y"))
        return [Draft("year", s, e, (y, None, None), (y, None, None))]
    if name == "lunar_year":
        y = lunar_year(m.group("stem"), m.group("branch"))
        return [Draft("year", s, e, (y, None, None), (y, None, None))]
    return []


def _select(readings: list[tuple[int, int, int, list[Draft]]]) -> list[Draft]:
    """The drafts of non-overlapping readings, longest first, earlier pattern first on ties."""
    chosen: list[tuple[int, int, list[Draft]]] = []
    for start, end, _, drafts in sorted(readings, key=lambda t: (-(t[1] - t[0]), t[2], t[0])):
        if all(end <= cs or start >= ce for cs, ce, _ in chosen):
            chosen.append((start, end, drafts))
    return [d for _, _, drafts in sorted(chosen, key=lambda t: t[0]) for d in drafts]


def scan(text: str) -> list[Draft]:
    """Every date expression in `text`, as drafts with offsets into `text`.

    Every shape is read everywhere it matches; a match that turns out not to
    be a date (31/2, "2022 - 2022") gives way to the shorter readings it overlaps.
    """
    readings = []
    required = _required()
    for rank, (name, pattern) in enumerate(_patterns()):
        if name in required and not required[name].search(text):
            continue
        if name == "year_range":  # (its pattern is the core, or words and the core)
            matches = finditer_from_core(pattern, *_year_range_words(), text)
        else:
            matches = pattern.finditer(text)
        for m in matches:
            drafts = _read(name, m, text)
            if drafts:
                readings.append((m.start(), m.end(), rank, drafts))
    return _join_ranges(text, _select(readings))


def _order(ymd: YMD) -> tuple[int, int, int]:
    """A sortable form of a (year, month, day) whose month/day may be None."""
    return tuple(part or 0 for part in ymd)


def _join_ranges(text: str, drafts: list[Draft]) -> list[Draft]:
    """Two days or two months joined by "đến"/"-" make a range ("28.7.1929 – 28.7.2019",
    "từ tháng 3 đến tháng 6/2022"); a year-less first end takes the year of the second."""
    joiner = regex.compile(rf"(?i)^\s*(?:{word_alternation(_vocab()['range_joiners'])})\s*(?:ngày\s+|tháng\s+)?$")
    singles = sorted((d for d in drafts if d.kind in ("day", "month") and not d.in_range), key=lambda d: d.start)
    replaced: dict[int, Draft] = {}  # by start: singles never share one
    ranges = []
    for a, b in zip(singles, singles[1:]):
        if a.kind != b.kind or b.first[0] is None or not joiner.match(text[a.end:b.start]):
            continue
        if a.first[0] is None:
            later = (a.first[1], a.first[2] or 1) > (b.first[1], b.first[2] or 1)
            a = replace(a, first=(b.first[0] - later,) + a.first[1:], last=(b.first[0] - later,) + a.last[1:])
        if _order(a.first) < _order(b.first):
            replaced[a.start] = replace(a, in_range=True)
            replaced[b.start] = replace(b, in_range=True)
            ranges.append(Draft("range", a.start, b.end, a.first, b.last))
    out = [replaced.get(d.start, d) if d.kind in ("day", "month") and not d.in_range else d for d in drafts]
    return out + ranges


# ---------------------------------------------------------------- years

def _closest_year(ref: dt.date, month: int, day: int) -> int:
    """The year that puts day/month nearest the reference date; past dates are preferred."""
    def cost(year: int) -> float:
        when = calendar_date(year, month, day) or calendar_date(year, month, 28)
        gap = (when - ref).days
        return gap * 2 if gap > 0 else -gap
    return min((ref.year - 1, ref.year, ref.year + 1), key=cost)


def _stated_years(drafts: list[Draft], text: str, offset: int = 0) -> list[int]:
    """Years the drafts of one stretch of text state as the time of the events told."""
    c = _cue_patterns()
    congress = bool(c["congress"].search(text))
    years = []
    for d in drafts:
        y1, y2 = d.first[0], d.last[0]
        if y1 is None or d.directive or d.in_range:
            continue
        # "phấn đấu đến năm 2025": a goal, not the time of the events told
        until = d.end - 4 if d.kind == "year" else d.start
        if c["target"].search(text[max(0, until - offset - 30):until - offset]):
            continue
        if d.kind == "range":
            years.append(y2)  # "(1930-2025)", "(28.7.1929 – 28.7.2019)": the latest is now
        elif d.kind == "period":
            if y1 == y2:  # "6 tháng đầu năm 2024", "quý I/2023": a part of one year
                years.append(y1)
            elif congress:  # "Đại hội ..., nhiệm kỳ 2023-2028" is held in 2023
                years.append(y1)
        else:
            years.append(y1)
    return years


@dataclass(frozen=True)
class _YearContext:
    ref: dt.date | None  # publication date, or the middle of a partial dump month
    drafts: tuple[Draft, ...]
    title_years: tuple[int, ...]
    lead_years: tuple[int, ...] = ()  # years the article's opening paragraph states

    def year_for(self, doc: Document, draft: Draft) -> tuple[int | None, float]:
        month, day = draft.last[1] or 6, draft.last[2] or 15
        if self.ref:
            if draft.kind == "period":  # "6 tháng đầu năm": the period has begun by the time of writing
                month, day = draft.first[1] or 1, draft.first[2] or 1
            return _closest_year(self.ref, month, day), 0.9
        spans = []
        sentence = doc.sentence_at(draft.start)
        if sentence:
            spans.append((sentence.start, sentence.end))
        spans += [(s, e) for s, e in doc.paragraphs if s <= draft.start < e]
        for s, e in spans:
            inside = [d for d in self.drafts if s <= d.start and d.end <= e and d is not draft]
            years = _stated_years(inside, doc.body[s:e], s)
            if years:
                return min(years), 0.8
        near = self._nearby_dated_day(month, day, draft.start)
        if near:
            return near, 0.7
        # a day of the Tết season in an article about a named Tết ("Tết Nguyên đán Nhâm Dần",
        # "Xuân Giáp Thìn"): January and February of that year, December of the one before
        tet = self._tet_year(doc)
        if tet and month in (1, 2, 12):
            return (tet - 1 if month == 12 else tet), 0.7
        if self.title_years:
            return min(self.title_years), 0.7
        if self.lead_years:
            return min(self.lead_years), 0.65
        # the latest term or phase the article names opened its events ("Ngày 15.11, ...
        # Hội nghị Ban Chấp hành khoá XVII, nhiệm kỳ 2023 - 2028": 2023)
        terms = [d.first[0] for d in self.drafts
                 if d.kind == "period" and d.first[0] and d.last[0] and d.first[0] < d.last[0] and not d.directive]
        if terms and not _cue_patterns()["term_review"].search(doc.body) and not _late_meeting(doc.body):
            return max(terms), 0.6
        return None, 0.5

    def _tet_year(self, doc: Document) -> int | None:
        c = _cue_patterns()
        years = {d.first[0] for d in self.drafts if d.kind == "year" and d.first[0]
                 and (c["tet"].match(doc.body, d.start) or c["lunar"].search(doc.body, d.start, d.end))}
        return years.pop() if len(years) == 1 else None

    def _nearby_dated_day(self, month: int, day: int, pos: int) -> int | None:
        """The year of an explicitly dated event within two months of day/month."""
        best = None
        for d in self.drafts:
            if d.kind != "day" or d.first[0] is None or d.directive:
                continue
            anchor = dt.date(*d.first)
            for year in (anchor.year - 1, anchor.year, anchor.year + 1):
                when = calendar_date(year, month, day) or calendar_date(year, month, 28)
                gap = abs((when - anchor).days)
                if gap <= 62 and (best is None or (gap, abs(d.start - pos)) < best[0]):
                    best = ((gap, abs(d.start - pos)), year)
        return best[1] if best else None


_SENTENCE_END = regex.compile(r"[.!?…](?:\s|$)")
# a bare year in a headline ("Tháng Công nhân 2024: ...", "Tết Sum vầy 2024"), where
# headlines drop "năm": standing alone, at the end or before punctuation or a Capitalised word
_HEADLINE_YEAR = regex.compile(rf"(?<![Ss]ố\s*)(?<![\p{{L}}\d/.,:\-])(?P<y>{_Y})(?=\s*(?:$|[:,;.!?)\]–—|-]|\p{{Lu}}))")


def _title_years(title: str) -> tuple[int, ...]:
    """Years the headline states: as in body text ("năm 2024"), or bare."""
    drafts = scan(title)
    years = _stated_years(drafts, title)
    for m in _HEADLINE_YEAR.finditer(title):
        if not any(d.start <= m.start() < d.end for d in drafts):
            years.append(int(m.group("y")))
    return tuple(years)


def _lead_years(doc: Document, drafts: tuple[Draft, ...]) -> tuple[int, ...]:
    """Years stated in the article's opening: its first paragraph that reads as prose, and
    the headline-like lines (no sentence end) above it."""
    years: list[int] = []
    for s, e in doc.paragraphs[:3]:
        inside = [d for d in drafts if s <= d.start and d.end <= e]
        years += _stated_years(inside, doc.body[s:e], s)
        if _SENTENCE_END.search(doc.body, s, e):
            break
    return tuple(years)


def _reference_date(doc: Document, published: dt.date | None) -> dt.date | None:
    if published:
        return published
    value = dump_header(doc)[0]
    if value and regex.fullmatch(r"\d{4}-\d{2}", value):
        return calendar_date(int(value[:4]), int(value[5:7]), 15)
    return None


# ---------------------------------------------------------------- mentions

def _bounds(first: YMD, last: YMD) -> tuple[dt.date | None, dt.date | None]:
    y1, m1, d1 = first
    y2, m2, d2 = last
    if y1 is None or y2 is None:
        return None, None
    start = dt.date(y1, m1 or 1, d1 or 1)
    end_month = m2 or 12
    end = dt.date(y2, end_month, d2 or calendar.monthrange(y2, end_month)[1])
    return start, end


def _resolve(draft: Draft, year: int | None) -> Draft:
    """Fill in a missing year; a range that runs over New Year starts the year before."""
    if year is None:
        return draft
    last = (draft.last[0] or year, draft.last[1], draft.last[2])
    first_year = draft.first[0] or (last[0] - 1 if (draft.first[1] or 1, draft.first[2] or 1) > (last[1] or 12, last[2] or 31) else last[0])
    return replace(draft, first=(first_year, draft.first[1], draft.first[2]), last=last)


def _mention(doc: Document, draft: Draft) -> DateMention:
    start, end = _bounds(draft.first, draft.last)
    if start and end and start > end:
        start = end = None
    date = start if draft.kind == "day" else None
    return DateMention(
        **doc.provenance(draft.start, draft.end, "rule", draft.confidence),
        kind=draft.kind,
        date=date,
        period_start=start,
        period_end=end,
    )


def _furniture_days(doc: Document, drafts: list[Draft]) -> list[Draft]:
    """The dateline's day and a full dump-header date, where the scan did not read them."""
    extra = []
    dateline = find_dateline(doc)
    if dateline and not any(d.start < dateline.end and dateline.start < d.end for d in drafts):
        dl = dateline.date
        extra.append(_day(dateline.start, dateline.end, dl.year, dl.month, dl.day))
    value, span = dump_header(doc)
    header = dump_header_date(value)
    if header and span:  # a header the cleaner moved out of the body is header_mention's
        extra.append(_day(span[0], span[1], header.year, header.month, header.day))
    return extra


def header_mention(doc: Document) -> DateMention | None:
    """The dump header's date ("date 2025-12-12" before the title), which the cleaner took
    out of the body: a `day` with no body span. Its row has NULL char_start/char_end, the
    date as written for `text` and the header as written for `sentence` (records.Mention)."""
    value, span = dump_header(doc)
    header = dump_header_date(value)
    if header is None or span:
        return None
    m = regex.search(r"\S*date\s+" + regex.escape(value) + r"\S*", doc.raw[:200])
    return DateMention(doc_id=doc.doc_id, start=0, end=0, text=value,
                       sentence=m.group().strip() if m else f"date {value}", extractor=OUTSIDE_BODY,
                       confidence=1.0, kind="day", date=header, period_start=header, period_end=header)


def extract_dates(doc: Document, published: dt.date | None) -> list[DateMention]:
    """Every date expression of the body, years resolved against the article's date."""
    clocks = page_clock_spans(doc)
    drafts = [d for d in scan(doc.body) if not any(a <= d.start and d.end <= b for a, b in clocks)]
    drafts += _furniture_days(doc, drafts)
    title = doc.meta.get("title") or ""
    context = _YearContext(
        ref=_reference_date(doc, published),
        drafts=tuple(drafts),
        title_years=_title_years(title),
        lead_years=_lead_years(doc, tuple(drafts)),
    )
    mentions = []
    for draft in sorted(drafts, key=lambda d: (d.start, d.end)):
        if draft.first[0] is None or draft.last[0] is None:
            year, confidence = context.year_for(doc, draft)
            draft = replace(_resolve(draft, year), confidence=confidence)
        mentions.append(_mention(doc, draft))
    header = header_mention(doc)
    return ([header] if header else []) + mentions
