"""Throughput of each pipeline stage, as ratios against a baseline measured in the same run.

usage: .venv/bin/python bench/bench_pipeline.py [FILES_OR_FOLDER ...] [--repeat N]

The baseline is the cheapest honest pass over the same text: NFC-normalising
every article and running one compiled regex over it. Every stage is then
reported as articles/s and as its cost relative to that baseline, so figures
are comparable across machines. Peak RSS is reported too.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
import unicodedata
from pathlib import Path

import regex

from pipeline.clean import clean_text
from pipeline.core import build_document, process_record
from pipeline.ingest import iter_records
from pipeline.segment import split_sentences, word_tokens


def timed(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default = Path(__file__).resolve().parent.parent / "corpus"
    ap.add_argument("inputs", nargs="*", default=[str(default)])
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()

    records = [r for r in iter_records(a.inputs) if r.text]
    n = len(records)
    mb = sum(len(r.text.encode()) for r in records) / 1e6
    number = regex.compile(r"\d+(?:[.,]\d+)*")
    docs = [build_document(r) for r in records]  # also warms underthesea's models

    stages = {
        "baseline (NFC + one regex)": lambda: [len(number.findall(unicodedata.normalize("NFC", r.text)))
                                               for r in records],
        "clean": lambda: [clean_text(r.text) for r in records],
        "sentences (underthesea)": lambda: [split_sentences(d.body) for d in docs],
        "words, every sentence (underthesea)": lambda: [[word_tokens(s.text, s.start) for s in d.sentences]
                                                         for d in docs],
        "process_record (whole pipeline)": lambda: [process_record(r) for r in records],
    }
    print(f"{n} articles, {mb:.2f} MB, best of {a.repeat}")
    base = None
    for name, fn in stages.items():
        sec = timed(fn, a.repeat)
        base = base or sec
        print(f"{name:<40} {n / sec:>9.1f} articles/s {mb / sec:>8.2f} MB/s {sec / base:>8.1f}x baseline")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
