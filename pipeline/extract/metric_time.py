"""The period one figure covers: the time expressions around it (its TimeContext) and
the choice among them once its status is known; a committee's term; a goal's new term."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from ..document import Document, Sentence
from ..phrase_matcher import word_alternation
from ..ruledata import load_yaml
from .date_shapes import cue_patterns
from .metric_events import phrase_regex, stands_for
from .metric_periods import Period, body_periods, founding_year
from .time_spans import TimeSpan
from .numbers import Quantity

if TYPE_CHECKING:  # only for annotations: metric_candidates imports this module
    from .metric_candidates import Candidate

_PERIODS = load_yaml("metric_periods.yaml")
CLAUSE_BREAK_RE = regex.compile(r"[;:]|\s[-–]\s|\n")
SENTENCE_LEAD_RE = regex.compile(r"^[^\p{L}\d]*(?:(?:" + "|".join(
    regex.escape(w) for w in sorted(_PERIODS["lead_words"], key=len, reverse=True)) + r")\s+)?(?:năm\s+)?$", regex.I)
_AWARD_RE = phrase_regex(_PERIODS["award_words"])
_CONGRESS_RE = cue_patterns()["congress"]  # "Đại hội": delegates and attendance are at one congress
_MERIT_RE = phrase_regex(_PERIODS["merit_words"])
_RECURRING_RE = phrase_regex(load_yaml("dates.yaml")["recurring_words"])
_PRESENT_RE = phrase_regex(_PERIODS["present_words"] + load_yaml("metric_cues.yaml")["present_state_words"])
_NOW_RE = phrase_regex(_PERIODS["now_words"])
_PAST_POINT_KINDS = ("year", "day_year", "month")  # one past time a "now" in the sentence moves on from
_CAMPAIGN_GLOSS_RE = regex.compile(r"(?:" + phrase_regex(load_yaml("dates.yaml")["campaign_months"]).pattern + r")[^\S\n]*\([^\S\n]*$",
                                   regex.I)
# a paragraph or sentence that opens by pointing back ("Trong đó, ...", "- Cụ thể, ...")
CONTINUATION_RE = regex.compile(r"[^\w\n]*(?:" + word_alternation(_PERIODS["continuation_openers"]) + r")\s*,", regex.I)


@dataclass(frozen=True)
class TimeContext:
    """Where a figure's period can come from, nearest first: time expressions in its
    sentence before and after it, the latest earlier in its paragraph, the article's."""

    before: tuple[Period, ...]   # in the sentence before the number, nearest last
    after: tuple[Period, ...]    # in the sentence after the number, nearest first
    paragraph: Period | None
    article: Period | None       # the period the article reviews (a range up to its year)
    title: Period | None
    reference_year: int | None
    lead: Period | None = None         # a period opening the sentence ("Năm 2025, ...")
    own_clause: tuple[Period, ...] = ()  # periods before the number in its own clause
    report: Period | None = None       # the half or quarter the article's lead reports on
    present: bool = False              # the sentence tells the present state ("Hiện nay", "đến nay")
    recurring: bool = False            # the figure's clause tells a yearly rate ("hằng năm", "bình quân mỗi năm")
    now: bool = False                  # "đến nay" between a past year of its sentence and the figure


