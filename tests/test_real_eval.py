"""The real evaluation set (eval/real) as a regression floor: the pipeline's scores with
the project's scorer (pipeline/scoring.py, equal to the shared score.py) must not fall below what this version measured. Floors sit a little
under the measured figures (README) so that a real regression fails and noise does not.
The held-out `test` split is checked on its own: it is the honest figure."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.core import process_record
from pipeline.scoring import score
from pipeline.records import RawRecord
from pipeline.tables import TABLE_NAMES, result_rows, to_arrow
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parent.parent
REAL = REPO / "eval" / "real"
DEV_META = REPO.parent / "shared" / "corpus" / "dev" / "meta.jsonl"

# kind -> {measure: floor}; measured on 2026-12-07 (see README "Accuracy on real news"; without the
# records' urls the CLI reads from meta.jsonl one test article loses its province). Since the
# classifiers learn the indicator and status of the train and tune splits' metrics, "all"
# measures their fit for those two (.963, .977), not how they generalise: the test split does.
# The set grows by waves: "all" directives fell to .886 when wave 55 (unnumbered documents the
# collector counted, the code not, and the reverse) joined, no code changing; waves 56-61 (news
# the code was not written on: directives .796, dates .923 with the code that read them) brought
# directives to .877, dates to .969 and province to .940 (read here without the urls), while the
# 1,344 articles before them kept theirs; waves 67-72 (directives .667, .783 and .822 unseen,
# province .857, .833 and .884) brought "all" directives to .864 and province to .930.
FLOORS = {
    "all": {"directives": {"f1": 0.86}, "dates": {"f1": 0.965}, "orgs": {"f1": 0.93},
            "metrics": {"f1": 0.965, "precision": 0.96, "indicator_acc": 0.95, "status_acc": 0.96, "period_acc": 0.83},
            "articles": {"province_acc": 0.92, "published_acc": 0.99}},
    "test": {"directives": {"f1": 0.91}, "dates": {"f1": 0.97}, "orgs": {"f1": 0.92},
             "metrics": {"f1": 0.955, "precision": 0.97, "indicator_acc": 0.81, "status_acc": 0.90, "period_acc": 0.80},
             "articles": {"province_acc": 0.92, "published_acc": 0.99}},
}


@pytest.fixture(scope="module")
def real_tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("real")
    rows = {name: [] for name in TABLE_NAMES}
    for path in sorted(REAL.glob("*.txt")):
        result = process_record(RawRecord(doc_id=path.stem, source=str(path), text=path.read_text(encoding="utf-8")))
        assert result.article.status == "ok", (path.name, result.article.error)
        for name, table_rows in result_rows(result).items():
            rows[name].extend(table_rows)
    for name, table_rows in rows.items():
        pq.write_table(to_arrow(name, table_rows), out / f"{name}.parquet")
    return out


def test_the_real_set_is_well_formed():
    meta = [json.loads(l) for l in open(REAL / "meta.jsonl", encoding="utf-8")]
    gold = [json.loads(l) for l in open(REAL / "gold.jsonl", encoding="utf-8")]
    texts = {p.stem for p in REAL.glob("*.txt")}
    assert len(texts) >= 80
    assert {m["doc_id"] for m in meta} == {g["doc_id"] for g in gold} == texts
    assert all(m["url"].startswith("http") and m["query"] and m["split"] in ("tune", "test", "train") for m in meta)
    assert sum(m["split"] == "test" for m in meta) >= 70
    if DEV_META.is_file():  # ../shared beside the clone: no page of the dev corpus is in the real set
        dev = {json.loads(l)["url"] for l in open(DEV_META, encoding="utf-8")}
        assert not dev & {m["url"] for m in meta}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_scores_on_real_news_stay_above_their_floor(real_tables, split):
    meta = [json.loads(l) for l in open(REAL / "meta.jsonl", encoding="utf-8")]
    docs = None if split == "all" else {m["doc_id"] for m in meta if m["split"] == split}
    kinds, missing = score(str(REAL / "gold.jsonl"), str(real_tables), docs)
    assert not missing
    got = {k: v.row() for k, v in kinds.items()}
    for kind, floors in FLOORS[split].items():
        for measure, floor in floors.items():
            assert got[kind][measure] >= floor, (split, kind, measure, got[kind][measure])
