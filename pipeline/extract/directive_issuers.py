"""Who issued a reference, and when, read from its context: the date and issuer written
right after it (", ngày 12/6/2021 của Bộ Chính trị", a passive "được Quốc hội thông qua"),
else the subject of the verb issuing it ("Tỉnh ủy ban hành Kế hoạch ...") with a
sentence-initial date, or a body its symbol stands for named later in the clause."""
from __future__ import annotations

from dataclasses import replace

import regex

from ..records import DateMention
from .directive_dates import clause_date, date_at, intro_date
from .directive_names import HEADS, MAX_NAME_CHARS, issuer_phrases, name_after, name_text, scan_name
from .directive_symbols import symbol_codes
from .directive_tokens import ABBREVIATIONS, Source, is_abbreviation, line_end, match_phrase, tokenize, wrapped_line_end
from .directive_types import Ref
from .org_persons import person_name_at

DIRECT_HEADS = issuer_phrases("direct_heads")
ISSUE_VERBS = issuer_phrases("issue_verbs")
SUBJECT_VERBS = issuer_phrases("subject_verbs")
PASSIVE_MARKERS = issuer_phrases("passive_markers")
ISSUE_ADVERBS = issuer_phrases("issue_adverbs")
TOPIC_MARKERS = issuer_phrases("topic_markers")
REFERENCE_OPENERS = issuer_phrases("reference_openers")
ACT_VERBS = issuer_phrases("act_verbs")


def preceded_by_verb(text: str, pos: int, line_start: int, verbs=ISSUE_VERBS) -> int | None:
    """Where the issuing verb before pos starts ("ban hành", "thông qua"), else None.
    Not in a topic ("Quyết định ... về việc ban hành Quy định ..."): that names no issuer."""
    toks = tokenize(text, max(line_start, pos - 60), pos)
    for n_verb in range(1, 4):
        i = len(toks) - n_verb
        if i < 0:
            break
        if match_phrase(toks, i, verbs) == n_verb:
            before = toks[max(0, i - 2): i]
            if any(match_phrase(before, k, TOPIC_MARKERS) == len(before) - k for k in range(len(before))):
                return None
            return toks[i].start
    return None


def with_tail(src: Source, ref: Ref, day_mentions: dict[int, DateMention]) -> Ref:
    """Date and issuer written right after a reference: ", ngày 12/6/2021 của Bộ Chính trị"."""
    text = src.text
    limit = wrapped_line_end(text, ref.end)
    pos, issued, issuer, own = ref.end, ref.issued, ref.issuer, ref.own_tail
    for _ in range(3):
        m = regex.match(r"[\s,(]*", text[pos:limit])
        p = pos + m.end()
        after_issuer_comma = issuer is not None and "," in text[pos:p]
        if issued is None and not after_issuer_comma:  # ", ngày ..." after the issuer opens a new clause
            d = date_at(text, p, day_mentions)
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
                got = name_after(src, p + of.end(), limit)
                if got:
                    issuer, pos, own = got[0], got[1], True
                    continue
            if ref.number:
                got = name_after(src, p, limit, heads=DIRECT_HEADS)
                if got and p == pos + len(regex.match(r"\s*", text[pos:limit]).group()):
                    issuer, pos, own = got[0], got[1], True
                    continue
        break
    return replace(ref, issued=issued, issuer=issuer, tail_end=max(pos, ref.end), own_tail=own)


def _issue_verb_end(src: Source, pos: int, limit: int) -> int | None:
    """End of an issuing verb ("thông qua", "ban hành") right at pos, else None."""
    toks = tokenize(src.text, pos, min(limit, pos + 40))
    n = match_phrase(toks, 0, ISSUE_VERBS) if toks and toks[0].start == pos else 0
    return toks[n - 1].end if n else None


