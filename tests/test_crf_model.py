"""crf_model reads underthesea's CRFsuite files: its decoding equals the Rust tagger's."""
from __future__ import annotations

from os.path import dirname, join

import pytest
import underthesea.pipeline.pos_tag as pos_package
import underthesea.pipeline.word_tokenize as ws_package
from underthesea_core import CRFTagger

from pipeline import postag, wordseg
from pipeline.crf_model import read_crfsuite, tag_strings, viterbi
from test_wordseg import _corpus_lines, featurizer_rows

WS_MODEL = join(dirname(ws_package.__file__), "models", "ws_crf_vlsp2013_20230727", "models.bin")
POS_MODEL = join(dirname(pos_package.__file__), "pos_crf_2017_10_11.bin")


def _rust(path: str) -> CRFTagger:
    tagger = CRFTagger()
    tagger.load(path)
    return tagger


def test_the_word_segmentation_model_reads_as_two_labels_and_their_transitions():
    weights = read_crfsuite(WS_MODEL)
    assert weights.labels == ("B-W", "I-W")
    assert len(weights.state) > 40_000
    # the pair "việt nam" read at (-1, 0): the second syllable continues the word (I-W)
    b, i = weights.state["T[-1,0].lower=việt nam"]
    assert i > 2 and b < -2
    assert len(weights.transition) == 2 and all(len(row) == 2 for row in weights.transition)


def test_decoding_equals_the_rust_tagger_on_every_corpus_line():
    ws, pos = read_crfsuite(WS_MODEL), read_crfsuite(POS_MODEL)
    ws_rust, pos_rust = _rust(WS_MODEL), _rust(POS_MODEL)
    seg = wordseg.segmenter()
    checked = 0
    for line in _corpus_lines():
        syllables = [m.group() for m in seg.pattern.finditer(seg.normalise(line))]
        if not syllables:
            continue
        rows = featurizer_rows(syllables)  # underthesea's own feature strings
        assert tag_strings(ws, rows) == list(ws_rust.tag(rows)), line
        words = seg.segment(line)
        rows = postag.features(words)
        assert tag_strings(pos, rows) == list(pos_rust.tag(rows)), line
        checked += 1
    assert checked > 2000


@pytest.mark.parametrize("scores, expected", [
    ([], []),
    ([[0.0, 1.0]], [1]),
    ([[1.0, 1.0]], [0]),                      # a tie: the first label
    ([[1.0, 0.0], [0.0, 0.5]], [0, 0]),       # the transition 0 -> 1 costs more than 0.5
    ([[1.0, 0.0], [0.0, 3.0]], [0, 1]),
])
def test_viterbi_takes_the_transitions_into_account(scores, expected):
    transition = ((0.0, -1.0), (0.0, 0.0))
    assert viterbi(scores, transition) == expected


def test_a_file_that_is_not_a_crfsuite_model_is_refused(tmp_path):
    bad = tmp_path / "model.bin"
    bad.write_bytes(b"not a model at all, just some bytes" * 4)
    with pytest.raises(ValueError, match="not a CRFsuite"):
        read_crfsuite(str(bad))
