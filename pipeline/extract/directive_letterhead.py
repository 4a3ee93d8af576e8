"""A document copied whole: its letterhead tells its own issuer and date of issue.

    TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                             Độc lập - Tự do - Hạnh phúc
    Số: 04/KH-TLĐ                            Hà Nội, ngày 22 tháng 01 năm 2016

Scraped, the two columns come one after the other or side by side with "|". The number
line's reference takes the issuing body above it (the last union body its capitals name:
"TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM / LIÊN ĐOÀN LAO ĐỘNG / THÀNH PHỐ HỒ CHÍ MINH" is the city's
federation) and the day of its place-date line. Vocabulary: rules/issuers.yaml letterhead_*.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import regex

from ..ruledata import load_yaml
from .directive_tokens import Source
from .directive_types import Ref
from .org_parse import parse_candidates

_RULES = load_yaml("issuers.yaml")
_MOTTO = frozenset(regex.sub(r"\s+", " ", m).casefold() for m in _RULES["letterhead_motto"])
_NUMBER_LINE_RE = regex.compile(r"(?im)(?:^|\|)[^\S\n]*" + regex.escape(_RULES["letterhead_number_word"])
                                + r"[^\S\n]*:[^\S\n]*$")
# "Hà Nội, ngày 07 tháng 02 năm 2017": a place (capitalised words), a comma, "ngày"
_PLACE_DATE_RE = regex.compile(r"(?:^|\|)[^\S\n]*\p{Lu}[\p{L} .]{1,40},[^\S\n]*(?P<day>ngày[^\S\n]+)(?=\d)")
_REACH = int(_RULES["letterhead_reach"])
_CHARS = int(_RULES["letterhead_chars"])


def _lines_before(text: str, pos: int) -> list[tuple[int, str]]:
    """The lines before pos's line, nearest first, with their starts."""
    before = []
    at = text.rfind("\n", 0, pos) + 1
    while at > 0 and len(before) < _REACH:
        prev = text.rfind("\n", 0, at - 1) + 1
        before.append((prev, text[prev:at - 1]))
        at = prev
    return before


def _lines_from(text: str, pos: int) -> list[tuple[int, str]]:
    """pos's line and the lines after it, with their starts."""
    after = []
    at = text.rfind("\n", 0, pos) + 1
    while at < len(text) and len(after) < _REACH:
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        after.append((at, text[at:end]))
        at = end + 1
    return after


def _issuer(before: list[tuple[int, str]]) -> str | None:
    """The issuing body the capitals above the number line name."""
    caps = []
    for _, line in before:  # nearest first
        for part in reversed(line.split("|")):
            part = part.strip(" -_\t")
            if not part or regex.sub(r"\s+", " ", part).casefold() in _MOTTO:
                continue
            if part.upper() != part or not regex.search(r"\p{L}{2}", part):
                return _last_body(caps)
            caps.insert(0, part)
    return _last_body(caps)


def _last_body(caps: list[str]) -> str | None:
    found = [c for c in parse_candidates(" ".join(caps), None) if c.canonical] if caps else []
    return found[-1].canonical if found else None


def _issue_day(after: list[tuple[int, str]], day_mentions) -> dt.date | None:
    """The day of the place-date line ("Hà Nội, ngày 07 tháng 02 năm 2017") among `after`."""
    for start, line in after:
        m = _PLACE_DATE_RE.search(line)
        if m:  # the dates stage's mention opens at "ngày" or at its digits
            day = day_mentions.get(start + m.start("day")) or day_mentions.get(start + m.end())
            return day.date if day is not None else None
    return None


def with_letterhead(src: Source, ref: Ref, day_mentions) -> Ref:
    """The issuer and date a numbered reference's letterhead gives, where it is the number
    line of a document copied whole and its tail told neither. The issuing body is read in
    the scraped text (the body has lost the letterhead's capitals to its title and furniture),
    the place-date line in the body, whose days the dates stage read."""
    text = src.text
    if ref.start > _CHARS or not ref.number or (ref.issuer and ref.issued):
        return ref
    line_start = text.rfind("\n", 0, ref.start) + 1
    if not _NUMBER_LINE_RE.search(text, line_start, ref.start):
        return ref
    doc = src.doc
    raw, raw_at = (doc.raw, doc.raw_offsets[ref.start]) if doc is not None else (text, ref.start)
    before = _lines_before(raw, raw_at)
    after = _lines_from(text, ref.start)
    return replace(ref, issuer=ref.issuer or _issuer(before), issued=ref.issued or _issue_day(after, day_mentions))
