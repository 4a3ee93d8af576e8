"""The evidence behind every figure: its sentences, with the extracted spans highlighted by displaCy.

Each mention's sentence is found in the stored cleaned body (`bodies`) at its
char_start/char_end, and displaCy's span renderer (spaCy, no statistical
model: a `Doc` is built from the sentence's own words) marks the metric value
and the orgs, dates and directives extracted from that sentence. Rendered
sentences are deduplicated, gathered into one JSON payload and gzip-compressed
(displaCy's markup is verbose but repetitive, about 15:1): the page carries it
in one script element and decompresses it on the first click, so a corpus of
thousands of articles adds no visible nodes and little size.
"""
from __future__ import annotations

import base64
import gzip
import json
import math
import re
from datetime import date

import pandas as pd

from .report_data import NO_PROVINCE, ReportData

LABEL_METRIC = "SỐ LIỆU"
LABEL_ORG = "TỔ CHỨC"
LABEL_DATE = "THỜI GIAN"
LABEL_DIRECTIVE = "VĂN BẢN"
COLORS = {LABEL_METRIC: "#f6c343", LABEL_ORG: "#9ec9f0", LABEL_DATE: "#b9e4a8", LABEL_DIRECTIVE: "#e5b5f0"}
_KIND_LABEL = {"org": LABEL_ORG, "date": LABEL_DATE, "directive": LABEL_DIRECTIVE}
_WHITESPACE_RUN = re.compile(r"\s*\n\s*")


def _vocab():
    from spacy.vocab import Vocab

    return Vocab()


def render_spans(sentence: str, spans: list[tuple[int, int, str]], vocab=None) -> str:
    """displaCy span markup of `sentence` with `spans` ((start, end, label), offsets into the sentence).

    The Doc's words are the sentence's whitespace-separated pieces, cut again at every span edge, so a span
    always covers whole tokens and the text reads as written (displaCy puts one space after each token)."""
    from spacy import displacy
    from spacy.tokens import Doc, Span

    spans = [(s, e, label) for s, e, label in spans if 0 <= s < e <= len(sentence)]
    cuts = {c for s, e, _ in spans for c in (s, e)}
    words, spaces, starts = [], [], []
    for m in re.finditer(r"\S+", sentence):
        a, b = m.span()
        edges = [a] + sorted(c for c in cuts if a < c < b) + [b]
        for x, y in zip(edges, edges[1:]):
            words.append(sentence[x:y])
            spaces.append(False)
            starts.append(x)
        spaces[-1] = b < len(sentence)
    if not words:
        return ""
    doc = Doc(vocab or _vocab(), words=words, spaces=spaces)
    token_at = {s: i for i, s in enumerate(starts)}
    ends = [s + len(w) for s, w in zip(starts, words)]
    token_ending = {e: i for i, e in enumerate(ends)}
    marked = []
    for s, e, label in sorted(spans):
        # a span edge on whitespace snaps to the nearest token
        i = token_at.get(s, next((k for k, t in enumerate(starts) if t >= s), len(words) - 1))
        j = token_ending.get(e, next((k for k, t in enumerate(ends) if t >= e), len(words) - 1))
        if i <= j:
            marked.append(Span(doc, i, j + 1, label=label))
    doc.spans["sc"] = marked
    html = displacy.render(doc, style="span", options={"colors": COLORS}, page=False, jupyter=False)
    return _WHITESPACE_RUN.sub(" ", html).strip()


