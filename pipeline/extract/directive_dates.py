"""Dates of issue: the day written right after a reference ("ngày 12/6/2021", "12 tháng 6
năm 2021") or opening its sentence ("Ngày 6/12, ..."), as the dates stage read it (it knows a
year-less date's year)."""
from __future__ import annotations

import datetime as dt

import regex

from ..records import DateMention
from ..ruledata import load_yaml

ISSUERS = load_yaml("issuers.yaml")

# "ban hành ngày ...", "thông qua ngày ...": an issuing verb may stand before a document's date
ISSUE_VERB_PREFIX = "(?:(?:" + "|".join(
    r"[^\S\n]+".join(regex.escape(w) for w in str(v).split())
    for v in sorted(ISSUERS["issue_verbs"], key=len, reverse=True)
) + r")[^\S\n]+)?"
# where a document's day may open: an issuing verb and "ngày" ("ban hành ngày 12/6/2021")
DATE_PREFIX_RE = regex.compile(ISSUE_VERB_PREFIX + r"(?:ngày[^\S\n]+)?", regex.IGNORECASE)
INTRO_DATE_RE = regex.compile(
    r"[^\S\n]*(?:(?:" + "|".join(map(regex.escape, load_yaml("dates.yaml")["day_parts"])) + r")[^\S\n]+)?(?:ngày[^\S\n]+)?(?=\d)",
    regex.IGNORECASE
)


def date_at(text: str, pos: int, day_mentions: dict[int, DateMention]) -> tuple[dt.date, int] | None:
    """The day the dates stage read at `pos`, after an issuing verb and "ngày" if any ("ngày
    12/6/2021", "ban hành ngày 12 tháng 6 năm 2021", "6/12" with the year it inferred), and
    where it ends. Days are read by the one time grammar (date_shapes), never here."""
    return _day_opening(pos, DATE_PREFIX_RE.match(text, pos).end(), day_mentions)


def _day_opening(start: int, digits: int, day_mentions: dict[int, DateMention]) -> tuple[dt.date, int] | None:
    """The day mention that opens between `start` and `digits` (at the digits, or at a "Ngày"
    the mention holds) and reaches past them: its date and end."""
    for at in range(digits, start - 1, -1):
        day = day_mentions.get(at)
        if day is not None and day.end > digits:
            return day.date, day.end
    return None


def intro_date(text: str, start: int, limit: int, day_mentions) -> tuple[dt.date, int] | None:
    """The date opening a sentence ("Ngày 12/6/2021, ...", "Sáng 15/3, ...") and where its comma ends."""
    m = INTRO_DATE_RE.match(text, start, limit)
    if not m:
        return None
    d = _day_opening(m.start(), m.end(), day_mentions)
    comma = regex.match(r"\s*,", text[d[1]:limit]) if d else None
    return (d[0], d[1] + comma.end()) if comma else None


_CLAUSE_BREAK_RE = regex.compile(r"[,;]")


def clause_date(text: str, start: int, verb: int, day_mentions) -> dt.date | None:
    """The day opening the clause of an issuing verb at `verb`, where nothing but its subject
    stands between them: "Ngày 13/5/2022 Công đoàn Ngân hàng Việt Nam đã ban hành ...", "...
    nêu trên, ngày 18/4/2022, Ban Thường vụ Công đoàn Ngân hàng Việt Nam đã ban hành ..."."""
    starts = [start] + [m.end() for m in _CLAUSE_BREAK_RE.finditer(text, start, verb)]
    for at in reversed(starts):
        m = INTRO_DATE_RE.match(text, at, verb)
        d = _day_opening(m.start(), m.end(), day_mentions) if m else None
        if d is not None:
            subject = text[d[1]:verb].lstrip(" \t,")
            return d[0] if subject.strip() and not regex.search(r"[,;:\n]", subject) else None
    return None
