"""The article's publication date, from its dateline or the dump header.

A dateline is a short line near the top of the article (or at its very end)
whose shape is a publication stamp: one date with a weekday, a clock time
and/or a cue word ("Cập nhật", "Ngày đăng"), and at most a few other words
(an author or site name): "Thứ bảy - 27/08/2022 05:27",
"Thanh Tùng LDO | 31/12/2020 08:24", "Cập nhật: 10-01-2018 | 08:28:56".
A body sentence that opens with a date ("Ngày 12/6/2021, Liên đoàn ...") is
not one. A dump header "date 2025-12-12" (moved by the cleaner into
doc.meta["dump_date"], or still at the start of the body) gives the date
directly when it is a full ISO date.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..document import Document
from ..ruledata import load_yaml
from ..phrase_matcher import word_alternation
from .date_scan import scan
from .date_shapes import calendar_date, dateline_shapes, full_year, month_number


@dataclass(frozen=True)
class Dateline:
    """The date inside a dateline: its body span and value."""

    start: int
    end: int
    date: dt.date


@lru_cache(maxsize=1)
def _patterns() -> dict:
    rules = load_yaml("dates.yaml")
    weekday = word_alternation(rules["weekdays"])
    cue = word_alternation(rules["dateline_cues"])
    filler = word_alternation(rules["dateline_fillers"])
    clock = word_alternation(rules["clock_suffixes"])
    return {
        "time": regex.compile(rf"(?<!\d)\d{{1,2}}(?::\d{{2}}){{1,2}}(?:\s*(?:{clock})\b)?|(?<!\d)\d{{1,2}}h\d{{2}}(?!\d)"),
        "weekday": regex.compile(rf"(?i)(?<!\p{{L}})(?:{weekday})(?!\p{{L}})"),
        "cue": regex.compile(rf"(?i)(?<!\p{{L}})(?:{cue})(?!\p{{L}})"),
        "filler": regex.compile(rf"(?i)(?<!\p{{L}})(?:{filler})(?!\p{{L}})"),
        "gmt": regex.compile(r"(?i)\(?\s*GMT\s*[+\-]\s*\d{1,2}\s*\)?"),
        "word": regex.compile(r"\p{L}[\p{L}\p{M}.'’]*"),
        "dump_header": regex.compile(r"\A\s*date\s+(?P<v>\d{4}-\d{2}(?:-\d{2})?)(?!\d)"),
        "weather": regex.compile(word_alternation(rules["page_clock_followers"])),
        "today": regex.compile(rf"(?i)^\W*(?:{word_alternation(rules['page_clock_today'])})(?!\p{{L}})\W*"),
        # a clock time right before a date ("19:48 15/09/2019") or right after it ("13/02/2026 12:11")
        "glued_before": regex.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?\s*[|,\-–]?\s*$"),
        "glued_after": regex.compile(r"\s*[|,\-–]?\s*\d{1,2}:\d{2}(?!\d)"),
        "top": rules["dateline_top_lines"],
        "clock_other_day_lines": rules["page_clock_other_day_lines"],
        "glued_lines": rules["dateline_glued_stamp_lines"],
        "bottom": rules["dateline_bottom_lines"],
        "max_chars": rules["dateline_max_chars"],
        "max_words": rules["dateline_max_other_words"],
    }


def dump_header(doc: Document) -> tuple[str | None, tuple[int, int] | None]:
    """The dump header's date value ("2025-12-12" or "2022-09") and its body span if still in the body."""
    value = doc.meta.get("dump_date")
    if value:
        return str(value), None
    m = _patterns()["dump_header"].match(doc.body)
    if m:
        return m.group("v"), m.span("v")
    return None, None


def dump_header_date(value: str | None) -> dt.date | None:
    """A full ISO dump date as a date; a partial one ("2022-09") is not a date."""
    if value and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _dates_in_line(line: str):
    """(start, end, date) of every date written in a line (dateline shapes only)."""
    found = []
    for shape in dateline_shapes():
        found.extend((m.start(), m.end(), m.group("d"), m.group("m"), m.group("y")) for m in shape.finditer(line))
    return found


