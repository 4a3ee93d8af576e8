"""Province gazetteer: place names in text, the article's province, the 2025 merger.

The gazetteer (rules/provinces.csv, districts.csv, province_2025.csv) is generated
from underthesea's bundled administrative data by scripts/build_gazetteer.py;
hand-kept short forms are in rules/place_aliases.csv and the matching and
weighting rules in rules/places.yaml. Everything is compiled once, at import.
"""
from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from .document import Document
from .normalize import normalize_string
from .phrase_matcher import WORD, PhraseMatcher, candidate_words
from .ruledata import load_table, load_yaml


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    text: str          # as written, e.g. "TP.HCM", "huyện Mỹ Đức"
    name: str          # canonical unit name, e.g. "Hồ Chí Minh", "Mỹ Đức"
    level: str         # "province" or "district"
    province: str      # the 63-province name the unit belongs to
    kind: str          # the unit's kind: tỉnh, thành phố, huyện, quận, thị xã


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


def tone_variants(name: str) -> set[str]:
    """Both tone placements of a name ('Khánh Hòa', 'Khánh Hoà'), to match text not yet normalised."""
    modern = modern_tone(name)
    return {modern, " ".join(_legacy_tone(w) for w in modern.split(" "))}


# ---------------------------------------------------------------- gazetteer

@lru_cache(maxsize=None)
def _provinces() -> tuple[Unit, ...]:
    return tuple(Unit(r["name"], "province", r["kind"], r["name"]) for r in load_table("provinces.csv"))


@lru_cache(maxsize=None)
def _districts() -> tuple[Unit, ...]:
    # underthesea's districts, and those merged away before 2025 that older news still names
    rows = load_table("districts.csv") + load_table("districts_historical.csv")
    return tuple(Unit(r["name"], "district", r["kind"], r["province"]) for r in rows)


@lru_cache(maxsize=None)
def _aliases() -> dict[str, str]:
    return {modern_tone(r["alias"]): r["province"] for r in load_table("place_aliases.csv")}


@lru_cache(maxsize=None)
def _crosswalk() -> dict[str, str]:
    return {r["province"]: r["province_2025"] for r in load_table("province_2025.csv")}


PROVINCE_NAMES: frozenset[str] = frozenset(u.name for u in _provinces())
_RULES = load_yaml("places.yaml")
_NEEDS_KIND = frozenset(modern_tone(n) for n in _RULES["needs_kind_word"])


def gazetteer_units() -> tuple[Unit, ...]:
    """Every provincial unit and district of the gazetteer, with its kind and province."""
    return _provinces() + _districts()


def province_aliases() -> dict[str, str]:
    """Hand-kept short and variant forms of provincial units -> their 63-province name."""
    return dict(_aliases())


# District names that count as places only after a kind word ("huyện Thống Nhất").
NEEDS_KIND_WORD: frozenset[str] = frozenset(_RULES["needs_kind_word"])


@lru_cache(maxsize=65536)
def _key(surface: str) -> str:
    """Lookup key of a written name: NFC, modern tone marks, dashes as spaces, single spaces."""
    text = unicodedata.normalize("NFC", surface)
    text = regex.sub(r"\s*[-–—]\s*", " ", text)
    return modern_tone(" ".join(text.split()))


def _units_by_key() -> dict[str, tuple[Unit, ...]]:
    table: dict[str, list[Unit]] = defaultdict(list)
    by_name = {u.name: u for u in _provinces()}
    for u in _provinces() + _districts():
        table[_key(u.name)].append(u)
    for alias, province in _aliases().items():
        table[_key(alias)].append(by_name[province])
    return {k: tuple(v) for k, v in table.items()}


UNITS_BY_KEY: dict[str, tuple[Unit, ...]] = _units_by_key()
_ALIAS_KEYS = frozenset(_key(a) for a in _aliases())
_COMMON_NOUN_ALIASES = frozenset(_key(a) for a in _RULES["common_noun_aliases"])


def _surface_patterns(name: str) -> list[tuple[str, str]]:
    """(surface, regex) for one name: each tone placement (and a province's name in capitals),
    flexible spaces, any dash (or none) between parts; longest first."""
    alts = {}
    for variant in tone_variants(name) | ({name.upper()} if name in PROVINCE_NAMES else set()):
        parts = regex.split(r"\s*-\s*", variant)
        # "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu", "Bà Rịa Vũng Tàu"
        alts[r"(?:\s*[-–—]\s*|\s+)".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in parts)] = variant
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
    written = {u.name for u in _provinces() + _districts()} | set(_aliases())
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
_UPPER_PROVINCES = {_key(n.upper()): n for n in PROVINCE_NAMES}
_BLOCKED_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:" + _kind_group(_RULES["blocking_words"]) + r")\s+$"
)


