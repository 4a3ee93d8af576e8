"""What follows "Công đoàn" (`parse_cd`): cơ sở X, Viên chức, ngành X, Khu công nghiệp, a
corporation, a unit or a place, read as one union body with its canonical name."""
from __future__ import annotations

import regex

from .org_abbreviations import ABBREVIATIONS
from .org_candidate import Candidate, ldld_from_place
from .org_patterns import (CANON, RULES, SPACE_RE, _E, _I, alternation, clean_spaces, fold, is_capitalised,
                           phrase_pattern)
from .org_places import (CAP_RUN_RE, FUZZY_PROVINCE_KIND_RE, KIND_LIST_RE, KIND_RE, NATIONAL, NATIONAL_RE,
                         PROVINCE_KINDS, PlaceRef, gazetteer, parse_place)
from .org_persons import starts_person_name
from .org_unit_names import TOKEN_RE, UnitName, WordEnd, no_words, parse_unit_name

GENERIC_AFTER_RE = regex.compile(r"[ \t]+(?:" + "|".join(RULES["generic_after"]) + r")" + _E, _I)
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
# one zone kind, or two joined by "và" or a dash ("Khu kinh tế - Khu công nghiệp tỉnh Ninh Thuận")
ZONE_RE = regex.compile(r"[ \t]+(?P<cac>các[ \t]+)?(?P<zone>" + alternation(ZONES.values()) + ")" + _E
                        + r"(?:(?P<joint>[ \t]+và[ \t]+|[ \t]*[-–][ \t]*)(?P<cac2>các[ \t]+)?(?P<zone2>"
                        + alternation(ZONES.values()) + ")" + _E + ")?", _I)
# "Công đoàn Khu công nghiệp khu vực Đồng Xoài – Đồng Phú": a zone union named by its area
AREA_RE = regex.compile(r"[ \t]+khu[ \t]+vực[ \t]+(?=\p{Lu})", _I)
AND_ZONE_RE = regex.compile(r"[ \t]+và[ \t]+(?P<cac2>các[ \t]+)?(?P<zone2>" + alternation(ZONES.values()) + ")" + _E, _I)
CORP_HEAD_RE = regex.compile(r"[ \t]+(?P<head>" + alternation(RULES["corporation_heads"]) + ")" + _E, _I)
# a brand token: Latin letters and digits with two capitals or more, not a Roman numeral ("XIII")
_BRAND_CAPS = r"(?=[A-Za-z0-9]*[A-Z][A-Za-z0-9]*[A-Z])(?![IVXLC]+(?![\p{L}\p{N}]))[A-Z][A-Za-z0-9]*"
_BRAND_LONG = r"[A-Z][a-z]{%d,}" % (int(RULES["brand_min_letters"]) - 1)
BRAND_RE = regex.compile(
    r"[ \t]+(?P<name>" + _BRAND_CAPS + "|" + _BRAND_LONG + r")(?:[ \t]+(?P<second>[A-Z]{2,}|"
    + alternation(RULES["brand_second_words"]) + r"))?(?![\p{L}\p{N}\p{M}]|[-/&][\p{L}\p{N}])", regex.V1)
# abbreviations, known or not, are capitals too: a short all-capitals token alone ("CSTV", "CQCQ") is
# taken for a brand only with a second word or a place after it
_SHORT_CAPS = int(RULES["brand_short_caps"])
_ABBREVIATED = frozenset(a.abbr for a in ABBREVIATIONS)
NATIONAL_NAME_RE = regex.compile(
    r"[ \t]+(?P<name>\p{Lu}[\p{L}\p{M}]*(?:(?:[ \t]+|[ \t]*[-–][ \t]*)[\p{L}\p{M}]+){0,3}?)[ \t]+"
    + phrase_pattern(NATIONAL) + _E, regex.V1)


def written_place(text: str, ref: PlaceRef) -> str:
    """A place as part of a union's name: with its kind word only where the text writes one."""
    if KIND_RE.match(text, ref.start) or FUZZY_PROVINCE_KIND_RE.match(text, ref.start):
        kind = ref.place.kind if ref.place and ref.place.level == "province" else ref.kind
        return f"{kind} {ref.name}"
    return ref.name