def _dateline_in_line(line: str, title: str = "") -> tuple[int, int, dt.date] | None:
    """The date of a line if the line has the shape of a dateline, or is the headline stamped
    with its date and time in parentheses ("Diễn Châu thành lập thêm 1 tổ chức công đoàn cơ
    sở (27/04/2020 03:06 PM)")."""
    p = _patterns()
    title = title.strip()
    stamped = bool(title) and line.lstrip().startswith(title)  # the headline, maybe stamped
    if len(line.strip()) > p["max_chars"] and not stamped:
        return None
    dates = _dates_in_line(line)
    if len(dates) != 1:
        return None
    start, end, d, m, y = dates[0]
    rest = line[:start] + " " + line[end:]
    stamp = line.rfind("(", 0, start)
    if (stamped and stamp > 0 and line[:stamp].strip() == title and p["time"].search(line, end)
            and line.rstrip().endswith(")")):
        value = calendar_date(full_year(y), month_number(m), int(d))
        return (start, end, value) if value else None
    if len(line.strip()) > p["max_chars"]:
        return None
    has_time = bool(p["time"].search(rest))
    has_weekday = bool(p["weekday"].search(rest))
    has_cue = bool(p["cue"].search(rest))
    if len(y) == 2 and not has_time:  # "31-01-19" is a date only next to a clock time
        return None
    for name in ("gmt", "time", "weekday", "cue", "filler"):
        rest = p[name].sub(" ", rest)
    other_words = p["word"].findall(rest)
    if len(other_words) > p["max_words"]:
        return None
    if not (has_time or has_weekday or has_cue or not other_words):
        return None
    value = calendar_date(full_year(y), month_number(m), int(d))
    return (start, end, value) if value else None


def page_clock_spans(doc: Document) -> list[tuple[int, int]]:
    """Lines at the top of a page that show the time of the visit, not of the article
    ("Thứ 7, 20/04/2024 03:55:14 GMT+7" above the headline): a dateline-shaped line that a
    weather line follows, or one whose date is later than a dateline below it (a page is
    seen after it is published), or another day than a dateline a line or more below it (a
    stored copy's clock may have stopped at any day: "Thứ Sáu, ngày 23 tháng 08 năm 2019,
    09:25:27" over the headline over "Ngọc Thu - 16:02, 31/05/2022"; an article's own posted
    and updated stamps stand on lines next to each other). They are furniture: neither the
    published date nor a date.
    Found once per article (the published date, its dateline and the dates all ask)."""
    if "page_clocks" not in doc.memo:
        doc.memo["page_clocks"] = _page_clock_spans(doc)
    return doc.memo["page_clocks"]


def _page_clock_spans(doc: Document) -> list[tuple[int, int]]:
    p = _patterns()
    lines = doc.paragraphs[: p["top"]]
    shaped = [(i, hit) for i, (ls, le) in enumerate(lines) if (hit := _dateline_in_line(doc.body[ls:le]))]
    clocks = []
    for k, (i, hit) in enumerate(shaped):
        following = doc.body[lines[i + 1][0]:lines[i + 1][1]] if i + 1 < len(lines) else ""
        later_than_below = any(other[2] < hit[2] for _, other in shaped[k + 1:])
        apart_and_other_day = any(i + 1 < j <= i + p["clock_other_day_lines"] and other[2] != hit[2]
                                  for j, other in shaped[k + 1:])
        if p["weather"].search(following) or later_than_below or apart_and_other_day:
            clocks.append(lines[i])
    # a site's menu line that ends in today's weekday and date ("Đặt mua báo in| ... | Thứ
    # Bảy, Ngày 02 tháng 03 năm 2024,"), later than the dateline below it
    for i, (ls, le) in enumerate(lines):
        if lines[i] in clocks or any(j == i for j, _ in shaped):
            continue
        today = _weekday_date(doc.body[ls:le])
        if (today and any(other[2] < today for j, other in shaped if j > i)) or _today_line(doc.body[ls:le]):
            clocks.append(lines[i])
    return sorted(clocks)