def _passive_issue(src: Source, pos: int, limit: int, named: bool = True) -> tuple[str | None, int] | None:
    """ "được Quốc hội khóa XV thông qua", "đã được ban hành": a passive issuing clause right
    after a document gives its issuer (the agent, where named) and leads to its date.
    Returns (issuer or None, end of the verb)."""
    text = src.text
    toks = tokenize(text, pos, min(limit, pos + 20))
    n = match_phrase(toks, 0, PASSIVE_MARKERS) if toks and toks[0].start == pos else 0
    if not n:
        return None
    at = toks[n - 1].end + len(regex.match(r"\s*", text[toks[n - 1].end:limit]).group())
    verb_end = _issue_verb_end(src, at, limit)
    if verb_end is not None:
        return None, verb_end
    if not named:
        return None
    got = name_after(src, at, limit)
    if got is None:
        return None
    after = got[1] + len(regex.match(r"\s*", text[got[1]:limit]).group())
    verb_end = _issue_verb_end(src, after, limit)
    return (got[0], verb_end) if verb_end is not None else None


def _issuer_named_later(src: Source, ref: Ref, region_end: int) -> str | None:
    """ "Công văn số 75/CĐVC ngày ... về ... của Công đoàn Viên chức tỉnh": an issuer named
    after the topic, accepted only where it is the body the symbol's issuing code stands for."""
    text = src.text
    expansions = [ABBREVIATIONS[c].casefold() for c in symbol_codes(ref.symbol) if c in ABBREVIATIONS]
    if not expansions:
        return None
    for m in regex.finditer(r"(?<![\p{L}])của\s+", text[ref.tail_end:region_end]):
        got = name_after(src, ref.tail_end + m.end(), region_end)
        if got and any(e in got[0].casefold() for e in expansions):
            return got[0]
    return None


def _signer_between(text: str, name_end: int, verb_start: int) -> bool:
    """Only a person's name between a body and the verb ("LĐLĐ Thành phố Lê Đình Hùng đã ký"):
    the body is the subject, through the one who signed for it."""
    between = text[name_end:verb_start].strip()
    m = person_name_at(between)
    return m is not None and m.end() == len(between)


def _clause_subject(src: Source, verb_pos: int, sent_start: int, adjacent_only: bool = False) -> str | None:
    """The issuer as the subject of "ban hành"/"thông qua" before verb_pos (with
    `adjacent_only`, only a name ending right before the verb and its adverbs)."""
    text = src.text
    # 1. the name right before the verb ("Tỉnh ủy ban hành", "Bộ Chính trị đã ban hành")
    toks = tokenize(text, max(sent_start, verb_pos - MAX_NAME_CHARS), verb_pos)
    j = len(toks)
    while j > 0:
        for ph in ISSUE_ADVERBS:
            n = len(ph)
            if j - n >= 0 and match_phrase(toks, j - n, (ph,)) == n:
                j -= n
                break
        else:
            break
    stop = toks[j - 1].end if j > 0 else sent_start
    for i in range(j - 1, -1, -1):
        if toks[i].text in (",", ";", ":", "“", "”", '"'):
            break
        if match_phrase(toks, i, HEADS, casefold=False) or (
            toks[i].text in ABBREVIATIONS and is_abbreviation(toks[i].text)
        ):
            got = scan_name(src, toks[i].start, stop)
            if got and (got[1] == stop or _signer_between(text, got[1], stop)):
                # the longest name ending at the verb: keep looking left for an earlier head
                best = name_text(got[0])
                for k in range(i - 1, -1, -1):
                    if toks[k].text in (",", ";", ":"):
                        break
                    if match_phrase(toks, k, HEADS, casefold=False):
                        more = scan_name(src, toks[k].start, stop)
                        if more and (more[1] == stop or _signer_between(text, more[1], stop)):
                            best = name_text(more[0])
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
    intro = intro_date(text, start, limit, src.days)
    pos = intro[1] if intro else start
    m = regex.match(r"\s*", text[pos:limit])
    pos += m.end()
    toks = tokenize(text, pos, min(limit, pos + 40))
    if not toks or not (match_phrase(toks, 0, HEADS, casefold=False) or is_abbreviation(toks[0].text)):
        return None
    got = scan_name(src, pos, limit)
    return name_text(got[0]) if got else None


