"""Canonical issuer names for directives (`directives.issuer_canonical`).

The text names one body many ways: "Bộ chính trị khóa XIII", "Bộ Chính trị";
"Đại hội XIII Công đoàn Việt Nam", "Đại hội Công đoàn Việt Nam lần thứ XIII";
"Tỉnh ủy" in an article about Cao Bằng. `canonical_issuer` maps them to one
name so that citations group in SQL; the data lives in `rules/issuers.yaml`
(`canonical`).
"""
from __future__ import annotations

import regex

from .ruledata import load_yaml

_RULES = load_yaml("issuers.yaml")["canonical"]
_ROMAN = r"[IVXLC]+"


def _words(phrases) -> str:
    return "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))


_OFFICIAL = {p.casefold(): p for p in _RULES["official_case"]}
_OFFICIAL_RE = regex.compile(rf"(?<!\w)(?:{_words(_RULES['official_case'])})(?!\w)", regex.IGNORECASE)
_SAME_BODY = {k.casefold(): v for k, v in _RULES["same_body"].items()}
_SHORT_RE = regex.compile(rf"(?<!\w)(?:{_words(_RULES['short_forms'])})(?!\w)")
_TERM_RE = regex.compile(rf"\s+kh(?:óa|oá)\s+{_ROMAN}$", regex.IGNORECASE)
_ORDINAL_RE = regex.compile(rf"(?:\s+lần thứ\s+({_ROMAN}|\d+))", regex.IGNORECASE)
# "Đại hội XIII Công đoàn Việt Nam": the number written before the body's name
_NUMBER_FIRST_RE = regex.compile(rf"^Đại hội\s+({_ROMAN})\s+(.+)$")
_PARTY_RE = regex.compile(rf"(?:{_words(_RULES['party_congress_words'])})", regex.IGNORECASE)
_UNITS = {u.casefold(): u for u in _RULES["province_units"]}
_UNIT_AT_END = regex.compile(rf"(?<!\w)({_words(_RULES['province_units'])})$", regex.IGNORECASE)


def canonical_issuer(issuer: str | None, province: str | None = None) -> str | None:
    """One name per issuing body; None stays None."""
    if not issuer:
        return issuer
    name = " ".join(issuer.split())
    name = _SHORT_RE.sub(lambda m: _RULES["short_forms"][m.group()], name)
    name = _OFFICIAL_RE.sub(lambda m: _OFFICIAL[m.group().casefold()], name)
    name = _TERM_RE.sub("", name)  # the committee's term is not part of who it is
    if name.startswith("Đại hội"):
        name = _congress(name)
    name = _SAME_BODY.get(name.casefold(), name)
    if province:
        name = _with_province(name, province)
    return name


def _congress(name: str) -> str:
    """'Đại hội <body> lần thứ <N>', whichever order the text wrote."""
    number = None
    m = _NUMBER_FIRST_RE.match(name)
    if m:
        number, body = m.group(1), m.group(2)
    else:
        o = _ORDINAL_RE.search(name)
        if o:
            number = o.group(1)
            body = (name[len("Đại hội"):o.start()] + name[o.end():]).strip()
        else:
            body = name[len("Đại hội"):].strip()
    if number and _PARTY_RE.search(name) and not regex.search(r"Đảng bộ|Công đoàn", body):
        return _RULES["party_congress"].format(number=number)
    body = regex.sub(r"^Đại biểu\s+", "", body)
    if not body:
        return f"Đại hội lần thứ {number}" if number else name
    return f"Đại hội {body} lần thứ {number}" if number else f"Đại hội {body}"


def _with_province(name: str, province: str) -> str:
    """A bare unit word at the end of the body's name ("Liên đoàn Lao động tỉnh", "Tỉnh ủy")
    is the article's province."""
    head, sep, tail = name.partition(" lần thứ ")
    unit = _UNIT_AT_END.search(head)
    if unit:
        head = f"{head[:unit.start()]}{_UNITS[unit.group().casefold()]} {province}"
    return head + sep + tail
