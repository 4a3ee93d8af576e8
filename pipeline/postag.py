"""Part-of-speech tags for words the pipeline has already segmented, in linear time.

underthesea's public `pos_tag(text)` segments the text again and then builds the CRF
features of every token by re-reading the whole sentence once per feature template (time
quadratic in the sentence's length): half of the pipeline's run time went there. This
module feeds underthesea's own CRF model (the one `pos_tag` loads) with the same 22
features, computed once per sentence from the tokens the pipeline already has.

The interface used is the narrowest one underthesea offers: the loaded model of
`CRFPOSTagPredictor` (its `model.tag(features)`), underthesea pinned to 9.5 in
pyproject.toml. The feature strings reproduce `tagged_feature.template2features` for the
predictor's template exactly; `tests/test_postag.py` checks that the tags equal the public
`pos_tag`'s on every sentence of the dev and real corpora.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _tagger():
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    return CRFPOSTagPredictor.Instance().model


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
    "name=BOS" before the start of `seq`, "name=EOS" past its end. One list per column,
    built by slicing: per-cell function calls made features() the tagger's main cost."""
    lo = min(max(-k, 0), n)
    hi = max(lo, min(n, len(seq) - k))
    prefix = name + "="
    return [prefix + "BOS"] * lo + [prefix + s for s in seq[lo + k:hi + k]] + [prefix + "EOS"] * (n - hi)


def features(words: list[str]) -> list[tuple[str, ...]]:
    """The CRF features of each word, as underthesea's template builds them (the POS
    columns are its placeholder "X": the predictor tags tokens paired with "X").

    A pair feature "T[a,a+1]" reads the two words joined by a space: it is BOS where
    word a is before the sentence and EOS where word a+1 is past its end, so it is a
    column over the n-1 joined neighbours."""
    n = len(words)
    lower = [w.lower() for w in words]
    title = [_title_feature(w) for w in words]
    pairs = [a + " " + b for a, b in zip(words, words[1:])]
    xs = ["X"] * n
    x_pairs = ["X X"] * max(n - 1, 0)
    columns = [
        _column("T[-2].lower", lower, -2, n), _column("T[-1].lower", lower, -1, n),
        _column("T[0].lower", lower, 0, n), _column("T[1].lower", lower, 1, n),
        _column("T[2].lower", lower, 2, n),
        _column("T[0].istitle", title, 0, n), _column("T[-1].istitle", title, -1, n),
        _column("T[1].istitle", title, 1, n),
        _column("T[-2]", words, -2, n), _column("T[-1]", words, -1, n), _column("T[0]", words, 0, n),
        _column("T[1]", words, 1, n), _column("T[2]", words, 2, n),
        _column("T[-2,-1]", pairs, -2, n), _column("T[-1,0]", pairs, -1, n),
        _column("T[0,1]", pairs, 0, n), _column("T[1,2]", pairs, 1, n),
        _column("T[-3][1]", xs, -3, n), _column("T[-2][1]", xs, -2, n), _column("T[-1][1]", xs, -1, n),
        _column("T[-3,-2][1]", x_pairs, -3, n), _column("T[-2,-1][1]", x_pairs, -2, n),
    ]
    return list(zip(*columns))  # the tagger reads any sequence of strings per word


def tag(words: list[str]) -> list[str]:
    """POS tags of already segmented words (underthesea's tag set: N, V, A, E, Np, ...)."""
    if not words:
        return []
    return list(_tagger().tag(features(words)))