def time_context(doc: Document, q: Quantity, periods: list[Period], sentence: Sentence,
                 review: Period | None, title: Period | None, ref: int | None,
                 clause_start: int | None = None, report: Period | None = None) -> TimeContext:
    in_sentence = [p for p in periods if sentence.start <= p.start and p.end <= sentence.end]
    para_start = paragraph_start(doc.body, sentence.start)
    earlier = [p for p in periods if para_start <= p.start and p.end <= sentence.start and not p.descriptive
               and not founding_year(doc.body, p)]
    # a descriptive period holds only in its own clause
    clause_from = clause_start if clause_start is not None else sentence.start
    in_sentence = [p for p in in_sentence if not p.descriptive or clause_from <= p.start < _clause_end(doc.body, q.end)]
    before = tuple(p for p in in_sentence if p.end <= q.num_start and not _in_earlier_item(doc.body, sentence, p, q))
    lead = next((p for p in before if SENTENCE_LEAD_RE.match(doc.body[sentence.start:p.start])), None)
    own = tuple(p for p in before if clause_start is not None and p.start >= clause_start)
    present = bool(_PRESENT_RE.search(sentence.text))
    now = bool(before) and before[-1].kind in _PAST_POINT_KINDS and bool(_NOW_RE.search(doc.body, before[-1].end, q.num_start))
    # (in a list the sentence opens with a colon, a later item, after a semicolon, has its own
    # time: "Đại hội đề ra một số chỉ tiêu: trên 95% ... được kết nạp; ...; 100% ... đăng ký thi
    # đua ngay từ đầu năm"; a list after the figure, "3 công trình ..., gồm: A; B và C", is its)
    listed = doc.body.find(":", sentence.start, q.start) >= 0
    item_end = doc.body.find(";", q.end, sentence.end) if listed else -1
    after = tuple(p for p in in_sentence if p.start >= q.end and (item_end < 0 or p.start < item_end))
    return TimeContext(before, after,
                       earlier[-1] if earlier else None, review, title, ref, lead, own, report, present,
                       bool(_RECURRING_RE.search(doc.body, clause_from, _clause_end(doc.body, q.end))), now)


def _in_earlier_item(body: str, sentence: Sentence, p: Period, q: Quantity) -> bool:
    """`p` stands in an earlier item of a list the sentence opens with a colon ("các chỉ tiêu:
    ...đến cuối năm 2022 thành lập ...; hằng năm có trên 90% ..."): its time is that item's,
    not the later items' (the list's head, before the colon, still governs them all)."""
    colon = body.find(":", sentence.start, p.start)
    return colon >= 0 and body.find(";", p.end, q.num_start) >= 0


def paragraph_start(body: str, pos: int) -> int:
    """Where the paragraph holding `pos` starts, for the periods it carries: a paragraph that
    opens by pointing back ("Trong đó, tiến hành 4.203 cuộc thanh tra ...", "Cụ thể, ...")
    continues the one before it."""
    start = body.rfind("\n", 0, pos) + 1
    while start > 0 and CONTINUATION_RE.match(body, start):
        end = len(body[:start].rstrip())  # the previous paragraph's end, blank lines skipped
        if end == 0:
            break
        start = body.rfind("\n", 0, end) + 1
    return start


_SENTENCE_END_RE = regex.compile(r"[.!?](?:\s|$)")


def _clause_end(text: str, pos: int) -> int:
    m = CLAUSE_BREAK_RE.search(text, pos)
    sentence_end = _SENTENCE_END_RE.search(text, pos)
    ends = [x.start() for x in (m, sentence_end) if x]
    return min(ends) if ends else len(text)


