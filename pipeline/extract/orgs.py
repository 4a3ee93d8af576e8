"""Trade-union organisations named in an article, each with its canonical name.

Three steps, each a pure function of the article:
1. `normalise`: a view of the body with abbreviations expanded (rules/abbreviations.csv and
   those the article defines for itself, "Liên đoàn Lao động (LĐLĐ)"), all-caps headlines in
   title case, keeping for every character the body span it came from;
2. `parse_candidates`: at every head word (Tổng Liên đoàn, Liên đoàn Lao động, Công đoàn) read
   the body's kind and name from the words after it. A candidate is complete ("Liên đoàn Lao
   động huyện Mỹ Đức") or bare ("LĐLĐ tỉnh", "Công đoàn ngành", "Công đoàn Viên chức");
3. `resolve`: complete a bare candidate from the article's province or from the nearest body
   of the same kind the article names; drop what cannot be completed.
Vocabularies live in rules/org_patterns.yaml; the gazetteer is pipeline.places'.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

import regex

from .. import places
from ..phrase_matcher import PhraseMatcher
from ..document import Document
from ..normalize import modern_tones
from ..records import OrgMention
from ..ruledata import load_table, load_yaml

RULES = load_yaml("org_patterns.yaml")
_I = regex.IGNORECASE | regex.V1
_B = r"(?<![\p{L}\p{N}])"   # word start
_E = r"(?![\p{L}\p{N}])"    # word end


def phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: words separated by any run of spaces, dashes by spaced or bare dashes."""
    parts = []
    for word in phrase.split():
        parts.append(r"\s*[-–]\s*" if word in ("-", "–") else regex.escape(word))
    out = ""
    for i, p in enumerate(parts):
        if i and not p.startswith(r"\s*") and not parts[i - 1].startswith(r"\s*"):
            out += r"[ \t]+"
        out += p
    return out.replace(r"\ ", r"[ \t]+")


def alternation(phrases) -> str:
    return "|".join(phrase_pattern(p) for p in sorted(set(phrases), key=len, reverse=True))


_DASH_RE = regex.compile(r"\s*[-–]\s*")
_SPACES_RE = regex.compile(r"\s+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Key for looking names up: case-folded, single spaces, dashes spaced."""
    return _SPACES_RE.sub(" ", _DASH_RE.sub(" - ", text.casefold())).strip()


# ---------------------------------------------------------------- abbreviations

@dataclass(frozen=True)
class Abbreviation:
    abbr: str
    expansion: str
    before_name: bool = False  # only right before a capitalised name
    not_after: str = ""        # words after which the letters mean something else ("Trường CĐ": cao đẳng)


ABBREVIATIONS = tuple(
    Abbreviation(r["abbr"], r["expansion"], r.get("context") == "before_name", (r.get("not_after") or "").strip())
    for r in load_table("abbreviations.csv") if r["scope"] in ("orgs", "all")
)


def abbreviation_regex(abbrs) -> "regex.Pattern[str]":
    """Whole-word abbreviations, never inside a document symbol ("KH-LĐLĐ", "56/KH-TLĐ")."""
    alts = []
    for a in sorted(abbrs, key=lambda a: len(a.abbr), reverse=True):
        tail = "" if a.abbr.endswith(".") else r"(?![\p{L}\p{N}]|[-/][\p{L}\p{N}])"
        ahead = r"(?=[ \t]*\p{Lu})" if a.before_name else ""
        behind = rf"(?<!(?:{a.not_after})[ \t]+)" if a.not_after else ""
        alts.append(behind + regex.escape(a.abbr) + tail + ahead)
    return regex.compile(r"(?<![\p{L}\p{N}]|[\p{L}\p{N}][-/])(?:" + "|".join(alts) + ")", regex.V1)


STATIC_ABBR_RE = abbreviation_regex(ABBREVIATIONS)
STATIC_EXPANSION = {a.abbr: a.expansion for a in ABBREVIATIONS}
KEEP_CAPS = frozenset(RULES["keep_caps"]) | frozenset(STATIC_EXPANSION)


@dataclass(frozen=True)
class Definition:
    """An abbreviation the article defines: "Liên đoàn Lao động (LĐLĐ)"."""

    abbr: str
    expansion: str
    start: int  # the " (ABBR)" span, removed from the normalised text
    end: int


_DEFINITION = regex.compile(r"[ \t]*\(([\p{Lu}][\p{Lu}&]{1,9})\)")
_WORD = regex.compile(r"[\p{L}\p{N}]+")


def initial(word: str) -> str:
    """First letter without diacritics (Đ kept apart from D): the letter abbreviations use."""
    c = word[0].upper()
    return c if c == "Đ" else unicodedata.normalize("NFD", c)[0]


def is_subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)


def learn_abbreviations(text: str) -> list[Definition]:
    """Abbreviations defined in parentheses after the words they stand for.

    The expansion is the shortest run of preceding words (same line) that starts with the
    abbreviation's first letter, ends on a word with its last letter (or one word later:
    "Than - Khoáng sản Việt Nam (TKV)"), contains its letters in order and is not much longer.
    """
    found = []
    for m in _DEFINITION.finditer(text):
        abbr = m.group(1).replace("&", "")
        line_start = text.rfind("\n", 0, m.start()) + 1
        words = list(_WORD.finditer(text, line_start, m.start()))[-12:]
        if not words or words[-1].end() != m.start():
            continue
        letters = [initial(w.group()) for w in words]
        best = None
        for i in range(len(words) - 1, -1, -1):
            if letters[i] != abbr[0]:
                continue
            for trailing in (0, 1):
                j = len(words) - trailing  # words[i:j] carry the letters
                if j - i < len(abbr) or j - i > len(abbr) + 2 or letters[j - 1] != abbr[-1]:
                    continue
                if is_subsequence(abbr, "".join(letters[i:j])):
                    best = i
                    # a capitalised trailing word belongs to the name ("Than - Khoáng sản Việt
                    # Nam (TKV)"); a lowercase one does not ("Liên đoàn Lao động tỉnh (LĐLĐ)")
                    last = words[-1] if trailing == 0 or is_capitalised(words[-1].group()) else words[j - 1]
                    break
            if best is not None:
                break
        if best is not None:
            found.append(Definition(m.group(1), text[words[best].start():last.end()], m.start(), m.end()))
    return found


