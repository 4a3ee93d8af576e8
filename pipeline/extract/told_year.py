"""The year an article tells of itself in its text, where no dateline does.

Three ways, most direct first (patterns and anniversary origins in rules/dates.yaml):
the year the text calls the present ("từ đầu năm 2015 đến nay"), the one year it gives a
Tết ("Tết Sum vầy 2024": Tết news is written around Tết), the one year of its campaign
month ("Tháng Công nhân năm 2025"), the one year its anniversaries
fall in ("kỷ niệm 85 năm truyền thống Công đoàn Việt Nam": 1929 + 85 = 2014). Two
different Tết or anniversary years tell nothing. Read by the dates' year resolution and
by the metrics' reference year, so both take the same year from the same words.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..document import Document
from ..places import MERGER_DATE, written_after_merger
from ..phrase_matcher import word_alternation
from ..ruledata import load_yaml
from .date_shapes import cue_patterns, filled


@dataclass(frozen=True)
class ToldYear:
    year: int
    source: str  # "present", "tet", "campaign" or "anniversary"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern]:
    rules = load_yaml("dates.yaml")
    anniversary = rules["anniversary_lead"] + "(?:" + "|".join(
        f"(?P<y{origin}>{'|'.join(f'(?:{name})' for name in names)})"
        for origin, names in rules["anniversaries"].items()) + ")"
    campaigns = word_alternation(rules["campaign_months"])
    return {
        "present": regex.compile(filled(rules["present_year"]), regex.I),
        "tet": regex.compile(rules["tet_year"]),
        "campaign": regex.compile(rf"(?<!\p{{L}})(?:{campaigns})(?:\s+năm)?\s+(?P<y1>(?:19|20)\d{{2}})(?!\d)", regex.I),
        "anniversary": regex.compile(anniversary, regex.I),
        "anniversary_span": regex.compile(rules["anniversary_span"], regex.I),
    }


def anniversary_year(m: regex.Match) -> int:
    """The year of an anniversary ("kỷ niệm 90 năm Ngày thành lập Công đoàn Việt Nam": 2019)."""
    origin = next(int(name[1:]) for name, value in m.groupdict().items() if name.startswith("y") and value)
    return origin + int(m["n"])


def told_year(text: str) -> ToldYear | None:
    """The year `text` tells of itself: its present, else its one Tết year, else its one
    campaign month's year, else its one anniversary year; None where it tells none."""
    p = _patterns()
    present = [int(m["y1"]) for m in p["present"].finditer(text)]
    if present:
        return ToldYear(max(present), "present")
    tet = {int(m["y1"]) for m in p["tet"].finditer(text)}
    if len(tet) == 1:
        return ToldYear(tet.pop(), "tet")
    campaigns = {int(m["y1"]) for m in p["campaign"].finditer(text)}
    if len(campaigns) == 1:
        return ToldYear(campaigns.pop(), "campaign")
    anniversaries = {anniversary_year(m) for m in p["anniversary"].finditer(text)}
    anniversaries |= {int(m["y2"]) for m in p["anniversary_span"].finditer(text)
                      if int(m["y2"]) - int(m["y1"]) == int(m["n"])}
    if len(anniversaries) == 1:
        return ToldYear(anniversaries.pop(), "anniversary")
    return None


def article_told_year(doc: Document) -> ToldYear | None:
    """told_year of the article's body, read once per article (the dates ask it for each
    year-less day, the metrics once more)."""
    if "told_year" not in doc.memo:
        doc.memo["told_year"] = told_year(doc.body)
    return doc.memo["told_year"]


def year_floor(doc: Document) -> int | None:
    """The earliest year the article can be written in, where its words tell one: the 2025
    reorganisation's year for an article that speaks of the two-tier local government or
    of commune-level unions (places.written_after_merger)."""
    if "year_floor" not in doc.memo:
        doc.memo["year_floor"] = MERGER_DATE.year if written_after_merger(doc.body) else None
    return doc.memo["year_floor"]


WRITTEN_YEAR_RE = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def tet_year(doc: Document, year_mentions: Iterable[tuple[str, int]]) -> int | None:
    """The one year of the Tết an article names: written after "Tết" ("Tết Sum vầy 2024",
    told_year's "tet"), else the one year of its year mentions (text, year) that are a Tết's
    or a lunar year's ("Tết Nguyên đán Kỷ Hợi": 2019, "năm Bính Ngọ 2026"), as the dates
    stage found them. The dates (year-less days of the Tết season) and the metrics (the year
    "năm mới" names, the reference year) both ask here."""
    told = article_told_year(doc)
    if told and told.source == "tet":
        return told.year
    c = cue_patterns()
    years = {year for text, year in year_mentions if c["tet"].match(text) or c["lunar"].search(text)}
    return years.pop() if len(years) == 1 else None
