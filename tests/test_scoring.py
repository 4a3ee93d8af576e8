"""The project's own scorer (pipeline/scoring.py): the same figures, line for line, as the
shared score.py on the dev corpus and on eval/real; and its rules on a hand-made case, so
that `union-metrics evaluate` is checked from a standalone clone too."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.scoring import report, score

REPO = Path(__file__).resolve().parent.parent
SHARED_SCORER = REPO.parent / "shared" / "tools" / "score.py"
DEV = REPO.parent / "shared" / "corpus" / "dev"
needs_shared = pytest.mark.skipif(not (SHARED_SCORER.is_file() and DEV.is_dir()),
                                  reason="../shared (score.py and the dev corpus) is not beside this clone")


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True, cwd=REPO)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory, bundled_out):
    """{name: (gold, out)}: the dev corpus extracted here; eval/real's articles are in the bundled
    corpus's output (only documents of the gold file are scored)."""
    runs = {"real": (REPO / "eval" / "real" / "gold.jsonl", bundled_out)}
    if DEV.is_dir():
        out = tmp_path_factory.mktemp("dev")
        run("-m", "pipeline", "extract", DEV, "--out", out, "--quiet")
        runs["dev"] = (DEV / "gold.jsonl", out)
    return runs


@needs_shared
@pytest.mark.parametrize("corpus", ["dev", "real"])
@pytest.mark.parametrize("options", [[], ["--json"], ["--verbose"]])
def test_evaluate_prints_what_the_shared_scorer_prints(extracted, corpus, options):
    gold, out = extracted[corpus]
    ours = run("-m", "pipeline", "evaluate", gold, out, *options)
    theirs = run(SHARED_SCORER, gold, out, *options)
    assert ours.returncode == theirs.returncode == 0, ours.stderr
    if options == ["--verbose"]:
        # error lines of one document come in set order, which differs between processes
        assert sorted(ours.stdout.splitlines()) == sorted(theirs.stdout.splitlines())
        assert ours.stdout.splitlines()[-6:] == theirs.stdout.splitlines()[-6:]
    else:
        assert ours.stdout == theirs.stdout
    if options == ["--json"]:
        kinds = {k["kind"]: k for k in json.loads(ours.stdout)["kinds"]}
        assert set(kinds) == {"articles", "directives", "dates", "orgs", "metrics"}
        assert {"indicator_acc", "status_acc", "period_acc", "subject_acc"} <= set(kinds["metrics"])


@needs_shared
def test_the_held_out_split_scores_the_same(extracted):
    gold, out = extracted["real"]
    meta = [json.loads(line) for line in open(REPO / "eval" / "real" / "meta.jsonl", encoding="utf-8")]
    docs = ",".join(m["doc_id"] for m in meta if m["split"] == "test")
    ours = run("-m", "pipeline", "evaluate", gold, out, "--docs", docs)
    theirs = run(SHARED_SCORER, gold, out, "--docs", docs)
    assert ours.stdout == theirs.stdout and "metrics" in ours.stdout


def test_an_external_scorer_that_does_not_exist_is_a_usage_error(tmp_path):
    (tmp_path / "gold.jsonl").write_text("", encoding="utf-8")
    proc = run("-m", "pipeline", "evaluate", tmp_path / "gold.jsonl", tmp_path, "--scorer", tmp_path / "nope.py")
    assert proc.returncode == 2 and "does not exist" in proc.stderr


def _table(path: Path, rows: list[dict]) -> None:
    pq.write_table(pa.Table.from_pylist(rows), path)