# ---------------------------------------------------------------- normalised view

@dataclass(frozen=True)
class NormText:
    """The body rewritten for matching, in pieces: each a run of body characters copied as
    they are, or an edit's replacement (every character of which came from the edited span)."""

    text: str
    pieces: tuple[tuple[int, int, int, bool], ...]  # (start in text, body start, body end, copied), non-empty, in order
    piece_starts: tuple[int, ...]                    # each piece's start in text
    piece_body_starts: tuple[int, ...]               # each piece's body start

    def origin(self, i: int) -> tuple[int, int]:
        """The body span text[i] came from."""
        start, body_start, body_end, copied = self.pieces[bisect_right(self.piece_starts, i) - 1]
        if copied:
            return body_start + i - start, body_start + i - start + 1
        return body_start, body_end

    def body_span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin(start)[0], self.origin(end - 1)[1]

    def last_from(self, body_pos: int) -> int | None:
        """The last character of text that came from body[body_pos] alone, if any."""
        k = bisect_right(self.piece_body_starts, body_pos) - 1
        if k < 0:
            return None
        start, body_start, body_end, copied = self.pieces[k]
        if copied:
            return start + body_pos - body_start if body_pos < body_end else None
        if body_start == body_pos and body_end == body_pos + 1:  # a one-character span replaced
            end = self.piece_starts[k + 1] if k + 1 < len(self.pieces) else len(self.text)
            return end - 1
        return None


VOWELS = frozenset("AEIOUY")


def is_caps_syllable(word: str) -> bool:
    """An all-caps Vietnamese syllable ("ĐOÀN"), not an acronym ("TNHH", "LĐ", "XH")."""
    if word in KEEP_CAPS or len(word) < 2 or any(c.isdigit() for c in word):
        return False
    return any(unicodedata.normalize("NFD", c)[0] in VOWELS for c in word)


# Three words in a row with no lowercase letter, on one line: where every all-caps run
# title_case_headlines rewrites begins (a superset: digits and acronyms count here too).
_NOT_LOWER_WORD = r"[[\p{L}\p{N}]--\p{Ll}]+"
CAPS_RUN_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}]){_NOT_LOWER_WORD}(?:[^\p{{L}}\p{{N}}\n]+{_NOT_LOWER_WORD}){{2}}(?![\p{{L}}\p{{N}}])",
    regex.V1)


def title_case_headlines(text: str) -> str:
    """All-caps runs of three or more words in title case ("LIÊN ĐOÀN LAO ĐỘNG HUYỆN THỚI LAI").

    Known acronyms stay as they are; the length never changes, so offsets hold.
    """
    chars = None
    pos = 0
    while (cue := CAPS_RUN_RE.search(text, pos)) is not None:
        line_start = text.rfind("\n", 0, cue.start()) + 1
        line_end = text.find("\n", cue.end())
        pos = line_end = len(text) if line_end < 0 else line_end
        if chars is None:
            chars = list(text)
        title_case_line(text, line_start, line_end, chars)
    return text if chars is None else "".join(chars)


def title_case_line(text: str, line_start: int, line_end: int, chars: list[str]) -> None:
    """title_case_headlines on text[line_start:line_end], written into `chars`."""
    words = list(_WORD.finditer(text, line_start, line_end))
    run: list = []
    for w in words + [None]:
        caps = w is not None and w.group().isupper() and not w.group().isdigit()
        if caps:
            run.append(w)
            continue
        real = [x for x in run if is_caps_syllable(x.group())]
        if len(run) >= 3 and len(real) >= 2:
            for x in run:
                word = x.group()
                if not is_caps_syllable(word):
                    continue
                titled = word[0] + word[1:].lower()
                if len(titled) == len(word):
                    at = x.start()
                    chars[at:at + len(word)] = titled
        run = []


def normalise(body: str) -> NormText:
    """The body with abbreviations expanded, definitions dropped, headlines title-cased."""
    text = title_case_headlines(body)
    definitions = learn_abbreviations(text)
    edits: list[tuple[int, int, str]] = [(d.start, d.end, "") for d in definitions]
    removed = [(d.start, d.end) for d in definitions]
    learnt_re = abbreviation_regex([Abbreviation(d.abbr, d.expansion) for d in definitions]) if definitions else None
    learnt: dict[str, list[Definition]] = {}
    for d in definitions:
        learnt.setdefault(d.abbr, []).append(d)

    def taken(s: int, e: int) -> bool:
        return any(a < e and s < b for a, b, _ in edits)

    if learnt_re is not None:
        for m in learnt_re.finditer(text):
            defs = [d for d in learnt[m.group()] if d.end <= m.start()]
            if defs and not taken(m.start(), m.end()):
                edits.append((m.start(), m.end(), space_after(text, m.end(), defs[-1].expansion)))
    for m in STATIC_ABBR_RE.finditer(text):
        if not taken(m.start(), m.end()) and not any(a <= m.start() < b for a, b in removed):
            edits.append((m.start(), m.end(), space_after(text, m.end(), STATIC_EXPANSION[m.group()])))
    edits.sort()
    out: list[str] = []
    pieces: list[tuple[int, int, int, bool]] = []
    at = last = 0  # in the normalised text, in the body

    def add(piece: str, body_start: int, body_end: int, copied: bool) -> None:
        nonlocal at
        if piece:
            out.append(piece)
            pieces.append((at, body_start, body_end, copied))
            at += len(piece)

    for s, e, repl in edits:
        add(text[last:s], last, s, True)
        add(repl, s, e, False)
        last = e
    add(text[last:], last, len(text), True)
    return NormText("".join(out), tuple(pieces), tuple(p[0] for p in pieces), tuple(p[1] for p in pieces))


