"""Step 3 of the org extractor (`resolve`): complete a bare candidate ("LĐLĐ tỉnh", "Công đoàn
ngành") from the article's province or from the nearest body of the same kind the article
names; drop what cannot be completed."""
from __future__ import annotations

from dataclasses import replace

from .org_candidate import Candidate
from .org_patterns import CANON
from .org_places import (DISTRICT_ONLY_KINDS, NATIONAL, PROVINCE_KINDS, Place, PlaceRef, district_mentions, home_place,
                         province_mentions, province_place)


def nearest(items, pos: int):
    """The item ending last before `pos`, else the first one after it."""
    before = [x for x in items if x.end <= pos]
    if before:
        return max(before, key=lambda x: x.end)
    after = [x for x in items if x.start >= pos]
    return min(after, key=lambda x: x.start) if after else None


def resolve_place(kind: str | None, pos: int, named: list[Candidate], province: str | None,
                  districts: list[PlaceRef], home: Place | None = None,
                  provinces: list[PlaceRef] = ()) -> Place | None:
    """The place a bare kind word stands for: the article's province (`home`, default
    `province`'s) for "tỉnh" (and for "thành phố" in a centrally-run city), else the nearest
    district of that kind the article names, as a federation or as a place. A centrally-run
    city is no "tỉnh": there the bare word names the nearest province the text names with
    "tỉnh" (`provinces`: "LĐLĐ TP HCM trao vốn ... tại tỉnh Tây Ninh ... LĐLĐ tỉnh"), where
    it names one (else the city: the word used loosely)."""
    home = home or province_place(province)
    if kind == "tỉnh" and home is not None and home.kind == "thành phố" and provinces:
        return nearest(provinces, pos).place
    if not kind or kind == "tỉnh" or (kind == "thành phố" and home is not None and home.kind == "thành phố"):
        return home
    prefix = f"{CANON['ldld']} {kind} "
    same = nearest([c for c in named if c.org_type == "ldld_district" and c.canonical.startswith(prefix)], pos)
    if same is not None:
        return Place(name=same.canonical[len(prefix):], level="district", kind=kind, province=same.province or province)
    here = [d for d in districts if d.kind == kind and (province is None or d.place.province == province)]
    ref = nearest([d for d in here if d.end <= pos], pos)
    if ref is not None:
        return Place(name=ref.name, level="district", kind=kind, province=ref.place.province)
    return None


def resolve_ldld(kind: str | None, pos: int, named: list[Candidate], province: str | None,
                 districts: list[PlaceRef], home: Place | None = None,
                 provinces: list[PlaceRef] = ()) -> tuple[str, str, str | None] | None:
    """(canonical, org_type, province) of a bare federation ("LĐLĐ tỉnh", "LĐLĐ huyện")."""
    place = resolve_place(kind, pos, named, province, districts, home, provinces)
    if place is None:
        return None
    return f"{CANON['ldld']} {place.kind} {place.name}", f"ldld_{place.level}", place.province


