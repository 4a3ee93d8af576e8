"""Unnumbered documents named specifically (the `unnamed` column of rules/directive_types.csv):
by a congress ("Nghị quyết Đại hội XI Công đoàn tỉnh"), a plenum ("Nghị quyết Trung ương 4
khóa XII"), an owner ("Kế hoạch ... của Ban Thường vụ LĐLĐ"), a quoted or a law's title
("Luật Công đoàn năm 2012"); not a draft, a plural, or an anaphora ("thông qua Nghị quyết.")."""
from __future__ import annotations

import regex

from ..phrase_matcher import word_alternation
from ..ruledata import load_yaml
from .directive_issuers import preceded_by_verb
from .directive_names import HEADS, ROMAN_RE, issuer_phrases, name_after, name_after_space, name_text, scan_name
from .directive_tokens import Phrases, Source, is_capitalised, line_end, match_phrase, tokenize
from .directive_types import TYPE_WORD_RE, DocType, Ref, is_exact

ISSUERS = load_yaml("issuers.yaml")
ANAPHORA_AFTER_TYPE = issuer_phrases("anaphora_after_type")
OWNER_REACH = int(ISSUERS["owner_reach"])


def _word_within_reach(words_key: str, reach_key: str) -> regex.Pattern:
    """One of ISSUERS[words_key] ending a text but for at most ISSUERS[reach_key] words."""
    return regex.compile(r"(?i)(?<!\p{L})(?:" + "|".join(regex.escape(w) for w in ISSUERS[words_key])
                         + r")(?!\p{L})(?:\s+\S+){0," + str(int(ISSUERS[reach_key])) + r"}\s*$")


DRAFT_RE = _word_within_reach("draft_words", "draft_reach")  # "Dự thảo lần 2 văn kiện ..."
PLAN_RE = _word_within_reach("plan_words", "plan_reach")  # "có chủ trương ban hành ..."
# "Tiểu ban văn kiện Đại hội XVI": the type word names a committee
COMMITTEE_BEFORE_TYPE_RE = regex.compile(r"(?i)(?<!\p{L})(?:" + "|".join(
    regex.escape(w) for w in ISSUERS["committee_before_type"]) + r")\s+$")
# "các/những [Chỉ thị,] Nghị quyết": documents in the plural, no one of them named
PLURAL_BEFORE_TYPE_RE = regex.compile(r"(?i)(?<!\p{L})(?:các|những|mọi)\s+(?:\p{L}+(?:\s+\p{L}+)?\s*,\s*)?$")
NOMINAL_BEFORE_TYPE_RE = regex.compile(r"(?i)(?<!\p{L})(?:" + "|".join(regex.escape(w) for w in ISSUERS["act_nominalisers"])
                                        + r")\s+$")
OWNER_WORD = str(ISSUERS["owner_word"])
OWNER_GENERIC = frozenset(str(w).casefold() for w in ISSUERS["owner_generic"])
# "hướng dẫn hàng năm của Đoàn Chủ tịch": one issued every year is a series, not one document
RECURRING_AFTER_TYPE = Phrases(sorted((tuple(w.split()) for w in load_yaml("dates.yaml")["recurring_words"]),
                                      key=len, reverse=True))
OWNER_TYPE_WORDS = {t: tuple(tuple(w.split()) for w in ws) for t, ws in ISSUERS["owner_type_words"].items()}
PLENUM_ISSUER = str(ISSUERS["plenum_issuer"])
LAW_YEAR_RE = regex.compile(r"(?:[^\S\n]+năm)?[^\S\n]+(?:19|20)\d{2}(?!\d)")


# "nghị quyết đại hội XIV công đoàn tỉnh Hà Giang": a congress written in lower case is still one
# named, by its Roman ordinal and the union whose it is (a lower-case head, then its name; a
# bare "nghị quyết đại hội VI" leaves its body to be guessed)
_LOWER_CONGRESS_RE = regex.compile(r"\s+đại\s+hội\s+(?:đại\s+biểu\s+)?(?P<ordinal>[IVXL]+)(?![\p{L}\d])")
_LOWER_UNION_HEAD_RE = regex.compile(r"\s+(?P<head>công\s+đoàn|liên\s+đoàn\s+lao\s+động)(?=\s)")
# (the kind of a place, "tỉnh", or the sector word, "ngành", before the capitalised name)
_LOWER_KIND_RE = regex.compile(r"\s+(?:" + word_alternation(load_yaml("places.yaml")["unit_kinds"]
                                                           + load_yaml("org_patterns.yaml")["sector_heads"])
                               + r")(?=\s+\p{Lu})")


