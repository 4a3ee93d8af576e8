#!/usr/bin/env python3
"""Inter-annotator agreement: score one annotator's gold against another's with the
project's scorer, exactly as the pipeline's tables are scored.

usage: python eval/agreement.py GOLD_A.jsonl GOLD_B.jsonl [--scorer PATH] [--json]

GOLD_B's articles are written out as the five tables of TABLES.md (CSV) and scored
against GOLD_A, restricted to the documents both annotated. Set kinds (dates, orgs,
directives, metrics) give F1 symmetrically; attribute accuracies are over matched items.
B's optional metrics and orgs are left out of its tables (arguable for B as well).
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

COLUMNS = {
    "articles": ["doc_id", "province", "published"],
    "directives": ["doc_id", "type", "number", "symbol", "issuer", "issued"],
    "dates": ["doc_id", "date", "kind"],
    "orgs": ["doc_id", "canonical"],
    "metrics": ["doc_id", "value", "unit", "subject", "indicator", "status", "period"],
}


def gold_as_tables(gold: list[dict]) -> dict[str, list[dict]]:
    """One annotator's gold in the shape of the pipeline's output tables."""
    tables: dict[str, list[dict]] = {name: [] for name in COLUMNS}
    for g in gold:
        doc = g["doc_id"]
        tables["articles"].append({"doc_id": doc, "province": g.get("province"), "published": g.get("published")})
        tables["directives"] += [{"doc_id": doc, **d} for d in g.get("directives", [])]
        tables["dates"] += [{"doc_id": doc, "date": d, "kind": "day"} for d in g.get("dates", [])]
        optional_orgs = set(g.get("optional_orgs") or [])
        tables["orgs"] += [{"doc_id": doc, "canonical": o} for o in g.get("orgs", []) if o not in optional_orgs]
        optional = set(g.get("optional_metrics") or [])
        tables["metrics"] += [{"doc_id": doc, **m} for i, m in enumerate(g.get("metrics", [])) if i not in optional]
    return tables


def write_tables(tables: dict[str, list[dict]], out: Path) -> None:
    for name, rows in tables.items():
        with open(out / f"{name}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=COLUMNS[name], extrasaction="ignore")
            w.writeheader()
            w.writerows(rows)


def read_gold(path: str) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_a")
    ap.add_argument("gold_b")
    ap.add_argument("--scorer", help="an external score.py (default: the project's, `union-metrics evaluate`)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    b = read_gold(args.gold_b)
    docs = sorted({g["doc_id"] for g in b} & {g["doc_id"] for g in read_gold(args.gold_a)})
    if not docs:
        print("agreement: the two gold files share no doc_id", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        write_tables(gold_as_tables([g for g in b if g["doc_id"] in docs]), Path(tmp))
        scorer = [args.scorer] if args.scorer else ["-m", "pipeline", "evaluate"]
        cmd = [sys.executable, *scorer, args.gold_a, tmp, "--docs", ",".join(docs)]
        cmd += ["--json"] if args.json else []
        cmd += ["--verbose"] if args.verbose else []
        return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
