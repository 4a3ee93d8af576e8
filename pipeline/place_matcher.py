"""Place names in text: every province/district/town/city name, with the kind word
before it, matched in time linear in the text and resolved to its gazetteer unit
(the matching rules are in rules/places.yaml).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Iterator

import regex

from .gazetteer import (PROVINCE_NAMES, UNITS_BY_KEY, Unit, district_units, modern_tone, place_key, province_aliases,
                        province_units, tone_variants)
from .phrase_matcher import WORD, PhraseMatcher, candidate_words, literal
from .ruledata import load_yaml


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    text: str          # as written, e.g. "TP.HCM", "huyện Mỹ Đức"
    name: str          # canonical unit name, e.g. "Hồ Chí Minh", "Mỹ Đức"
    level: str         # "province" or "district"
    province: str      # the 63-province name the unit belongs to
    kind: str          # the unit's kind: tỉnh, thành phố, huyện, quận, thị xã


_RULES = load_yaml("places.yaml")
_NEEDS_KIND = frozenset(modern_tone(n) for n in _RULES["needs_kind_word"])

# District names that count as places only after a kind word ("huyện Thống Nhất").
NEEDS_KIND_WORD: frozenset[str] = frozenset(_RULES["needs_kind_word"])

_ALIAS_KEYS = frozenset(place_key(a) for a in province_aliases())
_COMMON_NOUN_ALIASES = frozenset(place_key(a) for a in _RULES["common_noun_aliases"])


def _surface_patterns(name: str) -> list[tuple[str, str]]:
    """(surface, regex) for one name: each tone placement (and a province's name in capitals),
    flexible spaces, any dash (or none) between parts; longest first."""
    alts = {}
    for variant in tone_variants(name) | ({name.upper()} if name in PROVINCE_NAMES else set()):
        parts = regex.split(r"\s*-\s*", variant)
        # "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu", "Bà Rịa Vũng Tàu"
        alts[r"(?:\s*[-–—]\s*|\s+)".join(r"\s+".join(literal(w) for w in p.split()) for p in parts)] = variant
    return [(alts[p], p) for p in sorted(alts, key=len, reverse=True)]


def _surface_pattern(name: str) -> str:
    return "|".join(p for _, p in _surface_patterns(name))


def _ordered_kinds(words: list[str]) -> list[str]:
    """Kind words as regex fragments, in the order the alternation tries them (longest first)."""
    return sorted((w.replace(" ", r"\s+") for w in words), key=len, reverse=True)


def _kind_group(words: list[str]) -> str:
    return "|".join(_ordered_kinds(words))


def _written_names() -> list[str]:
    """Every name and alias, longest first: the order the place alternation tries them."""
    written = {u.name for u in province_units() + district_units()} | set(province_aliases())
    return sorted(written, key=len, reverse=True)


def place_alternation() -> str:
    """The place matcher as one regex alternation (kind word, then name): the definition
    `_PlaceMatcher` reproduces, kept to test it against."""
    kinds = _RULES["kind_words"]
    name_alt = "|".join(f"(?:{_surface_pattern(n)})" for n in _written_names())
    return (
        r"(?<![\p{L}\p{N}])"
        rf"(?:(?P<province_kind>{_kind_group(kinds['province'])})\s+"
        rf"|(?P<city_kind>{_kind_group(kinds['city'])})\s*"
        rf"|(?P<district_kind>{_kind_group(kinds['district'])})\s*)?"
        rf"(?P<name>{name_alt})"
        r"(?![\p{L}\p{N}])"
    )


@dataclass(frozen=True)
class _Hit:
    """A place name found in text, with the kind word before it (if any)."""
    start: int
    end: int
    name_start: int
    kind: str | None       # province / city / district: the group of the kind word written
    kind_word: str | None  # the kind word as written, e.g. "TP.", "huyện"


class _PlaceMatcher:
    """`place_alternation()`, found in time linear in the text.

    At each word start: each kind word that fits there (in the alternation's order) and a
    name right after it, else a name alone; names are looked up by their first word
    (phrase_matcher). A kind word may be glued to the name ("TPHCM", "H.Nghi Xuân").
    """

    def __init__(self) -> None:
        self.names = PhraseMatcher(
            (surface, pattern) for n in _written_names() for surface, pattern in _surface_patterns(n))
        # (group, kind word's regex, its first word, may run into the name) in the alternation's order
        self.kinds: list[tuple[str, regex.Pattern, str, bool]] = []
        for group, space in (("province", r"\s+"), ("city", r"\s*"), ("district", r"\s*")):
            for fragment in _ordered_kinds(_RULES["kind_words"][group]):
                first = WORD.match(fragment).group()
                # a kind word that is one word may run into the name when no space must follow
                glued = first == fragment and space == r"\s*"
                self.kinds.append((group, regex.compile(rf"(?P<kind>{fragment}){space}"), first, glued))
        self.kind_prefixes = tuple(sorted({first for _, _, first, glued in self.kinds if glued}))
        self.first_words = self.names.first_words() | {first for _, _, first, glued in self.kinds if not glued}
        self.candidates = candidate_words(self.first_words, self.kind_prefixes)
        self._kinds_at_word: dict[str, tuple[tuple[str, regex.Pattern], ...]] = {}

    def _kinds_at(self, word: str) -> tuple[tuple[str, regex.Pattern], ...]:
        """The kind words that may start where `word` does, in the alternation's order."""
        kinds = self._kinds_at_word.get(word)
        if kinds is None:
            kinds = tuple((group, kind_re) for group, kind_re, first, glued in self.kinds
                          if word == first or (glued and word.startswith(first)))
            if len(self._kinds_at_word) < 65536:
                self._kinds_at_word[word] = kinds
        return kinds

    def _at(self, text: str, start: int, word: str, full: bool) -> _Hit | None:
        """The place at `start`, where `word` (a whole word) begins."""
        names = self.names.fullmatch if full else self.names.match
        for group, kind_re in self._kinds_at(word):
            km = kind_re.match(text, start)
            if km is None:
                continue
            nm = names(text, km.end())
            if nm is not None:
                return _Hit(start, nm.end(), km.end(), group, km.group("kind"))
        name_re = self.names.group(word)
        if name_re is None:
            return None
        nm = name_re.fullmatch(text, start) if full else name_re.match(text, start)
        return None if nm is None else _Hit(start, nm.end(), start, None, None)

    def finditer(self, text: str) -> Iterator[_Hit]:
        end = 0
        for word in self.candidates.finditer(text):
            start = word.start()
            if start < end:
                continue
            w = word.group()
            if w not in self.first_words and not w.startswith(self.kind_prefixes):
                continue  # let through by its initial only
            hit = self._at(text, start, w, False)
            if hit is not None:
                end = hit.end
                yield hit

    def fullmatch(self, text: str) -> _Hit | None:
        word = WORD.match(text)
        return None if word is None else self._at(text, 0, word.group(), True)


PLACES = _PlaceMatcher()
_UPPER_PROVINCES = {place_key(n.upper()): n for n in PROVINCE_NAMES}
_BLOCKED_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:" + _kind_group(_RULES["blocking_words"]) + r")\s+$"
)


