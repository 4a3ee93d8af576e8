"""The shapes of date expressions and the cue words around them, compiled once from
rules/dates.yaml: one regex per shape (most specific first), the part some shapes
require before they are tried, and the cue patterns the scanner and the year
resolution read around a match."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import regex

from ..phrase_matcher import word_alternation
from ..ruledata import load_yaml
from .directive_types import type_placeholders

# a number starts here, not inside a code, amount or time, nor after "thứ" (a weekday
# "Thứ 7" or an ordinal "lần thứ 4")
_NS = r"(?<![\p{L}\d/.,:\-])(?<!(?i:thứ)\s+)"
_NE = r"(?!\d|[/.\-:]\d)"  # and ends here
_D = r"\d{1,2}"
YEAR = r"(?:1[89]|20)\d\d"  # a year inside a date shape ("19/5/1890")
BARE_YEAR = r"(?:19|20)\d\d"  # a number alone read as a year: 1900-2099 ("1850 đoàn viên" is a count)
_SEP = r"[/.\-]"
# a day, a month and the separators before a year: one separator twice ("12/6/", "12.6.",
# "12-6-"), or slashes a content system spaced out ("10 / 02 / ", "17/ 4 /")
_DM_SEP = rf"(?P<d>{_D})(?:(?P<s>{_SEP})(?P<m>{_D})(?P=s)|[ \t]?/[ \t]?(?P<m>{_D})[ \t]?/[ \t]?)"


def calendar_date(year: int, month: int, day: int) -> dt.date | None:
    """A real calendar date, or None (31/2, month 13, day 0...)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def full_year(text: str) -> int:
    """A 4-digit year as is; a 2-digit year (datelines only) in 2000-2099 or 19xx."""
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def month_name_alternation() -> str:
    """rules/dates.yaml month_names as a case-sensitive alternation, longest first ("Mười Một")."""
    return "(?-i:" + word_alternation(load_yaml("dates.yaml")["month_names"]) + ")"


def month_number(text: str) -> int:
    """A month written as digits or by name ("Tư": 4)."""
    if text.isdigit():
        return int(text)
    return load_yaml("dates.yaml")["month_names"][" ".join(text.split())]


def quarter_number(text: str) -> int:
    """A quarter written as a numeral or a word ("III", "3", "đầu": the first) -> 1-4."""
    return _quarters()[text.casefold()]


@lru_cache(maxsize=1)
def _quarters() -> dict[str, int]:
    return {str(k).casefold(): int(v) for k, v in vocab()["quarters"].items()}


@lru_cache(maxsize=1)
def vocab() -> dict:
    """rules/dates.yaml: the words of date expressions."""
    return load_yaml("dates.yaml")


def cycle_year_name(groups: bool = False) -> str:
    """A year named in the sexagenary cycle, its stem and branch ("Ất Tỵ"), as a pattern that
    keeps their capitals (`groups`: named `stem` and `branch`)."""
    v = vocab()
    stems = "|".join(v["lunar_stems"])
    branches = "|".join(b for bs in v["lunar_branches"] for b in bs)
    if groups:
        return rf"(?-i:(?P<stem>{stems})\s+(?P<branch>{branches}))(?!\p{{L}})"
    return rf"(?-i:(?:{stems})\s+(?:{branches}))(?!\p{{L}})"


