"""Command-line interface: `union-metrics extract|evaluate ...`."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from . import __version__
from .extract_run import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, cmd_extract
from .partition import parse_columns

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
        description="Read articles (.txt, .html, .jsonl/.json, .csv, optionally .gz), extract dates,\n"
                    "directives, organisations and metrics, and write one Parquet file per table plus\n"
                    "union.duckdb and manifest.json into --out. Every input record gets one row in\n"
                    "`articles` with status ok, empty or failed.\n\n"
                    "Publication: the tables are built in OUT/.parts and published together when the run\n"
                    "ends: union.duckdb (every table in one file) is replaced atomically, then each\n"
                    "TABLE.parquet, then manifest.json (run id, options, inputs with their sha256, counts,\n"
                    "each file's size and sha256). Each Parquet footer holds the run id: the files are one\n"
                    "set when every id equals the manifest's. A run killed before the manifest is written\n"
                    "is finished by --resume.\n\n"
                    "--out may hold other files (a log, notes): they are left alone. Files with union-metrics'\n"
                    "own names that it did not write are replaced only with --force.\n\n"
                    "Exit code: 0 all ok, 1 some records failed, 2 bad usage (also: --out in use by another\n"
                    "run, holding files with our names that we did not write, or an unfinished run's parts), 130 interrupted.",
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
                    help="continue an interrupted run into the same --out: records of committed batches are "
                         "skipped, unless their input file's content (sha256) changed since: those are redone "
                         "(local engine only)")
    ex.add_argument("--force", action="store_true",
                    help="start over, discarding an unfinished run's parts; also write into a non-empty folder "
                         "union-metrics did not make (only its own names are written or replaced: the tables, "
                         "union.duckdb, manifest.json, .parts/, partitioned/; nothing else is removed)")
    ex.add_argument("--quiet", action="store_true",
                    help="no progress or summary on stderr (progress: a live bar on a terminal with total, "
                         "ETA and failures so far; in a log, a plain line every 30 s)")
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
                                    "write the model to --model PATH (or, with --overwrite-packaged, over the "
                                    "model shipped in the package).")
    tr.add_argument("--data", metavar="PATH", nargs="+",
                    help="labelled training sets (default: corpus/metrics_train.jsonl and corpus/metrics_train_real.jsonl)")
    tr.add_argument("--model", metavar="PATH", help="where to write the model (required, unless --overwrite-packaged)")
    tr.add_argument("--overwrite-packaged", action="store_true",
                    help="write the model over the one shipped in the package (pipeline/models/), which "
                         "every extract run uses")
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

        if not args.model and not args.overwrite_packaged:
            print("union-metrics: error: give --model PATH for the new model file, or --overwrite-packaged to "
                  "replace the shipped model that every extract run uses", file=sys.stderr)
            return EXIT_USAGE
        return run_train(args.data, args.model, args.folds)
    parser.print_help(sys.stderr)
    return EXIT_USAGE


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
    if external and not Path(external).is_file():
        print(f"union-metrics: error: scorer {external!r} does not exist", file=sys.stderr)
        return EXIT_USAGE
    problem = _unscorable(Path(args.out))
    if problem:
        print(f"union-metrics: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if external:
        options = ["--verbose"] * args.verbose + ["--json"] * args.json + (["--docs", args.docs] if args.docs else [])
        return subprocess.call([sys.executable, external, args.gold, args.out] + options)
    from .scoring import report, score

    tallies, missing = score(args.gold, args.out, set(args.docs.split(",")) if args.docs else None)
    sys.stdout.write(report(tallies, missing, verbose=args.verbose, as_json=args.json))
    return EXIT_OK


def _unscorable(out: Path) -> str | None:
    """Why OUT cannot be scored (no tables; Parquet files of different runs), or None."""
    from .publish import InconsistentOutput, check_published
    from .tables import TABLE_NAMES

    if not out.is_dir():
        return f"output folder {str(out)!r} is not a folder (give the --out folder of `union-metrics extract`)"
    if not any((out / f"articles.{ext}").is_file() for ext in ("parquet", "csv")):
        return (f"no tables in {str(out)!r}: it holds no articles.parquet "
                f"(run `union-metrics extract ... --out {out}` first)")
    try:
        check_published(out, TABLE_NAMES)
    except InconsistentOutput as exc:
        return str(exc)
    return None


if __name__ == "__main__":
    raise SystemExit(main())