def _phrase_re(phrases: list[str]) -> regex.Pattern:
    alt = "|".join(sorted((regex.escape(p).replace(r"\ ", r"\s+") for p in phrases), key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alt})(?![\p{{L}}\p{{N}}])")


_NOT_PLACES = _phrase_re(_RULES["not_places"])
_NAME_CONTINUES = regex.compile(r"\s+\p{Lu}")
_SAME_PLACE_GAP = regex.compile(r"\s*[,(–-]?\s*")


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
    """'huyện Hòa Bình' is the huyện (Bạc Liêu), not the city of Hòa Bình; keep all if none fits."""
    word = hit.kind_word if hit.kind in ("district", "city") else None
    if not word:
        return cands
    unit_kind = _unit_kind_of(" ".join(word.split()))
    fitting = tuple(u for u in cands if u.kind == unit_kind)
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
        key = _key(text[m.name_start:m.end])
        units = _units_of(key)
        if not units:
            continue
        if m.kind is None and not _bare_allowed(text, m, units, key):
            continue
        out.append((m, _narrow_by_kind(_candidates(units, m.kind), m)))
    return out


def find_places(text: str) -> list[PlaceMatch]:
    """Every province/district/town/city name in `text`, longest match first, non-overlapping.

    A kind word before the name ("tỉnh", "TP.", "huyện", "thị xã") is part of the match.
    A district name shared by several provinces is kept only where the province named
    right after it decides ("huyện Châu Thành, tỉnh Tiền Giang").
    """
    blocked = [(m.start(), m.end()) for m in _NOT_PLACES.finditer(text)]
    raw = [(m, c) for m, c in _raw_matches(text) if not any(s < m.end and m.start < e for s, e in blocked)]
    found = []
    for i, (m, cands) in enumerate(raw):
        following = None
        if i + 1 < len(raw):
            nm, ncands = raw[i + 1]
            if _SAME_PLACE_GAP.fullmatch(text, m.end, nm.start) and ncands[0].level == "province":
                following = ncands[0]
        unit = _resolve(cands, following)
        if unit is not None:
            name = f"{unit.kind.capitalize()} {unit.name}" if unit.name.isdigit() else unit.name
            found.append(PlaceMatch(m.start, m.end, text[m.start:m.end], name, unit.level, unit.province, unit.kind))
    return found


def canonical_province(name: str) -> str | None:
    """A province name in any common form ("TP.HCM", "Huế", "tỉnh Bắc Kạn") -> its 63-province name."""
    if not name:
        return None
    text = " ".join(unicodedata.normalize("NFC", name).split())
    m = PLACES.fullmatch(text)
    if m is None:
        return None
    provinces = {u.province for u in _narrow_by_kind(_candidates(_units_of(_key(text[m.name_start:])), m.kind), m)}
    return provinces.pop() if len(provinces) == 1 else None


# ---------------------------------------------------------------- the article's province

_WEIGHTS = _RULES["weights"]
_PROVINCE_KIND = {u.name: u.kind for u in _provinces()}
_NATIONAL = _phrase_re(_RULES["national_signals"])
_LOCAL = {kind: _phrase_re(words) for kind, words in _RULES["local_signals"].items()}
_TEASER_LINE = regex.compile(
    r"^[ \t]*(?:" + "|".join(regex.escape(m) for m in _RULES["teaser_markers"]) + r")\b[^\n]{0,30}$", regex.M
)
# a union body's name ending right where a place begins: "Liên đoàn Lao động (LĐLĐ) tỉnh ",
# "Công đoàn khu công nghiệp ", "Chủ tịch LĐLĐ "
_UNION_HEAD = (
    r"(?<![\p{L}])(?:" + "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in _RULES["federation_heads"]) + r")"
)
_FEDERATION_BEFORE = regex.compile(
    _UNION_HEAD
    + r"(?:\s*\([^()\n]{1,12}\))?"
    + r"(?:\s+(?!(?:%s)(?![\p{L}]))[\p{L}]+){0,%d}\s*$"
    % ("|".join(regex.escape(w) for w in _RULES["federation_gap_breakers"]), _RULES["federation_gap_words"])
)

