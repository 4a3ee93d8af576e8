"""An article's references read together: a list's members share the date and issuer written
after it, one document written in two symbol forms takes the Party form, a headline's bare
number takes the body's symbol, and an owner-named mention of a numbered document is dropped."""
from __future__ import annotations

from dataclasses import replace

import regex

from .directive_symbols import symbol_codes
from .directive_types import Ref


def share_list_tails(text: str, refs: list[Ref]) -> list[Ref]:
    """Members of a list take the date and issuer written after its last member
    ("Quyết định 217-QĐ/TW và Quyết định 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị"),
    where their symbols name the same issuing body."""
    out = list(refs)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if a.own_tail or not a.number:
            continue
        gap = text[a.tail_end: b.start]
        if not regex.fullmatch(r"\s*(?:,|và|hoặc|,\s*và)\s*", gap):
            continue
        ca, cb = symbol_codes(a.symbol), symbol_codes(b.symbol)
        if ca and cb and [c.casefold() for c in ca] != [c.casefold() for c in cb]:
            continue
        out[i] = replace(a, issued=a.issued or b.issued, issuer=a.issuer or b.issuer,
                         own_tail=b.own_tail)
    return out


def unify_party_forms(refs: list[Ref]) -> list[Ref]:
    """ "20/NQ-TW" in a headline and "20-NQ/TW" in the body are one document: where the
    article writes a Party document both ways, the Party form wins; alone, "35/KH-TU"
    keeps the symbol as written."""
    party_written = {(r.type.type, r.number, r.symbol) for r in refs if r.symbol and "/" in r.symbol}
    out = []
    for r in refs:
        if r.style == "party" and r.symbol and "/" not in r.symbol:
            as_party = r.symbol.replace("-", "/", 1)
            if (r.type.type, r.number, as_party) in party_written:
                r = replace(r, symbol=as_party)
        out.append(r)
    return out


def fill_symbols(refs: list[Ref]) -> list[Ref]:
    """ "Nghị quyết 20" in a headline is the "Nghị quyết 20-NQ/TW" of the body."""
    by_number: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for r in refs:
        if r.number and r.symbol:
            by_number.setdefault((r.type.type, r.number), set()).add((r.symbol, r.style))
    out = []
    for r in refs:
        if r.number and not r.symbol:
            known = by_number.get((r.type.type, r.number), set())
            if len(known) == 1:
                symbol, style = next(iter(known))
                r = replace(r, symbol=symbol, style=style)
        out.append(r)
    return out


def without_owned_coreferents(refs: list[Ref]) -> list[Ref]:
    """ "Nghị quyết của Ủy ban Thường vụ Quốc hội" after "Nghị quyết 422/NQ-UBTVQH14 của Ủy ban
    Thường vụ Quốc hội" points back to that document: an unnumbered mention named only by
    its owner is dropped where a numbered one of the same type has the same issuer."""
    numbered = {(r.type.type, r.issuer.casefold()) for r in refs if r.number and r.issuer}
    return [r for r in refs if r.number or not r.own_tail or r.title or r.issuer is None
            or (r.type.type, r.issuer.casefold()) not in numbered]
