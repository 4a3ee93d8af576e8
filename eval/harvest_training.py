#!/usr/bin/env python3
"""Labelled metric candidates from the real evaluation set's `tune` and `train` splits, for training.

usage: python eval/harvest_training.py [--out corpus/metrics_train_real.jsonl]

For every `tune` or `train` article of eval/real (never a `test` one), each metric candidate the
pipeline finds is matched to the gold by (unit, value), in text order; a candidate that
takes a gold metric (required or optional) gives a row with the gold's indicator and status.
Rows have the format of corpus/metrics_train.jsonl (sentence, number as written, occurrence
in the sentence) with "labels": "attributes": they teach the indicator and status
classifiers only (the scraped sentences hold numbers the gold leaves out for reasons of
its own, so they make poor negatives for is-a-metric).
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from pipeline.core import build_document
from pipeline.extract.dates import extract_dates
from pipeline.extract.metric_candidates import candidates
from pipeline.extract.article_time import reference_year_of
from pipeline.extract.numbers import NUMBER_RE
from pipeline.extract.published import extract_published
from pipeline.records import RawRecord

REAL = Path(__file__).resolve().parent / "real"


def _key(unit: str, value: float) -> tuple[str, float]:
    return unit, float(f"{float(value):.10g}")


def harvest(real_dir: Path = REAL) -> list[dict]:
    meta = [json.loads(l) for l in open(real_dir / "meta.jsonl", encoding="utf-8") if l.strip()]
    tune = {m["doc_id"] for m in meta if m.get("split") in ("tune", "train")}
    gold = {g["doc_id"]: g for g in map(json.loads, open(real_dir / "gold.jsonl", encoding="utf-8")) if g["doc_id"] in tune}
    rows = []
    for doc_id in sorted(gold):
        text = (real_dir / f"{doc_id}.txt").read_text(encoding="utf-8")
        doc = build_document(RawRecord(doc_id=doc_id, source=doc_id, text=text))
        published = extract_published(doc) or doc.meta.get("record_published")
        dates = extract_dates(doc, published)
        want = defaultdict(list)
        for m in gold[doc_id]["metrics"]:
            want[_key(m["unit"], m["value"])].append(m)
        for c in candidates(doc, dates, reference_year_of(doc, dates, published), published):
            sent = c.sentence
            occurrence, seen = None, defaultdict(int)
            for m in NUMBER_RE.finditer(sent.text):
                seen[m.group()] += 1
                if sent.start + m.start() == c.quantity.num_start:
                    occurrence = (m.group(), seen[m.group()])
            if occurrence is None:
                continue
            row = {"sentence": sent.text, "number": occurrence[0], "occurrence": occurrence[1], "doc_id": doc_id}
            taken = want[_key(c.quantity.unit, c.quantity.value)]
            if taken:
                m = taken.pop(0)
                row.update(is_metric=True, indicator=m["indicator"], status=m["status"],
                           subject=m.get("subject"), labels="attributes")
                rows.append(row)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "corpus" / "metrics_train_real.jsonl"))
    args = ap.parse_args()
    rows = harvest()
    with open(args.out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} candidates ({sum(r['is_metric'] for r in rows)} metrics) from the tune and train splits -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
