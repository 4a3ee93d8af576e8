"""Numbered references, read on characters: a type word's number(s) and symbol ("Nghị quyết
số 02-NQ/TW", "Quyết định 5816/QĐ-UBND", "135/2020/NĐ-CP"), and bare symbols typed by their
abbreviation ("theo 204/KH-LĐLĐ"). Vocabularies: rules/directive_symbols.yaml and the
abbreviation columns of rules/directive_types.csv."""
from __future__ import annotations

from itertools import takewhile

import regex

from ..ruledata import load_yaml
from .directive_dates import date_at
from .directive_tokens import is_capitalised
from .directive_types import SPACES_RE, TYPES, DocType, Ref, is_exact

SYMBOLS = load_yaml("directive_symbols.yaml")

PARTY_CODES = frozenset(c.casefold() for c in SYMBOLS["party_issuer_codes"])
STATE_ABBR = {a.casefold(): t for t in TYPES for a in t.state_abbr}
PARTY_ABBR = {a.casefold(): t for t in TYPES for a in t.party_abbr}
ALL_ABBR = frozenset(STATE_ABBR) | frozenset(PARTY_ABBR)

# A symbol code: capitals and digits, a few with lowercase ASCII ("CTr", "Ctr", "QĐi", "TTg"),
# and two bodies' codes joined by "&" ("BGD&ĐT", "CĐCKCX&CN").
CODE = r"\p{Lu}(?:[\p{Lu}\d]|[a-z]|&(?=\p{Lu})){0,11}(?![\p{L}\d])"
CODE_CAPS = r"\p{Lu}(?:[\p{Lu}\d]|&(?=\p{Lu})){0,11}(?![\p{L}\d])"
# later parts of a symbol: glued ("KH/ĐĐ-LĐLĐ") or, only before capitals, with stray spaces
MORE_CODES = rf"(?:(?:[-–](?:{CODE})|[^\S\n]*[-–][^\S\n]*(?:{CODE_CAPS})))*"
# "5816", "135/2020" (a legal document's number carries its year), "7c" ("7c/NQ-TLĐ"), "10b"
# (a letter glued to the number is part of it: "Nghị quyết 10b ngày 12/1/2017")
NUMBER = r"\d{1,5}(?:[a-z](?=[^\S\n]*[/\-–]|(?![\p{L}\d])))?(?:/(?:19|20)\d{2}(?=[^\S\n]*/))?"
PARTY_SYMBOL = rf"[^\S\n]*[-–][^\S\n]*(?P<pabbr>{CODE})[^\S\n]*/[^\S\n]*(?P<prest>{CODE}{MORE_CODES})"
# a joint ("liên tịch") document's code names its issuers after a further slash:
# "119/2004/TTLT/BTC-TLĐLĐVN"
STATE_SYMBOL = rf"[^\S\n]*/[^\S\n]*(?P<sfirst>{CODE}(?:(?<=LT)/{CODE})?{MORE_CODES})"
SYMBOL_RE = regex.compile(rf"(?:{PARTY_SYMBOL}|{STATE_SYMBOL})")