def space_after(text: str, end: int, expansion: str) -> str:
    """"TP.Hội An" -> "thành phố Hội An": an expansion glued to the next word gets a space."""
    return expansion + " " if end < len(text) and text[end].isalnum() else expansion


# ---------------------------------------------------------------- gazetteer

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
        entries.setdefault(fold(unit.name), []).append(unit)
    for alias, province in places.province_aliases().items():
        p = provinces.get(province)
        if p is not None and not regex.search(r"\.|\bTP|\bTp", alias):
            entries.setdefault(fold(alias), []).append(p)
    # the alternation of every name, looked up by the first word at the position
    name_re = PhraseMatcher(((key, phrase_pattern(key)) for key in sorted(entries, key=len, reverse=True)),
                            head=_B, tail=_E, ignore_case=True)
    return Gazetteer({k: tuple(v) for k, v in entries.items()}, name_re,
                     frozenset(fold(n) for n in places.NEEDS_KIND_WORD))


KINDS = RULES["place_kinds"]
KIND_RE = regex.compile(_B + "(?:" + alternation(KINDS) + ")" + _E, _I)
FUZZY_PROVINCE_KIND_RE = regex.compile(_B + r"(?:tỉnh){e<=1}" + _E, regex.V1)
SPACE_RE = regex.compile(r"[ \t]*")
CAP_RUN_RE = regex.compile(r"[\p{Lu}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:[ \t]+|[ \t]*-[ \t]*)[\p{Lu}\p{N}][\p{L}\p{M}\p{N}]*){0,3}", regex.V1)
NATIONAL = RULES["national_suffix"]
NATIONAL_RE = regex.compile(_B + phrase_pattern(NATIONAL) + _E, _I)
PROVINCE_KINDS = frozenset(RULES["province_kinds"])
DISTRICT_ONLY_KINDS = frozenset(RULES["district_only_kinds"])


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


def parse_place(text: str, pos: int, province: str | None, bare_names: str = "any") -> PlaceRef | None:
    """A place right at `pos`: "tỉnh Bắc Kạn", "huyện Mỹ Đức", "Diễn Châu", "thành phố Huế", "tỉnh".

    A name without a kind word counts only as a province's own name when `bare_names` is
    "province" (after "Công đoàn", where "Công đoàn Thủ đô" is the capital's union movement).
    """
    gz = gazetteer()
    start = SPACE_RE.match(text, pos).end()
    kind = None
    at = start
    km = KIND_RE.match(text, at)
    if km:
        kind = KINDS[fold(km.group())] if fold(km.group()) in KINDS else fold(km.group())
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
        name = place.name if fold(place.name) == key or place.level == "province" else clean_spaces(nm.group())
        return PlaceRef(start, nm.end(), kind or place.kind, name, place)
    if km:
        run = CAP_RUN_RE.match(text, at)
        if run and starts_person_name(text, run.start()):
            run = None  # "Chủ tịch LĐLĐ huyện Dương Chí Biên": a person follows a bare kind word
        if run and not NATIONAL_RE.fullmatch(run.group()):
            canon = places.canonical_province(run.group())
            if canon and kind in PROVINCE_KINDS:
                p = gz.by_key.get(fold(canon), (None,))[0]
                return PlaceRef(start, run.end(), kind, canon, p)
            if kind not in PROVINCE_KINDS:
                p = Place(name=clean_spaces(run.group()), level="district", kind=kind, province=province) if province else None
                return PlaceRef(start, run.end(), kind, clean_spaces(run.group()), p)
        return PlaceRef(start, km.end(), kind, None, None)
    return None


def province_place(province: str | None) -> Place | None:
    if not province:
        return None
    return next((p for p in gazetteer().by_key.get(fold(province), ()) if p.level == "province"), None)


# ---------------------------------------------------------------- candidates

CANON = RULES["canonical"]
HEAD_RE = regex.compile(
    _B + r"(?:(?P<tong>Tổng[ \t]+Liên[ \t]+đoàn(?:[ \t]+Lao[ \t]+động)?)"
    r"|(?P<ldld>Liên[ \t]+đoàn[ \t]+Lao[ \t]+động)|(?P<cd>Công[ \t]+đoàn))" + _E, _I)
# Anchored at the end of what they search ("the 60 characters before a head"): searched
# backwards ((?r)), they are tried from the end only, not at every position.
PLURAL_BEFORE_RE = regex.compile(r"(?r)" + _B + r"(?:" + "|".join(RULES["plural_before"]) + r")[ \t]+$", _I)
GENERIC_AFTER_RE = regex.compile(r"[ \t]+(?:" + "|".join(RULES["generic_after"]) + r")" + _E, _I)
COORD_RE = regex.compile(r"[ \t]*(?:,|và)[ \t]*", _I)
KIND_LIST_RE = regex.compile(r"[ \t]*(?:,|/|và|hoặc)[ \t]*(?:" + alternation(KINDS) + ")" + _E, _I)
CO_SO_RE = regex.compile(r"[ \t]+cơ[ \t]+sở" + _E, _I)
VIEN_CHUC_RE = regex.compile(r"[ \t]+viên[ \t]+chức" + _E, _I)
SECTOR_HEAD_RE = regex.compile(r"[ \t]+(?P<head>" + alternation(RULES["sector_heads"]) + ")" + _E, _I)
SECTORS = {fold(s): s for s in RULES["sectors"]}
SECTOR_LEVEL_RE = regex.compile(r"[ \t]+(?:" + alternation(RULES["sector_levels"]) + ")" + _E, _I)
CORPORATE_SECTORS = {fold(s): s for s in RULES["corporate_sectors"]}
SECTOR_RE = regex.compile(r"[ \t]+(?:" + alternation(list(SECTORS.values()) + list(CORPORATE_SECTORS.values())) + ")" + _E, _I)
LEXICON_NATIONAL_RE = regex.compile(
    r"[ \t]+(?P<name>" + alternation(list(SECTORS.values()) + list(CORPORATE_SECTORS.values())) + r")[ \t]+"
    + phrase_pattern(NATIONAL) + _E, _I)
