"""Reading date expressions: every shape's matches in a text, as `Draft`s whose year may
be missing ("Chiều 26/10", "Ngày 4-7"); overlapping readings give way to the longest,
and two days or months joined by "đến"/"-" make a range.

A day-month without a year is a day only next to a day cue ("ngày", "sáng",
"chiều", a weekday, "kỷ niệm ..."): "3/5" alone is a fraction. Numbers glued
to letters, slashes or other digits (document numbers "02-NQ/TW", phone
numbers, "COVID-19", money "1.600", times "05:27") never start a date.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from ..phrase_matcher import word_alternation
from .date_shapes import (calendar_date, cue_patterns, month_number, patterns, quarter_number, required_parts, vocab,
                          year_range_words)
from .prefixed import finditer_from_core

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


# a day-month and a list joiner right before a position ("31-1 và ")
_LISTED_AFTER_DAY = regex.compile(
    r"(?<![\d/.\-])(?P<day>\d{1,2}\s*[/.\-]\s*\d{1,2})\s*(?:" + "|".join(
        regex.escape(j) for j in sorted(vocab()["list_joiners"], key=len, reverse=True)) + r")\s*$", regex.I)


def _has_day_cue(text: str, start: int, allow_opener: bool = False) -> bool:
    """Whether a day-month without a year at `start` is introduced as a day."""
    c = cue_patterns()
    before = text[max(0, start - 120):start]
    if c["not_after"].search(before):
        return False
    if c["immediate"].search(before) or (allow_opener and c["opener"].search(before)):
        return True
    # the next of a list of days shares the cue of the first: "ngày 31-1 và 1-2"
    listed = _LISTED_AFTER_DAY.search(before)
    if listed and _has_day_cue(text, start - len(before) + listed.start("day"), allow_opener):
        return True
    breaks = list(c["clause_break"].finditer(before))
    clause = before[breaks[-1].end():] if breaks else before
    words = c["word"].findall(clause)
    window = " ".join(words[-vocab()["window_words"]:])
    cleaned = c["not_cue"].sub(" ", window)
    return bool(c["window"].search(cleaned))


def lunar_year(stem: str, branch: str) -> int:
    """The year of the sexagenary cycle named by stem and branch ("Nhâm", "Dần" -> 2022),
    the one of the 60 years from lunar_epoch that carries the name."""
    v = vocab()
    s = v["lunar_stems"].index(stem)
    b = next(i for i, names in enumerate(v["lunar_branches"]) if branch in names)
    k = next(k for k in range(60) if k % 10 == s and k % 12 == b)
    return int(v["lunar_epoch"]) + k

# a recurrence word right after a year-less day ("ngày 20 tháng 3 hàng năm", "ngày 28/7 hằng năm")
_RECURRING_AFTER_RE = regex.compile(r"[ \t]*,?[ \t]*(?:" + word_alternation(vocab()["recurring_words"]) + r")(?!\p{L})",
                                    regex.I)


def _recurring_holiday(text: str, start: int) -> bool:
    """ "Ngày Quốc tế Lao động (1/5)": a holiday's day-month in parentheses after its name
    names the holiday, not a dated event ("chủ trì hôm nay (19/2)" is one)."""
    before = text[max(0, start - 120):start]
    if not regex.search(r"\(\s*$", before):
        return False
    return not cue_patterns()["immediate"].search(before)


# ---------------------------------------------------------------- reading drafts

def _int(m, name: str) -> int | None:
    value = m.group(name)
    if not value:
        return None
    return month_number(value) if name == "m" else int(value)  # "19 Tháng Tư 2021"


def _valid(y: int | None, mo: int | None, d: int | None) -> bool:
    if mo is not None and not 1 <= mo <= 12:
        return False
    if d is not None:
        if mo is None or not 1 <= d <= 31:
            return False
        return calendar_date(y if y is not None else 2000, mo, d) is not None  # 29/2 valid in a leap year
    return True


def day_draft(start: int, end: int, y, mo, d, **kw) -> Draft:
    return Draft("day", start, end, (y, mo, d), (y, mo, d), **kw)


def _read_multi(text: str, m) -> list[Draft]:
    """5-7/4 (a range), 17 và 18-8 (a list), 5-6-7/4/2013 (a list)."""
    v = vocab()
    items = list(regex.finditer(r"\d{1,2}", m.group("items")))
    joiners = [regex.sub(r"\s*ngày$", "", m.group("items")[a.end():b.start()].strip().lower())
               for a, b in zip(items, items[1:])]
    mo, y = _int(m, "m"), _int(m, "y")
    # a dash beside a list word separates a day from its month: "30-1 và 31-1" is two days of
    # January (each read as a day-month), not the days 30, 1 and 31
    if "-" in joiners and any(j in v["list_joiners"] for j in joiners):
        return []
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
        drafts.append(day_draft(start, end, y, mo, days[i], in_range=True))
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
        def from_ngay(pos: int, lo: int) -> int:  # the day's span opens on its own "ngày"
            at = text.lower().rfind("ngày", lo, pos)
            return at if at >= 0 else pos
        return [
            day_draft(from_ngay(m.start("d1"), s), m.end("d1"), y, m1, d1, in_range=True),
            day_draft(from_ngay(m.start("d2"), m.end("d1")), e, y, m2, d2, in_range=True),
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
        if y is None and _RECURRING_AFTER_RE.match(text, e):
            return []  # "ngày 20 tháng 3 hàng năm": a day every year, no one date
        directive = bool(cue_patterns()["directive"].search(text[max(0, s - 60):s]))
        return [day_draft(s, e, y, mo, d, directive=directive)]
    if name == "dm_range":
        d1, m1, d2, m2, y = _int(m, "d1"), _int(m, "m1"), _int(m, "d2"), _int(m, "m2"), _int(m, "y")
        if not (_valid(y, m1, d1) and _valid(y, m2, d2)):
            return []
        if y is None and not _has_day_cue(text, s, allow_opener=True):
            return []
        y1 = None if y is None else (y if (m1, d1) < (m2, d2) else y - 1)  # 20/12 - 5/1/2023
        return [
            day_draft(s, m.end("m1"), y1, m1, d1, in_range=True),
            day_draft(m.start("d2"), e, y, m2, d2, in_range=True),
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
            day_draft(s, m.end("y1"), y1, m1, d1, in_range=True),
            day_draft(m.start("d2") if m.group("d2") else m.start("y2"), e, y2, m2, d2, in_range=True),
            Draft("range", s, e, (y1, m1, d1), (y2, m2, d2)),
        ]
    if name == "anniversary":
        mo, d, y1, y2 = _int(m, "m"), _int(m, "d"), _int(m, "y1"), _int(m, "y2")
        if not (_valid(y1, mo, d) and _valid(y2, mo, d)) or y1 >= y2:
            return []
        return [
            day_draft(s, e, y1, mo, d, in_range=True),
            day_draft(s, e, y2, mo, d, in_range=True),
            Draft("range", m.start("y1"), m.end("y2"), (y1, None, None), (y2, None, None)),
        ]
    if name in ("month_words", "month_num"):
        mo, y = _int(m, "m"), _int(m, "y")
        return [Draft("month", s, e, (y, mo, None), (y, mo, None))] if _valid(y, mo, None) else []
    if name == "quarter":
        q = quarter_number(m.group("q"))
        y = _int(m, "y")
        return [Draft("period", s, e, (y, 3 * q - 2, None), (y, 3 * q, None))]
    if name == "part_year":
        n_text = m.group("n").lower()
        n = int(n_text) if n_text.isdigit() else vocab()["number_words"].get(n_text)
        if not n or not 1 <= n <= 11:
            return []
        y = _int(m, "y")
        if vocab()["half_words"][m.group("half").lower()] == "first":
            return [Draft("period", s, e, (y, 1, None), (y, n, None))]
        return [Draft("period", s, e, (y, 13 - n, None), (y, 12, None))]
    if name == "year_range":
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        cue = (m.group("cue") or "").lower()
        style = vocab()["period_cues"].get(regex.sub(r"\s+", " ", cue)) if cue and cue != "từ" else None
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
    required = required_parts()
    for rank, (name, pattern) in enumerate(patterns()):
        if name in required and not required[name].search(text):
            continue
        if name == "year_range":  # (its pattern is the core, or words and the core)
            matches = finditer_from_core(pattern, *year_range_words(), text)
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
    joiner = regex.compile(rf"(?i)^\s*(?:{word_alternation(vocab()['range_joiners'])})\s*(?:ngày\s+|tháng\s+)?$")
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
