"""Numeric achievements and targets: one MetricMention per number that measures union work.

Steps, per article:
1. candidates: every quantity in the body (numbers.py) that no non-metric
   pattern covers (dates, years, document numbers, ordinals, durations,
   phones, glued codes such as Covid-19), with its context: the counted
   subject after it, the words before it in its clause, its period.
2. the classifiers of metric_model.py decide whether each candidate is a
   metric and give its indicator and status;
3. rules the language makes unambiguous: a percentage of a target
   ("đạt 110,7% chỉ tiêu") takes the indicator and period of the figure it
   qualifies, which gets target_value/percent_of_target; "2178/1550" is an
   achieved figure over its target;
4. the same fact repeated (headline and body, a duplicated paragraph) is kept once.
"""
from __future__ import annotations

import calendar
import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from itertools import islice

import regex

from ..document import Document, Sentence, Token
from ..records import DateMention, MetricMention, OrgMention
from ..ruledata import load_yaml
from .numbers import Quantity, find_quantities

_CUES = load_yaml("metric_cues.yaml")
_PERIODS = load_yaml("metric_periods.yaml")


def _compile(pattern: str) -> regex.Pattern:
    # \p{Lu} means "upper case" only without IGNORECASE
    return regex.compile(pattern) if r"\p{Lu}" in pattern else regex.compile(pattern, regex.I)


NON_METRIC_RES = tuple((name, _compile(p)) for name, p in _CUES["non_metric_patterns"].items())
# a cheap search that must succeed where the pattern can match (its flags: _compile's
# choice for the pattern); None: the pattern is always run
_NON_METRIC_PREFILTERS = tuple(
    regex.compile(_CUES["non_metric_prefilters"][name], _compile(_CUES["non_metric_patterns"][name]).flags)
    if name in _CUES["non_metric_prefilters"] else None for name, _ in NON_METRIC_RES)
_SUBJECT_STOP = frozenset(w.casefold() for w in _CUES["subject_stop_words"])
_SUBJECT_MAX = int(_CUES["subject_max_tokens"])
_SUBJECT_STOP_VERBS = frozenset(w.casefold() for w in _CUES["subject_stop_verbs"])
_PERCENT_TARGET_RE = regex.compile(
    r"^\s*(?:" + "|".join(regex.escape(w) for w in sorted(_CUES["percent_of_target_words"], key=len, reverse=True))
    + r")(?!\p{L})", regex.I)
_PERCENT_TARGET_AFTER_RE = regex.compile(_CUES["percent_of_target_after"], regex.I)
_WRITTEN_YEAR_RE = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_PERIOD_RES = tuple((p["kind"], regex.compile(p["re"], regex.I)) for p in _PERIODS["patterns"])
_DIRECTIVE_CONTEXT_RE = regex.compile(_PERIODS["directive_context"])
_CLAUSE_BREAK_RE = regex.compile(r"[;:]|\s[-–]\s|\n")
_PUNCT_RE = regex.compile(r"^[^\p{L}\d]+$")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_NUMBER_WORDS = {k.casefold(): int(v) for k, v in _PERIODS["number_words"].items()}
_DESCRIPTIVE_RE = regex.compile(r"(?<!\p{L})(?:" + "|".join(
    regex.escape(w) for w in sorted(_PERIODS["descriptive_heads"], key=len, reverse=True))
    + r")(?!\p{L})(?:\s+[^\s,.;:!?]+){0," + str(int(_PERIODS["descriptive_reach"])) + r"}?\s*,?\s*$", regex.I)
_TERM_YEARS = int(_PERIODS["term_years"])
_LEAD_RE = regex.compile(r"^[^\p{L}\d]*(?:(?:" + "|".join(
    regex.escape(w) for w in sorted(_PERIODS["lead_words"], key=len, reverse=True)) + r")\s+)?(?:năm\s+)?$", regex.I)


def _phrase_regex(words) -> regex.Pattern:
    """Whole-word alternation of phrases, longest first (case-insensitive)."""
    alt = "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return regex.compile(r"(?<!\p{L})(?:" + alt + r")(?!\p{L})", regex.I)


_AWARD_RE = _phrase_regex(_PERIODS["award_words"])

# event phrase -> indicator; one alternation so the longest phrase wins ("kết nạp Đảng")
EVENT_OF: dict[str, str] = {w.casefold(): ind for ind, ws in _CUES["event_cues"].items() for w in ws}
_EVENT_RE = _phrase_regex(EVENT_OF)
_LIGHT_VERBS = frozenset(w.casefold() for w in _CUES["event_light_verbs"])
_LIGHT_REACH = int(_CUES["event_light_reach"])
_EVENT_WINDOW = int(_CUES["event_window"])
_UNIT_SHARE_NOT = frozenset(_CUES["unit_share_not_events"])
_UNIT_NOUN_RE = regex.compile(r"^(?:" + "|".join(
    regex.escape(w) for w in sorted(_CUES["unit_nouns"], key=len, reverse=True)) + r")(?!\p{L})", regex.I)
