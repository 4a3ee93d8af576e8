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


def _istitle(word: str) -> bool:
    """underthesea's `text_istitle`: every space-separated part starts with a title-case letter."""
    if not word:
        return False
    try:
        return all(part[0].istitle() for part in word.split(" "))
    except IndexError:  # an empty part (double space): underthesea's try/except says False
        return False


def features(words: list[str]) -> list[list[str]]:
    """The CRF features of each word, as underthesea's template builds them (the POS
    columns are its placeholder "X": the predictor tags tokens paired with "X")."""
    n = len(words)
    lower = [w.lower() for w in words]
    title = [str(_istitle(w)) for w in words]

    def at(seq, k, name):
        if k < 0:
            return f"{name}=BOS"
        if k >= n:
            return f"{name}=EOS"
        return f"{name}={seq[k]}"

    def pair(seq, i, a, b, name):
        if i + a < 0:
            return f"{name}=BOS"
        if i + b >= n:
            return f"{name}=EOS"
        return f"{name}={' '.join(seq[i + a:i + b + 1])}"

    xs = ["X"] * n
    out = []
    for i in range(n):
        out.append([
            at(lower, i - 2, "T[-2].lower"), at(lower, i - 1, "T[-1].lower"), at(lower, i, "T[0].lower"),
            at(lower, i + 1, "T[1].lower"), at(lower, i + 2, "T[2].lower"),
            at(title, i, "T[0].istitle"), at(title, i - 1, "T[-1].istitle"), at(title, i + 1, "T[1].istitle"),
            at(words, i - 2, "T[-2]"), at(words, i - 1, "T[-1]"), at(words, i, "T[0]"),
            at(words, i + 1, "T[1]"), at(words, i + 2, "T[2]"),
            pair(words, i, -2, -1, "T[-2,-1]"), pair(words, i, -1, 0, "T[-1,0]"),
            pair(words, i, 0, 1, "T[0,1]"), pair(words, i, 1, 2, "T[1,2]"),
            at(xs, i - 3, "T[-3][1]"), at(xs, i - 2, "T[-2][1]"), at(xs, i - 1, "T[-1][1]"),
            pair(xs, i, -3, -2, "T[-3,-2][1]"), pair(xs, i, -2, -1, "T[-2,-1][1]"),
        ])
    return out


def tag(words: list[str]) -> list[str]:
    """POS tags of already segmented words (underthesea's tag set: N, V, A, E, Np, ...)."""
    if not words:
        return []
    return list(_tagger().tag(features(words)))
