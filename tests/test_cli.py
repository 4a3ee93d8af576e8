"""End to end: the real CLI on the bundled corpus, outputs read back from Parquet and DuckDB."""
from __future__ import annotations

import datetime as dt
import gzip
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline.tables import SCHEMAS, TABLE_NAMES

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=REPO, input=stdin,
                          capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    proc = run_cli("extract", str(CORPUS), "--out", str(out))
    return proc, out


def test_extract_on_bundled_corpus_succeeds_and_summarises(corpus_run):
    proc, out = corpus_run
    err = proc.stderr.decode()
    assert proc.returncode == 0, err
    assert "read 5 articles: 5 ok, 0 empty, 0 failed" in err
    assert "rows: articles 5, directives" in err


def test_every_table_is_written_to_parquet_and_duckdb_with_its_schema(corpus_run):
    _, out = corpus_run
    con = duckdb.connect(str(out / "union.duckdb"), read_only=True)
    try:
        for name in TABLE_NAMES:
            frame = pd.read_parquet(out / f"{name}.parquet")
            assert list(frame.columns) == SCHEMAS[name].names
            in_db = con.execute(f"select count(*) from {name}").fetchone()[0]
            assert in_db == len(frame)
        crosswalk = con.execute("select count(*) from province_crosswalk").fetchone()[0]
        assert crosswalk in (0, 63)
    finally:
        con.close()


def test_articles_table_accounts_for_every_seed(corpus_run):
    _, out = corpus_run
    articles = pd.read_parquet(out / "articles.parquet").set_index("doc_id")
    assert sorted(articles.index) == [f"seed-00{i}" for i in range(5)]
    assert set(articles["status"]) == {"ok"}
    assert articles.loc["seed-004", "published"] == dt.date(2022, 8, 27)
    assert articles.loc["seed-004", "n_chars"] > 1000


def test_known_facts_of_the_seeds_come_out(corpus_run):
    _, out = corpus_run
    directives = pd.read_parquet(out / "directives.parquet")
    seed2 = directives[(directives.doc_id == "seed-002") & (directives.canonical_id == "02-NQ/TW")]
    assert not seed2.empty
    assert set(seed2["issued"].dropna()) == {dt.date(2021, 6, 12)}
    dates = pd.read_parquet(out / "dates.parquet")
    seed0_days = set(dates[(dates.doc_id == "seed-000") & (dates.kind == "day")]["date"])
    assert {dt.date(2021, 5, 18), dt.date(2021, 10, 25), dt.date(2020, 7, 21)} <= seed0_days


def test_bad_input_is_recorded_and_the_run_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text("Liên đoàn Lao động tỉnh Cao Bằng kết nạp 856 đoàn viên.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    with gzip.open(tmp_path / "dump.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "a1", "text": "Ngày 12/6/2021, Bộ Chính trị ban hành Nghị quyết."}) + "\n")
        f.write("{not json\n")
    out = tmp_path / "out"
    proc = run_cli("extract", str(tmp_path), "--out", str(out), "--quiet")
    assert proc.returncode == 1, proc.stderr.decode()  # some records failed
    articles = pd.read_parquet(out / "articles.parquet").set_index("doc_id")
    assert articles.loc["good", "status"] == "ok"
    assert articles.loc["empty", "status"] == "empty"
    assert articles.loc["a1", "status"] == "ok"
    failed = articles[articles.status == "failed"]
    assert len(failed) == 2 and failed["error"].str.len().min() > 10
    assert len(articles) == 5


def test_stdin_input(tmp_path):
    out = tmp_path / "out"
    proc = run_cli("extract", "-", "--out", str(out), "--quiet",
                   stdin="Thực hiện Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị.".encode())
    assert proc.returncode == 0, proc.stderr.decode()
    articles = pd.read_parquet(out / "articles.parquet")
    assert articles["status"].tolist() == ["ok"]


@pytest.mark.parametrize("args", [
    ("extract", "does/not/exist", "--out", "x"),
    ("extract", "corpus/"),          # --out missing
    ("frobnicate",),
    (),
])
def test_bad_usage_exits_2(args):
    proc = run_cli(*args)
    assert proc.returncode == 2
    assert proc.stderr.strip()


def test_help_lists_commands_and_examples():
    proc = run_cli("--help")
    text = proc.stdout.decode()
    assert proc.returncode == 0
    for word in ("extract", "evaluate", "train", "union-metrics extract corpus/ --out out/"):
        assert word in text


def test_parallel_run_gives_the_same_tables_as_a_serial_one(tmp_path, corpus_run):
    _, serial = corpus_run
    out = tmp_path / "par"
    proc = run_cli("extract", str(CORPUS), "--out", str(out), "--jobs", "2", "--batch-size", "2", "--quiet")
    assert proc.returncode == 0, proc.stderr.decode()
    for name in TABLE_NAMES:
        a = pd.read_parquet(serial / f"{name}.parquet")
        b = pd.read_parquet(out / f"{name}.parquet")
        pd.testing.assert_frame_equal(a, b)


def test_input_order_changes_no_row(tmp_path, corpus_run):
    """The same articles named in reverse order give the same rows (sorted), only in another order."""
    _, serial = corpus_run
    out = tmp_path / "reversed"
    files = sorted(str(p) for p in CORPUS.glob("*.txt"))
    assert len(files) > 1
    proc = run_cli("extract", *reversed(files), "--out", str(out), "--quiet")
    assert proc.returncode == 0, proc.stderr.decode()
    for name in TABLE_NAMES:
        a = pd.read_parquet(serial / f"{name}.parquet")
        b = pd.read_parquet(out / f"{name}.parquet")
        assert len(a) == len(b) > 0, name
        key = [c for c in a.columns if c != "source"]
        a = a[key].astype(str).sort_values(key).reset_index(drop=True)
        b = b[key].astype(str).sort_values(key).reset_index(drop=True)
        pd.testing.assert_frame_equal(a, b)
