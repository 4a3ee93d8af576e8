"""One dump record (a parsed JSON object or CSV row) as a RawRecord: which of its fields
hold the text, id, url, title and date.

A record's text is its first field among text/content/body/article (or the one named by
--text-field; HTML markup in it is extracted by html_text.py), else its ``html`` field;
id/doc_id, url/link, title and published/date/published_at/time are taken when present
(keys matched case-insensitively). doc_id = the record's id, else ``STEM:N`` with N its
position in the dump; source = ``PATH:N``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Sequence

from .decoding import nfc
from .html_text import extract_html, looks_like_html
from .input_files import InputFile
from .records import RawRecord

TEXT_KEYS = ("text", "content", "body", "article")
HTML_KEYS = ("html", "raw_html")
ID_KEYS = ("id", "doc_id")
URL_KEYS = ("url", "link")
TITLE_KEYS = ("title",)
PUBLISHED_KEYS = ("published", "date", "published_at", "time")

NO_TEXT_FIELD = "record has no text field"
DMY_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")


@dataclass(frozen=True)
class DumpItem:
    """A parsed dump entry and what it is: an article, a record without text,
    an invalid entry (one bad line), or a fatal error that ends the file."""

    record: RawRecord
    kind: str  # article, no_text, invalid, fatal


def lower_keys(obj: dict) -> dict:
    return {str(k).strip().lower(): v for k, v in obj.items() if k is not None}


def first_value(fields: dict, keys: Sequence[str]):
    return next((fields[k] for k in keys if fields.get(k) not in (None, "")), None)


def as_text(value) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n\n".join(value)
    return None


def iso_published(value) -> str | None:
    """A record's date as ISO when recognisable (ISO, d/m/yyyy, epoch seconds), else as given."""
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value  # epoch milliseconds
        try:
            return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    m = DMY_DATE.match(text)  # Vietnamese dates are day-first
    if m:
        try:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        except ValueError:
            return text
    return text


def optional_str(value) -> str | None:
    return nfc(str(value).strip()) if value not in (None, "") and not isinstance(value, (dict, list)) else None


def dump_item(obj, inp: InputFile, position: int, encoding: str | None, single: bool = False) -> DumpItem:
    """One dump record (a parsed JSON object or CSV row) as a RawRecord."""
    label = {"jsonl": "JSONL line", "json": "JSON record", "csv": "CSV row"}[inp.fmt]
    doc_id, source = (inp.stem, inp.source) if single else (f"{inp.stem}:{position}", f"{inp.source}:{position}")
    if not isinstance(obj, dict):
        return DumpItem(RawRecord(doc_id=doc_id, source=source, text=None, encoding=encoding, fmt=inp.fmt,
                                  error=f"{label} {position}: not a JSON object"), "invalid")
    fields = lower_keys(obj)
    own_id = optional_str(first_value(fields, ID_KEYS))
    url = optional_str(first_value(fields, URL_KEYS))
    record = RawRecord(
        doc_id=own_id or doc_id, source=source, text=None, encoding=encoding, fmt=inp.fmt, url=url,
        title=optional_str(first_value(fields, TITLE_KEYS)),
        published=iso_published(first_value(fields, PUBLISHED_KEYS)),
    )
    keys = (inp.text_field.lower(),) if inp.text_field else TEXT_KEYS
    text = next((t for t in (as_text(fields.get(k)) for k in keys) if t is not None), None)
    html = None
    if text is None:
        html = next((t for t in (as_text(fields.get(k)) for k in HTML_KEYS) if t is not None), None)
    elif looks_like_html(text):
        html, text = text, None
    if html is not None:
        page = extract_html(html, url)
        record = replace(record, title=record.title or page.title, published=record.published or page.published,
                         error=page.note if page.text else "HTML has no main text")
        return DumpItem(replace(record, text=page.text), "article")
    if text is None:
        if inp.text_field:
            return DumpItem(replace(record, text="", error=f"{label} {position}: no field {inp.text_field!r}"), "no_text")
        return DumpItem(replace(record, text="", error=NO_TEXT_FIELD), "no_text")
    return DumpItem(replace(record, text=nfc(text)), "article")
