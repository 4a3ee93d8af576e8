"""The name of a workplace, school, commune or agency after "Công đoàn" ("Công ty TNHH Amo
Vina", "Trường Tiểu học X", "xã Đào Viên"): where it ends, and a federation inside it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import regex

from ..phrase_matcher import word_alternation
from ..ruledata import load_yaml

from .org_candidate import parse_ldld
from .org_patterns import (CANON, HEAD_RE, NUMBER_STARTS_TIME_RE, RULES, SPACE_RE, _E, _I, alternation, clean_spaces, fold,
                           is_capitalised)
from .org_persons import starts_person_name
from .org_places import PROVINCE_KINDS, gazetteer

UNIT_HEAD_RE = regex.compile(r"(?:" + alternation(RULES["unit_heads"]) + ")" + _E, _I)
PLACE_UNIT_HEADS = frozenset(fold(h) for h in RULES["place_unit_heads"])
NAME_LOWER_RE = regex.compile(r"(?:" + alternation(RULES["name_lowercase"]) + ")" + _E, _I)
NAME_CANNOT_END = frozenset(fold(w) for w in RULES["name_cannot_end"])
NAME_STOP_RE = regex.compile(r"(?:" + alternation(RULES["name_stop"]) + ")" + _E, _I)
NAME_NEVER = frozenset(RULES["name_never"])
NAME_ADDRESS_WORDS = frozenset(RULES["name_address_words"])
TOKEN_RE = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’&]*", regex.V1)
SEP_RE = regex.compile(r"[ \t]*[-–&][ \t]*|[ \t]+", regex.V1)
_NUMBERS = load_yaml("metric_numbers.yaml")
# a number a scale, a currency or a percent sign follows is an amount, not the end of a name
# ("Công ty CPCS Điện Biên 10 triệu đồng"; "Công ty Sông Đà 12" keeps its number)
AMOUNT_AFTER_RE = regex.compile(r"[ \t]*(?:" + word_alternation(
    list(_NUMBERS["scale_words"]) + _NUMBERS["money_words"] + _NUMBERS["percent_words"]) + r")(?![\p{L}\p{M}])", regex.V1)
FIELD_LIST_HEADS = frozenset(fold(h) for h in RULES["field_list_heads"])
NAME_NUMBER_WORDS = frozenset(fold(w) for w in RULES["name_number_words"])
_FIELD = r"\p{Lu}[\p{Ll}\p{M}]*(?:[ \t]+\p{Ll}[\p{Ll}\p{M}]*)?"  # "Thể thao", "Du lịch": a field
# ", Thể thao và Du lịch": the rest of a list of fields, each not the head of another body
FIELD_LIST_RE = regex.compile(
    r",[ \t]+(?!" + alternation(RULES["unit_heads"]) + _E + ")" + _FIELD
    + r"(?:,[ \t]+" + _FIELD + r")*[ \t]+và[ \t]+" + _FIELD + r"(?![\p{L}\p{M}])", regex.V1)


WordEnd = Callable[[int], "int | None"]  # normalised position -> end of the segmenter's word there


@dataclass(frozen=True)
class UnitName:
    end: int
    name: str               # as it will stand in the canonical name
    need: str | None = None # the name ends in a bare "Liên đoàn Lao động [kind]" ("ldld") or bare "tỉnh" ("place")
    kind: str | None = None # that kind word ("" for none)


LINE_HEADS = frozenset(fold(h) for h in RULES["line_heads"])
GENERIC_NAME_RE = regex.compile(r"(?<!\p{L})(?:" + "|".join(regex.escape(fold(w)) for w in sorted(
    set(RULES["unit_heads"]) | set(RULES["legal_forms"]), key=len, reverse=True)) + r")(?!\p{L})")
LOWER_HEAD_OK = frozenset(fold(h) for h in RULES["lowercase_unit_heads"])
LEGAL_FORMS = frozenset(fold(f) for f in RULES["legal_forms"])
# after one of these comes the business's or school's own name
BUSINESS_OPENERS = LEGAL_FORMS | LINE_HEADS | frozenset(fold(w) for w in RULES["school_levels"])
LINE_MAX_WORDS = int(RULES["line_max_words"])
RUN_STOP_RE = regex.compile(r"(?:" + alternation(RULES["name_run_stop"]) + ")" + _E, regex.V1)
LOWER_WORD_RE = regex.compile(r"\p{Ll}[\p{Ll}\p{M}]*(?![\p{L}\p{M}\p{N}])", regex.V1)
BLANK_RE = regex.compile(r"[ \t]+")
# a Roman numeral alone numbers a contest's cluster or a zone ("Cụm CĐCS II"), never a workplace
ROMAN_RE = regex.compile(r"[IVXL]+")


def _lowercase_words(text: str, pos: int):
    """(end, next word's start or None) of each word of a run of at most line_max_words
    lowercase words at `pos`, stopping before a stop word or a verb of what a union did."""
    at = pos
    for _ in range(LINE_MAX_WORDS):
        word = LOWER_WORD_RE.match(text, at)
        if word is None or NAME_STOP_RE.match(text, at) or RUN_STOP_RE.match(text, at):
            return
        gap = BLANK_RE.match(text, word.end())
        yield word.end(), (gap.end() if gap else None)
        if gap is None:
            return
        at = gap.end()


def business_line_end(text: str, pos: int, person_nearby: bool) -> int | None:
    """End of a run of lowercase words at `pos` that a unit's proper name follows
    ("thủy sản" in "Chế biến thủy sản Minh Hải"), else None: at most a few words, no
    punctuation, no verb of what the union did, and a capitalised word after it that is
    not another body or a person."""
    for end, at in _lowercase_words(text, pos):
        nxt = TOKEN_RE.match(text, at) if at is not None else None
        if nxt is None:
            return None
        if is_capitalised(nxt.group()):
            if (nxt.group() in NAME_NEVER or HEAD_RE.match(text, at) or UNIT_HEAD_RE.match(text, at)
                    or (person_nearby and starts_person_name(text, at))):
                return None
            return end
    return None


def _ends_name_as_address(text: str, word: str, end: int, sep) -> bool:
    """An address word ("Ông", "Anh") after a name's syllable, with no capitalised word after it,
    is that name's last syllable ("Cửa Ông", "Tuấn Anh"), not a person's title."""
    if word not in NAME_ADDRESS_WORDS or sep is None or sep.group() != " ":
        return False
    nxt = TOKEN_RE.match(text, end + 1) if text[end:end + 1] == " " else None
    return nxt is None or not is_capitalised(nxt.group())


def _count_follows(text: str, end: int, word: str) -> bool:
    """A lowercase `word` (ending at `end`) that a number follows at once, and that is not one
    of the words that lead a name's number ("số"): the name has ended before it."""
    nxt = TOKEN_RE.match(text, SPACE_RE.match(text, end).end())
    return nxt is not None and nxt.group()[0].isdigit() and fold(word) not in NAME_NUMBER_WORDS


def _province_name_at(text: str, pos: int) -> bool:
    """A province's name starts at `pos` ("Thái Bình", "Hà Nam"): a place, though its first
    syllable is also a surname."""
    gz = gazetteer()
    m = gz.name_re.match(text, pos)
    return m is not None and any(p.level == "province" for p in gz.by_key.get(fold(m.group()), ()))


def _place_named_at(text: str, pos: int) -> bool:
    """A commune or ward named at `pos` ("xã Tam Hưng"): its kind word and a capitalised name."""
    m = UNIT_HEAD_RE.match(text, pos)
    if m is None or fold(m.group()) not in PLACE_UNIT_HEADS:
        return False
    after = SPACE_RE.match(text, m.end()).end()
    return after < len(text) and is_capitalised(text[after])


_DASH_THEN_NAME_RE = regex.compile(r"[ \t]*[-–][ \t]*(?=\p{Lu})")


def _lowercase_before_dash(text: str, pos: int) -> int | None:
    """End of a run of a few lowercase words at `pos` that a dash and a capitalised word
    follow ("nghề nghiệp - Giáo dục thường xuyên"), else None; no stop word among them and
    no other body after the dash."""
    for end, _ in _lowercase_words(text, pos):
        dash = _DASH_THEN_NAME_RE.match(text, end)
        if dash is not None:
            after = dash.end()
            return None if HEAD_RE.match(text, after) or UNIT_HEAD_RE.match(text, after) else end
    return None


def no_words(pos: int) -> int | None:
    return None


def parse_unit_name(text: str, pos: int, need_head: bool, person_nearby: bool,
                    province: str | None, word_end: WordEnd = no_words, business: bool = False) -> UnitName | None:
    """The name of a workplace, school, commune or agency at `pos` ("Công ty TNHH Amo Vina").

    Capitalised words and acronyms belong to the name; a lowercase word only where it is a
    usual part of names (name_lowercase), the rest of a word begun by a capitalised syllable
    ("Đa khoa", "Tỉnh ủy", "Giáo dục và Đào tạo": `word_end` gives the word segmenter's
    words), or a capitalised word follows it at once. A federation inside the name ("Cơ quan
    Liên đoàn Lao động tỉnh") is read as one. A business's, hospital's or centre's name
    (`business`, or one of line_heads) may hold a lowercase line of business after its head,
    its legal form or a word such as "Chế biến" ("Công ty TNHH Chế biến thủy sản Minh Hải"):
    see `business_line_end`.
    """
    start = SPACE_RE.match(text, pos).end()
    tokens: list[tuple[int, bool, str]] = []  # (end, capitalised, folded word)
    word_start = start  # where the last capitalised word began
    if need_head:
        hm = UNIT_HEAD_RE.match(text, start)
        if not hm:
            return None
        head = fold(hm.group())
        nxt = SPACE_RE.match(text, hm.end()).end()
        if head in PLACE_UNIT_HEADS and (not (nxt < len(text) and is_capitalised(text[nxt]))
                                         or NUMBER_STARTS_TIME_RE.match(text, nxt)):
            return None  # "xã hội", "phường, xã", "phường 6 tháng cuối năm"
        if not is_capitalised(hm.group()) and head not in PLACE_UNIT_HEADS and not (
                head in LOWER_HEAD_OK and nxt < len(text) and (is_capitalised(text[nxt]) or _place_named_at(text, nxt))):
            return None  # "công ty" as a common noun; "Công đoàn trường Tiểu học X", "Công đoàn cơ quan xã Tam Hưng"
        tokens.append((hm.end(), False, head))
        business = business or head in LINE_HEADS
    elif UNIT_HEAD_RE.match(text, start):  # "Công đoàn cơ sở xã Đào Viên": a head is welcome here too
        headed = parse_unit_name(text, start, True, person_nearby, province, word_end)
        if headed is not None:
            return headed
    end = tokens[-1][0] if tokens else start
    if not need_head:
        first = TOKEN_RE.match(text, start)
        if first is None or not is_capitalised(first.group()) or first.group() in NAME_NEVER \
                or ROMAN_RE.fullmatch(first.group()):
            return None
        if person_nearby and not tokens and starts_person_name(text, first.start()) \
                and not _province_name_at(text, first.start()):
            return None  # "chủ tịch CĐCS Nguyễn Thị Bằng": the chair's name, not the union's
    ldld_tail, ldld_kind = "", None
    # a business line may follow the head, a legal form, or the line's first word ("Chế biến", "May")
    line_open = business
    after_opener = business  # the last word was the head or a legal form
    # a commune's or ward's name is its capitalised syllables: the segmenter's compounds
    # ("Hội Thịnh đạt": thịnh_đạt "prosperous") never carry it on
    place_name = bool(tokens) and tokens[0][2] in PLACE_UNIT_HEADS
    while True:
        if tokens:
            sep = SEP_RE.match(text, end)
            if sep is None or not sep.group():
                fields = FIELD_LIST_RE.match(text, end) if tokens[0][2] in FIELD_LIST_HEADS else None
                if fields is None:
                    break
                tokens.append((fields.end(), True, fold(fields.group())))  # "Sở Văn hóa, Thể thao và Du lịch"
                end = fields.end()
                continue
            p = sep.end()
        else:
            sep, p = None, end
        head = HEAD_RE.match(text, p)
        if head is not None:
            if head.group("ldld") and tokens:
                sub = parse_ldld(text, p, head.end(), province, False, 0.9)
                if sub is not None and sub.canonical:
                    ldld_tail, end = sub.canonical, sub.end
                else:
                    ldld_tail, ldld_kind = CANON["ldld"], (sub.kind if sub is not None else "")
                    end = sub.end if sub is not None else head.end()
            break
        if NAME_STOP_RE.match(text, p):
            break
        tok = TOKEN_RE.match(text, p)
        if tok is None:
            break
        word = tok.group()
        if not tokens and word[0].isdigit():
            break  # a name opens with a word ("công đoàn cơ sở 40 cuộc" counts); "Phường 6" has its head
        if word[0].isdigit() and AMOUNT_AFTER_RE.match(text, tok.end()):
            break
        if is_capitalised(word):
            # right after a legal form or a business's head ("Tập đoàn", "TNHH") stands the
            # business's own name, though it opens with a surname ("Tập đoàn Mai Linh")
            named_business = fold(text[word_start:end]) in BUSINESS_OPENERS
            never = word in NAME_NEVER and not _ends_name_as_address(text, word, tok.end(), sep)
            if never or (person_nearby and len(tokens) >= 2 and not named_business
                         and starts_person_name(text, tok.start())
                         and not _province_name_at(text, tok.start())):
                break
            tokens.append((tok.end(), True, fold(word)))
            end, word_start = tok.end(), tok.start()
            line_open = business and (after_opener or fold(word) in LEGAL_FORMS)
            after_opener = business and fold(word) in LEGAL_FORMS
            continue
        if _count_follows(text, tok.end(), word):
            break  # a count follows a verb ("CĐ Cty Dinsen cử 1 cán bộ"); "Xây dựng số 1" is a name
        compound = word_end(word_start) if sep is not None and not sep.group().strip() else None
        if (compound is not None and compound > p and not place_name and not NAME_STOP_RE.match(text, p)
                and not RUN_STOP_RE.match(text, p)):
            # the rest of a word begun by a capitalised syllable: "Đa khoa", "Tỉnh ủy" (not a verb
            # the segmenter glued to a name's last syllable: "Nhôm Đắk Nông chăm lo" is Nông + chăm_lo)
            tokens.append((compound, True, fold(text[p:compound])))
            end = compound
            line_open = business
            after_opener = business and fold(text[word_start:compound]) in LEGAL_FORMS  # "Cổ phần"
            continue
        if place_name or not tokens:
            break  # a commune's name is its capitalised syllables; a name opens with one
        if fold(word) == "và":  # "Công ty A và Công đoàn ...", "Trường A và Trường B": two bodies
            after = SPACE_RE.match(text, tok.end()).end()
            other = UNIT_HEAD_RE.match(text, after)
            if HEAD_RE.match(text, after) or (other and tokens and fold(other.group()) == tokens[0][2]):
                break
            if text[after:after + 1].isdigit():  # "Trường A và 02 cá nhân": a count begins
                break
        low = NAME_LOWER_RE.match(text, p)
        if not low and word_start < p:
            # a usual part of names whose first word is capitalised: "Ban Quản lý Khu kinh tế tỉnh"
            low = NAME_LOWER_RE.match(text, word_start)
            low = low if low and low.end() > p else None
        if low:
            tokens.append((low.end(), False, fold(low.group())))
            end = low.end()
            legal = fold(low.group()) in LEGAL_FORMS
            line_open = business and (line_open or legal)
            after_opener = business and (after_opener or legal)
            continue
        dashed = _lowercase_before_dash(text, p)
        if dashed is not None:
            # "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên": a name's two halves
            tokens.append((dashed, False, fold(text[p:dashed])))
            end = dashed
            line_open = business
            continue
        sep2 = SEP_RE.match(text, tok.end())
        nxt = TOKEN_RE.match(text, sep2.end()) if sep2 and sep2.group() else None
        if nxt is not None and HEAD_RE.match(text, nxt.start()):
            nxt = None  # "... Bưu chính Việt Nam thành Công đoàn ...": another body begins
        if nxt is None or not is_capitalised(nxt.group()) or nxt.group() in NAME_NEVER:
            line_end = business_line_end(text, p, person_nearby) if line_open else None
            if line_end is None:
                break
            tokens.append((line_end, False, fold(text[p:line_end])))
            end = line_end
            line_open = after_opener = False
            continue
        tokens.append((tok.end(), False, fold(word)))
        end = tok.end()
    if not ldld_tail:
        bare_kind = None
        while tokens and not tokens[-1][1] and tokens[-1][2] in NAME_CANNOT_END:
            if bare_kind is None and len(tokens) > 1 and tokens[-1][2] in PROVINCE_KINDS:
                bare_kind = (tokens[-1][0], tokens[-1][2])  # "Sở Giáo dục và Đào tạo tỉnh": the article's
            tokens.pop()
        if not any(cap for _, cap, _ in tokens):
            return None
        name = clean_spaces(text[start:tokens[-1][0]])
        if not GENERIC_NAME_RE.sub("", fold(name)).strip():
            return None  # "Công đoàn cơ sở Công ty TNHH": a head and a legal form name no one
        if bare_kind is not None and bare_kind[0] > tokens[-1][0]:
            return UnitName(bare_kind[0], name, "place", bare_kind[1])
        return UnitName(tokens[-1][0], name)
    lead_end = tokens[-1][0] if tokens else start
    lead = clean_spaces(text[start:lead_end])
    return UnitName(end, f"{lead} {ldld_tail}".strip(), "ldld" if ldld_kind is not None else None, ldld_kind)