def unit_candidate(text: str, start: int, unit: UnitName, prefix: str, org_type: str, conf: float,
                   province: str | None) -> Candidate:
    name = f"{prefix} {unit.name}"
    if unit.need == "ldld":
        stem = name[: len(name) - len(CANON["ldld"])].rstrip()
        return Candidate(start, unit.end, org_type, None, need="unit_ldld", kind=unit.kind,
                         stem=stem, confidence=conf - 0.1)
    if unit.need == "place":
        # a unit named with a bare kind word ("Công đoàn Văn phòng UBND tỉnh") is written as the
        # text attaches it (GOLD.md: a place is added only to resolve a bare "LĐLĐ tỉnh/huyện")
        written = f"{name} {unit.kind}" if unit.kind else name
        return Candidate(start, unit.end, org_type, written, unit_province(text, start, unit.end, province),
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


_SECTOR_DASH_RE = regex.compile(r"[ \t]*[-–](?=[ \t])")  # the next sector opens with its space


def _sector_of(m: regex.Match) -> str:
    key = fold(m.group())
    return SECTORS.get(key) or CORPORATE_SECTORS.get(key) or clean_spaces(m.group())


def sector_name(text: str, pos: int, word_end: WordEnd) -> tuple[str, int] | None:
    """The sector after "Công đoàn ngành": from the lexicons, else its name up to a place ("Dệt may Nam Định")."""
    sm = SECTOR_RE.match(text, pos)
    if sm:
        name, end = _sector_of(sm), sm.end()
        dash = _SECTOR_DASH_RE.match(text, end)
        other = SECTOR_RE.match(text, dash.end()) if dash else None
        if other:  # two sectors one union serves: "Công đoàn ngành Xây dựng - Giao thông"
            name, end = f"{name} - {_sector_of(other)}", other.end()
        return name, end
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



def _and_zones(text: str, start: int, end: int, name: str, zone_province: str | None, province: str | None,
               conf: float) -> Candidate:
    """A zone union's name, running on over "và (các) <zones> <province>" where that follows:
    "Công đoàn Khu kinh tế Nghi Sơn và các khu công nghiệp tỉnh Thanh Hóa" is one union."""
    more = AND_ZONE_RE.match(text, end)
    ref = parse_place(text, more.end(), province) if more else None
    if ref is not None and not ref.bare:
        name += f" và {'các ' if more.group('cac2') else ''}{ZONES[fold(more.group('zone2'))]} {written_place(text, ref)}"
        return Candidate(start, ref.end, "cd_industrial_zone", name, ref.place.province if ref.place else zone_province,
                         confidence=conf)
    return Candidate(start, end, "cd_industrial_zone", name, zone_province, confidence=conf)


def _zone_area(text: str, start: int, at: int, stem: str, province: str | None, conf: float) -> Candidate | None:
    """"Công đoàn Khu công nghiệp khu vực Phú Thọ", "... khu vực Đồng Xoài – Đồng Phú": the area
    as written, names joined by a dash included; its province where a place names it."""
    run = CAP_RUN_RE.match(text, at)
    if run is None:
        return None
    ref = parse_place(text, at, province)
    return Candidate(start, run.end(), "cd_industrial_zone", f"{stem} khu vực {clean_spaces(run.group())}",
                     ref.place.province if ref is not None and ref.place else None, confidence=conf - 0.05)


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
        if zm.group("zone2"):
            joint = " và " if zm.group("joint").strip() == "và" else " - "
            stem += f"{joint}{'các ' if zm.group('cac2') else ''}{ZONES[fold(zm.group('zone2'))]}"
        area = AREA_RE.match(text, zm.end())
        if area:
            return _zone_area(text, start, area.end(), stem, province, conf)
        ref = parse_place(text, zm.end(), province)
        if ref is not None and not ref.bare:
            return _and_zones(text, start, ref.end, f"{stem} {written_place(text, ref)}",
                              ref.place.province if ref.place else None, province, conf)
        if ref is not None:
            return Candidate(start, ref.end, "cd_industrial_zone", None, need="zone_place", kind=ref.kind,
                             stem=stem, confidence=conf - 0.1)
        run = CAP_RUN_RE.match(text, SPACE_RE.match(text, zm.end()).end())
        # (after a person's title the capitals may be the chair's name: "Chủ tịch Công đoàn Khu
        # kinh tế Nguyễn Thị Kim Liên tặng hoa")
        if run and run.start() > zm.end() and not (person_nearby and starts_person_name(text, run.start())):
            return _and_zones(text, start, run.end(), f"{stem} {clean_spaces(run.group())}", None, province, conf)
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
    nn = NATIONAL_NAME_RE.match(text, end)
    if sm and not (nn and nn.end() > sm.end()):  # "Công đoàn Công nghiệp Hóa chất Việt Nam" is more
        ref = parse_place(text, sm.end(), province)
        key = fold(sm.group())
        stem = f"{CANON['cd']} {SECTORS.get(key) or CORPORATE_SECTORS.get(key)}"
        if ref is not None and not ref.bare and ref.place is not None:
            return Candidate(start, ref.end, "cd_sector", f"{stem} {written_place(text, ref)}",
                             ref.place.province, confidence=conf - 0.1, level=ref.place.level)
        if ref is not None and ref.kind in PROVINCE_KINDS and not plural:  # "Công đoàn Giáo dục tỉnh"
            return Candidate(start, ref.end, "cd_sector", None, need="sector_place", kind=ref.kind, stem=stem,
                             confidence=conf - 0.15)
        if ref is None and not plural and is_capitalised(sm.group().strip()):
            # "Công đoàn Giao thông vận tải tổ chức Đại hội": a sector union named without a place,
            # as with "ngành"; a corporate sector's union is the country's
            if key in CORPORATE_SECTORS:
                return Candidate(start, sm.end(), "cd_sector", stem, confidence=conf - 0.15, level="national")
            return Candidate(start, sm.end(), "cd_sector", None, need="sector_place", stem=stem,
                             confidence=conf - 0.15)
    ref = parse_place(text, end, province, bare_names="province")
    if ref is not None:
        if not ref.bare:  # "Công đoàn tỉnh X" is the federation of X
            canonical, org_type, prov = ldld_from_place(ref)
            return Candidate(start, ref.end, org_type, canonical, prov, confidence=conf - 0.1)
        if plural or KIND_LIST_RE.match(text, ref.end):
            return None
        return Candidate(start, ref.end, "ldld_district", None, need="ldld", kind=ref.kind, confidence=conf - 0.15)
    if nn:
        return Candidate(start, nn.end(), "cd_corporation", f"{CANON['cd']} {clean_spaces(nn.group('name'))} {NATIONAL}",
                         confidence=conf - 0.15)
    return _brand(text, start, end, province, conf)


def _brand(text: str, start: int, end: int, province: str | None, conf: float) -> Candidate | None:
    """"Công đoàn PV GAS", "Công đoàn PC Quảng Ngãi": a business's union named by its brand, with
    the place the text writes after it."""
    bm = BRAND_RE.match(text, end)
    if bm is None or bm.group("name") in _ABBREVIATED:
        return None
    name = clean_spaces(bm.group("name") + (" " + bm.group("second") if bm.group("second") else ""))
    ref = parse_place(text, bm.end(), province)
    if ref is not None and not ref.bare:
        return Candidate(start, ref.end, "cd_corporation", f"{CANON['cd']} {name} {written_place(text, ref)}",
                         ref.place.province if ref.place else None, confidence=conf - 0.15)
    if bm.group("second") is None and bm.group("name").isupper() and len(bm.group("name")) <= _SHORT_CAPS:
        return None
    return Candidate(start, bm.end(), "cd_corporation", f"{CANON['cd']} {name}", confidence=conf - 0.15)
