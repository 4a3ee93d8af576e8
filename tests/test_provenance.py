"""Every extracted row points at the exact text it came from: text == body[start:end]."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.core import build_document, process_record
from pipeline.records import RawRecord

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
        assert 0 <= m.char_start < m.char_end <= len(doc.body)  # never an empty span
        assert doc.body[m.char_start:m.char_end] == m.text, m
        assert m.text in m.sentence
        assert m.extractor in ("rule", "ml") and 0.0 <= m.confidence <= 1.0
        assert m.doc_id == path.stem


def test_a_dump_header_date_is_a_row_outside_the_body():
    raw = " date 2025-11-14 Ngày 14-11, Công đoàn phường Tân Tạo kết nạp 44 đoàn viên mới."
    record = RawRecord(doc_id="h", source="h", text=raw)
    doc = build_document(record)
    assert "2025-11-14" not in doc.body  # the cleaner took the header out of the body
    header = [d for d in process_record(record).dates if d.extractor == "dump_header"]
    assert [(d.char_start, d.char_end, d.text, d.sentence, d.date.isoformat()) for d in header] == [
        (None, None, "2025-11-14", "date 2025-11-14", "2025-11-14")]
    row = header[0].to_row()
    assert (row["char_start"], row["char_end"]) == (None, None)
    assert header[0].sentence in raw


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_sentences_and_raw_offsets_map_back_to_the_raw_text(path):
    raw = path.read_text(encoding="utf-8")
    doc = build_document(RawRecord(doc_id=path.stem, source=str(path), text=raw))
    assert len(doc.raw_offsets) == len(doc.body) + 1
    for s in doc.sentences:
        assert doc.body[s.start:s.end] == s.text and s.text.strip() == s.text
        a, b = doc.raw_span(s.start, s.end)
        assert 0 <= a < b <= len(raw)
