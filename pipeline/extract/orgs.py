"""Trade-union organisations. STUB."""
from __future__ import annotations

from ..document import Document
from ..records import OrgMention


def extract_orgs(doc: Document, province: str | None) -> list[OrgMention]:
    return []