DECISIVE_AFTER = {w.casefold(): ind for ind, ws in _CUES["decisive_events"]["after"].items() for w in ws}
DECISIVE_BEFORE = {w.casefold(): ind for ind, ws in _CUES["decisive_events"]["before"].items() for w in ws}
_DECISIVE_AFTER_RE = _phrase_regex(DECISIVE_AFTER)
_DECISIVE_BEFORE_RE = _phrase_regex(DECISIVE_BEFORE)
_DECISIVE_REACH = int(_CUES["decisive_before_reach"])
_TARGET_OPENER_RE = _phrase_regex(_CUES["target_openers"])
_TARGET_NOT_AFTER_RE = regex.compile(r"(?:(?<!\p{L})(?:" + "|".join(
    regex.escape(w) for w in sorted(_CUES["target_opener_not_after"], key=len, reverse=True))
    + r")(?!\p{L})|%)\s*(?:\S+\s+){0," + str(int(_CUES["target_opener_not_after_reach"])) + r"}$", regex.I)
_TARGET_BREAKER_RE = _phrase_regex(_CUES["target_breakers"])
_STOCK_VERBS = frozenset(w.casefold() for w in _CUES["stock_verbs"])
_HEAD_SWAPS = tuple((regex.compile(r"^(?:" + "|".join(regex.escape(n) for n in sorted(r["nouns"], key=len, reverse=True))
                                     + r")(?!\p{L})", regex.I), dict(r["swap"])) for r in _CUES["head_noun_swaps"])
_HEAD_FIXED = {k.casefold(): v for k, v in _CUES["head_noun_fixed"].items()}
_TRANSFER_RE = regex.compile(r"(?<!\p{L})(?:" + "|".join(regex.escape(w) for w in sorted(_CUES["transfer_verbs"], key=len, reverse=True))
                             + r")(?!\p{L})(?:\s+\S+){0," + str(int(_CUES["transfer_reach"])) + r"}?\s*$", regex.I)
_TRANSFER_NOUN_RE = regex.compile(r"^(?:các\s+)?(?:" + "|".join(regex.escape(w) for w in sorted(_CUES["transfer_nouns"], key=len, reverse=True))
                                  + r")(?!\p{L})", regex.I)
_WORKFORCE_RE = regex.compile(r"^(?:" + "|".join(regex.escape(w) for w in sorted(_CUES["workforce_nouns"], key=len, reverse=True))
                              + r")(?!\p{L})", regex.I)
_FUTURE_RE = regex.compile(r"(?<!\p{L})(?:" + "|".join(regex.escape(w) for w in sorted(_CUES["future_words"], key=len, reverse=True))
                           + r")(?!\p{L})(?:\s+\S+){0," + str(int(_CUES["future_reach"])) + r"}?\s*$", regex.I)
_CONTEXT_SUBJECT_RE = regex.compile(r"^(?:" + "|".join(regex.escape(w) for w in sorted(_CUES["context_subjects"], key=len, reverse=True))
                                    + r")(?!\p{L})", regex.I)
_WAGE_LEVEL_RE = regex.compile(r"(?<!\p{L})(?:" + "|".join(regex.escape(w) for w in sorted(_CUES["wage_levels"], key=len, reverse=True))
                               + r")(?!\p{L})(?:\s+\S+){0," + str(int(_CUES["wage_reach"])) + r"}?\s*$", regex.I)
_HEDGE_WORDS = frozenset(w.casefold() for w in load_yaml("metric_numbers.yaml")["hedges"])


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


@dataclass(frozen=True)
class Candidate:
    """A quantity that may be a metric, with the context the classifiers read."""

    quantity: Quantity
    sentence: Sentence
    subject: str | None
    left: tuple[str, ...]       # word tokens before the number in its clause (lower case), nearest last
    right: tuple[str, ...]      # word tokens after the subject phrase (lower case)
    clause_left: str            # clause text before the number
    clause_right: str           # clause text after the quantity
    period: str | None          # the period whatever the status (for features)
    in_title: bool
    reference_year: int | None  # the article's year, where known
    time: TimeContext | None = None
    verbs_before: tuple[str, ...] = ()  # verbs (POS) before the number in its clause, nearest last
    verb_after: str | None = None       # the first verb (POS) after the number in its clause
    event_before: str | None = None     # indicator of the event phrase nearest before the number
    event_after: str | None = None      # indicator of the event its subject does / is for
    decisive: str | None = None         # an indicator the language leaves no doubt about
    target_scope: bool = False          # inside a list of goals opened earlier in the sentence
    stock: bool = False                 # a size stated with "có/gồm/với" (context)


# ---------------------------------------------------------------- candidates