# "Chương trình hành động số 17-CTr/TU", "Kế hoạch liên tịch số 01/KHLT-..."
QUALIFIERS = "|".join(
    r"[^\S\n]+".join(regex.escape(w) for w in q.split())
    for q in sorted(SYMBOLS["type_qualifiers"], key=len, reverse=True)
)
# what follows a type word: "số 02-NQ/TW", "02/KH-LĐLĐ", "số: 18, 19-NQ/TW", "liên tịch số 01/..."
NUMBER_AFTER_TYPE_RE = regex.compile(
    # (an abbreviation glossing the type may stand before the number: "Nghị quyết (NQ) 28")
    rf"(?P<lead>(?:[^\S\n]*\((?-i:\p{{Lu}}{{1,5}})\))?(?:[^\S\n]+(?:{QUALIFIERS}))?(?:[^\S\n]+(?P<so>số)[^\S\n]*:?[^\S\n]*|[^\S\n]*:[^\S\n]*|[^\S\n]+))"
    rf"(?P<nums>{NUMBER}(?:[^\S\n]*,[^\S\n]*{NUMBER}|[^\S\n]+và[^\S\n]+{NUMBER})*)(?![\d.,]\d)",
    regex.IGNORECASE,
)
NUM_ITEM_RE = regex.compile(NUMBER)
BARE_PARTY_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}/\-–.])(?P<num>\d{{1,5}}[a-z]?){PARTY_SYMBOL}"
)
BARE_STATE_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}/\-–.])(?P<num>\d{{1,5}}[a-z]?(?:/(?:19|20)\d{{2}})?)[^\S\n]*/[^\S\n]*"
    rf"(?P<sfirst>(?P<sabbr>{CODE})(?:[-–](?:{CODE}))+)"
)
QUANTITY_RE = regex.compile(
    r"[^\S\n]*(?:"
    + "|".join(regex.escape(w) for w in sorted(SYMBOLS["quantity_words"], key=len, reverse=True))
    + r")(?![\p{L}])",
    regex.IGNORECASE,
)
NUMBER_FOLLOWER_RE = regex.compile(
    r"[^\S\n]*(?:$|[\n,.;:)”\"(]|\p{Lu}|(?:"
    + "|".join(regex.escape(w) for w in sorted(SYMBOLS["number_followers"], key=len, reverse=True))
    + r")(?![\p{L}]))",  # case-sensitive: \p{Lu} is a Capitalised word
)
YEAR_RE = regex.compile(r"(?:19|20)\d{2}")
BLANKS_RE = regex.compile(r"[^\S\n]*")


def _clean_symbol(raw: str) -> str:
    return SPACES_RE.sub("", raw).replace("–", "-")


def _party_form(symbol: str, style: str) -> tuple[str, str]:
    """A Party document written in the State style ("20/NQ-TW") is a Party document; its
    symbol stays as written ("NQ-TW"): GOLD.md scores the code the text gives."""
    if style == "state":
        parts = symbol.split("-")
        if len(parts) == 2 and parts[0].casefold() in PARTY_ABBR and parts[1].casefold() in PARTY_CODES:
            return symbol, "party"
    return symbol, style


def _symbol_after(text: str, pos: int) -> tuple[str, str, int] | None:
    m = SYMBOL_RE.match(text, pos)
    if not m:
        return None
    if m.group("pabbr"):
        sym = _clean_symbol(m.group("pabbr") + "/" + m.group("prest"))
        return sym, "party", m.end()
    return _clean_symbol(m.group("sfirst")), "state", m.end()


def _symbol_names_other_kind(symbol: str, style: str, t: DocType) -> bool:
    """ "Thông báo kết luận số 123-TB/TW": the symbol's type code says the document is a
    Thông báo, a kind not reported, whatever word precedes the number."""
    if t.symbol_opens != "type":
        return False
    code = regex.split(r"[/\-]", symbol)[0].casefold()
    if code in {a.casefold() for a in t.state_abbr + t.party_abbr}:
        return False
    other = (PARTY_ABBR if style == "party" else STATE_ABBR).get(code)
    return other is not None and not other.emit


# a document named (or its issuing body told) between its type word and its number: "Luật Công
# đoàn số 50/2025/QH15", "Nghị quyết Hội nghị lần thứ VI Ban Chấp hành Tổng LĐLĐ Việt Nam (khóa
# XII) số 09/NQ-BCH"; words and a short aside only, within one clause
NAME_WORDS = int(SYMBOLS["name_before_number_words"])
NUMBER_AFTER_NAME_RE = regex.compile(
    rf"(?P<name>(?:[^\S\n]+(?:[\p{{L}}\p{{N}}&]+(?:[-–][\p{{L}}\p{{N}}]+)*|\([^()\n]{{1,30}}\))){{1,{NAME_WORDS}}}?)"
    rf"[^\S\n]+(?i:số)[^\S\n]*:?[^\S\n]*(?P<num>{NUMBER})(?=[^\S\n]*[/\-–])")