def _lowercase_congress(src: Source, pos: int, limit: int) -> tuple[list[str], int] | None:
    """A congress written in lower case with its ordinal and its union's name after a lower-case
    head (words as a name, end)."""
    m = _LOWER_CONGRESS_RE.match(src.text, pos, limit)
    head = _LOWER_UNION_HEAD_RE.match(src.text, m.end(), limit) if m else None
    if head is None:
        return None
    # ("công đoàn tỉnh Hà Giang": a kind word before the capitalised name is read along)
    kind = _LOWER_KIND_RE.match(src.text, head.end(), limit)
    rest = name_after_space(src, kind.end() if kind else head.end(), limit)
    if rest is None:
        return None
    first, *others = head["head"].split()
    kind_words = kind.group().split() if kind else []
    return ["Đại", "hội", m["ordinal"], first.capitalize(), *others, *kind_words, *rest[0]], rest[1]


def _named_congress(src: Source, pos: int, limit: int) -> tuple[str, int] | None:
    """ "Đại hội XI Công đoàn tỉnh", "Đại hội đại biểu Đảng bộ thành phố Cần Thơ lần thứ XIV",
    "Đại hội XIII của Đảng": a congress named by its ordinal, as the issuer."""
    text = src.text
    got = name_after_space(src, pos, limit, r"\s+(?=đại\s+hội\b)") or _lowercase_congress(src, pos, limit)
    if got is None:
        return None
    words, end = got
    if not any(ROMAN_RE.fullmatch(w) for w in words) and "thứ" not in words:
        return None
    if "các" in words:  # "Đại hội Công đoàn các cấp" names no one congress
        return None
    name = name_text(words)
    rest = words[2:] if [w.casefold() for w in words[:2]] == ["đại", "hội"] else None
    if rest and all(ROMAN_RE.fullmatch(w) or w.isdigit() or w.casefold() in _ORDINAL_WORDS for w in rest):
        body = _congress_body(src)  # "Nghị quyết Đại hội lần thứ V": of the body whose congress the article reports
        if body:  # "Đại hội Công đoàn X lần thứ V", "Đại hội XII Công đoàn Việt Nam"
            name = name_text(words[:2] + ([body] + rest if rest[0].casefold() == "lần" else rest + [body]))
    if rest and name == name_text(words):
        name = _bare_head_resolved(src, words) or name
    of = regex.match(r"\s+của\s+", text[end:limit])
    if of:
        owner = name_after(src, end + of.end(), limit)
        if owner:
            name, end = f"{name} của {owner[0]}", owner[1]
    return name, end


_ORDINAL_WORDS = frozenset(str(w).casefold() for w in ISSUERS["congress_ordinal_words"])
_BARE_HEADS = {tuple(h.casefold().split()) for h in ISSUERS["bare_union_heads"]}


def _is_term_word(word: str) -> bool:
    """A word of a congress's ordinal or term ("lần thứ V", "khóa IX", "nhiệm kỳ ..."), no name's."""
    return bool(ROMAN_RE.fullmatch(word)) or word.isdigit() or word.casefold() in _ORDINAL_WORDS \
        or word.casefold() == "nhiệm"


def _bare_head_resolved(src: Source, words: list[str]) -> str | None:
    """ "Đại hội Công đoàn ngành khóa IX": a congress of a bare union head is the congress of the
    first body the article names with that head and a name ("Công đoàn ngành Xây dựng Hà Nam")."""
    body = words[2:]
    cut = next((i for i, w in enumerate(body) if _is_term_word(w)), len(body))
    head = tuple(w.casefold() for w in body[:cut])
    if head not in _BARE_HEADS:
        return None
    # "Đại hội Công đoàn khóa I" of "Công đoàn cơ sở Cảng Hàng không Vinh"
    pattern = r"(?<!\p{L})" + r"\s+".join(map(regex.escape, body[:cut])) + r"(?:\s+cơ\s+sở)?\s+(?=\p{Lu})"
    for m in regex.finditer(pattern, src.text, regex.IGNORECASE):
        got = scan_name(src, m.start(), line_end(src.text, m.start()))
        if got is None or not any(w[:1].isupper() for w in got[0][cut:]):
            continue
        named = got[0]
        stop = next((i for i, w in enumerate(named) if i >= cut and _is_term_word(w)), len(named))
        if stop > cut and [w.casefold() for w in named[cut:stop]] != ["việt", "nam"]:  # not the national union
            return name_text(words[:2] + named[:stop] + body[cut:])
    return None


