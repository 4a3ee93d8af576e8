"""Matches of a pattern made of a few optional words and a rare core ("giai đoạn 2021-2025"),
found from the places where the core matches.

The regex engine tries such a pattern at every character: its optional words give it no
first character to skip to. The core (digits first) is found fast; a match can only start
in the stretch of words and spaces right before a core match, and a search from there finds
it. The long stretches with no core match are never scanned.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import regex


@lru_cache(maxsize=None)
def _stretch_before(max_words: int) -> "regex.Pattern[str]":
    # searched backwards from a core match: the word it touches, then up to max_words
    # runs of spaces (or an opening bracket: "nhiệm kỳ (2023 - 2028)") each with the word before them
    return regex.compile(rf"(?r)(?:[\p{{L}}\p{{N}}]*[\s(]+){{0,{max_words}}}[\p{{L}}\p{{N}}]*")


def finditer_from_core(pattern: "regex.Pattern[str]", core: "regex.Pattern[str]", max_words: int,
                       text: str) -> Iterator["regex.Match[str]"]:
    """Exactly `pattern.finditer(text)`, given that (1) every match of `pattern` is at most
    `max_words` words (letters and digits), each followed by spaces or "(", and then a place where
    `core` matches, and (2) `pattern` matches wherever `core` does (the words are optional).

    The next match is the first one at or after `pos`; by (1) it cannot start before the
    stretch of words and spaces that ends at the first core match from `pos` on, and by (2)
    it starts at that core match at the latest.
    """
    stretch = _stretch_before(max_words)
    pos = 0
    for hit in core.finditer(text, overlapped=True):
        if hit.start() < pos:
            continue
        start = stretch.search(text, 0, hit.start()).start()
        m = pattern.search(text, max(pos, start))
        if m is None:  # never, by (2)
            return
        yield m
        pos = m.end()
