"""Tidy output tables: schemas and batched Parquet writing (the DuckDB file: duckdb_file.py).

Rows arrive one article at a time; they are buffered per table and flushed
as Parquet part files every `batch_size` articles, so a run never holds the
whole output in memory and can resume after a crash. At the end the parts are
merged into one Parquet file per table (one row group at a time), which
duckdb_file.py loads into `union.duckdb`.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .records import ArticleResult

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


COLUMNS: dict[str, tuple[str, ...]] = {name: tuple(schema.names) for name, schema in SCHEMAS.items()}


def row_tuples(result: ArticleResult) -> tuple[list[tuple], ...]:
    """The rows one article contributes, one list per table in TABLE_NAMES order, each row a
    tuple in its schema's column order. Cheap to build and to pickle (plain values, no
    dataclasses): a worker process makes them, so the parent only appends them."""
    article = result.article
    return (
        [tuple(getattr(article, c) for c in COLUMNS["articles"])],
        [tuple(getattr(m, c) for c in COLUMNS["directives"]) for m in result.directives],
        [tuple(getattr(m, c) for c in COLUMNS["dates"]) for m in result.dates],
        [tuple(getattr(m, c) for c in COLUMNS["orgs"]) for m in result.orgs],
        [tuple(getattr(m, c) for c in COLUMNS["metrics"]) for m in result.metrics],
        [(article.doc_id, result.body)] if result.body else [],
    )


STATUS_COLUMN = COLUMNS["articles"].index("status")


def tuples_to_arrow(name: str, rows: list[tuple]) -> pa.Table:
    """Row tuples (schema column order) -> Arrow table, column by column (no pandas)."""
    schema = SCHEMAS[name]
    if not rows:
        return schema.empty_table()
    columns = zip(*rows)
    return pa.Table.from_arrays([pa.array(col, type=f.type) for col, f in zip(columns, schema)], schema=schema)


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


def _key_hash(source: str, doc_id: str) -> int:
    digest = hashlib.blake2b(f"{source}\0{doc_id}".encode("utf-8", "replace"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


class KeySet:
    """The (resume source, doc_id) pairs of committed records, held as sorted 64-bit hashes:
    8 bytes a record (a million: 8 MB) where a set of string pairs took ~300 bytes each.
    A false match needs two records of a run sharing a 64-bit hash (odds ~1e-8 at a million)."""

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()):
        self._chunks: list[np.ndarray] = []
        self._sorted = np.empty(0, dtype=np.uint64)
        self.update(pairs)

    def update(self, pairs: Iterable[tuple[str, str]]) -> None:
        chunk = np.fromiter((_key_hash(s, d) for s, d in pairs), dtype=np.uint64)
        if len(chunk):
            self._chunks.append(chunk)

    def _keys(self) -> np.ndarray:
        if self._chunks:
            self._sorted = np.unique(np.concatenate([self._sorted, *self._chunks]))
            self._chunks.clear()
        return self._sorted

    def __contains__(self, pair: tuple[str, str]) -> bool:
        keys = self._keys()
        h = np.uint64(_key_hash(*pair))
        i = int(np.searchsorted(keys, h))
        return i < len(keys) and keys[i] == h

    def __len__(self) -> int:
        return len(self._keys())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, KeySet):
            try:
                other = KeySet(other)  # type: ignore[arg-type]
            except TypeError:
                return NotImplemented
        return np.array_equal(self._keys(), other._keys())

    __hash__ = None  # mutable


PARTS_MARKER = "manifest.json"  # in .parts: the in-flight manifest of the run that owns the parts


def drop_records(parts_dir: Path, stem: str, stale) -> int:
    """Remove from batch `stem` the rows of every article whose source is `stale`; return how
    many articles. Rows of the other tables are matched by doc_id (unique within a run)."""
    import pyarrow.compute as pc

    articles_part = parts_dir / "articles" / f"{stem}.parquet"
    done = pq.read_table(articles_part, columns=["source", "doc_id"]).to_pydict()
    gone = sorted({d for s, d in zip(done["source"], done["doc_id"]) if stale(s)})
    if not gone:
        return 0
    value_set = pa.array(gone, type=pa.string())
    for name in TABLE_NAMES[1:] + TABLE_NAMES[:1]:  # articles last: it commits the batch
        part = parts_dir / name / f"{stem}.parquet"
        if not part.exists():
            continue
        table = pq.read_table(part)
        kept = table.filter(pc.invert(pc.is_in(table["doc_id"], value_set=value_set)))
        if kept.num_rows != table.num_rows:
            tmp = part.with_suffix(".tmp")
            pq.write_table(kept.cast(SCHEMAS[name]), tmp)
            os.replace(tmp, part)
    return len(gone)


class TableWriter:
    """Writes the five tables into `out_dir`, in batches, resumably.

    Each batch of `batch_size` articles becomes one part file per table in
    `out_dir/.parts/NAME/part-PREFIXNNNNNN.parquet` (written to a temporary name
    and renamed, `articles` last: a batch counts as done once its articles part
    exists). A crashed run therefore loses at most the batch in flight, and
    `resume=True` skips every record already in a committed batch.
    `close()` merges the parts into `NAME.parquet` (`merge_parts`) and removes them.
    Several writers can fill one `.parts` folder side by side (the Dask engine's
    partitions): each with its own `part_prefix`, `clear=False`, and `flush()` at the end.
    """

    def __init__(self, out_dir: str | os.PathLike, batch_size: int = 500, resume: bool = False,
                 part_prefix: str = "", clear: bool = True, stale=None):
        self.out_dir = Path(out_dir)
        self.parts_dir = self.out_dir / ".parts"
        self.batch_size = batch_size
        self.part_prefix = part_prefix
        self.counts = {n: 0 for n in TABLE_NAMES}
        self._rows: dict[str, list[tuple]] = {n: [] for n in TABLE_NAMES}
        self._pending = 0
        self.done_keys = KeySet()
        self.out_dir.mkdir(parents=True, exist_ok=True)
        if resume:
            self._next_part = self._recover(stale)
        else:
            if clear:
                shutil.rmtree(self.parts_dir, ignore_errors=True)
            self._next_part = 0
        for n in TABLE_NAMES:
            (self.parts_dir / n).mkdir(parents=True, exist_ok=True)
        marker = self.parts_dir / PARTS_MARKER
        if not marker.exists():  # says whose folder this is (publish.owned_by_us), before any part
            marker.write_text('{"tool": "union-metrics", "finished": false}\n', encoding="utf-8")

    def _recover(self, stale=None) -> int:
        """Keep committed batches, drop the rest; remember which records they hold. `stale`
        (a record's source -> bool) marks committed records to redo: their rows are removed
        from the parts (articles last, so a crash midway leaves them to be removed again)."""
        committed = {p.stem for p in (self.parts_dir / "articles").glob("part-*.parquet")}
        if stale is not None:
            for stem in sorted(committed):
                drop_records(self.parts_dir, stem, stale)
        for n in TABLE_NAMES:
            for p in (self.parts_dir / n).glob("part-*"):
                if p.suffix != ".parquet" or p.stem not in committed:
                    p.unlink()  # half-written or uncommitted
                elif n != "articles":
                    self.counts[n] += pq.ParquetFile(p).metadata.num_rows
        for p in sorted((self.parts_dir / "articles").glob("part-*.parquet")):
            done = pq.read_table(p, columns=["source", "doc_id"]).to_pydict()
            self.done_keys.update(zip(map(resume_key, done["source"]), done["doc_id"]))
            self.counts["articles"] += len(done["doc_id"])
        numbers = [int(stem[5:]) for stem in committed if stem[5:].isdigit()]
        return max(numbers, default=-1) + 1

    def path(self, name: str) -> Path:
        return self.out_dir / f"{name}.parquet"

    def add(self, result: ArticleResult) -> None:
        self.add_rows(row_tuples(result))

    def add_rows(self, rows: tuple[list[tuple], ...]) -> None:
        """One article's rows as made by `row_tuples` (in a worker process, say)."""
        for name, table_rows in zip(TABLE_NAMES, rows):
            self._rows[name].extend(table_rows)
            self.counts[name] += len(table_rows)
        self._pending += 1
        if self._pending >= self.batch_size:
            self.flush()

    def add_all(self, results: Iterable[ArticleResult]) -> None:
        for r in results:
            self.add(r)

    def flush(self) -> None:
        if not self._pending:
            return
        part = f"part-{self.part_prefix}{self._next_part:06d}.parquet"
        for name in TABLE_NAMES[1:] + TABLE_NAMES[:1]:  # articles last: it commits the batch
            target = self.parts_dir / name / part
            tmp = target.with_suffix(".tmp")
            pq.write_table(tuples_to_arrow(name, self._rows[name]), tmp)
            os.replace(tmp, target)
            self._rows[name].clear()
        self._next_part += 1
        self._pending = 0

    def close(self) -> None:
        """Flush and merge the parts into one Parquet file per table."""
        self.flush()
        merge_parts(self.out_dir)

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is None:
            self.close()
        # on an exception the committed parts stay for --resume


RUN_ID_KEY = b"union_metrics.run_id"  # Parquet footer metadata: which run wrote the file (publish.py)


def merge_parts(out_dir: str | os.PathLike, into: str | os.PathLike | None = None, run_id: str | None = None,
                remove_parts: bool = True) -> None:
    """Concatenate `out_dir/.parts/NAME/part-*.parquet` (in name order) into `NAME.parquet` in
    `into` (default out_dir), one record batch at a time so memory does not grow with the
    output, then remove the parts (unless `remove_parts` is False: a run removes them only
    once its tables are published). `run_id` is stored in each file's footer."""
    out_dir = Path(out_dir)
    into = Path(into) if into is not None else out_dir
    parts_dir = out_dir / ".parts"
    for name in TABLE_NAMES:
        schema = SCHEMAS[name]
        if run_id:
            schema = schema.with_metadata({RUN_ID_KEY: run_id.encode()})
        tmp = into / f".{name}.parquet.tmp"
        with pq.ParquetWriter(tmp, schema) as writer:
            for p in sorted((parts_dir / name).glob("part-*.parquet")):
                for batch in pq.ParquetFile(p).iter_batches(batch_size=MERGE_BATCH_ROWS):
                    writer.write_table(pa.Table.from_batches([batch]).cast(schema))
        os.replace(tmp, into / f"{name}.parquet")
    if remove_parts:
        shutil.rmtree(parts_dir, ignore_errors=True)


MERGE_BATCH_ROWS = 16_384