@lru_cache(maxsize=1)
def _word_slots() -> dict[str, str]:
    v, numbers = vocab(), load_yaml("metric_numbers.yaml")
    return {
        "{half_words}": "|".join(w.casefold() for w in v["half_words"]),  # "6 tháng đầu năm"
        "{number_words}": word_alternation(w.casefold() for w in v["number_words"]),  # "hơn một năm qua"
        "{range_joiners}": word_alternation(v["range_joiners"]),  # "2023-2028", "2020 đến hết 2022"
        "{now_words}": word_alternation(v["now_words"]),  # "từ năm 2016 đến nay"
        "{day_cues}": word_alternation(v["day_cues_immediate"]),  # "sáng 28.7", "mùng 2/9"
        "{lunar_months}": word_alternation(v["lunar_months"]),  # "23 tháng Chạp"
        "{year_range}": _year_range_core(word_alternation(v["range_joiners"])),  # "2023 - 2028": y1, y2
        # a number after a hedge ("hơn 2000 tấm") or before a scale, currency or percent sign
        # ("2000 đồng") is an amount, not a year (rules/metric_numbers.yaml)
        "{hedges}": word_alternation(numbers["hedges"]),
        "{amount_words}": word_alternation(list(numbers["scale_words"]) + numbers["money_words"] + numbers["percent_words"]),
        "{birth_words}": word_alternation(v["birth_words"]),  # "SN 1997", "sinh năm 1990": a birth year
        "{year}": YEAR,  # a year as every shape reads it
        "{bare_year}": BARE_YEAR,
    }


def filled(pattern: str) -> str:
    """A pattern of the rules with the word lists and year shapes it names filled in
    ({half_words}, {number_words}, {range_joiners}, {now_words}, {day_cues}, {lunar_months},
    {hedges}, {amount_words}, {birth_words}, {year_range}, {year}, {bare_year}): each written once."""
    for slot, words in _word_slots().items():
        pattern = pattern.replace(slot, words)
    return pattern


