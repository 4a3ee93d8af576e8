"""Word segmentation with underthesea's own CRF model, without the public API's overhead.

underthesea's `word_tokenize(text, use_token_normalize=False)` cuts the text into syllables
with one big regex (then asks, per syllable, which named group matched: each is a whole
alternative, so it is the match itself), has its Rust featurizer turn every syllable into
43 feature strings (handed back to Python and in again), and lets the CRF tag B-W/I-W.
Half the pipeline's run time is this step, so this module builds the same 43 features
in Python, a column at a time over the sentence, with each syllable's own attributes
cached across sentences, and gives them to the same loaded CRF (`FastCRFSequenceTagger`'s
`estimator.tag`). The feature strings reproduce the featurizer's exactly, including its
readings of `istitle` (every space-separated part starts with a character that is not
lower case) and `isdigit` (the text parses as a 32-bit integer, a sign allowed);
underthesea is pinned to 9.5 (underthesea_core 3.3) in pyproject.toml and
`tests/test_wordseg.py` checks that the words equal `word_tokenize`'s on every line of
the dev, real and bench corpora.
"""
from __future__ import annotations

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
    """underthesea's loaded word-segmentation model (what `word_tokenize` loads), its syllable
    pattern, its character normaliser, and its dictionary."""
    import underthesea.pipeline.word_tokenize as public
    from underthesea.pipeline.word_tokenize.regex_tokenize import normalize_characters_in_text, patterns

    public.word_tokenize("khởi động")  # loads the model the public API uses
    model = public.word_tokenize_model
    import joblib
    from os.path import dirname, join

    dictionary = joblib.load(join(dirname(public.__file__), "models", "ws_crf_vlsp2013_20230727", "dictionary.bin"))
    return model.estimator, patterns, normalize_characters_in_text, frozenset(dictionary)


def _is_i32(text: str) -> bool:
    body = text[1:] if text[:1] in "+-" else text
    if not body or not body.isascii() or not body.isdigit():
        return False
    return _I32[0] <= int(text) <= _I32[1]


def _title(text: str) -> bool:
    return all(part[:1] and not part[0].islower() for part in text.split(" "))


class _Syllable:
    """A syllable's own feature strings at each offset it is read from, built once per process
    (cached by text): "T[-1]=Hà", "T[1].lower=nội", "T[0].istitle=True" ..."""

    __slots__ = ("lower", "text_at", "lower_at", "digit_at", "title_at", "dict_at")

    def __init__(self, text: str, dictionary: frozenset):
        self.lower = lower = text.lower()
        digit = "True" if _is_i32(text) else "False"
        title = "True" if _title(text) else "False"
        in_dict = "True" if lower in dictionary else "False"
        self.text_at = {k: f"T[{k}]={text}" for k in _UNIGRAMS}
        self.lower_at = {k: f"T[{k}].lower={lower}" for k in _UNIGRAMS}
        self.digit_at = {k: f"T[{k}].isdigit={digit}" for k in _DIGIT_AT}
        self.title_at = {k: f"T[{k}].istitle={title}" for k in _UNIGRAMS}
        self.dict_at = {k: f"T[{k}].is_in_dict={in_dict}" for k in _UNIGRAMS}


_CACHE_MAX = 200_000  # syllables cached; past it the cache starts afresh (flat memory)


def _unigram_columns(info: list, attribute: str, name: str, offsets) -> list[list[str]]:
    """One column per offset k: each position's feature of the syllable k away (BOS/EOS beyond)."""
    n = len(info)
    columns = []
    for k in offsets:
        own = [getattr(a, attribute)[k] for a in info]
        if k < 0:
            col = [f"T[{k}]{name}=BOS"] * min(-k, n) + own[:max(n + k, 0)]
        elif k > 0:
            col = own[k:] + [f"T[{k}]{name}=EOS"] * min(k, n)
        else:
            col = own
        columns.append(col)
    return columns


