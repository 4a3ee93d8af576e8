"""Word segmentation with underthesea's own CRF model, without the public API's overhead.

underthesea's `word_tokenize(text, use_token_normalize=False)` cuts the text into syllables
with one big regex (then asks, per syllable, which named group matched: each is a whole
alternative, so it is the match itself), has its Rust featurizer turn every syllable into
43 feature strings (handed back to Python and in again), and lets the CRF tag B-W/I-W.
That was half the pipeline's run time. This module reads the same model's weights
(`crf_model`: the CRFsuite file underthesea ships) and scores each syllable, pair and
triple once per window it is read from, cached by its text; a sentence's scores are then
sums of cached numbers and a two-label Viterbi, with no feature string built.

`_WINDOW_KINDS` lists the 43 attributes the featurizer writes, with its readings of
`istitle` (every space-separated part starts with a character that is not lower case) and
`isdigit` (the text parses as a 32-bit integer, a sign allowed). underthesea is pinned to
9.5 (underthesea_core 3.3) in pyproject.toml; `tests/test_wordseg.py` checks that the
attributes are the featurizer's and that the words equal `word_tokenize`'s on every line
of the dev, real and bench corpora and on random text.
"""
from __future__ import annotations

import re
from functools import lru_cache

_I32 = (-2**31, 2**31 - 1)
_UNIGRAMS = (-2, -1, 0, 1, 2)
_TEXT_NGRAMS = ((-2, -1), (-1, 0), (0, 1), (1, 2), (-2, 0), (-1, 1), (0, 2))
_LOWER_NGRAMS = ((-2, -1), (-1, 0), (0, 1), (1, 2))
_DIGIT_AT = (-1, 0, 1)
_TITLE_NGRAMS = ((0, 1), (0, 2))
_DICT_NGRAMS = _TEXT_NGRAMS


@lru_cache(maxsize=1)
def _model():
    """underthesea's word-segmentation model as weights (`crf_model`), its syllable pattern,
    its character normaliser and its dictionary: what `word_tokenize` loads."""
    import pickle

    import underthesea.pipeline.word_tokenize as public
    from os.path import dirname, join
    from underthesea.pipeline.word_tokenize.regex_tokenize import normalize_characters_in_text, patterns

    from .crf_model import read_crfsuite

    folder = join(dirname(public.__file__), "models", "ws_crf_vlsp2013_20230727")
    # a plain pickle of a set (joblib wrote it, with no numpy inside): pickle reads it about
    # 5x faster than joblib.load, a tenth of a second off every worker's start-up
    with open(join(folder, "dictionary.bin"), "rb") as fh:
        dictionary = pickle.load(fh)
    return read_crfsuite(join(folder, "models.bin")), patterns, normalize_characters_in_text, frozenset(dictionary)


def _is_i32(text: str) -> bool:
    body = text[1:] if text[:1] in "+-" else text
    if not body or not body.isascii() or not body.isdigit():
        return False
    return _I32[0] <= int(text) <= _I32[1]


def _title(text: str) -> bool:
    return all(part[:1] and not part[0].islower() for part in text.split(" "))


_CACHE_MAX = 200_000  # n-grams (and chunks) cached; past it a cache starts afresh (flat memory)
# a run of what underthesea's pattern never matches nor reads across (the same `re` whitespace)
_CHUNK = re.compile(r"\S+")


# The windows each feature kind is read over ((a, b): syllables a..b around the position;
# a unigram is (k, k)), as underthesea's featurizer writes them for the model's templates
# (T[i], T[i,j], .lower, .isdigit, .istitle, .is_in_dict): 43 attributes a syllable, BOS/EOS
# where a window reaches past the sentence (tests/test_wordseg.py checks the names).
_WINDOW_KINDS: dict[tuple[int, int], tuple[str, ...]] = {}
for _k in _UNIGRAMS:
    _WINDOW_KINDS[(_k, _k)] = ("", ".lower") + ((".isdigit",) if _k in _DIGIT_AT else ()) + (".istitle", ".is_in_dict")
