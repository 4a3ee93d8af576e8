"""Year resolution: a year-less date draft takes its year from the article.

From the publication date (or a partial dump date) when known, else a year the
sentence or paragraph states, else an explicitly dated day close to it in the
article, else a year the headline or the article's opening states ("năm 2024",
"6 tháng đầu năm 2024", a headline's bare "2024"; a term such as "nhiệm kỳ
2018-2023" states none outside a congress). Where no year can be told, the draft
keeps its missing year.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import regex

from ..document import Document
from ..phrase_matcher import word_alternation
from ..ruledata import load_yaml
from .date_scan import Draft, scan
from .date_shapes import YEAR, calendar_date, cue_patterns, vocab
from .published import dump_header
from .told_year import article_told_year, tet_year, year_floor


def _late_meeting(text: str) -> bool:
    """A committee meeting past the first few of its term ("Hội nghị Ban Chấp hành lần
    thứ 20"): its year cannot be told from the term."""
    for m in cue_patterns()["meeting"].finditer(text):
        n = m.group("n")
        number = int(n) if n.isdigit() else _roman_number(n.upper())
        if number > vocab()["term_first_meetings"]:
            return True
    return False


def _roman_number(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for a, b in zip(text, text[1:] + " "):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total


def _closest_year(ref: dt.date, month: int, day: int) -> int:
    """The year that puts day/month nearest the reference date; past dates are preferred."""
    def cost(year: int) -> float:
        when = calendar_date(year, month, day) or calendar_date(year, month, 28)
        gap = (when - ref).days
        return gap * 2 if gap > 0 else -gap
    return min((ref.year - 1, ref.year, ref.year + 1), key=cost)


def resolution_congress(text: str, start: int, at: int) -> bool:
    """The congress word nearest before `at` (from `start`) names the author of a resolution the
    text implements ("đánh giá kết quả thực hiện Nghị quyết Đại hội X Công đoàn tỉnh, nhiệm kỳ
    2018 - 2023"): a past congress, whose term dates nothing of the text's events."""
    c = cue_patterns()
    congress = None
    for congress in c["congress"].finditer(text, start, at):
        pass  # the nearest
    return congress is not None and c["congress_resolution"].search(text, start, congress.start()) is not None


# the base a change is measured from ("tăng 184 đoàn viên so với đầu nhiệm kỳ cuối năm 2017")
_COMPARED = regex.compile(r"(?i)(?<!\p{L})(?:" + word_alternation(load_yaml("metric_periods.yaml")["comparison_heads"])
                          + r")(?!\p{L})")


def _stated_years(drafts: list[Draft], text: str, offset: int = 0) -> list[int]:
    """Years the drafts of one stretch of text state as the time of the events told."""
    c = cue_patterns()
    congress = bool(c["congress"].search(text))
    years = []
    for d in drafts:
        y1, y2 = d.first[0], d.last[0]
        if y1 is None or d.directive or d.in_range:
            continue
        # "phấn đấu đến năm 2025": a goal, not the time of the events told; "Luật BHXH năm 2014":
        # the year of a law; "so với ... năm 2017": the base of a change
        until = d.end - 4 if d.kind == "year" else d.start
        before = text[max(0, until - offset - 60):until - offset]
        if c["target"].search(before[-30:]) or c["law_year"].search(before) or _COMPARED.search(before[-30:]):
            continue
        if d.kind == "range":
            years.append(y2)  # "(1930-2025)", "(28.7.1929 – 28.7.2019)": the latest is now
        elif d.kind == "period":
            if y1 == y2:  # "6 tháng đầu năm 2024", "quý I/2023": a part of one year
                years.append(y1)
            elif congress and not resolution_congress(text, 0, d.start - offset):
                years.append(y1)  # "Đại hội ..., nhiệm kỳ 2023-2028" is held in 2023
        else:
            years.append(y1)
    return years


def _year_of_day(years: list[int] | tuple[int, ...], month: int) -> int:
    """The year of a day among the years its text states: the earliest, except where they are
    two years in a row. Then the text stands at their turn ("Sáng 11/01, ... tổng kết năm
    2022, triển khai nhiệm vụ năm 2023": a review of one year and the plan of the next), and
    a day of the first half year is in the later one."""
    if len(set(years)) == 2 and max(years) - min(years) == 1 and month <= 6:
        return max(years)
    return min(years)


@dataclass(frozen=True)
class _YearContext:
    ref: dt.date | None  # publication date, or the middle of a partial dump month
    drafts: tuple[Draft, ...]
    title_years: tuple[int, ...]
    lead_years: tuple[int, ...] = ()  # years the article's opening paragraph states

    def year_for(self, doc: Document, draft: Draft) -> tuple[int | None, float]:
        month, day = draft.last[1] or 6, draft.last[2] or 15
        if self.ref:
            if draft.kind == "period":  # "6 tháng đầu năm": the period has begun by the time of writing
                month, day = draft.first[1] or 1, draft.first[2] or 1
            return _closest_year(self.ref, month, day), 0.9
        spans = []
        sentence = doc.sentence_at(draft.start)
        if sentence:
            spans.append((sentence.start, sentence.end))
        spans += [(s, e) for s, e in doc.paragraphs if s <= draft.start < e]
        for s, e in spans:
            inside = [d for d in self.drafts if s <= d.start and d.end <= e and d is not draft]
            years = _stated_years(inside, doc.body[s:e], s)
            if years:
                return _year_of_day(years, month), 0.8
        near = self._nearby_dated_day(month, day, draft.start)
        if near:
            return near, 0.7
        # a day of the Tết season in an article about a named Tết ("Tết Nguyên đán Nhâm Dần",
        # "Xuân Giáp Thìn"): January and February of that year, December of the one before
        tet = self._tet_year(doc)
        if tet and month in (1, 2, 12):
            return (tet - 1 if month == 12 else tet), 0.7
        if self.title_years:
            return _year_of_day(self.title_years, month), 0.7
        if self.lead_years:
            return _year_of_day(self.lead_years, month), 0.65
        year, confidence = self._told_or_term_year(doc, month)
        # an article written after the 2025 reorganisation: not before it ("Công đoàn xã ...
        # được thành lập ngày 12.9", the commune unions taking over the term 2023-2028)
        floor = year_floor(doc)
        if floor and (year is None or year < floor):
            return floor, 0.5
        return year, confidence

    def _told_or_term_year(self, doc: Document, month: int) -> tuple[int | None, float]:
        # the year the text tells of itself: "từ đầu năm 2015 đến nay", "Tết Sum vầy 2024",
        # "kỷ niệm 85 năm truyền thống Công đoàn Việt Nam" (2014)
        told = article_told_year(doc)
        if told:
            return (told.year - 1 if told.source == "tet" and month == 12 else told.year), 0.6
        # the latest term or phase the article names opened its events ("Ngày 15.11, ...
        # Hội nghị Ban Chấp hành khoá XVII, nhiệm kỳ 2023 - 2028": 2023)
        phases = [d for d in self.drafts
                  if d.kind == "period" and d.first[0] and d.last[0] and d.first[0] < d.last[0] and not d.directive]
        # a phase the article reviews closes with its events ("tuyên dương điển hình tiên tiến
        # giai đoạn 2010-2015": 2015), unless a later phase opens with them ("tổng kết ... giai
        # đoạn 2021 – 2023; đề ra chỉ tiêu ... giai đoạn 2024 – 2028": 2024)
        term_reviewed = cue_patterns()["term_review"].search(doc.body)
        reviewed = [d for d in phases if self._reviewed_phase(doc, d, phases)]
        if reviewed and not term_reviewed:
            return max([d.last[0] for d in reviewed] + [d.first[0] for d in phases if d not in reviewed]), 0.6
        terms = [d.first[0] for d in phases]
        if terms and not term_reviewed and not _late_meeting(doc.body):
            return max(terms), 0.6
        return None, 0.5

    @staticmethod
    def _reviewed_phase(doc: Document, phase: Draft, phases: list[Draft]) -> bool:
        """A review word ("tổng kết", "tuyên dương") stands before the phase in its sentence,
        within phase_review_reach characters and with no other phase between."""
        sentence = doc.sentence_at(phase.start)
        start = max(phase.start - int(vocab()["phase_review_reach"]), sentence.start if sentence else 0,
                    max((d.end for d in phases if d.end <= phase.start), default=0))
        return bool(cue_patterns()["phase_review"].search(doc.body, start, phase.start))

    def _tet_year(self, doc: Document) -> int | None:
        return tet_year(doc, [(doc.body[d.start:d.end], d.first[0]) for d in self.drafts
                              if d.kind == "year" and d.first[0]])

    def _nearby_dated_day(self, month: int, day: int, pos: int) -> int | None:
        """The year of an explicitly dated event within two months of day/month; not the origin
        of an anniversary ("Ngày 8/7, ... kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam
        (28/7/1929 – 28/7/2024)": 2024)."""
        origins = {(r.start, r.first) for r in self.drafts if r.kind == "range" and r.first[0] and r.last[0]
                   and r.last[0] - r.first[0] > _ANNIVERSARY_YEARS}
        best = None
        for d in self.drafts:
            if d.kind != "day" or d.first[0] is None or d.directive or (d.start, d.first) in origins:
                continue
            anchor = dt.date(*d.first)
            for year in (anchor.year - 1, anchor.year, anchor.year + 1):
                when = calendar_date(year, month, day) or calendar_date(year, month, 28)
                gap = abs((when - anchor).days)
                if gap <= 62 and (best is None or (gap, abs(d.start - pos)) < best[0]):
                    best = ((gap, abs(d.start - pos)), year)
        return best[1] if best else None


_ANNIVERSARY_YEARS = int(vocab()["anniversary_span_years"])
_SENTENCE_END = regex.compile(r"[.!?…](?:\s|$)")
# a bare year in a headline ("Tháng Công nhân 2024: ...", "Tết Sum vầy 2024"), where
# headlines drop "năm": standing alone, at the end or before punctuation or a Capitalised word
_HEADLINE_YEAR = regex.compile(rf"(?<![Ss]ố\s*)(?<![\p{{L}}\d/.,:\-])(?P<y>{YEAR})(?=\s*(?:$|[:,;.!?)\]–—|-]|\p{{Lu}}))")


def _title_years(title: str) -> tuple[int, ...]:
    """Years the headline states: as in body text ("năm 2024"), or bare."""
    drafts = scan(title)
    years = _stated_years(drafts, title)
    for m in _HEADLINE_YEAR.finditer(title):
        if not any(d.start <= m.start() < d.end for d in drafts):
            years.append(int(m.group("y")))
    return tuple(years)


def _lead_years(doc: Document, drafts: tuple[Draft, ...]) -> tuple[int, ...]:
    """Years stated in the article's opening: its first paragraph that reads as prose, and
    the headline-like lines (no sentence end) above it."""
    years: list[int] = []
    for s, e in doc.paragraphs[:3]:
        inside = [d for d in drafts if s <= d.start and d.end <= e]
        years += _stated_years(inside, doc.body[s:e], s)
        if _SENTENCE_END.search(doc.body, s, e):
            break
    return tuple(years)


def reference_date(doc: Document, published: dt.date | None) -> dt.date | None:
    """The publication date, else the middle of a dump header's month (" date 2017-03")."""
    if published:
        return published
    value = dump_header(doc)[0]
    if value and regex.fullmatch(r"\d{4}-\d{2}", value):
        return calendar_date(int(value[:4]), int(value[5:7]), 15)
    return None


def _resolve(draft: Draft, year: int | None) -> Draft:
    """Fill in a missing year; a range that runs over New Year starts the year before."""
    if year is None:
        return draft
    last = (draft.last[0] or year, draft.last[1], draft.last[2])
    first_year = draft.first[0] or (last[0] - 1 if (draft.first[1] or 1, draft.first[2] or 1) > (last[1] or 12, last[2] or 31) else last[0])
    return replace(draft, first=(first_year, draft.first[1], draft.first[2]), last=last)


def resolve_years(doc: Document, drafts: list[Draft], published: dt.date | None) -> list[Draft]:
    """The drafts in text order, each missing year filled in from the article where it can be told."""
    title = doc.meta.get("title") or ""
    context = _YearContext(
        ref=reference_date(doc, published),
        drafts=tuple(drafts),
        title_years=_title_years(title),
        lead_years=_lead_years(doc, tuple(drafts)),
    )
    resolved = []
    for draft in sorted(drafts, key=lambda d: (d.start, d.end)):
        if draft.first[0] is None or draft.last[0] is None:
            year, confidence = context.year_for(doc, draft)
            draft = replace(_resolve(draft, year), confidence=confidence)
        resolved.append(draft)
    return resolved
