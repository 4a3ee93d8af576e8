"""Date expressions: days, months, years, ranges and periods, as DateMention rows.

The body is scanned for date expressions (date_scan.py, shapes in date_shapes.py);
the dateline's day and a full dump-header date are added where the scan did not
read them; year-less drafts take their year from the article (date_years.py).
Where no year can be told, a day is kept with `date` None so that later stages
still know the span is a date.
"""
from __future__ import annotations

import calendar
import datetime as dt

import regex

from ..document import Document
from ..records import OUTSIDE_BODY, DateMention
from .date_scan import YMD, Draft, day_draft, scan
from .date_years import resolve_years
from .published import dump_header, dump_header_date, find_dateline, page_clock_spans


def _bounds(first: YMD, last: YMD) -> tuple[dt.date | None, dt.date | None]:
    y1, m1, d1 = first
    y2, m2, d2 = last
    if y1 is None or y2 is None:
        return None, None
    start = dt.date(y1, m1 or 1, d1 or 1)
    end_month = m2 or 12
    end = dt.date(y2, end_month, d2 or calendar.monthrange(y2, end_month)[1])
    return start, end


def _mention(doc: Document, draft: Draft) -> DateMention:
    start, end = _bounds(draft.first, draft.last)
    if start and end and start > end:
        start = end = None
    date = start if draft.kind == "day" else None
    return DateMention(
        **doc.provenance(draft.start, draft.end, "rule", draft.confidence),
        kind=draft.kind,
        date=date,
        period_start=start,
        period_end=end,
    )


def _furniture_days(doc: Document, drafts: list[Draft]) -> list[Draft]:
    """The dateline's day and a full dump-header date, where the scan did not read them."""
    extra = []
    dateline = find_dateline(doc)
    if dateline and not any(d.start < dateline.end and dateline.start < d.end for d in drafts):
        dl = dateline.date
        extra.append(day_draft(dateline.start, dateline.end, dl.year, dl.month, dl.day))
    value, span = dump_header(doc)
    header = dump_header_date(value)
    if header and span:  # a header the cleaner moved out of the body is header_mention's
        extra.append(day_draft(span[0], span[1], header.year, header.month, header.day))
    return extra


def header_mention(doc: Document) -> DateMention | None:
    """The dump header's date ("date 2025-12-12" before the title), which the cleaner took
    out of the body: a `day` with no body span. Its row has NULL char_start/char_end, the
    date as written for `text` and the header as written for `sentence` (records.Mention)."""
    value, span = dump_header(doc)
    header = dump_header_date(value)
    if header is None or span:
        return None
    m = regex.search(r"\S*date\s+" + regex.escape(value) + r"\S*", doc.raw[:200])
    return DateMention(doc_id=doc.doc_id, start=0, end=0, text=value,
                       sentence=m.group().strip() if m else f"date {value}", extractor=OUTSIDE_BODY,
                       confidence=1.0, kind="day", date=header, period_start=header, period_end=header)


def extract_dates(doc: Document, published: dt.date | None) -> list[DateMention]:
    """Every date expression of the body, years resolved against the article's date."""
    clocks = page_clock_spans(doc)
    drafts = [d for d in scan(doc.body) if not any(a <= d.start and d.end <= b for a, b in clocks)]
    drafts += _furniture_days(doc, drafts)
    mentions = [_mention(doc, draft) for draft in resolve_years(doc, drafts, published)]
    header = header_mention(doc)
    return ([header] if header else []) + mentions
