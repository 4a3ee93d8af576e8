"""The metric candidates of an article: each quantity no non-metric pattern covers, with the
context the classifiers read (its subject, the words and verbs before it, its events, its
period, whether it is a goal or a size), in body order."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from itertools import islice

from ..document import Document, Sentence, Token
from ..records import DateMention
from .metric_blocking import sentence_quantities
from .metric_events import (continues_goals, decisive_event, event_after, event_before, in_target_scope, is_stock,
                           last_event_match)
from .article_time import article_periods, lead_period, new_year_of, resolve_reviews, tet_year_of
from .metric_periods import (Period, body_periods, mark_descriptive, merge_periods, periods_from_dates, resolve_month_anaphors,
                             time_spans_of)
from .time_spans import TimeSpan
from .metric_subjects import PUNCT_RE, counted_subject, words_before
from .metric_time import CLAUSE_BREAK_RE, TimeContext, campaign_years, choose_period, paragraph_start, time_context
from .numbers import Quantity

_CONTEXT_CHARS = 600


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


def candidates(doc: Document, dates: list[DateMention] | None = None,
               reference_year: int | None = None, published: dt.date | None = None,
               times: tuple[TimeSpan, ...] | None = None) -> list[Candidate]:
    """Every metric candidate of the article with its context, in body order (`published`:
    the article's date, which tells the year "năm mới" names; `times`: the time component's
    time spans)."""
    title = title_span(doc)
    new_year = new_year_of(published, reference_year, tet_year_of(doc, dates or []))
    periods = merge_periods(periods_from_dates(doc.body, dates or []), list(body_periods(doc, time_spans_of(doc, times), reference_year, new_year)))
    periods = mark_descriptive(doc.body, [p for p in resolve_month_anaphors(campaign_years(doc.body, periods))
                                          if p.kind != "unresolved"])
    review, _ = article_periods(doc, periods, title, reference_year)
    periods = resolve_reviews(periods, review, doc)
    review = review or next((p for p in periods if p.kind == "reviewed_term"), None)
    _, title_period = article_periods(doc, periods, title, reference_year)
    report = lead_period(doc, periods, title, reference_year)
    date_spans = [(d.start, d.end) for d in dates or [] if d.end > d.start]
    starts = [p.start for p in periods]  # periods are in text order
    out = []
    quantities = [sentence_quantities(sentence, date_spans) for sentence in doc.sentences]
    # the verbs of every sentence that holds a candidate, tagged together (one decoding pass)
    verbs = iter(pos_words([s for s, qs in zip(doc.sentences, quantities) if qs]))
    previous, continued = None, False  # the sentence before, and whether it continued a list of goals
    for sentence, qs in zip(doc.sentences, quantities):
        in_title = title[0] <= sentence.start and sentence.end <= title[1]
        tags = next(verbs) if qs else ()
        continued = bool(qs) and previous is not None and continues_goals(
            previous.text, continued, doc.body[previous.end:sentence.start], sentence.text[:qs[0].num_start - sentence.start])
        previous = sentence
        # the periods of this sentence's paragraph up to its end: all a figure's time can come
        # from (scanning every period per figure is quadratic on long one-line dumps)
        para_start = paragraph_start(doc.body, sentence.start)
        nearby = periods[bisect_left(starts, para_start):bisect_right(starts, sentence.end)]
        cands = [_candidate(doc, sentence, q, nearby, review, title_period, in_title, reference_year, tags, report,
                            continued) for q in qs]
        # the low end of a range counts what the high end counts ("từ 10-20 CĐCS"), and the
        # words before the range govern its high end too ("hỗ trợ tối đa 1–2 triệu đồng")
        for i in range(len(cands) - 1):
            if cands[i].quantity.link == "range_low" and cands[i + 1].quantity.link == "range_high":
                cands[i] = replace(cands[i], subject=cands[i + 1].subject, right=cands[i + 1].right)
                cands[i + 1] = replace(cands[i + 1], clause_left=cands[i].clause_left)
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
               reference_year: int | None, tags: tuple[Token, ...] = (),
               report: Period | None = None, continued_goals: bool = False) -> Candidate:
    text, off = sentence.text, sentence.start
    # a figure's context is read within _CONTEXT_CHARS of it: enough for any clause of prose,
    # and linear on a table or list flattened into one huge "sentence"
    lo = max(0, q.num_start - off - _CONTEXT_CHARS)
    before = text[lo:q.num_start - off]
    breaks = list(CLAUSE_BREAK_RE.finditer(before))
    clause_start = lo + (breaks[-1].end() if breaks else 0)
    before = text[:q.num_start - off] if lo == 0 else before
    after = text[q.end - off:q.end - off + _CONTEXT_CHARS]
    m = CLAUSE_BREAK_RE.search(after)
    clause_right = after[:m.start()] if m else after
    tokens = sentence.tokens_between(off + lo, q.end + _CONTEXT_CHARS)
    left = tuple(w.casefold() for w in words_before(tokens, q.num_start, off + clause_start))[-8:]
    subject, subject_end = counted_subject(q, tokens, after)
    right = tuple(islice((t.text.casefold() for t in tokens
                          if t.start >= subject_end and not PUNCT_RE.match(t.text)), 4))
    time = time_context(doc, q, periods, sentence, review, title_period, reference_year,
                        off + clause_start, report=report)
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
    last_event = last_event_match(clause_left)  # read by both event_before and decisive_event
    ev_before, ev_after = event_before(clause_left, last_event), event_after(clause_right)
    return Candidate(q, sentence, subject, left, right, clause_left, clause_right,
                     choose_period(time, None), in_title, reference_year, time,
                     verbs_before, verb_after, ev_before, ev_after,
                     decisive_event(q, subject, clause_left, clause_right, ev_after, last_event),
                     in_target_scope(before, continued_goals), is_stock(left, verbs_before, sentence_verbs))


def pos_words(sentences: list[Sentence]) -> list[tuple[Token, ...]]:
    """The verbs of each sentence, tagged by underthesea's POS model over the words the
    pipeline already segmented (postag.py: the article's sentences scored and decoded
    together), with body offsets.

    It runs only on sentences that hold a candidate. Digit strings the tagger calls verbs
    ("1.500/V") are dropped.
    """
    from ..postag import tag_many

    tokens = [sentence.tokens for sentence in sentences]
    return [tuple(t for t, pos in zip(words, tags) if pos == "V" and not any(ch.isdigit() for ch in t.text))
            for words, tags in zip(tokens, tag_many([[t.text for t in words] for words in tokens]))]


class _TagKeys:
    """The start offsets of a token tuple as a sequence, for bisect (no copy)."""

    def __init__(self, tokens):
        self.tokens = tokens

    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, i: int) -> int:
        return self.tokens[i].start
