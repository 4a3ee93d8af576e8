"""Tidy output tables: schemas, batched Parquet writing, and the DuckDB file.

Rows arrive one article at a time; they are buffered per table and flushed
as Parquet part files every `batch_size` articles, so a run never holds the
whole output in memory and can resume after a crash. At the end the parts are
merged into one Parquet file per table and loaded into `union.duckdb`.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Iterable

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .records import ArticleResult
from .views import create_views

PROVENANCE = [
    ("doc_id", pa.string()),
    ("char_start", pa.int32()),  # span in the cleaned body (`bodies`), end exclusive
    ("char_end", pa.int32()),
    ("text", pa.string()),
    ("sentence", pa.string()),
    ("extractor", pa.string()),
    ("confidence", pa.float64()),
]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("doc_id", pa.string()),
        ("province", pa.string()),
        ("province_2025", pa.string()),
        ("published", pa.date32()),
        ("title", pa.string()),
        ("source", pa.string()),
        ("n_chars", pa.int64()),
        ("status", pa.string()),
        ("error", pa.string()),
        ("encoding", pa.string()),
        ("url", pa.string()),
    ]),
    "directives": pa.schema(PROVENANCE + [
        ("type", pa.string()),
        ("number", pa.string()),
        ("symbol", pa.string()),
        ("canonical_id", pa.string()),
        ("issuer", pa.string()),
        ("issued", pa.date32()),
        ("issuer_canonical", pa.string()),
    ]),
    "dates": pa.schema(PROVENANCE + [
        ("date", pa.date32()),
        ("kind", pa.string()),
        ("period_start", pa.date32()),
        ("period_end", pa.date32()),
    ]),
    "orgs": pa.schema(PROVENANCE + [
        ("canonical", pa.string()),
        ("org_type", pa.string()),
        ("level", pa.string()),
        ("province", pa.string()),
        ("province_2025", pa.string()),
    ]),
    "metrics": pa.schema(PROVENANCE + [
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("subject", pa.string()),
        ("indicator", pa.string()),
        ("status", pa.string()),
        ("period", pa.string()),
        ("qualifier", pa.string()),
        ("org", pa.string()),
        ("province", pa.string()),
        ("target_value", pa.float64()),
        ("percent_of_target", pa.float64()),
        ("province_2025", pa.string()),
        ("period_start", pa.date32()),
        ("period_end", pa.date32()),
    ]),
    "bodies": pa.schema([
        ("doc_id", pa.string()),
        ("body", pa.string()),
    ]),
}

TABLE_NAMES = tuple(SCHEMAS)


def result_rows(result: ArticleResult) -> dict[str, list[dict]]:
    """The rows one article contributes to each table."""
    return {
        "articles": [result.article.to_row()],
        "directives": [m.to_row() for m in result.directives],
        "dates": [m.to_row() for m in result.dates],
        "orgs": [m.to_row() for m in result.orgs],
        "metrics": [m.to_row() for m in result.metrics],
        "bodies": [{"doc_id": result.article.doc_id, "body": result.body}] if result.body else [],
    }


def to_arrow(name: str, rows: list[dict]) -> pa.Table:
    """Rows -> Arrow table with exactly the schema's columns and types (via pandas)."""
    schema = SCHEMAS[name]
    frame = pd.DataFrame(rows, columns=schema.names)
    return pa.Table.from_pandas(frame, schema=schema, preserve_index=False)


def resume_key(source: str) -> str:
    """A record's source as --resume compares it: its file's resolved path (and line), so that
    "big.jsonl", "./big.jsonl" and "/abs/path/big.jsonl" are one input."""
    path, sep, line = source.rpartition(":")
    if sep and line.isdigit() and os.path.exists(path):
        return f"{os.path.realpath(path)}:{line}"
    return os.path.realpath(source) if os.path.exists(source) else source