_CONGRESS_OF_RE = regex.compile(r"(?<!\p{L})Đại\s+hội\s+(?:đại\s+biểu\s+)?(?=(?:Công\s+đoàn|Liên\s+đoàn)\s)")


def _congress_body(src: Source) -> str | None:
    """The union body whose congress the article names first with its name ("Đại hội Công
    đoàn Điện lực Việt Nam lần thứ VI"): the body a congress named by its ordinal alone
    belongs to."""
    for m in _CONGRESS_OF_RE.finditer(src.text):
        got = scan_name(src, m.end(), line_end(src.text, m.end()))
        if got is None:
            continue
        body = []
        for w in got[0]:
            if _is_term_word(w):
                break
            body.append(w)
        if len(body) > 2:  # more than "Công đoàn"
            return name_text(body)
    return None


def _named_plenum(src: Source, pos: int, limit: int) -> tuple[int, str] | None:
    """ "Trung ương 4 khóa XI", "Hội nghị lần thứ 8 Ban Chấp hành Trung ương Đảng (khóa X)":
    where it ends, and its issuer: the Central Committee of the term written ("Ban Chấp hành
    Trung ương Đảng khóa X"; the plenums of two terms are two documents)."""
    got = name_after_space(src, pos, limit)
    if got is None:
        return None
    words, end = got
    joined = " ".join(words).casefold()
    if "trung ương" not in joined:
        return None
    if not (any(w.isdigit() for w in words) or "hội nghị" in joined or "thứ" in words):
        return None
    issuer = PLENUM_ISSUER + (" Đảng" if "trung ương đảng" in joined else "")
    term = regex.search(r"(?i)(?<!\p{L})khó[aá]\s+((?:[IVXL]+(?:\s*,\s*|\s+và\s+)?)+)", src.text[pos:end])
    if term:
        issuer += " khóa " + term.group(1).strip(" ,")
    return end, issuer


# "Hội nghị lần thứ 7, Ban Chấp hành Tổng Liên đoàn": a plenum of a union's Executive Committee
_UNION_PLENUM_RE = regex.compile(
    r"(?i)\s+hội\s+nghị\s+(?:lần\s+thứ\s+)?(?:\d{1,2}|[IVXL]+|\p{Ll}+)\s*,?\s+(?=(?:" + "|".join(
        r"\s+".join(map(regex.escape, h.split())) for h in ISSUERS["plenum_bodies"]) + r")(?!\p{L}))")


def _union_plenum(src: Source, pos: int, limit: int) -> tuple[int, str] | None:
    """ "Nghị quyết Hội nghị lần thứ bẩy Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam": where it
    ends, and its issuer: the committee named, without its term (its plenums are its own
    documents whatever term they fall in)."""
    m = _UNION_PLENUM_RE.match(src.text, pos, limit)
    got = scan_name(src, m.end(), limit) if m else None
    if got is None:
        return None
    words, end = got
    folded = [w.casefold().replace("khoá", "khóa") for w in words]
    return end, name_text(words[:folded.index("khóa")] if "khóa" in folded else words)


_LIST_JOINER_RE = regex.compile(r"\s*(?:,|;|\bvà\b|\bcùng\b)\s*(?=(?i:đại\s+hội)\b)")


def listed_congresses(src: Source, ref: Ref) -> list[Ref]:
    """The further congresses a congress's document type governs in a list: "Nghị quyết Đại
    hội XIII Công đoàn Việt Nam, Đại hội XVII Công đoàn tỉnh Cao Bằng" is two resolutions."""
    out, end = [], ref.end
    limit = line_end(src.text, end)
    while (joiner := _LIST_JOINER_RE.match(src.text, end, limit)) is not None:
        # (_named_congress reads from the space before "Đại hội")
        got = _named_congress(src, joiner.end() - 1 if src.text[joiner.end() - 1].isspace() else joiner.end(), limit)
        if not got:
            break
        out.append(Ref(joiner.end(), got[1], ref.type, None, None, None, ref.confidence, issuer=got[0], own_tail=True))
        end = got[1]
    return out


