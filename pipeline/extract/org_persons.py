"""Persons beside a union's name: a title before a head ("Chủ tịch ...") and a person's name
after one ("Chủ tịch LĐLĐ huyện Dương Chí Biên"), which is neither a place nor a unit."""
from __future__ import annotations

import regex

from .org_patterns import RULES, _B, _I, alternation

SURNAMES = frozenset(RULES["person_surnames"])
# Anchored at the end of what it searches ("the 60 characters before a head"): searched
# backwards ((?r)), it is tried from the end only, not at every position.
PERSON_TITLE_RE = regex.compile(r"(?r)" + _B + r"(?:" + alternation(RULES["person_titles"]) + r")[^.;,\n]{0,40}$", _I)


PERSON_NAME_RE = regex.compile(
    r"(?P<surname>\p{Lu}[\p{Ll}\p{M}]*+)(?:[ \t]+\p{Lu}[\p{Ll}\p{M}]*+){1,3}(?![\p{L}\p{M}\p{N}]|[ \t]*[\p{Lu}\p{N}])",
    regex.V1)


def person_name_at(text: str, pos: int = 0) -> regex.Match | None:
    """A surname opening a run of 2-4 capitalised syllables that nothing capitalised follows."""
    m = PERSON_NAME_RE.match(text, pos)
    return m if m is not None and m.group("surname") in SURNAMES else None


def starts_person_name(text: str, pos: int) -> bool:
    return person_name_at(text, pos) is not None
