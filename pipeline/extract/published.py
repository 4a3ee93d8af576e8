"""The article's publication date, from its dateline. STUB."""
from __future__ import annotations

import datetime as dt

from ..document import Document


def extract_published(doc: Document) -> dt.date | None:
    return None