@lru_cache(maxsize=1)
def patterns() -> list[tuple[str, regex.Pattern]]:
    """(name, compiled pattern) for every expression shape, most specific first."""
    v = vocab()
    joiner = word_alternation(v["range_joiners"] + v["list_joiners"])
    range_joiner = word_alternation(v["range_joiners"])
    period = word_alternation(list(v["period_cues"]) + ["từ"])
    year_cue = word_alternation(v["year_cues"])
    number_word = word_alternation(v["number_words"])
    month_not_after = word_alternation(v["month_not_after"])
    month_not_before = word_alternation(v["month_not_before"])
    quarter = "|".join(sorted(v["quarters"], key=len, reverse=True))
    half = word_alternation(v["half_words"])
    year_range = _year_range_core(range_joiner)
    # a day, or a range of days, of the lunar calendar: "10/3 âm lịch", "(tức ngày 1/11 - 16/12
    # năm Ất Tỵ)": a solar date never takes a year of the sexagenary cycle (rules/dates.yaml)
    not_lunar = (rf"(?!(?:\s*(?:{range_joiner})\s*{_D}{_SEP}{_D})?\s*(?:(?:{word_alternation(v['lunar_months'])})(?!\p{{L}})"
                 rf"|năm\s+{cycle_year_name()}))")
    shapes = [
        # từ ngày 24 đến ngày 26 tháng 9 năm 2018; a list: "trong 2 ngày 11 và 12 tháng 9 năm 2017"
        ("words_range", rf"(?:từ\s+)?ngày\s+(?P<d1>{_D})(?:\s+tháng\s+(?P<m1>{_D}))?\s*(?:{joiner})\s*"
                        rf"(?:ngày\s+)?(?P<d2>{_D})\s+tháng\s+(?P<m2>{_D})(?:\s*(?:,\s*|năm\s+)(?P<y>{YEAR}))?(?!\d)"),
        # ngày 12 tháng 6 năm 2021, ngày 12 tháng 6
        ("words_day", rf"ngày\s+(?P<d>{_D})\s+tháng\s+(?P<m>{_D})(?:\s*(?:,\s*|năm\s+)?(?P<y>{YEAR}))?(?!\d)"),
        # 12 Tháng 10 2015, 19 Tháng Tư 2021 (datelines)
        ("words_day_y", rf"(?<![\p{{L}}\d])(?P<d>{_D})\s+tháng\s+(?P<m>{_D}|{month_name_alternation()})\s*(?:,\s*|năm\s+)?"
                        rf"(?P<y>{YEAR})(?!\d)"),
        # từ 10/3 đến 15/3, 10/3 - 15/4/2022, "từ ngày 20-2 đến 1-3" (before num_multi, which would
        # read the days 20, 2 and 1 of March there)
        ("dm_range", rf"{_NS}(?P<d1>{_D})(?P<s>{_SEP})(?P<m1>{_D})\s*(?:{range_joiner})\s*(?:ngày\s+)?"
                     rf"(?P<d2>{_D})(?P=s)(?P<m2>{_D})(?:(?P=s)(?P<y>{YEAR}))?{_NE}{not_lunar}"),
        # 5-7/4, 17 và 18-8, 7 đến 9-11-2020, 5-6-7/4/2013
        # (and "từ ngày 20 đến ngày 22/5/1993")
        ("num_multi", rf"{_NS}(?P<items>{_D}(?:\s*(?:{joiner})\s*{_D}|\s*(?:{range_joiner})\s*ngày\s+{_D})+)(?P<s>{_SEP})(?P<m>{_D})(?:(?P=s)(?P<y>{YEAR}))?{_NE}{not_lunar}"),
        # 3/2 (1930-2025): an anniversary day in its first and latest year
        ("anniversary", rf"{_NS}(?P<d>{_D})(?P<s>{_SEP})(?P<m>{_D})\s*\(\s*(?P<y1>{YEAR})\s*[-–—]\s*(?P<y2>{YEAR})\s*\)"),
        # (28/7/1929-28/7/2024), (19/5/1890-2022): an anniversary span, glued or spaced; a slash
        # joins two days written with dashes: (28-7-1929/28-7-2019)
        ("day_span", rf"{_NS}(?P<d>{_D})(?P<s>{_SEP})(?P<m>{_D})(?P=s)(?P<y1>{YEAR})(?:\s*[-–—]\s*|(?<=[-.]\d+[-.]\d+)/)"
                     rf"(?:(?P<d2>{_D})(?P<s2>{_SEP})(?P<m2>{_D})(?P=s2))?(?P<y2>{YEAR}){_NE}"),
        ("iso_day", rf"{_NS}(?P<y>{YEAR})-(?P<m>\d\d)-(?P<d>\d\d){_NE}"),
        ("full_num", rf"{_NS}{_DM_SEP}(?P<y>{YEAR}){_NE}"),
        ("day_month", rf"{_NS}(?P<d>{_D})(?P<s>{_SEP})(?P<m>{_D}){_NE}{not_lunar}"),
        # 6 tháng đầu năm 2022
        ("part_year", rf"(?<![\p{{L}}\d])(?P<n>\d{{1,2}}|{number_word})\s+tháng\s+(?P<half>{half})\s+năm(?:\s+(?P<y>{YEAR}))?(?!\d)"),
        # quý I/2023, quý I.2024, quý 2 năm 2022, "quí I/2025" (the older spelling)
        ("quarter", rf"(?<!\p{{L}})qu[ýí]\s+(?P<q>{quarter})(?![\p{{L}}\d])(?:\s*(?:[/.\-]\s*|năm\s+)(?P<y>{YEAR}))?(?!\d)"),
        # tháng 6 năm 2022, tháng 8/2015, tháng 11.2016, tháng 4
        ("month_words", rf"(?<!\d\s)(?<!(?:{month_not_after})\s+)(?<!\p{{L}})tháng\s+(?P<m>{_D})"
                        rf"(?:\s*(?:năm\s+|{_SEP}\s*)(?P<y>{YEAR})|(?!\s*(?:{month_not_before})(?!\p{{L}}))){_NE}"),
        # 06/2022 (not 05/2019/TT-BLĐTBXH, a document number)
        ("month_num", rf"(?<!số\s){_NS}(?P<m>{_D})/(?P<y>{YEAR})(?![\d/])"),
        # giai đoạn 2021-2025, nhiệm kỳ 2023 - 2028, từ năm 2020 đến hết năm 2022, 2020-2022
        # (the optional "cue", "năm" written as alternatives in the order they are tried: the
        # engine then skips the places where none can start, several times faster)
        # (a term's years may stand in brackets after its cue: "nhiệm kỳ (2023 - 2028)")
        ("year_range", rf"(?<!\p{{L}})(?P<cue>{period})\s+(?:năm\s+|(?P<br>\(\s*))?{year_range}(?(br)\s*\))|năm\s+{year_range}|{year_range}"),
        # năm 2022, Xuân 2026
        # (not a birth year: "sinh năm 1990")
        ("year", rf"(?<!\p{{L}})(?<!(?:{word_alternation(v['birth_words'])})\s+)(?:{year_cue})\s+(?P<y>{YEAR})(?!\d|[/.,\-]\d)"),
        # Tết Nhâm Dần, Xuân Giáp Thìn: a year of the sexagenary cycle
        # (not a lunar date's year: "26 tháng Chạp năm Ất Tỵ", rules/dates.yaml lunar_months)
        ("lunar_year", rf"(?<!\p{{L}})(?<!(?:{word_alternation(v['lunar_months'])})\s+)(?:{word_alternation(v['lunar_cues'])})\s+"
                       + cycle_year_name(groups=True)),
    ]
    return [(name, regex.compile(rf"(?i){pat}")) for name, pat in shapes]