def test_the_matching_rules_on_a_hand_made_article(tmp_path):
    gold = {"doc_id": "a", "province": "Bắc Kạn", "published": "2022-08-27",
            "directives": [{"type": "Nghị quyết", "number": "02", "symbol": "NQ/TW", "issuer": "Bộ Chính trị",
                            "issued": "2021-06-12"},
                           {"type": "Văn kiện", "number": None, "symbol": None,
                            "issuer": "Đại hội XIII của Đảng", "issued": None}],
            "dates": ["2021-06-12", "2022-08-27"],
            "orgs": ["Liên đoàn Lao động tỉnh Bắc Kạn", "Công đoàn Việt Nam"], "optional_orgs": ["Công đoàn Việt Nam"],
            "metrics": [{"value": 322, "unit": "count", "subject": "đoàn viên", "indicator": "party_admission",
                         "status": "achieved", "period": "2022"},
                        {"value": 110.7, "unit": "percent", "subject": "chỉ tiêu", "indicator": "party_admission",
                         "status": "achieved", "period": "2022"},
                        {"value": 3, "unit": "count", "subject": "lớp", "indicator": "training",
                         "status": "achieved", "period": "2022"}],
            "optional_metrics": [2]}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    _table(tmp_path / "articles.parquet", [{"doc_id": "a", "province": "Bắc Kạn", "published": "2022-08-27"}])
    _table(tmp_path / "directives.parquet", [
        {"doc_id": "a", "type": "Nghị quyết", "number": "02", "symbol": "NQ/ TW", "issuer": "Bộ Chính trị khóa XIII",
         "issued": "2021-06-12"},
        {"doc_id": "a", "type": "Văn kiện", "number": None, "symbol": None,
         "issuer": "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "issued": None},
        {"doc_id": "a", "type": "Văn kiện", "number": None, "symbol": None, "issuer": "Đại hội XIII của Đảng",
         "issued": None}])
    _table(tmp_path / "dates.parquet", [{"doc_id": "a", "date": "2021-06-12", "kind": "day"},
                                        {"doc_id": "a", "date": "2022-01-01", "kind": "year"}])
    _table(tmp_path / "orgs.parquet", [{"doc_id": "a", "canonical": "Liên đoàn Lao động tỉnh Bắc Kạn"},
                                       {"doc_id": "a", "canonical": "Công đoàn Việt Nam"}])
    _table(tmp_path / "metrics.parquet", [
        {"doc_id": "a", "value": 322.0, "unit": "count", "subject": "đoàn viên ưu tú", "indicator": "party_admission",
         "status": "achieved", "period": "2022", "sentence": "s"},
        {"doc_id": "a", "value": 110.7, "unit": "percent", "subject": "chỉ tiêu", "indicator": "party_admission",
         "status": "target", "period": "2022", "sentence": "s"},
        {"doc_id": "a", "value": 3.0, "unit": "count", "subject": "lớp", "indicator": "training",
         "status": "achieved", "period": "2022", "sentence": "s"},
        {"doc_id": "a", "value": 7.0, "unit": "count", "subject": "lớp", "indicator": "training",
         "status": "achieved", "period": "2022", "sentence": "s"}])
    tallies, missing = score(tmp_path / "gold.jsonl", tmp_path)
    rows = {t.name: t.row() for t in tallies.values()}
    assert missing == []
    assert rows["articles"] == {"kind": "articles", "tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0,
                                "f1": 1.0, "province_acc": 1.0, "published_acc": 1.0}
    # the two spellings of the 13th Party congress are one document; "NQ/ TW" is NQ/TW
    assert (rows["directives"]["tp"], rows["directives"]["fp"], rows["directives"]["fn"]) == (2, 0, 0)
    assert rows["directives"]["issuer_acc"] == 1.0 and rows["directives"]["issued_acc"] == 1.0
    assert (rows["dates"]["tp"], rows["dates"]["fp"], rows["dates"]["fn"]) == (1, 0, 1)  # a `year` row is no date
    assert (rows["orgs"]["tp"], rows["orgs"]["fp"], rows["orgs"]["fn"]) == (1, 0, 0)  # optional: neither way
    # the optional 3 neither helps nor hurts; 7 is a false positive; 110.7's status is wrong
    assert (rows["metrics"]["tp"], rows["metrics"]["fp"], rows["metrics"]["fn"]) == (2, 1, 0)
    assert (rows["metrics"]["status_acc"], rows["metrics"]["subject_acc"]) == (0.5, 1.0)
    text = report(tallies, missing, verbose=True)
    assert "  FN dates: 2022-08-27" in text and "  WRONG status of ('percent', 110.7)" in text
