"""Clean a scraped article: strip page furniture, normalise Unicode, keep an offset map.

STUB: replaced by the real cleaner.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


@dataclass
class Cleaned:
    body: str
    raw_offsets: list[int]  # len(body) + 1 entries: body index -> raw index
    header: dict = field(default_factory=dict)  # facts read off dump headers, e.g. {"dump_date": "2025-12-12"}
    title: str | None = None


def clean_text(raw: str) -> Cleaned:
    body = unicodedata.normalize("NFC", raw)
    offsets = list(range(len(body) + 1)) if len(body) == len(raw) else list(range(len(body) + 1))
    title = next((l.strip() for l in body.splitlines() if l.strip()), None)
    return Cleaned(body=body, raw_offsets=offsets, title=title)