@lru_cache(maxsize=1)
def shapes() -> dict[str, regex.Pattern]:
    """patterns() by name."""
    return dict(patterns())


@lru_cache(maxsize=1)
def dateline_shapes() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """The shapes a publication stamp writes its date in: "27/08/2022" (a dateline may
    write a 2-digit year, "31-01-19"), "12 Tháng 10 2015", and a content system's own
    "2018-09-26 16:51:17" (ISO, only with its clock time: no text writes a date so)."""
    numeric = rf"{_NS}{_DM_SEP}(?P<y>{YEAR}|\d{{2}}){_NE}"
    iso = rf"(?<![\p{{L}}\d/.,:\-])(?P<y>{YEAR})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?=[ T]\d{{1,2}}:\d{{2}})"
    return regex.compile(rf"(?i){numeric}"), shapes()["words_day_y"], regex.compile(iso)


def _year_range_core(range_joiner: str) -> str:
    """ "2021-2025", "2020 đến năm 2022": a year range without the words before it."""
    return (rf"(?<![\d/.,\-])(?P<y1>{YEAR})\s*(?P<j>{range_joiner}|/)\s*(?:năm\s+)?(?P<y2>{YEAR})(?![\d/]|[.,]\d)")


@lru_cache(maxsize=1)
def year_range_words() -> tuple[regex.Pattern, int]:
    """year_range's core and the most words that can stand before it (a period cue, "năm")."""
    v = vocab()
    cues = list(v["period_cues"]) + ["từ"]
    assert all(regex.fullmatch(r"[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*", c) for c in cues)  # words, as prefixed.py needs
    core = _year_range_core(word_alternation(v["range_joiners"]))
    return regex.compile(rf"(?i){core}"), max(len(c.split()) for c in cues) + 1


@lru_cache(maxsize=1)
def required_parts() -> dict[str, regex.Pattern]:
    """For a few shapes, a part that every match holds (the words before it optional): where the
    text has none, the shape is not tried (one fast search instead of a slow scan)."""
    v = vocab()
    range_joiner = word_alternation(v["range_joiners"])
    joiner = word_alternation(v["range_joiners"] + v["list_joiners"])
    parts = {
        "words_range": rf"ngày\s+{_D}(?:\s+tháng\s+{_D})?\s*(?:{joiner})",
        "part_year": rf"tháng\s+(?:{word_alternation(v['half_words'])})\s+năm",
        "year_range": _year_range_core(range_joiner),
        "lunar_year": cycle_year_name(),
    }
    return {name: regex.compile(rf"(?i){part}") for name, part in parts.items()}


