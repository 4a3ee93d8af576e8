"""Numeric achievements and targets. STUB."""
from __future__ import annotations

from ..document import Document
from ..records import DateMention, MetricMention, OrgMention


def extract_metrics(doc: Document, dates: list[DateMention], orgs: list[OrgMention],
                    province: str | None) -> list[MetricMention]:
    return []
