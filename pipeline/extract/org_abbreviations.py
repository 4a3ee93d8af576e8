"""Abbreviations and what they stand for: the static table (rules/abbreviations.csv, scope
"orgs" or "all") and those an article defines for itself ("Liên đoàn Lao động (LĐLĐ)")."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from ..ruledata import load_table, load_yaml
from .org_patterns import RULES, _WORD, is_capitalised


@dataclass(frozen=True)
class Abbreviation:
    abbr: str
    expansion: str
    before_name: bool = False  # only right before a capitalised name
    not_after: str = ""        # words after which the letters mean something else ("Trường CĐ": cao đẳng)
    only_after: str = ""       # words after which alone the letters mean this ("trường TH": tiểu học)


ABBREVIATIONS = tuple(
    Abbreviation(r["abbr"], r["expansion"], r.get("context") == "before_name", (r.get("not_after") or "").strip(),
                 (r.get("only_after") or "").strip())
    for r in load_table("abbreviations.csv") if r["scope"] in ("orgs", "all")
)


def abbreviation_regex(abbrs) -> "regex.Pattern[str]":
    """Whole-word abbreviations, never inside a document symbol ("KH-LĐLĐ", "56/KH-TLĐ")."""
    alts = []
    for a in sorted(abbrs, key=lambda a: len(a.abbr), reverse=True):
        tail = "" if a.abbr.endswith(".") else r"(?![\p{L}\p{N}]|[-/][\p{L}\p{N}])"
        ahead = r"(?=[ \t]*\p{Lu})" if a.before_name else ""
        behind = rf"(?<!(?:{a.not_after})[ \t]+)" if a.not_after else ""
        behind += rf"(?<=(?<!\p{{L}})(?:{a.only_after})[ \t]+)" if a.only_after else ""
        alts.append(behind + regex.escape(a.abbr) + tail + ahead)
    # (not a parent's letters closing a company's name after a dash: "Công ty Nhôm Đắk Nông - TKV",
    # while "Công đoàn Than – KS Việt Nam" goes on with its name)
    # ("Công đoàn Khu kinh tế - KCN tỉnh Ninh Thuận" goes on with its place)
    places = "|".join(regex.escape(w) for w in load_yaml("places.yaml")["unit_kinds"])
    parent = (r"(?!(?<=\p{L}[ \t]+[-–][ \t]+)[\p{L}\p{N}&]+(?![\p{L}\p{N}&]|[ \t]*\p{Lu}|[ \t]+(?:"
              + places + r")(?!\p{L})))")
    return regex.compile(r"(?<![\p{L}\p{N}]|[\p{L}\p{N}][-/])" + parent + "(?:" + "|".join(alts) + ")", regex.V1)


STATIC_ABBR_RE = abbreviation_regex(ABBREVIATIONS)
STATIC_EXPANSION = {a.abbr: a.expansion for a in ABBREVIATIONS}
KEEP_CAPS = frozenset(RULES["keep_caps"]) | frozenset(STATIC_EXPANSION)


@dataclass(frozen=True)
class Definition:
    """An abbreviation the article defines: "Liên đoàn Lao động (LĐLĐ)"."""

    abbr: str
    expansion: str
    start: int  # the " (ABBR)" span, removed from the normalised text
    end: int


_DEFINITION = regex.compile(r"[ \t]*\(([\p{Lu}][\p{Lu}&]{1,9})\)")


def initial(word: str) -> str:
    """First letter without diacritics (Đ kept apart from D): the letter abbreviations use."""
    c = word[0].upper()
    return c if c == "Đ" else unicodedata.normalize("NFD", c)[0]


def is_subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)


def learn_abbreviations(text: str) -> list[Definition]:
    """Abbreviations defined in parentheses after the words they stand for.

    The expansion is the shortest run of preceding words (same line) that starts with the
    abbreviation's first letter, ends on a word with its last letter (or one word later:
    "Than - Khoáng sản Việt Nam (TKV)"), contains its letters in order and is not much longer.
    """
    found = []
    for m in _DEFINITION.finditer(text):
        abbr = m.group(1).replace("&", "")
        line_start = text.rfind("\n", 0, m.start()) + 1
        words = list(_WORD.finditer(text, line_start, m.start()))[-12:]
        if not words or words[-1].end() != m.start():
            continue
        letters = [initial(w.group()) for w in words]
        best = None
        for i in range(len(words) - 1, -1, -1):
            if letters[i] != abbr[0]:
                continue
            for trailing in (0, 1):
                j = len(words) - trailing  # words[i:j] carry the letters
                if j - i < len(abbr) or j - i > len(abbr) + 2 or letters[j - 1] != abbr[-1]:
                    continue
                if is_subsequence(abbr, "".join(letters[i:j])):
                    best = i
                    # a capitalised trailing word belongs to the name ("Than - Khoáng sản Việt
                    # Nam (TKV)"); a lowercase one does not ("Liên đoàn Lao động tỉnh (LĐLĐ)")
                    last = words[-1] if trailing == 0 or is_capitalised(words[-1].group()) else words[j - 1]
                    break
            if best is not None:
                break
        if best is not None:
            found.append(Definition(m.group(1), text[words[best].start():last.end()], m.start(), m.end()))
    return found
