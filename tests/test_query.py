"""`union-metrics query`: SQL over an output folder, every output format, --list/--describe,
a Parquet-only folder, and the error paths (exit 2, one line, no traceback)."""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.tables import TABLE_NAMES
from pipeline.views import VIEWS, column_docs

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def parquet_only(bundled_out, tmp_path_factory):
    """The same output with union.duckdb removed: only the Parquet files."""
    out = tmp_path_factory.mktemp("parquet_only")
    for name in TABLE_NAMES:
        shutil.copy(bundled_out / f"{name}.parquet", out)
    return out


def query(capsys, *args) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["query", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_table_format_is_aligned_with_a_row_count(capsys, bundled_out):
    code, out, _ = query(capsys, bundled_out, "SELECT status, count(*) AS n FROM articles GROUP BY ALL")
    assert code == 0
    n = pq.ParquetFile(bundled_out / "articles.parquet").metadata.num_rows  # every bundled article is ok
    w = len(str(n))  # a number column is as wide as its widest value, right-aligned
    assert out == f"status  {'n':>{w}}\n------  {'-' * w}\nok      {n}\n(1 row)\n"


def test_markdown_format_right_aligns_numbers_and_escapes_bars(capsys, bundled_out):
    code, out, _ = query(capsys, bundled_out, "SELECT 'a|b' AS t, 322.0 AS v, NULL AS n", "--format", "markdown")
    assert (code, out) == (0, "| t    |   v | n |\n|------|----:|---|\n| a\\|b | 322 |   |\n")


def test_csv_and_json_give_the_tables_rows(capsys, bundled_out):
    sql = "SELECT doc_id, value, period_start FROM metrics ORDER BY period_start IS NULL, doc_id, char_start"
    flat = duckdb.connect(str(bundled_out / "union.duckdb"), read_only=True).execute(sql).fetch_df()
    code, out, _ = query(capsys, bundled_out, sql, "--format", "csv")
    assert code == 0
    csv = pd.read_csv(io.StringIO(out), dtype={"period_start": str})
    assert len(csv) == len(flat) == pq.ParquetFile(bundled_out / "metrics.parquet").metadata.num_rows > 1000
    assert csv["value"].tolist() == flat["value"].tolist()
    assert csv["period_start"].fillna("").tolist() == [d.date().isoformat() if pd.notna(d) else ""
                                                       for d in flat["period_start"]]
    code, out, _ = query(capsys, bundled_out, sql + " LIMIT 2", "--format", "json")
    records = json.loads(out)
    assert code == 0 and [r["doc_id"] for r in records] == flat["doc_id"][:2].tolist()
    assert records[0]["period_start"] == str(flat["period_start"][0].date())


def test_parquet_output_round_trips_the_table(bundled_out, tmp_path, capsys):
    target = tmp_path / "metrics.parquet"
    code, out, _ = query(capsys, bundled_out, "SELECT * FROM metrics", "--format", "parquet", "-o", target)
    assert (code, out) == (0, "")
    pd.testing.assert_frame_equal(pd.read_parquet(target), pd.read_parquet(bundled_out / "metrics.parquet"),
                                  check_dtype=False)


def test_output_file_holds_what_stdout_would(bundled_out, tmp_path, capsys):
    sql = "SELECT canonical_id, n_articles FROM directive_citations ORDER BY n_articles DESC, canonical_id LIMIT 3"
    _, printed, _ = query(capsys, bundled_out, sql, "--format", "markdown")
    code, out, _ = query(capsys, bundled_out, sql, "--format", "markdown", "-o", tmp_path / "top.md")
    assert (code, out) == (0, "")
    assert (tmp_path / "top.md").read_text(encoding="utf-8") == printed


def test_list_names_every_table_and_view_with_its_description(capsys, bundled_out):
    code, out, _ = query(capsys, bundled_out, "--list", "--format", "json")
    listed = {r["name"]: (r["kind"], r["description"]) for r in json.loads(out)}
    assert code == 0
    assert set(listed) == set(TABLE_NAMES) | set(VIEWS) | {"province_crosswalk"}
    for name, (about, _) in VIEWS.items():
        assert listed[name] == ("view", about)
    assert listed["metrics"] == ("table", column_docs()["metrics"]["about"])


def test_describe_gives_every_column_its_meaning(capsys, bundled_out):
    code, out, _ = query(capsys, bundled_out, "--describe", "metrics_by_province_year", "--format", "json")
    columns = {r["column"]: r["meaning"] for r in json.loads(out)}
    assert code == 0
    assert columns["year"].startswith("the calendar year the figure covers")
    assert columns["indicator"] == column_docs()["metrics"]["columns"]["indicator"]  # inherited
    assert all(columns.values())


def test_a_parquet_only_folder_answers_like_union_duckdb(capsys, bundled_out, parquet_only):
    for sql in ("SELECT * FROM metrics_by_province_year ORDER BY ALL",
                "SELECT * FROM directive_citations ORDER BY canonical_id",
                "SELECT count(*), sum(n_mentions) FROM metric_facts",
                "SELECT c.province_2025, count(*) FROM articles JOIN province_crosswalk c USING (province) GROUP BY 1 ORDER BY 1"):
        _, from_db, _ = query(capsys, bundled_out, sql, "--format", "csv")
        code, from_parquet, err = query(capsys, parquet_only, sql, "--format", "csv")
        assert code == 0, err
        assert from_parquet == from_db and from_db.count("\n") > 1
    _, listed, _ = query(capsys, parquet_only, "--list", "--format", "csv")
    assert "metric_facts,view," in listed and "metrics,table," in listed


def test_the_database_is_opened_read_only(capsys, bundled_out):
    code, out, err = query(capsys, bundled_out, "DELETE FROM metrics")
    assert code == 2 and out == "" and "read-only" in err
    assert duckdb.connect(str(bundled_out / "union.duckdb"), read_only=True).execute(
        "SELECT count(*) FROM metrics").fetchone() == (pq.ParquetFile(bundled_out / "metrics.parquet").metadata.num_rows,)


@pytest.mark.parametrize("args, message", [
    (["{missing}", "SELECT 1"], "does not exist"),
    (["{empty}", "SELECT 1"], "is not an output folder"),
    (["{out}", "SELECT * FROM nope"], "Table with name nope does not exist"),
    (["{out}", "SELEC 1"], "syntax error"),
    (["{out}"], "give an SQL statement, --list or --describe NAME"),
    (["{out}", "SELECT 1", "--format", "parquet"], "give -o FILE"),
    (["{out}", "--describe", "nope"], "no table or view named 'nope'"),
])
def test_errors_exit_2_with_one_message_and_no_traceback(bundled_out, tmp_path, args, message):
    (tmp_path / "empty").mkdir()
    paths = {"missing": tmp_path / "missing", "empty": tmp_path / "empty", "out": bundled_out}
    argv = [a.format(**paths) for a in args]
    run = subprocess.run([sys.executable, "-m", "pipeline", "query", *argv], capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 2
    assert message in run.stderr and "Traceback" not in run.stderr and run.stdout == ""
