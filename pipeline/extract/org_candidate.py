"""Candidate: one union body read from the normalised text, named or bare (what a bare one
lacks, for step 3); and the federation a place names, "Liên đoàn Lao động" + place."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .org_patterns import CANON, _I, fold
from .org_places import (DISTRICT_ONLY_KINDS, KIND_LIST_RE, KIND_RE, PROVINCE_KINDS, PlaceRef, choose_place, gazetteer,
                         name_as_written, parse_place)

# "LĐLĐ các huyện Mộ Đức, Trà Bồng": one kind word for several named places
PLURAL_KIND_RE = regex.compile(r"[ \t]+các[ \t]+(?=" + KIND_RE.pattern + ")", _I)
LIST_SEP_RE = regex.compile(r"[ \t]*(?:,[ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+)", _I)
# "LĐLĐ các tỉnh bạn: Gia Lai, Quảng Nam": a few lowercase words and a colon before the names
LIST_COLON_RE = regex.compile(r"(?:[ \t]+\p{Ll}+){0,3}[ \t]*:[ \t]*", regex.V1)


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
    head: str = ""              # a historical head as the text names it ("Liên hiệp Công đoàn"), kept in the name


def ldld_from_place(ref: PlaceRef) -> tuple[str, str, str | None]:
    """(canonical, org_type, province) of the federation of a named place."""
    place = ref.place
    if place is None:
        level = "province" if ref.kind == "tỉnh" else "district"
        return f"{CANON['ldld']} {ref.kind} {ref.name}", f"ldld_{level}", None
    kind = place.kind if place.level == "province" else (ref.kind or place.kind)
    return f"{CANON['ldld']} {kind} {ref.name}", f"ldld_{place.level}", place.province


def parse_ldld(text: str, start: int, end: int, province: str | None, plural: bool, conf: float,
               head: str = "") -> Candidate | None:
    """"Liên đoàn Lao động" (or its historical `head`) + place: named, or bare ("LĐLĐ tỉnh") to be resolved."""
    ref = parse_place(text, end, province, former=bool(head))
    if ref is None:
        return None
    if not ref.bare:
        canonical, org_type, prov = ldld_from_place(ref)
        return Candidate(start, ref.end, org_type, canonical, prov, confidence=conf, head=head)
    listed = KIND_LIST_RE.match(text, ref.end)
    if plural or (listed and not _and_its_districts(text, ref, listed, province)):
        return None  # "các LĐLĐ huyện", "Liên đoàn lao động huyện, thị xã, thành phố"
    return Candidate(start, ref.end, "ldld_district", None, need="ldld", kind=ref.kind, confidence=conf - 0.1,
                     head=head)


def _and_its_districts(text: str, ref: PlaceRef, listed: "regex.Match[str]", province: str | None) -> bool:
    """"LĐLĐ tỉnh, huyện": the province's federation and, as a category, its districts'; the
    first is one body ("LĐLĐ Thành phố và quận Đống Đa" names both: bare_and_named)."""
    if ref.kind not in PROVINCE_KINDS or fold(listed.group("kind")) not in DISTRICT_ONLY_KINDS:
        return False
    district = parse_place(text, listed.start("kind"), province)
    return district is None or district.bare


def plural_kind_list(text: str, start: int, end: int, province: str | None, conf: float) -> list[Candidate]:
    """ "Liên đoàn Lao động các huyện Mộ Đức, Trà Bồng": the federation of each place named
    after one plural kind word (only names the gazetteer knows as that kind)."""
    m = PLURAL_KIND_RE.match(text, end)
    if m is None:
        return []
    first = parse_place(text, m.end(), province)
    if first is not None and first.bare and first.kind and (colon := LIST_COLON_RE.match(text, first.end)):
        first = _listed_place(text, colon.end(), first.kind, None, province)  # "các tỉnh bạn: Gia Lai, ..."
    if first is None or first.bare or first.place is None:
        return []
    refs = [first]
    while (sep := LIST_SEP_RE.match(text, refs[-1].end)) is not None:
        ref = _listed_place(text, sep.end(), first.kind, first.place.level, province)
        if ref is None:
            break
        refs.append(ref)
    out = []
    for i, ref in enumerate(refs):
        canonical, org_type, prov = ldld_from_place(ref)  # the first mention opens at the head
        out.append(Candidate(start if i == 0 else ref.start, ref.end, org_type, canonical, prov, confidence=conf - 0.1))
    return out


def _listed_place(text: str, pos: int, kind: str | None, level: str | None, province: str | None) -> PlaceRef | None:
    """The place a list names at `pos` under a kind word written before the list (of `level`, if given)."""
    gz = gazetteer()
    name = gz.name_re.match(text, pos)
    if name is None or not name.group()[0].isupper():
        return None
    place = choose_place(gz.by_key.get(fold(name.group()), ()), kind, province)
    if place is None or (level is not None and place.level != level):
        return None
    return PlaceRef(name.start(), name.end(), kind, name_as_written(place, name.group()), place)


def bare_and_named(text: str, start: int, end: int, province: str | None, conf: float) -> list[Candidate]:
    """ "LĐLĐ Thành phố và quận Đống Đa": a bare kind word and a named place sharing one head
    are two federations (the bare one is resolved later); a list of kind words alone
    ("LĐLĐ huyện, thị xã, thành phố") names a category, none."""
    bare = parse_place(text, end, province)
    if bare is None or not bare.bare:
        return []
    sep = regex.match(r"[ \t]+và[ \t]+", text[bare.end:bare.end + 8])
    if sep is None:
        return []
    named = parse_place(text, bare.end + sep.end(), province)
    if named is None or named.bare or named.place is None or named.kind is None:
        return []
    canonical, org_type, prov = ldld_from_place(named)
    return [Candidate(start, bare.end, "ldld_district", None, need="ldld", kind=bare.kind, confidence=conf - 0.1),
            Candidate(named.start, named.end, org_type, canonical, prov, confidence=conf - 0.1)]