def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` where a digit string is a date, year, code, ordinal... never a metric."""
    spans = []
    for (_, rx), prefilter in zip(NON_METRIC_RES, _NON_METRIC_PREFILTERS):
        if prefilter is None or prefilter.search(text):
            spans.extend(m.span() for m in rx.finditer(text))
    return spans


def _is_blocked(q: Quantity, spans: list[tuple[int, int]], offset: int) -> bool:
    s, e = q.num_start - offset, q.num_end - offset
    return any(a <= s and e <= b for a, b in spans)


def sentence_quantities(sentence: Sentence, date_spans: list[tuple[int, int]] = ()) -> list[Quantity]:
    """Quantities of a sentence that no non-metric pattern and no date mention covers
    (`date_spans`: body spans of the date extractor's mentions)."""
    qs = find_quantities(sentence.text, sentence.start)
    if not qs:
        return []  # the blocking patterns are the costly part: only sentences with a number need them
    spans = blocked_spans(sentence.text)
    spans += [(a - sentence.start, b - sentence.start) for a, b in date_spans
              if a < sentence.end and sentence.start < b]
    blocked = [_is_blocked(q, spans, sentence.start) or q.value == 0 for q in qs]
    # a range is blocked as a whole when either end is ("18-35 tuổi")
    for i, q in enumerate(qs):
        if q.link == "range_low" and i + 1 < len(qs) and blocked[i + 1]:
            blocked[i] = True
    return [q for q, b in zip(qs, blocked) if not b]


def candidates(doc: Document, dates: list[DateMention] | None = None,
               reference_year: int | None = None) -> list[Candidate]:
    """Every metric candidate of the article with its context, in body order."""
    title = title_span(doc)
    new_year = new_year_of(_published(doc), reference_year)
    periods = merge_periods(periods_from_dates(doc.body, dates or []), list(body_periods(doc.body, reference_year, new_year)))
    periods = mark_descriptive(doc.body, [p for p in periods if p.kind != "unresolved"])
    review, _ = article_periods(doc, periods, title, reference_year)
    periods = resolve_reviews(periods, review)
    review = review or next((p for p in periods if p.kind == "reviewed_term"), None)
    _, title_period = article_periods(doc, periods, title, reference_year)
    date_spans = [(d.start, d.end) for d in dates or [] if d.end > d.start]
    starts = [p.start for p in periods]  # periods are in text order
    out = []
    for sentence in doc.sentences:
        in_title = title[0] <= sentence.start and sentence.end <= title[1]
        qs = sentence_quantities(sentence, date_spans)
        tags = pos_words(sentence) if qs else ()
        # the periods of this sentence's paragraph up to its end: all a figure's time can come
        # from (scanning every period per figure is quadratic on long one-line dumps)
        para_start = doc.body.rfind("\n", 0, sentence.start) + 1
        nearby = periods[bisect_left(starts, para_start):bisect_right(starts, sentence.end)]
        cands = [_candidate(doc, sentence, q, nearby, review, title_period, in_title, reference_year, tags)
                 for q in qs]
        # the low end of a range counts what the high end counts ("từ 10-20 CĐCS")
        for i in range(len(cands) - 1):
            if cands[i].quantity.link == "range_low" and cands[i + 1].quantity.link == "range_high":
                cands[i] = replace(cands[i], subject=cands[i + 1].subject, right=cands[i + 1].right)
        out.extend(cands)
    return out


def title_span(doc: Document) -> tuple[int, int]:
    """(start, end) of the headline in the body: the record's title line where the body
    holds it, else the first line; (0, 0) for a one-line text."""
    if "\n" not in doc.body.strip():
        return (0, 0)
    title = (doc.meta.get("title") or "").strip()
    at = doc.body.find(title) if title else -1
    if at >= 0:
        return (at, at + len(title))
    first = doc.body.find("\n")
    return (0, first)


def _candidate(doc: Document, sentence: Sentence, q: Quantity, periods: list[Period],
               review: Period | None, title_period: Period | None, in_title: bool,
               reference_year: int | None, tags: tuple[Token, ...] = ()) -> Candidate:
    text, off = sentence.text, sentence.start
    # a figure's context is read within _CONTEXT_CHARS of it: enough for any clause of prose,
    # and linear on a table or list flattened into one huge "sentence"
    lo = max(0, q.num_start - off - _CONTEXT_CHARS)
    before = text[lo:q.num_start - off]
    breaks = list(_CLAUSE_BREAK_RE.finditer(before))
    clause_start = lo + (breaks[-1].end() if breaks else 0)
    before = text[:q.num_start - off] if lo == 0 else before
    after = text[q.end - off:q.end - off + _CONTEXT_CHARS]
    m = _CLAUSE_BREAK_RE.search(after)
    clause_right = after[:m.start()] if m else after
    tokens = sentence.tokens_between(off + lo, q.end + _CONTEXT_CHARS)
    left = tuple(w.casefold() for w in _words_before(tokens, q.num_start, off + clause_start))[-8:]
    subject, subject_end = _subject(q, tokens, after)
    right = tuple(islice((t.text.casefold() for t in tokens
                          if t.start >= subject_end and not _PUNCT_RE.match(t.text)), 4))
    time = time_context(doc, q, periods, sentence, review, title_period, reference_year,
                        off + clause_start)
    clause_left = text[clause_start:q.num_start - off]
    tag_starts = [t.start for t in tags] if len(tags) <= 64 else None
    if tag_starts is None:  # a long run of tags: bisect the window (tags are in text order)
        keys = _TagKeys(tags)
        near_tags = tags[bisect_left(keys, off + lo):bisect_left(keys, q.end + _CONTEXT_CHARS)]
    else:
        near_tags = tags
    verbs_before = tuple(t.text.casefold() for t in near_tags
                         if off + clause_start <= t.start and t.end <= q.num_start)[-3:]
    sentence_verbs = tuple(t.text.casefold() for t in near_tags if t.end <= q.num_start)
    verb_after = next((t.text.casefold() for t in near_tags
                       if q.end <= t.start < q.end + len(clause_right)), None)
    last_event = _last_event(clause_left)  # read by both event_before and decisive_event
    ev_before, ev_after = event_before(clause_left, last_event), event_after(clause_right)
    return Candidate(q, sentence, subject, left, right, clause_left, clause_right,
                     choose_period(time, None), in_title, reference_year, time,
                     verbs_before, verb_after, ev_before, ev_after,
                     decisive_event(q, subject, clause_left, clause_right, ev_after, last_event),
                     in_target_scope(before), is_stock(left, verbs_before, sentence_verbs))


# ---------------------------------------------------------------- events and scope

def pos_words(sentence: Sentence) -> tuple[Token, ...]:
    """The verbs of a sentence, tagged by underthesea's POS model over the words the
    pipeline already segmented (postag.py: one pass, linear time), with body offsets.

    It runs only on sentences that hold a candidate. Digit strings the tagger calls verbs
    ("1.500/V") are dropped.
    """
    from ..postag import tag

    tokens = sentence.tokens
    return tuple(t for t, pos in zip(tokens, tag([t.text for t in tokens]))
                 if pos == "V" and not any(ch.isdigit() for ch in t.text))


_CONTEXT_CHARS = 600


class _TagKeys:
    """The start offsets of a token tuple as a sequence, for bisect (no copy)."""

    def __init__(self, tokens):
        self.tokens = tokens

    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, i: int) -> int:
        return self.tokens[i].start



_NO_EVENT = object()  # "not looked for yet", as opposed to None: "no event phrase"


def _last_event(clause_left: str) -> regex.Match | None:
    """The event phrase nearest before the number in its clause (the last one)."""
    last = None
    for last in _EVENT_RE.finditer(clause_left):
        pass
    return last


def event_before(clause_left: str, last_event=_NO_EVENT) -> str | None:
    """The indicator of the event phrase nearest before the number in its clause
    (`last_event`: _last_event(clause_left), where the caller has it)."""
    last = _last_event(clause_left) if last_event is _NO_EVENT else last_event
    return EVENT_OF[last.group().casefold()] if last else None


def event_after(clause_right: str, window_words: int | None = _EVENT_WINDOW) -> str | None:
    """The indicator of the first event phrase among the few words after the quantity
    (its subject and predicate: "đoàn viên được kết nạp Đảng", "CĐCS tổ chức đối thoại").
    A light verb ("tham gia", "huy động") yields to an event right after it."""
    window = " ".join(clause_right.split()[:window_words])
    hits = list(_EVENT_RE.finditer(window))
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
    if m and DECISIVE_AFTER[m.group().casefold()] == ev_after:
        return DECISIVE_AFTER[m.group().casefold()]
    last = _last_event(clause_left) if last_event is _NO_EVENT else last_event
    if last and last.group().casefold() in DECISIVE_BEFORE:
        if len(clause_left[last.end():].split()) <= _DECISIVE_REACH:
            return DECISIVE_BEFORE[last.group().casefold()]
    return None


def in_target_scope(sentence_before: str) -> bool:
    """A goal opened earlier in the sentence still governs the number: "phấn đấu",
    "các chỉ tiêu:", "yêu cầu ... bảo đảm", "đề ra" (not "vượt chỉ tiêu đề ra"), with
    no result word ("đã", "kết quả", "đến nay") between it and the number."""
    openers = [m for m in _TARGET_OPENER_RE.finditer(sentence_before)
               if not _TARGET_NOT_AFTER_RE.search(sentence_before[max(0, m.start() - 60):m.start()])]
    if not openers:
        return False
    return not _TARGET_BREAKER_RE.search(sentence_before[openers[-1].end():])


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


def _words_before(tokens, pos: int, start: int) -> list[str]:
    """Word tokens between body offsets `start` and `pos` (a token running over `pos`
    gives its part before it)."""
    words = []
    for t in tokens:
        if t.start < start or t.start >= pos:
            continue
        text = t.text if t.end <= pos else t.text[:pos - t.start].strip()
        if text and not _PUNCT_RE.match(text):
            words.append(text)
    return words


def _subject(q: Quantity, tokens, after: str) -> tuple[str | None, int]:
    """The head noun phrase counted by `q` (words after it), and where it ends."""
    if q.unit == "vnd":
        return "đồng", q.end
    if q.unit == "percent":
        m = _PERCENT_TARGET_RE.match(after) or _PERCENT_TARGET_AFTER_RE.match(after)
        if m:
            return _CUES["percent_target_subject"], q.end + m.end()
    words = []
    end = q.end
    for t in tokens:
        if t.end <= q.end:
            continue
        if t.start < q.end:  # underthesea glues a number to its noun: "1.500 suất"
            rest = t.text[q.end - t.start:]
            t = Token(t.start + len(rest) - len(rest.lstrip()) + (q.end - t.start), t.end, rest.strip())
            if not t.text:
                continue
        low = t.text.casefold()
        if _PUNCT_RE.match(t.text) or low in _SUBJECT_STOP or any(c.isdigit() for c in t.text):
            break
        if words and low in _SUBJECT_STOP_VERBS:
            break
        if words and t.start - end > 1:  # a gap wider than a space
            break
        words.append(t.text)
        end = t.end
        if len(words) >= _SUBJECT_MAX:
            break
    if words:
        return " ".join(words), end
    if q.unit == "percent" and after.strip()[:1] in (",", ".", ";", ")", ""):
        return _CUES["percent_target_subject"], q.end
    return None, q.end


# ---------------------------------------------------------------- periods

def find_periods(text: str, reference_year: int | None, new_year: int | None = None) -> list[Period]:
    """Time expressions of `text` with GOLD period labels, non-overlapping, in order.

    Expressions dating a document ("Nghị quyết số 02-NQ/TW ngày 12/6/2021") and
    year ranges longer than a decade (anniversaries: "(1930-2025)") are left out.
    """
    found: list[Period] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _PERIOD_RES:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            if _DIRECTIVE_CONTEXT_RE.search(text[max(0, m.start() - 80):m.start()]):
                continue
            period = _period(kind, m, reference_year, new_year)
            if period and period.last_year - period.first_year <= _MAX_PERIOD_YEARS:
                found.append(period)
    return sorted(found, key=lambda p: p.start)


# the last article's find_periods: its arguments and result, replaced as one tuple
_last_body_periods: tuple = (None, None, None, ())


def body_periods(body: str, reference_year: int | None, new_year: int | None) -> tuple[Period, ...]:
    """find_periods of an article body, kept for the next call on the same body (the
    committee terms of extract_metrics read them again after candidates())."""
    global _last_body_periods
    text, ref, new, found = _last_body_periods
    if text is None or (ref, new) != (reference_year, new_year) or text != body:
        found = tuple(find_periods(body, reference_year, new_year))
        _last_body_periods = (body, reference_year, new_year, found)
    return found


def mark_descriptive(text: str, periods: list[Period]) -> list[Period]:
    """Periods that describe a noun before them ("học sinh năm học 2021-2022", "BCH
    nhiệm kỳ 2023-2028") rather than open a time frame."""
    return [replace(p, descriptive=True) if _DESCRIPTIVE_RE.search(text[max(0, p.start - 80):p.start]) else p
            for p in periods]


_MAX_PERIOD_YEARS = int(_PERIODS["max_period_years"])
_PRESENT_YEAR_RE = regex.compile(_PERIODS["present_year"], regex.I)
_NEW_YEAR_UNTIL_MONTH = int(_PERIODS["new_year_until_month"])


def periods_from_dates(text: str, dates: list[DateMention]) -> list[Period]:
    """The date extractor's mentions with a written year as periods, leaving out days
    (find_periods reads those), dates of documents and anniversaries. A year the date
    extractor inferred ("5-7/4") is left to find_periods' own inference."""
    out = []
    for d in dates:
        if d.period_start is None or d.period_end is None or d.kind == "day":
            continue
        if not _WRITTEN_YEAR_RE.search(d.text) and d.kind != "year":  # "Tết Nhâm Dần" is a year
            continue
        if _DIRECTIVE_CONTEXT_RE.search(text[max(0, d.start - 80):d.start]):
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


def _period(kind: str, m: regex.Match, ref: int | None, new_year: int | None = None) -> Period | None:
    g = m.groupdict()
    if kind == "review":
        n = g.get("n")
        years = _TERM_YEARS if not n else (int(n) if n.isdigit() else _NUMBER_WORDS.get(n.casefold(), 1))
        if ref is None:  # resolved against a term the article names, else dropped (_resolve_review)
            return Period(m.start(), m.end(), "", 0, years, kind)
        return Period(m.start(), m.end(), f"{ref - years}/{ref}", ref - years, ref, kind)
    y1 = int(g["y1"]) if g.get("y1") else ref
    if kind == "since":
        if ref is None:
            # "từ năm 2009 đến nay" with no known present: the span cannot be told, and its
            # first year alone is not the period (kept to block the year inside it, then dropped)
            return Period(m.start(), m.end(), "", 0, 0, "unresolved")
        if ref < y1:
            return None
        return Period(m.start(), m.end(), f"{y1}/{ref}" if ref > y1 else str(y1), y1, ref, "years")
    if kind in ("years", "term"):
        y2 = int(g["y2"])
        if y2 < y1:
            return None
        return Period(m.start(), m.end(), f"{y1}/{y2}" if y2 > y1 else str(y1), y1, y2, kind)
    if kind == "year_to_date":
        year = int(g["y2"]) if g.get("y2") else y1
        month = int(g["m2"])
        if year is None or not 1 <= month <= 12:
            return None
        return Period(m.start(), m.end(), f"{year}-{month:02d}", year, year, "month")
    if kind == "year_to_month":
        y2 = int(g["y2"])
        if y2 < y1:
            return None
        # within one year it is that year up to the month ("từ đầu năm 2023 đến hết tháng 8/2023")
        label = f"{y2}-{int(g['m2']):02d}" if y2 == y1 else f"{y1}/{y2}-{int(g['m2']):02d}"
        return Period(m.start(), m.end(), label, y1, y2, kind)
    if y1 is None:
        return None
    if kind == "half":
        label = f"{y1}-{'H1' if g['half'].casefold() == 'đầu' else 'H2'}"
    elif kind == "quarter":
        q = g["quarter"].upper()
        label = f"{y1}-Q{_ROMAN.get(q, q)}"
    elif kind == "month":
        month = int(g["m1"])
        if not 1 <= month <= 12:
            return None
        label = f"{y1}-{month:02d}"
    elif kind in ("next_year", "new_year"):
        y1 = new_year if kind == "new_year" else (ref + 1 if ref else None)
        if y1 is None:
            return None
        label = str(y1)
    else:  # year, day_year, this_year
        label = str(y1)
    return Period(m.start(), m.end(), label, y1, y1, kind)


def resolve_reviews(periods: list[Period], review: Period | None) -> list[Period]:
    """"nhiệm kỳ qua", "5 năm qua": the year range the article reviews where it names one
    of that length ending in the same year ("nhiệm kỳ 2018-2023" in a 2023 congress report),
    else the span counted back from the article's year. Without the article's year, the
    latest term named before it ("Hội nghị ... nhiệm kỳ 2018-2023. ... nhiệm kỳ qua");
    else it cannot be told and is dropped. A resolved span is a closed range of years."""
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
        if term:
            out.append(replace(p, label=term.year_label, first_year=term.first_year,
                               last_year=term.last_year, kind="years"))
            # the term is reviewed as past: the period of results, not only of goals
            out = [replace(t, kind="reviewed_term") if t is term else t for t in out]
    return out


def time_context(doc: Document, q: Quantity, periods: list[Period], sentence: Sentence,
                 review: Period | None, title: Period | None, ref: int | None,
                 clause_start: int | None = None) -> TimeContext:
    in_sentence = [p for p in periods if sentence.start <= p.start and p.end <= sentence.end]
    para_start = doc.body.rfind("\n", 0, sentence.start) + 1
    earlier = [p for p in periods if para_start <= p.start and p.end <= sentence.start and not p.descriptive]
    # a descriptive period holds only in its own clause
    clause_from = clause_start if clause_start is not None else sentence.start
    in_sentence = [p for p in in_sentence if not p.descriptive or clause_from <= p.start < _clause_end(doc.body, q.end)]
    before = tuple(p for p in in_sentence if p.end <= q.num_start)
    lead = next((p for p in before if _LEAD_RE.match(doc.body[sentence.start:p.start])), None)
    own = tuple(p for p in before if clause_start is not None and p.start >= clause_start)
    return TimeContext(before, tuple(p for p in in_sentence if p.start >= q.end),
                       earlier[-1] if earlier else None, review, title, ref, lead, own)


_SENTENCE_END_RE = regex.compile(r"[.!?](?:\s|$)")


def _clause_end(text: str, pos: int) -> int:
    m = _CLAUSE_BREAK_RE.search(text, pos)
    sentence_end = _SENTENCE_END_RE.search(text, pos)
    ends = [x.start() for x in (m, sentence_end) if x]
    return min(ends) if ends else len(text)


def choose_period(t: TimeContext | None, status: str | None) -> str | None:
    """The period a figure covers, given its status (None: not known yet).

    The nearest time expression before it in its sentence, else after it, else the
    latest earlier in its paragraph (without its month: a month rarely carries over),
    else the article's: a year in the title, the range the article reviews (for
    results), the article's year. A congress term ("nhiệm kỳ 2023-2028") is the
    period of a target; a result or a size stated at the congress is of its first year.
    """
    if t is None:
        return None
    ref = t.reference_year
    in_sentence = _governing_order(t) + list(t.after)
    if status != "target":
        dated = [p for p in in_sentence if not _is_open_term(p, ref)]
        if dated:
            return dated[0].label
    if in_sentence:
        return _label(in_sentence[0], status, in_sentence[0].label, ref)
    if t.paragraph:
        return _label(t.paragraph, status, _carried_label(t.paragraph), ref)
    if t.title:  # a month in the headline is an event's, rarely the span of every figure
        return _label(t.title, status, _carried_label(t.title), ref)
    if status == "achieved" and t.article:
        return t.article.year_label
    return str(ref) if ref else None


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


def _label(p: Period, status: str | None, label: str, ref: int | None = None) -> str:
    """A term gives a result or a size stated at the congress its first year."""
    return str(p.first_year) if status in ("achieved", "context") and _is_open_term(p, ref) else label


def _is_open_term(p: Period, ref: int | None = None) -> bool:
    """A congress term still running ("nhiệm kỳ 2023-2028" at its 2023 congress): the time
    of a target, not of a result. A term that ended by the article's year ("nhiệm kỳ
    2018-2023" reviewed in 2023) is the period of the results reported over it."""
    return p.kind == "term" and not (ref is not None and p.last_year <= ref)


def article_periods(doc: Document, periods: list[Period], title: tuple[int, int],
                    ref: int | None) -> tuple[Period | None, Period | None]:
    """The range the article reviews (the first congress term, else the first year range,
    in its body that ends in its year, e.g. "nhiệm kỳ 2018-2023" in a 2023 congress report)
    and a period in its title."""
    in_title = [p for p in periods if title[0] <= p.start and p.end <= title[1]]
    ending = [p for p in periods if ref and p.kind != "review" and p.first_year < p.last_year == ref]
    # a congress term ending in the article's year is what "nhiệm kỳ qua" reviews
    review = next((p for p in ending if p.kind == "term"), ending[0] if ending else None)
    return review, (in_title[0] if in_title else None)


def new_year_of(published: dt.date | None, ref: int | None) -> int | None:
    """The year "năm mới" names: the coming one, except around Tết (January to
    new_year_until_month), when the new year has just begun ("trước thềm năm mới" in January)."""
    if published:
        return published.year if published.month <= _NEW_YEAR_UNTIL_MONTH else published.year + 1
    return ref + 1 if ref else None


def reference_year_of(doc: Document, dates: list[DateMention], published: dt.date | None) -> int | None:
    """The year the article reports on: publication, else the year the text calls the
    present ("từ đầu năm 2024 đến nay"), else the commonest year in its dates."""
    if published:
        return published.year
    present = [int(m["y1"]) for m in _PRESENT_YEAR_RE.finditer(doc.body)]
    if present:
        return max(present)
    years = [d.date.year for d in dates if d.kind == "day" and d.date]
    if years:
        return max(set(years), key=years.count)
    return None


# ---------------------------------------------------------------- extraction

def extract_metrics(doc: Document, dates: list[DateMention], orgs: list[OrgMention],
                    province: str | None) -> list[MetricMention]:
    from ..metric_model import load_model

    ref_year = reference_year_of(doc, dates, _published(doc))
    cands = candidates(doc, dates, ref_year)
    if not cands:
        return []
    model = load_model()
    # read only for committee sizes and targets
    terms = _LazyTerms(doc.body, ref_year, new_year_of(_published(doc), ref_year))
    rows = []
    for c in cands:
        pred = model.predict(c)
        if not pred.is_metric:
            continue
        q = c.quantity
        indicator, status, extractor, conf = settle(c, pred)
        rows.append((c, MetricMention(
            **doc.provenance(q.start, q.end, extractor, round(conf, 4)),
            value=q.value, unit=q.unit, subject=c.subject, indicator=indicator,
            status=status, period=_period_of(c, indicator, status, terms), qualifier=q.qualifier,
            org=_org_for(doc, q.start, orgs), province=province)))
    rows = _attach_percentages(rows)
    rows = _fractions(rows)
    return _dedupe(rows, doc)


def settle(c: Candidate, pred) -> tuple[str, str, str, float]:
    """(indicator, status, extractor, confidence) of a metric: the classifiers' unless
    the wording settles it (Candidate.decisive: an event that governs the figure;
    target_scope: a figure in a list of goals). Where a rule decides, the row is a
    `rule` row and its confidence is the classifiers' probability of what the rule
    did not decide (that it is a metric, and the other attribute)."""
    indicator, status = pred.indicator, pred.status
    p_ind, p_st = pred.p_indicator, pred.p_status
    ruled = False
    if c.decisive and c.decisive != indicator:
        indicator, p_ind, ruled = c.decisive, 1.0, True
    by_noun = head_noun_indicator(c.subject, indicator)
    if by_noun != indicator:
        indicator, p_ind, ruled = by_noun, 1.0, True
    subject = c.subject or ""
    transfer = _TRANSFER_NOUN_RE.match(subject) and _TRANSFER_RE.search(c.clause_left)
    workforce_size = status == "context" and _WORKFORCE_RE.match(subject)
    wage_level = c.quantity.unit == "vnd" and _WAGE_LEVEL_RE.search(c.clause_left)
    if (transfer or workforce_size or wage_level) and indicator != "other":
        indicator, p_ind, ruled = "other", 1.0, True
    if wage_level and status != "context":
        status, p_st, ruled = "context", 1.0, True
    size = indicator == "organisation" or (indicator == "other" and _CONTEXT_SUBJECT_RE.match(subject))
    if size and status != "context" and not c.target_scope:
        status, p_st, ruled = "context", 1.0, True
    elif status == "achieved" and _FUTURE_RE.search(c.clause_left) and not _TARGET_BREAKER_RE.search(c.clause_left):
        status, p_st, ruled = "target", 1.0, True
    if c.target_scope and status != "target":
        status, p_st, ruled = "target", 1.0, True
    if not ruled:
        return indicator, status, "ml", pred.confidence
    return indicator, status, "rule", min(pred.p_metric, p_ind, p_st)


class _LazyTerms:
    """The congress terms an article names ("nhiệm kỳ 2023-2028"), found on first use."""

    def __init__(self, body: str, ref: int | None, new_year: int | None):
        self.body, self.ref, self.new_year, self._terms = body, ref, new_year, None

    def get(self) -> list[Period]:
        if self._terms is None:
            # the periods candidates() found (the year "năm mới" names changes no term)
            self._terms = [p for p in body_periods(self.body, self.ref, self.new_year) if p.kind == "term"]
        return self._terms


def _latest_term(terms: list[Period]) -> Period:
    """The term a congress elects for: the latest-starting one, the first written on a tie."""
    return max(terms, key=lambda p: (p.first_year, -p.start))


def _period_of(c: Candidate, indicator: str, status: str, lazy_terms: _LazyTerms) -> str | None:
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
    if indicator == "emulation" and status == "achieved" and period and "/" in period \
            and period in in_sentence and _AWARD_RE.search(c.sentence.text):
        # the span its own sentence gives describes the awardees' work; the award is a moment
        return period.split("/")[-1][:4]
    return period


def committee_term(t: TimeContext | None, terms: list[Period]) -> str | None:
    """A committee elected for a term (GOLD.md: Ban Chấp hành, Ban Thường vụ ... gồm N
    đồng chí) covers the whole term: the span of years in its sentence ("nhiệm kỳ
    2023-2028", "giai đoạn 2024-2028"), else the latest term the article names (the one
    the congress elects for)."""
    near = [p for p in (t.before + t.after if t else ()) if p.first_year < p.last_year]
    if near:
        return near[-1].label if t and near[-1] in t.before else near[0].label
    return _latest_term(terms).label


def head_noun_indicator(subject: str | None, indicator: str) -> str:
    """The indicator once the counted noun has its say (rules/metric_cues.yaml head_noun_*)."""
    if not subject:
        return indicator
    head = subject.removeprefix("các ").casefold()
    if head in _HEAD_FIXED:
        return _HEAD_FIXED[head]
    for rx, swap in _HEAD_SWAPS:
        if rx.match(head):
            return swap.get(indicator, indicator)
    return indicator


def _published(doc: Document) -> dt.date | None:
    """The publication date, as core.process_record decided it (doc.meta["published"])."""
    published = doc.meta.get("published")
    return published if isinstance(published, dt.date) else None


def _org_for(doc: Document, pos: int, orgs: list[OrgMention]) -> str | None:
    """The nearest organisation named before `pos` in its paragraph, else the article's federation."""
    para_start = doc.body.rfind("\n", 0, pos) + 1
    near = [o for o in orgs if para_start <= o.start and o.end <= pos]
    if near:
        return max(near, key=lambda o: o.end).canonical
    fed = next((o for o in orgs if o.org_type == "ldld_province"), None)
    return fed.canonical if fed else None


def _attach_percentages(rows: list[tuple[Candidate, MetricMention]]) -> list[tuple[Candidate, MetricMention]]:
    """"N ..., đạt P% chỉ tiêu": the percentage takes N's indicator, status and period,
    and N's row gets percent_of_target (its target_value comes from "N/T", see _fractions)."""
    out = list(rows)
    for i, (c, m) in enumerate(out):
        if m.unit != "percent" or m.subject != _CUES["percent_target_subject"] or i == 0:
            continue
        j = i - 1
        while j >= 0 and (out[j][1].unit == "percent" or out[j][0].quantity.link == "fraction_den"):
            j -= 1
        if j < 0 or out[j][0].sentence is not c.sentence:
            continue
        pc, pm = out[j]
        out[i] = (c, replace(m, indicator=pm.indicator, period=pm.period, extractor="rule",
                             status="achieved" if pm.status == "achieved" else m.status))
        if pm.percent_of_target is None and pm.status == "achieved":
            out[j] = (pc, replace(pm, percent_of_target=m.value))
    return out


def _fractions(rows: list[tuple[Candidate, MetricMention]]) -> list[tuple[Candidate, MetricMention]]:
    """"2178/1550": the numerator is the result, the denominator its target
    ("22/22 công đoàn" is all of a whole, not a result over a target)."""
    out = list(rows)
    for i in range(len(out) - 1):
        (c1, a), (c2, b) = out[i], out[i + 1]
        if c1.quantity.link == "fraction_num" and c2.quantity.link == "fraction_den" and a.value != b.value:
            out[i + 1] = (c2, replace(b, status="target", indicator=a.indicator, subject=a.subject or b.subject,
                                      period=a.period, extractor="rule"))
            out[i] = (c1, replace(a, status="achieved", target_value=b.value, extractor="rule"))
    return out


def _dedupe(rows: list[tuple[Candidate, MetricMention]], doc: Document) -> list[MetricMention]:
    """Keep one row per repeated fact (GOLD.md: headline and body, a duplicated paragraph,
    a caption or summary restating the body).

    A headline figure the body also gives is dropped. In the body, the same value,
    unit and indicator in another sentence is the same fact (for values under 100 the
    counted noun must match too: small numbers recur as different facts). Within one
    sentence repeated values are distinct facts ("Yên Thế (5 người), Việt Yên (5 người)").
    """
    kept: list[tuple[Candidate, MetricMention]] = []
    fact_sentence: dict[tuple, str] = {}
    for c, m in rows:
        if c.in_title:
            kept.append((c, m))
            continue
        head = tuple((m.subject or "").casefold().split()[:1]) if m.value < 100 else ()
        first = fact_sentence.setdefault((m.value, m.unit, m.indicator, head), c.sentence.text)
        if first != c.sentence.text or any(
                k.sentence is not c.sentence and k.sentence.text == c.sentence.text
                and k.quantity.num_start - k.sentence.start == c.quantity.num_start - c.sentence.start
                for k, _ in kept):
            continue
        kept.append((c, m))
    body_keys = {(m.value, m.unit) for c, m in kept if not c.in_title}
    return [m for c, m in kept if not (c.in_title and (m.value, m.unit) in body_keys)]