class TableWriter:
    """Writes the five tables into `out_dir`, in batches, resumably.

    Each batch of `batch_size` articles becomes one part file per table in
    `out_dir/.parts/NAME/part-NNNNNN.parquet` (written to a temporary name and
    renamed, `articles` last: a batch counts as done once its articles part
    exists). A crashed run therefore loses at most the batch in flight, and
    `resume=True` skips every record already in a committed batch.
    `close()` concatenates the parts into `NAME.parquet` (streaming, one part
    at a time) and removes them.
    """

    def __init__(self, out_dir: str | os.PathLike, batch_size: int = 500, resume: bool = False):
        self.out_dir = Path(out_dir)
        self.parts_dir = self.out_dir / ".parts"
        self.batch_size = batch_size
        self.counts = {n: 0 for n in TABLE_NAMES}
        self._buffers: dict[str, list[dict]] = {n: [] for n in TABLE_NAMES}
        self._pending = 0
        self.done_keys: set[tuple[str, str]] = set()
        self.out_dir.mkdir(parents=True, exist_ok=True)
        if resume:
            self._next_part = self._recover()
        else:
            shutil.rmtree(self.parts_dir, ignore_errors=True)
            self._next_part = 0
        for n in TABLE_NAMES:
            (self.parts_dir / n).mkdir(parents=True, exist_ok=True)

    def _recover(self) -> int:
        """Keep committed batches, drop the rest; remember which records they hold."""
        committed = {int(p.stem.split("-")[1]) for p in (self.parts_dir / "articles").glob("part-*.parquet")}
        for n in TABLE_NAMES:
            for p in (self.parts_dir / n).glob("part-*"):
                if p.suffix != ".parquet" or int(p.stem.split("-")[1]) not in committed:
                    p.unlink()  # half-written or uncommitted
                elif n != "articles":
                    self.counts[n] += pq.ParquetFile(p).metadata.num_rows
        for p in sorted((self.parts_dir / "articles").glob("part-*.parquet")):
            done = pq.read_table(p, columns=["source", "doc_id"]).to_pylist()
            self.done_keys.update((resume_key(r["source"]), r["doc_id"]) for r in done)
            self.counts["articles"] += len(done)
        return max(committed, default=-1) + 1

    def path(self, name: str) -> Path:
        return self.out_dir / f"{name}.parquet"

    def add(self, result: ArticleResult) -> None:
        for name, rows in result_rows(result).items():
            self._buffers[name].extend(rows)
            self.counts[name] += len(rows)
        self._pending += 1
        if self._pending >= self.batch_size:
            self.flush()

    def add_all(self, results: Iterable[ArticleResult]) -> None:
        for r in results:
            self.add(r)

    def flush(self) -> None:
        if not self._pending:
            return
        part = f"part-{self._next_part:06d}.parquet"
        for name in TABLE_NAMES[1:] + TABLE_NAMES[:1]:  # articles last: it commits the batch
            target = self.parts_dir / name / part
            tmp = target.with_suffix(".tmp")
            pq.write_table(to_arrow(name, self._buffers[name]), tmp)
            os.replace(tmp, target)
            self._buffers[name].clear()
        self._next_part += 1
        self._pending = 0

    def close(self) -> None:
        """Flush and merge the parts into one Parquet file per table."""
        self.flush()
        for name in TABLE_NAMES:
            tmp = self.out_dir / f".{name}.parquet.tmp"
            with pq.ParquetWriter(tmp, SCHEMAS[name]) as writer:
                for p in sorted((self.parts_dir / name).glob("part-*.parquet")):
                    writer.write_table(pq.read_table(p, schema=SCHEMAS[name]))
            os.replace(tmp, self.path(name))
        shutil.rmtree(self.parts_dir, ignore_errors=True)

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is None:
            self.close()
        # on an exception the committed parts stay for --resume


def write_duckdb(out_dir: str | os.PathLike, extra_tables: dict[str, pd.DataFrame] | None = None) -> Path:
    """(Re)build `union.duckdb` in out_dir from the Parquet tables (and any extra frames)."""
    import duckdb

    out_dir = Path(out_dir)
    db_path = out_dir / "union.duckdb"
    tmp = out_dir / "union.duckdb.tmp"
    for p in (tmp, Path(str(tmp) + ".wal")):
        if p.exists():
            p.unlink()
    con = duckdb.connect(str(tmp))
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
    os.replace(tmp, db_path)  # atomic: readers never see a half-written file
    return db_path