def unnamed_after_type(src: Source, tm: regex.Match, t: DocType) -> Ref | None:
    """An unnumbered document named specifically (see the `unnamed` column); not a draft."""
    text = src.text
    if DRAFT_RE.search(text, max(0, tm.start() - 60), tm.start()):
        return None
    if COMMITTEE_BEFORE_TYPE_RE.search(text, max(0, tm.start() - 20), tm.start()):
        return None
    limit = line_end(text, tm.end())
    exact = is_exact(tm.group(), t)
    if "congress" in t.unnamed:
        got = _named_congress(src, tm.end(), limit)
        if got:
            return Ref(tm.start(), got[1], t, None, None, None, 0.75, issuer=got[0], own_tail=True)
    if "plenum" in t.unnamed:
        plenum = _named_plenum(src, tm.end(), limit) or _union_plenum(src, tm.end(), limit)
        if plenum:
            return Ref(tm.start(), plenum[0], t, None, None, None, 0.75, issuer=plenum[1], own_tail=True)
    if "owner" in t.unnamed:
        owned = _owned_document(src, tm, t, limit)
        if owned:
            return owned
    if "quoted" in t.unnamed:
        quote = regex.match(r"\s*[“\"]([^”\"\n]{3,200})[”\"]", text[tm.end():limit])
        if quote:
            title = f"{t.type} “{quote.group(1).strip()}”"
            return Ref(tm.start(), tm.end() + quote.end(), t, None, None, None, 0.6, title=title)
    if not exact or not is_capitalised(tm.group()):
        return None
    if "law" in t.unnamed:
        # "Luật Công đoàn", "Bộ luật Lao động": a law by its title; its issuer is not named
        m = regex.match(r"\s+(?=\p{Lu})", text[tm.end():limit])
        if m:
            got = scan_name(src, tm.end() + m.end(), limit)
            if got:
                end = got[1]
                year = LAW_YEAR_RE.match(text, end, limit)  # "Luật Công đoàn năm 2012"
                end = year.end() if year else end
                title = regex.sub(r"\s+", " ", text[tm.start():end])
                return Ref(tm.start(), end, t, None, None, None, 0.7, title=title)
        return None
    if "title" in t.unnamed and not (tm.start() > 0 and text[tm.start() - 1] == "“"):
        line_start = text.rfind("\n", 0, tm.start()) + 1
        verb = preceded_by_verb(text, tm.start(), line_start)
        if verb is not None and not PLAN_RE.search(text, max(line_start, verb - 40), verb):
            # "ban hành Hướng dẫn đánh giá ...": a Title-case type names one document;
            # "thông qua Nghị quyết." / "ban hành Nghị quyết là ..." points back to one
            if regex.match(r"\s*(?:[“\"]|[^\s\p{L}\d]|$)", text[tm.end():limit]):
                return None
            following = tokenize(text, tm.end(), min(limit, tm.end() + 40))
            if following and match_phrase(following, 0, ANAPHORA_AFTER_TYPE):
                return None
            return Ref(tm.start(), tm.end(), t, None, None, None, 0.6)
    return None


def _owned_document(src: Source, tm: regex.Match, t: DocType, limit: int) -> Ref | None:
    """ "Kế hoạch [topic] của Ban Thường vụ LĐLĐ thành phố": the body it belongs to names one
    document (see issuers.yaml owner_*); "các Chỉ thị, Nghị quyết của Đảng" names none, nor
    "sự hướng dẫn ... của Tổng Liên đoàn" (the act of guiding)."""
    if PLURAL_BEFORE_TYPE_RE.search(src.text, max(0, tm.start() - 30), tm.start()):
        return None
    if NOMINAL_BEFORE_TYPE_RE.search(src.text, max(0, tm.start() - 10), tm.start()):
        return None
    # the topic and "của" stand within OWNER_REACH words: tokenise no further (lines can be long)
    toks = tokenize(src.text, tm.end(), min(limit, tm.end() + 12 * OWNER_REACH))
    needs = OWNER_TYPE_WORDS.get(t.type)
    if needs and not (is_capitalised(tm.group()) and match_phrase(toks, 0, needs)):
        return None
    if toks and (toks[0].text.casefold() == "số" or toks[0].text[:1].isdigit()):
        return None  # a numbered reference read (or refused: "Thông báo kết luận số 123-TB/TW") elsewhere
    if toks and match_phrase(toks, 0, RECURRING_AFTER_TYPE):
        return None
    for i, tok in enumerate(toks[:OWNER_REACH]):
        # a sentence break, or another document named in the topic (its "của" is its own)
        if tok.text in (".", ";", ":", "!", "?") or (i and TYPE_WORD_RE.match(src.text, tok.start)):
            return None
        # lower case, a type is a document only with its topic: "kế hoạch của UBND tỉnh" is any plan
        if tok.text.casefold() == OWNER_WORD and i + 1 < len(toks) and (i or is_capitalised(tm.group())):
            named = name_after(src, toks[i + 1].start, limit, HEADS)
            if named and named[0].casefold() not in OWNER_GENERIC:  # "của Công đoàn cấp mình": no one body
                return Ref(tm.start(), named[1], t, None, None, None, 0.6, issuer=named[0], own_tail=True)
            return None
    return None
