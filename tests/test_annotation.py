"""The shared spaCy layer: one Doc per article, every extraction a span in its group."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy import displacy

from pipeline import annotation
from pipeline.annotation import COMPONENTS, annotate, body_doc, mentions, nlp
from pipeline.core import build_document
from pipeline.document import Document
from pipeline.ingest import iter_records
from pipeline.records import RawRecord

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"

SENTENCE = ("LĐLĐ tỉnh Cao Bằng kết nạp 856 đoàn viên mới trong năm 2023, đạt 110,7% chỉ tiêu. "
            "Thực hiện Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị.")


def _document(body: str) -> Document:
    return Document(doc_id="t", source="t", raw=body, body=body, raw_offsets=list(range(len(body) + 1)))


def test_components_run_in_the_declared_order():
    assert nlp().pipe_names == list(COMPONENTS)
    assert COMPONENTS.index("union_dates") < COMPONENTS.index("union_directives") < COMPONENTS.index("union_metrics")
    assert COMPONENTS.index("union_province") < COMPONENTS.index("union_orgs")


def test_a_real_sentence_gives_each_group_its_spans():
    doc = nlp()(SENTENCE)
    assert [s.text for s in doc.spans["dates"]] == ["năm 2023", "12/6/2021"]
    assert [s.text for s in doc.spans["directives"]] == ["Nghị quyết số 02-NQ/TW"]
    assert [s.text for s in doc.spans["orgs"]] == ["LĐLĐ tỉnh Cao Bằng"]
    assert [(s.text, s._.mention.value, s._.mention.indicator, s._.mention.period) for s in doc.spans["metrics"]] == [
        ("856", 856.0, "members_new", "2023"), ("110,7%", 110.7, "members_new", "2023")]
    directive = doc.spans["directives"][0]._.mention
    assert (directive.number, directive.symbol, directive.issued) == ("02", "NQ/TW", dt.date(2021, 6, 12))
    assert doc._.province == "Cao Bằng"
    # underthesea's words, as a group over the syllable tokens: "đoàn viên" is one word, two tokens
    word = next(s for s in doc.spans["words"] if s.text == "đoàn viên")
    assert len(word) == 2 and word._.mention is None


def test_the_tables_components_skip_only_the_words_group():
    from pipeline.annotation import TABLE_COMPONENTS

    record = RawRecord(doc_id="t", source="t", text=SENTENCE)
    full, tables = annotate(build_document(record)), annotate(build_document(record), TABLE_COMPONENTS)
    assert "words" in full.spans and "words" not in tables.spans
    for key in ("dates", "directives", "orgs", "metrics"):
        assert mentions(tables, key) == mentions(full, key) and mentions(full, key)


def test_two_mentions_over_the_same_text_keep_their_own_records():
    # an anniversary names two days at one place: spaCy keys span extensions by offsets alone
    doc = nlp()("Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam 3/2 (1930-2025), công đoàn tổ chức mít tinh.")
    days = [(s.text, s._.mention.date) for s in doc.spans["dates"]]
    assert days[:2] == [("3/2 (1930-2025)", dt.date(1930, 2, 3)), ("3/2 (1930-2025)", dt.date(2025, 2, 3))]


def test_displacy_shows_the_evidence():
    html = displacy.render(nlp()(SENTENCE), style="span", options={"spans_key": "metrics"}, page=False)
    assert "856" in html and "METRIC" in html


@pytest.mark.parametrize("body", [
    "Hà Nội  ngày\n\n12/6/2021 ,kết nạp 856 đoàn viên.",
    "  leading spaces\t\ttabs\r\nand\u00a0nbsp  ",
    "(28/7/1929-28/7/2024)",
    "",
])
def test_the_doc_is_the_body_exactly(body):
    doc = body_doc(_document(body))
    assert doc.text == body
    assert [t.idx for t in doc] == sorted(t.idx for t in doc)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_the_doc_is_the_body_exactly_for_any_text(body):
    doc = body_doc(_document(body))
    assert doc.text == body
    # the offsets body_doc computes are the ones spaCy gives
    assert doc.user_data["token_starts"] == [t.idx for t in doc]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab .,\n", max_size=40), st.data())
def test_a_span_covers_its_characters(body, data):
    doc = body_doc(_document(body))
    if not len(doc):
        return
    start = data.draw(st.integers(0, len(body) - 1))
    end = data.draw(st.integers(start + 1, len(body)))
    piece = body[start:end]
    if not piece.strip():
        return
    start += len(piece) - len(piece.lstrip())  # a token's trailing space is not in its span
    end -= len(piece) - len(piece.rstrip())
    span = annotation.span_of(doc, start, end, "X")
    assert span.start_char <= start and end <= span.end_char


def test_the_vocabulary_starts_afresh_past_its_bound(monkeypatch):
    monkeypatch.setattr(annotation, "_VOCAB_STRINGS_MAX", 10)
    first = body_doc(_document(" ".join(f"w{i}" for i in range(50)))).vocab
    second = body_doc(_document("một hai")).vocab
    assert second is not first and len(second.strings) < 50


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared (the dev corpus) is not beside this clone")
def test_components_alone_equal_the_whole_pipeline_on_real_articles():
    """Each extractor called directly gives the rows its component writes (dev corpus)."""
    from dataclasses import replace

    from pipeline.extract.dates import extract_dates
    from pipeline.extract.orgs import extract_orgs
    from pipeline.extract.published import extract_published
    from pipeline.places import article_province, province_2025

    records = [r for r in iter_records(sorted(str(p) for p in DEV.glob("*.txt"))) if r.text][:20]
    assert records
    for record in records:
        doc = annotate(build_document(record))
        alone = build_document(record)
        published = extract_published(alone) or alone.meta.get("record_published")
        assert doc._.published == published
        assert mentions(doc, "dates") == extract_dates(alone, published)
        province = article_province(alone)
        assert doc._.province == province
        assert mentions(doc, "orgs") == [replace(o, province_2025=province_2025(o.province))
                                         for o in extract_orgs(alone, province)]


def test_text_in_gives_a_doc_over_the_cleaned_body():
    doc = nlp()("Trang chủ\nLĐLĐ tỉnh Cao Bằng kết nạp 856 đoàn viên.")
    assert doc.text == doc._.article.body
    assert isinstance(doc._.article.raw, str)
    assert RawRecord  # the record type a caller passes to core.process_record


def test_the_metrics_read_the_time_spans_the_time_component_wrote():
    """The time component writes the unresolved time spans; the metrics resolve those, not
    a scan of their own: with the group emptied, "Từ năm 2020 đến nay" is only the date
    mention "năm 2020", and the figure keeps only the present year (2024, its dump header's)."""
    text = " date 2024-12-15\nTừ năm 2020 đến nay, LĐLĐ tỉnh Cao Bằng đã kết nạp 3.000 đoàn viên mới."
    upto_orgs = tuple(name for name in COMPONENTS if name not in ("union_metrics", "union_words"))
    metrics_of = dict(nlp().pipeline)["union_metrics"]

    def periods(empty_times: bool) -> list:
        doc = annotate(build_document(RawRecord(doc_id="t", source="t", text=text)), upto_orgs)
        assert [(s.text, s._.mention.kind, s._.mention.group("y1")) for s in doc.spans["times"]] == [
            ("Từ năm 2020 đến nay", "since", "2020")]
        if empty_times:
            annotation.write_spans(doc, "times", [], "TIME")
        return [(m.value, m.period) for m in mentions(metrics_of(doc), "metrics")]

    assert periods(empty_times=False) == [(3000.0, "2020/2024")]
    assert periods(empty_times=True) == [(3000.0, "2024")]