ZONES = {fold(z): z for z in RULES["zone_kinds"]}
ZONE_RE = regex.compile(r"[ \t]+(?P<cac>các[ \t]+)?(?P<zone>" + alternation(ZONES.values()) + ")" + _E, _I)
CORP_HEAD_RE = regex.compile(r"[ \t]+(?P<head>" + alternation(RULES["corporation_heads"]) + ")" + _E, _I)
UNIT_HEAD_RE = regex.compile(r"(?:" + alternation(RULES["unit_heads"]) + ")" + _E, _I)
PLACE_UNIT_HEADS = frozenset(fold(h) for h in RULES["place_unit_heads"])
NAME_LOWER_RE = regex.compile(r"(?:" + alternation(RULES["name_lowercase"]) + ")" + _E, _I)
NAME_CANNOT_END = frozenset(fold(w) for w in RULES["name_cannot_end"])
NAME_STOP_RE = regex.compile(r"(?:" + alternation(RULES["name_stop"]) + ")" + _E, _I)
NAME_NEVER = frozenset(RULES["name_never"])
SURNAMES = frozenset(RULES["person_surnames"])
PERSON_TITLE_RE = regex.compile(r"(?r)" + _B + r"(?:" + alternation(RULES["person_titles"]) + r")[^.;,\n]{0,40}$", _I)
TOKEN_RE = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’&]*", regex.V1)
SEP_RE = regex.compile(r"[ \t]*[-–&][ \t]*|[ \t]+", regex.V1)
NATIONAL_NAME_RE = regex.compile(
    r"[ \t]+(?P<name>\p{Lu}[\p{L}\p{M}]*(?:(?:[ \t]+|[ \t]*[-–][ \t]*)[\p{L}\p{M}]+){0,3}?)[ \t]+"
    + phrase_pattern(NATIONAL) + _E, regex.V1)
ORG_LEVEL = RULES["org_types"]


def is_capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def clean_spaces(text: str) -> str:
    return regex.sub(r"\s*[-–]\s*", " - ", regex.sub(r"[ \t]+", " ", text.strip()))


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


def written_place(text: str, ref: PlaceRef) -> str:
    """A place as part of a union's name: with its kind word only where the text writes one."""
    if KIND_RE.match(text, ref.start) or FUZZY_PROVINCE_KIND_RE.match(text, ref.start):
        kind = ref.place.kind if ref.place and ref.place.level == "province" else ref.kind
        return f"{kind} {ref.name}"
    return ref.name


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


WordEnd = Callable[[int], "int | None"]  # normalised position -> end of the segmenter's word there


@dataclass(frozen=True)
class UnitName:
    end: int
    name: str               # as it will stand in the canonical name
    need: str | None = None # the name ends in a bare "Liên đoàn Lao động [kind]" ("ldld") or bare "tỉnh" ("place")
    kind: str | None = None # that kind word ("" for none)


LINE_HEADS = frozenset(fold(h) for h in RULES["line_heads"])
GENERIC_NAME_RE = regex.compile(r"(?<!\p{L})(?:" + "|".join(regex.escape(fold(w)) for w in sorted(
    set(RULES["unit_heads"]) | set(RULES["legal_forms"]), key=len, reverse=True)) + r")(?!\p{L})")
LOWER_HEAD_OK = frozenset(fold(h) for h in RULES["lowercase_unit_heads"])
LEGAL_FORMS = frozenset(fold(f) for f in RULES["legal_forms"])
LINE_MAX_WORDS = int(RULES["line_max_words"])
RUN_STOP_RE = regex.compile(r"(?:" + alternation(RULES["name_run_stop"]) + ")" + _E, regex.V1)
LOWER_WORD_RE = regex.compile(r"\p{Ll}[\p{Ll}\p{M}]*(?![\p{L}\p{M}\p{N}])", regex.V1)
BLANK_RE = regex.compile(r"[ \t]+")


def business_line_end(text: str, pos: int, person_nearby: bool) -> int | None:
    """End of a run of lowercase words at `pos` that a unit's proper name follows
    ("thủy sản" in "Chế biến thủy sản Minh Hải"), else None: at most a few words, no
    punctuation, no verb of what the union did, and a capitalised word after it that is
    not another body or a person."""
    at, end = pos, None
    for _ in range(LINE_MAX_WORDS):
        word = LOWER_WORD_RE.match(text, at)
        if word is None or NAME_STOP_RE.match(text, at) or RUN_STOP_RE.match(text, at):
            return None
        end = word.end()
        gap = BLANK_RE.match(text, end)
        if gap is None:
            return None
        at = gap.end()
        nxt = TOKEN_RE.match(text, at)
        if nxt is None:
            return None
        if is_capitalised(nxt.group()):
            if (nxt.group() in NAME_NEVER or HEAD_RE.match(text, at) or UNIT_HEAD_RE.match(text, at)
                    or (person_nearby and starts_person_name(text, at))):
                return None
            return end
    return None


PERSON_NAME_RE = regex.compile(
    r"(?P<surname>\p{Lu}[\p{Ll}\p{M}]*+)(?:[ \t]+\p{Lu}[\p{Ll}\p{M}]*+){1,3}(?![\p{L}\p{M}\p{N}]|[ \t]*[\p{Lu}\p{N}])",
    regex.V1)


def starts_person_name(text: str, pos: int) -> bool:
    """A surname opening a run of 2-4 capitalised syllables that nothing capitalised follows."""
    m = PERSON_NAME_RE.match(text, pos)
    return m is not None and m.group("surname") in SURNAMES


def no_words(pos: int) -> int | None:
    return None


