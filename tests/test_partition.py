"""`extract --partition-by province,year`: hive-partitioned copies that DuckDB, pyarrow and
pandas read back as exactly the flat tables' rows (plus the partition columns)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import duckdb
import pandas as pd
import pyarrow.dataset as ds
import pytest

REPO = Path(__file__).resolve().parent.parent

# year as documented (columns.yaml, docs/TABLES.md): a metric's first period year, else its article's year
EXPECTED_YEAR = {
    "metrics": "coalesce(year(t.period_start), year(a.published))",
    "orgs": "year(a.published)",
    "articles": "year(t.published)",
}


def extract(out: Path, *args, inputs=("corpus", "eval/real")) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "extract", *[str(REPO / i) for i in inputs],
                           "--out", str(out), "--quiet", *args], capture_output=True, text=True, cwd=REPO)


@pytest.fixture
def out(bundled_out):
    """The bundled corpus's output, extracted with --partition-by province,year (conftest.py)."""
    return bundled_out


def test_only_tables_with_a_province_are_partitioned_by_it(out):
    assert sorted(p.name for p in (out / "partitioned").iterdir()) == ["articles", "metrics", "orgs"]
    folder = out / "partitioned" / "metrics" / f"province={quote('Bắc Kạn')}" / "year=2022"
    assert list(folder.glob("*.parquet"))
    assert not list(out.glob(".partition*")) and not (out / ".partitioned.tmp").exists()


@pytest.mark.parametrize("table", sorted(EXPECTED_YEAR))
def test_duckdb_reads_back_the_flat_rows_with_their_year(out, table):
    con = duckdb.connect()
    flat = f"read_parquet('{out / table}.parquet')"
    columns = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {flat}").fetchall()]
    expected = (f"SELECT {', '.join('t.' + c for c in columns)}, {EXPECTED_YEAR[table]} AS year FROM {flat} t "
                f"LEFT JOIN read_parquet('{out}/articles.parquet') a USING (doc_id)")
    parts = f"read_parquet('{out}/partitioned/{table}/**/*.parquet', hive_partitioning = true)"
    got = f"SELECT {', '.join(columns)}, year FROM {parts}"
    n = con.execute(f"SELECT count(*) FROM {flat}").fetchone()[0]
    assert n > 200 and con.execute(f"SELECT count(*) FROM {parts}").fetchone()[0] == n
    for a, b in ((expected, got), (got, expected)):
        assert con.execute(f"SELECT count(*) FROM ({a} EXCEPT ALL {b})").fetchone() == (0,), table


def test_pandas_reads_one_partition_by_filter(out):
    frame = pd.read_parquet(out / "partitioned" / "metrics", partitioning=ds.HivePartitioning.discover(),
                            filters=[("province", "==", "Bắc Kạn"), ("year", "==", 2022)])
    assert sorted(frame["value"]) == [110.7, 322.0, 489.0]


def test_a_partition_holds_exactly_its_rows(out):
    con = duckdb.connect()
    parts = f"read_parquet('{out}/partitioned/metrics/**/*.parquet', hive_partitioning = true)"
    assert con.execute(f"SELECT count(*) FROM {parts} WHERE province = 'Bắc Kạn' AND year = 2022").fetchone() == \
        con.execute(f"SELECT count(*) FROM read_parquet('{out}/metrics.parquet') "
                    f"WHERE province = 'Bắc Kạn' AND year(period_start) = 2022").fetchone()
    assert con.execute(f"SELECT count(*) FROM {parts} WHERE province IS NULL").fetchone() == \
        con.execute(f"SELECT count(*) FROM read_parquet('{out}/metrics.parquet') WHERE province IS NULL").fetchone()


@pytest.mark.parametrize("reader", ["pyarrow", "pandas"])
def test_pyarrow_and_pandas_read_the_same_rows(out, reader):
    path = out / "partitioned" / "metrics"
    if reader == "pyarrow":
        frame = ds.dataset(path, format="parquet", partitioning="hive").to_table().to_pandas()
    else:  # pandas' default dictionary-typed keys cannot hold the NULL partition: plain hive keys
        frame = pd.read_parquet(path, partitioning=ds.HivePartitioning.discover())
    flat = pd.read_parquet(out / "metrics.parquet")
    key = ["doc_id", "char_start", "char_end", "value"]
    got = frame[flat.columns].astype({"province": object}).sort_values(key).reset_index(drop=True)
    want = flat.sort_values(key).reset_index(drop=True)
    assert len(got) == len(want) > 1000
    pd.testing.assert_frame_equal(got, want, check_dtype=False, check_categorical=False)


@pytest.mark.parametrize("value, message", [
    ("sentence", "unknown partition column sentence"),
    ("", "unknown partition column"),
    ("year,year", "named twice"),
])
def test_a_bad_partition_column_is_refused_before_the_run(tmp_path, value, message):
    run = extract(tmp_path / "out", "--partition-by", value, inputs=("corpus",))
    assert run.returncode == 2 and message in run.stderr
    assert not (tmp_path / "out" / "articles.parquet").exists()


def test_a_rerun_rewrites_or_removes_the_partitioned_copies(tmp_path):
    out = tmp_path / "out"
    assert extract(out, "--partition-by", "year", inputs=("corpus",)).returncode == 0
    # by year alone every table is partitioned, bodies and directives too (their article's year)
    assert {p.name for p in (out / "partitioned").iterdir()} == \
        {"articles", "bodies", "dates", "directives", "metrics", "orgs"}
    run = extract(out, inputs=("corpus",))
    assert run.returncode == 0 and not (out / "partitioned").exists()
