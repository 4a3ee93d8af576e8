"""Every extracted row points at the exact text it came from: text == body[start:end]."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.core import build_document, process_record
from pipeline.records import DateMention, RawRecord

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ARTICLES = sorted(CORPUS.glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_every_row_text_is_its_body_span(path):
    record = RawRecord(doc_id=path.stem, source=str(path), text=path.read_text(encoding="utf-8"))
    doc = build_document(record)
    result = process_record(record)
    assert result.article.status == "ok", result.article.error
    mentions = result.dates + result.directives + result.orgs + result.metrics
    assert mentions, "the seeds all contain extractable facts"
    for m in mentions:
        assert 0 <= m.start <= m.end <= len(doc.body)
        assert doc.body[m.start:m.end] == m.text, m
        assert m.text in m.sentence
        # zero-width rows are facts of the record's header (a dump date), not of the body
        assert m.start < m.end or (m.text == "" and isinstance(m, DateMention))
        assert m.extractor in ("rule", "ml") and 0.0 <= m.confidence <= 1.0
        assert m.doc_id == path.stem


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_sentences_and_raw_offsets_map_back_to_the_raw_text(path):
    raw = path.read_text(encoding="utf-8")
    doc = build_document(RawRecord(doc_id=path.stem, source=str(path), text=raw))
    assert len(doc.raw_offsets) == len(doc.body) + 1
    for s in doc.sentences:
        assert doc.body[s.start:s.end] == s.text and s.text.strip() == s.text
        a, b = doc.raw_span(s.start, s.end)
        assert 0 <= a < b <= len(raw)