def parse_unit_name(text: str, pos: int, need_head: bool, person_nearby: bool,
                    province: str | None, word_end: WordEnd = no_words, business: bool = False) -> UnitName | None:
    """The name of a workplace, school, commune or agency at `pos` ("Công ty TNHH Amo Vina").

    Capitalised words and acronyms belong to the name; a lowercase word only where it is a
    usual part of names (name_lowercase), the rest of a word begun by a capitalised syllable
    ("Đa khoa", "Tỉnh ủy", "Giáo dục và Đào tạo": `word_end` gives the word segmenter's
    words), or a capitalised word follows it at once. A federation inside the name ("Cơ quan
    Liên đoàn Lao động tỉnh") is read as one. A business's, hospital's or centre's name
    (`business`, or one of line_heads) may hold a lowercase line of business after its head,
    its legal form or a word such as "Chế biến" ("Công ty TNHH Chế biến thủy sản Minh Hải"):
    see `business_line_end`.
    """
    start = SPACE_RE.match(text, pos).end()
    tokens: list[tuple[int, bool, str]] = []  # (end, capitalised, folded word)
    word_start = start  # where the last capitalised word began
    if need_head:
        hm = UNIT_HEAD_RE.match(text, start)
        if not hm:
            return None
        head = fold(hm.group())
        nxt = SPACE_RE.match(text, hm.end()).end()
        if head in PLACE_UNIT_HEADS and not (nxt < len(text) and is_capitalised(text[nxt])):
            return None  # "xã hội", "phường, xã"
        if not is_capitalised(hm.group()) and head not in PLACE_UNIT_HEADS and not (
                head in LOWER_HEAD_OK and nxt < len(text) and is_capitalised(text[nxt])):
            return None  # "công ty" as a common noun; "Công đoàn trường Tiểu học X" is a school's
        tokens.append((hm.end(), False, head))
        business = business or head in LINE_HEADS
    elif UNIT_HEAD_RE.match(text, start):  # "Công đoàn cơ sở xã Đào Viên": a head is welcome here too
        headed = parse_unit_name(text, start, True, person_nearby, province, word_end)
        if headed is not None:
            return headed
    end = tokens[-1][0] if tokens else start
    if not need_head:
        first = TOKEN_RE.match(text, start)
        if first is None or not is_capitalised(first.group()) or first.group() in NAME_NEVER:
            return None
    ldld_tail, ldld_kind = "", None
    # a business line may follow the head, a legal form, or the line's first word ("Chế biến", "May")
    line_open = business
    after_opener = business  # the last word was the head or a legal form
    # a commune's or ward's name is its capitalised syllables: the segmenter's compounds
    # ("Hội Thịnh đạt": thịnh_đạt "prosperous") never carry it on
    place_name = bool(tokens) and tokens[0][2] in PLACE_UNIT_HEADS
    while True:
        if tokens:
            sep = SEP_RE.match(text, end)
            if sep is None or not sep.group():
                break
            p = sep.end()
        else:
            sep, p = None, end
        head = HEAD_RE.match(text, p)
        if head is not None:
            if head.group("ldld") and tokens:
                sub = parse_ldld(text, p, head.end(), province, False, 0.9)
                if sub is not None and sub.canonical:
                    ldld_tail, end = sub.canonical, sub.end
                else:
                    ldld_tail, ldld_kind = CANON["ldld"], (sub.kind if sub is not None else "")
                    end = sub.end if sub is not None else head.end()
            break
        if NAME_STOP_RE.match(text, p):
            break
        tok = TOKEN_RE.match(text, p)
        if tok is None:
            break
        word = tok.group()
        if is_capitalised(word):
            if word in NAME_NEVER or (person_nearby and len(tokens) >= 2 and starts_person_name(text, tok.start())):
                break
            tokens.append((tok.end(), True, fold(word)))
            end, word_start = tok.end(), tok.start()
            line_open = business and (after_opener or fold(word) in LEGAL_FORMS)
            after_opener = business and fold(word) in LEGAL_FORMS
            continue
        compound = word_end(word_start) if sep is not None and not sep.group().strip() else None
        if compound is not None and compound > p and not place_name and not NAME_STOP_RE.match(text, p):
            # the rest of a word begun by a capitalised syllable: "Đa khoa", "Tỉnh ủy"
            tokens.append((compound, True, fold(text[p:compound])))
            end = compound
            line_open = business
            after_opener = business and fold(text[word_start:compound]) in LEGAL_FORMS  # "Cổ phần"
            continue
        if place_name or not tokens:
            break  # a commune's name is its capitalised syllables; a name opens with one
        if fold(word) == "và":  # "Công ty A và Công đoàn ...", "Trường A và Trường B": two bodies
            after = SPACE_RE.match(text, tok.end()).end()
            other = UNIT_HEAD_RE.match(text, after)
            if HEAD_RE.match(text, after) or (other and tokens and fold(other.group()) == tokens[0][2]):
                break
        low = NAME_LOWER_RE.match(text, p)
        if low:
            tokens.append((low.end(), False, fold(low.group())))
            end = low.end()
            legal = fold(low.group()) in LEGAL_FORMS
            line_open = business and (line_open or legal)
            after_opener = business and (after_opener or legal)
            continue
        sep2 = SEP_RE.match(text, tok.end())
        nxt = TOKEN_RE.match(text, sep2.end()) if sep2 and sep2.group() else None
        if nxt is not None and HEAD_RE.match(text, nxt.start()):
            nxt = None  # "... Bưu chính Việt Nam thành Công đoàn ...": another body begins
        if nxt is None or not is_capitalised(nxt.group()) or nxt.group() in NAME_NEVER:
            line_end = business_line_end(text, p, person_nearby) if line_open else None
            if line_end is None:
                break
            tokens.append((line_end, False, fold(text[p:line_end])))
            end = line_end
            line_open = after_opener = False
            continue
        tokens.append((tok.end(), False, fold(word)))
        end = tok.end()
    if not ldld_tail:
        bare_kind = None
        while tokens and not tokens[-1][1] and tokens[-1][2] in NAME_CANNOT_END:
            if bare_kind is None and len(tokens) > 1 and tokens[-1][2] in PROVINCE_KINDS:
                bare_kind = (tokens[-1][0], tokens[-1][2])  # "Sở Giáo dục và Đào tạo tỉnh": the article's
            tokens.pop()
        if not any(cap for _, cap, _ in tokens):
            return None
        name = clean_spaces(text[start:tokens[-1][0]])
        if not GENERIC_NAME_RE.sub("", fold(name)).strip():
            return None  # "Công đoàn cơ sở Công ty TNHH": a head and a legal form name no one
        if bare_kind is not None and bare_kind[0] > tokens[-1][0]:
            return UnitName(bare_kind[0], name, "place", bare_kind[1])
        return UnitName(tokens[-1][0], name)
    lead_end = tokens[-1][0] if tokens else start
    lead = clean_spaces(text[start:lead_end])
    return UnitName(end, f"{lead} {ldld_tail}".strip(), "ldld" if ldld_kind is not None else None, ldld_kind)


