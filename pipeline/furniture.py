"""The phrase patterns of rules/furniture.yaml that clean.py judges lines by, compiled once.

Phrases are normalised like the text they are matched against (pipeline.normalize).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import regex

from .normalize import normalize_string
from .ruledata import load_yaml


def _phrases(items: Iterable[str]) -> str:
    """Alternation of plain phrases (normalised like the text, longest first)."""
    return "|".join(regex.escape(normalize_string(p)) for p in sorted(items, key=len, reverse=True))


def _patterns(items: Iterable[str]) -> str:
    """Alternation of regex patterns written in the rule file."""
    return "|".join(f"(?:{p})" for p in items)


FLAGS = regex.IGNORECASE | regex.V0


@dataclass(frozen=True)
class _Rules:
    dump_headers: tuple["regex.Pattern[str]", ...]
    drop_line: "regex.Pattern[str]"
    counter: "regex.Pattern[str]"
    spam_term: "regex.Pattern[str]"
    spam_folded: tuple[str, ...]  # the terms casefolded, for a first test (see _casefolded)
    spam_odd_case: str  # characters the pattern takes for a letter of a term that casefold to something else
    to_end_marker: "regex.Pattern[str]"
    teaser_marker: "regex.Pattern[str]"
    top_banner: "regex.Pattern[str]"
    section_name: "regex.Pattern[str]"
    caption: "regex.Pattern[str]"
    dateline_cue: "regex.Pattern[str]"
    footer_start: "regex.Pattern[str]"
    dateline_counter: "regex.Pattern[str]"
    data_box_heading: "regex.Pattern[str]"
    data_box_quote: "regex.Pattern[str]"


def _odd_case(phrases: Iterable[str]) -> str:
    """The characters that the case-insensitive pattern takes for a letter of the casefolded
    phrases but that casefold to something else ("İ" for "i"). A line without them, whose
    casefolded text holds none of the phrases, has no match: no need to run the regex."""
    letters = {c for p in phrases for c in normalize_string(p).casefold()}
    bmp = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)  # no case folds beyond it
    return "".join(sorted({m.group() for letter in letters for m in regex.finditer(regex.escape(letter), bmp, FLAGS)
                           if m.group().casefold() != letter}))


def _marker_line(phrases: Iterable[str]) -> "regex.Pattern[str]":
    # a line made only of marker phrases, e.g. "Ý kiến bạn đọc - Gửi bình luận", "TIN KHÁC:"
    one = f"(?:{_patterns(normalize_string(p) for p in phrases)})"
    # ... or the header row of a table of them, other columns labelled in words ("Các tin liên
    # quan | Ngày đăng |", as a page's related-news table reads once flattened to text)
    header_cells = r"(?:\s*+\|[^\d|\n]{0,30}+)*+\s*"  # possessive: a long line of cells never backtracks
    return regex.compile(rf"[\W_]*{one}(?:[\s\-|:>»/•·]+{one})*[\s:>»\-.]*{header_cells}", FLAGS)


def _compile_rules() -> _Rules:
    data = load_yaml("furniture.yaml")
    optional = _phrases(data["counter_labels_number_optional"])
    required = _phrases(data["counter_labels_number_required"])
    number = r"\d[\d.,]*"
    # "Lượt xem: 1.234", "Hôm nay: 75", and the number first: "6,497 lượt xem"
    counter = rf"[\W_]*(?:(?:{optional})\s*:?\s*(?:{number})?|(?:{required})\s*:?\s*{number}|{number}\s*(?:{optional}))\s*"
    return _Rules(
        dump_headers=tuple(regex.compile(p, FLAGS) for p in data["dump_header"]),
        drop_line=regex.compile(_patterns(data["drop_lines"]), FLAGS),
        counter=regex.compile(counter, FLAGS),
        spam_term=regex.compile(rf"\b(?:{_phrases(data['spam_terms'])})\b", FLAGS),
        spam_folded=tuple(normalize_string(p).casefold() for p in data["spam_terms"]),
        spam_odd_case=_odd_case(data["spam_terms"]),
        to_end_marker=_marker_line(data["tail_markers"]["to_end"]),
        teaser_marker=_marker_line(data["tail_markers"]["teaser"]),
        top_banner=regex.compile(_patterns(data["top_banners"]), FLAGS),
        # a section name, or a breadcrumb trail starting with one ("Tin tức > Hoạt động")
        section_name=regex.compile(rf"[\W_]*(?:{_phrases(data['section_names'])})(?:\s*[>»/|]\s*.{{0,60}})?[\W_]*", FLAGS),
        dateline_counter=regex.compile(
            # (a number-first counter never starts inside the date: "06/10/2021 Lượt xem: 5907")
            rf"\s*[|\-–•]?\s*(?:(?:{optional})\s*:?\s*{number}|(?<![\d/.\-]){number}\s*(?:{optional})(?!\w)).*$", FLAGS),
        caption=regex.compile(_patterns(data["caption_cues"]), FLAGS),
        dateline_cue=regex.compile(
            rf"\b(?:{_phrases(data['dateline_words'])}|{_phrases(data['weekdays'])})\b", FLAGS),
        footer_start=regex.compile(rf"[\W_]*(?:{_phrases(data['footer_starts'])})\b\s*[:.]?", FLAGS),
        data_box_heading=regex.compile(rf"[\W_]*(?:{_phrases(data['data_box_headings'])})\s*:", FLAGS),
        # one quote of such a box on a line of its own: "Giá vàng 9999 tr.đ/lượng", "Tỷ giá ĐVT:đồng"
        data_box_quote=regex.compile(rf"[\W_]*(?:{_phrases(data['data_box_headings'])})(?:\s+\S{{1,20}}){{1,{int(data['data_box_quote_words'])}}}",
                                     FLAGS),
    )


RULES = _compile_rules()
