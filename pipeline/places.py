"""The article's province and its 2025 unit.

Each place an article names (place_matcher.py) votes for its province, weighted by
where it stands and whether a union body is named with it; the website and file
name break ties. The weighting rules are in rules/places.yaml; the gazetteer is
gazetteer.py's.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import regex

from .document import Document
from .gazetteer import PROVINCE_NAMES, UNITS_BY_KEY, crosswalk, place_key, province_aliases, province_units, wards_2025
# re-exported: extract/orgs.py reads these as places.NAME
from .gazetteer import Unit, gazetteer_units  # noqa: F401
from .place_matcher import NEEDS_KIND_WORD, canonical_province  # noqa: F401
from .phrase_matcher import unaccented, word_alternation
from .place_matcher import SAME_PLACE_GAP, PlaceMatch, SharedPlace, find_places, find_places_and_shared, phrase_regex
from .ruledata import load_table, load_yaml

_RULES = load_yaml("places.yaml")
_ORG_PATTERNS = load_yaml("org_patterns.yaml")  # zone kinds and surnames, as the org extractor reads them
_WEIGHTS = _RULES["weights"]
_PROVINCE_KIND = {u.name: u.kind for u in province_units()}
_NATIONAL = phrase_regex(_RULES["national_signals"])
_LOCAL = {kind: phrase_regex(words) for kind, words in _RULES["local_signals"].items()}
_DISTRICT_LOCAL = phrase_regex(_RULES["district_local_signals"])
_PEOPLE_BEFORE = regex.compile(r"(?<!\p{L})(?:" + word_alternation(_RULES["province_people"]) + r")[ \t]+(?:tỉnh[ \t]+)?$")
# (a paper's name is capitalised: "Báo cáo", a report, met in most articles, is passed over unread)
_NEWSPAPER_HEAD = regex.compile(r"(?<!\p{L})(?:" + word_alternation(_RULES["newspaper_heads"]) + r")[ \t]+(?=\p{Lu})")
# a provincial paper's, television's or portal's host: "Baonghean.vn", "kontumtv.vn",
# "Thanhhoa.dcs.vn" (the province's name without tones, with an optional prefix and suffix)
_NEWSPAPER_HOST = regex.compile(
    r"(?<![\p{L}\d.])(?:" + word_alternation(_RULES["newspaper_host_prefixes"]) + r")?(?P<slug>[a-z]+?)(?:"
    + word_alternation(_RULES["newspaper_host_suffixes"]) + r")?\.(?:(?:"
    + word_alternation(_RULES["newspaper_host_domains"]) + r")\.)?vn(?![\p{L}\d])", regex.I)
_TEASER_LINE = regex.compile(
    r"^[ \t]*(?:" + "|".join(regex.escape(m) for m in _RULES["teaser_markers"]) + r")\b[^\n]{0,30}$", regex.M
)
# a union body's name ending right where a place begins: "Liên đoàn Lao động (LĐLĐ) tỉnh ",
# "Công đoàn khu công nghiệp ", "Chủ tịch LĐLĐ "
# (the heads as written, and the abbreviations that stand for them: "LĐLĐ", "LĐLD", "CĐ")
_HEADS = list(_RULES["federation_heads"])
_HEADS += [r["abbr"] for r in load_table("abbreviations.csv")
           if r["expansion"].casefold() in {h.casefold() for h in _HEADS}]
_UNION_HEAD = r"(?<![\p{L}])(?:" + word_alternation(_HEADS) + r")"
# an industrial-zone union's kind counts as its head's words, "và" included: "Công đoàn các Khu
# công nghiệp và chế xuất Hà Nội" names its place (rules/org_patterns.yaml zone_kinds)
_ZONE_KIND = r"(?:\s+(?:các\s+)?(?i:%s)(?![\p{L}]))?" % word_alternation(_ORG_PATTERNS["zone_kinds"])
_FEDERATION_BEFORE = regex.compile(
    _UNION_HEAD
    + _ZONE_KIND
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


def _article_places(text: str) -> tuple[list[PlaceMatch], list[SharedPlace]]:
    """Place mentions, with "Thủ đô Hà Nội" or "Nghi Xuân (Hà Tĩnh)" counted once; a bare
    name right after a surname is a person's given name ("ông Chu Nguyên Bình"), no place.
    And the district names several provinces share that nothing near them decides."""
    kept: list[PlaceMatch] = []
    found, shared = find_places_and_shared(text)
    for p in found:
        if _SURNAME_BEFORE.search(text, max(0, p.start - 12), p.start) and p.name == p.text:
            continue
        if kept and kept[-1].province == p.province and SAME_PLACE_GAP.fullmatch(text, kept[-1].end, p.start):
            continue
        kept.append(p)
    return kept, shared


_SURNAME_BEFORE = regex.compile(r"(?<!\p{L})(?:" + "|".join(regex.escape(n) for n in _ORG_PATTERNS["person_surnames"])
                                + r")[ \t]+$")


def _newspaper_provinces(page: str) -> set[str]:
    """Provinces whose newspaper the page names ("Báo Gia Lai", "Báo Bình Dương điện tử",
    "(Baonghean.vn)")."""
    found = set()
    for m in _NEWSPAPER_HEAD.finditer(page):
        places = find_places(page[m.end(): m.end() + 40])
        if places and places[0].start == 0 and places[0].level == "province":
            found.add(places[0].province)
    for m in _NEWSPAPER_HOST.finditer(page):
        province = _province_of_joined_slug().get(m["slug"].casefold())
        if province:
            found.add(province)
    return found


@lru_cache(maxsize=1)
def _province_of_joined_slug() -> dict[str, str]:
    """'quangngai' -> Quảng Ngãi: a province's name without tones or spaces, as a host writes it."""
    return {joined: province for _, province, _, joined in _url_slugs()}


