"""Accent-blind phrase search with a fast first pass over the text's skeleton.

A pattern that accepts any diacritic on any letter ("Nghi quyết" for "Nghị quyết") is a
character class per letter; the regex engine tries every alternative at every character
(about 1 ms per article for the document types). The skeleton of a text replaces every
letter those classes accept by its base letter ("Nghị" -> "nghi"); it has the same length,
so a plain search of the phrases' skeletons there finds every place the pattern can start,
and the pattern itself, run at that place on the real text, decides.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable, Iterator

import regex


def base_letter(ch: str) -> str:
    """The letter without any diacritic ("ị" -> "i", "đ" -> "d")."""
    if ch in "đĐ":
        return "d"
    return unicodedata.normalize("NFD", ch)[0].lower()


@lru_cache(maxsize=1)
def letters_by_base() -> dict[str, str]:
    """Every lowercase Latin letter with Vietnamese diacritics, grouped by base letter."""
    groups: dict[str, set[str]] = {}
    for cp in list(range(0x61, 0x7B)) + list(range(0xC0, 0x250)) + list(range(0x1EA0, 0x1F00)):
        ch = chr(cp)
        if ch.isalpha() and ch == ch.lower():
            groups.setdefault(base_letter(ch), set()).add(ch)
    return {b: "".join(sorted(s)) for b, s in groups.items()}


def letter_class(ch: str) -> str:
    """A character class of the letter `ch` with any diacritic (case follows the pattern's flags)."""
    return "[" + regex.escape(letters_by_base().get(base_letter(ch), ch)) + "]"


def _skeleton_table(bases: Iterable[str]) -> dict[int, str]:
    """Every character that the (case-insensitive) class of one of `bases` accepts -> that base.
    Case folding never maps a character outside the BMP to a Latin letter: the BMP is enough."""
    classes = {b: regex.compile(letter_class(b), regex.IGNORECASE) for b in sorted(set(bases))}  # b is its own base
    any_class = regex.compile("|".join(c.pattern for c in classes.values()), regex.IGNORECASE)
    bmp = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    table: dict[int, str] = {}
    for m in any_class.finditer(bmp):
        owners = [b for b, c in classes.items() if c.fullmatch(m.group())]
        if len(owners) != 1:
            raise ValueError(f"{m.group()!r} belongs to the classes of {owners}")
        table[ord(m.group())] = owners[0]
    return table


class AccentBlindPhrases:
    """`finditer` gives exactly `pattern.finditer(text)`, where `pattern` can start a match
    only where the text's skeleton starts with one of the phrases (letters any case, with any
    diacritics; a space between words standing for a run of spaces without a newline)."""

    def __init__(self, phrases: Iterable[str], pattern: "regex.Pattern[str]"):
        skeletons = sorted({"".join(" " if c == " " else base_letter(c) for c in p.strip()) for p in phrases},
                           key=len, reverse=True)
        self.pattern = pattern
        self.table = _skeleton_table(c for s in skeletons for c in s if c != " ")
        # re's \s also takes \x1c-\x1f, which regex's does not: a few more places to try, never fewer
        self.first_pass = re.compile("|".join(r"[^\S\n]+".join(map(re.escape, s.split())) for s in skeletons))

    def finditer(self, text: str) -> Iterator["regex.Match[str]"]:
        skeleton = text.translate(self.table)
        pos = 0
        while (place := self.first_pass.search(skeleton, pos)) is not None:
            m = self.pattern.match(text, place.start())
            if m is None:
                pos = place.start() + 1
                continue
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1