@lru_cache(maxsize=1)
def cue_patterns() -> dict:
    v = vocab()
    weekday = word_alternation(v["weekdays"])
    immediate = word_alternation(v["day_cues_immediate"])
    opener = word_alternation(v["range_openers"])
    # capitalised entries match only capitalised text ("Ngày Quốc tế Lao động 1/5")
    window = "|".join(
        f"(?-i:{word_alternation([w])})" if w[0].isupper() else f"(?i:{word_alternation([w])})"
        for w in sorted(v["day_cues_window"], key=len, reverse=True)
    )
    not_after = word_alternation(v["not_day_after"])
    not_cue = word_alternation(v["not_day_cues"])
    reference = v["document_reference"].replace("{document_types}", type_placeholders()["{document_types}"])
    return {
        # "Chiều 26/10", "sáng ngày 12/6", "Thứ bảy, 12/6", "ngày (18 và 19/11)"
        "immediate": regex.compile(rf"(?i)(?<!\p{{L}})(?:{immediate}|{weekday})\s*,?\s*(?:ngày\s+)?\(?\s*$"),
        "opener": regex.compile(rf"(?i)(?<!\p{{L}})(?:{opener})\s+(?:ngày\s+)?$"),
        "window": regex.compile(rf"(?<!\p{{L}})(?:{window})(?!\p{{L}})"),
        "not_after": regex.compile(rf"(?i)(?<!\p{{L}})(?:{not_after})\s*$"),
        "not_cue": regex.compile(rf"(?i)(?<!\p{{L}})(?:{not_cue})(?!\p{{L}})"),
        "clause_break": regex.compile(r"[,;:!?\n]|\.\s"),
        "word": regex.compile(r"\S+"),
        "target": regex.compile(rf"(?i)(?<!\p{{L}})(?:{word_alternation(v['target_year_prefixes'])})\s*$"),
        # a year named in the sexagenary cycle is a lunar year: its Tết opens it
        "lunar": regex.compile(cycle_year_name()),
        "tet": regex.compile(rf"(?i)(?:{word_alternation(v['tet_cues'])})(?!\p{{L}})"),
        "meeting": regex.compile(rf"(?i){v['committee_meeting']}"),
        "term_review": regex.compile(rf"(?i)(?<!\p{{L}})(?:{word_alternation(v['term_review_words'])})(?!\p{{L}})"),
        "phase_review": regex.compile(rf"(?i)(?<!\p{{L}})(?:{word_alternation(v['phase_review_words'])})(?!\p{{L}})"),
        "congress": regex.compile(rf"(?i)(?<!\p{{L}})(?:{word_alternation(v['congress_words'])})(?!\p{{L}})"),
        # ... named as the author of the resolution the text implements: "Nghị quyết (của) Đại hội"
        "congress_resolution": regex.compile(
            rf"(?i)(?<!\p{{L}})(?:{word_alternation(v['congress_resolution_words'])})(?:[ \t]+của)?[ \t]*$"),
        # a cited document right before a date: "02-NQ/TW ngày", "Kế hoạch số 378/KH-TLĐ ngày",
        # "Nghị quyết 6a/NQ-TLĐ ngày", "số 12 ngày" (rules/dates.yaml document_reference)
        "directive": regex.compile(rf"(?:{reference}|(?i:số)\s+\d+)\s*,?\s*(?i:ngày)?\s*$"),
        # ... or a little before a period of its sentence (the metrics' periods)
        "law_year": regex.compile(v["law_name_before_year"]),  # "Luật BHXH năm 2014"
        "directive_context": regex.compile(rf"{reference}[^.;]{{0,{int(v['document_date_reach'])}}}$"),
    }