def choose_period(t: TimeContext | None, status: str | None) -> str | None:
    """The period a figure covers, given its status (None: not known yet).

    The nearest time expression before it in its sentence, else after it, else the
    latest earlier in its paragraph (without its month: a month rarely carries over),
    else the article's: a year in the title, the half or quarter its lead reports on and
    the range it reviews (for results), the article's year. A congress term ("nhiệm kỳ 2023-2028") is the
    period of a target; a result or a size stated at the congress is of its first year.
    """
    if t is None:
        return None
    ref = t.reference_year
    if t.now:  # "năm 1991 ..., đến nay có 66.000 đoàn viên": the present, not that year
        return str(ref) if ref and ref >= t.before[-1].last_year else None
    in_sentence = _governing_order(t) + list(t.after)
    if status != "target":
        dated = [p for p in in_sentence if not _is_open_term(p, ref)]
        if dated:
            return dated[0].label
    if in_sentence:
        return _label(in_sentence[0], status, in_sentence[0].label, ref)
    if t.recurring:  # a yearly rate: a span carried or reviewed, never one year by default
        return _recurring_span(t)
    if t.paragraph:  # the present state ("hiện có ...") is of the carried period's year, not its half
        carried = t.paragraph.year_label if t.present else _carried_label(t.paragraph)
        if status == "context" and t.paragraph.first_year < t.paragraph.last_year and t.paragraph.kind != "term":
            carried = str(t.paragraph.last_year)  # a size stated over a span is the size at its end
        return _label(t.paragraph, status, carried, ref, carried=True)
    if t.title:  # a month in the headline is an event's, rarely the span of every figure
        return _label(t.title, status, t.title.year_label if t.present else _carried_label(t.title), ref, carried=True)
    if status == "achieved" and t.report and not t.present:  # a report's result: the half or quarter its lead names
        return t.report.label
    if status == "achieved" and t.article:
        return t.article.year_label
    return str(ref) if ref else None


def _recurring_span(t: TimeContext) -> str | None:
    """The span a yearly rate with no time in its sentence covers: the paragraph's, the
    headline's or the one the article reviews, where it is a range of years."""
    return next((p.year_label for p in (t.paragraph, t.title, t.article)
                 if p is not None and p.first_year < p.last_year), None)


def _governing_order(t: TimeContext) -> list[Period]:
    """Periods before the number, the one that governs it first: one in its own clause
    (nearest), else the period opening the sentence ("Năm 2025, ... phấn đấu giám sát 20
    doanh nghiệp" over a programme's "giai đoạn 2023-2028" between), else the nearest."""
    order = list(reversed(t.before))
    if t.own_clause:
        first = t.own_clause[-1]
        if t.lead and t.lead is not first and first.kind in ("years", "term", "reviewed_term") and t.lead in t.own_clause:
            first = t.lead
    elif t.lead:
        first = t.lead
    else:
        return order
    return [first] + [p for p in order if p is not first]


def _carried_label(p: Period) -> str:
    """A period carried from an earlier sentence of the paragraph keeps its half or quarter
    ("Trong 6 tháng đầu năm 2024, ..." then "... 235,4 triệu đồng": 2024-H1); a month
    rarely carries over, its year does."""
    return p.year_label if p.kind in ("month", "year_to_month") else p.label


def _label(p: Period, status: str | None, label: str, ref: int | None = None, carried: bool = False) -> str:
    """A term gives a result or a size stated at the congress its first year. Carried from
    another sentence into an article of a later year ("chào mừng thành công Đại hội ..., nhiệm
    kỳ 2025-2030" in January 2026), the congress is past: the figure is of the article's year."""
    if status in ("achieved", "context") and _is_open_term(p, ref):
        return str(ref) if carried and ref is not None and ref > p.first_year else str(p.first_year)
    return label


def _is_open_term(p: Period, ref: int | None = None) -> bool:
    """A congress term still running ("nhiệm kỳ 2023-2028" at its 2023 congress): the time
    of a target, not of a result. A term that ended by the article's year ("nhiệm kỳ
    2018-2023" reviewed in 2023) is the period of the results reported over it."""
    return p.kind == "term" and not (ref is not None and p.last_year <= ref)


class LazyTerms:
    """The congress terms an article names ("nhiệm kỳ 2023-2028"), found on first use."""

    def __init__(self, doc: Document, times: tuple[TimeSpan, ...], ref: int | None, new_year: int | None):
        self.doc, self.times, self.ref, self.new_year, self._terms = doc, times, ref, new_year, None

    def get(self) -> list[Period]:
        if self._terms is None:
            # the periods candidates() found (the year "năm mới" names changes no term)
            self._terms = [p for p in body_periods(self.doc, self.times, self.ref, self.new_year) if p.kind == "term"]
        return self._terms