def _today_line(line: str) -> bool:
    """A line that is only "today" and a full date ("Hôm nay, ngày 26 tháng 3 năm 2017")."""
    m = _patterns()["today"].match(line)
    day = _full_day_at(line, m.end()) if m else None
    return day is not None and not line[day[1]:].strip(" ,.;:")


_WEEKDAY_DATE_GAP = 4  # characters between a weekday and its date ("Thứ Bảy, Ngày 02 ...")
_WEEKDAY_DATE_CHARS = 40  # the longest a date a weekday opens runs ("Ngày 02 tháng 03 năm 2024")


def _weekday_date(line: str) -> dt.date | None:
    """The full date a weekday opens in `line` ("Thứ Bảy, Ngày 02 tháng 03 năm 2024"), else None."""
    for weekday in _patterns()["weekday"].finditer(line):
        day = _full_day_at(line, weekday.end())
        if day:
            return day[0]
    return None


def _full_day_at(line: str, pos: int) -> tuple[dt.date, int] | None:
    """A day with its year that the date grammar reads right at `pos` (a few characters of
    punctuation or space between), and where it ends; else None."""
    drafts = scan(line[pos:pos + _WEEKDAY_DATE_CHARS])
    d = drafts[0] if drafts else None
    if d is None or d.start > _WEEKDAY_DATE_GAP or d.kind != "day" or None in d.first:
        return None
    value = calendar_date(*d.first)
    return (value, pos + d.end) if value else None


def find_dateline(doc: Document) -> Dateline | None:
    """The first dateline among the top lines of the body (page clocks left out), else among
    its last lines."""
    p = _patterns()
    lines = doc.paragraphs
    clocks = page_clock_spans(doc)
    top = [span for span in lines[: p["top"]] if span not in clocks]
    bottom = [s for s in lines[-p["bottom"]:] if s not in lines[: p["top"]]]
    title = doc.meta.get("title") or ""
    # the first top line that is a dateline or, among the first lines (the headline, the stamp's
    # own, the lead), holds a stamp run into it ("19:48 15/09/2019 Tối 13-9, tại Khu công
    # nghiệp VSIP, ...": a full date right beside a clock time, a pair no sentence writes); else
    # a dateline line at the end
    for i, (ls, le) in enumerate(top):
        line = doc.body[ls:le]
        hit = _dateline_in_line(line, title) or (_glued_stamp(line) if i < p["glued_lines"] else None)
        if hit:
            return Dateline(ls + hit[0], ls + hit[1], hit[2])
    for ls, le in bottom:
        hit = _dateline_in_line(doc.body[ls:le], title)
        if hit:
            return Dateline(ls + hit[0], ls + hit[1], hit[2])
    return None


def _glued_stamp(line: str) -> tuple[int, int, dt.date] | None:
    """The date of a line's one full date written right beside a clock time."""
    p = _patterns()
    dates = _dates_in_line(line)
    if len(dates) != 1:
        return None
    start, end, d, m, y = dates[0]
    if not (p["glued_before"].search(line, 0, start) or p["glued_after"].match(line, end)):
        return None
    if line.rfind("(", 0, start) > line.rfind(")", 0, start):
        return None  # "(27/04/2020 03:06 PM)": a headline's own stamp, read as such or a teaser's
    value = calendar_date(full_year(y), month_number(m), int(d))
    return (start, end, value) if value else None


def extract_published(doc: Document) -> dt.date | None:
    """The publication date: a full dump-header date, else the dateline's date, else None."""
    header_date = dump_header_date(dump_header(doc)[0])
    if header_date:
        return header_date
    dateline = find_dateline(doc)
    return dateline.date if dateline else None
