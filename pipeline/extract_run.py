"""One `union-metrics extract` run: claim OUT, read and process every record, publish.

The steps, in order: check the inputs and OUT (our folder, or empty; `--force` for
someone's), take OUT's lock, fingerprint the inputs (path, size, sha256), write the
in-flight manifest into OUT/.parts, process the records into committed part files (the
local process pool or Dask), merge them into a staging folder with union.duckdb and any
partitioned copies, and publish them together (`publish.py`), manifest.json last.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import time
from pathlib import Path
from typing import Iterable, Iterator

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class RunRefused(Exception):
    """The run cannot start (bad --out, a live run, unfinished parts): one line, exit 2."""


# ---------------------------------------------------------------- processing records

def _record_rows(record, limits=None) -> tuple:
    """One record's table rows, made where the record is processed (a worker process): the
    parent then receives plain tuples, cheap to unpickle and to append."""
    from .core import process_record
    from .tables import row_tuples

    return row_tuples(process_record(record, limits))


def _warm_up(limits) -> None:
    """Load every lazily loaded model and rule (underthesea's CRFs, the metric model) in the
    parent before forking, so that workers share them instead of each loading its own."""
    from .records import RawRecord

    text = ("LĐLĐ tỉnh Cao Bằng\n\nNgày 12/6/2021, thực hiện Nghị quyết số 02-NQ/TW của Bộ Chính trị, "
            "Liên đoàn Lao động tỉnh Cao Bằng kết nạp 856 đoàn viên, đạt 110,7% chỉ tiêu.")
    _record_rows(RawRecord(doc_id="warm-up", source="warm-up", text=text), limits)


def _process_many(records: Iterable, jobs: int, limits=None) -> Iterator[tuple]:
    """Each record's rows (`tables.row_tuples`), in input order, from `jobs` processes."""
    from functools import partial

    process = partial(_record_rows, limits=limits)
    if jobs == 1:
        for r in records:
            yield process(r)
        return
    _warm_up(limits)
    # the loaded models and rules go to the gc's permanent generation: a collection in a worker
    # then never writes to their pages, which the forked workers keep sharing (copy-on-write)
    import gc

    gc.freeze()
    # fork shares the already-imported rules and models with the workers
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(jobs) as pool:
        # chunks of 4 records (~0.2 s of work): the round trip costs ~0.1 ms, and small chunks keep
        # the workers evenly loaded to the end of a run (with 16, 40 records ran no faster on 2 than on 1)
        yield from pool.imap(process, records, chunksize=4)


# ---------------------------------------------------------------- the command

def cmd_extract(args: argparse.Namespace) -> int:
    from .input_paths import UsageError, check_inputs
    from .limits import RecordLimits
    from .publish import LOCK, NotOurFolder, check_ownership

    if args.force and args.resume:
        print("union-metrics: error: --force starts over and --resume continues: give one of them", file=sys.stderr)
        return EXIT_USAGE
    try:
        check_inputs(args.inputs)
    except UsageError as exc:
        print(f"union-metrics: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    defaults = RecordLimits.from_env()
    limits = RecordLimits(args.max_chars or defaults.max_chars, args.record_seconds or defaults.seconds)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"union-metrics: error: --out {out} is a file, not a folder", file=sys.stderr)
        return EXIT_USAGE
    try:
        out.mkdir(parents=True, exist_ok=True)
        check_ownership(out, args.force)
        lock = _take_lock(out)
    except NotOurFolder as exc:
        print(f"union-metrics: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"union-metrics: error: cannot write into --out {out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    if lock is None:
        print(f"union-metrics: error: another run is writing into {out} (see {out / LOCK}); "
              f"wait for it or choose another --out", file=sys.stderr)
        return EXIT_USAGE
    try:
        from .sidecar import MetaError, load_meta, sidecar_files

        meta = load_meta(sidecar_files(args.inputs, args.meta))
        return _extract_into(args, out, jobs, limits, meta)
    except (MetaError, RunRefused) as exc:
        print(f"union-metrics: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        lock.unlink(missing_ok=True)


def _take_lock(out: Path) -> Path | None:
    """The run's lock file in `out`, or None while a live process holds it (a stale lock
    left by a killed run is taken over)."""
    from .publish import LOCK

    lock = out / LOCK
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            try:
                pid = int(lock.read_text().strip() or 0)
                os.kill(pid, 0)  # raises if no such process
                return None
            except (ValueError, ProcessLookupError):
                lock.unlink(missing_ok=True)  # stale: its run is gone
                continue
            except PermissionError:
                return None  # alive, someone else's
        with os.fdopen(fd, "w") as f:
            f.write(str(os.getpid()))
        return lock
    return None


def _options(args: argparse.Namespace) -> dict:
    """The run's options as the manifest records them (the inputs as typed, the rest by name)."""
    keep = ("inputs", "jobs", "batch_size", "engine", "scheduler", "partition_size", "resume", "force",
            "text_field", "meta", "max_chars", "record_seconds", "partition_by")
    return {k: getattr(args, k, None) for k in keep}


def _extract_into(args: argparse.Namespace, out: Path, jobs: int, limits, meta: dict) -> int:
    from .fingerprint import expected_records, fingerprint_inputs
    from .progress import Progress
    from .publish import PARTS, base_manifest, new_run_id, now_iso, write_json_atomically
    from .tables import PARTS_MARKER

    started = time.monotonic()
    run_id, started_at = new_run_id(), now_iso()
    prints = fingerprint_inputs(args.inputs, args.text_field)
    manifest = base_manifest(run_id, started_at, _options(args), [p.to_json() for p in prints])
    progress = Progress(not args.quiet, expected_records(prints, "-" in args.inputs))
    _refuse_unfinished(args, out)
    skipped = 0
    if args.engine == "dask":
        from .engine_dask import EngineError, run_dask

        try:
            status_counts, counts, renamed = run_dask(args, jobs, limits, progress, meta,
                                                      on_start=lambda: write_json_atomically(
                                                          out / PARTS / PARTS_MARKER, manifest))
        except EngineError as exc:
            raise RunRefused(str(exc)) from None
    else:
        status_counts, counts, renamed, skipped = _extract_locally(args, out, jobs, limits, progress, meta,
                                                                   prints, manifest)
    progress.done()
    for status in ("ok", "empty", "failed"):
        status_counts.setdefault(status, 0)
    in_output = _stage_and_publish(args, out, manifest, counts, status_counts)
    seconds = time.monotonic() - started
    n = sum(status_counts.values())
    if not args.quiet:
        rows = ", ".join(f"{name} {count}" for name, count in counts.items())
        resumed = f" (resumed: {skipped} already done)" if args.resume else ""
        if renamed:
            resumed += f" ({renamed} duplicate doc_ids made unique as ID~HASH; see articles.error)"
        print(f"read {n} articles{resumed}: {status_counts['ok']} ok, {status_counts['empty']} empty, "
              f"{status_counts['failed']} failed in {seconds:.1f} s ({n / max(seconds, 1e-9):.1f} articles/s)\n"
              f"rows: {rows}\n"
              f"wrote {out / '*.parquet'} and {out / 'union.duckdb'} (run {run_id}, {out / 'manifest.json'})",
              file=sys.stderr)
        if args.partition_by:
            print(f"wrote {out / 'partitioned'}/ partitioned by {', '.join(args.partition_by)}", file=sys.stderr)
    # failed rows anywhere in the output, a resumed run's earlier records included
    return EXIT_SOME_FAILED if in_output["failed"] else EXIT_OK


def _refuse_unfinished(args, out: Path) -> None:
    """A plain run does not silently throw away the committed batches of a crashed one."""
    from .publish import PARTS

    committed = list((out / PARTS / "articles").glob("part-*.parquet"))
    if committed and not (args.resume or args.force):
        raise RunRefused(f"{out} holds {len(committed)} committed batches of an unfinished run: add --resume to "
                         f"continue it, or --force to start over")


def _stage_and_publish(args, out: Path, manifest: dict, counts: dict, status_counts: dict) -> dict:
    """Merge the parts into the staging folder, build union.duckdb and any partitioned copies
    there, then publish them all with the finished manifest; return the output's status counts."""
    from .duckdb_file import write_duckdb
    from .partition import write_partitions
    from .places import crosswalk_frame
    from .publish import describe_files, now_iso, publish, staging_dir
    from .tables import TABLE_NAMES, merge_parts

    staged = staging_dir(out)
    merge_parts(out, into=staged, run_id=manifest["run_id"], remove_parts=False)
    write_duckdb(staged, extra_tables={"province_crosswalk": crosswalk_frame()})
    if args.partition_by:
        write_partitions(staged, args.partition_by, quiet=True)  # said after publication
    # the status counts cover the whole output (a resumed run's committed records included)
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    column = pq.read_table(staged / "articles.parquet", columns=["status"]).column("status")
    statuses = {s: 0 for s in ("ok", "empty", "failed")}
    statuses.update({v["values"].as_py(): v["counts"].as_py() for v in pc.value_counts(column)})
    manifest.update(finished=True, finished_at=now_iso(), counts=dict(counts), statuses=statuses,
                    this_run_statuses=dict(status_counts), files=describe_files(staged, TABLE_NAMES))
    publish(out, staged, manifest, TABLE_NAMES)
    return statuses


def _extract_locally(args: argparse.Namespace, out: Path, jobs: int, limits, progress, meta: dict,
                     prints, manifest: dict) -> tuple[dict, dict, int, int]:
    """The local engine: (status counts, row counts, renamed doc_ids, records skipped by --resume)."""
    from .doc_ids import unique_doc_ids
    from .fingerprint import stale_sources
    from .ingest import iter_records
    from .publish import PARTS, read_manifest, write_json_atomically
    from .sidecar import with_meta
    from .tables import PARTS_MARKER, STATUS_COLUMN, TableWriter, resume_key

    parts = out / PARTS
    in_flight = read_manifest(parts / PARTS_MARKER)
    stale = stale_sources(in_flight.get("inputs") if in_flight else None, prints) if args.resume else None
    if args.resume and in_flight and in_flight.get("run_id"):
        manifest["resumed_from"] = in_flight.get("resumed_from") or in_flight["run_id"]
    status_counts = {"ok": 0, "empty": 0, "failed": 0}
    skipped = 0
    renamed: list[int] = []
    writer = TableWriter(out, batch_size=max(1, args.batch_size), resume=args.resume, stale=stale)
    # after stale rows are gone: a crash from here on resumes against these hashes
    write_json_atomically(parts / PARTS_MARKER, manifest)
    done = writer.done_keys

    def todo():
        nonlocal skipped
        records = iter_records(args.inputs, args.text_field)
        if meta:  # before renaming duplicate ids, as the Dask engine does
            records = (with_meta(record, meta) for record in records)
        for record in unique_doc_ids(records, renamed):
            if done and (resume_key(record.source), record.doc_id) in done:
                skipped += 1
                progress.skip()
                continue
            yield record

    for rows in _process_many(todo(), jobs, limits):
        writer.add_rows(rows)
        status = rows[0][0][STATUS_COLUMN]
        status_counts[status] = status_counts.get(status, 0) + 1
        progress.tick(failed=status == "failed")
    writer.flush()  # the parts stay until the tables are published
    return status_counts, writer.counts, len(renamed), skipped