for _span in _TEXT_NGRAMS:
    _WINDOW_KINDS[_span] = ("",) + ((".lower",) if _span in _LOWER_NGRAMS else ()) \
        + ((".istitle",) if _span in _TITLE_NGRAMS else ()) + ((".is_in_dict",) if _span in _DICT_NGRAMS else ())
# the windows of each n-gram length, in a fixed order
_WINDOWS_OF = {m: tuple(w for w in _WINDOW_KINDS if w[1] - w[0] + 1 == m) for m in (1, 2, 3)}


def _parse_attribute(name: str) -> tuple[tuple[int, int], str, str]:
    """(window, kind, value) of an attribute name `_attribute` writes ("T[-1,0].lower=x y")."""
    close = name.find("]")
    equals = name.find("=", close)
    if not name.startswith("T[") or close < 0 or equals < 0:
        return ((0, 0), "?", name)
    try:
        ends = tuple(int(x) for x in name[2:close].split(","))
    except ValueError:
        return ((0, 0), "?", name)
    return (ends[0], ends[-1]), name[close + 1:equals], name[equals + 1:]


def _attribute(window: tuple[int, int], kind: str, value: str) -> str:
    a, b = window
    return f"T[{a}]{kind}={value}" if a == b else f"T[{a},{b}]{kind}={value}"