class EvidenceBuilder:
    """Renders mention sentences once each and collects them into the report's payload."""

    def __init__(self, con, doc_ids):
        doc_ids = sorted(set(doc_ids))
        self.vocab = _vocab()
        self.bodies = dict(con.execute(
            "SELECT doc_id, body FROM bodies WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [doc_ids]).fetchall())
        rows = con.execute("""
            SELECT doc_id, char_start, char_end, 'org' FROM orgs WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))
            UNION ALL SELECT doc_id, char_start, char_end, 'date' FROM dates WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))
                      AND char_start IS NOT NULL  -- the dump header's date lies outside the body
            UNION ALL SELECT doc_id, char_start, char_end, 'directive' FROM directives
                      WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))
        """, [doc_ids] * 3).fetchall()
        self.spans: dict[str, list[tuple[int, int, str]]] = {}
        for doc_id, s, e, kind in rows:
            self.spans.setdefault(doc_id, []).append((s, e, _KIND_LABEL[kind]))
        self.html: list[str] = []
        self._index: dict[str, int] = {}

    def sentence_start(self, doc_id: str, sentence: str, char_start: int, char_end: int) -> int | None:
        """Where `sentence` starts in the stored body, given that it holds [char_start, char_end)."""
        body = self.bodies.get(doc_id)
        if body is None or not sentence:
            return None
        at = body.find(sentence, max(0, char_end - len(sentence)))
        if at == -1 or at > char_start or at + len(sentence) < char_end:
            return None
        return at

    def render(self, doc_id: str, sentence: str, char_start: int, char_end: int, focus_label: str,
               text: str = "", with_kinds=(LABEL_ORG, LABEL_DATE, LABEL_DIRECTIVE)) -> int:
        """Index (into `self.html`) of the sentence rendered with the focus span and the other spans in it."""
        at = self.sentence_start(doc_id, sentence, char_start, char_end)
        if at is None:  # no stored body (or it disagrees): locate the matched text inside the sentence
            offset = sentence.find(text) if text else -1
            spans = [(offset, offset + len(text), focus_label)] if offset >= 0 else []
        else:
            stop = at + len(sentence)
            spans = [(char_start - at, char_end - at, focus_label)]
            spans += [(s - at, e - at, label) for s, e, label in self.spans.get(doc_id, ())
                      if at <= s and e <= stop and label in with_kinds and (s, e) != (char_start, char_end)]
        markup = render_spans(sentence, spans, self.vocab)
        if markup not in self._index:
            self._index[markup] = len(self.html)
            self.html.append(markup)
        return self._index[markup]


def _plain(value):
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (pd.Timestamp, date)):
        return value.isoformat()[:10]
    if hasattr(value, "item"):
        return value.item()
    return value


def cell_key(scope: str, place: str, year, indicator: str, unit: str, status: str) -> str:
    """The id a table cell or a chart bar uses to ask for its evidence."""
    return f"{scope}|{place}|{int(year)}|{indicator}|{unit}|{status}"


def build_payload(con, data: ReportData) -> dict:
    """{"html": [rendered sentences], "facts": {id: fact and its mentions}, "cells": {key: [fact ids]},
    "directives": {canonical_id: [mentions]}}."""
    builder = EvidenceBuilder(con, list(data.mentions["doc_id"]) + list(data.directive_mentions["doc_id"]))
    mentions: dict[int, list] = {}
    for m in data.mentions.itertuples(index=False):
        idx = builder.render(m.doc_id, m.sentence, int(m.char_start), int(m.char_end), LABEL_METRIC, m.text)
        mentions.setdefault(int(m.fact_id), []).append(
            [m.doc_id, _plain(m.title), _plain(m.published), idx, _plain(m.qualifier), _plain(m.org)])
    facts, cells = {}, {}
    for f in data.facts.itertuples(index=False):
        fid = int(f.fact_id)
        facts[fid] = {"value": float(f.value), "unit": f.unit, "status": f.status, "period": _plain(f.period),
                      "hedged": bool(f.hedged), "n_articles": int(f.n_articles), "repeated": bool(f.repeated),
                      "province": _plain(f.province) or NO_PROVINCE, "mentions": mentions.get(fid, [])}
        place = _plain(f.province) or NO_PROVINCE
        cells.setdefault(cell_key("p", place, f.year, f.indicator, f.unit, f.status), []).append(fid)
        if _plain(f.province_2025):
            cells.setdefault(cell_key("g", f.province_2025, f.year, f.indicator, f.unit, f.status), []).append(fid)
    directives: dict[str, list] = {}
    for d in data.directive_mentions.itertuples(index=False):
        idx = builder.render(d.doc_id, d.sentence, int(d.char_start), int(d.char_end), LABEL_DIRECTIVE, d.text,
                             with_kinds=(LABEL_ORG, LABEL_DATE))
        directives.setdefault(d.canonical_id, []).append([d.doc_id, _plain(d.title), _plain(d.published), idx])
    return {"html": builder.html, "facts": facts, "cells": cells, "directives": directives}


def pack(payload: dict) -> str:
    """gzip + base64 of the payload's JSON, for a <script type="application/octet-stream"> element."""
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=9, mtime=0)).decode("ascii")


def unpack(packed: str) -> dict:
    return json.loads(gzip.decompress(base64.b64decode(packed)).decode("utf-8"))
