"""The article's own time frame: the year it reports on (reference_year_of), the year "năm
mới" names, the congress terms it opens, the range it reviews and the span its lead reports
on; the reviewed spans ("nhiệm kỳ qua", "5 năm qua") resolved against them. The metric
candidates read these to give each figure its period (metric_periods resolves the spans)."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import regex

from ..document import Document
from ..records import DateMention
from ..phrase_matcher import word_alternation
from ..ruledata import load_yaml
from .date_shapes import cue_patterns
from .date_years import reference_date, resolution_congress
from .metric_periods import Period, body_periods, founding_at, founding_year, goal_year, mark_descriptive, time_spans_of
from .metric_time import SENTENCE_LEAD_RE
from .told_year import WRITTEN_YEAR_RE, article_told_year, tet_year, year_floor
from .time_spans import DIRECTIVE_CONTEXT_RE, TimeSpan

_PERIODS = load_yaml("metric_periods.yaml")
_CONGRESS_RE = cue_patterns()["congress"]
_REVIEW_RE = cue_patterns()["phase_review"]  # "tổng kết", "sơ kết", ...
_REVIEW_REACH = int(load_yaml("dates.yaml")["phase_review_reach"])
_PART_OF_YEAR_RE = regex.compile(r"-(?:H[12]|Q[1-4])$")  # "2019-H1", "2023-Q1"
_LEAD_CHARS = int(_PERIODS["lead_chars"])
_EARLIER_EVENT_RE = regex.compile(r"(?<!\p{L})(?:" + word_alternation(_PERIODS["earlier_event_words"]) + r")(?!\p{L})",
                                  regex.I)
# a month opening its sentence as the time it reports on ("Trong tháng 5/2019, ...", "Tính đến tháng 8/2023, ...")
_LEAD_RE_OF_MONTH = regex.compile(r"(?:^|[.!?\n]\s*)(?:" + word_alternation(_PERIODS["lead_words"]) + r")\s+$", regex.I)
_NEW_YEAR_UNTIL_MONTH = int(_PERIODS["new_year_until_month"])
# the words that make a year range a congress term ("nhiệm kỳ", "khóa": rules/dates.yaml period_cues)
_TERM_WORD_RE = regex.compile(r"(?<!\p{L})(?:" + word_alternation(
    [w for w, style in load_yaml("dates.yaml")["period_cues"].items() if style == "term"]) + r")(?!\p{L})", regex.I)


def congress_terms(doc: Document, periods: list[Period]) -> set[Period]:
    """The terms named as a congress's ("Đại hội Công đoàn xã ... lần thứ VIII, nhiệm kỳ
    2023-2028"): the congress word stands before the term in its sentence. Such a congress
    opens its term: it is held in the term's first year and reviews the term before. A
    congress whose resolution the article implements ("các chỉ tiêu Nghị quyết Đại hội ...,
    nhiệm kỳ 2018-2023") opens nothing in it."""
    out = set()
    for p in periods:
        sentence = doc.sentence_at(p.start) if p.kind == "term" else None
        if (sentence and _CONGRESS_RE.search(doc.body, sentence.start, p.start)
                and not resolution_congress(doc.body, sentence.start, p.start)):
            out.add(p)
    return out


def resolve_reviews(periods: list[Period], review: Period | None, doc: Document) -> list[Period]:
    """"nhiệm kỳ qua", "5 năm qua": the year range the article reviews where it names one
    of that length ending in the same year ("nhiệm kỳ 2018-2023" in a 2023 congress report),
    else the span counted back from the article's year. Without the article's year, the
    latest term named before it ("Hội nghị ... nhiệm kỳ 2018-2023. ... nhiệm kỳ qua"), or
    the term before it where a congress opens that term ("Đại hội ..., nhiệm kỳ 2023-2028
    ... tổng kết nhiệm kỳ qua": 2018/2023), else the first range of that length named after
    it; else it cannot be told and is dropped. A resolved span is a closed range of years."""
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
        else:
            # else the year range of that length the article names after it ("Trong 5 năm qua,
            # ... khen thưởng ..., giai đoạn 2016 – 2020"), counted whole or as a difference; a
            # congress term after it is the new one ("nhiệm kỳ qua ... Trong nhiệm kỳ 2017-2022,
            # CĐ sở sẽ ..."), no review
            later = next((t for t in periods if t.start >= p.end and t.kind == "years"
                          and not t.descriptive and abs((t.last_year - t.first_year) - span) <= 1
                          and not _TERM_WORD_RE.search(doc.body, t.start, t.end)), None)
            if later:
                out.append(replace(p, label=later.year_label, first_year=later.first_year,
                                   last_year=later.last_year, kind="years"))
    return out


def article_periods(doc: Document, periods: list[Period], title: tuple[int, int],
                    ref: int | None) -> tuple[Period | None, Period | None]:
    """The range the article reviews (the first congress term, else the first year range,
    in its body that ends in its year, e.g. "nhiệm kỳ 2018-2023" in a 2023 congress report)
    and a period in its title."""
    # (a goal's year, "Đến năm 2018, cả nước có 10 triệu đoàn viên", frames only its own goal;
    # a body's founding, "LĐLĐ tỉnh ... được thành lập ngày 4/4/1947. Đến nay, ...", only itself)
    in_title = [p for p in periods if title[0] <= p.start and p.end <= title[1] and not goal_year(doc.body, p)
                and not founding_year(doc.body, p)]
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
    # (a document's issue date, "Quyết định số 217-QĐ/TW ngày 12.12.2013", is not the article's
    # time, nor the day a body was founded, in the year written: "LĐLĐ tỉnh Cao Bằng được
    # thành lập ngày 4/4/1947"; a year-less one is of the news, "được thành lập từ ngày 5/9")
    # (nor the first day of an anniversary span, "(20-10-2010/20-10-2022)": its last is the news)
    span_starts = {d.start for d in dates if d.kind == "range" and d.period_start and d.period_end
                   and d.period_end.year > d.period_start.year}
    years = [d.date.year for d in dates if d.kind == "day" and d.date and d.start not in span_starts
             and not DIRECTIVE_CONTEXT_RE.search(doc.body[max(0, d.start - 80):d.start])
             and not (WRITTEN_YEAR_RE.search(d.text) and founding_at(doc.body, d.start))]
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
    spans = list(body_periods(doc, time_spans_of(doc, times), None, None))  # as written, no year resolved
    opened = {p.first_year for p in congress_terms(doc, spans)}
    if len(opened) == 1:
        return max(opened.pop(), year_floor(doc) or 0)  # never before the 2025 reorganisation it speaks of
    # ... else the one year its lead reports on: opening a sentence ("Năm 2011, ngành Y tế có 49/54
    # CĐCS đạt vững mạnh") or reviewed ("LĐLĐ tỉnh đã tiến hành đánh giá, xếp loại công đoàn cơ
    # sở năm 2016"); a year an event is dated by ("khởi công vào tháng 10-2015") tells nothing
    # (nor one that describes whom it honours: "tuyên dương Đảng viên trẻ tiêu biểu năm 2019")
    # (or a half or quarter the lead reports on, wherever it stands: "..., 6 tháng đầu năm 2024,
    # các cấp Công đoàn quận ... đã ...": a half-year's report)
    lead = {p.first_year for p in mark_descriptive(doc.body, spans)
            if p.start < lead_end and not p.descriptive and p.first_year
            and ((p.kind == "year" and _reported_in_lead(doc, p))
                 or (p.kind in ("half", "quarter") and not goal_year(doc.body, p)))}
    if len(lead) == 1:
        return lead.pop()
    # ... else the one year every written month of the text is in ("Ngày 16-18.7, ... sau trận
    # mưa lũ xảy ra vào cuối tháng 6.2018"), where it names no other year
    written = [d for d in dates
               if d.kind in ("month", "year") and d.period_start and WRITTEN_YEAR_RE.search(d.text)]
    years = {d.period_start.year for d in written}
    if len(years) == 1 and any(d.kind == "month" for d in written) and not any(
            _EARLIER_EVENT_RE.search(doc.body, _sentence_start(doc, d.start), d.start) for d in written):
        return years.pop()
    return None


def _sentence_start(doc: Document, pos: int) -> int:
    sentence = doc.sentence_at(pos)
    return sentence.start if sentence is not None else max(0, pos - 30)


def _reported_in_lead(doc: Document, p: Period) -> bool:
    sentence = doc.sentence_at(p.start)
    if sentence is None or goal_year(doc.body, p):
        return False
    return bool(SENTENCE_LEAD_RE.match(doc.body[sentence.start:p.start])
                or _REVIEW_RE.search(doc.body, sentence.start, p.start))