# a union body of the whole country: "Công đoàn Giáo dục Việt Nam", "Công đoàn Viên chức Việt Nam"
_NATIONAL_BODY = regex.compile(
    _UNION_HEAD
    + r"(?:\s+(?!Việt\s+Nam)[\p{L}]+){0,%d}\s+Việt\s+Nam(?![\p{L}])" % _RULES["federation_gap_words"]
)


def _national_spans(text: str) -> list[tuple[int, int]]:
    """Non-overlapping mentions of the union system as a whole ("Tổng Liên đoàn ..." once, not twice)."""
    spans = sorted({m.span() for m in _NATIONAL.finditer(text)} | {m.span() for m in _NATIONAL_BODY.finditer(text)})
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


def _evidence_end(body: str) -> int:
    """Where the article ends and related-article teasers begin."""
    m = _TEASER_LINE.search(body)
    return m.start() if m else len(body)


def _article_places(text: str) -> list[PlaceMatch]:
    """Place mentions, with "Thủ đô Hà Nội" or "Nghi Xuân (Hà Tĩnh)" counted once."""
    kept: list[PlaceMatch] = []
    for p in find_places(text):
        if kept and kept[-1].province == p.province and _SAME_PLACE_GAP.fullmatch(text, kept[-1].end, p.start):
            continue
        kept.append(p)
    return kept


def _is_federation(text: str, place: PlaceMatch) -> bool:
    return _FEDERATION_BEFORE.search(text, max(0, place.start - 80), place.start) is not None


def _slug(text: str) -> str:
    from_nfd = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_only = "".join(c for c in from_nfd if not unicodedata.combining(c)).lower()
    return regex.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")


@lru_cache(maxsize=None)
def _url_slugs() -> tuple[tuple[str, str, str, str], ...]:
    """(slug, province, -slug-, slug without hyphens): 'binh-duong', 'tp-hcm', 'hue' ..., longest first."""
    pairs = {(_slug(n), n) for n in PROVINCE_NAMES}
    pairs |= {(_slug(a), p) for a, p in _aliases().items()}
    pairs.add(("hcm", "Hồ Chí Minh"))
    return tuple((slug, province, f"-{slug}-", slug.replace("-", ""))
                 for slug, province in sorted(pairs, key=lambda sp: -len(sp[0])))


def provinces_in_url(url: str | None) -> set[str]:
    """Provinces a url or path names: 'baobinhduong.vn', '/ldld-nghe-an-ho-tro', 'tp-hcm-145'."""
    if not url:
        return set()
    flat = "-" + _slug(url) + "-"
    words = flat.split("-")
    found = set()
    for slug, province, hyphened_slug, joined in _url_slugs():
        if hyphened_slug in flat:
            found.add(province)
        # a host label or path word that begins or ends with the joined slug ("baobinhduong")
        elif len(joined) >= 5 and joined in flat and any(w.startswith(joined) or w.endswith(joined) for w in words):
            found.add(province)
    return found


@dataclass(frozen=True)
class ProvinceEvidence:
    scores: dict[str, float]      # weighted evidence per province, in order of first mention
    federation_named: bool        # some union body is named with its place
    local_voice: bool             # "LĐLĐ tỉnh", "toàn tỉnh", "Thành ủy": written from inside a province
    national_signals: float       # mentions of the union system as a whole, weighted by position


def _position_weight(start: int, title_end: int) -> float:
    if start < title_end:
        return _WEIGHTS["title"]
    if start < title_end + _WEIGHTS["lead_chars"]:
        return _WEIGHTS["lead"]
    return 1.0


