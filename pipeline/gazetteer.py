"""The province gazetteer: every provincial unit and district with its kind and province,
the hand-kept short forms, the 2025 crosswalk, and the lookup key of a written name.

The gazetteer (rules/provinces.csv, districts.csv, province_2025.csv) is generated
from underthesea's bundled administrative data by scripts/build_gazetteer.py;
hand-kept short forms are in rules/place_aliases.csv. Everything is loaded once.
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import regex

from .normalize import normalize_string
from .phrase_matcher import straight_apostrophes
from .ruledata import load_table, load_yaml


@dataclass(frozen=True)
class Unit:
    name: str
    level: str         # province / district
    kind: str          # tỉnh, thành phố, huyện, quận, thị xã
    province: str


# ---------------------------------------------------------------- tone marks

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _legacy_tone(syllable: str) -> str:
    """The old placement of an open oa/oe/uy syllable's tone, on its second vowel (Hòa -> Hoà)."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [c for c in decomposed if c in _TONES]
    base = "".join(c for c in decomposed if c not in _TONES)
    low = base.lower()
    if len(tones) != 1 or low[-2:] not in ("oa", "oe", "uy") or low.endswith(("quy", "guy")):
        return syllable
    return unicodedata.normalize("NFC", base + tones[0])


def modern_tone(name: str) -> str:
    """'Khánh Hoà' -> 'Khánh Hòa': the same normalisation the article body goes through."""
    return normalize_string(name)


@lru_cache(maxsize=1)
def _spellings() -> dict[str, tuple[str, ...]]:
    """Each word of rules/places.yaml name_word_spellings -> every spelling of its group (the first one first)."""
    groups = [tuple(modern_tone(w) for w in group) for group in load_yaml("places.yaml")["name_word_spellings"]]
    return {w: group for group in groups for w in group}


def _spelling_variants(name: str) -> set[str]:
    """`name` with each of its words in every spelling the press uses ('Đắk Glong', 'Đăk Glong')."""
    out = {""}
    for word in name.split(" "):
        out = {f"{head} {w}".lstrip() for head in out for w in _spellings().get(word, (word,))}
    return out


def tone_variants(name: str) -> set[str]:
    """Both tone placements of a name ('Khánh Hòa', 'Khánh Hoà') and each spelling of its words
    ('Đắk Glong', 'Đăk Glong'), to match text not yet normalised."""
    out = set()
    for modern in _spelling_variants(modern_tone(name)):
        out |= {modern, " ".join(_legacy_tone(w) for w in modern.split(" "))}
    return out


# ---------------------------------------------------------------- gazetteer

@lru_cache(maxsize=None)
def province_units() -> tuple[Unit, ...]:
    """The 63 provincial units (before the 2025 merger)."""
    return tuple(Unit(r["name"], "province", r["kind"], r["name"]) for r in load_table("provinces.csv"))


@lru_cache(maxsize=None)
def district_units() -> tuple[Unit, ...]:
    """Every district, town and provincial city, with the province it lay in."""
    # underthesea's districts, and those merged away before 2025 that older news still names
    rows = load_table("districts.csv") + load_table("districts_historical.csv")
    return tuple(Unit(r["name"], "district", r["kind"], r["province"]) for r in rows)


@lru_cache(maxsize=None)
def _aliases() -> dict[str, str]:
    return {modern_tone(r["alias"]): r["province"] for r in load_table("place_aliases.csv")}


@lru_cache(maxsize=None)
def crosswalk() -> dict[str, str]:
    """Each of the 63 provinces -> the provincial unit it belongs to since the 2025 merger."""
    return {r["province"]: r["province_2025"] for r in load_table("province_2025.csv")}


@lru_cache(maxsize=1)
def wards_2025() -> dict[tuple[str, str], str]:
    """(name, kind) of a commune or ward made in July 2025 -> the one pre-2025 province its parts
    lay in (only names no other new commune or ward has; wards_2025.csv)."""
    return {(r["name"], r["kind"]): r["province"] for r in load_table("wards_2025.csv")}


PROVINCE_NAMES: frozenset[str] = frozenset(u.name for u in province_units())


def gazetteer_units() -> tuple[Unit, ...]:
    """Every provincial unit and district of the gazetteer, with its kind and province."""
    return province_units() + district_units()


def province_aliases() -> dict[str, str]:
    """Hand-kept short and variant forms of provincial units -> their 63-province name."""
    return dict(_aliases())


@lru_cache(maxsize=65536)
def place_key(surface: str) -> str:
    """Lookup key of a written name: NFC, straight apostrophes, modern tone marks, dashes as spaces, single spaces."""
    text = straight_apostrophes(unicodedata.normalize("NFC", surface))
    text = regex.sub(r"\s*[-–—]\s*", " ", text)
    spellings = _spellings()
    return " ".join(spellings.get(w, (w,))[0] for w in modern_tone(" ".join(text.split())).split(" "))


def _units_by_key() -> dict[str, tuple[Unit, ...]]:
    table: dict[str, list[Unit]] = defaultdict(list)
    by_name = {u.name: u for u in province_units()}
    for u in province_units() + district_units():
        table[place_key(u.name)].append(u)
    for alias, province in _aliases().items():
        table[place_key(alias)].append(by_name[province])
    # (an alias that is only another spelling of the name, "Đăk Nông", adds nothing)
    return {k: tuple(dict.fromkeys(v)) for k, v in table.items()}


UNITS_BY_KEY: dict[str, tuple[Unit, ...]] = _units_by_key()
