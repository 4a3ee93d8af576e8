"""Part-of-speech tags for words the pipeline has already segmented: underthesea's POS model,
scored and decoded for all of an article's sentences at once.

underthesea's public `pos_tag(text)` segments the text again and then builds the CRF
features of every token by re-reading the whole sentence once per feature template (time
quadratic in the sentence's length); its Rust tagger then takes 22 feature strings per
word. This module reads the same model's weights (`crf_model.read_crfsuite`: the CRFsuite
file `CRFPOSTagPredictor` loads, underthesea pinned to 9.5 in pyproject.toml) and works
with numbers instead of strings:

- the 22 features of the predictor's template are, per word, its text and lower-cased text
  at offsets -2..2, whether it is title-cased at -1..1, the word pairs at -2..1, and the
  tag placeholders "X" (BOS near the start). Each word's weights at every offset are one
  row of a matrix indexed by the word (words the model never saw: a row of zeros); a
  sentence's label scores are shifted sums of those rows, BOS/EOS rows padding its ends;
- the Viterbi decoding runs over all the sentences of an article together (a numpy step
  per position of the longest one), the first label winning a tie as CRFsuite's decoder
  does.

`features()` keeps the feature strings themselves (what the Rust tagger reads) for the
tests; `tests/test_postag.py` checks that the tags equal the public `pos_tag`'s on every
sentence of the real corpus, and the Rust tagger's on every dev, real and bench line.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

_WORD_OFFSETS = (-2, -1, 0, 1, 2)   # T[k] and T[k].lower
_TITLE_OFFSETS = (-1, 0, 1)         # T[k].istitle
_PAIR_OFFSETS = (-2, -1, 0, 1)      # T[a,a+1]: the words at a and a+1 joined by a space
_PAD = 2                            # words a feature reads on either side
_CACHE_MAX = 200_000                # words remembered; past it the cache starts afresh
_DECODE_CELLS = 8_192               # sentences x longest length decoded together


@lru_cache(maxsize=65536)
def _title_feature(word: str) -> str:
    """str(_istitle(word)), remembered: words recur and the check splits each one."""
    return str(_istitle(word))


def _istitle(word: str) -> bool:
    """underthesea's `text_istitle`: every space-separated part starts with a title-case letter."""
    if not word:
        return False
    try:
        return all(part[0].istitle() for part in word.split(" "))
    except IndexError:  # an empty part (double space): underthesea's try/except says False
        return False


def _column(name: str, seq: list[str], k: int, n: int) -> list[str]:
    """Feature `name` of each of `n` words, read at offset `k` in `seq` (seq[i + k] for word i):
    "name=BOS" before the start of `seq`, "name=EOS" past its end."""
    lo = min(max(-k, 0), n)
    hi = max(lo, min(n, len(seq) - k))
    prefix = name + "="
    return [prefix + "BOS"] * lo + [prefix + s for s in seq[lo + k:hi + k]] + [prefix + "EOS"] * (n - hi)


def features(words: list[str]) -> list[tuple[str, ...]]:
    """The CRF features of each word as underthesea's template builds them (the POS columns
    are its placeholder "X": the predictor tags tokens paired with "X"): the strings the
    Rust tagger reads. A pair feature "T[a,a+1]" is BOS where word a is before the sentence
    and EOS where word a+1 is past its end."""
    n = len(words)
    lower = [w.lower() for w in words]
    title = [_title_feature(w) for w in words]
    pairs = [a + " " + b for a, b in zip(words, words[1:])]
    xs = ["X"] * n
    x_pairs = ["X X"] * max(n - 1, 0)
    columns = [
        *(_column(f"T[{k}].lower", lower, k, n) for k in _WORD_OFFSETS),
        *(_column(f"T[{k}].istitle", title, k, n) for k in (0, -1, 1)),
        *(_column(f"T[{k}]", words, k, n) for k in _WORD_OFFSETS),
        *(_column(f"T[{a},{a + 1}]", pairs, a, n) for a in _PAIR_OFFSETS),
        _column("T[-3][1]", xs, -3, n), _column("T[-2][1]", xs, -2, n), _column("T[-1][1]", xs, -1, n),
        _column("T[-3,-2][1]", x_pairs, -3, n), _column("T[-2,-1][1]", x_pairs, -2, n),
    ]
    return list(zip(*columns))