def province_evidence(doc: Document) -> ProvinceEvidence:
    """Weighted evidence per province: mentions, union bodies, position, url and input name."""
    body = doc.body[: _evidence_end(doc.body)]
    title = (doc.meta.get("title") or "").strip()
    lead_start = len(body) - len(body.lstrip())
    title_end = lead_start + len(title) if title and body.startswith(title, lead_start) else 0
    scores: dict[str, float] = defaultdict(float)
    federation_named = False
    for p in _article_places(body):
        if _alone_on_its_line(body, p):
            continue  # a byline ("Thái Bình", "Hà Nam" are people's names too), not a place told
        is_federation = _is_federation(body, p)
        federation_named |= is_federation
        base = _WEIGHTS["federation"] if is_federation else _WEIGHTS["mention"]
        scores[p.province] += base * _position_weight(p.start, title_end)
    if title and not title_end:  # a dump's own title field, not part of the body
        for p in _article_places(title):
            base = _WEIGHTS["federation"] if _is_federation(title, p) else _WEIGHTS["mention"]
            scores[p.province] += base * _WEIGHTS["title"]
    # The website and the file name only break ties between provinces the text itself names:
    # where only the website tells the province, the article's province is unknown (GOLD.md).
    told = set(scores)
    for province in provinces_in_url(doc.meta.get("url")) & told:
        scores[province] += _WEIGHTS["url"]
    # the input file's own name only: directories (a user's home, a mount) say nothing
    for province in provinces_in_url(regex.split(r"[\\/]", doc.source or "")[-1]) & told:
        scores[province] += _WEIGHTS["source"]
    local_kinds = [kind for kind, pattern in _LOCAL.items() if pattern.search(body)]
    if len(local_kinds) == 1:  # "LĐLĐ tỉnh" favours the tỉnh, "LĐLĐ Thành phố" the five cities
        for province in scores:
            if _PROVINCE_KIND[province] == local_kinds[0]:
                scores[province] *= _WEIGHTS["kind_fit"]
    national = sum(_position_weight(start, title_end) for start, _ in _national_spans(body))
    return ProvinceEvidence(dict(scores), federation_named, bool(local_kinds), national)


def _alone_on_its_line(text: str, place: PlaceMatch) -> bool:
    """The bare name (no kind word) is all its line holds."""
    start = text.rfind("\n", 0, place.start) + 1
    end = text.find("\n", place.end)
    line = text[start:end if end >= 0 else len(text)]
    return line.strip() == place.text.strip() and place.text.strip() == place.name


def article_province(doc: Document) -> str | None:
    """The province the article reports on (its federation's seat), or None.

    None where nothing points to a province, and for a national article: one that
    names no union body with its place, does not speak from inside a province, and
    mentions the union system as a whole at least as much as its best province.
    """
    ev = province_evidence(doc)
    if not ev.scores:
        # nothing names a province: a commune or ward union the lead reports on may still
        # carry a former district's or town's name ("Công đoàn phường Vĩnh Yên")
        return _commune_province(doc.body[: _WEIGHTS["lead_chars"]], None)
    best = max(ev.scores.values())
    if best < _WEIGHTS["min_score"]:
        return None
    if not ev.federation_named and not ev.local_voice and ev.national_signals >= best:
        return None
    # on a tie, the province met first
    province = next(p for p, s in ev.scores.items() if math.isclose(s, best))
    # a commune or ward union that the headline or lead reports on places the article in
    # the pre-2025 unit of its commune
    return _commune_province(doc.body[: _WEIGHTS["lead_chars"]], province) or province


_COMMUNE_NAME = regex.compile(
    r"(?<!\p{L})(?:Công\s+đoàn|CĐ)\s+(?:" + "|".join(regex.escape(w) for w in _RULES["commune_words"])
    + r")\s+(?P<name>\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})")
_DIRECTIONS = frozenset(_RULES["direction_words"])


def _commune_province(text: str, province: str | None) -> str | None:
    """The pre-2025 unit a post-2025 article reports from, where its commune or ward is
    named after a former district of another unit merged into `province` (see places.yaml);
    with no province told at all, the unit of any former district or town it is named after."""
    if province is not None and _crosswalk().get(province) != province:
        return None  # not a unit that kept its name in a merger
    found = set()
    for m in _COMMUNE_NAME.finditer(text):
        words = m.group("name").split()
        while len(words) > 1 and words[-1] in _DIRECTIONS:
            words = words[:-1]
        # a former district or town; with no province told, a former province too
        # ("Công đoàn phường Vĩnh Phúc", a ward of Phú Thọ since 2025, lies in old Vĩnh Phúc)
        units = [u for u in UNITS_BY_KEY.get(_key(" ".join(words)), ())
                 if u.level == "district" or (province is None and u.level == "province")]
        olds = {u.province for u in units}
        if len(olds) == 1:
            old = olds.pop()
            if province is None or (old != province and _crosswalk().get(old) == province):
                found.add(old)
    return found.pop() if len(found) == 1 else None


# ---------------------------------------------------------------- the 2025 merger

def province_2025(province: str | None) -> str | None:
    """The provincial unit `province` belongs to after the 2025 merger (34 units)."""
    if province is None:
        return None
    return _crosswalk().get(province)


def crosswalk_frame():
    """The 63 -> 34 crosswalk as a DataFrame (columns province, province_2025), for union.duckdb."""
    import pandas as pd

    rows = sorted(_crosswalk().items())
    return pd.DataFrame(rows, columns=["province", "province_2025"]).astype(str)
