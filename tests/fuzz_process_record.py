"""A mutation fuzzer for the per-article function, runnable for a fixed budget.

    .venv/bin/python tests/fuzz_process_record.py [SECONDS] [SEED]

Seeds are the real articles of eval/real; each round mutates one (insert, delete, duplicate
or swap spans, splice another article in, inject hostile characters: NUL, surrogates, bidi
marks, combining marks, digits and separators) and checks the contract: process_record
never raises, gives ok/empty/failed with a reason for failures, and every row's text is its
span of the cleaned body. CI runs it for a few seconds (tests/test_fuzz.py); longer runs
print the number of rounds and stop at the first violation with the input that caused it.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.core import build_document, process_record  # noqa: E402
from pipeline.limits import RecordLimits  # noqa: E402
from pipeline.records import RawRecord  # noqa: E402

HOSTILE = ["\x00", "\udc80", "\u202e", "\u0301", "\u0323", "\ufeff", "\r", "\n\n", "(", ")", "/", "-", "%",
           ",", ".", "0", "9", "số ", "Nghị quyết ", "ngày ", "LĐLĐ ", "Công đoàn ", "tỷ đồng", "“", "”"]


def mutate(rng: random.Random, text: str, other: str) -> str:
    for _ in range(rng.randint(1, 6)):
        n = len(text)
        i, j = sorted(rng.randint(0, n) for _ in range(2))
        op = rng.randrange(6)
        if op == 0:
            text = text[:i] + text[j:]
        elif op == 1:
            text = text[:i] + text[i:j] * rng.randint(2, 5) + text[j:]
        elif op == 2:
            text = text[:i] + rng.choice(HOSTILE) * rng.randint(1, 50) + text[i:]
        elif op == 3:
            a, b = sorted(rng.randint(0, len(other)) for _ in range(2))
            text = text[:i] + other[a:b] + text[j:]
        elif op == 4:
            text = text[j:] + text[:i]
        else:
            text = "".join(chr(rng.randint(0x20, 0x2FFF)) if rng.random() < 0.02 else c for c in text)
    return text


def check(text: str) -> None:
    record = RawRecord(doc_id="f", source="f", text=text)
    result = process_record(record, RecordLimits(max_chars=20_000, seconds=20))
    article = result.article
    assert article.status in ("ok", "empty", "failed"), article.status
    assert article.status != "failed" or article.error, "a failed row without a reason"
    assert not (article.error or "").startswith("internal error"), article.error
    if article.status == "ok" and not (article.error or "").startswith("truncated"):
        body = build_document(record).body
        for m in result.dates + result.directives + result.orgs + result.metrics:
            if m.char_start is None:  # read off the dump header, outside the body: says so
                assert m.extractor == "dump_header" and m.char_end is None and m.text, m
                continue
            assert body[m.char_start:m.char_end] == m.text, (m.char_start, m.char_end, m.text)


def fuzz(seconds: float, seed: int = 0) -> int:
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "eval" / "real").glob("*.txt"))]
    end, rounds = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        text = mutate(rng, rng.choice(seeds), rng.choice(seeds))
        try:
            check(text)
        except AssertionError as exc:
            raise AssertionError(f"round {rounds}: {exc}; input {text[:300]!r}...") from exc
        rounds += 1
    return rounds


if __name__ == "__main__":
    budget = float(sys.argv[1]) if len(sys.argv) > 1 else 60
    print(f"{fuzz(budget, int(sys.argv[2]) if len(sys.argv) > 2 else 0)} rounds, no violation")
