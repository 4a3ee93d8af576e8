"""The ready-made views answer without double counting, checked on hand-made rows."""
from __future__ import annotations

import datetime as dt

import duckdb
import pyarrow as pa

from pipeline.tables import SCHEMAS
from pipeline.views import create_views

D = dt.date


def _database(metrics: list[dict]):
    con = duckdb.connect()
    for name, schema in SCHEMAS.items():
        rows = metrics if name == "metrics" else []
        full = [{c: r.get(c) for c in schema.names} for r in rows]
        con.register("_rows", pa.Table.from_pylist(full, schema=schema))
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM _rows")
        con.unregister("_rows")
    create_views(con)
    return con


def _metric(doc_id: str, value: float, char_start: int = 0, period: str = "2009") -> dict:
    year = int(period)
    return {"doc_id": doc_id, "char_start": char_start, "char_end": char_start + 3, "sentence": f"{doc_id} {value}",
            "value": value, "unit": "count", "indicator": "party_admission", "status": "achieved",
            "period": period, "period_start": D(year, 1, 1), "period_end": D(year, 12, 31),
            "province": "Hải Phòng", "province_2025": "Hải Phòng"}


def test_an_article_with_two_figures_for_one_year_is_one_article():
    # real-a11 gives Hải Phòng's 2009 party admissions twice (18,124 and 4,314): one article, two facts
    con = _database([_metric("a", 18124), _metric("a", 4314, 40)])
    assert con.execute("SELECT year, value, n_facts, n_articles FROM metrics_by_province_year").fetchall() == \
        [(2009, 18124.0, 2, 1)]


def test_articles_behind_a_year_are_counted_once_each():
    con = _database([_metric("a", 18124), _metric("a", 4314, 40), _metric("b", 18124), _metric("c", 900),
                     _metric("c", 900, 50, period="2010")])
    assert con.execute("SELECT year, value, n_facts, n_articles FROM metrics_by_province_year ORDER BY year").fetchall() \
        == [(2009, 18124.0, 3, 3), (2010, 900.0, 1, 1)]
    assert con.execute("SELECT value, n_articles, repeated FROM metric_facts WHERE period = '2009' ORDER BY value"
                       ).fetchall() == [(900.0, 1, False), (4314.0, 1, False), (18124.0, 2, True)]