def _ngram_columns(grams: dict[int, list[str]], name: str, spans, n: int) -> list[list[str]]:
    """One column per span (a, b): at position i the n-gram of words i+a..i+b, BOS where it
    would start before the sentence, else EOS where it would end after it."""
    columns = []
    for a, b in spans:
        label = f"T[{a},{b}]{name}="
        values = grams[b - a + 1]
        bos = min(max(-a, 0), n)
        valid = range(bos, max(min(n, n - b), bos))
        columns.append([label + "BOS"] * bos + [label + values[i + a] for i in valid]
                       + [label + "EOS"] * (n - bos - len(valid)))
    return columns


def features(syllables: list[str], cache: dict, dictionary: frozenset) -> list[list[str]]:
    """The 43 features of each syllable, as underthesea_core's CRFFeaturizer writes them for
    the word-segmentation model's templates (T[i], T[i,j], .lower, .isdigit, .istitle, .is_in_dict)."""
    n = len(syllables)
    if len(cache) > _CACHE_MAX:
        cache.clear()
    info = []
    for s in syllables:
        a = cache.get(s)
        if a is None:
            a = cache[s] = _Syllable(s, dictionary)
        info.append(a)
    lower = [a.lower for a in info]
    # each n-gram once: words[j:j+2] and words[j:j+3] joined, and what is said of them
    pairs = [f"{x} {y}" for x, y in zip(syllables, syllables[1:])]
    triples = [f"{x} {y}" for x, y in zip(pairs, syllables[2:])]
    lower_pairs = [f"{x} {y}" for x, y in zip(lower, lower[1:])]
    lower_triples = [f"{x} {y}" for x, y in zip(lower_pairs, lower[2:])]
    grams = {2: pairs, 3: triples}
    lower_grams = {2: lower_pairs, 3: lower_triples}
    title_grams = {k: ["True" if _title(g) else "False" for g in v] for k, v in grams.items()}
    dict_grams = {k: ["True" if g in dictionary else "False" for g in v] for k, v in lower_grams.items()}

    columns = _unigram_columns(info, "text_at", "", _UNIGRAMS)
    columns += _ngram_columns(grams, "", _TEXT_NGRAMS, n)
    columns += _unigram_columns(info, "lower_at", ".lower", _UNIGRAMS)
    columns += _ngram_columns(lower_grams, ".lower", _LOWER_NGRAMS, n)
    columns += _unigram_columns(info, "digit_at", ".isdigit", _DIGIT_AT)
    columns += _unigram_columns(info, "title_at", ".istitle", _UNIGRAMS)
    columns += _ngram_columns(title_grams, ".istitle", _TITLE_NGRAMS, n)
    columns += _unigram_columns(info, "dict_at", ".is_in_dict", _UNIGRAMS)
    columns += _ngram_columns(dict_grams, ".is_in_dict", _DICT_NGRAMS, n)
    return list(zip(*columns))  # rows as tuples: the tagger takes any sequence of strings


class WordSegmenter:
    """`segment(text)` gives underthesea's words of `text` (as `word_tokenize(text,
    use_token_normalize=False)` does), each a substring of the normalised text."""

    def __init__(self):
        self.tagger, self.pattern, self.normalise, self.dictionary = _model()
        self.cache: dict[str, _Syllable] = {}

    def segment(self, text: str) -> list[str]:
        syllables = [m.group() for m in self.pattern.finditer(self.normalise(text))]
        if not syllables:
            return []
        tags = self.tagger.tag(features(syllables, self.cache, self.dictionary))
        words: list[str] = []
        for tag, syllable in zip(tags, syllables):
            if tag == "I-W" and words:
                words[-1] = words[-1] + " " + syllable
            else:
                words.append(syllable)
        return words


@lru_cache(maxsize=1)
def segmenter() -> WordSegmenter:
    """The process's segmenter (the model loaded once)."""
    return WordSegmenter()