def unit_candidate(text: str, start: int, unit: UnitName, prefix: str, org_type: str, conf: float,
                   province: str | None) -> Candidate:
    name = f"{prefix} {unit.name}"
    if unit.need == "ldld":
        stem = name[: len(name) - len(CANON["ldld"])].rstrip()
        return Candidate(start, unit.end, org_type, None, need="unit_ldld", kind=unit.kind,
                         stem=stem, confidence=conf - 0.1)
    if unit.need == "place":
        return Candidate(start, unit.end, org_type, None, need="unit_place", kind=unit.kind, stem=name,
                         confidence=conf - 0.1)
    return Candidate(start, unit.end, org_type, name, unit_province(text, start, unit.end, province), confidence=conf)


def unit_province(text: str, start: int, end: int, province: str | None) -> str | None:
    """The province of the last place a unit's name gives: "... tỉnh Đồng Tháp", "... Cao su Đồng Nai"."""
    found = None
    for tok in TOKEN_RE.finditer(text, start, end):
        ref = parse_place(text, tok.start(), province, bare_names="province")
        if ref is not None and ref.place is not None and ref.end <= end:
            found = ref.place.province
    return found


def sector_name(text: str, pos: int, word_end: WordEnd) -> tuple[str, int] | None:
    """The sector after "Công đoàn ngành": from the lexicons, else its name up to a place ("Dệt may Nam Định")."""
    sm = SECTOR_RE.match(text, pos)
    if sm:
        key = fold(sm.group())
        return SECTORS.get(key) or CORPORATE_SECTORS.get(key) or clean_spaces(sm.group()), sm.end()
    unit = parse_unit_name(text, pos, False, False, None, word_end)
    if unit is None or unit.need:
        return None
    at = SPACE_RE.match(text, pos).end()
    end = unit.end
    for tok in TOKEN_RE.finditer(text, at, unit.end):
        if tok.start() > at and (KIND_RE.match(text, tok.start()) or gazetteer().name_re.match(text, tok.start())):
            end = text.rfind(" ", at, tok.start())
            break
    if end <= at:
        return None
    return clean_spaces(text[at:end]), end


