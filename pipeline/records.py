"""Typed records that flow through the pipeline: input records and extracted mentions.

Data flows one way: RawRecord (ingest) -> Document (clean, segment) -> mentions
(extract) -> table rows (tables). Every mention keeps its provenance: the
character span in the cleaned body, the text, the sentence, which extractor
made it and how sure it is.
"""
from __future__ import annotations

import dataclasses
import re
import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class RawRecord:
    """One input article as read from disk, before any cleaning.

    `text` is None when the record could not be read; `error` then says why.
    Fields such as title/url/published come from a dump record's own fields.
    """

    doc_id: str
    source: str
    text: str | None
    encoding: str | None = None
    error: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    fmt: str = "txt"


OUTSIDE_BODY = "dump_header"  # the extractor of a mention read off the dump header, not the body


@dataclass(frozen=True)
class Mention:
    """Provenance shared by every extracted row (see TABLES.md)."""

    doc_id: str
    start: int
    end: int
    text: str
    sentence: str
    extractor: str
    confidence: float

    # `end` is an SQL keyword: the tables name the span char_start/char_end. A mention read
    # outside the body (the dump header's date) has no span there: NULL, never an empty span.
    @property
    def char_start(self) -> int | None:
        return None if self.extractor == OUTSIDE_BODY else self.start

    @property
    def char_end(self) -> int | None:
        return None if self.extractor == OUTSIDE_BODY else self.end

    def to_row(self) -> dict[str, Any]:
        row = dataclasses.asdict(self)
        del row["start"], row["end"]
        row["char_start"], row["char_end"] = self.char_start, self.char_end
        return row


@dataclass(frozen=True)
class DateMention(Mention):
    kind: str  # day, month, year, range, period
    date: dt.date | None
    period_start: dt.date | None
    period_end: dt.date | None


@dataclass(frozen=True)
class DirectiveMention(Mention):
    type: str
    number: str | None
    symbol: str | None
    canonical_id: str
    issuer: str | None
    issued: dt.date | None
    issuer_canonical: str | None = None  # one name per body (issuers.py); `issuer` is as written


@dataclass(frozen=True)
class OrgMention(Mention):
    canonical: str
    org_type: str
    level: str
    province: str | None
    province_2025: str | None = None


@dataclass(frozen=True)
class MetricMention(Mention):
    value: float
    unit: str  # count, vnd, percent
    subject: str | None
    indicator: str
    status: str  # achieved, target, context
    period: str | None
    qualifier: str | None = None
    org: str | None = None
    province: str | None = None
    target_value: float | None = None
    percent_of_target: float | None = None
    province_2025: str | None = None

    @property
    def period_start(self) -> dt.date | None:
        return period_bounds(self.period)[0]

    @property
    def period_end(self) -> dt.date | None:
        return period_bounds(self.period)[1]

    def to_row(self) -> dict[str, Any]:
        row = super().to_row()
        row["period_start"], row["period_end"] = period_bounds(self.period)
        return row


_PERIOD_RE = re.compile(r"(\d{4})(?:/(\d{4}))?(?:-(H[12]|Q[1-4]|\d{2}))?")


def period_bounds(period: str | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day a period label covers (GOLD.md's forms): "2022" → 2022-01-01..2022-12-31,
    "2020/2022" → 2020-01-01..2022-12-31, "2022-H1", "2022-Q3", "2022-06", and "2021/2022-06"
    (from the start of 2021 to the end of June 2022). Anything else → (None, None)."""
    m = _PERIOD_RE.fullmatch(period or "")
    if not m:
        return None, None
    first, last, part = int(m.group(1)), int(m.group(2) or m.group(1)), m.group(3)
    if last < first:
        return None, None
    start_month, end_month = 1, 12
    if part and part[0] == "H":
        end_month = 6 * int(part[1])
        start_month = end_month - 5
    elif part and part[0] == "Q":
        end_month = 3 * int(part[1])
        start_month = end_month - 2
    elif part:
        start_month = end_month = int(part)
        if not 1 <= end_month <= 12:
            return None, None
    if m.group(2):  # a span: from the start of the first year
        start_month = 1
    end = dt.date(last + (end_month == 12), end_month % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(first, start_month, 1), end


@dataclass
class ArticleRow:
    doc_id: str
    source: str
    status: str  # ok, empty, failed
    error: str | None = None
    title: str | None = None
    n_chars: int = 0
    published: dt.date | None = None
    province: str | None = None
    province_2025: str | None = None
    encoding: str | None = None
    url: str | None = None

    def to_row(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class ArticleResult:
    """Everything the pipeline produced for one input record: rows per table."""

    article: ArticleRow
    dates: list[DateMention] = field(default_factory=list)
    directives: list[DirectiveMention] = field(default_factory=list)
    orgs: list[OrgMention] = field(default_factory=list)
    metrics: list[MetricMention] = field(default_factory=list)
    body: str | None = None  # the cleaned body every char_start/char_end points into


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def without_surrogates(record: RawRecord) -> RawRecord:
    """Lone surrogates ("\\udc80" escapes in JSON) cannot be written as UTF-8: each becomes
    U+FFFD in every text field, so the record is processed and stored, not lost."""
    fields = {name: getattr(record, name) for name in ("doc_id", "source", "text", "error", "title", "url", "published")}
    dirty = {name: value for name, value in fields.items() if isinstance(value, str) and _SURROGATE.search(value)}
    if not dirty:
        return record
    return replace(record, **{name: _SURROGATE.sub("\ufffd", value) for name, value in dirty.items()})
