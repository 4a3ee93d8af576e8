"""Table writing: exact schemas, batched parts, crash and resume, DuckDB round trip."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.duckdb_file import write_duckdb
from pipeline.records import ArticleResult, ArticleRow, DateMention, DirectiveMention
from pipeline.tables import SCHEMAS, TABLE_NAMES, TableWriter


def make_result(i: int) -> ArticleResult:
    doc_id = f"doc-{i}"
    prov = dict(doc_id=doc_id, start=10, end=19, text="12/6/2021", sentence="ngày 12/6/2021 của Bộ Chính trị",
                extractor="rule", confidence=1.0)
    return ArticleResult(
        article=ArticleRow(doc_id=doc_id, source=f"dump.jsonl:{i}", status="ok", title="T", n_chars=100,
                           published=dt.date(2022, 8, 27), province="Cao Bằng"),
        dates=[DateMention(**prov, kind="day", date=dt.date(2021, 6, 12),
                           period_start=dt.date(2021, 6, 12), period_end=dt.date(2021, 6, 12))],
        directives=[DirectiveMention(**{**prov, "text": "Nghị quyết số 02-NQ/TW"}, type="Nghị quyết", number="02",
                                     symbol="NQ/TW", canonical_id="02-NQ/TW", issuer="Bộ Chính trị",
                                     issued=dt.date(2021, 6, 12))],
    )


def test_schema_columns_match_tables_spec():
    # the minimum columns of shared/spec/TABLES.md, in order of appearance there
    provenance = ["doc_id", "char_start", "char_end", "text", "sentence", "extractor", "confidence"]
    assert set(["doc_id", "province", "province_2025", "published", "title", "source", "n_chars", "status",
                "error"]) <= set(SCHEMAS["articles"].names)
    assert SCHEMAS["directives"].names[:7] == provenance
    assert set(["type", "number", "symbol", "canonical_id", "issuer", "issued"]) <= set(SCHEMAS["directives"].names)
    assert set(["date", "kind", "period_start", "period_end"]) <= set(SCHEMAS["dates"].names)
    assert set(["canonical", "org_type", "level", "province"]) <= set(SCHEMAS["orgs"].names)
    assert set(["value", "unit", "subject", "indicator", "status", "period", "qualifier", "org",
                "province"]) <= set(SCHEMAS["metrics"].names)


def test_written_tables_round_trip_through_parquet_and_duckdb(tmp_path):
    with TableWriter(tmp_path, batch_size=2) as w:
        for i in range(5):
            w.add(make_result(i))
    assert w.counts == {"articles": 5, "directives": 5, "dates": 5, "orgs": 0, "metrics": 0, "bodies": 0}
    for name in TABLE_NAMES:
        table = pq.read_table(tmp_path / f"{name}.parquet")
        assert table.schema.equals(SCHEMAS[name], check_metadata=False)
    assert not (tmp_path / ".parts").exists()
    directives = pd.read_parquet(tmp_path / "directives.parquet")
    assert directives["canonical_id"].tolist() == ["02-NQ/TW"] * 5
    assert directives["issued"].tolist() == [dt.date(2021, 6, 12)] * 5

    db = write_duckdb(tmp_path, extra_tables={"extra": pd.DataFrame({"a": [1, 2]})})
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from articles").fetchone() == (5,)
    assert con.execute("select published from articles where doc_id = 'doc-3'").fetchone() == (dt.date(2022, 8, 27),)
    assert con.execute("select count(*) from orgs").fetchone() == (0,)  # empty tables exist
    assert con.execute("select sum(a) from extra").fetchone() == (3,)
    cols = [r[0] for r in con.execute("describe metrics").fetchall()]
    assert cols == SCHEMAS["metrics"].names
    con.close()


def test_resume_after_crash_keeps_committed_batches_and_skips_their_records(tmp_path):
    w = TableWriter(tmp_path, batch_size=2)
    for i in range(5):  # two batches committed, the fifth record still buffered
        w.add(make_result(i))
    # crash: the process dies without close(); a half-written part is left behind too
    (tmp_path / ".parts" / "dates" / "part-000002.tmp").write_bytes(b"garbage")
    (tmp_path / ".parts" / "directives" / "part-000002.parquet").write_bytes(b"uncommitted")

    resumed = TableWriter(tmp_path, batch_size=2, resume=True)
    assert resumed.done_keys == {(f"dump.jsonl:{i}", f"doc-{i}") for i in range(4)}
    assert resumed.counts["articles"] == 4 and resumed.counts["directives"] == 4
    for i in range(4, 6):
        resumed.add(make_result(i))
    resumed.close()
    articles = pd.read_parquet(tmp_path / "articles.parquet")
    assert articles["doc_id"].tolist() == [f"doc-{i}" for i in range(6)]
    assert len(pd.read_parquet(tmp_path / "directives.parquet")) == 6


def test_fresh_run_discards_leftover_parts(tmp_path):
    w = TableWriter(tmp_path, batch_size=1)
    w.add(make_result(0))  # committed part, then "crash"
    fresh = TableWriter(tmp_path, batch_size=1)
    assert fresh.done_keys == set()
    fresh.add(make_result(7))
    fresh.close()
    assert pd.read_parquet(tmp_path / "articles.parquet")["doc_id"].tolist() == ["doc-7"]


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_empty_run_writes_every_table_with_its_columns(tmp_path, name):
    TableWriter(tmp_path).close()
    frame = pd.read_parquet(tmp_path / f"{name}.parquet")
    assert list(frame.columns) == SCHEMAS[name].names and len(frame) == 0


def test_resume_keys_on_the_resolved_path(tmp_path, monkeypatch):
    """Resuming "big.jsonl" given as "/abs/path/big.jsonl" or "./big.jsonl" finds the same records."""
    from pipeline.tables import resume_key
    dump = tmp_path / "big.jsonl"
    dump.write_text("{}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert resume_key("big.jsonl:7") == resume_key(f"{dump}:7") == resume_key("./big.jsonl:7") == f"{dump.resolve()}:7"
    assert resume_key("big.jsonl") == str(dump.resolve())
    assert resume_key("stdin") == "stdin" and resume_key("gone.jsonl:3") == "gone.jsonl:3"


def test_a_crashed_run_resumed_with_another_spelling_of_the_path_writes_each_record_once(tmp_path, monkeypatch):
    import json
    import subprocess
    import sys
    repo = Path(__file__).resolve().parent.parent
    dump = tmp_path / "big.jsonl"
    dump.write_text("".join(json.dumps({"id": f"r{i}", "text": f"Năm 2022, LĐLĐ tỉnh kết nạp {10 + i} đoàn viên."},
                                       ensure_ascii=False) + "\n" for i in range(6)), encoding="utf-8")
    out = tmp_path / "out"
    # a crash after the first batch of 2: the committed part stays, nothing is merged
    writer = TableWriter(out, batch_size=2)
    from pipeline.core import process_record
    from pipeline.ingest import iter_records
    monkeypatch.chdir(tmp_path)
    for record in list(iter_records(["big.jsonl"]))[:3]:
        writer.add(process_record(record))
    del writer  # killed: no close(), the third record's batch never committed
    proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(dump), "--out", str(out), "--resume"],
                          cwd=repo, capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    assert "resumed: 2 already done" in proc.stderr.decode()
    articles = pd.read_parquet(out / "articles.parquet")
    assert sorted(articles.doc_id) == [f"r{i}" for i in range(6)]
    assert sorted(pd.read_parquet(out / "metrics.parquet").value) == [10.0 + i for i in range(6)]


def test_union_duckdb_works_when_the_output_folder_is_moved_and_opened_from_elsewhere(tmp_path, monkeypatch):
    out = tmp_path / "out"
    with TableWriter(out, batch_size=2) as w:
        for i in range(5):
            w.add(make_result(i))
    write_duckdb(out)
    moved = tmp_path / "elsewhere" / "moved"
    moved.parent.mkdir()
    out.rename(moved)
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    con = duckdb.connect(str(moved / "union.duckdb"), read_only=True)
    assert con.execute("select count(*) from articles").fetchone() == (5,)
    assert con.execute("select count(*) from directives join articles using (doc_id)").fetchone() == (5,)
    con.close()
