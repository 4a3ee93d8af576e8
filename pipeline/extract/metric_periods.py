"""The periods of an article in GOLD notation ("2024", "2024-H1", "2021/2022-06"): the time
spans the time grammar found (time_spans.py) resolved against the article's year, merged
with the date extractor's mentions, "nhiệm kỳ qua" resolved; and the article's own time
frame (its reference year, the year "năm mới" names, the range it reviews)."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

import regex

from ..document import Document
from ..records import DateMention
from ..phrase_matcher import word_alternation
from ..ruledata import load_yaml
from .date_shapes import cue_patterns
from .date_years import reference_date
from .told_year import WRITTEN_YEAR_RE, article_told_year, tet_year, year_floor
from .time_spans import DIRECTIVE_CONTEXT_RE, HALF_WORDS, NUMBER_WORDS, QUARTER_WORDS, TimeSpan, find_time_spans

_PERIODS = load_yaml("metric_periods.yaml")
_TIME_WORDS = load_yaml("dates.yaml")  # the time vocabulary the dates read too
_QUARTERS = {str(k): int(v) for k, v in _TIME_WORDS["quarters"].items()}  # "quý III": 3
_CONGRESS_RE = cue_patterns()["congress"]
_GOAL_YEAR_RE = cue_patterns()["target"]  # "đến năm", "tầm nhìn đến năm" right before a year
_GOAL_PREFIX_CHARS = 30
_SHARED_YEAR_REACH = 100  # characters between a year-less half or quarter and the next one naming its year
_SENTENCE_BREAK_RE = regex.compile(r"[.!?;\n]")
_REVIEW_RE = cue_patterns()["phase_review"]  # "tổng kết", "sơ kết", ...
_REVIEW_REACH = int(_TIME_WORDS["phase_review_reach"])
_PART_OF_YEAR_RE = regex.compile(r"-(?:H[12]|Q[1-4])$")  # "2019-H1", "2023-Q1"
_LEAD_CHARS = int(_PERIODS["lead_chars"])
# a month opening its sentence as the time it reports on ("Trong tháng 5/2019, ...", "Tính đến tháng 8/2023, ...")
_LEAD_RE_OF_MONTH = regex.compile(r"(?:^|[.!?\n]\s*)(?:" + word_alternation(_PERIODS["lead_words"]) + r")\s+$", regex.I)
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
_MAX_PERIOD_YEARS = int(_PERIODS["max_period_years"])
_NEW_YEAR_UNTIL_MONTH = int(_PERIODS["new_year_until_month"])


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


def _goal_year(text: str, p: Period) -> bool:
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
        years = _TERM_YEARS if not n else (int(n) if n.isdigit() else NUMBER_WORDS.get(n.casefold(), 1))
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
    if kind == "half":
        label = f"{y1}-{'H1' if HALF_WORDS[g['half'].casefold()] == 'first' else 'H2'}"
    elif kind == "quarter":
        q = g["quarter"]
        label = f"{y1}-Q{QUARTER_WORDS.get(q.casefold()) or _QUARTERS.get(q.upper(), q)}"
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


def congress_terms(doc: Document, periods: list[Period]) -> set[Period]:
    """The terms named as a congress's ("Đại hội Công đoàn xã ... lần thứ VIII, nhiệm kỳ
    2023-2028"): the congress word stands before the term in its sentence. Such a congress
    opens its term: it is held in the term's first year and reviews the term before."""
    out = set()
    for p in periods:
        sentence = doc.sentence_at(p.start) if p.kind == "term" else None
        if sentence and _CONGRESS_RE.search(doc.body, sentence.start, p.start):
            out.add(p)
    return out