class WordSegmenter:
    """`segment(text)` gives underthesea's words of `text` (as `word_tokenize(text,
    use_token_normalize=False)` does), each a substring of the normalised text.

    The CRF has two labels (B-W starts a word, I-W continues one), so only the difference
    of their scores at each position matters to the decoding: each syllable, syllable pair
    and triple is scored once per window it is read from (cached by its text), and a
    sentence's scores are sums of cached numbers, with no feature strings built."""

    def __init__(self):
        weights, self.pattern, self.normalise, self.dictionary = _model()
        if weights.labels != ("B-W", "I-W"):
            raise ValueError(f"unexpected word-segmentation labels {weights.labels}")
        # an attribute's weight for I-W minus its weight for B-W
        self.delta = {a: w[1] - w[0] for a, w in weights.state.items()}
        (self.t_bb, self.t_bi), (self.t_ib, self.t_ii) = weights.transition
        self.edges = {w: (self._score(w, "BOS"), self._score(w, "EOS")) for w in _WINDOW_KINDS}
        # the same differences per (window, kind), keyed by the value shown: scoring a new
        # n-gram then builds no attribute string
        self.tables: dict[tuple[tuple[int, int], str], dict[str, float]] = {
            (w, kind): {} for w, kinds in _WINDOW_KINDS.items() for kind in kinds}
        for name, d in self.delta.items():
            window, kind, value = _parse_attribute(name)
            table = self.tables.get((window, kind))
            if table is not None:
                table[value] = d
        # per n-gram length, per window: the (table, kind) pairs summed, in _WINDOW_KINDS order
        self.plans = {m: tuple(tuple((self.tables[(w, kind)], kind) for kind in _WINDOW_KINDS[w]) for w in windows)
                      for m, windows in _WINDOWS_OF.items()}
        self.scored: dict[str, tuple[float, ...]] = {}  # n-gram text -> its score in each window
        self.cut: dict[tuple[str, bool], tuple[str, ...]] = {}  # (chunk, ends the text) -> syllables

    def _score(self, window: tuple[int, int], value: str, lower: str | None = None) -> float:
        """The summed score difference of the attributes read over `window` for an n-gram
        (`value` its text, `lower` its lower-cased syllables joined; BOS/EOS at the edges)."""
        delta, total = self.delta, 0.0
        for kind in _WINDOW_KINDS[window]:
            if value in ("BOS", "EOS") and lower is None:
                shown = value
            elif kind == "":
                shown = value
            elif kind == ".lower":
                shown = lower
            elif kind == ".isdigit":
                shown = "True" if _is_i32(value) else "False"
            elif kind == ".istitle":
                shown = "True" if _title(value) else "False"
            else:
                shown = "True" if lower in self.dictionary else "False"
            total += delta.get(_attribute(window, kind, shown), 0.0)
        return total

    def _scores_of(self, grams: list[str], m: int) -> list[tuple[float, ...]]:
        scored, out = self.scored, []
        for gram in grams:
            got = scored.get(gram)
            if got is None:
                # lower-cased syllable by syllable, as the featurizer does (a gram's syllables hold no space)
                lower = " ".join(s.lower() for s in gram.split(" ")) if m > 1 else gram.lower()
                got = scored[gram] = self._new_scores(gram, lower, m)
            out.append(got)
        return out

    def _new_scores(self, gram: str, lower: str, m: int) -> tuple[float, ...]:
        """`_score` of an m-gram in each of its windows (the same sums, in the same order)."""
        shown = {"": gram, ".lower": lower, ".isdigit": "True" if _is_i32(gram) else "False",
                 ".istitle": "True" if _title(gram) else "False",
                 ".is_in_dict": "True" if lower in self.dictionary else "False"}
        return tuple(sum(table.get(shown[kind], 0.0) for table, kind in plan) for plan in self.plans[m])

    def differences(self, syllables: list[str]) -> list[float]:
        """Per syllable, the score of I-W minus that of B-W (the transitions aside)."""
        n = len(syllables)
        if len(self.scored) > _CACHE_MAX:
            self.scored.clear()
        pairs = [f"{x} {y}" for x, y in zip(syllables, syllables[1:])]
        grams = {1: syllables, 2: pairs, 3: [f"{x} {y}" for x, y in zip(pairs, syllables[2:])]}
        columns = []
        for m, texts in grams.items():
            rows = self._scores_of(texts, m)
            for j, window in enumerate(_WINDOWS_OF[m]):
                a = window[0]
                bos, eos = self.edges[window]
                lo = min(max(-a, 0), n)
                hi = max(lo, min(n, len(rows) - a))
                columns.append([bos] * lo + [r[j] for r in rows[lo + a:hi + a]] + [eos] * (n - hi))
        return [sum(c) for c in zip(*columns)]

    def tags(self, syllables: list[str]) -> list[bool]:
        """Per syllable, whether it continues the word before it (I-W): the Viterbi path of the
        two-label CRF (the first label wins a tie, as CRFsuite's decoder does)."""
        d = self.differences(syllables)
        t_bb, t_bi, t_ib, t_ii = self.t_bb, self.t_bi, self.t_ib, self.t_ii
        b, i = 0.0, d[0]
        back = []
        for x in d[1:]:
            from_b, from_i = b + t_bb, i + t_ib  # to B
            to_b = from_b if from_b >= from_i else from_i
            b_from_i = from_i > from_b
            from_b2, from_i2 = b + t_bi, i + t_ii  # to I
            i_from_i = from_i2 > from_b2
            i = (from_i2 if i_from_i else from_b2) + x
            b = to_b
            back.append((b_from_i, i_from_i))
        last = i > b
        path = [last]
        for b_from_i, i_from_i in reversed(back):
            last = i_from_i if last else b_from_i
            path.append(last)
        path.reverse()
        return path

    def syllables(self, text: str) -> list[str]:
        """The syllables underthesea's pattern cuts from normalised `text`.

        No alternative of the pattern matches or looks past whitespace except `$` (which
        holds at a chunk's end only where the text ends, or ends in one newline), so each
        whitespace-free chunk is cut alone, followed by a space or not, and remembered: a
        language has a few thousand syllables, and the one big regex was a third of the
        segmenting time."""
        cut, out = self.cut, []
        end_of_text = len(text) - (1 if text.endswith("\n") else 0)
        for m in _CHUNK.finditer(text):
            key = (m.group(), m.end() >= end_of_text)
            got = cut.get(key)
            if got is None:
                if len(cut) > _CACHE_MAX:
                    cut.clear()
                got = cut[key] = tuple(t.group() for t in self.pattern.finditer(key[0] if key[1] else key[0] + " "))
            out.extend(got)
        return out

    def segment(self, text: str) -> list[str]:
        syllables = self.syllables(self.normalise(text))
        if not syllables:
            return []
        words: list[str] = []
        for inside, syllable in zip(self.tags(syllables), syllables):
            if inside and words:
                words[-1] = words[-1] + " " + syllable
            else:
                words.append(syllable)
        return words


@lru_cache(maxsize=1)
def segmenter() -> WordSegmenter:
    """The process's segmenter (the model loaded once)."""
    return WordSegmenter()
