"""Places in the normalised text: the gazetteer keyed for it, the place at a position ("tỉnh
Bắc Kạn", "huyện Mỹ Đức", a bare "tỉnh") and the districts an article names."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .. import places
from ..gazetteer import tone_variants
from ..phrase_matcher import PhraseMatcher, straight_apostrophes
from ..ruledata import load_yaml
from .org_patterns import (RULES, SPACE_RE, _B, _E, _I, alternation, clean_spaces, fold, phrase_pattern,
                           words_before)
from .org_persons import starts_person_name

Place = places.Unit  # name, level (province/district), kind (tỉnh, huyện ...), province


@dataclass(frozen=True)
class Gazetteer:
    by_key: dict          # fold(name or alias) -> tuple[Place, ...]
    name_re: PhraseMatcher  # a name at a position: .match(text, pos)
    needs_kind: frozenset  # fold(name) of districts that count only after a kind word


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The places module's gazetteer, keyed for the normalised text (abbreviations expanded,
    so aliases written with "TP"/"." never stand there)."""
    entries: dict[str, list[Place]] = {}
    provinces = {}
    for unit in places.gazetteer_units():
        if unit.level == "province":
            provinces[unit.name] = unit
        # under each spelling the press gives its words ("Đak Pơ", "Čư M'gar": places.yaml)
        for key in {fold(unit.name)} | {fold(v) for v in tone_variants(unit.name)}:
            entries.setdefault(key, []).append(unit)
    for alias, province in places.province_aliases().items():
        p = provinces.get(province)
        if p is not None and not regex.search(r"\.|\bTP|\bTp", alias):
            entries.setdefault(fold(alias), []).append(p)
    # the alternation of every name, looked up by the first word at the position
    name_re = PhraseMatcher(((key, phrase_pattern(key)) for key in sorted(entries, key=len, reverse=True)),
                            head=_B, tail=_E, ignore_case=True)
    return Gazetteer({k: tuple(v) for k, v in entries.items()}, name_re,
                     frozenset(fold(n) for n in places.NEEDS_KIND_WORD))


# the kinds of unit a place name may follow ("tỉnh", "thị xã", ...): the gazetteer's own list
KINDS = tuple(load_yaml("places.yaml")["unit_kinds"])
KIND_RE = regex.compile(_B + "(?:" + alternation(KINDS) + ")" + _E, _I)
FUZZY_PROVINCE_KIND_RE = regex.compile(_B + r"(?:tỉnh){e<=1}" + _E, regex.V1)
CAP_RUN_RE = regex.compile(r"[\p{Lu}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:[ \t]+|[ \t]*[-–][ \t]*)[\p{Lu}\p{N}][\p{L}\p{M}\p{N}]*){0,3}", regex.V1)
NAME_NEVER_RE = regex.compile(r"(?:" + alternation(RULES["name_never"]) + ")" + _E)  # case as written
NATIONAL = RULES["national_suffix"]
NATIONAL_RE = regex.compile(_B + phrase_pattern(NATIONAL) + _E, _I)
PROVINCE_KINDS = frozenset(RULES["province_kinds"])
DISTRICT_ONLY_KINDS = frozenset(RULES["district_only_kinds"])
# a kind word listed after another ("Liên đoàn lao động huyện, thị xã, thành phố"); "Tỉnh đoàn",
# "Tỉnh ủy" after "và" are bodies, not kinds ("Liên đoàn Lao động tỉnh và Tỉnh đoàn")
KIND_LIST_RE = regex.compile(r"[ \t]*(?:,|/|và|hoặc)[ \t]*(?P<kind>" + alternation(KINDS) + ")" + _E
                             + r"(?![ \t]+(?:" + alternation(RULES["kind_word_bodies"]) + ")" + _E + ")", _I)


def name_as_written(place: Place, written: str) -> str:
    """The name a union's place is given: a province's canonical name ("TP HCM" is Hồ Chí Minh),
    a district's as the text writes it where its spelling differs ("Đak Pơ", "Čư M'gar", and
    the curly apostrophe of "Ea H’leo": the press writes both, the gazetteer the straight one)."""
    same = fold(place.name) == fold(written) and straight_apostrophes(written) == written
    return place.name if place.level == "province" or same else clean_spaces(written)


@dataclass(frozen=True)
class PlaceRef:
    start: int
    end: int
    kind: str | None    # the kind word written, canonical ("tỉnh"), or None
    name: str | None    # the unit's name, or None when only the kind is written
    place: Place | None

    @property
    def bare(self) -> bool:
        return self.name is None


def choose_place(options, kind: str | None, province: str | None) -> Place | None:
    """The unit a name stands for, given the kind word written before it and the article's province."""
    def pick(cands):
        cands = list(cands)
        local = [c for c in cands if c.province == province]
        return (local or cands or [None])[0]

    if kind is None:
        return pick(o for o in options if o.level == "province") or pick(options)
    exact = [o for o in options if o.kind == kind]
    if kind == "thành phố":
        return pick(o for o in exact if o.level == "province") or pick(exact)
    if exact:
        return pick(exact)
    if kind in DISTRICT_ONLY_KINDS:
        return pick(o for o in options if o.level == "district")
    return None