def resolve_reviews(periods: list[Period], review: Period | None, doc: Document) -> list[Period]:
    """"nhiệm kỳ qua", "5 năm qua": the year range the article reviews where it names one
    of that length ending in the same year ("nhiệm kỳ 2018-2023" in a 2023 congress report),
    else the span counted back from the article's year. Without the article's year, the
    latest term named before it ("Hội nghị ... nhiệm kỳ 2018-2023. ... nhiệm kỳ qua"), or
    the term before it where a congress opens that term ("Đại hội ..., nhiệm kỳ 2023-2028
    ... tổng kết nhiệm kỳ qua": 2018/2023); else it cannot be told and is dropped. A
    resolved span is a closed range of years."""
    opened = congress_terms(doc, periods)
    out = []
    for p in periods:
        if p.kind != "review":
            out.append(p)
            continue
        span = p.last_year - p.first_year if p.label else p.last_year
        if p.label:
            fits = review and review.last_year == p.last_year and abs(
                (review.last_year - review.first_year) - span) <= 1
            out.append(replace(p, label=review.year_label, first_year=review.first_year, kind="years")
                       if fits else replace(p, kind="years"))
            continue
        term = next((t for t in reversed(out) if t.kind in ("term", "reviewed_term") and t.end <= p.start
                     and t.last_year - t.first_year == span), None)
        if term in opened:
            out.append(replace(p, label=f"{term.first_year - span}/{term.first_year}",
                               first_year=term.first_year - span, last_year=term.first_year, kind="years"))
        elif term:
            out.append(replace(p, label=term.year_label, first_year=term.first_year,
                               last_year=term.last_year, kind="years"))
            # the term is reviewed as past: the period of results, not only of goals
            out = [replace(t, kind="reviewed_term") if t is term else t for t in out]
    return out


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


def article_periods(doc: Document, periods: list[Period], title: tuple[int, int],
                    ref: int | None) -> tuple[Period | None, Period | None]:
    """The range the article reviews (the first congress term, else the first year range,
    in its body that ends in its year, e.g. "nhiệm kỳ 2018-2023" in a 2023 congress report)
    and a period in its title."""
    # (a goal's year, "Đến năm 2018, cả nước có 10 triệu đoàn viên", frames only its own goal)
    in_title = [p for p in periods if title[0] <= p.start and p.end <= title[1] and not _goal_year(doc.body, p)]
    # (a span describing recipients, "con đoàn viên ... năm học 2021-2022", is theirs; a
    # committee's term, "UBKT ..., nhiệm kỳ 2008-2013", is still what its congress reviews)
    ending = [p for p in periods if ref and p.kind != "review" and not (p.descriptive and p.kind != "term")
              and p.first_year < p.last_year == ref]
    # a congress term ending in the article's year is what "nhiệm kỳ qua" reviews
    review = next((p for p in ending if p.kind == "term"), ending[0] if ending else None)
    # a day the first line dates its event by ("Chiều ngày 08/01/2019 LĐLĐ ... tổ chức Hội nghị
    # tổng kết ... năm 2018"): the time of the meeting, not of the figures; a span or a year
    # the line names comes first
    spans = [p for p in in_title if p.kind != "day_year"]
    return review, (spans or in_title or [None])[0]


def lead_period(doc: Document, periods: list[Period], title: tuple[int, int], ref: int | None) -> Period | None:
    """A half or quarter of the article's year, or the year before it, that its lead names
    ("Theo báo cáo ..., trong 6 tháng đầu năm 2019, toàn tỉnh thành lập mới 24 CĐCS"; "năm
    qua" early in a year): the span a report's later
    figures cover where their own paragraph names none. Read within lead_chars of the
    headline's end."""
    def reported(p: Period) -> bool:
        if p.first_year != p.last_year:
            return False
        if _PART_OF_YEAR_RE.search(p.label):  # of the article's year (an undated report: of the year written)
            return ref is None or p.first_year == ref
        # the year just past, which a lead written early in the next year reviews ("UBKT ... cho
        # biết, năm qua, UBKT các cấp đã tiến hành kiểm tra 5194 cuộc" in February 2017)
        if p.kind == "past_year":
            return ref is not None and p.first_year == ref - 1
        # the year before the article's, which the lead reviews ("tổng kết hoạt động công đoàn
        # năm 2020" at a conference of January 2021)
        return (ref is not None and p.kind == "year" and p.first_year == ref - 1
                and str(ref - 1) in doc.body[p.start:p.end]
                and bool(_REVIEW_RE.search(doc.body, max(0, p.start - _REVIEW_REACH), p.start)))

    end = title[1] + _LEAD_CHARS
    return next((p for p in periods if title[1] <= p.start < end and not p.descriptive and reported(p)), None)


