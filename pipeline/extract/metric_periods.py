"""The periods of an article in GOLD notation ("2024", "2024-H1", "2021/2022-06"): the time
spans the time grammar found (time_spans.py) resolved against the article's year, merged
with the date extractor's mentions, marked where they describe a noun or are a change's
base. The article's own time frame (its year, the range it reviews) is article_time.py's."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

import regex

from ..document import Document
from ..records import DateMention
from ..phrase_matcher import word_alternation
from ..ruledata import load_yaml
from .date_shapes import cue_patterns, quarter_number
from .told_year import WRITTEN_YEAR_RE
from .time_spans import DIRECTIVE_CONTEXT_RE, HALF_WORDS, NUMBER_WORDS, TimeSpan, find_time_spans

_PERIODS = load_yaml("metric_periods.yaml")
_TIME_WORDS = load_yaml("dates.yaml")  # the time vocabulary the dates read too
_GOAL_YEAR_RE = cue_patterns()["target"]  # "đến năm", "tầm nhìn đến năm" right before a year
_GOAL_PREFIX_CHARS = 30
_SHARED_YEAR_REACH = 100  # characters between a year-less half or quarter and the next one naming its year
_SENTENCE_BREAK_RE = regex.compile(r"[.!?;\n]")
_REVIEW_RE = cue_patterns()["phase_review"]  # "tổng kết", "sơ kết", ...
_MONTH_LABEL_RE = regex.compile(r"\d{4}-\d{2}")  # one month ("2025-08"), not a year up to it
_DESCRIPTIVE_RE = regex.compile(r"(?<!\p{L})(?:" + "|".join(
    regex.escape(w) for w in sorted(_PERIODS["descriptive_heads"] + _PERIODS["merit_words"], key=len, reverse=True))
    + r")(?!\p{L})(?:[^\S\n]+[^\s,.;:!?]+){0," + str(int(_PERIODS["descriptive_reach"])) + r"}?[^\S\n]*,?[^\S\n]*$",
    regex.I)  # within one line: a caption's last words never describe the next line's period
_COMPARISON_RE = regex.compile(
    r"(?<!\p{L})(?:" + word_alternation(_PERIODS["change_words"]) + r")(?!\p{L})(?:[^\S\n]+(?:\d+(?:[.,]\d+)*|[^\s,.;:!?]+)){0,"
    + str(int(_PERIODS["comparison_reach"])) + r"}?[^\S\n]+(?:" + word_alternation(_PERIODS["comparison_heads"])
    + r")(?!\p{L})(?:[^\S\n]+[^\s,.;:!?]+){0," + str(int(_PERIODS["descriptive_reach"])) + r"}?[^\S\n]*$", regex.I)
_DIGIT_RE = regex.compile(r"\d")
_COMPARISON_CHARS = 120  # the text before a period a change and its comparison are looked for in
_TERM_YEARS = int(_PERIODS["term_years"])
_FOUNDING_RE = regex.compile(r"(?<!\p{L})(?:" + word_alternation(_PERIODS["founding_words"])
                             + r")\s+(?:từ\s+|vào\s+)?(?:(?:" + word_alternation(_PERIODS["founding_time_words"])
                             + r")\s+)?$", regex.I)
_MAX_PERIOD_YEARS = int(_PERIODS["max_period_years"])


@dataclass(frozen=True)
class Period:
    """A time expression: its span, its label in GOLD notation, its years and kind
    (a `term` is a congress term "nhiệm kỳ 2023-2028")."""

    start: int
    end: int
    label: str
    first_year: int
    last_year: int
    kind: str
    descriptive: bool = False  # describes the figure's subject ("học sinh năm học 2021-2022")

    @property
    def year_label(self) -> str:
        """The label without its month or half ("2025-08" -> "2025", "2021/2022-06" -> "2021/2022")."""
        return self.label.split("-")[0]


def resolve_time_spans(text: str, spans: tuple[TimeSpan, ...], reference_year: int | None,
                       new_year: int | None = None) -> list[Period]:
    """The time spans of `text` with GOLD period labels, in order. Year ranges longer than a decade
    (anniversaries: "(1930-2025)") are left out; a year-less half or quarter with no article
    year takes the year written for the next part of the year in its sentence."""
    found: list[Period] = []
    yearless: list[TimeSpan] = []  # a half or quarter with no year to give it
    for span in spans:
        period = _period(span, reference_year, new_year)
        if period and period.last_year - period.first_year <= _MAX_PERIOD_YEARS:
            found.append(period)
        elif period is None and span.kind in ("half", "quarter") and reference_year is None:
            yearless.append(span)
    for span in yearless:
        # "quý III và ... quý IV năm 2025": the year written for the next part of the year in
        # its sentence is this one's too
        nxt = next((p for p in found if p.start >= span.end), None)
        if (nxt is not None and nxt.kind in ("half", "quarter", "year") and nxt.start - span.end <= _SHARED_YEAR_REACH
                and not _SENTENCE_BREAK_RE.search(text, span.end, nxt.start)):
            period = _period(span, nxt.first_year, new_year)
            if period:
                found.append(period)
    return sorted(found, key=lambda p: p.start)


def find_periods(text: str, reference_year: int | None, new_year: int | None = None) -> list[Period]:
    """The periods of `text` (its time spans resolved): resolve_time_spans(find_time_spans(text))."""
    return resolve_time_spans(text, find_time_spans(text), reference_year, new_year)


def body_periods(doc: Document, times: tuple[TimeSpan, ...], reference_year: int | None,
                 new_year: int | None) -> tuple[Period, ...]:
    """The article's time spans (`times`: the time component's, find_time_spans of its body)
    resolved, once per article and year (the committee terms of extract_metrics read them
    again after candidates())."""
    key = ("body_periods", times, reference_year, new_year)
    if key not in doc.memo:
        doc.memo[key] = tuple(resolve_time_spans(doc.body, times, reference_year, new_year))
    return doc.memo[key]


def time_spans_of(doc: Document, times: tuple[TimeSpan, ...] | None) -> tuple[TimeSpan, ...]:
    """`times` (the time component's span group), or, called outside the pipeline, the body's own."""
    return find_time_spans(doc.body) if times is None else times


def mark_descriptive(text: str, periods: list[Period]) -> list[Period]:
    """Periods that describe a noun before them ("học sinh năm học 2021-2022", "BCH
    nhiệm kỳ 2023-2028") rather than open a time frame; not where a review word stands
    between them ("Hội nghị Ban Chấp hành sơ kết hoạt động quý III": the meeting reviews
    the quarter). The base a change is measured from ("tăng ... so với năm 2015") is left out."""
    return [replace(p, descriptive=True) if p.kind not in _DEICTIC_KINDS and _describes(text, p) else p
            for p in periods if not _compared_from(text, p)]


def _first_digit(text: str, p: Period) -> int:
    """Where a period's number starts: "sinh năm 1983" describes a person, "Đến năm 2018" is a
    goal, though the dates' mention of the year starts at "năm"."""
    digit = _DIGIT_RE.search(text, p.start, p.end)
    return digit.start() if digit else p.start


def _compared_from(text: str, p: Period) -> bool:
    at = _first_digit(text, p)
    return bool(_COMPARISON_RE.search(text, max(0, at - _COMPARISON_CHARS), at))


# times said from the writer's now ("năm qua", "năm nay", "5 năm qua", "từ tháng 8 đến nay"):
# they frame what is told, never describe a committee or pupils as "nhiệm kỳ 2023-2028" does
_DEICTIC_KINDS = frozenset({"past_year", "this_year", "next_year", "new_year", "review", "since", "this_month"})


def _describes(text: str, p: Period) -> bool:
    at = _first_digit(text, p)
    before = text[max(0, at - 80):at]
    m = _DESCRIPTIVE_RE.search(before)
    return m is not None and not _REVIEW_RE.search(before, m.start())


def founding_year(text: str, p: Period) -> bool:
    """The year a body was founded ("thành lập năm 1996", "ra đời từ năm 1946", "hoạt động từ
    tháng 2/2020"): that event's."""
    return founding_at(text, _first_digit(text, p))


def founding_at(text: str, at: int) -> bool:
    """Whether the time written at `at` dates a body's founding ("được thành lập ngày 4/4/1947")."""
    return bool(_FOUNDING_RE.search(text, max(0, at - _GOAL_PREFIX_CHARS), at))


def goal_year(text: str, p: Period) -> bool:
    """A goal's year ("Đến năm 2018, cả nước có 10 triệu đoàn viên"): a target prefix right
    before its first digit."""
    at = _first_digit(text, p)
    return bool(_GOAL_YEAR_RE.search(text, max(0, at - _GOAL_PREFIX_CHARS), at))


def periods_from_dates(text: str, dates: list[DateMention]) -> list[Period]:
    """The date extractor's mentions with a written year as periods, leaving out days
    (find_periods reads those), dates of documents and anniversaries. A year the date
    extractor inferred ("5-7/4") is left to find_periods' own inference."""
    out = []
    for d in dates:
        if d.period_start is None or d.period_end is None or d.kind == "day":
            continue
        if not WRITTEN_YEAR_RE.search(d.text) and d.kind != "year":  # "Tết Nhâm Dần" is a year
            continue
        if DIRECTIVE_CONTEXT_RE.search(text[max(0, d.start - 80):d.start]):
            continue
        a, b = d.period_start, d.period_end
        if b.year - a.year > _MAX_PERIOD_YEARS:
            continue
        kind = "term" if regex.match(r"(?i)nhiệm\s+kỳ", d.text) else ("years" if a.year != b.year else d.kind)
        out.append(Period(d.start, d.end, _interval_label(d.kind, a, b), a.year, b.year, kind))
    return out


def _interval_label(kind: str, a: dt.date, b: dt.date) -> str:
    """GOLD notation of a date interval: "2022", "2022-H1", "2022-Q3", "2022-08",
    "2020/2022", "2021/2022-06"."""
    if kind == "day":
        return str(a.year)
    if a.year != b.year:
        # a school year (September to August) is named by its two years, like a calendar span
        whole = (b.month, b.day) == (12, 31) or ((a.month, a.day, b.month, b.day) == (9, 1, 8, 31) and b.year == a.year + 1)
        return f"{a.year}/{b.year}" if whole else f"{a.year}/{b.year}-{b.month:02d}"
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return str(a.year)
    if a.day == 1 and a.month == b.month:
        return f"{a.year}-{a.month:02d}"
    if (a.month, a.day, b.month, b.day) == (1, 1, 6, 30):
        return f"{a.year}-H1"
    if (a.month, a.day, b.month, b.day) == (7, 1, 12, 31):
        return f"{a.year}-H2"
    if a.day == 1 and a.month in (1, 4, 7, 10) and b.month == a.month + 2:
        return f"{a.year}-Q{(a.month + 2) // 3}"
    if (a.month, a.day) == (1, 1) and b.day == calendar.monthrange(b.year, b.month)[1]:
        return f"{a.year}-{b.month:02d}"  # "9 tháng đầu năm 2024": the year up to September
    return str(a.year)


def merge_periods(preferred: list[Period], extra: list[Period]) -> list[Period]:
    """`preferred` (the date extractor's) and `extra`, overlapping ones resolved to the
    longer expression ("từ năm 2021 đến tháng 6 năm 2022" over its two parts), ties to
    `preferred`."""
    out = []
    for p in sorted(preferred + extra, key=lambda p: (-(p.end - p.start), p not in preferred)):
        if not any(q.start < p.end and p.start < q.end for q in out):
            out.append(p)
    return sorted(out, key=lambda p: p.start)


def _period(span: TimeSpan, ref: int | None, new_year: int | None = None) -> Period | None:
    kind, g = span.kind, dict(span.groups)
    if kind == "review":
        n = g.get("n")
        years = _TERM_YEARS if not n else _count(n)
        if ref is None:  # resolved against a term the article names, else dropped (_resolve_review)
            return Period(span.start, span.end, "", 0, years, kind)
        return Period(span.start, span.end, f"{ref - years}/{ref}", ref - years, ref, kind)
    if kind == "this_month":  # the month named before it (resolve_month_anaphors)
        return Period(span.start, span.end, "", 0, 0, kind)
    y1 = int(g["y1"]) if g.get("y1") else ref
    if kind == "since":
        if ref is None:
            # "từ năm 2009 đến nay" with no known present: the span cannot be told, and its
            # first year alone is not the period (kept to block the year inside it, then dropped)
            return Period(span.start, span.end, "", 0, 0, "unresolved")
        if ref < y1:
            return None
        return Period(span.start, span.end, f"{y1}/{ref}" if ref > y1 else str(y1), y1, ref, "years")
    if kind in ("years", "term"):
        y2 = int(g["y2"])
        if y2 < y1:
            return None
        return Period(span.start, span.end, f"{y1}/{y2}" if y2 > y1 else str(y1), y1, y2, kind)
    if kind == "year_to_date":
        year = int(g["y2"]) if g.get("y2") else y1
        month = int(g["m2"])
        if year is None or not 1 <= month <= 12:
            return None
        return Period(span.start, span.end, f"{year}-{month:02d}", year, year, "month")
    if kind == "year_to_month":
        y2 = int(g["y2"])
        if y2 < y1:
            return None
        # within one year it is that year up to the month ("từ đầu năm 2023 đến hết tháng 8/2023")
        label = f"{y2}-{int(g['m2']):02d}" if y2 == y1 else f"{y1}/{y2}-{int(g['m2']):02d}"
        return Period(span.start, span.end, label, y1, y2, kind)
    if y1 is None:
        return None
    if kind == "half":  # the first or last n months (six: "nửa đầu năm")
        n = _count(g.get("n") or "6")
        if not 1 <= n <= 11:
            return None
        first = HALF_WORDS[g["half"].casefold()] == "first"
        a = dt.date(y1, 1 if first else 13 - n, 1)
        b = dt.date(y1, n, calendar.monthrange(y1, n)[1]) if first else dt.date(y1, 12, 31)
        label = _interval_label("period", a, b)  # "2024-H1", "2024-09", "2024-Q4"
    elif kind == "quarter":
        q = g["quarter"]
        label = f"{y1}-Q{quarter_number(q)}"
    elif kind == "month":
        month = int(g["m1"])
        if not 1 <= month <= 12:
            return None
        label = f"{y1}-{month:02d}"
    elif kind in ("next_year", "new_year", "past_year"):
        if kind == "past_year":  # the year before the coming new year; without a date, the article's
            y1 = new_year - 1 if new_year else ref
        else:
            y1 = new_year if kind == "new_year" else (ref + 1 if ref else None)
        if y1 is None:
            return None
        label = str(y1)
    else:  # year, day_year, this_year
        label = str(y1)
    return Period(span.start, span.end, label, y1, y1, kind)


def _count(text: str) -> int:
    """A count written in digits or words ("5", "năm", "hơn một": 1 where the word is unknown)."""
    return int(text) if text.isdigit() else NUMBER_WORDS.get(text.casefold(), 1)


def resolve_month_anaphors(periods: list[Period]) -> list[Period]:
    """"toàn tháng", "trong tháng này": the last month named before it in the article
    ("Trong tháng 8 vừa qua, ... Toàn tháng, ..."); where none is, it cannot be told and
    is marked unresolved. `periods` are in text order."""
    out: list[Period] = []
    for p in periods:
        if p.kind == "this_month":
            month = next((q for q in reversed(out) if q.kind == "month" and _MONTH_LABEL_RE.fullmatch(q.label)), None)
            p = (replace(p, label=month.label, first_year=month.first_year, last_year=month.last_year, kind="month")
                 if month else replace(p, kind="unresolved"))
        out.append(p)
    return out