def parse_cd(text: str, start: int, end: int, lower: bool, plural: bool, person_nearby: bool,
             province: str | None, word_end: WordEnd = no_words) -> Candidate | None:
    """"Công đoàn" + what names one body: cơ sở X, Viên chức, ngành X, Khu công nghiệp, a unit, a place."""
    conf = 0.85 if lower else 0.95
    if GENERIC_AFTER_RE.match(text, end):
        return None
    cs = CO_SO_RE.match(text, end)
    if cs:
        unit = parse_unit_name(text, cs.end(), False, person_nearby, province, word_end)
        return unit_candidate(text, start, unit, CANON["cdcs"], "cdcs", conf, province) if unit else None
    vc = VIEN_CHUC_RE.match(text, end)
    if vc:
        after = SPACE_RE.match(text, vc.end()).end()
        nat = NATIONAL_RE.match(text, after)
        if nat:
            return Candidate(start, nat.end(), "cd_vien_chuc", f"{CANON['vien_chuc']} {NATIONAL}", confidence=conf)
        ref = parse_place(text, vc.end(), province)
        if ref is not None and not ref.bare:
            kind = ref.place.kind if ref.place and ref.place.level == "province" else ref.kind
            return Candidate(start, ref.end, "cd_vien_chuc", f"{CANON['vien_chuc']} {kind} {ref.name}",
                             ref.place.province if ref.place else None, confidence=conf)
        if plural or (lower and ref is None and not is_capitalised(text[vc.start():].strip())):
            return None  # "công đoàn viên chức" alone may be the union of the civil servants anywhere
        return Candidate(start, ref.end if ref else vc.end(), "cd_vien_chuc", None, need="vien_chuc",
                         confidence=conf - 0.1)
    sh = SECTOR_HEAD_RE.match(text, end)
    if sh:
        if SECTOR_LEVEL_RE.match(text, sh.end()):
            return None  # "công đoàn ngành Trung ương": a level of the system, no one body
        found = sector_name(text, sh.end(), word_end)
        if found is None:
            if plural or text[sh.end():sh.end() + 1] == ",":
                return None  # "các công đoàn ngành, địa phương"
            return Candidate(start, sh.end(), "cd_sector", None, need="sector", confidence=conf - 0.1)
        sector, send = found
        stem = f"{CANON['cd']} {fold(sh.group('head'))} {sector}"
        nat = NATIONAL_RE.match(text, SPACE_RE.match(text, send).end())
        if nat:
            return Candidate(start, nat.end(), "cd_sector", f"{stem} {NATIONAL}", confidence=conf)
        ref = parse_place(text, send, province)
        if ref is not None and not ref.bare:
            return Candidate(start, ref.end, "cd_sector", f"{stem} {written_place(text, ref)}",
                             ref.place.province if ref.place else None, confidence=conf,
                             level=ref.place.level if ref.place else None)
        if ref is not None:  # "Công đoàn ngành Giáo dục tỉnh"
            return Candidate(start, ref.end, "cd_sector", None, need="sector_place", kind=ref.kind, stem=stem,
                             confidence=conf - 0.1)
        if fold(sector) in CORPORATE_SECTORS:  # "Công đoàn ngành Dầu khí": one union for the whole country
            return Candidate(start, send, "cd_sector", stem, confidence=conf, level="national")
        return Candidate(start, send, "cd_sector", None, need="sector_place", stem=stem, confidence=conf)
    zm = ZONE_RE.match(text, end)
    if zm:
        stem = f"{CANON['cd']} {'các ' if zm.group('cac') else ''}{ZONES[fold(zm.group('zone'))]}"
        ref = parse_place(text, zm.end(), province)
        if ref is not None and not ref.bare:
            return Candidate(start, ref.end, "cd_industrial_zone", f"{stem} {written_place(text, ref)}",
                             ref.place.province if ref.place else None, confidence=conf)
        if ref is not None:
            return Candidate(start, ref.end, "cd_industrial_zone", None, need="zone_place", kind=ref.kind,
                             stem=stem, confidence=conf - 0.1)
        run = CAP_RUN_RE.match(text, SPACE_RE.match(text, zm.end()).end())
        if run and run.start() > zm.end():
            return Candidate(start, run.end(), "cd_industrial_zone", f"{stem} {clean_spaces(run.group())}",
                             confidence=conf)
        if plural:
            return None
        return Candidate(start, zm.end(), "cd_industrial_zone", None, need="zone_place", kind=None, stem=stem,
                         confidence=conf - 0.1)
    ln = LEXICON_NATIONAL_RE.match(text, end)
    if ln:
        key = fold(ln.group("name"))
        org_type = "cd_sector" if key in SECTORS else "cd_corporation"
        name = SECTORS.get(key) or CORPORATE_SECTORS.get(key)
        return Candidate(start, ln.end(), org_type, f"{CANON['cd']} {name} {NATIONAL}", confidence=conf)
    ch = CORP_HEAD_RE.match(text, end)
    if ch:
        unit = parse_unit_name(text, ch.end(), False, person_nearby, province, word_end, business=True)
        if unit:
            return unit_candidate(text, start, unit, f"{CANON['cd']} {ch.group('head').strip()}", "cd_corporation",
                                  conf, province)
    unit = parse_unit_name(text, end, True, person_nearby, province, word_end)
    if unit:
        return unit_candidate(text, start, unit, CANON["cd"], "cdcs", conf, province)
    sm = SECTOR_RE.match(text, end)  # "Công đoàn Giáo dục tỉnh X": a sector union without "ngành"
    if sm:
        ref = parse_place(text, sm.end(), province)
        key = fold(sm.group())
        stem = f"{CANON['cd']} {SECTORS.get(key) or CORPORATE_SECTORS.get(key)}"
        if ref is not None and not ref.bare and ref.place is not None:
            return Candidate(start, ref.end, "cd_sector", f"{stem} {written_place(text, ref)}",
                             ref.place.province, confidence=conf - 0.1, level=ref.place.level)
        if ref is not None and ref.kind in PROVINCE_KINDS and not plural:  # "Công đoàn Giáo dục tỉnh"
            return Candidate(start, ref.end, "cd_sector", None, need="sector_place", kind=ref.kind, stem=stem,
                             confidence=conf - 0.15)
    ref = parse_place(text, end, province, bare_names="province")
    if ref is not None:
        if not ref.bare:  # "Công đoàn tỉnh X" is the federation of X
            canonical, org_type, prov = ldld_from_place(ref)
            return Candidate(start, ref.end, org_type, canonical, prov, confidence=conf - 0.1)
        if plural or KIND_LIST_RE.match(text, ref.end):
            return None
        return Candidate(start, ref.end, "ldld_district", None, need="ldld", kind=ref.kind, confidence=conf - 0.15)
    nn = NATIONAL_NAME_RE.match(text, end)
    if nn:
        return Candidate(start, nn.end(), "cd_corporation", f"{CANON['cd']} {clean_spaces(nn.group('name'))} {NATIONAL}",
                         confidence=conf - 0.15)
    return None


# Every head holds "đoàn" once, after one or two words ("Công", "Liên", "Tổng Liên") and
# blanks: a scan for the word finds where HEAD_RE, much slower to search with, may match.
HEAD_CUE_RE = regex.compile(r"đoàn", _I)
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


def next_head(text: str, pos: int) -> "regex.Match[str] | None":
    """HEAD_RE.search(text, pos): tried only where one or two words and blanks lead to a "đoàn"."""
    scan = pos
    while (cue := HEAD_CUE_RE.search(text, scan)) is not None:
        for start in reversed(words_before(text, cue.start(), 2)):  # the leftmost start first
            if start >= pos and (m := HEAD_RE.match(text, start)) is not None:
                return m
        scan = cue.end()
    return None


def parse_candidates(text: str, province: str | None, word_end: WordEnd = no_words) -> list[Candidate]:
    """Every union body named in the normalised text, left to right, not overlapping."""
    found: list[Candidate] = []
    pos = 0
    while True:
        m = next_head(text, pos)
        if m is None:
            break
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[max(line_start, m.start() - 60):m.start()]
        plural = bool(PLURAL_BEFORE_RE.search(before))
        listed: list[Candidate] = []
        if m.group("tong"):
            nat = NATIONAL_RE.match(text, SPACE_RE.match(text, m.end()).end())
            end = nat.end() if nat else m.end()
            cand = Candidate(m.start(), end, "tong_ldld", CANON["tong_ldld"])
        elif m.group("ldld"):
            cand = parse_ldld(text, m.start(), m.end(), province, plural, 0.95)
            if cand is not None and cand.canonical and not plural:
                listed = coordinated_ldld(text, cand, province)
        else:
            cand = parse_cd(text, m.start(), m.end(), m.group()[0].islower(), plural,
                            bool(PERSON_TITLE_RE.search(before)), province, word_end)
        if cand is not None:
            # "các công đoàn ngành Trung ương", "các cấp công đoàn ngành Giáo dục": a plural
            # names a category; only a body named in full ("các cấp Công đoàn Viên chức Việt
            # Nam") is one organisation, never one completed from the context
            if not (plural and cand.canonical is None):
                found.append(cand)
            found += listed
            pos = listed[-1].end if listed else cand.end
        else:
            pos = m.end()
    return found


