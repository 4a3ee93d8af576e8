"""Normalise scraped text while keeping a map back to the raw characters.

`MappedText` is a string plus, for each of its characters, the index of the raw
character it came from (and one extra entry for the end). Every edit is a
regex substitution that composes that map, so a span found in the cleaned text
can always be traced to the scraped one.

`normalize_text` applies, in order: NFC; Đ/đ lookalikes and odd spaces from
`rules/normalize.yaml`; CRLF/CR to \\n; old-style tone placement at a
syllable's end to the modern one (hoà -> hòa, thuỷ -> thủy, not đoàn); spaces
collapsed, lines stripped, runs of blank lines cut to one.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Callable, Union

import regex

from .ruledata import load_yaml

Replacement = Union[str, Callable[["regex.Match[str]"], str]]


@dataclass(frozen=True)
class MappedText:
    text: str
    offsets: tuple[int, ...]  # len(text) + 1 raw indexes; the last maps the end

    @classmethod
    def of(cls, raw: str) -> "MappedText":
        return cls(raw, tuple(range(len(raw) + 1)))

    def sub(self, pattern: "regex.Pattern[str]", repl: Replacement) -> "MappedText":
        """Replace every match of `pattern`, carrying the offset map along.

        A replacement of the same length maps position by position; a shorter
        or longer one maps its k-th character to the match's k-th (or last)
        character; an empty one deletes.
        """
        text, offs = self.text, self.offsets
        out: list[str] = []
        out_offs: list[int] = []
        last = 0
        for m in pattern.finditer(text):
            start, end = m.span()
            new = repl(m) if callable(repl) else m.expand(repl)
            if new == m.group() or start == end:
                continue
            out.append(text[last:start])
            out_offs.extend(offs[last:start])
            out.append(new)
            width = end - start
            out_offs.extend(offs[start + min(k, width - 1)] for k in range(len(new)))
            last = end
        if last == 0 and not out:
            return self
        out.append(text[last:])
        out_offs.extend(offs[last:])  # includes the end entry
        return MappedText("".join(out), tuple(out_offs))

    def pieces(self, spans: list[tuple[int, int]], joiners: list[tuple[str, list[int]]]) -> "MappedText":
        """Concatenate `spans` of this text with `joiners[i]` (text, its positions here) between span i and i+1."""
        out: list[str] = []
        out_offs: list[int] = []
        for i, (start, end) in enumerate(spans):
            if i:
                jtext, jpos = joiners[i - 1]
                out.append(jtext)
                out_offs.extend(self.offsets[p] for p in jpos)
            out.append(self.text[start:end])
            out_offs.extend(self.offsets[start:end])
        end_pos = spans[-1][1] if spans else 0
        out_offs.append(self.offsets[end_pos])
        return MappedText("".join(out), tuple(out_offs))


def _case_like(template: str, word: str) -> str:
    """`word` with the case of `template`, character by character."""
    return "".join(w.upper() if t.isupper() else w.lower() for t, w in zip(template, word))


@dataclass(frozen=True)
class _Rules:
    char_map: dict[str, str]
    char_class: "regex.Pattern[str]"
    tone_moves: dict[str, str]
    tone_pattern: "regex.Pattern[str]"


def _compile_rules() -> _Rules:
    data = load_yaml("normalize.yaml")
    char_map = dict(data["char_map"])
    for ch in data["drop_chars"]:
        char_map[ch] = ""
    char_class = regex.compile("[" + "".join(regex.escape(c) for c in char_map) + "]")
    moves = {k.lower(): v.lower() for k, v in data["tone_moves"].items()}
    blocked = regex.escape(data.get("tone_move_blocked_after", ""))
    alternatives = "|".join(regex.escape(k) for k in sorted(moves, key=len, reverse=True))
    # the pair must end the syllable: no letter or digit follows (score.py uses (?!\w))
    lengths = {len(k) for k in moves}
    if blocked and len(lengths) == 1:
        # the same test, made after the pair: the engine then skips to where a pair can start (4x faster)
        tone_pattern = regex.compile(f"(?:{alternatives})(?<![{blocked}]{'.' * lengths.pop()})(?!\\w)", regex.IGNORECASE)
    else:
        lookbehind = f"(?<![{blocked}])" if blocked else ""
        tone_pattern = regex.compile(f"{lookbehind}(?:{alternatives})(?!\\w)", regex.IGNORECASE)
    return _Rules(char_map, char_class, moves, tone_pattern)


RULES = _compile_rules()

_GRAPHEME = regex.compile(r"\X")
_LINE_BREAK = regex.compile(r"\r\n?")
_SPACE_RUN = regex.compile(r" {2,}")
_LINE_EDGE_SPACE = regex.compile(r"(?m)^ +| +$")
_BLANK_RUN = regex.compile(r"\n{3,}")
_TEXT_EDGE_BREAKS = regex.compile(r"\A\n+|\n+\Z")


def nfc(text: MappedText) -> MappedText:
    if unicodedata.is_normalized("NFC", text.text):
        return text
    return text.sub(_GRAPHEME, lambda m: unicodedata.normalize("NFC", m.group()))


def map_chars(text: MappedText) -> MappedText:
    if not any(c in text.text for c in RULES.char_map):  # (str's search is much faster than the class's)
        return text
    return text.sub(RULES.char_class, lambda m: RULES.char_map[m.group()])


def unify_line_breaks(text: MappedText) -> MappedText:
    return text.sub(_LINE_BREAK, "\n")


def modern_tones(text: str) -> str:
    """Modern tone placement on a plain string (a name assembled from pieces): "Thanh Hoá" -> "Thanh Hóa"."""
    return RULES.tone_pattern.sub(lambda m: _case_like(m.group(), RULES.tone_moves[m.group().lower()]), text)


def modern_tone_placement(text: MappedText) -> MappedText:
    return text.sub(RULES.tone_pattern, lambda m: _case_like(m.group(), RULES.tone_moves[m.group().lower()]))


def tidy_spaces(text: MappedText) -> MappedText:
    # each pattern is run only where str's fast search finds what it needs (^ and $ are at "\n" only)
    if "  " in text.text:
        text = text.sub(_SPACE_RUN, " ")
    t = text.text
    if t.startswith(" ") or t.endswith(" ") or "\n " in t or " \n" in t:
        text = text.sub(_LINE_EDGE_SPACE, "")
    if "\n\n\n" in text.text:
        text = text.sub(_BLANK_RUN, "\n\n")
    return text.sub(_TEXT_EDGE_BREAKS, "")


def normalize_text(raw: str) -> MappedText:
    text = MappedText.of(raw)
    for step in (nfc, map_chars, unify_line_breaks, modern_tone_placement, tidy_spaces):
        text = step(text)
    return text


def normalize_string(s: str) -> str:
    """The normalised form of a short string (for rule data and lookups)."""
    return normalize_text(s).text
