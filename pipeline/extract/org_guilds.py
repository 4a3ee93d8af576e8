"""A "Nghiệp đoàn": the grassroots union of self-employed workers of one trade and place
(the Union Charter counts it a grassroots union, org_type cdcs).

Its name is its trade, written in lowercase ("nghề cá", "bốc xếp thủy sản", "xe ôm
truyền thống"), then the place or landmark it gathers at ("xã Tam Tiến", "cảng cá Định
An", "phường 1"), or a quoted name ("Nghiệp đoàn “Nuôi cá vèo”"). A bare or generic
"Nghiệp đoàn" ("Nghiệp đoàn nghề cá cũng góp phần ...", "Nghiệp đoàn có 23 tàu cá") names
no one body.
"""
from __future__ import annotations

import regex

from .org_candidate import Candidate
from .org_patterns import RULES, _E, _I, alternation, is_capitalised
from .org_places import KIND_RE, parse_place
from .org_unit_names import TOKEN_RE
from .org_unions import unit_province

_GUILD = RULES["guilds"]
GUILD_HEAD = _GUILD["head"]
_QUOTED_RE = regex.compile(r"[ \t]*[“\"](?P<name>[^”\"\n]{2,60})[”\"]")
_CO_SO_RE = regex.compile(r"[ \t]+cơ[ \t]+sở" + _E, _I)
# the next word, number or abbreviation of the name, blanks before it (a comma or any other
# sign ends the name: "Nghiệp đoàn xe ôm, xe công nghệ Bình Tân" lists two trades)
_NEXT_TOKEN_RE = regex.compile(r"[ \t]+(?=" + TOKEN_RE.pattern + ")")
_STOP_WORD_RE = regex.compile(r"(?:" + alternation(RULES["name_stop"] + _GUILD["also_stop"]) + ")" + _E, _I)


def parse_guild(text: str, start: int, end: int, province: str | None) -> Candidate | None:
    """The "Nghiệp đoàn" whose head spans text[start:end], with its trade and place."""
    quoted = _QUOTED_RE.match(text, end)
    if quoted:
        name = " ".join(quoted.group("name").split())
        return Candidate(start, quoted.end(), "cdcs", f"{GUILD_HEAD} {name}",
                         unit_province(text, start, quoted.end(), province))
    pos = end
    co_so = _CO_SO_RE.match(text, pos)
    if co_so:
        pos = co_so.end()
    trade_words = 0  # words of the trade read so far; the first may be capitalised ("Nghề cá Đại Lãnh")
    for _ in range(_GUILD["max_trade_words"] + 1):
        gap = _NEXT_TOKEN_RE.match(text, pos)
        if gap is None or _STOP_WORD_RE.match(text, gap.end()):
            return None
        tok = TOKEN_RE.match(text, gap.end())
        if trade_words and is_capitalised(tok.group()):
            name_end = _proper_name_end(text, tok.start())
            return Candidate(start, name_end, "cdcs", " ".join(f"{GUILD_HEAD} {text[end:name_end]}".split()),
                             unit_province(text, start, name_end, province))
        trade_words += 1
        pos = tok.end()
    return None


def _proper_name_end(text: str, pos: int) -> int:
    """Where the place or landmark at `pos` ends: its capitalised words and numbers, with a few
    lowercase words between two capitalised ones ("Cảng cá Trần Đề", "Trung tâm thương mại An
    Đông"), and the district or province after it ("Phan Rí Cửa huyện Tuy Phong")."""
    end = pos
    lowercase = 0  # lowercase words read since the last capitalised one
    while (tok := TOKEN_RE.match(text, pos)) is not None:
        if KIND_RE.match(text, pos) or _STOP_WORD_RE.match(text, pos):
            break
        if tok.group()[0].isdigit() and lowercase:
            break  # "... Tam Tiến kết nạp thêm 20": a count, no part of the name
        if is_capitalised(tok.group()):
            end, lowercase = tok.end(), 0
        else:
            lowercase += 1
            if lowercase > _GUILD["max_lowercase_in_place"]:
                break
        gap = _NEXT_TOKEN_RE.match(text, tok.end())
        if gap is None:
            break
        pos = gap.end()
    kind = regex.match(r"[ \t]+", text[end:])
    if kind and KIND_RE.match(text, end + kind.end()):
        ref = parse_place(text, end + kind.end(), None)
        if ref is not None and not ref.bare:
            return ref.end
    return end