def numbered_after_name(text: str, tm: regex.Match, t: DocType, type_words) -> Ref | None:
    """The reference a type word opens whose number and symbol follow its name ("Luật Công đoàn
    số 50/2025/QH15"); none where another type word stands between (`type_words`: a finditer
    of them) or the symbol's code names another type."""
    m = NUMBER_AFTER_NAME_RE.match(text, tm.end())
    if m is None or any(True for _ in type_words(m.group("name"))):
        return None
    sym = _symbol_after(text, m.end("num"))
    if sym is None:
        return None
    symbol, style = _party_form(sym[0], sym[1])
    code = regex.split(r"[/\-]", symbol)[0].casefold()
    own = {a.casefold() for a in t.state_abbr + t.party_abbr}
    if code in ALL_ABBR and code not in own:
        return None
    return Ref(tm.start(), sym[2], t, m.group("num"), symbol, style, 0.9)


def numbered_after_type(text: str, tm: regex.Match, t: DocType, days: dict | None = None) -> list[Ref]:
    """References made of the type word at tm and the number(s)/symbol after it (`days`: the
    dates stage's day mentions by start, for a bare number's date of issue)."""
    m = NUMBER_AFTER_TYPE_RE.match(text, tm.end())
    if not m:
        return []
    # not bounded at the list's end: NUMBER looks ahead past it ("135/2020/NĐ-CP")
    # (takewhile: the matches past the list are never scanned, however long the line)
    items = list(takewhile(lambda n: n.start() < m.end("nums"), NUM_ITEM_RE.finditer(text, m.start("nums"))))
    items = [n for n in items if n.end() <= m.end("nums")]
    if not items:  # "Nghị quyết 20.0": no number reads whole inside the list
        return []
    sym = _symbol_after(text, m.end("nums"))
    if sym is None:
        items = items[:1]  # "số 01, ngày ..." — a list needs the shared symbol
        num = items[0].group()
        after = text[items[0].end(): items[0].end() + 12]
        if "/" in num:
            return []
        if not m.group("so"):
            # "Nghị quyết 20" is a document only written as a title, never a year, a period
            # ("2021-2025"), a fraction, or a count of what follows ("Quy định 3 mức")
            if not is_capitalised(tm.group()) or YEAR_RE.fullmatch(num) or regex.match(r"\s*[-–/]\s*\d", after):
                return []
            if not NUMBER_FOLLOWER_RE.match(text, items[0].end()):
                return []
        # "ngày" is a quantity word ("Kế hoạch 10 ngày cao điểm") unless the dates stage read a
        # day there: "Nghị quyết 10 ngày 12/1/2017" is a document of that day
        if not m.group("so") and ((QUANTITY_RE.match(text, items[0].end())
                                   and date_at(text, BLANKS_RE.match(text, items[0].end()).end(), days or {}) is None)
                                  or regex.match(r"\s*%", after)):
            return []
        if not is_exact(tm.group(), t) and not m.group("so"):
            return []
        return [Ref(tm.start(), items[0].end(), t, num, None, None, 0.85)]
    symbol, style, end = sym
    symbol, style = _party_form(symbol, style)
    if _symbol_names_other_kind(symbol, style, t):
        return []
    refs = []
    for k, it in enumerate(items):
        last = k == len(items) - 1
        start = tm.start() if k == 0 else it.start()
        refs.append(Ref(start, end if last else it.end(), t, it.group(), symbol, style, 0.95))
    return refs


def bare_refs(text: str, taken: list[tuple[int, int]]) -> list[Ref]:
    """Symbol-number references without a type word ("theo 204/KH-LĐLĐ"), typed by abbreviation."""
    refs = []
    for rx, style in ((BARE_PARTY_RE, "party"), (BARE_STATE_RE, "state")):
        for m in rx.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            abbr = (m.group("pabbr") if style == "party" else m.group("sabbr")).casefold()
            t = (PARTY_ABBR if style == "party" else STATE_ABBR).get(abbr)
            if t is None:
                continue
            raw = m.group("pabbr") + "/" + m.group("prest") if style == "party" else m.group("sfirst")
            symbol, st = _party_form(_clean_symbol(raw), style)
            refs.append(Ref(m.start(), m.end(), t, m.group("num"), symbol, st, 0.8))
            taken.append((m.start(), m.end()))
    return refs


def symbol_codes(symbol: str | None) -> list[str]:
    """The issuing codes of a symbol, without its type abbreviation ("KH/ĐĐ-LĐLĐ" → ĐĐ, LĐLĐ)."""
    if not symbol:
        return []
    parts = regex.split(r"[/\-]", symbol)
    return [p for p in parts if p.casefold() not in ALL_ABBR]
