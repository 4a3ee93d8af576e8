"""`union-metrics query OUT "SQL"`: DuckDB SQL over an output folder, printed as a table.

OUT/union.duckdb is opened read-only, so a query can never change a run's output; it
holds every table of one run in one file, replaced atomically when a run publishes, so
a query always sees one run's whole set. A folder holding only the Parquet files
(copied elsewhere, or written by an older version) works too: each file becomes a view
of its table's name, and the ready-made views of `views.py` are created over them in an
in-memory database, once `publish.check_published` has found them to be one run's set.
"""
from __future__ import annotations

import argparse
import datetime as dt
import decimal
import json
import math
import sys
from pathlib import Path

FORMATS = ("table", "csv", "json", "markdown", "parquet")


class QueryError(Exception):
    """Bad usage or a failing SQL statement: reported in one line, exit code 2."""


def add_query_parser(sub) -> None:
    """The `query` subcommand's options (wired into cli.build_parser)."""
    q = sub.add_parser(
        "query", help="run DuckDB SQL over an output folder and print the result",
        description="Run DuckDB SQL over the tables and views of an output folder written by `extract`\n"
                    "(OUT/union.duckdb, opened read-only; or OUT/*.parquet) and print the result.\n"
                    "--list shows every table and view, --describe NAME its columns and what they mean.\n"
                    "Exit code 2 on a missing folder, a folder that is no output, or an SQL error.",
        epilog='examples:\n  union-metrics query out/ --list\n  union-metrics query out/ --describe metrics\n'
               '  union-metrics query out/ "SELECT * FROM metrics_by_province_year LIMIT 5"\n'
               '  union-metrics query out/ "SELECT * FROM metric_facts" --format parquet -o facts.parquet',
        formatter_class=argparse.RawDescriptionHelpFormatter)
    q.add_argument("out", metavar="OUT", help="folder written by `extract`")
    q.add_argument("sql", nargs="?", metavar="SQL", help="DuckDB SQL (several statements: the last one's result "
                                                          "is printed); - reads it from standard input")
    q.add_argument("--list", action="store_true", help="list every table and view with its description")
    q.add_argument("--describe", metavar="NAME", help="list a table's or view's columns with their meaning")
    q.add_argument("--format", choices=FORMATS, default="table", help="output format (default table; "
                                                                       "parquet needs -o)")
    q.add_argument("-o", "--output", metavar="FILE", help="write the result to FILE instead of standard output")
    q.add_argument("--max-width", type=int, default=None, metavar="N",
                   help="cut longer cells to N characters (default 60 for table, no limit otherwise; 0 = no limit)")


def run_query(args: argparse.Namespace) -> int:
    try:
        if not (args.sql or args.list or args.describe):
            raise QueryError("give an SQL statement, --list or --describe NAME")
        if args.format == "parquet" and not args.output:
            raise QueryError("--format parquet writes a file: give -o FILE")
        con = connect(Path(args.out))
        try:
            columns, rows = _result(con, args)
            if args.format == "parquet":
                _write_parquet(con, args, Path(args.output))
                return 0
        finally:
            con.close()
        # descriptions are read whole; data cells are cut so that a row fits a screen
        long_text = args.format == "table" and not (args.list or args.describe)
        width = args.max_width if args.max_width is not None else (60 if long_text else 0)
        text = render(columns, rows, args.format, width)
    except QueryError as exc:
        print(f"union-metrics: error: {exc}", file=sys.stderr)
        return 2
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def connect(out: Path):
    """A DuckDB connection that sees OUT's tables and views by name."""
    import duckdb

    from .tables import TABLE_NAMES

    if not out.exists():
        raise QueryError(f"output folder {str(out)!r} does not exist")
    if not out.is_dir():
        raise QueryError(f"{str(out)!r} is not a folder (give the --out folder of `union-metrics extract`)")
    db = out / "union.duckdb"
    if db.is_file():
        try:
            return duckdb.connect(str(db), read_only=True)
        except duckdb.Error as exc:
            raise QueryError(f"cannot open {db}: {exc}") from None
    found = [name for name in TABLE_NAMES if (out / f"{name}.parquet").is_file()]
    if not found:
        raise QueryError(f"{str(out)!r} is not an output folder: it holds neither union.duckdb nor "
                         f"{', '.join(n + '.parquet' for n in TABLE_NAMES)}")
    from .publish import InconsistentOutput, check_published

    try:
        check_published(out, TABLE_NAMES)
    except InconsistentOutput as exc:
        raise QueryError(str(exc)) from None
    con = duckdb.connect()
    for name in found:
        path = str(out / f"{name}.parquet").replace("'", "''")
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{path}')")
    from .places import crosswalk_frame

    con.register("_crosswalk", crosswalk_frame())
    con.execute("CREATE TABLE province_crosswalk AS SELECT * FROM _crosswalk")
    con.unregister("_crosswalk")
    _create_views(con)
    return con


def _create_views(con) -> None:
    """The views of views.py; a view whose table file is missing is left out, not an error."""
    import duckdb

    from .views import VIEWS, create_views

    try:
        create_views(con)
    except duckdb.Error:
        for name, (_, sql) in VIEWS.items():  # some table is missing: create what can be created
            try:
                con.execute(f"CREATE OR REPLACE VIEW {name} AS {sql}")
            except duckdb.Error:
                pass


