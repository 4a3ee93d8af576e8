"""The shared document layer: one spaCy `Doc` per article, every extraction a span in a span group.

The `Doc` covers the cleaned body (no statistical spaCy model: its tokens are the body's
syllables and punctuation, so any character span of a mention lines up with whole tokens;
underthesea's words live in the `words` span group, because its grouping of syllables
depends on context and a phrase pattern over its tokens would miss matches). The offset map
back to the raw input, the sentences and the words stay one object, `doc._.article`
(document.Document).

The extractors run as spaCy pipeline components, in the order `COMPONENTS` declares. Each
reads what earlier ones wrote (span groups and `doc._` attributes) and writes its own:

    union_published   doc._.published       the article's date (dump header, dateline, record)
    union_dates       spans["dates"]        every date expression (doc._.header_dates: the
                                            dump header's date, which has no body span);
                      spans["times"]        the time spans a figure can be of ("6 tháng đầu
                                            năm 2024", "năm qua"), as written, unresolved
    union_province    doc._.province        the province the article reports on
    union_directives  spans["directives"]   document references, issuer named canonically
    union_orgs        spans["orgs"]         union bodies
    union_metrics     spans["metrics"]      figures, with indicator, status and period
    union_words       spans["words"]        underthesea's words, of the sentences segmented

Each span's `span._.mention` is the row's record (records.py); the tables are written from
these spans (`mentions`), and `displacy.render(doc, style="span", options={"spans_key": "metrics"})`
shows the evidence. In a notebook:

    from pipeline.annotation import nlp
    doc = nlp()("LĐLĐ tỉnh Cao Bằng kết nạp 856 đoàn viên mới trong năm 2023.")
    [(s.text, s._.mention.indicator) for s in doc.spans["metrics"]]
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache
from itertools import accumulate

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .document import Document
from .extract.dates import extract_dates
from .extract.directives import extract_directives
from .extract.metrics import extract_metrics
from .extract.orgs import extract_orgs
from .extract.published import extract_published
from .extract.time_spans import find_time_spans
from .issuers import canonical_issuer
from .places import article_province, province_2025
from .records import Mention, RawRecord

COMPONENTS = ("union_published", "union_dates", "union_province", "union_directives", "union_orgs",
              "union_metrics", "union_words")
SPAN_GROUPS = ("dates", "directives", "orgs", "metrics")

for _name, _default in (("article", None), ("published", None), ("province", None), ("header_dates", ())):
    Doc.set_extension(_name, default=_default, force=True)
# The record behind a span. Not a stored span extension: spaCy keys those by character offsets
# alone, so two mentions over the same text (an anniversary's two days, a figure that is also
# a date) would share one value. The records live in a list per group; span.id is the index.
_RECORDS = "union_metrics.records"


def _record_of(span: Span) -> Mention | None:
    records = span.doc.user_data.get(_RECORDS, {}).get(span.label_)
    return records[span.id] if records is not None and 0 <= span.id < len(records) else None


Span.set_extension("mention", getter=_record_of, force=True)

# A syllable or one punctuation mark, with the single space after it; any other whitespace
# (newlines, runs of spaces) is a token of its own, so that doc.text == body exactly.
_TOKEN = regex.compile(r"(\w+|[^\w\s])( ?)|(\s+)")
# The shared vocabulary only caches strings; past this many it starts afresh, so a
# million-article run keeps flat memory (names, numbers and codes never stop coming).
_VOCAB_STRINGS_MAX = 200_000


@lru_cache(maxsize=1)
def _vocab() -> Vocab:
    return Vocab()


def body_doc(document: Document) -> Doc:
    """A `Doc` over `document.body` (syllable and punctuation tokens) with `doc._.article` set."""
    vocab = _vocab()
    if len(vocab.strings) > _VOCAB_STRINGS_MAX:
        _vocab.cache_clear()
        vocab = _vocab()
    pieces = _TOKEN.findall(document.body)  # (word, space, blank): together they tile the body
    words = [word or blank for word, _, blank in pieces]
    spaces = [bool(space) for _, space, _ in pieces]
    starts = list(accumulate([len(w) + len(s) + len(b) for w, s, b in pieces], initial=0))[:-1]
    doc = Doc(vocab, words=words, spaces=spaces)
    doc._.article = document
    # each token's body offset, known here (reading `t.idx` back makes a Token object per token)
    doc.user_data["token_starts"] = starts
    return doc


def span_of(doc: Doc, start: int, end: int, label: str, index: int = 0) -> Span:
    """The span of whole tokens covering body[start:end] (the mention keeps the exact offsets)."""
    starts = _token_starts(doc)
    first = max(bisect_right(starts, start) - 1, 0)
    last = max(bisect_left(starts, end), first + 1)
    return Span(doc, first, last, label=label, span_id=index)


def _token_starts(doc: Doc) -> list[int]:
    starts = doc.user_data.get("token_starts")
    if starts is None:  # a Doc not made by body_doc
        starts = doc.user_data["token_starts"] = doc.to_array("IDX").tolist()
    return starts


def write_spans(doc: Doc, key: str, mentions: list[Mention], label: str) -> None:
    """Span group `key`: one span labelled `label` per mention, in order; `span._.mention` is the record."""
    doc.user_data.setdefault(_RECORDS, {})[label] = list(mentions)
    doc.spans[key] = [span_of(doc, m.start, m.end, label, index) for index, m in enumerate(mentions)]


def mentions(doc: Doc, key: str) -> list:
    """The records of a span group, in the order the component wrote them (dates: the dump
    header's date first)."""
    found = [span._.mention for span in doc.spans[key]] if key in doc.spans else []
    return list(doc._.header_dates) + found if key == "dates" else found


@Language.component("union_published")
def published_component(doc: Doc) -> Doc:
    article = doc._.article
    doc._.published = extract_published(article) or article.meta.get("record_published")
    return doc


@Language.component("union_dates")
def dates_component(doc: Doc) -> Doc:
    found = extract_dates(doc._.article, doc._.published)
    doc._.header_dates = tuple(m for m in found if m.char_start is None)
    write_spans(doc, "dates", [m for m in found if m.char_start is not None], "DATE")
    write_spans(doc, "times", list(find_time_spans(doc._.article.body)), "TIME")
    return doc


@Language.component("union_province")
def province_component(doc: Doc) -> Doc:
    doc._.province = article_province(doc._.article)
    return doc


@Language.component("union_directives")
def directives_component(doc: Doc) -> Doc:
    found = extract_directives(doc._.article, mentions(doc, "dates"))
    province = doc._.province
    write_spans(doc, "directives", [replace(d, issuer_canonical=canonical_issuer(d.issuer, province)) for d in found],
                "DIRECTIVE")
    return doc


@Language.component("union_orgs")
def orgs_component(doc: Doc) -> Doc:
    found = extract_orgs(doc._.article, doc._.province, doc._.published)
    write_spans(doc, "orgs", [replace(o, province_2025=province_2025(o.province)) for o in found], "ORG")
    return doc


@Language.component("union_metrics")
def metrics_component(doc: Doc) -> Doc:
    found = extract_metrics(doc._.article, mentions(doc, "dates"), mentions(doc, "orgs"), doc._.province,
                            doc._.published, tuple(mentions(doc, "times")))
    write_spans(doc, "metrics", [replace(m, province_2025=province_2025(m.province)) for m in found], "METRIC")
    return doc


@Language.component("union_words")
def words_component(doc: Doc) -> Doc:
    """underthesea's words of the sentences some extractor segmented, as the `words` span group."""
    spans = []
    for sentence in doc._.article.sentences:
        if not sentence.segmented:  # only those an extractor segmented: segmenting is the costly step
            continue
        for token in sentence.tokens:
            spans.append(span_of(doc, token.start, token.end, "WORD"))
    doc.spans["words"] = spans
    return doc


class ArticleTokenizer:
    """Text in, `Doc` over its cleaned body out: what `nlp()(text)` starts from."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from .core import build_document

        return body_doc(build_document(RawRecord(doc_id="text", source="<text>", text=text)))


# what the tables are written from: every component but the words group (evidence for readers)
TABLE_COMPONENTS = tuple(name for name in COMPONENTS if name != "union_words")


def annotate(document: Document, components: tuple[str, ...] = COMPONENTS) -> Doc:
    """Run `components` of the pipeline, in its order, over a built document
    (core.build_document) and return the Doc."""
    doc = body_doc(document)
    for name, component in nlp().pipeline:
        if name in components:
            doc = component(doc)
    return doc


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The union-metrics spaCy pipeline: a blank Vietnamese `Language` whose tokenizer cleans the
    text and whose components are the extractors, in `COMPONENTS` order."""
    pipeline = Language(_vocab())
    pipeline.tokenizer = ArticleTokenizer(pipeline.vocab)
    for name in COMPONENTS:
        pipeline.add_pipe(name)
    return pipeline
