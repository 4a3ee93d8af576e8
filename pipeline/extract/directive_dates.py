"""Dates of issue: the day written right after a reference ("ngày 12/6/2021", "12 tháng 6
năm 2021") or opening its sentence ("Ngày 6/12, ..."); where the dates stage read a day there,
its reading wins (it knows a year-less date's year)."""
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
DATE_NUMERIC_RE = regex.compile(
    ISSUE_VERB_PREFIX + r"(?:ngày[^\S\n]+)?(?P<d>\d{1,2})[^\S\n]*(?P<sep>[/.\-])[^\S\n]*(?P<m>\d{1,2})[^\S\n]*(?P=sep)[^\S\n]*"
    r"(?P<y>(?:19|20)\d{2})(?!\d)",
    regex.IGNORECASE,
)
DATE_WORDS_RE = regex.compile(
    ISSUE_VERB_PREFIX + r"(?:ngày[^\S\n]+)?(?P<d>\d{1,2})[^\S\n]+tháng[^\S\n]+(?P<m>\d{1,2})[^\S\n]+năm[^\S\n]+(?P<y>(?:19|20)\d{2})(?!\d)",
    regex.IGNORECASE,
)
# a day without its year ("ngày 6/12", "6/12" after an intro's "Ngày"): taken only where the
# dates stage read a day there and resolved its year
DATE_NO_YEAR_RE = regex.compile(
    ISSUE_VERB_PREFIX + r"(?:ngày[^\S\n]+)?\d{1,2}(?:[^\S\n]*[/.\-][^\S\n]*|[^\S\n]+tháng[^\S\n]+)\d{1,2}(?![\d/.\-])",
    regex.IGNORECASE,
)
INTRO_DATE_RE = regex.compile(
    r"[^\S\n]*(?:(?:" + "|".join(map(regex.escape, load_yaml("dates.yaml")["day_parts"])) + r")[^\S\n]+)?(?:ngày[^\S\n]+)?(?=\d)",
    regex.IGNORECASE
)


def _valid_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def date_at(text: str, pos: int, day_mentions: dict[int, DateMention]) -> tuple[dt.date, int] | None:
    """A day date starting at pos ("ngày 12/6/2021", "12-6-2021", "ngày 12 tháng 6 năm 2021").

    A DateMention from the dates stage starting inside the match wins (it knows year-less
    dates' years); else the date is read here.
    """
    for rx in (DATE_NUMERIC_RE, DATE_WORDS_RE, DATE_NO_YEAR_RE):
        m = rx.match(text, pos)
        if not m:
            continue
        # the day the dates stage read over this span ("Ngày 8 tháng 3" starts before "8")
        known = next((d for d in day_mentions.values() if d.start < m.end() and m.start() < d.end), None)
        if known is not None and known.date is not None:
            return known.date, max(m.end(), known.end)
        if rx is DATE_NO_YEAR_RE:
            continue
        d = _valid_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            return d, m.end()
    return None


def intro_date(text: str, start: int, limit: int, day_mentions) -> tuple[dt.date, int] | None:
    """The date opening a sentence ("Ngày 12/6/2021, ...") and where its comma ends."""
    m = INTRO_DATE_RE.match(text, start, limit)
    if not m:
        return None
    d = date_at(text, m.end(), day_mentions)
    comma = regex.match(r"\s*,", text[d[1]:limit]) if d else None
    return (d[0], d[1] + comma.end()) if comma else None
