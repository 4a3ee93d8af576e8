"""The per-article function: one input record in, that article's table rows out.

`process_record` is pure: it reads nothing but its argument and the rule data
and models that the extractor modules load once per process, and it never
raises for bad input. That makes it safe to map over millions of records in a
process pool or on a Dask cluster.
"""
from __future__ import annotations

import datetime as dt
import traceback
from dataclasses import replace

from .annotation import TABLE_COMPONENTS, annotate, mentions
from .clean import clean_text
from .document import Document
from .limits import RecordLimits, RecordTimeout, time_budget, truncate
from .places import province_2025
from .records import ArticleResult, ArticleRow, RawRecord, without_surrogates
from .segment import split_sentences


def build_document(record: RawRecord) -> Document:
    """Clean and segment a record's text (which must not be None)."""
    cleaned = clean_text(record.text or "")
    meta = {
        "title": record.title or cleaned.title,
        "url": record.url,
        "record_published": parse_iso_date(record.published),
        **cleaned.header,
    }
    doc = Document(
        doc_id=record.doc_id,
        source=record.source,
        raw=record.text or "",
        body=cleaned.body,
        raw_offsets=cleaned.raw_offsets,
        meta=meta,
    )
    doc.sentences = split_sentences(doc.body)
    return doc


def parse_iso_date(value: object) -> dt.date | None:
    """A record's own date field ("2023-04-03", "2023-04-03T10:15:00+07:00") as a date."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def process_record(record: RawRecord, limits: RecordLimits | None = None) -> ArticleResult:
    """Run every stage on one record, bounded in size and time (limits.py). Never raises:
    failures and time-outs become a `failed` article row."""
    limits = limits or _LIMITS
    record = without_surrogates(record)  # a library caller's record may hold lone surrogates too
    if record.text is not None and len(record.text) > limits.max_chars:
        text, note = truncate(record.text, limits.max_chars)
        result = process_record(replace(record, text=text), limits)
        if result.article.status == "ok":
            result.article.error = f"{result.article.error}; {note}" if result.article.error else note
        return result
    try:
        with time_budget(limits.seconds):
            return _process(record)
    except RecordTimeout:
        article = ArticleRow(doc_id=record.doc_id, source=record.source, status="failed", encoding=record.encoding,
                             url=record.url, title=record.title,
                             error=f"timed out after {limits.seconds:g} s ({len(record.text or ''):,} characters)")
        return ArticleResult(article)


_LIMITS = RecordLimits.from_env()


def _process(record: RawRecord) -> ArticleResult:
    article = ArticleRow(
        doc_id=record.doc_id,
        source=record.source,
        status="ok",
        encoding=record.encoding,
        url=record.url,
        title=record.title,
        error=record.error,  # a note on a readable record (a renamed doc_id) stays with it
    )
    if record.text is None:
        article.status, article.error = "failed", record.error or "no text"
        return ArticleResult(article)
    try:
        doc = build_document(record)
        article.title = doc.meta.get("title")
        article.n_chars = len(doc.body)
        if not doc.body.strip():
            article.status = "empty"
            article.error = record.error or "no article text after cleaning"
            return ArticleResult(article)

        # the components the tables read, in their order (a batch run has no use for the words group)
        annotated = annotate(doc, TABLE_COMPONENTS)
        article.published = annotated._.published
        article.province = annotated._.province
        article.province_2025 = province_2025(article.province)
        return ArticleResult(
            article,
            dates=mentions(annotated, "dates"),
            directives=mentions(annotated, "directives"),
            orgs=mentions(annotated, "orgs"),
            metrics=mentions(annotated, "metrics"),
            body=doc.body,
        )
    except RecordTimeout:
        raise
    except Exception as exc:  # a bug on one article must not stop a million-article run
        article.status = "failed"
        last = traceback.extract_tb(exc.__traceback__)[-1]
        article.error = f"internal error: {type(exc).__name__}: {exc} (at {last.filename.rsplit('/', 1)[-1]}:{last.lineno})"
        return ArticleResult(article)
