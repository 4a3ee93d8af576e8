"""Numbers that are never metrics: the spans of a sentence where a digit string is a date,
a year, a document number, an ordinal, a duration, a phone or a glued code ("Covid-19"),
and the quantities of a sentence left once they and the date mentions are set aside."""
from __future__ import annotations

from bisect import bisect_right

import regex

from ..document import Sentence
from ..ruledata import load_yaml
from .date_shapes import filled
from .directive_types import type_placeholders
from .numbers import Quantity, find_quantities

_CUES = load_yaml("metric_cues.yaml")
_TYPE_WORDS = type_placeholders()  # {document_types...}: the words of rules/directive_types.csv


def _compile(pattern: str) -> regex.Pattern:
    pattern = filled(pattern)  # a year as the time grammar reads one: {bare_year}
    for placeholder, words in _TYPE_WORDS.items():
        pattern = pattern.replace(placeholder, words)
    # \p{Lu} means "upper case" only without IGNORECASE
    return regex.compile(pattern) if r"\p{Lu}" in pattern else regex.compile(pattern, regex.I)


NON_METRIC_RES = tuple((name, _compile(p)) for name, p in _CUES["non_metric_patterns"].items())
# a cheap search that must succeed where the pattern can match (its flags: _compile's
# choice for the pattern); None: the pattern is always run
_NON_METRIC_PREFILTERS = tuple(
    regex.compile(filled(_CUES["non_metric_prefilters"][name]), _compile(_CUES["non_metric_patterns"][name]).flags)
    if name in _CUES["non_metric_prefilters"] else None for name, _ in NON_METRIC_RES)


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` where a digit string is a date, year, code, ordinal... never a metric."""
    spans = []
    for (_, rx), prefilter in zip(NON_METRIC_RES, _NON_METRIC_PREFILTERS):
        if prefilter is None or prefilter.search(text):
            spans.extend(m.span() for m in rx.finditer(text))
    return spans


class _Cover:
    """Answers "does one of these spans cover [s, e)?" by bisecting: a span covers it when it
    starts at or before s and, of all such spans, the furthest end reaches e."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach, furthest = [], -1
        for _, b in spans:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def covers(self, s: int, e: int) -> bool:
        i = bisect_right(self.starts, s)
        return i > 0 and self.reach[i - 1] >= e


def sentence_quantities(sentence: Sentence, date_spans: list[tuple[int, int]] = ()) -> list[Quantity]:
    """Quantities of a sentence that no non-metric pattern and no date mention covers
    (`date_spans`: body spans of the date extractor's mentions)."""
    qs = find_quantities(sentence.text, sentence.start)
    if not qs:
        return []  # the blocking patterns are the costly part: only sentences with a number need them
    spans = blocked_spans(sentence.text)
    spans += [(a - sentence.start, b - sentence.start) for a, b in date_spans
              if a < sentence.end and sentence.start < b]
    cover = _Cover(spans)
    off = sentence.start
    blocked = [cover.covers(q.num_start - off, q.num_end - off) or q.value == 0 for q in qs]
    # a range is blocked as a whole when either end is ("18-35 tuổi"); a "range" falling from
    # its first number to its second is a day and month or a code in a name ("Công ty May 30-4"),
    # never a span of counts
    for i, q in enumerate(qs):
        if q.link == "range_low" and i + 1 < len(qs) and qs[i + 1].link == "range_high" and qs[i + 1].value < q.value:
            blocked[i] = blocked[i + 1] = True
        if q.link == "range_low" and i + 1 < len(qs) and blocked[i + 1]:
            blocked[i] = True
    return [q for q, b in zip(qs, blocked) if not b]