def _latest_term(terms: list[Period]) -> Period:
    """The term a congress elects for: the latest-starting one, the first written on a tie."""
    return max(terms, key=lambda p: (p.first_year, -p.start))


def period_of(c: Candidate, indicator: str, status: str, lazy_terms: LazyTerms) -> str | None:
    """The period a metric covers, once its indicator and status are settled."""
    if indicator == "organisation" and lazy_terms.get():
        return committee_term(c.time, lazy_terms.get())
    period = choose_period(c.time, status)
    in_sentence = {p.label for p in (c.time.before + c.time.after)} if c.time else set()
    if status == "target" and period not in in_sentence and c.time and not c.time.paragraph:
        # a goal stated with no time of its own, in an article about a congress, is the new term's
        ref = c.time.reference_year
        open_terms = [p for p in lazy_terms.get() if ref is None or p.first_year <= ref < p.last_year]
        if open_terms:
            return _latest_term(open_terms).label
    attending = indicator == "participants" or (status == "context" and stands_for(c))
    if attending and period and "/" in period and c.time and (
            _from_a_term(c.time, period) or _CONGRESS_RE.search(c.sentence.text)):
        # attendance is at a congress, one moment of its term (GOLD.md: delegates and attendance
        # take the year of that congress), and so is the size of what the delegates stand for:
        # the article's year where the term holds it, else the term's first year
        first, last = int(period[:4]), int(period.split("/")[-1][:4])
        ref = c.time.reference_year
        return str(ref if ref is not None and first <= ref <= last else first)
    merit = _MERIT_RE.search(c.sentence.text, c.quantity.end - c.sentence.start) \
        if status == "achieved" and c.time else None
    if merit:  # the time of the recipients' merit is theirs, not the award's or the gift's
        period = choose_period(_without_after(c.time, c.sentence.start + merit.start()), status) or period
    if indicator == "emulation" and status == "achieved" and c.time and _AWARD_RE.search(c.sentence.text):
        if period and "/" in period and (merit or period in in_sentence):
            # a span describes the awardees' work; the award is a moment, at the span's end
            return period.split("/")[-1][:4]
    return period


def _without_after(t: TimeContext, pos: int) -> TimeContext:
    """The context without the periods of its sentence that start at or after `pos`."""
    return replace(t, before=tuple(p for p in t.before if p.start < pos),
                   after=tuple(p for p in t.after if p.start < pos),
                   own_clause=tuple(p for p in t.own_clause if p.start < pos),
                   lead=t.lead if t.lead is None or t.lead.start < pos else None)


def _from_a_term(t: TimeContext, label: str) -> bool:
    """The period `label` was read from a congress term ("nhiệm kỳ 2023-2028")."""
    near = t.before + t.after + tuple(p for p in (t.paragraph, t.article, t.title) if p is not None)
    return any(p.label == label and p.kind in ("term", "reviewed_term") for p in near)


def committee_term(t: TimeContext | None, terms: list[Period]) -> str | None:
    """A committee elected for a term (GOLD.md: Ban Chấp hành, Ban Thường vụ ... gồm N
    đồng chí) covers the whole term: the span of years in its sentence ("nhiệm kỳ
    2023-2028", "giai đoạn 2024-2028"), else the latest term the article names (the one
    the congress elects for)."""
    near = [p for p in (t.before + t.after if t else ()) if p.first_year < p.last_year]
    if near:
        return near[-1].label if t and near[-1] in t.before else near[0].label
    return _latest_term(terms).label


def campaign_years(body: str, periods: list[Period]) -> list[Period]:
    """A month glossing a named campaign month ("Tháng Công nhân (tháng 5-2017)") is the
    campaign's, whose figures take its year (GOLD.md)."""
    return [replace(p, label=p.year_label, kind="year")
            if p.kind == "month" and _CAMPAIGN_GLOSS_RE.search(body, max(0, p.start - 80), p.start) else p
            for p in periods]
