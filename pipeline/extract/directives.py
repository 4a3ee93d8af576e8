"""References to Party, State and union documents. STUB."""
from __future__ import annotations

from ..document import Document
from ..records import DateMention, DirectiveMention


def extract_directives(doc: Document, dates: list[DateMention]) -> list[DirectiveMention]:
    return []
