"""The Dask engine: `union-metrics extract ... --engine dask [--scheduler ADDRESS]`.

The same per-article function as the local engine (`core.process_record`, through
`cli._record_rows`) runs over `dask.bag` partitions. The driver never reads a record:
it lists the input files and cuts them into shards (a group of article files, a whole
JSON/CSV dump, or a line range of a big JSONL dump, found by counting its lines). Each
partition is one shard: a worker reads it with the ingest code, processes its records
and writes its own Parquet part files into OUT/.parts (a shared folder on a cluster);
it sends back only counts and one 64-bit key per record. The driver then gives
duplicate doc_ids across shards the same `ID~HASH` names as the local engine (a second,
small pass re-runs just those records); the parts are then merged, staged and published
exactly as the local engine's (`extract_run._stage_and_publish`).
"""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np

INSTALL_HINT = "the Dask engine needs dask[distributed]: pip install 'union-metrics[dask]'"


class EngineError(Exception):
    """A run the Dask engine cannot do (a usage error: exit 2)."""


@dataclass(frozen=True)
class Shard:
    """What one partition reads: whole files, or lines first_line..last_line of one JSONL dump."""

    index: int
    files: tuple[tuple[str, bool], ...]  # (absolute path, named on the command line)
    first_line: int = 1
    last_line: int | None = None  # None: to the end of the file
    offset: int = 0  # byte position of first_line in a plain (not gzipped) file
    part_of: int = 0  # which shard of its dump this is (0: the first, which reports file-level faults)

    @property
    def is_range(self) -> bool:
        return self.last_line is not None or self.first_line > 1


# ---------------------------------------------------------------- driver: planning

def jsonl_line_marks(path: Path, every: int) -> tuple[int, list[tuple[int, int]]]:
    """(number of lines, [(line number, byte offset)] of every `every`-th line start) of a
    JSONL file, streamed. Offsets are of the decompressed stream (used only for plain files);
    a read error ends the count (the shard that reaches it reports it)."""
    from .input_files import READ_ERRORS, file_input

    inp = file_input(path)
    marks, n, position = [], 0, 0
    try:
        with inp.open() as f:
            for raw in f:
                if n % every == 0:
                    marks.append((n + 1, position))
                n += 1
                position += len(raw)
    except READ_ERRORS:
        pass
    return n, marks


GRAIN = 25  # lines: the unit in which big dumps are cut when the partition size is chosen automatically
MAX_PARTITION = 500


def list_inputs(inputs: list[str], text_field: str | None, grain: int) -> list[tuple]:
    """The input files in reading order, each as ("file", path, named), or for a JSONL dump
    that can be cut by lines ("lines", path, named, gzipped, marks every `grain` lines)."""
    from .decoding import sniff_stream_encoding
    from .input_files import READ_ERRORS, file_input, sniff
    from .input_paths import iter_input_files
    from .special_files import is_fifo

    entries: list[tuple] = []
    for path, named in iter_input_files(inputs):
        if path == "-":
            raise EngineError("--engine dask reads files, not standard input: save it to a file first")
        if named and is_fifo(Path(path)):  # the driver and each worker would open it: data read once is lost
            raise EngineError(f"--engine dask reads files, not pipes ({path}): save it to a file first")
        path = Path(path).resolve()
        inp = file_input(path, text_field, named)
        if inp.fmt == "jsonl":
            try:
                encoding = sniff_stream_encoding(sniff(inp))
            except READ_ERRORS:
                encoding = None  # read whole by one shard, which reports the fault as the local engine does
            if encoding and not encoding.startswith(("utf-16", "utf-32")):  # newlines are single bytes
                _, marks = jsonl_line_marks(path, grain)
                entries.append(("lines", str(path), named, inp.gzipped, marks))
                continue
        entries.append(("file", str(path), named, inp.fmt))
    return entries