def phrase_regex(phrases: list[str]) -> regex.Pattern:
    """Any of the phrases as whole words, spaces flexible, longest first."""
    alt = "|".join(sorted((regex.escape(p).replace(r"\ ", r"\s+") for p in phrases), key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alt})(?![\p{{L}}\p{{N}}])")


_NOT_PLACES = phrase_regex(_RULES["not_places"])
_NAME_CONTINUES = regex.compile(r"\s+\p{Lu}")
SAME_PLACE_GAP = regex.compile(r"\s*[,(–-]?\s*")


# ---------------------------------------------------------------- find_places

def _unit_kind_of(word: str) -> str:
    """The unit kind a kind word names: 'TX.' -> 'thị xã', 'H.' -> 'huyện', 'TP' -> 'thành phố'."""
    low = word.lower()
    for prefix, kind in (("h", "huyện"), ("q", "quận"), ("tx", "thị xã"), ("t.x", "thị xã"), ("thị", "thị xã")):
        if low == prefix + "." or low.startswith(kind) or low == prefix:
            return kind
    return "thành phố"


def _candidates(units: tuple[Unit, ...], kind: str | None) -> tuple[Unit, ...]:
    """The units a name may denote, given the kind word before it."""
    provinces = tuple(u for u in units if u.level == "province")
    districts = tuple(u for u in units if u.level == "district")
    if kind == "province":
        return provinces or districts
    if kind == "city":
        # "thành phố Hà Nội" is the province; "thành phố Bắc Giang" the city inside the province
        cities = tuple(u for u in districts if u.kind == "thành phố")
        city_provinces = tuple(u for u in provinces if u.kind == "thành phố")
        return city_provinces or cities or provinces or districts
    if kind == "district":
        return districts or provinces
    return provinces or districts


