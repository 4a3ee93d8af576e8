"""Document types: rules/directive_types.csv, the accent-blind search for a type word
("Nghị quyết", also misspelt "Nghi quyết"), and the Ref a match of one starts."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..phrase_matcher import word_alternation
from ..ruledata import load_table
from .skeleton import AccentBlindPhrases, base_letter, letter_class


@dataclass(frozen=True)
class DocType:
    phrase: str  # as written, lowercase
    type: str  # as reported
    emit: bool
    fuzzy: bool
    state_abbr: tuple[str, ...]
    party_abbr: tuple[str, ...]
    unnamed: frozenset[str]  # congress, plenum, law, title
    symbol_opens: str  # type, issuer
    lowercase_ref: bool  # "nghị quyết 02/2021" in lower case is still a reference


def _load_types() -> tuple[DocType, ...]:
    return tuple(
        DocType(
            phrase=r["phrase"].strip().lower(),
            type=r["type"].strip(),
            emit=r["emit"].strip() == "yes",
            fuzzy=r["fuzzy"].strip() == "yes",
            state_abbr=tuple((r.get("state_abbr") or "").split()),
            party_abbr=tuple((r.get("party_abbr") or "").split()),
            unnamed=frozenset((r.get("unnamed") or "").split()),
            symbol_opens=(r.get("symbol_opens") or "type").strip(),
            lowercase_ref=(r.get("lowercase_ref") or "").strip() == "yes",
        )
        for r in load_table("directive_types.csv")
    )


TYPES = _load_types()


def type_placeholders() -> dict[str, str]:
    """{document_types}: every type word, lower case (for case-insensitive patterns);
    {document_types_capitalised}: as a reference writes them, "Nghị quyết" or "NGHỊ QUYẾT";
    {document_types_lowercase_ref}: those still a reference in lower case before a number;
    {document_type_abbreviations}: the abbreviations of those ("NQ", "QĐ", "CT")."""
    capitalised = {f(t.phrase) for t in TYPES for f in (lambda p: p[:1].upper() + p[1:], str.upper)}
    return {
        "{document_types}": word_alternation(t.phrase for t in TYPES),
        "{document_types_capitalised}": word_alternation(capitalised),
        "{document_types_lowercase_ref}": word_alternation(t.phrase for t in TYPES if t.lowercase_ref),
        # their official abbreviations ("NQ 28", "QĐ 217"): capitals, matched case-sensitively
        "{document_type_abbreviations}": word_alternation(
            a for t in TYPES if t.lowercase_ref for a in t.state_abbr + t.party_abbr),
    }
SPACES_RE = regex.compile(r"\s+")


def _skeleton_pattern(phrase: str) -> str:
    """A pattern matching the phrase with any diacritics on any letter (checked after)."""
    return "".join(r"[^\S\n]+" if ch == " " else letter_class(ch) for ch in phrase)


def _compile_type_words() -> regex.Pattern:
    phrases = sorted({t.phrase for t in TYPES}, key=len, reverse=True)
    alts = "|".join(_skeleton_pattern(p) for p in phrases)
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alts})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE)


TYPE_WORD_RE = _compile_type_words()
TYPE_WORDS = AccentBlindPhrases((t.phrase for t in TYPES), TYPE_WORD_RE)  # TYPE_WORD_RE.finditer, fast


@dataclass(frozen=True)
class Ref:
    start: int
    end: int
    type: DocType
    number: str | None
    symbol: str | None
    style: str | None  # party, state
    confidence: float
    issuer: str | None = None
    issued: dt.date | None = None
    tail_end: int = 0  # end of the date/issuer that follows the reference
    own_tail: bool = False
    title: str | None = None  # a law's name: "Luật Công đoàn năm 2012"


@lru_cache(maxsize=4096)  # a few type words, written the same way again and again
def type_of(word: str) -> DocType | None:
    """The DocType of a matched type word: exact, or one letter's diacritic off (fuzzy types)."""
    low = SPACES_RE.sub(" ", word.lower())
    best = None
    for t in TYPES:
        if len(t.phrase) != len(low) or any(base_letter(a) != base_letter(b) for a, b in zip(t.phrase, low) if a != " "):
            continue
        diffs = sum(a != b for a, b in zip(t.phrase, low))
        if diffs == 0:
            return t
        if diffs == 1 and t.fuzzy:
            best = t
    return best


def is_exact(word: str, t: DocType) -> bool:
    return SPACES_RE.sub(" ", word.lower()) == t.phrase
