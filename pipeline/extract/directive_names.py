"""Names of issuing bodies ("Ban Chấp hành Trung ương Đảng khóa XIII", "LĐLĐ tỉnh" with its
abbreviation expanded): where one starts, the words it takes, where it ends.
Vocabulary: rules/issuers.yaml (heads, name words, joiners, stop words)."""
from __future__ import annotations

import regex

from ..gazetteer import UNITS_BY_KEY, place_key
from ..ruledata import load_yaml
from .directive_symbols import NUMBER_AFTER_TYPE_RE
from .directive_tokens import (ABBREVIATIONS, expands_after, Phrases, Source, Tok, is_abbreviation, is_capitalised,
                               match_phrase, tokenize)
from .directive_types import TYPE_WORD_RE, type_of
from .org_persons import PERSON_TITLE_RE, person_name_at

ISSUERS = load_yaml("issuers.yaml")


def issuer_phrases(key: str) -> Phrases:
    """Phrases of an issuers.yaml list as syllable tuples, longest first."""
    return Phrases(sorted((tuple(str(p).split()) for p in ISSUERS[key]), key=len, reverse=True))


HEADS = issuer_phrases("heads")
NAME_WORDS = Phrases(p for p in issuer_phrases("name_words") if p[0].islower())
NAME_WORDS_CASED = Phrases(p for p in issuer_phrases("name_words") if not p[0].islower())
ORDINALS = issuer_phrases("ordinals")
MAX_NAME_CHARS = 300  # no issuing body's name is longer: names are never scanned further
JOINERS = frozenset(str(j) for j in ISSUERS["joiners"])
STOP_WORDS = frozenset(str(w).casefold() for w in ISSUERS["stop_words"])
ROMAN_RE = regex.compile(r"[IVXLC]+")
MERGER_QUALIFIERS = frozenset(str(w).casefold() for w in load_yaml("places.yaml")["merger_qualifiers"])
SECTOR_BEFORE = str(ISSUERS["sector_before"])
SECTOR_REACH = int(ISSUERS["sector_reach"])
NAMED_AFTER_TYPE_RE = regex.compile(r"[^\S\n]+(?:đại|hội|trung|ban|bch)[^\S\n]", regex.IGNORECASE)


def _starts_reference(toks: list[Tok], i: int, text: str, after_joiner: bool = False) -> bool:
    """A document type starts here (followed by a number, a congress or a plenum, or
    after "và"): a name never runs into one. "Sở Kế hoạch và Đầu tư" stays a name."""
    m = TYPE_WORD_RE.match(text, toks[i].start)
    if not (m and type_of(m.group())):
        return False
    return after_joiner or bool(
        NUMBER_AFTER_TYPE_RE.match(text, m.end()) or NAMED_AFTER_TYPE_RE.match(text, m.end())
    )


def _signer_name(text: str, name_start: int, pos: int) -> bool:
    """A person's name at `pos` after a body whose title went before it ("Phó Chủ tịch LĐLĐ
    Thành phố Lê Đình Hùng đã ký"): the person, not more of the body's name; a place's name
    that looks like a person's ("Hà Nội") is the body's."""
    m = person_name_at(text, pos)
    return m is not None and place_key(m.group()) not in UNITS_BY_KEY \
        and PERSON_TITLE_RE.search(text, max(0, name_start - 60), name_start) is not None


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


def _lowercase_sector(toks: list[Tok], i: int, end: int, words: list[str]) -> tuple[int, int]:
    """The sector after "ngành", often written in lower case, where the name goes on after it
    ("Đại hội đại biểu Công đoàn ngành giáo dục khóa XI"); not the sentence's next words
    ("Công đoàn ngành đề ra ...")."""
    j = i
    while j < len(toks) and j - i < SECTOR_REACH and toks[j].text.isalpha() and toks[j].text.islower() \
            and toks[j].text not in JOINERS and toks[j].text.casefold() not in STOP_WORDS:
        j += 1
    if j == i or j >= len(toks):
        return i, end
    after = toks[j].text
    goes_on = after.casefold() in ("khóa", "khoá", "lần") or ROMAN_RE.fullmatch(after) \
        or (is_capitalised(after) and after[0].isalpha() and after.casefold() not in STOP_WORDS)
    if not goes_on:
        return i, end
    words.extend(tok.text for tok in toks[i:j])
    return j, toks[j - 1].end


def scan_name(src: Source, start: int, limit: int) -> tuple[list[str], int] | None:
    """The body name starting at `start` as a list of words (abbreviations expanded), and
    where it ends; None unless it starts with a Capitalised word or an abbreviation."""
    text = src.text
    toks = tokenize(text, start, min(limit, start + MAX_NAME_CHARS))  # a line may be very long
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
            if content and all(is_abbreviation(c.text) for c in content):
                i = nxt  # an alias "(LĐLĐ)": the full name is already there
                continue
            if len(content) == 1 and content[0].text.casefold() in MERGER_QUALIFIERS and words:
                i = nxt  # "tỉnh Gia Lai (cũ) lần thứ XI": the unit before the merger, the name runs on
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
                and is_capitalised(toks[i + 1].text):
            i += 1  # "TP. Hồ Chí Minh"
            continue
        if not words:
            if not (is_capitalised(t) and t[0].isalpha()) or t.casefold() in STOP_WORDS:
                return None
        n = max(match_phrase(toks, i, NAME_WORDS), match_phrase(toks, i, NAME_WORDS_CASED, casefold=False))
        if n:
            words.extend(tok.text for tok in toks[i: i + n])
            end, i = toks[i + n - 1].end, i + n
            if is_capitalised(t):  # "Xã hội" is a word, not the commune "xã"
                i, end = _extend_compound(src, toks, i, end, words)
            elif words[-1].casefold() == SECTOR_BEFORE:
                i, end = _lowercase_sector(toks, i, end, words)
            if words[-2:] == ["lần", "thứ"] and i < len(toks):
                k = match_phrase(toks, i, ORDINALS)
                if k:
                    words.extend(tok.text for tok in toks[i: i + k])
                    end, i = toks[i + k - 1].end, i + k
            continue
        if t in ABBREVIATIONS:
            if ROMAN_RE.fullmatch(t) or not expands_after(t, words):
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
        if t in JOINERS and words and i + 1 < len(toks) and is_capitalised(toks[i + 1].text) \
                and toks[i + 1].text[0].isalpha() and not _starts_reference(toks, i + 1, text, True) \
                and toks[i + 1].text.casefold() not in STOP_WORDS:
            words.append(t)
            i += 1
            continue
        if is_capitalised(t) and t[0].isalpha() and t.casefold() not in STOP_WORDS \
                and not _starts_reference(toks, i, text) and not (words and _signer_name(text, start, toks[i].start)):
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


def name_text(words: list[str]) -> str:
    return " ".join(words).replace("khoá", "khóa")


def name_after(src: Source, pos: int, limit: int, heads=None) -> tuple[str, int] | None:
    """A name starting at pos (optionally required to begin with one of `heads`)."""
    got = scan_name(src, pos, limit)
    if got is None:
        return None
    words, end = got
    if heads is not None:
        toks = tokenize(src.text, pos, end)
        if not match_phrase(toks, 0, heads):
            return None
    return name_text(words), end


def name_after_space(src: Source, pos: int, limit: int, lead: str = r"\s+"):
    """The name (words, end) scanned after the whitespace `lead` matches at `pos`, if any."""
    m = regex.match(lead, src.text[pos:limit], regex.IGNORECASE)
    return scan_name(src, pos + m.end(), limit) if m else None
