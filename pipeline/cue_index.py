"""Cue words found once per sentence, then read per figure.

The metric classifiers ask, for each candidate figure, which cue words of
rules/metric_cues.yaml lie in its clause before and after it and in its sentence
before it: about 60 regex searches per figure, a third of the metric model's cost.
A `CueIndex` finds every cue occurrence of a sentence in one pass instead (each
word start, looked up with the next few words in a table of the cue words), and
`CueHits.matches` answers the same questions for any stretch of the sentence.

The answers are exactly those of the cue regex (`cue_regex`): a cue is a whole
word sequence (no letter on either side), matched case-insensitively; `findall`
takes the leftmost, then longest, non-overlapping matches. Where a stretch cuts a
word in two, or case folding changes the text's length, the index cannot
answer for it and asks the regexes. Both paths drop a cue found inside a longer
"not-cue" word ("giao" in "Giao thông"; the table finds those words in the same pass).
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping

import regex

_LETTERS = regex.compile(r"\p{L}+")
_NOT_CUE = object()  # the table's name for a not-cue word


def cue_regex(words: Iterable[str]) -> regex.Pattern:
    """One list of cue words as a regex: whole words, any case, longest first."""
    alt = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(r"(?<!\p{L})(?:" + alt + r")(?!\p{L})", regex.I)


class CueIndex:
    """Every cue of several named lists (name -> words), found by table lookup.

    `not_cues`: longer words that hold a cue without meaning it ("giao thông" holds the
    target cue "giao", to assign; "chi nhánh" the cue "chi", to spend): a cue found
    inside one of them, and shorter than it, is no cue."""

    def __init__(self, lists: Mapping[str, Iterable[str]], not_cues: Iterable[str] = ()):
        table: dict[str, tuple] = {}
        first_words = set()
        longest = 1
        for name, words in lists.items():
            for word in words:
                key = word.casefold()
                if not (key[:1].isalpha() and key[-1:].isalpha()):
                    raise ValueError(f"cue {word!r} of {name!r} must start and end with a letter")
                if name not in table.get(key, ()):
                    table[key] = table.get(key, ()) + (name,)
                longest = max(longest, len(_LETTERS.findall(key)))
                first_words.add(_LETTERS.match(key).group())
        self.regexes = {name: cue_regex(words) for name, words in lists.items()}
        not_cues = list(not_cues)
        self.not_cues = cue_regex(not_cues) if not_cues else None
        # the not-cue words are looked up in the same pass, under a name of their own
        for word in not_cues:
            key = word.casefold()
            table[key] = table.get(key, ()) + (_NOT_CUE,)
            longest = max(longest, len(_LETTERS.findall(key)))
            first_words.add(_LETTERS.match(key).group())
        self._table = table
        self._first_words = frozenset(first_words)  # a cue starts only where one of these does
        self._longest = longest  # the most words in one cue

    def hits(self, text: str) -> "CueHits":
        """The cue occurrences of `text`."""
        folded = text.casefold()
        if len(folded) != len(text):  # offsets would not line up: CueHits asks the regexes
            return CueHits(self, text, None)
        runs = [(m.start(), m.end()) for m in _LETTERS.finditer(text)]
        found, not_cue_spans = [], []
        table, first_words, longest = self._table, self._first_words, self._longest
        for i, (start, first_end) in enumerate(runs):
            if folded[start:first_end] not in first_words:
                continue
            for _, end in runs[i:i + longest]:
                names = table.get(folded[start:end])
                if names:
                    if _NOT_CUE in names:
                        not_cue_spans.append((start, end))
                        names = tuple(n for n in names if n is not _NOT_CUE)
                        if not names:
                            continue
                    found.append((start, end, folded[start:end], names))
        if not_cue_spans:  # a cue inside a longer not-cue word is none ("giao" in "Giao thông")
            found = [h for h in found if not any(s <= h[0] and h[1] <= e and h[1] - h[0] < e - s
                                                 for s, e in not_cue_spans)]
        return CueHits(self, text, found)


class CueHits:
    """The cue occurrences of one text, as (start, end, cue, list names), in text order
    (by start, then end)."""

    def __init__(self, index: CueIndex, text: str, found: list[tuple[int, int, str, tuple]] | None):
        self.index = index
        self.text = text
        self._found = found
        self._starts = [h[0] for h in found] if found is not None else None
        self._not_cue_spans: list[tuple[int, int]] | None = None

    def _inside_not_cue(self, start: int, end: int) -> bool:
        """text[start:end] lies inside a longer not-cue word ("giao" in "Giao thông")."""
        if self._not_cue_spans is None:
            rx = self.index.not_cues
            self._not_cue_spans = [m.span() for m in rx.finditer(self.text)] if rx is not None else []
        return any(s <= start and end <= e and end - start < e - s for s, e in self._not_cue_spans)

    def _covers(self, start: int, end: int) -> bool:
        """Whether text[start:end] can be answered from the table: it splits no word in two
        (a cue may begin or end at the cut there) and case folding kept the text's length."""
        if self._found is None:
            return False
        t = self.text
        cut_left = 0 < start < len(t) and t[start - 1].isalpha() and t[start].isalpha()
        cut_right = 0 < end < len(t) and t[end - 1].isalpha() and t[end].isalpha()
        return not (cut_left or cut_right)

    def matches(self, start: int, end: int) -> dict:
        """list name -> [(start, end, cue)] of what its regex's `finditer(text[start:end])`
        finds (leftmost, longest, non-overlapping), offsets in the whole text; lists with no
        match are left out."""
        if not self._covers(start, end):
            sub = self.text[start:end]
            out = {}
            for name, rx in self.index.regexes.items():
                found = [(start + m.start(), start + m.end(), m.group().casefold()) for m in rx.finditer(sub)
                         if not self._inside_not_cue(start + m.start(), start + m.end())]
                if found:
                    out[name] = found
            return out
        per_name: dict = {}
        found = self._found
        for i in range(bisect_left(self._starts, start), len(found)):
            s, e, cue, names = found[i]
            if s >= end:
                break
            if e > end:
                continue
            for name in names:
                taken = per_name.setdefault(name, [])
                if not taken:
                    taken.append((s, e, cue))
                elif taken[-1][0] == s:  # same start, longer (hits come shortest first)
                    taken[-1] = (s, e, cue)
                elif s >= taken[-1][1]:
                    taken.append((s, e, cue))
        return per_name