def _narrow_by_kind(cands: tuple[Unit, ...], hit: _Hit) -> tuple[Unit, ...]:
    """'huyện Hòa Bình' is the huyện (Bạc Liêu), not the city of Hòa Bình; keep all if none fits,
    except for a numbered unit, which no other kind word names."""
    word = hit.kind_word if hit.kind in ("district", "city") else None
    if not word:
        return cands
    unit_kind = _unit_kind_of(" ".join(word.split()))
    fitting = tuple(u for u in cands if u.kind == unit_kind)
    if not fitting and all(u.name.isdigit() for u in cands):
        return ()  # a numbered unit is only its kind's: "Thành phố 4 an" is no "Quận 4"
    if not fitting and unit_kind == "thành phố":  # a town since made a city, never a rural huyện
        fitting = tuple(u for u in cands if u.kind != "huyện")
    return fitting or cands


def _bare_allowed(text: str, m: _Hit, units: tuple[Unit, ...], key: str) -> bool:
    """May a name without a kind word count as a place here?"""
    if key in _COMMON_NOUN_ALIASES:
        return not _NAME_CONTINUES.match(text, m.end)
    if key in _ALIAS_KEYS:
        return True
    if key in _NEEDS_KIND or key.isdigit():
        return False
    if _BLOCKED_BEFORE.search(text, max(0, m.start - 20), m.start):
        return False
    if all(u.level == "district" for u in units):
        # a one-syllable district ("Vinh", "Chũ") or one inside a longer proper name
        # ("Bình Minh Anh") is not told from a person's name without its kind word
        if " " not in key or _NAME_CONTINUES.match(text, m.end):
            return False
    return True


def _resolve(cands: tuple[Unit, ...], following: Unit | None) -> Unit | None:
    if len({(u.name, u.province) for u in cands}) == 1:
        return cands[0]
    if following is not None:
        # "huyện Châu Thành, tỉnh Tiền Giang": the province named right after decides
        chosen = [u for u in cands if u.province == following.province]
        if chosen:
            return chosen[0]
    return None


def _units_of(key: str) -> tuple[Unit, ...]:
    return UNITS_BY_KEY.get(key) or UNITS_BY_KEY.get(_UPPER_PROVINCES.get(key, ""), ())


def _raw_matches(text: str) -> list[tuple[_Hit, tuple[Unit, ...]]]:
    out = []
    for m in PLACES.finditer(text):
        key = place_key(text[m.name_start:m.end])
        units = _units_of(key)
        if not units:
            continue
        if m.kind is None and not _bare_allowed(text, m, units, key):
            continue
        cands = _narrow_by_kind(_candidates(units, m.kind), m)
        if cands:
            out.append((m, cands))
    return out


def find_places(text: str) -> list[PlaceMatch]:
    """Every province/district/town/city name in `text`, longest match first, non-overlapping.

    A kind word before the name ("tỉnh", "TP.", "huyện", "thị xã") is part of the match.
    A district name shared by several provinces is kept only where the province named
    right after it decides ("huyện Châu Thành, tỉnh Tiền Giang").
    """
    return find_places_and_shared(text)[0]


@dataclass(frozen=True)
class SharedPlace:
    """A district name several provinces have, that nothing near it decides ("huyện An Lão")."""
    start: int
    end: int
    units: tuple[Unit, ...]


def find_places_and_shared(text: str) -> tuple[list[PlaceMatch], list[SharedPlace]]:
    """`find_places`, and the shared district names it had to leave out."""
    shared = []
    blocked = [(m.start(), m.end()) for m in _NOT_PLACES.finditer(text)]
    raw = [(m, c) for m, c in _raw_matches(text) if not any(s < m.end and m.start < e for s, e in blocked)]
    found = []
    for i, (m, cands) in enumerate(raw):
        following = None
        if i + 1 < len(raw):
            nm, ncands = raw[i + 1]
            if SAME_PLACE_GAP.fullmatch(text, m.end, nm.start) and ncands[0].level == "province":
                following = ncands[0]
        unit = _resolve(cands, following)
        if unit is not None:
            name = f"{unit.kind.capitalize()} {unit.name}" if unit.name.isdigit() else unit.name
            found.append(PlaceMatch(m.start, m.end, text[m.start:m.end], name, unit.level, unit.province, unit.kind))
        else:
            shared.append(SharedPlace(m.start, m.end, cands))
    return found, shared


def canonical_province(name: str) -> str | None:
    """A province name in any common form ("TP.HCM", "Huế", "tỉnh Bắc Kạn") -> its 63-province name."""
    if not name:
        return None
    text = " ".join(unicodedata.normalize("NFC", name).split())
    m = PLACES.fullmatch(text)
    if m is None:
        return None
    provinces = {u.province for u in _narrow_by_kind(_candidates(_units_of(place_key(text[m.name_start:])), m.kind), m)}
    return provinces.pop() if len(provinces) == 1 else None