def coordinated_ldld(text: str, first: Candidate, province: str | None) -> list[Candidate]:
    """Places listed after a named federation share its head: "Liên đoàn Lao động huyện Đại
    Lộc, thị xã Điện Bàn, thành phố Hội An" names three federations. Only places of the
    first one's level count: "LĐLĐ huyện Đại Lộc, tỉnh Quảng Nam" locates the district."""
    level = first.org_type
    out: list[Candidate] = []
    end = first.end
    while True:
        sep = COORD_RE.match(text, end)
        if sep is None or not KIND_RE.match(text, sep.end()):
            return out
        ref = parse_place(text, sep.end(), province)
        if ref is None or ref.bare or ref.place is None:
            return out
        canonical, org_type, prov = ldld_from_place(ref)
        if org_type != level:
            return out
        out.append(Candidate(ref.start, ref.end, org_type, canonical, prov, confidence=0.85))
        end = ref.end


# ---------------------------------------------------------------- resolution

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


def district_mentions(text: str, province: str | None) -> list[PlaceRef]:
    """Districts the text names with their kind word ("huyện Đam Rông"), for bare "LĐLĐ huyện"."""
    out = []
    for km in kind_words(text):
        ref = parse_place(text, km.start(), province)
        if ref is not None and not ref.bare and ref.place is not None and ref.place.level == "district":
            out.append(ref)
    return out


def nearest(items, pos: int):
    """The item ending last before `pos`, else the first one after it."""
    before = [x for x in items if x.end <= pos]
    if before:
        return max(before, key=lambda x: x.end)
    after = [x for x in items if x.start >= pos]
    return min(after, key=lambda x: x.start) if after else None


def resolve_place(kind: str | None, pos: int, named: list[Candidate], province: str | None,
                  districts: list[PlaceRef]) -> Place | None:
    """The place a bare kind word stands for: the article's province for "tỉnh" (and for
    "thành phố" in a centrally-run city), else the nearest district of that kind the article
    names, as a federation or as a place."""
    home = province_place(province)
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
                 districts: list[PlaceRef]) -> tuple[str, str, str | None] | None:
    """(canonical, org_type, province) of a bare federation ("LĐLĐ tỉnh", "LĐLĐ huyện")."""
    place = resolve_place(kind, pos, named, province, districts)
    if place is None:
        return None
    return f"{CANON['ldld']} {place.kind} {place.name}", f"ldld_{place.level}", place.province


def resolve(cands: list[Candidate], text: str, province: str | None) -> list[Candidate]:
    """Complete bare candidates (see module doc); drop those that stay bare."""
    named = [c for c in cands if c.canonical]
    districts: list[PlaceRef] | None = None
    home = province_place(province)
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
                    r = resolve_ldld(c.kind, c.start, named, province, districts)
                    if r is not None:
                        done = replace(c, canonical=f"{c.stem} {r[0]}", province=r[2], confidence=conf)
            else:
                r = resolve_ldld(c.kind, c.start, named, province, districts)
                if r is not None:
                    done = replace(c, canonical=r[0], org_type=r[1], province=r[2], confidence=conf)
        elif c.need == "unit_place":
            if districts is None:
                districts = district_mentions(text, province)
            place = resolve_place(c.kind, c.start, named, province, districts)
            if place is not None:
                done = replace(c, canonical=f"{c.stem} {place.kind} {place.name}", province=place.province,
                               confidence=conf)
            else:
                done = replace(c, canonical=c.stem, confidence=conf)
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
                place = resolve_place(c.kind, c.start, named, province, districts) if c.kind else home
                if place is not None:
                    # the kind word stays where the text writes one; a zone's place always has it
                    written = f"{place.kind} {place.name}" if c.kind or c.need == "zone_place" else place.name
                    done = replace(c, canonical=f"{c.stem} {written}", province=place.province, confidence=conf)
                elif c.need == "sector_place" and not c.kind:
                    done = replace(c, canonical=c.stem, confidence=conf)
        if done is not None:
            out.append(done)
    return out


# ---------------------------------------------------------------- the extractor



def level_of(c: Candidate) -> str:
    if c.org_type != "cdcs" and c.canonical.endswith(" " + NATIONAL):
        return "national"
    return c.level or ORG_LEVEL[c.org_type]


def segmenter_words(doc: Document, norm: NormText) -> WordEnd:
    """`word_end` over the normalised text: underthesea's words (sentences segmented on demand),
    and each expanded abbreviation as one word."""
    def word_end(pos: int) -> int | None:
        body_pos, body_end = norm.origin(pos)
        if body_end != body_pos + 1:  # an expanded abbreviation is one word: "Ủy ban nhân dân"
            end = pos
            while end < len(norm.text) and norm.origin(end) == (body_pos, body_end):
                end += 1
            return end
        sentence = doc.sentence_at(body_pos)
        if sentence is None:
            return None
        for token in sentence.tokens:
            if token.start <= body_pos < token.end:
                last = norm.last_from(token.end - 1)
                return None if last is None else last + 1
        return None

    return word_end


def extract_orgs(doc: Document, province: str | None) -> list[OrgMention]:
    """One row per mention of a trade-union body in the body, with its canonical name."""
    norm = normalise(doc.body)
    found = resolve(parse_candidates(norm.text, province, segmenter_words(doc, norm)), norm.text, province)
    out = []
    for c in found:
        start, end = norm.body_span(c.start, c.end)
        level = level_of(c)
        canonical = modern_tones(c.canonical)
        out.append(OrgMention(
            **doc.provenance(start, end, "rule", round(min(max(c.confidence, 0.3), 1.0), 2)),
            canonical=canonical,
            org_type=c.org_type,
            level=level,
            province=None if level == "national" else (c.province or province),
        ))
    return out
