"""References to Party, State and union documents (Nghị quyết, Chỉ thị, Quyết định, ...).

A reference is a document type ("Nghị quyết", also misspelt "Nghi quyết") followed by a
number and usually a symbol, in the Party style ("02-NQ/TW") or the State style
("5816/QĐ-UBND", "135/2020/NĐ-CP"); or a bare symbol ("theo 204/KH-LĐLĐ"), typed by its
abbreviation; or an unnumbered document named specifically ("Nghị quyết Đại hội XI Công
đoàn tỉnh", "Nghị quyết Trung ương 4 khóa XII", "Luật Công đoàn").

Around each reference: the issue date ("ngày 12/6/2021" after the symbol, shared by a list
"Quyết định 217-QĐ/TW và Quyết định 218-QĐ/TW ngày 12/12/2013"), and the issuer ("của Bộ
Chính trị", the agent of a passive "được Quốc hội thông qua ngày ...", or the subject of
"ban hành", also of "có"/"gửi" before a numbered document: "Tỉnh ủy ban hành Kế hoạch số
94-KH/TU", "LĐLĐ tỉnh đã có Công văn số 645/LĐLĐ"), with a sentence-initial date ("Ngày 6/12,
...", its year from the dates stage) as the issue date of what the subject issued.
Numbers and symbols are read on characters: underthesea splits "02-NQ/TW" into 5 tokens.
All vocabularies live in rules/directive_types.csv, issuers.yaml, directive_symbols.yaml.

This module runs the stage; its parts, in the order a reference meets them: directive_types
(type words, Ref), directive_symbols (numbered and bare references), directive_unnumbered
(documents named without a number), directive_issuers (date and issuer from the context, with
directive_names and directive_dates), directive_letterhead (a copied document's own number line:
the issuer and date its letterhead gives), directive_coreference (an article's mentions read
together); directive_tokens is their tokenizer. The canonical id is made here.
"""
from __future__ import annotations

import regex

from ..document import Document
from ..records import DateMention, DirectiveMention
from .directive_coreference import fill_symbols, share_list_tails, unify_party_forms, without_owned_coreferents
from .directive_issuers import with_sentence_context, with_tail
from .directive_letterhead import with_letterhead
from .directive_symbols import bare_refs, numbered_after_name, numbered_after_type
from .directive_tokens import Source
from .directive_types import TYPE_WORDS, Ref, type_of
from .directive_unnumbered import listed_congresses, unnamed_after_type


def _canonical_id(r: Ref) -> str:
    if r.number and r.symbol:
        return f"{r.number}-{r.symbol}"
    if r.number:
        return f"{r.type.type} {r.number}"
    if r.title:
        return r.title
    return f"{r.type.type} {r.issuer}" if r.issuer else r.type.type


def _collect_refs(src: Source) -> list[Ref]:
    """Every reference in the body, in text order, before its context is read."""
    text = src.text
    refs: list[Ref] = []
    taken: list[tuple[int, int]] = []
    for tm in TYPE_WORDS.finditer(text):
        t = type_of(tm.group())
        if t is None or any(s <= tm.start() < e for s, e in taken):
            continue
        found = numbered_after_type(text, tm, t, src.days)
        if not found:
            named = numbered_after_name(text, tm, t, TYPE_WORDS.finditer)
            found = [named] if named else []
        if not found:
            unnamed = unnamed_after_type(src, tm, t)
            found = [unnamed] + listed_congresses(src, unnamed) if unnamed else []
        taken.extend((r.start, r.end) for r in found)
        refs.extend(found)
    refs.extend(bare_refs(text, taken))
    return sorted(refs, key=lambda r: r.start)


def _find_refs(doc: Document, dates: list[DateMention]) -> list[Ref]:
    day_mentions = {d.start: d for d in dates if d.kind == "day" and d.date is not None}
    src = Source(doc.body, doc, day_mentions)
    refs = [with_letterhead(src, with_tail(src, r, day_mentions), day_mentions) for r in _collect_refs(src)]
    refs = fill_symbols(unify_party_forms(share_list_tails(src.text, refs)))
    starts = [r.start for r in refs[1:]] + [len(src.text)]
    refs = [with_sentence_context(src, r, nxt, day_mentions) for r, nxt in zip(refs, starts)]
    return [r for r in without_owned_coreferents(refs) if r.type.emit]


# "135/2020": a State legal document's serial number and its year
NUMBER_WITH_YEAR_RE = regex.compile(r"(?P<serial>\d+[a-z]?)/(?P<year>(?:19|20)\d{2})")


def _number_and_symbol(number: str | None, symbol: str | None) -> tuple[str | None, str | None]:
    """The number and symbol as GOLD.md records them: the number is the serial, the symbol
    everything written after it ("Thông tư 11/2020/TT-BGDĐT" is number 11, symbol
    2020/TT-BGDĐT); the canonical_id keeps the whole."""
    m = NUMBER_WITH_YEAR_RE.fullmatch(number or "")
    if not m:
        return number, symbol
    return m.group("serial"), f"{m.group('year')}/{symbol}" if symbol else m.group("year")


def extract_directives(doc: Document, dates: list[DateMention]) -> list[DirectiveMention]:
    """Every reference to a Party, State or union document in the body, one row per mention."""
    rows = []
    for r in _find_refs(doc, dates):
        number, symbol = _number_and_symbol(r.number, r.symbol)
        rows.append(DirectiveMention(
            **doc.provenance(r.start, r.end, "rule", r.confidence),
            type=r.type.type, number=number, symbol=symbol, canonical_id=_canonical_id(r),
            issuer=r.issuer, issued=r.issued))
    return rows