def _is_federation(text: str, place: PlaceMatch) -> bool:
    return _FEDERATION_BEFORE.search(text, max(0, place.start - 80), place.start) is not None


def _slug(text: str) -> str:
    return regex.sub(r"[^a-z0-9]+", "-", unaccented(text)).strip("-")


@lru_cache(maxsize=None)
def _url_slugs() -> tuple[tuple[str, str, str, str], ...]:
    """(slug, province, -slug-, slug without hyphens): 'binh-duong', 'tp-hcm', 'hue' ..., longest first."""
    pairs = {(_slug(n), n) for n in PROVINCE_NAMES}
    pairs |= {(_slug(a), p) for a, p in province_aliases().items()}
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
    places, shared = _article_places(body)
    shares = _list_shares(body, places)
    for p, share in zip(places, shares):
        if _alone_on_its_line(body, p):
            continue  # a byline ("Thái Bình", "Hà Nam" are people's names too), not a place told
        is_federation = _is_federation(body, p)
        # a list of many provinces ("Bằng khen ... gồm: LĐLĐ tỉnh Thanh Hóa; LĐLĐ TP HCM;
        # LĐLĐ tỉnh Bắc Giang; ...") shares its weight among them and names no federation of
        # the article's own: it tells of no one province
        listed = share >= _LIST_PROVINCES
        federation_named |= is_federation and not listed
        base = _WEIGHTS["federation"] if is_federation else _WEIGHTS["mention"]
        scores[p.province] += base * _position_weight(p.start, title_end) / (share if listed else 1)
    if title and not title_end:  # a dump's own title field, not part of the body
        for p in _article_places(title)[0]:
            base = _WEIGHTS["federation"] if _is_federation(title, p) else _WEIGHTS["mention"]
            scores[p.province] += base * _WEIGHTS["title"]
    for province in _newspaper_provinces(doc.raw):
        scores[province] += _WEIGHTS["newspaper"]
    # The website and the file name only break ties between provinces the text itself names:
    # where only the website tells the province, the article's province is unknown (GOLD.md).
    told = set(scores)
    for province in provinces_in_url(doc.meta.get("url")) & told:
        scores[province] += _WEIGHTS["url"]
    # the input file's own name only: directories (a user's home, a mount) say nothing
    for province in provinces_in_url(regex.split(r"[\\/]", doc.source or "")[-1]) & told:
        scores[province] += _WEIGHTS["source"]
    local_kinds = [kind for kind, pattern in _LOCAL.items() if pattern.search(body)]
    if len(local_kinds) == 1:
        # a district name two provinces share, one of them of the kind the text speaks from
        # ("huyện Vĩnh Thạnh" is Bình Định's and Cần Thơ's; "LĐLĐ tỉnh" tells the tỉnh's)
        for place in shared:
            fitting = {u.province for u in place.units if _PROVINCE_KIND[u.province] == local_kinds[0]}
            if len(fitting) == 1:
                scores[fitting.pop()] += _WEIGHTS["mention"] * _position_weight(place.start, title_end)
        # ... and "LĐLĐ tỉnh" favours the tỉnh, "LĐLĐ Thành phố" the five cities
        for province in scores:
            if _PROVINCE_KIND[province] == local_kinds[0]:
                scores[province] *= _WEIGHTS["kind_fit"]
    national = sum(_position_weight(start, title_end) for start, _ in _national_spans(body))
    local_voice = bool(local_kinds) or _DISTRICT_LOCAL.search(body) is not None or any(
        p.start < title_end + _WEIGHTS["lead_chars"] and _PEOPLE_BEFORE.search(body, max(0, p.start - 40), p.start)
        for p in places)
    return ProvinceEvidence(dict(scores), federation_named, local_voice, national)


