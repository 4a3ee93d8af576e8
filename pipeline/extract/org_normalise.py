"""Step 1 of the org extractor: the body as text to match (`normalise`), abbreviations expanded,
definitions dropped and all-caps headlines in title case, keeping for every character the body
span it came from (NormText)."""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

import regex

from .org_abbreviations import (KEEP_CAPS, STATIC_ABBR_RE, STATIC_EXPANSION, Abbreviation, Definition,
                                abbreviation_regex, learn_abbreviations)
from .org_patterns import _WORD


@dataclass(frozen=True)
class NormText:
    """The body rewritten for matching, in pieces: each a run of body characters copied as
    they are, or an edit's replacement (every character of which came from the edited span)."""

    text: str
    pieces: tuple[tuple[int, int, int, bool], ...]  # (start in text, body start, body end, copied), non-empty, in order
    piece_starts: tuple[int, ...]                    # each piece's start in text
    piece_body_starts: tuple[int, ...]               # each piece's body start

    def origin(self, i: int) -> tuple[int, int]:
        """The body span text[i] came from."""
        start, body_start, body_end, copied = self.pieces[bisect_right(self.piece_starts, i) - 1]
        if copied:
            return body_start + i - start, body_start + i - start + 1
        return body_start, body_end

    def body_span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin(start)[0], self.origin(end - 1)[1]

    def last_from(self, body_pos: int) -> int | None:
        """The last character of text that came from body[body_pos] alone, if any."""
        k = bisect_right(self.piece_body_starts, body_pos) - 1
        if k < 0:
            return None
        start, body_start, body_end, copied = self.pieces[k]
        if copied:
            return start + body_pos - body_start if body_pos < body_end else None
        if body_start == body_pos and body_end == body_pos + 1:  # a one-character span replaced
            end = self.piece_starts[k + 1] if k + 1 < len(self.pieces) else len(self.text)
            return end - 1
        return None


VOWELS = frozenset("AEIOUY")


def is_caps_syllable(word: str) -> bool:
    """An all-caps Vietnamese syllable ("ĐOÀN"), not an acronym ("TNHH", "LĐ", "XH")."""
    if word in KEEP_CAPS or len(word) < 2 or any(c.isdigit() for c in word):
        return False
    return any(unicodedata.normalize("NFD", c)[0] in VOWELS for c in word)


# Three words in a row with no lowercase letter, on one line: where every all-caps run
# title_case_headlines rewrites begins (a superset: digits and acronyms count here too).
_NOT_LOWER_WORD = r"[[\p{L}\p{N}]--\p{Ll}]+"
CAPS_RUN_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}]){_NOT_LOWER_WORD}(?:[^\p{{L}}\p{{N}}\n]+{_NOT_LOWER_WORD}){{2}}(?![\p{{L}}\p{{N}}])",
    regex.V1)


def title_case_headlines(text: str) -> str:
    """All-caps runs of three or more words in title case ("LIÊN ĐOÀN LAO ĐỘNG HUYỆN THỚI LAI").

    Known acronyms stay as they are; the length never changes, so offsets hold.
    """
    chars = None
    pos = 0
    while (cue := CAPS_RUN_RE.search(text, pos)) is not None:
        line_start = text.rfind("\n", 0, cue.start()) + 1
        line_end = text.find("\n", cue.end())
        pos = line_end = len(text) if line_end < 0 else line_end
        if chars is None:
            chars = list(text)
        title_case_line(text, line_start, line_end, chars)
    return text if chars is None else "".join(chars)


def title_case_line(text: str, line_start: int, line_end: int, chars: list[str]) -> None:
    """title_case_headlines on text[line_start:line_end], written into `chars`."""
    words = list(_WORD.finditer(text, line_start, line_end))
    run: list = []
    for w in words + [None]:
        caps = w is not None and w.group().isupper() and not w.group().isdigit()
        if caps:
            run.append(w)
            continue
        real = [x for x in run if is_caps_syllable(x.group())]
        if len(run) >= 3 and len(real) >= 2:
            for x in run:
                word = x.group()
                if not is_caps_syllable(word):
                    continue
                titled = word[0] + word[1:].lower()
                if len(titled) == len(word):
                    at = x.start()
                    chars[at:at + len(word)] = titled
        run = []


def normalise(body: str) -> NormText:
    """The body with abbreviations expanded, definitions dropped, headlines title-cased."""
    text = title_case_headlines(body)
    definitions = learn_abbreviations(text)
    edits: list[tuple[int, int, str]] = [(d.start, d.end, "") for d in definitions]
    removed = [(d.start, d.end) for d in definitions]
    learnt_re = abbreviation_regex([Abbreviation(d.abbr, d.expansion) for d in definitions]) if definitions else None
    learnt: dict[str, list[Definition]] = {}
    for d in definitions:
        learnt.setdefault(d.abbr, []).append(d)

    def taken(s: int, e: int) -> bool:
        return any(a < e and s < b for a, b, _ in edits)

    if learnt_re is not None:
        for m in learnt_re.finditer(text):
            defs = [d for d in learnt[m.group()] if d.end <= m.start()]
            if defs and not taken(m.start(), m.end()):
                edits.append((m.start(), m.end(), space_after(text, m.end(), defs[-1].expansion)))
    for m in STATIC_ABBR_RE.finditer(text):
        if not taken(m.start(), m.end()) and not any(a <= m.start() < b for a, b in removed):
            edits.append((m.start(), m.end(), space_after(text, m.end(), STATIC_EXPANSION[m.group()])))
    edits.sort()
    out: list[str] = []
    pieces: list[tuple[int, int, int, bool]] = []
    at = last = 0  # in the normalised text, in the body

    def add(piece: str, body_start: int, body_end: int, copied: bool) -> None:
        nonlocal at
        if piece:
            out.append(piece)
            pieces.append((at, body_start, body_end, copied))
            at += len(piece)

    for s, e, repl in edits:
        add(text[last:s], last, s, True)
        add(repl, s, e, False)
        last = e
    add(text[last:], last, len(text), True)
    return NormText("".join(out), tuple(pieces), tuple(p[0] for p in pieces), tuple(p[1] for p in pieces))


def space_after(text: str, end: int, expansion: str) -> str:
    """"TP.Hội An" -> "thành phố Hội An": an expansion glued to the next word gets a space."""
    return expansion + " " if end < len(text) and text[end].isalnum() else expansion
