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
"""
from __future__ import annotations

import datetime as dt
from itertools import takewhile
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

import regex

from ..document import Document
from ..records import DateMention, DirectiveMention
from ..ruledata import load_table, load_yaml
from .skeleton import AccentBlindPhrases, base_letter, letter_class


# --------------------------------------------------------------------------- rule data


@dataclass(frozen=True)
class DocType:
    phrase: str  # as written, lowercase
    type: str  # as reported
    emit: bool
    fuzzy: bool
    state_abbr: tuple[str, ...]
    party_abbr: tuple[str, ...]
    unnamed: frozenset[str]  # congress, plenum, law, title
    symbol_opens: str  # type, issuer


def _load_types() -> tuple[DocType, ...]:
    return tuple(
        DocType(
            phrase=r["phrase"].strip().lower(),
            type=r["type"].strip(),
            emit=r["emit"].strip() == "yes",
            fuzzy=r["fuzzy"].strip() == "yes",
            state_abbr=tuple((r.get("state_abbr") or "").split()),
            party_abbr=tuple((r.get("party_abbr") or "").split()),
            unnamed=frozenset((r.get("unnamed") or "").split()),
            symbol_opens=(r.get("symbol_opens") or "type").strip(),
        )
        for r in load_table("directive_types.csv")
    )


TYPES = _load_types()
ISSUERS = load_yaml("issuers.yaml")
SYMBOLS = load_yaml("directive_symbols.yaml")

ABBREVIATIONS: dict[str, str] = {r["abbr"]: r["expansion"] for r in load_table("abbreviations.csv")
                                  if r["scope"] in ("issuers", "all")}
PARTY_CODES = frozenset(c.casefold() for c in SYMBOLS["party_issuer_codes"])
STATE_ABBR = {a.casefold(): t for t in TYPES for a in t.state_abbr}
PARTY_ABBR = {a.casefold(): t for t in TYPES for a in t.party_abbr}
ALL_ABBR = frozenset(STATE_ABBR) | frozenset(PARTY_ABBR)


def _skeleton_pattern(phrase: str) -> str:
    """A pattern matching the phrase with any diacritics on any letter (checked after)."""
    return "".join(r"[^\S\n]+" if ch == " " else letter_class(ch) for ch in phrase)


def _compile_type_words() -> regex.Pattern:
    phrases = sorted({t.phrase for t in TYPES}, key=len, reverse=True)
    alts = "|".join(_skeleton_pattern(p) for p in phrases)
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alts})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE)


TYPE_WORD_RE = _compile_type_words()
TYPE_WORDS = AccentBlindPhrases((t.phrase for t in TYPES), TYPE_WORD_RE)  # TYPE_WORD_RE.finditer, fast

# A symbol code: capitals and digits, a few with lowercase ASCII ("CTr", "Ctr", "QĐi", "TTg").
CODE = r"\p{Lu}(?:[\p{Lu}\d]|[a-z]){0,11}(?![\p{L}\d])"
CODE_CAPS = r"\p{Lu}[\p{Lu}\d]{0,11}(?![\p{L}\d])"
# later parts of a symbol: glued ("KH/ĐĐ-LĐLĐ") or, only before capitals, with stray spaces
MORE_CODES = rf"(?:(?:[-–](?:{CODE})|[^\S\n]*[-–][^\S\n]*(?:{CODE_CAPS})))*"
# "5816", "135/2020" (a legal document's number carries its year), "7c" ("7c/NQ-TLĐ")
NUMBER = r"\d{1,5}(?:[a-z](?=[^\S\n]*[/\-–]))?(?:/(?:19|20)\d{2}(?=[^\S\n]*/))?"
PARTY_SYMBOL = rf"[^\S\n]*[-–][^\S\n]*(?P<pabbr>{CODE})[^\S\n]*/[^\S\n]*(?P<prest>{CODE}{MORE_CODES})"
STATE_SYMBOL = rf"[^\S\n]*/[^\S\n]*(?P<sfirst>{CODE}{MORE_CODES})"
SYMBOL_RE = regex.compile(rf"(?:{PARTY_SYMBOL}|{STATE_SYMBOL})")

# "Chương trình hành động số 17-CTr/TU", "Kế hoạch liên tịch số 01/KHLT-..."
QUALIFIERS = "|".join(
    r"[^\S\n]+".join(regex.escape(w) for w in q.split())
    for q in sorted(SYMBOLS["type_qualifiers"], key=len, reverse=True)
)
# what follows a type word: "số 02-NQ/TW", "02/KH-LĐLĐ", "số: 18, 19-NQ/TW", "liên tịch số 01/..."
NUMBER_AFTER_TYPE_RE = regex.compile(
    rf"(?P<lead>(?:[^\S\n]+(?:{QUALIFIERS}))?(?:[^\S\n]+(?P<so>số)[^\S\n]*:?[^\S\n]*|[^\S\n]*:[^\S\n]*|[^\S\n]+))"
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
LAW_YEAR_RE = regex.compile(r"(?:[^\S\n]+năm)?[^\S\n]+(?:19|20)\d{2}(?!\d)")
YEAR_RE = regex.compile(r"(?:19|20)\d{2}")
ROMAN_RE = regex.compile(r"[IVXLC]+")

# "ban hành ngày ...", "thông qua ngày ...": an issuing verb may stand before a document's date
ISSUE_VERB_PREFIX = "(?:(?:" + "|".join(
    r"[^\S\n]+".join(regex.escape(w) for w in str(v).split())
    for v in sorted(ISSUERS["issue_verbs"], key=len, reverse=True)
) + r")[^\S\n]+)?"
DATE_NUMERIC_RE = regex.compile(
    ISSUE_VERB_PREFIX + r"(?:ngày[^\S\n]+)?(?P<d>\d{1,2})[^\S\n]*(?P<sep>[/.\-])[^\S\n]*(?P<m>\d{1,2})[^\S\n]*(?P=sep)[^\S\n]*"
    r"(?P<y>(?:19|20)\d{2})(?!\d)",
    regex.IGNORECASE,
)
DATE_WORDS_RE = regex.compile(
    ISSUE_VERB_PREFIX + r"(?:ngày[^\S\n]+)?(?P<d>\d{1,2})[^\S\n]+tháng[^\S\n]+(?P<m>\d{1,2})[^\S\n]+năm[^\S\n]+(?P<y>(?:19|20)\d{2})(?!\d)",
    regex.IGNORECASE,
)
# a day without its year ("ngày 6/12", "6/12" after an intro's "Ngày"): taken only where the
# dates stage read a day there and resolved its year
DATE_NO_YEAR_RE = regex.compile(
    ISSUE_VERB_PREFIX + r"(?:ngày[^\S\n]+)?\d{1,2}(?:[^\S\n]*[/.\-][^\S\n]*|[^\S\n]+tháng[^\S\n]+)\d{1,2}(?![\d/.\-])",
    regex.IGNORECASE,
)
INTRO_DATE_RE = regex.compile(
    r"[^\S\n]*(?:(?:" + "|".join(map(regex.escape, load_yaml("dates.yaml")["day_parts"])) + r")[^\S\n]+)?(?:ngày[^\S\n]+)?(?=\d)",
    regex.IGNORECASE
)


class Phrases(tuple):
    """Phrases as syllable tuples, longest first, indexed by their first syllable (as written
    and casefolded) so that _match_phrase tries only those that can match."""

    def __new__(cls, phrases):
        self = super().__new__(cls, phrases)
        self.by_first: dict[str, tuple] = {}
        self.by_first_folded: dict[str, tuple] = {}
        for ph in self:
            if ph:
                self.by_first[ph[0]] = self.by_first.get(ph[0], ()) + (ph,)
                self.by_first_folded[ph[0].casefold()] = self.by_first_folded.get(ph[0].casefold(), ()) + (ph,)
        return self


def _phrases(key: str) -> Phrases:
    """Phrases of an issuers.yaml list as syllable tuples, longest first."""
    return Phrases(sorted((tuple(str(p).split()) for p in ISSUERS[key]), key=len, reverse=True))


HEADS = _phrases("heads")
DIRECT_HEADS = _phrases("direct_heads")
NAME_WORDS = Phrases(p for p in _phrases("name_words") if p[0].islower())
NAME_WORDS_CASED = Phrases(p for p in _phrases("name_words") if not p[0].islower())
ORDINALS = _phrases("ordinals")
ISSUE_VERBS = _phrases("issue_verbs")
SUBJECT_VERBS = _phrases("subject_verbs")
PASSIVE_MARKERS = _phrases("passive_markers")
ISSUE_ADVERBS = _phrases("issue_adverbs")
TOPIC_MARKERS = _phrases("topic_markers")
ANAPHORA_AFTER_TYPE = _phrases("anaphora_after_type")
OWNER_REACH = int(ISSUERS["owner_reach"])
DRAFT_RE = regex.compile(r"(?i)(?<!\p{L})(?:" + "|".join(regex.escape(w) for w in ISSUERS["draft_words"])
                         + r")(?!\p{L})(?:\s+\S+){0," + str(int(ISSUERS["draft_reach"])) + r"}\s*$")
# "các/những [Chỉ thị,] Nghị quyết": documents in the plural, no one of them named
PLURAL_BEFORE_TYPE_RE = regex.compile(r"(?i)(?<!\p{L})(?:các|những|mọi)\s+(?:\p{L}+(?:\s+\p{L}+)?\s*,\s*)?$")
MAX_NAME_CHARS = 300  # no issuing body's name is longer: names are never scanned further
OWNER_WORD = str(ISSUERS["owner_word"])
OWNER_GENERIC = frozenset(str(w).casefold() for w in ISSUERS["owner_generic"])
OWNER_TYPE_WORDS = {t: tuple(tuple(w.split()) for w in ws) for t, ws in ISSUERS["owner_type_words"].items()}
JOINERS = frozenset(str(j) for j in ISSUERS["joiners"])
STOP_WORDS = frozenset(str(w).casefold() for w in ISSUERS["stop_words"])
PLENUM_ISSUER = str(ISSUERS["plenum_issuer"])

SPACES_RE = regex.compile(r"\s+")
TOKEN_RE = regex.compile(r"[\p{L}\p{N}]+(?:\.[\p{L}]+)*|[^\s\p{L}\p{N}]")
NAMED_AFTER_TYPE_RE = regex.compile(r"[^\S\n]+(?:đại|hội|trung|ban|bch)[^\S\n]", regex.IGNORECASE)
GLUED_RE = regex.compile(r"(?<=\p{Ll}{2})(?=\p{Lu}\p{Ll})")  # "hànhTrung" → "hành" "Trung"


# --------------------------------------------------------------------------- names (issuers)


class Tok(NamedTuple):  # (a tuple: ~80,000 are made for 400 articles)
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Source:
    """The body text, with the Document whose underthesea words tell compound syllables."""

    text: str
    doc: Document | None = None

    def compound_end(self, pos: int) -> int | None:
        """End of the underthesea word holding pos where it spans several syllables
        ("Đảng Cộng sản Việt Nam", "Thương binh"): the lowercase syllables after a
        Capitalised one that belong to the same word."""
        sent = self.doc.sentence_at(pos) if self.doc is not None else None
        if sent is None:
            return None
        for tok in sent.tokens:  # segmented on first use only, for sentences naming an issuer
            if tok.start <= pos < tok.end:
                return tok.end if " " in tok.text else None
            if tok.start > pos:
                break
        return None


def _tokens(text: str, start: int, end: int) -> list[Tok]:
    """Word and punctuation tokens of text[start:end], glued words split."""
    out: list[Tok] = []
    for m in TOKEN_RE.finditer(text, start, end):
        word, pos = m.group(), m.start()
        # a glue point needs two lowercase letters, then an uppercase one and a lowercase one
        if len(word) < 4 or word.islower() or word in ABBREVIATIONS:
            out.append(Tok(word, pos, pos + len(word)))
            continue
        for p in GLUED_RE.split(word):
            out.append(Tok(p, pos, pos + len(p)))
            pos += len(p)
    return out


def _match_phrase(toks: list[Tok], i: int, phrases, casefold: bool = True) -> int:
    """Length in tokens of the longest phrase starting at toks[i] (0 if none)."""
    if i >= len(toks):
        return 0
    if isinstance(phrases, Phrases):
        first = toks[i].text
        phrases = phrases.by_first_folded.get(first.casefold(), ()) if casefold else phrases.by_first.get(first, ())
    for ph in phrases:
        n = len(ph)
        if i + n <= len(toks) and all(
            (toks[i + k].text.casefold() == ph[k].casefold()) if casefold else toks[i + k].text == ph[k]
            for k in range(n)
        ):
            return n
    return 0


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_abbreviation(word: str) -> bool:
    return len(word) >= 2 and sum(c.isupper() for c in word) >= 2 and word.replace(".", "").isalnum()


def _starts_reference(toks: list[Tok], i: int, text: str, after_joiner: bool = False) -> bool:
    """A document type starts here (followed by a number, a congress or a plenum, or
    after "và"): a name never runs into one. "Sở Kế hoạch và Đầu tư" stays a name."""
    m = TYPE_WORD_RE.match(text, toks[i].start)
    if not (m and _type_of(m.group())):
        return False
    return after_joiner or bool(
        NUMBER_AFTER_TYPE_RE.match(text, m.end()) or NAMED_AFTER_TYPE_RE.match(text, m.end())
    )


def _paren_content(toks: list[Tok], i: int) -> tuple[list[Tok], int] | None:
    """Tokens inside the parenthesis opening at toks[i], and the index after ')'."""
    for j in range(i + 1, min(len(toks), i + 8)):
        if toks[j].text == ")":
            return toks[i + 1: j], j + 1
    return None


def _in_term_list(words: list[str]) -> bool:
    """The name so far ends in "khóa XI" or "khóa XI, XII"."""
    k = len(words) - 1
    while k >= 0 and ROMAN_RE.fullmatch(words[k].rstrip(",")):
        k -= 1
    return k < len(words) - 1 and k >= 0 and words[k].casefold() in ("khóa", "khoá")


def _extend_compound(src: Source, toks: list[Tok], i: int, end: int, words: list[str]) -> tuple[int, int]:
    """Take the lowercase syllables of the word toks[i-1] begins ("Đảng Cộng sản", "Bộ Giáo
    dục"): appends them to `words`, returns the next index and the new end."""
    if i >= len(toks) or not toks[i].text.islower():
        return i, end  # no lowercase syllable follows: no need to segment the sentence
    cend = src.compound_end(toks[i - 1].start)
    while cend is not None and i < len(toks) and toks[i].end <= cend and toks[i].text.islower():
        words.append(toks[i].text)
        end, i = toks[i].end, i + 1
    return i, end


def _scan_name(src: Source, start: int, limit: int) -> tuple[list[str], int] | None:
    """The body name starting at `start` as a list of words (abbreviations expanded), and
    where it ends; None unless it starts with a Capitalised word or an abbreviation."""
    text = src.text
    toks = _tokens(text, start, min(limit, start + MAX_NAME_CHARS))  # a line may be very long
    words: list[str] = []
    end = start
    i = 0
    while i < len(toks):
        t = toks[i].text
        if t == "(":
            inner = _paren_content(toks, i)
            if inner is None:
                break
            content, nxt = inner
            if content and all(_is_abbreviation(c.text) for c in content):
                i = nxt  # an alias "(LĐLĐ)": the full name is already there
                continue
            if content and content[0].text.casefold() in ("khóa", "khoá") and all(
                ROMAN_RE.fullmatch(c.text) or c.text == "," for c in content[1:]
            ):
                words.append("khóa")
                words.extend(c.text for c in content[1:] if c.text != ",")
                end, i = toks[nxt - 1].end, nxt
                continue
            break
        if t == "." and i > 0 and toks[i - 1].text in ABBREVIATIONS and i + 1 < len(toks) \
                and _is_capitalised(toks[i + 1].text):
            i += 1  # "TP. Hồ Chí Minh"
            continue
        if not words:
            if not (_is_capitalised(t) and t[0].isalpha()) or t.casefold() in STOP_WORDS:
                return None
        n = max(_match_phrase(toks, i, NAME_WORDS), _match_phrase(toks, i, NAME_WORDS_CASED, casefold=False))
        if n:
            words.extend(tok.text for tok in toks[i: i + n])
            end, i = toks[i + n - 1].end, i + n
            if _is_capitalised(t):  # "Xã hội" is a word, not the commune "xã"
                i, end = _extend_compound(src, toks, i, end, words)
            if words[-2:] == ["lần", "thứ"] and i < len(toks):
                k = _match_phrase(toks, i, ORDINALS)
                if k:
                    words.extend(tok.text for tok in toks[i: i + k])
                    end, i = toks[i + k - 1].end, i + k
            continue
        if t in ABBREVIATIONS:
            if ROMAN_RE.fullmatch(t):
                words.append(t)
            else:
                words.extend(ABBREVIATIONS[t].split())
            end, i = toks[i].end, i + 1
            continue
        if t == "," and _in_term_list(words) and i + 1 < len(toks) and ROMAN_RE.fullmatch(toks[i + 1].text):
            words[-1] += ","  # "khóa XI, XII, XIII"
            words.append(toks[i + 1].text)
            end, i = toks[i + 1].end, i + 2
            continue
        if t.isdigit() and len(t) <= 2 and words and words[-1].casefold() in ("thứ", "ương", "nghị"):
            words.append(t)
            end, i = toks[i].end, i + 1
            continue
        if t in JOINERS and words and i + 1 < len(toks) and _is_capitalised(toks[i + 1].text) \
                and toks[i + 1].text[0].isalpha() and not _starts_reference(toks, i + 1, text, True) \
                and toks[i + 1].text.casefold() not in STOP_WORDS:
            words.append(t)
            i += 1
            continue
        if _is_capitalised(t) and t[0].isalpha() and t.casefold() not in STOP_WORDS \
                and not _starts_reference(toks, i, text):
            words.append(t)
            end, i = toks[i].end, i + 1
            i, end = _extend_compound(src, toks, i, end, words)
            continue
        break
    while words and (words[-1] in JOINERS or words[-1] in ("lần", "thứ")):
        words.pop()
    if not words:
        return None
    return words, end


def _name_text(words: list[str]) -> str:
    return " ".join(words).replace("khoá", "khóa")


def _name_after(src: Source, pos: int, limit: int, heads=None) -> tuple[str, int] | None:
    """A name starting at pos (optionally required to begin with one of `heads`)."""
    got = _scan_name(src, pos, limit)
    if got is None:
        return None
    words, end = got
    if heads is not None:
        toks = _tokens(src.text, pos, end)
        if not _match_phrase(toks, 0, heads):
            return None
    return _name_text(words), end


# --------------------------------------------------------------------------- dates


def _valid_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _date_at(text: str, pos: int, day_mentions: dict[int, DateMention]) -> tuple[dt.date, int] | None:
    """A day date starting at pos ("ngày 12/6/2021", "12-6-2021", "ngày 12 tháng 6 năm 2021").

    A DateMention from the dates stage starting inside the match wins (it knows year-less
    dates' years); else the date is read here.
    """
    for rx in (DATE_NUMERIC_RE, DATE_WORDS_RE, DATE_NO_YEAR_RE):
        m = rx.match(text, pos)
        if not m:
            continue
        # the day the dates stage read over this span ("Ngày 8 tháng 3" starts before "8")
        known = next((d for d in day_mentions.values() if d.start < m.end() and m.start() < d.end), None)
        if known is not None and known.date is not None:
            return known.date, max(m.end(), known.end)
        if rx is DATE_NO_YEAR_RE:
            continue
        d = _valid_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            return d, m.end()
    return None


# --------------------------------------------------------------------------- references


@dataclass(frozen=True)
class Ref:
    start: int
    end: int
    type: DocType
    number: str | None
    symbol: str | None
    style: str | None  # party, state
    confidence: float
    issuer: str | None = None
    issued: dt.date | None = None
    tail_end: int = 0  # end of the date/issuer that follows the reference
    own_tail: bool = False
    title: str | None = None  # a law's name: "Luật Công đoàn năm 2012"


@lru_cache(maxsize=4096)  # a few type words, written the same way again and again
def _type_of(word: str) -> DocType | None:
    """The DocType of a matched type word: exact, or one letter's diacritic off (fuzzy types)."""
    low = SPACES_RE.sub(" ", word.lower())
    best = None
    for t in TYPES:
        if len(t.phrase) != len(low) or any(base_letter(a) != base_letter(b) for a, b in zip(t.phrase, low) if a != " "):
            continue
        diffs = sum(a != b for a, b in zip(t.phrase, low))
        if diffs == 0:
            return t
        if diffs == 1 and t.fuzzy:
            best = t
    return best


def _is_exact(word: str, t: DocType) -> bool:
    return SPACES_RE.sub(" ", word.lower()) == t.phrase


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


def _numbered_after_type(text: str, tm: regex.Match, t: DocType) -> list[Ref]:
    """References made of the type word at tm and the number(s)/symbol after it."""
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
            if not _is_capitalised(tm.group()) or YEAR_RE.fullmatch(num) or regex.match(r"\s*[-–/]\s*\d", after):
                return []
            if not NUMBER_FOLLOWER_RE.match(text, items[0].end()):
                return []
        if not m.group("so") and (QUANTITY_RE.match(text, items[0].end()) or regex.match(r"\s*%", after)):
            return []
        if not _is_exact(tm.group(), t) and not m.group("so"):
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


def _bare_refs(text: str, taken: list[tuple[int, int]]) -> list[Ref]:
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


def _name_after_space(src: Source, pos: int, limit: int, lead: str = r"\s+"):
    """The name (words, end) scanned after the whitespace `lead` matches at `pos`, if any."""
    m = regex.match(lead, src.text[pos:limit], regex.IGNORECASE)
    return _scan_name(src, pos + m.end(), limit) if m else None


def _named_congress(src: Source, pos: int, limit: int) -> tuple[str, int] | None:
    """ "Đại hội XI Công đoàn tỉnh", "Đại hội đại biểu Đảng bộ thành phố Cần Thơ lần thứ XIV",
    "Đại hội XIII của Đảng": a congress named by its ordinal, as the issuer."""
    text = src.text
    got = _name_after_space(src, pos, limit, r"\s+(?=đại\s+hội\b)")
    if got is None:
        return None
    words, end = got
    if not any(ROMAN_RE.fullmatch(w) for w in words) and "thứ" not in words:
        return None
    if "các" in words:  # "Đại hội Công đoàn các cấp" names no one congress
        return None
    name = _name_text(words)
    of = regex.match(r"\s+của\s+", text[end:limit])
    if of:
        owner = _name_after(src, end + of.end(), limit)
        if owner:
            name, end = f"{name} của {owner[0]}", owner[1]
    return name, end


def _named_plenum(src: Source, pos: int, limit: int) -> int | None:
    """ "Trung ương 4 khóa XI", "Hội nghị lần thứ 8 Ban Chấp hành Trung ương": where it ends."""
    got = _name_after_space(src, pos, limit)
    if got is None:
        return None
    words, end = got
    joined = " ".join(words).casefold()
    if "trung ương" not in joined:
        return None
    if not (any(w.isdigit() for w in words) or "hội nghị" in joined or "thứ" in words):
        return None
    return end


def _line_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def _preceded_by_verb(text: str, pos: int, line_start: int, verbs=ISSUE_VERBS) -> int | None:
    """Where the issuing verb before pos starts ("ban hành", "thông qua"), else None.
    Not in a topic ("Quyết định ... về việc ban hành Quy định ..."): that names no issuer."""
    toks = _tokens(text, max(line_start, pos - 60), pos)
    for n_verb in range(1, 4):
        i = len(toks) - n_verb
        if i < 0:
            break
        if _match_phrase(toks, i, verbs) == n_verb:
            before = toks[max(0, i - 2): i]
            if any(_match_phrase(before, k, TOPIC_MARKERS) == len(before) - k for k in range(len(before))):
                return None
            return toks[i].start
    return None


def _unnamed_after_type(src: Source, tm: regex.Match, t: DocType) -> Ref | None:
    """An unnumbered document named specifically (see the `unnamed` column); not a draft."""
    text = src.text
    if DRAFT_RE.search(text, max(0, tm.start() - 60), tm.start()):
        return None
    limit = _line_end(text, tm.end())
    exact = _is_exact(tm.group(), t)
    if "congress" in t.unnamed:
        got = _named_congress(src, tm.end(), limit)
        if got:
            return Ref(tm.start(), got[1], t, None, None, None, 0.75, issuer=got[0], own_tail=True)
    if "plenum" in t.unnamed:
        end = _named_plenum(src, tm.end(), limit)
        if end:
            return Ref(tm.start(), end, t, None, None, None, 0.75, issuer=PLENUM_ISSUER, own_tail=True)
    if "owner" in t.unnamed:
        owned = _owned_document(src, tm, t, limit)
        if owned:
            return owned
    if "quoted" in t.unnamed:
        quote = regex.match(r"\s*[“\"]([^”\"\n]{3,200})[”\"]", text[tm.end():limit])
        if quote:
            title = f"{t.type} “{quote.group(1).strip()}”"
            return Ref(tm.start(), tm.end() + quote.end(), t, None, None, None, 0.6, title=title)
    if not exact or not _is_capitalised(tm.group()):
        return None
    if "law" in t.unnamed:
        # "Luật Công đoàn", "Bộ luật Lao động": a law by its title; its issuer is not named
        m = regex.match(r"\s+(?=\p{Lu})", text[tm.end():limit])
        if m:
            got = _scan_name(src, tm.end() + m.end(), limit)
            if got:
                end = got[1]
                year = LAW_YEAR_RE.match(text, end, limit)  # "Luật Công đoàn năm 2012"
                end = year.end() if year else end
                title = regex.sub(r"\s+", " ", text[tm.start():end])
                return Ref(tm.start(), end, t, None, None, None, 0.7, title=title)
        return None
    if "title" in t.unnamed and not (tm.start() > 0 and text[tm.start() - 1] == "“"):
        line_start = text.rfind("\n", 0, tm.start()) + 1
        if _preceded_by_verb(text, tm.start(), line_start) is not None:
            # "ban hành Hướng dẫn đánh giá ...": a Title-case type names one document;
            # "thông qua Nghị quyết." / "ban hành Nghị quyết là ..." points back to one
            if regex.match(r"\s*(?:[“\"]|[^\s\p{L}\d]|$)", text[tm.end():limit]):
                return None
            following = _tokens(text, tm.end(), min(limit, tm.end() + 40))
            if following and _match_phrase(following, 0, ANAPHORA_AFTER_TYPE):
                return None
            return Ref(tm.start(), tm.end(), t, None, None, None, 0.6)
    return None


def _owned_document(src: Source, tm: regex.Match, t: DocType, limit: int) -> Ref | None:
    """ "Kế hoạch [topic] của Ban Thường vụ LĐLĐ thành phố": the body it belongs to names one
    document (see issuers.yaml owner_*); "các Chỉ thị, Nghị quyết của Đảng" names none."""
    if PLURAL_BEFORE_TYPE_RE.search(src.text, max(0, tm.start() - 30), tm.start()):
        return None
    # the topic and "của" stand within OWNER_REACH words: tokenise no further (lines can be long)
    toks = _tokens(src.text, tm.end(), min(limit, tm.end() + 12 * OWNER_REACH))
    needs = OWNER_TYPE_WORDS.get(t.type)
    if needs and not (_is_capitalised(tm.group()) and _match_phrase(toks, 0, needs)):
        return None
    if toks and (toks[0].text.casefold() == "số" or toks[0].text[:1].isdigit()):
        return None  # a numbered reference read (or refused: "Thông báo kết luận số 123-TB/TW") elsewhere
    for i, tok in enumerate(toks[:OWNER_REACH]):
        # a sentence break, or another document named in the topic (its "của" is its own)
        if tok.text in (".", ";", ":", "!", "?") or (i and TYPE_WORD_RE.match(src.text, tok.start)):
            return None
        # lower case, a type is a document only with its topic: "kế hoạch của UBND tỉnh" is any plan
        if tok.text.casefold() == OWNER_WORD and i + 1 < len(toks) and (i or _is_capitalised(tm.group())):
            named = _name_after(src, toks[i + 1].start, limit, HEADS)
            if named and named[0].casefold() not in OWNER_GENERIC:  # "của Công đoàn cấp mình": no one body
                return Ref(tm.start(), named[1], t, None, None, None, 0.6, issuer=named[0], own_tail=True)
            return None
    return None


def _tail(src: Source, ref: Ref, day_mentions: dict[int, DateMention]) -> Ref:
    """Date and issuer written right after a reference: ", ngày 12/6/2021 của Bộ Chính trị"."""
    text = src.text
    limit = _line_end(text, ref.end)
    pos, issued, issuer, own = ref.end, ref.issued, ref.issuer, ref.own_tail
    for _ in range(3):
        m = regex.match(r"[\s,(]*", text[pos:limit])
        p = pos + m.end()
        after_issuer_comma = issuer is not None and "," in text[pos:p]
        if issued is None and not after_issuer_comma:  # ", ngày ..." after the issuer opens a new clause
            d = _date_at(text, p, day_mentions)
            if d:
                issued, pos, own = d[0], d[1], True
                pos += len(regex.match(r"\)?", text[pos:limit]).group())
                continue
        if issuer is None or issued is None:
            got = _passive_issue(src, p, limit, named=issuer is None)
            if got:
                issuer, pos, own = got[0] or issuer, got[1], True
                continue
        if issuer is None:
            of = regex.match(r"(?:của|do)\s+", text[p:limit], regex.IGNORECASE)
            if of:
                got = _name_after(src, p + of.end(), limit)
                if got:
                    issuer, pos, own = got[0], got[1], True
                    continue
            if ref.number:
                got = _name_after(src, p, limit, heads=DIRECT_HEADS)
                if got and p == pos + len(regex.match(r"\s*", text[pos:limit]).group()):
                    issuer, pos, own = got[0], got[1], True
                    continue
        break
    return replace(ref, issued=issued, issuer=issuer, tail_end=max(pos, ref.end), own_tail=own)


def _issue_verb_end(src: Source, pos: int, limit: int) -> int | None:
    """End of an issuing verb ("thông qua", "ban hành") right at pos, else None."""
    toks = _tokens(src.text, pos, min(limit, pos + 40))
    n = _match_phrase(toks, 0, ISSUE_VERBS) if toks and toks[0].start == pos else 0
    return toks[n - 1].end if n else None


def _passive_issue(src: Source, pos: int, limit: int, named: bool = True) -> tuple[str | None, int] | None:
    """ "được Quốc hội khóa XV thông qua", "đã được ban hành": a passive issuing clause right
    after a document gives its issuer (the agent, where named) and leads to its date.
    Returns (issuer or None, end of the verb)."""
    text = src.text
    toks = _tokens(text, pos, min(limit, pos + 20))
    n = _match_phrase(toks, 0, PASSIVE_MARKERS) if toks and toks[0].start == pos else 0
    if not n:
        return None
    at = toks[n - 1].end + len(regex.match(r"\s*", text[toks[n - 1].end:limit]).group())
    verb_end = _issue_verb_end(src, at, limit)
    if verb_end is not None:
        return None, verb_end
    if not named:
        return None
    got = _name_after(src, at, limit)
    if got is None:
        return None
    after = got[1] + len(regex.match(r"\s*", text[got[1]:limit]).group())
    verb_end = _issue_verb_end(src, after, limit)
    return (got[0], verb_end) if verb_end is not None else None


def _symbol_codes(symbol: str | None) -> list[str]:
    """The issuing codes of a symbol, without its type abbreviation ("KH/ĐĐ-LĐLĐ" → ĐĐ, LĐLĐ)."""
    if not symbol:
        return []
    parts = regex.split(r"[/\-]", symbol)
    return [p for p in parts if p.casefold() not in ALL_ABBR]


def _issuer_named_later(src: Source, ref: Ref, region_end: int) -> str | None:
    """ "Công văn số 75/CĐVC ngày ... về ... của Công đoàn Viên chức tỉnh": an issuer named
    after the topic, accepted only where it is the body the symbol's issuing code stands for."""
    text = src.text
    expansions = [ABBREVIATIONS[c].casefold() for c in _symbol_codes(ref.symbol) if c in ABBREVIATIONS]
    if not expansions:
        return None
    for m in regex.finditer(r"(?<![\p{L}])của\s+", text[ref.tail_end:region_end]):
        got = _name_after(src, ref.tail_end + m.end(), region_end)
        if got and any(e in got[0].casefold() for e in expansions):
            return got[0]
    return None


def _clause_subject(src: Source, verb_pos: int, sent_start: int, adjacent_only: bool = False) -> str | None:
    """The issuer as the subject of "ban hành"/"thông qua" before verb_pos (with
    `adjacent_only`, only a name ending right before the verb and its adverbs)."""
    text = src.text
    # 1. the name right before the verb ("Tỉnh ủy ban hành", "Bộ Chính trị đã ban hành")
    toks = _tokens(text, max(sent_start, verb_pos - MAX_NAME_CHARS), verb_pos)
    j = len(toks)
    while j > 0:
        for ph in ISSUE_ADVERBS:
            n = len(ph)
            if j - n >= 0 and _match_phrase(toks, j - n, (ph,)) == n:
                j -= n
                break
        else:
            break
    stop = toks[j - 1].end if j > 0 else sent_start
    for i in range(j - 1, -1, -1):
        if toks[i].text in (",", ";", ":", "“", "”", '"'):
            break
        if _match_phrase(toks, i, HEADS, casefold=False) or (
            toks[i].text in ABBREVIATIONS and _is_abbreviation(toks[i].text)
        ):
            got = _scan_name(src, toks[i].start, stop)
            if got and got[1] == stop:
                # the longest name ending at the verb: keep looking left for an earlier head
                best = _name_text(got[0])
                for k in range(i - 1, -1, -1):
                    if toks[k].text in (",", ";", ":"):
                        break
                    if _match_phrase(toks, k, HEADS, casefold=False):
                        more = _scan_name(src, toks[k].start, stop)
                        if more and more[1] == stop:
                            best = _name_text(more[0])
                return best
    if adjacent_only:
        return None
    # 2. the name opening the clause ("Đại hội XI ... đã thảo luận và thông qua")
    clause_start = sent_start
    for tk in reversed(toks[:j]):
        if tk.text in (",", ";", ":"):
            clause_start = tk.end
            break
    if text[clause_start:stop].strip():
        got = _subject_at(src, clause_start, stop)
        if got:
            return got
        return None
    # 3. a verb right after a comma shares the sentence's subject ("X đã tổ chức ..., ban hành")
    return _subject_at(src, sent_start, stop)


def _subject_at(src: Source, start: int, limit: int) -> str | None:
    text = src.text
    intro = _intro_date(text, start, limit, {})
    pos = intro[1] if intro else start
    m = regex.match(r"\s*", text[pos:limit])
    pos += m.end()
    toks = _tokens(text, pos, min(limit, pos + 40))
    if not toks or not (_match_phrase(toks, 0, HEADS, casefold=False) or _is_abbreviation(toks[0].text)):
        return None
    got = _scan_name(src, pos, limit)
    return _name_text(got[0]) if got else None


def _intro_date(text: str, start: int, limit: int, day_mentions) -> tuple[dt.date, int] | None:
    """The date opening a sentence ("Ngày 12/6/2021, ...") and where its comma ends."""
    m = INTRO_DATE_RE.match(text, start, limit)
    if not m:
        return None
    d = _date_at(text, m.end(), day_mentions)
    comma = regex.match(r"\s*,", text[d[1]:limit]) if d else None
    return (d[0], d[1] + comma.end()) if comma else None


def _share_list_tails(text: str, refs: list[Ref]) -> list[Ref]:
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
        ca, cb = _symbol_codes(a.symbol), _symbol_codes(b.symbol)
        if ca and cb and [c.casefold() for c in ca] != [c.casefold() for c in cb]:
            continue
        out[i] = replace(a, issued=a.issued or b.issued, issuer=a.issuer or b.issuer,
                         own_tail=b.own_tail)
    return out


def _unify_party_forms(refs: list[Ref]) -> list[Ref]:
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


def _fill_symbols(refs: list[Ref]) -> list[Ref]:
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
        t = _type_of(tm.group())
        if t is None or any(s <= tm.start() < e for s, e in taken):
            continue
        found = _numbered_after_type(text, tm, t)
        if not found:
            unnamed = _unnamed_after_type(src, tm, t)
            found = [unnamed] if unnamed else []
        taken.extend((r.start, r.end) for r in found)
        refs.extend(found)
    refs.extend(_bare_refs(text, taken))
    return sorted(refs, key=lambda r: r.start)


def _with_sentence_context(src: Source, ref: Ref, next_start: int, day_mentions) -> Ref:
    """Issuer (and date) of a reference whose tail names none: the subject of the verb
    issuing it, or a body matching its symbol named later in the clause."""
    text = src.text
    sent = src.doc.sentence_at(ref.start) if src.doc is not None else None
    line_start = text.rfind("\n", 0, ref.start) + 1
    sent_start = sent.start if sent else line_start
    sent_end = sent.end if sent else _line_end(text, ref.start)
    verb = _preceded_by_verb(text, ref.start, max(line_start, sent_start))
    weak = False  # "có", "gửi": the subject counts only as the name right before the verb
    if verb is None and ref.number:  # "LĐLĐ tỉnh đã có Công văn số 645/LĐLĐ"
        verb = _preceded_by_verb(text, ref.start, max(line_start, sent_start), SUBJECT_VERBS)
        weak = verb is not None
    issuer = _clause_subject(src, verb, sent_start, weak) if ref.issuer is None and verb is not None else None
    if ref.issuer is None and verb is not None and (issuer is not None or not weak):
        ref = replace(ref, issuer=issuer)
        if ref.issued is None:  # "Ngày 12/6/2021, Bộ Chính trị đã ban hành Nghị quyết ..."
            intro = _intro_date(text, sent_start, sent_end, day_mentions)
            ref = replace(ref, issued=intro[0] if intro else None)
    if ref.issuer is None and ref.symbol:
        semicolon = text.find(";", ref.tail_end, sent_end)
        region_end = min(next_start, sent_end, semicolon if semicolon >= 0 else sent_end)
        ref = replace(ref, issuer=_issuer_named_later(src, ref, max(region_end, ref.tail_end)))
    return ref


def _find_refs(doc: Document, dates: list[DateMention]) -> list[Ref]:
    src = Source(doc.body, doc)
    day_mentions = {d.start: d for d in dates if d.kind == "day" and d.date is not None}
    refs = [_tail(src, r, day_mentions) for r in _collect_refs(src)]
    refs = _fill_symbols(_unify_party_forms(_share_list_tails(src.text, refs)))
    starts = [r.start for r in refs[1:]] + [len(src.text)]
    refs = [_with_sentence_context(src, r, nxt, day_mentions) for r, nxt in zip(refs, starts)]
    return [r for r in _without_owned_coreferents(refs) if r.type.emit]


def _without_owned_coreferents(refs: list[Ref]) -> list[Ref]:
    """ "Nghị quyết của Ủy ban Thường vụ Quốc hội" after "Nghị quyết 422/NQ-UBTVQH14 của Ủy ban
    Thường vụ Quốc hội" points back to that document: an unnumbered mention named only by
    its owner is dropped where a numbered one of the same type has the same issuer."""
    numbered = {(r.type.type, r.issuer.casefold()) for r in refs if r.number and r.issuer}
    return [r for r in refs if r.number or not r.own_tail or r.title or r.issuer is None
            or (r.type.type, r.issuer.casefold()) not in numbered]


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
