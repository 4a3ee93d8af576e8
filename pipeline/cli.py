"""Command-line interface: `union-metrics extract|evaluate ...`."""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterable, Iterator

from . import __version__
from .partition import parse_columns, write_partitions

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

EXAMPLES = """examples:
  union-metrics extract corpus/ --out out/
  union-metrics extract 'dumps/**/*.jsonl.gz' --out out/ --jobs 2
  union-metrics extract dumps/ --out /shared/out/ --engine dask --scheduler tcp://host:8786
  cat article.txt | union-metrics extract - --out out/
  union-metrics evaluate corpus/gold.jsonl out/
  union-metrics report out/ -o report.html
  union-metrics query out/ "SELECT * FROM metrics_by_province_year LIMIT 10"
"""


def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, not {text}")
    return value


def _non_negative_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (one per core) or more, not {text}")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="union-metrics",
        description="Turn scraped Vietnamese trade-union news into tidy tables "
                    "(articles, dates, directives, orgs, metrics) as Parquet and DuckDB.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser(
        "extract",
        help="extract tables from article files, folders, globs or stdin",
        description="Read articles (.txt, .html, .jsonl/.json, .csv, optionally .gz), extract "
                    "dates, directives, organisations and metrics, and write one Parquet file per "
                    "table plus union.duckdb into --out. Every input record gets one row in "
                    "`articles` with status ok, empty or failed. Exit code: 0 all ok, 1 some "
                    "records failed, 2 bad usage (or --out in use by another run), 130 interrupted.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("inputs", nargs="+", metavar="INPUT",
                    help="file, folder (read recursively), glob, or - for standard input")
    ex.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    ex.add_argument("--jobs", type=_non_negative_int, default=1, metavar="N",
                    help="worker processes (default 1; 0 = one per core)")
    ex.add_argument("--batch-size", type=_positive_int, default=500, metavar="N",
                    help="articles per Parquet row group; bounds memory (default 500)")
    ex.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="local: a process pool on this machine (default); dask: dask.bag partitions on a "
                         "Dask cluster (needs union-metrics[dask])")
    ex.add_argument("--scheduler", metavar="ADDRESS",
                    help="with --engine dask: the scheduler of an existing cluster (tcp://host:8786); "
                         "inputs and --out must be on a filesystem every worker sees. Default: a "
                         "LocalCluster of --jobs worker processes")
    ex.add_argument("--partition-size", type=_positive_int, default=None, metavar="N",
                    help="with --engine dask: articles (files, or lines of a JSONL dump) per partition "
                         "(default: about 4 partitions a worker, 25 to 500)")
    ex.add_argument("--resume", action="store_true",
                    help="continue an interrupted run into the same --out: records already written are skipped")
    ex.add_argument("--quiet", action="store_true", help="no progress or summary on stderr")
    ex.add_argument("--text-field", metavar="NAME",
                    help="the JSONL/JSON/CSV field holding each article's text (default: the first of "
                         "text, content, body, article; html, raw_html for pages)")
    ex.add_argument("--meta", action="append", default=[], metavar="FILE",
                    help="JSONL of {doc_id, url, title, published} for inputs that carry none (.txt files); "
                         "a meta.jsonl inside an input folder is read too. May be given more than once")
    ex.add_argument("--max-chars", type=_positive_int, default=None, metavar="N",
                    help="longest text processed per record; longer ones are cut at a line break and the "
                         "article's error says so (default 200000, or $UNION_METRICS_MAX_CHARS)")
    ex.add_argument("--record-seconds", type=_positive_float, default=None, metavar="S",
                    help="time budget per record; a record still running is reported failed ('timed out') "
                         "and the run goes on (default 20, or $UNION_METRICS_RECORD_SECONDS)")
    ex.add_argument("--partition-by", type=parse_columns, default=None, metavar="COLUMNS",
                    help="also write hive-partitioned Parquet copies of the tables that have these columns "
                         "under OUT/partitioned/TABLE/COL=VALUE/... (e.g. province,year; year = a metric's "
                         "year(period_start), else its article's published year)")

    ev = sub.add_parser("evaluate", help="score output tables against a gold file",
                        description="Score OUT's tables against GOLD (see GOLD.md) with the project's scorer "
                                    "(pipeline/scoring.py), or with an external score.py given by --scorer.")
    ev.add_argument("gold", metavar="GOLD", help="gold.jsonl")
    ev.add_argument("out", metavar="OUT", help="folder written by `extract`")
    ev.add_argument("--verbose", action="store_true", help="list every error per document")
    ev.add_argument("--json", action="store_true", help="print one JSON object")
    ev.add_argument("--docs", metavar="ID,ID", help="score only these doc_ids")
    ev.add_argument("--scorer", metavar="PATH",
                    help="an external score.py to use instead (default: the built-in scorer; also $UNION_METRICS_SCORER)")
    from .query import add_query_parser

    add_query_parser(sub)
    tr = sub.add_parser("train", help="train the metric indicator/status classifiers",
                        description="Fit the scikit-learn models that label metrics (indicator, status) "
                                    "from the labelled training set, report cross-validated accuracy, and "
                                    "write the model file shipped in the package.")
    tr.add_argument("--data", metavar="PATH", nargs="+",
                    help="labelled training sets (default: corpus/metrics_train.jsonl and corpus/metrics_train_real.jsonl)")
    tr.add_argument("--model", metavar="PATH", help="where to write the model (default: the packaged model file)")
    tr.add_argument("--folds", type=int, default=5, metavar="K", help="cross-validation folds (default 5)")
    rp = sub.add_parser(
        "report", help="write one self-contained HTML report comparing provinces, with evidence",
        description="Write ONE HTML file from an output folder of `extract`: per indicator, a ranking chart and "
                    "a province x year table with achieved, target and percent of target side by side (hedged "
                    "figures marked), directive citations over time, and for every figure the sentences it came "
                    "from with the extracted spans highlighted (displaCy). The file opens offline: nothing is "
                    "loaded from the network. Exit code: 0 written, 2 OUT missing or without tables.",
        epilog="examples:\n  union-metrics report out/ -o report.html\n"
               "  union-metrics report out/ -o report.html --group-2025 --indicator members_new party_admission\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    rp.add_argument("out", metavar="OUT", help="folder written by `extract` (holds union.duckdb)")
    rp.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write")
    rp.add_argument("--group-2025", action="store_true",
                    help="open with provinces grouped by their 2025 province (the page has a toggle either way)")
    rp.add_argument("--indicator", nargs="+", metavar="CODE",
                    help="only these indicator codes (e.g. members_new party_admission; default: all with figures)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    if args.command == "extract":
        try:
            return cmd_extract(args)
        except KeyboardInterrupt:
            print("\nunion-metrics: interrupted; committed batches are kept: rerun with --resume to continue",
                  file=sys.stderr)
            return EXIT_INTERRUPTED
    if args.command == "evaluate":
        return cmd_evaluate(args)
    if args.command == "report":
        return cmd_report(args)
    if args.command == "query":
        from .query import run_query

        return run_query(args)
    if args.command == "train":
        from .train import run_train

        return run_train(args.data, args.model, args.folds)
    parser.print_help(sys.stderr)
    return EXIT_USAGE


# ---------------------------------------------------------------- extract

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
    # fork shares the already-imported rules and models with the workers
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(jobs) as pool:
        # chunks of 4 records (~0.2 s of work): the round trip costs ~0.1 ms, and small chunks keep
        # the workers evenly loaded to the end of a run (with 16, 40 records ran no faster on 2 than on 1)
        yield from pool.imap(process, records, chunksize=4)


class Progress:
    """Progress on stderr: a live line on a terminal, a line every 1000 articles in a log."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.tty = enabled and sys.stderr.isatty()
        self.start = time.monotonic()
        self.n = 0

    def tick(self) -> None:
        self.n += 1
        if not self.enabled:
            return
        if self.tty and (self.n % 10 == 0):
            rate = self.n / max(time.monotonic() - self.start, 1e-9)
            print(f"\r{self.n} articles, {rate:.1f}/s", end="", file=sys.stderr, flush=True)
        elif not self.tty and self.n % 1000 == 0:
            rate = self.n / max(time.monotonic() - self.start, 1e-9)
            print(f"{self.n} articles, {rate:.1f}/s", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.tty:
            print("\r", end="", file=sys.stderr)


def cmd_extract(args: argparse.Namespace) -> int:
    from .ingest import UsageError, check_inputs

    try:
        check_inputs(args.inputs)
    except UsageError as exc:
        print(f"union-metrics: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    from .limits import RecordLimits

    defaults = RecordLimits.from_env()
    limits = RecordLimits(args.max_chars or defaults.max_chars, args.record_seconds or defaults.seconds)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"union-metrics: error: --out {out} is a file, not a folder", file=sys.stderr)
        return EXIT_USAGE
    try:
        out.mkdir(parents=True, exist_ok=True)
        lock = _take_lock(out)
    except OSError as exc:
        print(f"union-metrics: error: cannot write into --out {out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    if lock is None:
        print(f"union-metrics: error: another run is writing into {out} (see {out / _LOCK}); "
              f"wait for it or choose another --out", file=sys.stderr)
        return EXIT_USAGE
    from .sidecar import MetaError, load_meta, sidecar_files

    try:
        meta = load_meta(sidecar_files(args.inputs, args.meta))
    except MetaError as exc:
        lock.unlink(missing_ok=True)
        print(f"union-metrics: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return _extract_into(args, jobs, limits, lock, meta)
    finally:
        lock.unlink(missing_ok=True)


_LOCK = ".union-metrics.lock"


def _take_lock(out: Path) -> Path | None:
    """The run's lock file in `out`, or None while a live process holds it (a stale lock
    left by a killed run is taken over)."""
    lock = out / _LOCK
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


def _extract_into(args: argparse.Namespace, jobs: int, limits, lock: Path, meta: dict) -> int:
    from .places import crosswalk_frame
    from .tables import write_duckdb

    started = time.monotonic()
    progress = Progress(not args.quiet)
    skipped = 0
    if args.engine == "dask":
        from .engine_dask import EngineError, run_dask

        try:
            status_counts, counts, renamed = run_dask(args, jobs, limits, progress, meta)
        except EngineError as exc:
            print(f"union-metrics: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
    else:
        status_counts, counts, renamed, skipped = _extract_locally(args, jobs, limits, progress, meta)
    progress.done()
    write_duckdb(args.out, extra_tables={"province_crosswalk": crosswalk_frame()})
    seconds = time.monotonic() - started
    for status in ("ok", "empty", "failed"):
        status_counts.setdefault(status, 0)
    n = sum(status_counts.values())
    if not args.quiet:
        rows = ", ".join(f"{name} {count}" for name, count in counts.items())
        resumed = f" (resumed: {skipped} already done)" if args.resume else ""
        if renamed:
            resumed += f" ({renamed} duplicate doc_ids made unique as ID~HASH; see articles.error)"
        print(f"read {n} articles{resumed}: {status_counts['ok']} ok, {status_counts['empty']} empty, "
              f"{status_counts['failed']} failed in {seconds:.1f} s ({n / max(seconds, 1e-9):.1f} articles/s)\n"
              f"rows: {rows}\n"
              f"wrote {Path(args.out) / '*.parquet'} and {Path(args.out) / 'union.duckdb'}",
              file=sys.stderr)
    write_partitions(args.out, args.partition_by, quiet=args.quiet)
    return EXIT_SOME_FAILED if status_counts["failed"] else EXIT_OK


def _extract_locally(args: argparse.Namespace, jobs: int, limits, progress: Progress,
                     meta: dict) -> tuple[dict, dict, int, int]:
    """The local engine: (status counts, row counts, renamed doc_ids, records skipped by --resume)."""
    from .ingest import iter_records, unique_doc_ids
    from .sidecar import with_meta
    from .tables import STATUS_COLUMN, TableWriter, resume_key

    status_counts = {"ok": 0, "empty": 0, "failed": 0}
    skipped = 0
    renamed: list[int] = []
    with TableWriter(args.out, batch_size=max(1, args.batch_size), resume=args.resume) as writer:
        done = writer.done_keys

        def todo():
            nonlocal skipped
            records = iter_records(args.inputs, args.text_field)
            if meta:  # before renaming duplicate ids, as the Dask engine does
                records = (with_meta(record, meta) for record in records)
            for record in unique_doc_ids(records, renamed):
                if done and (resume_key(record.source), record.doc_id) in done:
                    skipped += 1
                    continue
                yield record

        for rows in _process_many(todo(), jobs, limits):
            writer.add_rows(rows)
            status = rows[0][0][STATUS_COLUMN]
            status_counts[status] = status_counts.get(status, 0) + 1
            progress.tick()
    return status_counts, writer.counts, len(renamed), skipped


# ---------------------------------------------------------------- report

def cmd_report(args: argparse.Namespace) -> int:
    from .report import ReportDataError, build_report

    try:
        summary = build_report(args.out, args.output, group_2025=args.group_2025, indicators=args.indicator)
    except ReportDataError as exc:
        print(f"union-metrics: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {summary.path} ({summary.n_bytes / 1e6:.1f} MB): {summary.n_articles} articles, "
          f"{summary.n_indicators} indicators, {summary.n_facts} yearly facts, {summary.n_charts} charts",
          file=sys.stderr)
    return EXIT_OK


# ---------------------------------------------------------------- evaluate

def cmd_evaluate(args: argparse.Namespace) -> int:
    for path, what in ((args.gold, "gold file"), (args.out, "output folder")):
        if not Path(path).exists():
            print(f"union-metrics: error: {what} {path!r} does not exist", file=sys.stderr)
            return EXIT_USAGE
    external = args.scorer or os.environ.get("UNION_METRICS_SCORER")
    if external:
        if not Path(external).is_file():
            print(f"union-metrics: error: scorer {external!r} does not exist", file=sys.stderr)
            return EXIT_USAGE
        options = ["--verbose"] * args.verbose + ["--json"] * args.json + (["--docs", args.docs] if args.docs else [])
        return subprocess.call([sys.executable, external, args.gold, args.out] + options)
    from .scoring import report, score

    tallies, missing = score(args.gold, args.out, set(args.docs.split(",")) if args.docs else None)
    sys.stdout.write(report(tallies, missing, verbose=args.verbose, as_json=args.json))
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
