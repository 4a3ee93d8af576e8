"""Ready-made DuckDB views over the five tables, and the comments on every column.

The views answer the questions analysts ask most without double counting:
a figure that several articles repeat is one fact (`metric_facts`); a year's
figure is read only from facts that cover exactly that year, and a province's
figures are never summed across overlapping periods (`metrics_by_province_year`).
`union-metrics query OUT --list` prints the one-line descriptions below.
Column meanings live in `columns.yaml` (package data), applied as DuckDB comments.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

# name -> (one-line description, SQL). Views read the tables by name, so they work both
# inside union.duckdb and over the Parquet files registered as views of the same names.
VIEWS: dict[str, tuple[str, str]] = {
    "metric_facts": (
        "one row per distinct fact (province, indicator, status, unit, value, period): "
        "a figure repeated across articles is counted once and flagged `repeated`",
        """
        SELECT province, province_2025, indicator, status, unit, value, period, period_start, period_end,
               bool_or(qualifier IS NOT NULL) AS hedged,
               count(*) AS n_mentions,
               count(DISTINCT doc_id) AS n_articles,
               count(DISTINCT doc_id) > 1 AS repeated,
               min(doc_id) AS first_doc_id,
               arg_min(sentence, doc_id || ':' || lpad(char_start::VARCHAR, 9, '0')) AS sentence,
               list(DISTINCT doc_id ORDER BY doc_id) AS doc_ids
        FROM metrics
        GROUP BY ALL
        """,
    ),
    "metrics_by_province_year": (
        "per province, calendar year, indicator and status: the largest distinct figure reported "
        "for exactly that year (never a sum of overlapping periods), with how many distinct figures there were",
        """
        SELECT province, province_2025, year(period_start) AS year, indicator, status, unit,
               max(value) AS value,
               arg_max(hedged, value) AS hedged,
               count(*) AS n_facts,
               -- one article can report several of the figures: count it once, not once per figure
               len(list_distinct(flatten(list(doc_ids)))) AS n_articles
        FROM metric_facts
        WHERE period_start IS NOT NULL
          AND period_start = make_date(year(period_start), 1, 1)
          AND period_end = make_date(year(period_start), 12, 31)
          AND indicator IS NOT NULL
        GROUP BY ALL
        """,
    ),
    "directive_citations": (
        "one row per cited document (canonical_id): who issued it, how many articles and provinces "
        "cite it, and when it was first and last cited",
        """
        SELECT d.canonical_id,
               min(d.type) AS type, min(d.number) AS number, min(d.symbol) AS symbol,
               min(d.issuer_canonical) AS issuer, min(d.issued) AS issued,
               count(*) AS n_mentions,
               count(DISTINCT d.doc_id) AS n_articles,
               count(DISTINCT a.province) AS n_provinces,
               list(DISTINCT a.province ORDER BY a.province) FILTER (WHERE a.province IS NOT NULL) AS provinces,
               min(a.published) AS first_cited, max(a.published) AS last_cited
        FROM directives d LEFT JOIN articles a USING (doc_id)
        GROUP BY d.canonical_id
        """,
    ),
}


@lru_cache(maxsize=None)
def column_docs() -> dict:
    """{table or view: {"about": str, "columns": {column: meaning}}} from columns.yaml."""
    text = resources.files("pipeline").joinpath("columns.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def create_views(con) -> None:
    """Create the views and comment every table, view and column that columns.yaml describes."""
    for name, (about, sql) in VIEWS.items():
        con.execute(f"CREATE OR REPLACE VIEW {name} AS {sql}")
        con.execute(f"COMMENT ON VIEW {name} IS {_quote(about)}")
    existing = {row[0]: row[1] for row in con.execute(
        "SELECT table_name, table_type FROM information_schema.tables").fetchall()}
    for name, doc in column_docs().items():
        if name not in existing:
            continue
        if name not in VIEWS and doc.get("about"):
            kind = "VIEW" if existing[name] == "VIEW" else "TABLE"
            con.execute(f"COMMENT ON {kind} {name} IS {_quote(doc['about'])}")
        columns = {r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [name]).fetchall()}
        for column in sorted(columns):
            meaning = column_meaning(name, column)
            if meaning:
                con.execute(f'COMMENT ON COLUMN {name}."{column}" IS {_quote(meaning)}')


def column_meaning(name: str, column: str) -> str | None:
    """A column's meaning; a view's column named as in the table it reads means the same."""
    doc = column_docs().get(name) or {}
    meaning = (doc.get("columns") or {}).get(column)
    if meaning is None and doc.get("inherits"):
        return column_meaning(doc["inherits"], column)
    return meaning
