"""Candidate: one union body read from the normalised text, named or bare (what a bare one
lacks, for step 3); and the federation a place names, "Liên đoàn Lao động" + place."""
from __future__ import annotations

from dataclasses import dataclass

from .org_patterns import CANON
from .org_places import KIND_LIST_RE, PlaceRef, parse_place


@dataclass(frozen=True)
class Candidate:
    start: int                  # span in the normalised text
    end: int
    org_type: str
    canonical: str | None       # None while bare
    province: str | None = None # the body's own province, where its name tells it
    need: str | None = None     # what a bare candidate lacks: ldld, vien_chuc, sector, sector_place, zone_place, unit_ldld
    kind: str | None = None     # for ldld/zone_place/unit_ldld: the kind word written ("tỉnh", "huyện", "" for none)
    stem: str = ""              # for sector_place/zone_place/unit_ldld: the canonical before the place
    confidence: float = 0.95
    level: str | None = None    # where the type's usual level is wrong: a sector union of a district


def ldld_from_place(ref: PlaceRef) -> tuple[str, str, str | None]:
    """(canonical, org_type, province) of the federation of a named place."""
    place = ref.place
    if place is None:
        level = "province" if ref.kind == "tỉnh" else "district"
        return f"{CANON['ldld']} {ref.kind} {ref.name}", f"ldld_{level}", None
    kind = place.kind if place.level == "province" else (ref.kind or place.kind)
    return f"{CANON['ldld']} {kind} {ref.name}", f"ldld_{place.level}", place.province


def parse_ldld(text: str, start: int, end: int, province: str | None, plural: bool, conf: float) -> Candidate | None:
    """"Liên đoàn Lao động" + place: named, or bare ("LĐLĐ tỉnh") to be resolved."""
    ref = parse_place(text, end, province)
    if ref is None:
        return None
    if not ref.bare:
        canonical, org_type, prov = ldld_from_place(ref)
        return Candidate(start, ref.end, org_type, canonical, prov, confidence=conf)
    if plural or KIND_LIST_RE.match(text, ref.end):
        return None  # "các LĐLĐ huyện", "Liên đoàn lao động huyện, thị xã, thành phố"
    return Candidate(start, ref.end, "ldld_district", None, need="ldld", kind=ref.kind, confidence=conf - 0.1)