def _subject_acting_on(src: Source, ref: Ref, sent_start: int, sent_end: int) -> str | None:
    """"Tại quyết định số 373 ngày 5-11-2025, Chủ tịch Tổng LĐLĐ Việt Nam quyết định ...": a
    reference opening its clause after a reference_opener, its tail closed by a comma, is
    issued by the subject of the next clause where that clause's verb is an act_verb."""
    text = src.text
    opener = tokenize(text, sent_start, ref.start)
    cut = max((i + 1 for i, t in enumerate(opener) if t.text in (",", ";", ":")), default=0)
    opener = opener[cut:]  # "Theo đó, tại quyết định ...": the opener of the reference's clause
    if not opener or match_phrase(opener, 0, REFERENCE_OPENERS) != len(opener):
        return None
    comma = regex.compile(r"[^\S\n]*,[^\S\n]*").match(text, ref.tail_end, sent_end)
    if comma is None:
        return None
    got = scan_name(src, comma.end(), sent_end)
    if got is None:
        return None
    after = tokenize(text, got[1], min(sent_end, got[1] + 40))
    return name_text(got[0]) if after and match_phrase(after, 0, ACT_VERBS) else None


def with_sentence_context(src: Source, ref: Ref, next_start: int, day_mentions) -> Ref:
    """Issuer (and date) of a reference whose tail names none: the subject of the verb
    issuing it, or a body matching its symbol named later in the clause."""
    text = src.text
    sent = src.doc.sentence_at(ref.start) if src.doc is not None else None
    line_start = text.rfind("\n", 0, ref.start) + 1
    sent_start = sent.start if sent else line_start
    sent_end = sent.end if sent else line_end(text, ref.start)
    verb = preceded_by_verb(text, ref.start, max(line_start, sent_start))
    weak = False  # "có", "gửi": the subject counts only as the name right before the verb
    if verb is None and ref.number:  # "LĐLĐ tỉnh đã có Công văn số 645/LĐLĐ"
        verb = preceded_by_verb(text, ref.start, max(line_start, sent_start), SUBJECT_VERBS)
        weak = verb is not None
    issuer = _clause_subject(src, verb, sent_start, weak) if ref.issuer is None and verb is not None else None
    if ref.issuer is None and verb is not None and (issuer is not None or not weak):
        ref = replace(ref, issuer=issuer)
        if ref.issued is None:  # "Ngày 12/6/2021, Bộ Chính trị đã ban hành Nghị quyết ..."
            # the date opening the clause of the issuing verb: after a ";" ("...; ngày 15/4/2021, Sở
            # Nội vụ ban hành Hướng dẫn số ..."), where a date opening the sentence is the first clause's
            clause = text.rfind(";", sent_start, ref.start)
            intro = intro_date(text, clause + 1 if clause >= 0 else sent_start, sent_end, day_mentions)
            ref = replace(ref, issued=intro[0] if intro else None)
    if ref.issued is None and verb is not None:
        # ... whoever the issuer was told by, a day right before the verb's subject ("Ngày 13/5/2022
        # Công đoàn Ngân hàng Việt Nam đã ban hành Kế hoạch số 313/KH-CĐNH")
        ref = replace(ref, issued=clause_date(text, max(line_start, sent_start), verb, day_mentions))
    if ref.issuer is None:
        ref = replace(ref, issuer=_subject_acting_on(src, ref, sent_start, sent_end))
    if ref.issuer is None and ref.symbol:
        semicolon = text.find(";", ref.tail_end, sent_end)
        region_end = min(next_start, sent_end, semicolon if semicolon >= 0 else sent_end)
        ref = replace(ref, issuer=_issuer_named_later(src, ref, max(region_end, ref.tail_end)))
    return ref
