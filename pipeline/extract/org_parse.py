"""Step 2 of the org extractor (`parse_candidates`): at every head word (Tổng Liên đoàn, Liên
đoàn Lao động, Công đoàn) the body the words after it name, left to right, not overlapping."""
from __future__ import annotations

import regex

from .org_candidate import Candidate, bare_and_named, ldld_from_place, parse_ldld, plural_kind_list
from .org_patterns import CANON, HEAD_RE, HISTORICAL_HEADS, RULES, SPACE_RE, _B, _I, fold, words_before
from .org_persons import PERSON_TITLE_RE
from .org_places import KIND_RE, NATIONAL, NATIONAL_RE, parse_place
from .org_guilds import parse_guild
from .org_unions import parse_cd
from .org_unit_names import WordEnd, no_words

# Anchored at the end of what it searches ("the 60 characters before a head"): searched
# backwards ((?r)), it is tried from the end only, not at every position (so is PERSON_TITLE_RE).
PLURAL_BEFORE_RE = regex.compile(r"(?r)" + _B + r"(?:" + "|".join(RULES["plural_before"]) + r")[ \t]+$", _I)
GROUP_BEFORE_RE = regex.compile(r"(?r)" + _B + r"(?:" + "|".join(RULES["group_before"]) + r")[ \t]+$", _I)
COORD_RE = regex.compile(r"[ \t]*(?:,|và)[ \t]*", _I)


# Every head holds "đoàn" once, after one to three words ("Công", "Liên", "Tổng Liên", "Liên
# hiệp Công") and blanks: a scan for the word finds where HEAD_RE, much slower to search with,
# may match.
HEAD_CUE_RE = regex.compile(r"đoàn", _I)


def next_head(text: str, pos: int) -> "regex.Match[str] | None":
    """HEAD_RE.search(text, pos): tried only where one or two words and blanks lead to a "đoàn"."""
    scan = pos
    while (cue := HEAD_CUE_RE.search(text, scan)) is not None:
        for start in reversed(words_before(text, cue.start(), 3)):  # the leftmost start first
            if start >= pos and (m := HEAD_RE.match(text, start)) is not None:
                return m
        scan = cue.end()
    return None


def parse_candidates(text: str, province: str | None, word_end: WordEnd = no_words) -> list[Candidate]:
    """Every union body named in the normalised text, left to right, not overlapping."""
    found: list[Candidate] = []
    pos = 0
    while True:
        m = next_head(text, pos)
        if m is None:
            break
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[max(line_start, m.start() - 60):m.start()]
        plural = bool(PLURAL_BEFORE_RE.search(before))
        listed: list[Candidate] = []
        historical = HISTORICAL_HEADS.get(fold(m.group()), "")  # "Tổng Công đoàn", "Liên hiệp Công đoàn"
        if m.group("tong"):
            nat = NATIONAL_RE.match(text, SPACE_RE.match(text, m.end()).end())
            end = nat.end() if nat else m.end()
            name = (f"{historical} {NATIONAL}" if nat else historical) if historical else CANON["tong_ldld"]
            cand = Candidate(m.start(), end, "tong_ldld", name)
        elif m.group("ldld"):
            cand = parse_ldld(text, m.start(), m.end(), province, plural, 0.95, historical)
            if cand is not None and cand.canonical and not plural:
                listed = coordinated_ldld(text, cand, province)
            elif cand is None and not plural:
                # "LĐLĐ các huyện Mộ Đức, Trà Bồng"; "LĐLĐ Thành phố và quận Đống Đa"
                shared = plural_kind_list(text, m.start(), m.end(), province, 0.95) or bare_and_named(
                    text, m.start(), m.end(), province, 0.95)
                if shared:
                    cand, listed = shared[0], shared[1:]
        elif m.group("guild"):
            # "các nghiệp đoàn cá miền Trung": a plural names a category
            cand = None if plural else parse_guild(text, m.start(), m.end(), province)
        else:
            cand = parse_cd(text, m.start(), m.end(), m.group()[0].islower(), plural,
                            bool(PERSON_TITLE_RE.search(before)), province, word_end)
        if cand is not None:
            # "các công đoàn ngành Trung ương", "các cấp công đoàn ngành Giáo dục": a plural
            # names a category; only a body named in full ("các cấp Công đoàn Viên chức Việt
            # Nam") is one organisation, never one completed from the context
            group = m.group("cd") and GROUP_BEFORE_RE.search(before)
            if not (plural and cand.canonical is None) and not group:
                found.append(cand)
            found += listed
            pos = listed[-1].end if listed else cand.end
        else:
            pos = m.end()
    return found


def coordinated_ldld(text: str, first: Candidate, province: str | None) -> list[Candidate]:
    """Places listed after a named federation share its head: "Liên đoàn Lao động huyện Đại
    Lộc, thị xã Điện Bàn, thành phố Hội An" names three federations. Only places of the
    first one's level count: "LĐLĐ huyện Đại Lộc, tỉnh Quảng Nam" locates the district."""
    level = first.org_type
    out: list[Candidate] = []
    end = first.end
    while True:
        sep = COORD_RE.match(text, end)
        if sep is None or not KIND_RE.match(text, sep.end()):
            return out
        ref = parse_place(text, sep.end(), province)
        if ref is None or ref.bare or ref.place is None:
            return out
        canonical, org_type, prov = ldld_from_place(ref)
        if org_type != level:
            return out
        out.append(Candidate(ref.start, ref.end, org_type, canonical, prov, confidence=0.85))
        end = ref.end