def plan_shards(inputs: list[str], text_field: str | None, partition_size: int | None,
                workers: int = 1) -> list[Shard]:
    """Shards covering every input record once, in reading order: `partition_size` article
    files or JSONL lines each (a JSON/CSV dump is one shard). Without a size, one is chosen
    to give each worker about 4 partitions (at most 500 records, at least 25)."""
    grain = partition_size or GRAIN
    entries = list_inputs(inputs, text_field, grain)
    if partition_size is None:
        total = sum(len(e[4]) * GRAIN if e[0] == "lines" else 1 for e in entries)
        wanted = -(-total // (4 * max(1, workers)))
        partition_size = min(MAX_PARTITION, max(GRAIN, -(-wanted // GRAIN) * GRAIN))
    step = max(1, partition_size // grain)  # marks per shard

    shards: list[Shard] = []
    group: list[tuple[str, bool]] = []

    def close_group() -> None:
        if group:
            shards.append(Shard(len(shards), tuple(group)))
            group.clear()

    for entry in entries:
        if entry[0] == "lines":
            _, path, named, gzipped, marks = entry
            marks = marks[::step]
            close_group()
            for k, (first, offset) in enumerate(marks):
                last = marks[k + 1][0] - 1 if k + 1 < len(marks) else None
                shards.append(Shard(len(shards), ((path, named),), first, last, 0 if gzipped else offset, k))
            if not marks:  # an empty or unreadable file: read whole, as the local engine does
                shards.append(Shard(len(shards), ((path, named),)))
            continue
        _, path, named, fmt = entry
        if fmt in ("json", "csv", "jsonl"):  # a dump read whole: a shard of its own
            close_group()
            shards.append(Shard(len(shards), ((path, named),)))
            continue
        group.append((path, named))
        if len(group) >= partition_size:
            close_group()
    close_group()
    return shards


# ---------------------------------------------------------------- worker: one partition

def shard_records(shard: Shard, text_field: str | None, meta: dict | None = None) -> Iterator:
    """The shard's records, read by the ingest code as the local engine reads them, with the
    --meta / meta.jsonl fields attached as the local engine attaches them."""
    from .sidecar import with_meta

    for record in _shard_raw_records(shard, text_field):
        yield with_meta(record, meta) if meta else record


def _shard_raw_records(shard: Shard, text_field: str | None) -> Iterator:
    from .decoding import sniff_stream_encoding
    from .dump_reader import parse_jsonl, read_dump
    from .ingest import read_input
    from .input_files import READ_ERRORS, file_input, sniff
    from .records import without_surrogates

    if not shard.is_range:
        for path, named in shard.files:
            for record in read_input(file_input(Path(path), text_field, named)):
                yield without_surrogates(record)
        return
    (path, named), = shard.files
    inp = file_input(Path(path), text_field, named)
    try:
        encoding = sniff_stream_encoding(sniff(inp))
    except READ_ERRORS:
        encoding = None
    first_kind = None
    if encoding:
        head = parse_jsonl(inp, encoding)
        first_kind = next((item.kind for item in head if item.kind in ("article", "fatal")), None)
        head.close()
    if first_kind != "article":
        # not a plain article dump (no article before a fault, or none at all): what it
        # yields is decided for the whole file, so the first shard reads it whole
        if shard.part_of == 0:
            yield from (without_surrogates(r) for r in read_dump(inp))
        return
    # an article dump yields one record per entry, in order, up to a fatal fault (read_dump)
    for item in parse_jsonl(inp, encoding, shard.first_line, shard.last_line, shard.offset):
        yield without_surrogates(item.record)


def run_shard(shard: Shard, out: str, text_field: str | None, limits, batch_size: int, meta: dict | None = None) -> dict:
    """Process one shard into its own part files; return its counts and, per record, the key
    of its original doc_id and whether it is the first of its key in the shard."""
    from .doc_ids import doc_id_key, renamed_duplicate
    from .extract_run import _record_rows
    from .tables import STATUS_COLUMN, TableWriter

    writer = TableWriter(out, batch_size=batch_size, clear=False, part_prefix=f"{shard.index:06d}-")
    keys, first_here, seen = [], [], set()
    statuses: Counter = Counter()
    for record in shard_records(shard, text_field, meta):
        key = doc_id_key(record.doc_id)
        first_here.append(key not in seen)
        if key in seen:  # a duplicate within the shard: renamed here, as unique_doc_ids does
            record = renamed_duplicate(record)
        seen.add(key)
        keys.append(key)
        rows = _record_rows(record, limits)
        writer.add_rows(rows)
        statuses[rows[0][0][STATUS_COLUMN]] += 1
    writer.flush()
    return {"index": shard.index, "keys": np.array(keys, dtype=np.uint64),
            "first_here": np.array(first_here, dtype=bool), "statuses": dict(statuses), "counts": writer.counts}


def rename_in_shard(item: tuple[Shard, frozenset[int]], out: str, text_field: str | None, limits,
                    batch_size: int, meta: dict | None = None) -> dict:
    """Second pass for a shard whose records at `positions` kept a doc_id that an earlier
    shard took: drop their rows from the shard's parts and write them again renamed."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from .doc_ids import renamed_duplicate
    from .extract_run import _record_rows
    from .tables import TABLE_NAMES, TableWriter

    shard, positions = item
    records = [r for i, r in enumerate(shard_records(shard, text_field, meta)) if i in positions]
    old_ids = sorted({r.doc_id for r in records})
    parts = Path(out) / ".parts"
    for name in TABLE_NAMES:
        for p in sorted((parts / name).glob(f"part-{shard.index:06d}-*.parquet")):
            table = pq.read_table(p)
            kept = table.filter(pc.invert(pc.is_in(table["doc_id"], value_set=pq_array(old_ids))))
            if kept.num_rows != table.num_rows:
                pq.write_table(kept, p)
    writer = TableWriter(out, batch_size=batch_size, clear=False, part_prefix=f"{shard.index:06d}-renamed-")
    for record in records:
        writer.add_rows(_record_rows(renamed_duplicate(record), limits))
    writer.flush()
    return {"index": shard.index, "renamed": len(records)}


def pq_array(values: list[str]):
    import pyarrow as pa

    return pa.array(values, type=pa.string())


# ---------------------------------------------------------------- driver: the run

def cross_shard_duplicates(summaries: list[dict]) -> dict[int, frozenset[int]]:
    """{shard index: positions} of records whose doc_id an earlier shard took and that kept it
    (the first of their id within their own shard): the local engine renames them."""
    if not summaries:
        return {}
    keys = np.concatenate([s["keys"] for s in summaries])
    first_here = np.concatenate([s["first_here"] for s in summaries])
    shard_of = np.concatenate([np.full(len(s["keys"]), s["index"]) for s in summaries])
    position = np.concatenate([np.arange(len(s["keys"])) for s in summaries])
    _, first_index, inverse = np.unique(keys, return_index=True, return_inverse=True)
    first_in_run = first_index[inverse.ravel()] == np.arange(len(keys))
    fix = first_here & ~first_in_run
    out: dict[int, set[int]] = {}
    for shard, pos in zip(shard_of[fix].tolist(), position[fix].tolist()):
        out.setdefault(shard, set()).add(pos)
    return {shard: frozenset(p) for shard, p in out.items()}


def connect(scheduler: str | None, workers: int):
    """A distributed Client: to the cluster at `scheduler`, else to a new LocalCluster of
    `workers` single-threaded worker processes (word segmentation holds the GIL)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise EngineError(f"{INSTALL_HINT} ({exc})") from None
    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster)


def run_dask(args, jobs: int, limits, progress, meta: dict | None = None,
             on_start=None) -> tuple[dict, dict, int]:
    """Run the extract command on Dask into committed parts in OUT/.parts (merged and published
    by the caller); returns (status counts, row counts per table, renamed). `on_start` runs
    once the fresh .parts folder exists (the caller writes its in-flight manifest there)."""
    try:
        import dask.bag as db
        from distributed import as_completed
    except ImportError as exc:
        raise EngineError(f"{INSTALL_HINT} ({exc})") from None
    if args.resume:
        raise EngineError("--resume works with the local engine only (rerun the Dask run from the start)")
    import pyarrow.parquet as pq

    from .tables import TABLE_NAMES, TableWriter

    out = str(Path(args.out).resolve())  # workers may run in other folders (or on other nodes)
    TableWriter(out)  # a fresh, empty .parts folder
    if on_start is not None:
        on_start()
    batch = max(1, args.batch_size)
    client = connect(args.scheduler, jobs)
    try:
        workers = sum(client.nthreads().values()) or jobs
        shards = plan_shards(args.inputs, args.text_field, args.partition_size, workers)
        bag = db.from_sequence(shards, npartitions=max(1, len(shards)))
        futures = client.compute(bag.map(run_shard, out, args.text_field, limits, batch, meta).to_delayed())
        summaries = []
        for future in as_completed(futures):
            for summary in future.result():
                summaries.append(summary)
                progress.advance(len(summary["keys"]), summary["statuses"].get("failed", 0))
        summaries.sort(key=lambda s: s["index"])
        fixes = cross_shard_duplicates(summaries)
        if fixes:
            fix_bag = db.from_sequence([(shards[i], p) for i, p in sorted(fixes.items())], npartitions=len(fixes))
            fix_bag.map(rename_in_shard, out, args.text_field, limits, batch, meta).compute()
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None and not args.scheduler:
            cluster.close()
    statuses: Counter = Counter()
    for s in summaries:
        statuses.update(s["statuses"])
    parts = Path(out) / ".parts"
    counts = {name: sum(pq.ParquetFile(p).metadata.num_rows for p in (parts / name).glob("part-*.parquet"))
              for name in TABLE_NAMES}
    renamed = sum(len(p) for p in fixes.values()) + sum(int((~s["first_here"]).sum()) for s in summaries)
    return dict(statuses), counts, renamed


if __name__ == "__main__":
    sys.exit("use: union-metrics extract INPUT... --out DIR --engine dask")