_LIST_PROVINCES = 3  # a list naming this many provinces or more
# what may stand between two items of one list: separators and a union head or kind word
# ("Thanh Hóa; LĐLĐ TP HCM", "Hậu Giang và Kiên Giang"), never a sentence's end or a clause
_LIST_GAP = regex.compile(r"(?:(?![.!?]\s)[^\n]){0,%d}" % _RULES["list_gap_chars"])


def _list_shares(text: str, places: list[PlaceMatch]) -> list[int]:
    """Per place, how many distinct provinces the list it stands in names (1 outside a list).

    A list is a run of place mentions on one line, each close to the next: in "LĐLĐ tỉnh Cà
    Mau, Công đoàn viên chức tỉnh tổ chức giao lưu ... các tỉnh gồm Cà Mau, Bạc Liêu, Sóc
    Trăng, Hậu Giang và Kiên Giang" the federation before the clause is no item of the list."""
    shares = [1] * len(places)
    run: list[int] = []

    def close() -> None:
        n = len({places[i].province for i in run})
        for i in run:
            shares[i] = n

    for i, p in enumerate(places):
        if run and not _LIST_GAP.fullmatch(text, places[run[-1]].end, p.start):
            close()
            run = []
        run.append(i)
    if run:
        close()
    return shares


def _alone_on_its_line(text: str, place: PlaceMatch) -> bool:
    """The bare name (no kind word) is all its line holds."""
    start = text.rfind("\n", 0, place.start) + 1
    end = text.find("\n", place.end)
    line = text[start:end if end >= 0 else len(text)]
    return line.strip() == place.text.strip() and place.text.strip() == place.name


