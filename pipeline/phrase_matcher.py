"""A long alternation of phrases, found in time linear in the text.

A regex alternation of hundreds of phrases (the gazetteer's ~730 place names) is tried in
full at every position of a body. Every phrase here opens with a word, a run of letters and
digits, and can match only where that very word starts the text: so the phrases are grouped
by their first word, and at a position only the small alternation of the phrases opening with
the word found there is tried. Within a group the phrases keep the order the whole
alternation gives them, so the matches are exactly the whole alternation's: the same
alternative wins, with the same span.
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from typing import Iterable, Iterator

import regex

WORD = regex.compile(r"[\p{L}\p{N}]+")
WORD_END = r"(?![\p{L}\p{N}])"
# a name's apostrophe ("Ea H'leo", "Cư M'gar") as pages type it: straight or curly
APOSTROPHE = "['’‘]"
_CURLY = str.maketrans("’‘", "''")


def literal(word: str) -> str:
    """`word` as a regex matching it as written, its apostrophe straight or curly."""
    return regex.escape(word).replace("'", APOSTROPHE)


def word_alternation(words) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace."""
    ordered = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def unaccented(text: str) -> str:
    """`text` lower-cased without its diacritics ("Trên 5000 cuộc" -> "tren 5000 cuoc")."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def straight_apostrophes(text: str) -> str:
    """`text` with curly apostrophes made straight: the key a name is looked up by."""
    return text.translate(_CURLY)


class PhraseMatcher:
    """Phrases, each with its own regex, tried in the order given.

    `alternatives` are (phrase as written, regex for it) pairs. A phrase's regex must match
    only text that opens with the phrase's first word followed by something that is neither a
    letter nor a digit (literal punctuation, `\\s`, a dash, or the end of the match): then
    the text's whole word at the position picks the group. `head` opens and `tail` closes
    every match. With `ignore_case` the patterns are compiled case-insensitively and words are
    grouped by their case fold. Simple case folding, one letter for one letter, is all a
    Vietnamese name needs (full folding, as regex.IGNORECASE | regex.V1 gives, adds "ß"/"ss" and
    the like), and it compiles the gazetteer's groups four times faster.
    """

    def __init__(self, alternatives: Iterable[tuple[str, str]], tail: str = WORD_END, head: str = "",
                 ignore_case: bool = False):
        self._key = str.casefold if ignore_case else str
        flags = regex.IGNORECASE if ignore_case else 0
        grouped: dict[str, list[str]] = defaultdict(list)
        for phrase, pattern in alternatives:
            first = WORD.match(phrase)
            if first is None:
                raise ValueError(f"phrase does not open with a letter or digit: {phrase!r}")
            grouped[self._key(first.group())].append(pattern)
        self._flags = flags
        # each group is compiled when a text first holds its word: compiling all ~640 groups
        # of the gazetteer up front was a third of a run's start-up
        self._sources = {word: head + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")" + tail
                         for word, patterns in grouped.items()}
        self._compiled: dict[str, "regex.Pattern[str]"] = {}
        self._candidates = candidate_words(self._sources)

    def first_words(self) -> frozenset[str]:
        return frozenset(self._sources)

    def group(self, word: str) -> "regex.Pattern[str] | None":
        """The alternation of the phrases opening with `word`, if any."""
        pattern = self._compiled.get(word)
        if pattern is None:
            source = self._sources.get(word)
            if source is None:
                return None
            pattern = self._compiled[word] = regex.compile(source, self._flags)
        return pattern

    def _group_at(self, text: str, pos: int) -> "regex.Pattern[str] | None":
        word = WORD.match(text, pos)
        return None if word is None else self.group(self._key(word.group()))

    def match(self, text: str, pos: int = 0) -> "regex.Match[str] | None":
        """The phrase starting at `pos` (which the caller has found to start a word, or to follow a prefix)."""
        pattern = self._group_at(text, pos)
        return None if pattern is None else pattern.match(text, pos)

    def fullmatch(self, text: str, pos: int = 0) -> "regex.Match[str] | None":
        """A phrase spanning text[pos:] exactly (any alternative that does, as regex's fullmatch)."""
        pattern = self._group_at(text, pos)
        return None if pattern is None else pattern.fullmatch(text, pos)

    def finditer(self, text: str) -> Iterator["regex.Match[str]"]:
        """Non-overlapping phrases starting at word starts, left to right (an alternation behind
        `(?<![\\p{L}\\p{N}])`, run with finditer)."""
        end = 0
        for word in self._candidates.finditer(text):
            if word.start() < end:
                continue
            pattern = self.group(self._key(word.group()))
            if pattern is not None:
                m = pattern.match(text, word.start())
                if m is not None:
                    end = m.end()
                    yield m


def candidate_words(words: Iterable[str], prefixes: Iterable[str] = ()) -> "regex.Pattern[str]":
    """Whole words that may be one of `words` or begin with one of `prefixes`: a cheap first
    sieve, by first letter, run inside the regex engine (Python then looks the word up).

    A capitalised or digit-initial word is let through by its first character alone; a
    lowercase one only where it begins with the word itself (lowercase initials are common)."""
    keys = set(words) | set(prefixes)
    initials = sorted({k[0] for k in keys if not k[0].islower()})
    lowercase = sorted((k for k in keys if k[0].islower()), key=len, reverse=True)
    alts = ([f"[{regex.escape(''.join(initials))}]"] if initials else []) + [regex.escape(k) for k in lowercase]
    return regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(alts or ["(?!)"]) + r")[\p{L}\p{N}]*")