def catalog(con) -> list[tuple[str, str, str]]:
    """(name, table or view, one-line description) for every table and view, tables first."""
    from .views import VIEWS, column_docs

    names = con.execute("SELECT table_name, table_type FROM information_schema.tables "
                        "WHERE table_schema = 'main' AND table_name NOT LIKE '\\_%' ESCAPE '\\' "
                        "ORDER BY table_type, table_name").fetchall()
    rows = []
    for name, kind in names:
        about = VIEWS[name][0] if name in VIEWS else (column_docs().get(name) or {}).get("about", "")
        rows.append((name, "view" if name in VIEWS else "table", about))
    return sorted(rows, key=lambda r: (r[1] == "view", r[0]))


def describe(con, name: str) -> list[tuple[str, str, str]]:
    """(column, type, meaning) for one table or view."""
    from .views import column_meaning

    known = [n for n, _, _ in catalog(con)]
    if name not in known:
        raise QueryError(f"no table or view named {name!r}; there are: {', '.join(known)}")
    cols = con.execute("SELECT column_name, data_type FROM information_schema.columns "
                       "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position", [name]).fetchall()
    return [(c, t, column_meaning(name, c) or "") for c, t in cols]


def _sql_text(args) -> str:
    return sys.stdin.read() if args.sql == "-" else args.sql


def _result(con, args) -> tuple[list[str], list[tuple]]:
    import duckdb

    if args.list:
        return ["name", "kind", "description"], catalog(con)
    if args.describe:
        return ["column", "type", "meaning"], describe(con, args.describe)
    if args.format == "parquet":
        return [], []  # written by _write_parquet straight from DuckDB
    try:
        rel = con.sql(_sql_text(args))
        if rel is None:  # a statement with no result (SET ...)
            return [], []
        return list(rel.columns), rel.fetchall()
    except duckdb.Error as exc:
        raise QueryError(str(exc)) from None


def _write_parquet(con, args, path: Path) -> None:
    import duckdb

    try:
        if args.list or args.describe:
            import pandas as pd

            columns, rows = _result(con, argparse.Namespace(**{**vars(args), "format": "table"}))
            pd.DataFrame(rows, columns=columns).to_parquet(path, index=False)
            return
        rel = con.sql(_sql_text(args))
        if rel is None:
            raise QueryError("the statement returns no rows to write")
        rel.write_parquet(str(path))  # DuckDB streams it: nothing is held in Python
    except duckdb.Error as exc:
        raise QueryError(str(exc)) from None


# ---------------------------------------------------------------- rendering

def cell(value, null: str = "NULL") -> str:
    """One value as text: whole floats without '.0', dates in ISO, lists in brackets."""
    if value is None:
        return null
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.10g}"
    if isinstance(value, decimal.Decimal):  # SQL literals such as 110.70 are DECIMAL
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cell(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split()) if "\n" in text or "\r" in text else text  # one line per row
    return text if not width or len(text) <= width else text[: width - 1] + "…"


def _numeric(rows: list[tuple], i: int) -> bool:
    values = [r[i] for r in rows if r[i] is not None]
    return bool(values) and all(isinstance(v, (int, float, decimal.Decimal)) and not isinstance(v, bool)
                                for v in values)


def render(columns: list[str], rows: list[tuple], fmt: str, width: int = 0) -> str:
    if fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([cell(v, null="") for v in r] for r in rows)
        return buf.getvalue()
    if fmt == "json":
        records = [{c: (None if isinstance(v, float) and math.isnan(v) else v) for c, v in zip(columns, r)}
                   for r in rows]  # NaN is not JSON
        lines = [json.dumps(r, ensure_ascii=False, default=_json_default) for r in records]
        return "[\n" + ",\n".join(lines) + ("\n]\n" if lines else "]\n")  # an array, one record a line
    null = "" if fmt == "markdown" else "NULL"
    text = [[_cut(cell(v, null), width) for v in r] for r in rows]
    if fmt == "markdown":  # a bare | would end the cell
        columns = [c.replace("|", "\\|") for c in columns]
        text = [[c.replace("|", "\\|") for c in t] for t in text]
    right = [_numeric(rows, i) for i in range(len(columns))]
    widths = [max([len(c)] + [len(t[i]) for t in text]) for i, c in enumerate(columns)]

    def line(cells: list[str]) -> str:
        parts = [c.rjust(w) if r else c.ljust(w) for c, w, r in zip(cells, widths, right)]
        return ("| " + " | ".join(parts) + " |") if fmt == "markdown" \
            else "  ".join(parts).rstrip()

    if fmt == "markdown":
        rule = "|" + "|".join(("-" * (w + 1) + ":") if r else ("-" * (w + 2)) for w, r in zip(widths, right)) + "|"
    else:
        rule = "  ".join("-" * w for w in widths)
    out = [line(columns), rule] + [line(t) for t in text]
    if fmt == "table":
        out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _json_default(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return str(value)