def parse_place(text: str, pos: int, province: str | None, bare_names: str = "any",
                former: bool = False) -> PlaceRef | None:
    """A place right at `pos`: "tỉnh Bắc Kạn", "huyện Mỹ Đức", "Diễn Châu", "thành phố Huế", "tỉnh".

    A name without a kind word counts only as a province's own name when `bare_names` is
    "province" (after "Công đoàn", where "Công đoàn Thủ đô" is the capital's union movement).
    `former`: after a historical head, whose province may be one the gazetteer does not know.
    """
    gz = gazetteer()
    start = SPACE_RE.match(text, pos).end()
    kind = None
    at = start
    km = KIND_RE.match(text, at)
    if km:
        kind = fold(km.group())
        at = SPACE_RE.match(text, km.end()).end()
    nm = gz.name_re.match(text, at)
    if nm and not (nm.group()[0].isupper() or (km and nm.group()[0].isdigit())):
        nm = None  # "Quận 1" needs its kind word
    if km is None and nm is None:
        fm = FUZZY_PROVINCE_KIND_RE.match(text, start)  # a kind word with a dropped letter: "ỉnh Bình Định"
        if fm and fm.group() != "tỉnh" and len(fm.group()) >= 3:
            after = SPACE_RE.match(text, fm.end()).end()
            nm2 = gz.name_re.match(text, after)
            if nm2 and any(o.level == "province" for o in gz.by_key.get(fold(nm2.group()), ())):
                kind, nm = "tỉnh", nm2
    if nm:
        key = fold(nm.group())
        options = gz.by_key.get(key, ())
        if kind is None and all(o.level == "district" for o in options) and key in gz.needs_kind:
            return None
        if kind is None and bare_names == "province" and not any(
                o.level == "province" and fold(o.name) == key for o in options):
            return None
        place = choose_place(options, kind, province)
        if place is None:
            # a kind the gazetteer does not give this name ("thành phố Huế"): keep it as written
            alias = next((o for o in options if o.level == "province"), None)
            written = clean_spaces(nm.group())
            if alias is None:
                return PlaceRef(start, nm.end(), kind, written, None)
            level = "province" if kind in PROVINCE_KINDS and alias.kind == kind else "district"
            place = Place(name=written if level == "district" else alias.name, level=level, kind=kind, province=alias.province)
            return PlaceRef(start, nm.end(), kind, place.name, place)
        return PlaceRef(start, nm.end(), kind or place.kind, name_as_written(place, nm.group()), place)
    if km:
        run = CAP_RUN_RE.match(text, at)
        if run and starts_person_name(text, run.start()):
            run = None  # "Chủ tịch LĐLĐ huyện Dương Chí Biên": a person follows a bare kind word
        if run and NAME_NEVER_RE.match(run.group()):
            run = None  # "LĐLĐ huyện Khóa V": the committee's term, no place
        if run and not NATIONAL_RE.fullmatch(run.group()):
            canon = places.canonical_province(run.group())
            if canon and kind in PROVINCE_KINDS:
                p = gz.by_key.get(fold(canon), (None,))[0]
                return PlaceRef(start, run.end(), kind, canon, p)
            if kind not in PROVINCE_KINDS:
                p = Place(name=clean_spaces(run.group()), level="district", kind=kind, province=province) if province else None
                return PlaceRef(start, run.end(), kind, clean_spaces(run.group()), p)
            if former:
                # a province of the past the gazetteer does not know ("Liên hiệp công đoàn tỉnh
                # Cửu Long", 1976-1991), or a foreign one: named as written, never the article's own
                return PlaceRef(start, run.end(), kind, clean_spaces(run.group()), None)
        return PlaceRef(start, km.end(), kind, None, None)
    return None


def province_place(province: str | None) -> Place | None:
    if not province:
        return None
    return next((p for p in gazetteer().by_key.get(fold(province), ()) if p.level == "province"), None)


def home_place(province: str | None, home: str | None) -> Place | None:
    """The place a bare "tỉnh"/"thành phố" names: `home` (places.home_province), as the 2025
    unit it may be ("thành phố Huế", still in `province`'s row of the tables), else `province`."""
    if home and home != province and home in places.RENAMED_2025:
        return Place(name=home, level="province", kind=places.RENAMED_2025[home], province=province)
    return province_place(home or province)


# Every kind word ends in one of these words, a few words after its start ("thành phố"):
# a scan for them finds where KIND_RE, much slower to search with, may match.
assert not any("-" in k or "–" in k for k in KINDS)
KIND_CUE_RE = regex.compile("|".join(regex.escape(w) for w in sorted({k.split()[-1] for k in KINDS}, key=len, reverse=True)), _I)
KIND_WORDS_BEFORE_CUE = max(len(k.split()) - 1 for k in KINDS)


def kind_words(text: str) -> list["regex.Match[str]"]:
    """KIND_RE.finditer(text), as a list."""
    starts = set()
    for cue in KIND_CUE_RE.finditer(text):
        starts.add(cue.start())
        starts.update(words_before(text, cue.start(), KIND_WORDS_BEFORE_CUE))
    found: list[regex.Match[str]] = []
    for start in sorted(starts):
        if found and start < found[-1].end():
            continue
        km = KIND_RE.match(text, start)
        if km is not None:
            found.append(km)
    return found


def _named_places(text: str, province: str | None, level: str) -> list[PlaceRef]:
    """Places of `level` the text names with their kind word."""
    out = []
    for km in kind_words(text):
        ref = parse_place(text, km.start(), province)
        if ref is not None and not ref.bare and ref.place is not None and ref.place.level == level:
            out.append(ref)
    return out


def province_mentions(text: str) -> list[PlaceRef]:
    """Provinces the text names with the kind word "tỉnh" ("tại tỉnh Tây Ninh")."""
    return [ref for ref in _named_places(text, None, "province") if ref.place.kind == "tỉnh"]


def district_mentions(text: str, province: str | None) -> list[PlaceRef]:
    """Districts the text names with their kind word ("huyện Đam Rông"), for bare "LĐLĐ huyện"."""
    return _named_places(text, province, "district")
