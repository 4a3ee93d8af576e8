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

    def to_row(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


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


@dataclass(frozen=True)
class OrgMention(Mention):
    canonical: str
    org_type: str
    level: str
    province: str | None


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


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def without_surrogates(record: RawRecord) -> RawRecord:
    """Lone surrogates ("\\udc80" escapes in JSON) cannot be written as UTF-8: each becomes
    U+FFFD in every text field, so the record is processed and stored, not lost."""
    fields = {name: getattr(record, name) for name in ("doc_id", "source", "text", "error", "title", "url", "published")}
    dirty = {name: value for name, value in fields.items() if isinstance(value, str) and _SURROGATE.search(value)}
    if not dirty:
        return record
    return replace(record, **{name: _SURROGATE.sub("\ufffd", value) for name, value in dirty.items()})