def article_province(doc: Document) -> str | None:
    """The province the article reports on (its federation's seat), or None.

    None where nothing points to a province, and for a national article: one that
    names no union body with its place, does not speak from inside a province nor of its
    workers in its headline or lead ("người lao động TPHCM"), and mentions the union system
    as a whole at least as much as its best province.
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
    r"(?<!\p{L})(?:" + "|".join(r"\s+".join(map(regex.escape, w.split())) for w in _RULES["commune_openers"])
    + r")\s+(?P<kind>" + "|".join(regex.escape(w) for w in _RULES["commune_words"])
    + r")\s+(?P<name>\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})")
_DIRECTIONS = frozenset(_RULES["direction_words"])


def _former_units(words: list[str], province: str | None) -> list:
    # a former province too where none is told, or where it merged into the one told
    # ("Công đoàn phường Bình Định (tỉnh Gia Lai)": old Bình Định)
    return [u for u in UNITS_BY_KEY.get(place_key(" ".join(words)), ())
            if u.level == "district" or (u.level == "province" and (province is None or (
                u.province != province and crosswalk().get(u.province) == province)))]


def _commune_province(text: str, province: str | None) -> str | None:
    """The pre-2025 unit a post-2025 article reports from, where its commune or ward is
    named after a former district of another unit merged into `province` (see places.yaml),
    or is a ward made in 2025 whose parts all lay in such a unit (GOLD.md: "phường Thuận
    Giao (TPHCM)" is Bình Dương's); with no province told at all, the unit of any former
    district or town it is named after."""
    if province is not None and crosswalk().get(province) != province:
        return None  # not a unit that kept its name in a merger
    found = set()
    for m in _COMMUNE_NAME.finditer(text):
        # a former district or town, or a former province ("Công đoàn phường Vĩnh Phúc", a
        # ward of Phú Thọ since 2025, lies in old Vĩnh Phúc);
        # the name as written first ("xã Hà Trung"), then without a direction word after it
        words = m.group("name").split()
        units = _former_units(words, province)
        while not units and len(words) > 1 and words[-1] in _DIRECTIONS:
            words = words[:-1]
            units = _former_units(words, province)
        olds = {u.province for u in units}
        if not olds:
            # a commune or ward made in 2025 under a name of its own ("Công đoàn phường Thanh
            # Miếu", "Công đoàn phường Thuận Giao (TPHCM)"): the one former province its parts
            # lay in
            name, kind = m.group("name").strip(), m.group("kind").lower()
            old = wards_2025().get((name, kind)) or wards_2025().get((" ".join(words), kind))
            olds = {old} if old else set()
        if len(olds) == 1:
            old = olds.pop()
            if province is None or (old != province and crosswalk().get(old) == province):
                found.add(old)
    return found.pop() if len(found) == 1 else None


# ---------------------------------------------------------------- the 2025 merger

MERGER_DATE = _RULES["merger_date"]  # a datetime.date (YAML reads the ISO day as one)
_REORGANISATION_RE = regex.compile(
    r"(?<!\p{L})(?:" + "|".join(f"(?:{w})" for w in _RULES["reorganisation_words"]) + r")(?!\p{L})", regex.I)


def written_after_merger(text: str) -> bool:
    """`text` uses words that exist only since the 2025 reorganisation (rules/places.yaml)."""
    return bool(_REORGANISATION_RE.search(text))


def home_province(province: str | None, published, body: str = "") -> str | None:
    """The province a bare "tỉnh" names in an article: the merged unit's after the merger
    (published on or after MERGER_DATE, or, undated, reporting from a ward or commune that
    places it in `province` inside the merged unit: "Công đoàn phường Bình Định (tỉnh Gia
    Lai) ... Chủ tịch LĐLĐ tỉnh" is Gia Lai's), else the article's own."""
    merged = province_2025(province)
    if published is not None:
        return (merged or province) if published >= MERGER_DATE else province
    lead = body[: _WEIGHTS["lead_chars"]]
    # (the lead names the merged unit: "phường Quy Nhơn, tỉnh Bình Định" is written before it)
    if merged and merged != province and merged in lead and _commune_province(lead, merged) == province:
        return merged
    return province


RENAMED_2025 = dict(_RULES["renamed_2025"])  # 2025 unit -> its kind word, where its name is new


def province_2025(province: str | None) -> str | None:
    """The provincial unit `province` belongs to after the 2025 merger (34 units)."""
    if province is None:
        return None
    return crosswalk().get(province)


def crosswalk_frame():
    """The 63 -> 34 crosswalk as a DataFrame (columns province, province_2025), for union.duckdb."""
    import pandas as pd

    rows = sorted(crosswalk().items())
    return pd.DataFrame(rows, columns=["province", "province_2025"]).astype(str)