def new_year_of(published: dt.date | None, ref: int | None, tet: int | None = None) -> int | None:
    """The year "năm mới" names: the coming one, except around Tết (January to
    new_year_until_month), when the new year has just begun ("trước thềm năm mới" in January).
    Undated Tết news (`tet`: the Tết it names) wishes that Tết's year ("năm mới Quý Mão")."""
    if published:
        return published.year if published.month <= _NEW_YEAR_UNTIL_MONTH else published.year + 1
    if tet:
        return tet
    return ref + 1 if ref else None


def tet_year_of(doc: Document, dates: list[DateMention]) -> int | None:
    """The one year of the Tết the article names (told_year.tet_year), from its year mentions."""
    return tet_year(doc, [(d.text, d.period_start.year) for d in dates
                          if d.kind == "year" and d.period_start is not None])


def reference_year_of(doc: Document, dates: list[DateMention], published: dt.date | None,
                      times: tuple[TimeSpan, ...] | None = None) -> int | None:
    """The year the article reports on: publication (or a dump header's month), else the year the text calls the
    present ("từ đầu năm 2024 đến nay"), else the one year it gives a Tết ("Tết Bính Ngọ
    2026", or by its lunar name only: "Tết Nguyên đán Kỷ Hợi"), else the one year its anniversaries give ("kỷ niệm 90 năm Ngày thành lập Công
    đoàn Việt Nam": 2019), else the commonest year in its dates, else the one year its months are written in,
    else the first year of the
    one term a congress it reports opens (not before the 2025 reorganisation where the
    article speaks of it)."""
    # the dump header's month (" date 2017-03"): the article's year, as for the dates
    when = reference_date(doc, published)
    if when:
        return when.year
    told = article_told_year(doc)
    if told and told.source == "present":
        return told.year
    tet = tet_year_of(doc, dates)
    if tet:
        return tet
    if told:
        return told.year
    # (a document's issue date, "Quyết định số 217-QĐ/TW ngày 12.12.2013", is not the article's time)
    years = [d.date.year for d in dates if d.kind == "day" and d.date
             and not DIRECTIVE_CONTEXT_RE.search(doc.body[max(0, d.start - 80):d.start])]
    if years:
        return max(set(years), key=years.count)
    # ... else the one year the months its lead reports on are written in ("Trong tháng 5/2019, toàn
    # tỉnh ..., nâng tổng số đến nay ...": a monthly report of May 2019); a month later in the
    # text is as often a past event's ("Trước đó, vào tháng 7.2018, ...")
    lead_end = _LEAD_CHARS + (doc.body.find("\n") + 1)
    months = {d.period_start.year for d in dates if d.kind == "month" and d.period_start and d.start < lead_end
              and WRITTEN_YEAR_RE.search(d.text) and _LEAD_RE_OF_MONTH.search(doc.body, max(0, d.start - 30), d.start)
              and not DIRECTIVE_CONTEXT_RE.search(doc.body[max(0, d.start - 80):d.start])}
    if len(months) == 1:
        return months.pop()
    # a congress is held in the first year of the term it opens ("Đại hội ..., nhiệm kỳ 2023-2028")
    opened = {p.first_year for p in congress_terms(doc, list(body_periods(doc, time_spans_of(doc, times), None, None)))}
    if len(opened) == 1:
        return max(opened.pop(), year_floor(doc) or 0)  # never before the 2025 reorganisation it speaks of
    return None
