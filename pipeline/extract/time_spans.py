"""The time spans of an article: every expression the time grammar's `time_spans` patterns
(rules/dates.yaml) find in its body ("6 tháng đầu năm 2024", "quý III", "nhiệm kỳ
2023-2028", "từ năm 2016 đến nay", "năm qua", "tháng 8/2025"), as written, before any is
resolved against the article's year. The time component writes them as the `times` span
group; the metric periods read them (metric_periods.resolve_time_spans)."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

from ..ruledata import load_yaml
from .date_shapes import cue_patterns, filled, required_parts, shapes

_TIME_WORDS = load_yaml("dates.yaml")
HALF_WORDS = {k.casefold(): v for k, v in _TIME_WORDS["half_words"].items()}  # "6 tháng đầu năm": first
NUMBER_WORDS = {k.casefold(): int(v) for k, v in _TIME_WORDS["number_words"].items()}  # "hơn một năm qua"




def _compiled(entry: dict) -> regex.Pattern:
    """A time-span entry's pattern: its own `re` (a period phrase: "từ năm 2016 đến nay", "5 năm
    qua"), or the date shape it names (`shape`: "full_num", "year_range", ...): a day, a month or
    a year range is read by the one grammar the dates read it with."""
    return shapes()[entry["shape"]] if "shape" in entry else regex.compile(filled(entry["re"]), regex.I)


def _needs(entry: dict) -> regex.Pattern | None:
    if "needs" in entry:
        return regex.compile(filled(entry["needs"]), regex.I)
    return required_parts().get(entry.get("shape"))  # the part every match of that shape holds


TIME_SPAN_RES = tuple((p["kind"], _compiled(p)) for p in _TIME_WORDS["time_spans"])
# the date shape's group names as the periods read them ("y" -> "y1"); a pattern of its own names them so
TIME_SPAN_GROUPS = tuple(p.get("groups") for p in _TIME_WORDS["time_spans"])
# a cheap search that must succeed where the pattern can match; None: the pattern is always run
TIME_SPAN_NEEDS = tuple(_needs(p) for p in _TIME_WORDS["time_spans"])
DIRECTIVE_CONTEXT_RE = cue_patterns()["directive_context"]  # a time dating a cited document
_DIRECTIVE_CONTEXT_CHARS = 80
# a document is issued at one time (a day, a month, a year): a span from one time to another
# ("Kế hoạch số 135/KH-TLĐ ..., từ năm 2021 đến ngày 20/7/2023") is the events' time, not its date
_POINT_KINDS = frozenset({"day_year", "month", "year"})


@dataclass(frozen=True)
class TimeSpan:
    """One time expression as the grammar read it: its span, its pattern's kind and the
    numbers and words its named groups caught (y1, y2, m1, m2, half, quarter, n)."""

    start: int
    end: int
    text: str
    kind: str
    groups: tuple[tuple[str, str], ...]  # the named groups that matched, in pattern order

    def group(self, name: str) -> str | None:
        return next((value for key, value in self.groups if key == name), None)


class TakenSpans:
    """Disjoint spans kept sorted by start: a new span overlaps one of them only if it
    overlaps a neighbour by start (a scan of every span per match was quadratic on long bodies)."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def take(self, start: int, end: int) -> bool:
        """Add [start, end) unless it overlaps a span already taken; say whether it was added."""
        i = bisect_right(self.starts, start)
        if (i > 0 and self.ends[i - 1] > start) or (i < len(self.starts) and self.starts[i] < end):
            return False
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        return True


def find_time_spans(text: str) -> tuple[TimeSpan, ...]:
    """The time spans of `text`, non-overlapping (earlier patterns win), in text order.
    Those dating a cited document ("Nghị quyết số 02-NQ/TW ngày 12/6/2021") still hold their
    place against later patterns but are left out."""
    found = []
    taken = TakenSpans()
    for (kind, rx), needs, names in zip(TIME_SPAN_RES, TIME_SPAN_NEEDS, TIME_SPAN_GROUPS):
        if needs is not None and not needs.search(text):
            continue
        for m in rx.finditer(text):
            if not taken.take(*m.span()):
                continue
            if kind in _POINT_KINDS and DIRECTIVE_CONTEXT_RE.search(text[max(0, m.start() - _DIRECTIVE_CONTEXT_CHARS):m.start()]):
                continue
            groups = tuple((k if names is None else names[k], v) for k, v in m.groupdict().items()
                           if v is not None and (names is None or k in names))
            found.append(TimeSpan(m.start(), m.end(), m.group(), kind, groups))
    return tuple(sorted(found, key=lambda s: s.start))
