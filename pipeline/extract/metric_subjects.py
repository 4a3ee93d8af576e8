"""The words around a number in its clause: the noun phrase it counts ("1.500 suất quà":
"suất quà"; a percentage of a target: "chỉ tiêu") and the word tokens before it."""
from __future__ import annotations

import regex

from ..document import Token
from ..ruledata import load_yaml
from .numbers import Quantity

_CUES = load_yaml("metric_cues.yaml")
_SUBJECT_STOP = frozenset(w.casefold() for w in _CUES["subject_stop_words"])
_SUBJECT_MAX = int(_CUES["subject_max_tokens"])
_SUBJECT_STOP_VERBS = frozenset(w.casefold() for w in _CUES["subject_stop_verbs"])
_SUBJECT_SKIP = frozenset(w.casefold() for w in _CUES["subject_skip_words"])
_PERCENT_TARGET_RE = regex.compile(
    r"^\s*(?:" + "|".join(regex.escape(w) for w in sorted(_CUES["percent_of_target_words"], key=len, reverse=True))
    + r")(?!\p{L})", regex.I)
_PERCENT_TARGET_AFTER_RE = regex.compile(_CUES["percent_of_target_after"], regex.I)
PUNCT_RE = regex.compile(r"^[^\p{L}\d]+$")


def words_before(tokens, pos: int, start: int) -> list[str]:
    """Word tokens between body offsets `start` and `pos` (a token running over `pos`
    gives its part before it)."""
    words = []
    for t in tokens:
        if t.start < start or t.start >= pos:
            continue
        text = t.text if t.end <= pos else t.text[:pos - t.start].strip()
        if text and not PUNCT_RE.match(text):
            words.append(text)
    return words


def counted_subject(q: Quantity, tokens, after: str) -> tuple[str | None, int]:
    """The head noun phrase counted by `q` (words after it), and where it ends."""
    if q.unit == "vnd":
        return "đồng", q.end
    if q.unit == "percent":
        m = _PERCENT_TARGET_RE.match(after) or _PERCENT_TARGET_AFTER_RE.match(after)
        if m:
            return _CUES["percent_target_subject"], q.end + m.end()
    words = []
    end = q.end
    for t in tokens:
        if t.end <= q.end:
            continue
        if t.start < q.end:  # underthesea glues a number to its noun: "1.500 suất"
            rest = t.text[q.end - t.start:]
            t = Token(t.start + len(rest) - len(rest.lstrip()) + (q.end - t.start), t.end, rest.strip())
            if not t.text:
                continue
        low = t.text.casefold()
        if PUNCT_RE.match(t.text) or low in _SUBJECT_STOP or any(c.isdigit() for c in t.text):
            break
        if words and low in _SUBJECT_STOP_VERBS:
            break
        if not words and low in _SUBJECT_SKIP:  # "95% số CĐCS": what follows is counted
            end = t.end
            continue
        if words and t.start - end > 1:  # a gap wider than a space
            break
        words.append(t.text)
        end = t.end
        if len(words) >= _SUBJECT_MAX:
            break
    if words:
        return " ".join(words), end
    if q.unit == "percent" and after.strip()[:1] in (",", ".", ";", ")", ""):
        return _CUES["percent_target_subject"], q.end
    return None, q.end