class POSModel:
    """underthesea's POS CRF as weight matrices (see the module's docstring)."""

    def __init__(self):
        from os.path import dirname, join

        import underthesea.pipeline.pos_tag as package

        from .crf_model import read_crfsuite_arrays

        model = read_crfsuite_arrays(join(dirname(package.__file__), "pos_crf_2017_10_11.bin"))
        self.labels = model.labels
        self.transition = model.transition
        zero = np.zeros(len(self.labels))
        attribute_id = {name: i for i, name in enumerate(model.attributes)}

        def w(attribute: str) -> np.ndarray:
            i = attribute_id.get(attribute)
            return zero if i is None else model.state[i]

        text_templates = [f"T[{k}]" for k in _WORD_OFFSETS]
        lower_templates = [f"T[{k}].lower" for k in _WORD_OFFSETS]
        title_templates = [f"T[{k}].istitle" for k in _WORD_OFFSETS]
        pair_templates = [f"T[{a},{a + 1}]" for a in _PAIR_OFFSETS]
        groups = (text_templates, lower_templates, title_templates, pair_templates)
        column = {t: (g, j) for g, templates in enumerate(groups) for j, t in enumerate(templates)}
        # per group: value -> row (row 0: a value the model never saw, zeros), and the
        # (row, column, attribute) cells the weighted attributes fill
        indexes: list[dict[str, int]] = [{} for _ in groups]
        cells: list[list[tuple[int, int, int]]] = [[] for _ in groups]
        for i in model.weighted.tolist():
            template, _, value = model.attributes[i].partition("=")
            at = column.get(template)
            if at is None:
                continue
            g, j = at
            row = indexes[g].setdefault(value, len(indexes[g]) + 1)
            cells[g].append((row, j, i))

        def matrix(g: int, extra: dict[str, list[str]]) -> tuple[dict[str, int], np.ndarray]:
            """Group g's rows, one column block per template; `extra`: named rows given per
            template as the attribute value to read."""
            index = indexes[g]
            m = np.zeros((len(index) + 1 + len(extra), len(groups[g]), len(self.labels)))
            if cells[g]:
                rows, cols, ids = (np.array(x) for x in zip(*cells[g]))
                m[rows, cols] = model.state[ids]
            for name, shown in extra.items():
                index[name] = len(index) + 1
                m[index[name]] = [w(f"{t}={v}") for t, v in zip(groups[g], shown)]
            return index, m

        # a pad stands for every unigram feature read past an end: its text row carries the
        # lower-case and title features' BOS/EOS weights too (its other rows are zeros)
        self.text_index, text = matrix(0, {" BOS": ["BOS"] * 5, " EOS": ["EOS"] * 5})
        self.lower_index, lower = matrix(1, {})
        self.title_index, title = matrix(2, {})
        for pad in ("BOS", "EOS"):
            row = self.text_index[" " + pad]
            text[row] = np.array([np.add(np.add(w(f"T[{k}]={pad}"), w(f"T[{k}].lower={pad}")),
                                         w(f"T[{k}].istitle={pad}") if k in _TITLE_OFFSETS else zero)
                                  for k in _WORD_OFFSETS])
        self.text, self.lower, self.title = text, lower, title
        self.pair_index, self.pairs = matrix(3, {" BOS": ["BOS"] * 4, " EOS": ["EOS"] * 4})
        # the tag placeholders: "X" from the third word on, BOS before
        self.placeholders = np.array([
            np.sum([w(f"T[-3][1]={'X' if i >= 3 else 'BOS'}"), w(f"T[-2][1]={'X' if i >= 2 else 'BOS'}"),
                    w(f"T[-1][1]={'X' if i >= 1 else 'BOS'}"), w(f"T[-3,-2][1]={'X X' if i >= 3 else 'BOS'}"),
                    w(f"T[-2,-1][1]={'X X' if i >= 2 else 'BOS'}")], axis=0)
            for i in range(4)])
        self.word_rows: dict[str, tuple[int, int, int]] = {}

    def _rows_of(self, word: str) -> tuple[int, int, int]:
        rows = self.word_rows.get(word)
        if rows is None:
            if len(self.word_rows) > _CACHE_MAX:
                self.word_rows.clear()
            rows = self.word_rows[word] = (self.text_index.get(word, 0), self.lower_index.get(word.lower(), 0),
                                           self.title_index.get(_title_feature(word), 0))
        return rows

    def scores(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """Per sentence, the (words, labels) array of label scores (transitions aside)."""
        bos, eos = self.text_index[" BOS"], self.text_index[" EOS"]
        pair_bos, pair_eos = self.pair_index[" BOS"], self.pair_index[" EOS"]
        text_ids, lower_ids, title_ids, pair_ids, starts = [], [], [], [], []
        pair_index = self.pair_index
        for words in sentences:
            starts.append(len(text_ids) + _PAD)
            rows = [self._rows_of(w) for w in words]
            text_ids += [bos] * _PAD + [r[0] for r in rows] + [eos] * _PAD
            lower_ids += [0] * _PAD + [r[1] for r in rows] + [0] * _PAD
            title_ids += [0] * _PAD + [r[2] for r in rows] + [0] * _PAD
            # the pair starting at each padded position: BOS while it touches the start, EOS
            # once it touches the end; the last one (to the next sentence) is never read
            pair_ids += [pair_bos] * _PAD + [pair_index.get(a + " " + b, 0) for a, b in zip(words, words[1:])] \
                + [pair_eos] * _PAD + [0]
        unigram = self.text[text_ids] + self.lower[lower_ids] + self.title[title_ids]  # (N, 5, labels)
        pairs = self.pairs[pair_ids]                                                    # (N, 4, labels)
        size = len(text_ids)
        total = np.zeros((size, len(self.labels)))
        span = size - 2 * _PAD
        for j, k in enumerate(_WORD_OFFSETS):
            total[_PAD:-_PAD] += unigram[_PAD + k:_PAD + k + span, j]
        for j, a in enumerate(_PAIR_OFFSETS):
            total[_PAD:-_PAD] += pairs[_PAD + a:_PAD + a + span, j]
        out = []
        for start, words in zip(starts, sentences):
            block = total[start:start + len(words)]
            block[:3] += self.placeholders[:min(3, len(words))]
            block[3:] += self.placeholders[3]
            out.append(block)
        return out

    def decode(self, scores: list[np.ndarray]) -> list[list[int]]:
        """The best label sequence of each sentence (first label wins a tie), all decoded together."""
        order = sorted(range(len(scores)), key=lambda s: -len(scores[s]))
        lengths = [len(scores[s]) for s in order]
        longest, n_labels = lengths[0], len(self.labels)
        emit = np.zeros((len(order), longest, n_labels))
        for row, s in enumerate(order):
            emit[row, :lengths[row]] = scores[s]
        # active[i]: how many sentences (the longest first) reach position i
        active = [sum(1 for n in lengths if n > i) for i in range(longest)]
        best = emit[:, 0].copy()
        back = np.zeros((longest, len(order), n_labels), dtype=np.intp)
        into = np.ascontiguousarray(self.transition.T)  # into[b, a]: the weight of a followed by b
        # flat index of (sentence, to-label, from-label 0) in a (sentences, labels, labels) array
        base = np.arange(len(order) * n_labels) * n_labels
        for i in range(1, longest):
            a = active[i]
            cand = best[:a, None, :] + into              # (sentences, to, from)
            pointer = cand.argmax(axis=2)
            back[i, :a] = pointer
            best[:a] = cand.ravel()[base[:a * n_labels] + pointer.ravel()].reshape(a, n_labels) + emit[:a, i]
        label = best.argmax(axis=1)
        path = np.zeros((len(order), longest), dtype=np.intp)
        rows = np.arange(len(order))
        path[rows, np.array(lengths) - 1] = label
        for i in range(longest - 1, 0, -1):
            a = active[i]
            label[:a] = back[i, rows[:a], label[:a]]
            path[:a, i - 1] = label[:a]
        out: list[list[int]] = [[]] * len(scores)
        for row, s in enumerate(order):
            out[s] = path[row, :lengths[row]].tolist()
        return out

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        labels, out = self.labels, [[] for _ in sentences]
        # decoded in groups of similar length (longest first) whose padded size stays under
        # _DECODE_CELLS positions: the back pointers of a huge record stay a few MB
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: -len(sentences[i]))
        group: list[int] = []
        for i in order + [None]:
            if i is None or (group and (len(group) + 1) * len(sentences[group[0]]) > _DECODE_CELLS):
                if group:
                    paths = self.decode(self.scores([sentences[g] for g in group]))
                    for g, path in zip(group, paths):
                        out[g] = [labels[y] for y in path]
                group = []
            if i is not None:
                group.append(i)
        return out


@lru_cache(maxsize=1)
def model() -> POSModel:
    """The process's POS model (the weights loaded once)."""
    return POSModel()


def tag_many(sentences: list[list[str]]) -> list[list[str]]:
    """POS tags of already segmented sentences (underthesea's tag set: N, V, A, E, Np, ...)."""
    return model().tag_many(sentences)


def tag(words: list[str]) -> list[str]:
    """POS tags of one already segmented sentence."""
    return tag_many([words])[0]
