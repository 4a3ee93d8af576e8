"""The org extractor's vocabulary (rules/org_patterns.yaml, loaded once) and the helpers every
org module matches with: phrases as patterns, folded lookup keys, word boundaries, the heads
of a union's name, the words before a position."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..phrase_matcher import literal, straight_apostrophes
from ..ruledata import load_yaml

RULES = load_yaml("org_patterns.yaml")
_I = regex.IGNORECASE | regex.V1
_B = r"(?<![\p{L}\p{N}])"   # word start
_E = r"(?![\p{L}\p{N}])"    # word end


def phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: words separated by any run of spaces, dashes by spaced or bare dashes."""
    parts = []
    for word in phrase.split():
        parts.append(r"\s*[-–]\s*" if word in ("-", "–") else literal(word))
    out = ""
    for i, p in enumerate(parts):
        if i and not p.startswith(r"\s*") and not parts[i - 1].startswith(r"\s*"):
            out += r"[ \t]+"
        out += p
    return out.replace(r"\ ", r"[ \t]+")


def alternation(phrases) -> str:
    return "|".join(phrase_pattern(p) for p in sorted(set(phrases), key=len, reverse=True))


# a number that begins a time after a place kind ("phường 6 tháng cuối năm"): no numbered ward
NUMBER_STARTS_TIME_RE = regex.compile(r"\d+\s+(?:" + alternation(RULES["numbered_place_not_before"]) + r")(?!\p{L})", regex.I)
_DASH_RE = regex.compile(r"\s*[-–]\s*")
_SPACES_RE = regex.compile(r"\s+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Key for looking names up: case-folded, straight apostrophes, single spaces, dashes spaced."""
    return _SPACES_RE.sub(" ", _DASH_RE.sub(" - ", straight_apostrophes(text.casefold()))).strip()


_WORD = regex.compile(r"[\p{L}\p{N}]+")
SPACE_RE = regex.compile(r"[ \t]*")


CANON = RULES["canonical"]
# a historical head, folded -> its spelling ("Liên hiệp Công đoàn"); HISTORICAL_TYPES: -> the head it became
HISTORICAL_HEADS = {fold(h): h for h in RULES["historical_heads"]}
_HISTORICAL_TYPES = RULES["historical_heads"]


def _historical(org_type: str) -> str:
    return "".join("|" + r"[ \t]+".join(map(regex.escape, h.split())) for h, t in _HISTORICAL_TYPES.items()
                   if t == org_type)


HEAD_RE = regex.compile(
    _B + r"(?:(?P<tong>Tổng[ \t]+Liên[ \t]+đoàn(?:[ \t]+Lao[ \t]+động)?" + _historical("tong_ldld") + ")"
    r"|(?P<ldld>Liên[ \t]+đoàn[ \t]+Lao[ \t]+động" + _historical("ldld") + r")|(?P<cd>Công[ \t]+đoàn)"
    r"|(?P<guild>Nghiệp[ \t]+đoàn))" + _E, _I)


def is_capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def clean_spaces(text: str) -> str:
    return regex.sub(r"\s*[-–]\s*", " - ", regex.sub(r"[ \t]+", " ", text.strip()))


# a word and the blanks after it, matched backwards from where they end
WORD_BEFORE_RE = regex.compile(r"(?r)[\p{L}\p{N}]+[ \t]+")


def words_before(text: str, pos: int, count: int) -> list[int]:
    """Starts of up to `count` words right before `pos`, each followed by blanks, nearest first."""
    starts = []
    for _ in range(count):
        m = WORD_BEFORE_RE.match(text, 0, pos)
        if m is None:
            break
        starts.append(pos := m.start())
    return starts
