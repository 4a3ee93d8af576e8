"""Hive-partitioned Parquet copies of the output tables (`extract --partition-by province,year`).

For large runs: `OUT/partitioned/TABLE/province=…/year=…/data_0.parquet` lets DuckDB,
pandas, pyarrow, Spark or Dask read one province or one year without touching the rest
(`read_parquet('OUT/partitioned/metrics/**/*.parquet', hive_partitioning = true)`).
DuckDB's `COPY … (FORMAT parquet, PARTITION_BY …)` writes them straight from the flat
Parquet files, streaming under a memory limit, so a run of any size fits in memory.

Partition values are written as DuckDB writes them: percent-encoded in the folder name
("province=H%C3%A0%20N%E1%BB%99i"; both DuckDB and pyarrow decode them back to
"Hà Nội"), and NULL as `__HIVE_DEFAULT_PARTITION__`.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

# The one column that is not in the tables: the year a row belongs to. For a metric, the
# first year of the period its figure covers (year(period_start)), else, like every other
# table's rows, the year its article was published (articles.published); NULL if neither.
YEAR_SQL = {
    "metrics": "coalesce(year(t.period_start), year(a.published))",
    "articles": "year(t.published)",
}
DEFAULT_YEAR_SQL = "year(a.published)"

# Columns with few distinct values: one folder each. Free-text columns would make one folder per row.
PARTITIONABLE = ("province", "province_2025", "year", "indicator", "status", "unit", "kind", "type", "level",
                 "org_type", "extractor")
MEMORY_LIMIT = "1GB"  # DuckDB spills to OUT/.partition.tmp beyond it
FOLDER = "partitioned"


def parse_columns(text: str) -> list[str]:
    """argparse type of --partition-by: 'province,year' -> ['province', 'year'], checked before the run."""
    columns = [c.strip() for c in text.split(",") if c.strip()]
    unknown = [c for c in columns if c not in PARTITIONABLE]
    if not columns or unknown:
        raise argparse.ArgumentTypeError(
            f"unknown partition column {', '.join(unknown) or repr(text)}; choose among {', '.join(PARTITIONABLE)}")
    if len(set(columns)) != len(columns):
        raise argparse.ArgumentTypeError(f"a column is named twice in {text!r}")
    if not tables_with(columns):
        raise argparse.ArgumentTypeError(f"no table has all of {', '.join(columns)}")
    return columns


def tables_with(columns: list[str]) -> list[str]:
    """The tables that have every partition column (`year` is derived for every table)."""
    from .tables import SCHEMAS

    return [name for name, schema in SCHEMAS.items() if all(c == "year" or c in schema.names for c in columns)]


def _select(table: str, path: Path, columns: list[str]) -> str:
    """The table's rows, plus `year` where it is a partition column."""
    source = f"read_parquet('{_sql_path(path)}')"
    if "year" not in columns:
        return f"SELECT * FROM {source}"
    if table == "articles":
        return f"SELECT t.*, {YEAR_SQL['articles']} AS year FROM {source} t"
    articles = f"read_parquet('{_sql_path(path.parent / 'articles.parquet')}')"
    year = YEAR_SQL.get(table, DEFAULT_YEAR_SQL)
    # articles.doc_id is unique, so the join neither drops nor repeats a row
    return f"SELECT t.*, {year} AS year FROM {source} t LEFT JOIN (SELECT doc_id, published FROM {articles}) a USING (doc_id)"


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def write_partitions(out_dir, columns: list[str] | None, quiet: bool = False) -> dict[str, int]:
    """Rewrite OUT/partitioned/ from OUT's flat tables; {table: rows written}.

    Without columns, a partitioned/ left by an earlier run is removed: it would no longer
    hold the same rows as the tables beside it.
    """
    out = Path(out_dir)
    final = out / FOLDER
    if not columns:
        if final.exists():
            shutil.rmtree(final)
            if not quiet:
                print(f"removed {final}: it held the previous run's rows (rerun with --partition-by to rebuild)",
                      file=sys.stderr)
        return {}
    import duckdb

    staging, spill = out / f".{FOLDER}.tmp", out / ".partition.tmp"
    for path in (staging, spill):
        shutil.rmtree(path, ignore_errors=True)
    staging.mkdir()
    written = {}
    con = duckdb.connect()
    try:
        con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        con.execute(f"SET temp_directory = '{_sql_path(spill)}'")
        con.execute("SET preserve_insertion_order = false")  # lets the COPY stream
        for table in tables_with(columns):
            path = out / f"{table}.parquet"
            if not path.exists():
                continue
            target = staging / table
            con.execute(f"COPY ({_select(table, path, columns)}) TO '{_sql_path(target)}' "
                        f"(FORMAT parquet, PARTITION_BY ({', '.join(columns)}))")
            target.mkdir(exist_ok=True)  # an empty table writes no file: keep its folder all the same
            written[table] = con.execute(
                f"SELECT count(*) FROM read_parquet('{_sql_path(path)}')").fetchone()[0]
    finally:
        con.close()
        shutil.rmtree(spill, ignore_errors=True)
    shutil.rmtree(final, ignore_errors=True)
    staging.rename(final)
    if not quiet:
        print(f"wrote {final}/{{{','.join(written)}}} partitioned by {', '.join(columns)}", file=sys.stderr)
    return written
