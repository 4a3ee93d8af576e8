"""The DuckDB file, `union.duckdb`: the Parquet tables copied in, and the views.

DuckDB loads the Parquet files itself under a memory limit, so the end of a run takes
the same memory for a thousand articles as for a million.
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from .tables import TABLE_NAMES
from .views import create_views

# DuckDB's own cap while it builds union.duckdb: it streams the Parquet files into its tables,
# evicting written blocks to the file past this. Measured peak of the build (a process with
# nothing else loaded): 183 MB for 1,000 articles, 196 MB for 10,000, 195 MB for ~100,000
# with 32 MB; 186 -> 226 MB with 64 MB and 187 -> 316 MB with 256 MB. One thread keeps the
# rows in Parquet order and the peak small.
DUCKDB_MEMORY_LIMIT = os.environ.get("UNION_METRICS_DUCKDB_MEMORY", "32MB")


def write_duckdb(out_dir: str | os.PathLike, extra_tables: dict[str, pd.DataFrame] | None = None) -> Path:
    """(Re)build `union.duckdb` in out_dir from the Parquet tables (and any extra frames).

    The tables are copied into the database (not views over the Parquet files), so
    `union.duckdb` works on its own wherever it is moved or opened from."""
    import duckdb

    out_dir = Path(out_dir)
    db_path = out_dir / "union.duckdb"
    tmp = out_dir / ".union.duckdb.tmp"
    limit = DUCKDB_MEMORY_LIMIT
    for attempt in range(DUCKDB_RETRIES + 1):
        try:
            _build_duckdb(tmp, out_dir, extra_tables, limit)
            break
        except (duckdb.OutOfMemoryException, duckdb.TransactionException):
            # a few very long texts in one block can need more than the cap to commit
            # ("failed to pin block": seen with 50,000-character hostile records at 32 MB)
            if attempt == DUCKDB_RETRIES:
                raise
            limit = _doubled(limit)
    os.replace(tmp, db_path)  # atomic: readers never see a half-written file
    return db_path


DUCKDB_RETRIES = 4  # 32 MB -> 512 MB at most


def _doubled(limit: str) -> str:
    number = "".join(ch for ch in limit if ch.isdigit()) or "32"
    return f"{int(number) * 2}{limit[len(number):] or 'MB'}"


def _build_duckdb(tmp: Path, out_dir: Path, extra_tables: dict | None, limit: str) -> None:
    import duckdb

    for p in (tmp, Path(str(tmp) + ".wal")):
        if p.exists():
            p.unlink()
    con = duckdb.connect(str(tmp), config={"memory_limit": limit, "threads": 1})
    try:
        for name in TABLE_NAMES:
            pq_path = str(out_dir / f"{name}.parquet").replace("'", "''")
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet('{pq_path}')")
        for name, frame in (extra_tables or {}).items():
            con.register("_frame", frame)
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM _frame")
            con.unregister("_frame")
        create_views(con)
    finally:
        con.close()
