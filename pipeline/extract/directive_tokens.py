"""The directive stage's own tokenizer: word and punctuation tokens of a stretch of body text
(glued words split), phrase matching on them, and the body text with its underthesea words.

Names and verbs around a reference are read on these tokens: underthesea splits symbols
("02-NQ/TW") and is run only where a compound word must be told ("Đảng Cộng sản").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from ..document import Document
from ..ruledata import load_table


_ISSUER_ABBREVIATIONS = [r for r in load_table("abbreviations.csv") if r["scope"] in ("issuers", "all")]
ABBREVIATIONS: dict[str, str] = {r["abbr"]: r["expansion"] for r in _ISSUER_ABBREVIATIONS}
# words right before which the letters mean something else ("Công ty CP": cổ phần, not Chính phủ)
NOT_AFTER: dict[str, "regex.Pattern[str]"] = {
    r["abbr"]: regex.compile(r"(?:" + r["not_after"].strip() + r")$")
    for r in _ISSUER_ABBREVIATIONS if (r.get("not_after") or "").strip()}


def expands_after(abbr: str, words: list[str]) -> bool:
    """Whether `abbr` after `words` (the name so far) stands for its expansion."""
    rule = NOT_AFTER.get(abbr)
    return rule is None or not rule.search(" ".join(words[-3:]))


TOKEN_RE = regex.compile(r"[\p{L}\p{N}]+(?:\.[\p{L}]+)*|[^\s\p{L}\p{N}]")
GLUED_RE = regex.compile(r"(?<=\p{Ll}{2})(?=\p{Lu}\p{Ll})")  # "hànhTrung" → "hành" "Trung"


class Phrases(tuple):
    """Phrases as syllable tuples, longest first, indexed by their first syllable (as written
    and casefolded) so that match_phrase tries only those that can match."""

    def __new__(cls, phrases):
        self = super().__new__(cls, phrases)
        self.by_first: dict[str, tuple] = {}
        self.by_first_folded: dict[str, tuple] = {}
        for ph in self:
            if ph:
                self.by_first[ph[0]] = self.by_first.get(ph[0], ()) + (ph,)
                self.by_first_folded[ph[0].casefold()] = self.by_first_folded.get(ph[0].casefold(), ()) + (ph,)
        return self


class Tok(NamedTuple):  # (a tuple: ~80,000 are made for 400 articles)
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Source:
    """The body text, with the Document whose underthesea words tell compound syllables."""

    text: str
    doc: Document | None = None
    days: dict = field(default_factory=dict, compare=False)  # start -> the dates stage's day mention there

    def compound_end(self, pos: int) -> int | None:
        """End of the underthesea word holding pos where it spans several syllables
        ("Đảng Cộng sản Việt Nam", "Thương binh"): the lowercase syllables after a
        Capitalised one that belong to the same word."""
        sent = self.doc.sentence_at(pos) if self.doc is not None else None
        if sent is None:
            return None
        for tok in sent.tokens:  # segmented on first use only, for sentences naming an issuer
            if tok.start <= pos < tok.end:
                return tok.end if " " in tok.text else None
            if tok.start > pos:
                break
        return None


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """Word and punctuation tokens of text[start:end], glued words split."""
    out: list[Tok] = []
    for m in TOKEN_RE.finditer(text, start, end):
        word, pos = m.group(), m.start()
        # a glue point needs two lowercase letters, then an uppercase one and a lowercase one
        if len(word) < 4 or word.islower() or word in ABBREVIATIONS:
            out.append(Tok(word, pos, pos + len(word)))
            continue
        for p in GLUED_RE.split(word):
            out.append(Tok(p, pos, pos + len(p)))
            pos += len(p)
    return out


def match_phrase(toks: list[Tok], i: int, phrases, casefold: bool = True) -> int:
    """Length in tokens of the longest phrase starting at toks[i] (0 if none)."""
    if i >= len(toks):
        return 0
    if isinstance(phrases, Phrases):
        first = toks[i].text
        phrases = phrases.by_first_folded.get(first.casefold(), ()) if casefold else phrases.by_first.get(first, ())
    for ph in phrases:
        n = len(ph)
        if i + n <= len(toks) and all(
            (toks[i + k].text.casefold() == ph[k].casefold()) if casefold else toks[i + k].text == ph[k]
            for k in range(n)
        ):
            return n
    return 0


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def is_abbreviation(word: str) -> bool:
    return len(word) >= 2 and sum(c.isupper() for c in word) >= 2 and word.replace(".", "").isalnum()


def line_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def wrapped_line_end(text: str, pos: int, lines: int = 2) -> int:
    """The end of pos's line and of up to `lines` more where the text wraps mid-sentence
    (a copied document: "Thực hiện Hướng dẫn số 75/HD-TLĐ\nngày 09/01/2023 của Tổng Liên đoàn ...")."""
    end = line_end(text, pos)
    for _ in range(lines):
        if end + 1 >= len(text) or not text[end + 1].islower():
            break
        end = line_end(text, end + 1)
    return end
