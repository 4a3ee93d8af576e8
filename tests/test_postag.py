"""The linear POS path (pipeline/postag.py) gives exactly underthesea's public `pos_tag`."""
from __future__ import annotations

from pathlib import Path

import pytest
from underthesea import pos_tag, word_tokenize

from pipeline import postag
from pipeline.core import build_document
from pipeline.records import RawRecord

REPO = Path(__file__).resolve().parent.parent


def _sentences() -> list[str]:
    out = []
    for path in sorted((REPO / "eval" / "real").glob("*.txt")):
        doc = build_document(RawRecord(doc_id=path.stem, source=str(path), text=path.read_text(encoding="utf-8")))
        out.extend(s.text for s in doc.sentences)
    return out


def test_tags_equal_the_public_pos_tag_on_every_real_sentence():
    sentences = _sentences()
    assert len(sentences) > 1000
    for sentence in sentences:
        words = word_tokenize(sentence)
        assert list(zip(words, postag.tag(words))) == pos_tag(sentence), sentence


def test_an_articles_sentences_tagged_together_equal_the_public_pos_tag():
    """The pipeline tags all the sentences of an article in one decoding pass (sentences of
    different lengths side by side, empty ones among them)."""
    sentences = _sentences()[:400]
    words = [word_tokenize(s) for s in sentences]
    batch = [[]] + words[:7] + [[]] + words[7:]
    tagged = postag.tag_many(batch)
    assert tagged[0] == [] and tagged[8] == []
    for sentence, got in zip(sentences, tagged[1:8] + tagged[9:]):
        assert list(zip(word_tokenize(sentence), got)) == pos_tag(sentence), sentence


@pytest.mark.parametrize("words", [[], ["Công đoàn"], ["A", "b"], ["  ", "x"], ["Ông", "Nguyễn Văn A", "phát biểu", "."]])
def test_short_and_odd_inputs_match_too(words):
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor
    expected = [t for _, t in CRFPOSTagPredictor.Instance().predict(words)] if words else []
    assert postag.tag(words) == expected


def test_features_are_linear_in_the_sentence_length():
    """Each word gets its 22 features; the long-sentence case is what the public API made quadratic."""
    words = ["đoàn viên"] * 5000
    feats = postag.features(words)
    assert len(feats) == 5000 and all(len(f) == 22 for f in feats)
    assert feats[0][0] == "T[-2].lower=BOS" and feats[-1][4] == "T[2].lower=EOS"
