"""Trade-union organisations named in an article, each with its canonical name.

Three steps, each a pure function of the article:
1. `normalise` (org_normalise): a view of the body with abbreviations expanded
   (org_abbreviations: rules/abbreviations.csv and those the article defines for itself,
   "Liên đoàn Lao động (LĐLĐ)"), all-caps headlines in title case, keeping for every character
   the body span it came from;
2. `parse_candidates` (org_parse): at every head word (Tổng Liên đoàn, Liên đoàn Lao động,
   Công đoàn) read the body's kind and name from the words after it (org_unions, org_unit_names,
   org_places). A candidate (org_candidate) is complete ("Liên đoàn Lao động huyện Mỹ Đức") or
   bare ("LĐLĐ tỉnh", "Công đoàn ngành", "Công đoàn Viên chức");
3. `resolve` (org_resolve): complete a bare candidate from the article's province or from the
   nearest body of the same kind the article names; drop what cannot be completed.
Vocabularies live in rules/org_patterns.yaml (org_patterns); the gazetteer is pipeline.places'.
This module runs the three steps and writes one row per body.
"""
from __future__ import annotations

import datetime as dt

import regex

from ..document import Document
from ..normalize import modern_tones
from ..places import home_province
from ..records import OrgMention
from .org_candidate import Candidate
from .org_normalise import NormText, normalise
from .org_parse import parse_candidates
from .org_patterns import CANON, RULES
from .org_places import NATIONAL
from .org_resolve import resolve, unify_place_kinds
from .org_unit_names import WordEnd

ORG_LEVEL = RULES["org_types"]


def level_of(c: Candidate) -> str:
    if c.org_type != "cdcs" and c.canonical.endswith(" " + NATIONAL):
        return "national"
    return c.level or ORG_LEVEL[c.org_type]


def historical_name(c: Candidate) -> str:
    """The canonical name under the historical head the text uses ("Liên hiệp Công đoàn tỉnh
    Kiên Giang"), as GOLD.md lists such bodies."""
    if c.head and c.canonical.startswith(CANON["ldld"]):
        return c.head + c.canonical[len(CANON["ldld"]):]
    return c.canonical


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


# a paragraph of its own length at least, ending in a letter: the text was cut off mid-sentence
_CUT_LINE_CHARS = 80
_CUT_END_RE = regex.compile(r"\p{L}+$")


def cut_off_at(body: str) -> int:
    """Where the last word of a text cut off mid-sentence begins (a stored copy's excerpt
    ends "... Công đoàn Tổng công ty Bưu điện Vi"), else past the text's end: a body
    ending in a long line without closing punctuation."""
    text = body.rstrip()
    line = text[text.rfind("\n") + 1:]
    last = _CUT_END_RE.search(line)
    if len(line) < _CUT_LINE_CHARS or last is None:
        return len(body) + 1
    return len(text) - len(last.group())


def extract_orgs(doc: Document, province: str | None, published: dt.date | None = None) -> list[OrgMention]:
    """One row per mention of a trade-union body in the body, with its canonical name
    (`published`: after the 2025 merger a bare "LĐLĐ tỉnh" is the merged province's)."""
    norm = normalise(doc.body)
    found = unify_place_kinds(resolve(parse_candidates(norm.text, province, segmenter_words(doc, norm)), norm.text,
                                      province, home_province(province, published, doc.body)))
    out = []
    cut = cut_off_at(doc.body)
    for c in found:
        start, end = norm.body_span(c.start, c.end)
        if end >= cut:
            continue  # a name the stored copy cuts off ("... do Công đoàn ngành Y t"): not its name
        level = level_of(c)
        canonical = modern_tones(historical_name(c))
        out.append(OrgMention(
            **doc.provenance(start, end, "rule", round(min(max(c.confidence, 0.3), 1.0), 2)),
            canonical=canonical,
            org_type=c.org_type,
            level=level,
            province=None if level == "national" else (c.province or province),
        ))
    return out