def resolve(cands: list[Candidate], text: str, province: str | None,
            home_province: str | None = None) -> list[Candidate]:
    """Complete bare candidates (see module doc); drop those that stay bare. `home_province`:
    the province a bare "tỉnh" names (places.home_province: the merged one after July 2025),
    default `province`."""
    named = [c for c in cands if c.canonical]
    districts: list[PlaceRef] | None = None
    home = home_place(province, home_province)
    # where the article's place is a centrally-run city, a bare "tỉnh" names a province it names
    provinces = province_mentions(text) if home is not None and home.kind == "thành phố" else []
    out = []
    for c in cands:
        if c.canonical:
            out.append(c)
            continue
        done = None
        conf = c.confidence - 0.1
        if c.need in ("ldld", "unit_ldld"):
            if districts is None:
                districts = district_mentions(text, province)
            if c.need == "unit_ldld":
                same = nearest([n for n in named if n.org_type == c.org_type
                                and n.canonical.startswith(f"{c.stem} {CANON['ldld']} ")], c.start)
                if same is not None:
                    done = replace(c, canonical=same.canonical, confidence=conf)
                else:
                    r = resolve_ldld(c.kind, c.start, named, province, districts, home, provinces)
                    if r is not None:
                        done = replace(c, canonical=f"{c.stem} {r[0]}", province=r[2], confidence=conf)
            else:
                r = resolve_ldld(c.kind, c.start, named, province, districts, home, provinces)
                if r is not None:
                    done = replace(c, canonical=r[0], org_type=r[1], province=r[2], confidence=conf)
        elif c.need == "vien_chuc":
            same = nearest([n for n in named if n.org_type == "cd_vien_chuc"], c.start)
            if same is not None:
                done = replace(c, canonical=same.canonical, province=same.province, confidence=conf)
            elif home is not None:
                done = replace(c, canonical=f"{CANON['vien_chuc']} {home.kind} {home.name}", province=home.name,
                               confidence=conf)
        elif c.need == "sector":
            same = nearest([n for n in named if n.org_type == "cd_sector"], c.start)
            if same is not None:
                done = replace(c, canonical=same.canonical, province=same.province, confidence=conf)
        elif c.need in ("sector_place", "zone_place"):
            same = nearest([n for n in named if n.org_type == c.org_type and n.canonical.startswith(c.stem + " ")
                            and not n.canonical.endswith(" " + NATIONAL)
                            and (c.kind not in PROVINCE_KINDS or n.province == province)], c.start)
            if same is not None:
                done = replace(c, canonical=same.canonical, province=same.province, confidence=conf)
            else:
                if districts is None:
                    districts = district_mentions(text, province)
                # a sector or zone union named without a kind word stays as written ("Công đoàn ngành
                # y tế", "Công đoàn các Khu công nghiệp"): a place resolves only a bare kind word
                # (GOLD.md), as in "Công đoàn ngành Giáo dục tỉnh", "Công đoàn các KCN tỉnh"
                place = resolve_place(c.kind, c.start, named, province, districts, home, provinces) if c.kind else None
                if place is not None:
                    written = f"{place.kind} {place.name}"  # the kind word the text writes
                    done = replace(c, canonical=f"{c.stem} {written}", province=place.province, confidence=conf)
                elif not c.kind:  # named as written, of the article's province
                    done = replace(c, canonical=c.stem, province=home.province if home else None, confidence=conf)
        if done is not None:
            out.append(done)
    return out


def unify_place_kinds(cands: list[Candidate]) -> list[Candidate]:
    """A body named once with its place's kind word and once without ("CĐGD tỉnh Tiền Giang
    ... CĐGD Tiền Giang", "Công đoàn Giáo dục huyện Ea H'leo ... Công đoàn Giáo dục Ea H'leo"),
    or once without its place at all, is one body: the bare form takes the full name the
    article gives."""
    full: dict[str, str] = {}
    for c in cands:
        for kind in PROVINCE_KINDS | DISTRICT_ONLY_KINDS:
            head, sep, place = (c.canonical or "").rpartition(f" {kind} ")
            if sep and head and place:
                full.setdefault(f"{head} {place}", c.canonical)
                full.setdefault(f"{head} {kind}", c.canonical)
    # ... and so is one named with its kind word alone ("Công đoàn Ban Quản lý các KCN tỉnh" beside
    # "Công đoàn Ban Quản lý các khu công nghiệp Bắc Ninh"): the kind word points to that place
    for c in cands:
        for kind in PROVINCE_KINDS | DISTRICT_ONLY_KINDS:
            head = (c.canonical or "").removesuffix(f" {kind}")
            if head != c.canonical and f"{head} {kind}" not in full:
                stem = f"{head} ".casefold()
                named: dict[str, str] = {}  # one body however its words are capitalised: its first spelling
                for o in cands:
                    if (o.canonical and o.canonical.casefold().startswith(stem) and o.province
                            and c.province in (None, o.province)):
                        named.setdefault(o.canonical.casefold(), o.canonical)
                if len(named) == 1:
                    full[c.canonical] = next(iter(named.values()))
    # ... and so is a sector or zone union left as written, without place or kind word ("Công
    # đoàn các KCN" beside "Công đoàn các KCN tỉnh", resolved): the one body of that name
    for c in cands:
        if c.need in ("sector_place", "zone_place") and c.canonical == c.stem and c.canonical not in full:
            named_full = {o.canonical for o in cands if o.org_type == c.org_type and o.canonical
                          and o.canonical.startswith(c.stem + " ")}
            if len(named_full) == 1:
                full[c.canonical] = named_full.pop()
    return [replace(c, canonical=full[c.canonical]) if c.canonical in full else c for c in cands]
