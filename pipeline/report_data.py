"""What the analysts' report shows, read from an output folder with DuckDB.

Figures come from the ready views (`metric_facts`, `metrics_by_province_year`,
`directive_citations`, see `pipeline/views.py`), so a figure repeated across
articles counts once and a year's figure is never a sum of overlapping periods.
Only what the views do not carry is queried here: the reported percent of
target and the "x/y" targets of achieved mentions, directive citations per year,
and the mentions (with their character spans) behind every fact.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

TABLES = ("articles", "metrics", "orgs", "dates", "directives", "bodies")
VIEWS = ("metric_facts", "metrics_by_province_year", "directive_citations")

# Indicator codes (../shared/spec/INDICATORS.md) in the order the report shows them, with Vietnamese names.
INDICATOR_NAMES = {
    "members_new": "Kết nạp đoàn viên mới",
    "members_total": "Tổng số đoàn viên",
    "unions_new": "Thành lập công đoàn cơ sở mới",
    "unions_total": "Tổng số công đoàn cơ sở",
    "party_referral": "Giới thiệu đoàn viên ưu tú cho Đảng",
    "party_admission": "Đoàn viên được kết nạp Đảng",
    "training": "Tập huấn cán bộ",
    "welfare": "Chăm lo, phúc lợi cho người lao động",
    "donations": "Quyên góp, ủng hộ",
    "initiatives": "Sáng kiến",
    "emulation": "Thi đua, khen thưởng",
    "dialogue": "Đối thoại, kiến nghị",
    "oversight": "Giám sát, kiểm tra",
    "participants": "Người tham dự",
    "organisation": "Tổ chức bộ máy",
    "other": "Số liệu khác",
}
UNIT_NAMES = {"count": "số lượng", "vnd": "đồng", "percent": "tỷ lệ %"}
STATUSES = ("achieved", "target", "context")
NO_PROVINCE = "(không rõ tỉnh)"
TOP_DIRECTIVES = 20
MERGER_YEAR = 2025  # the 63 -> 34 merger took effect on 1 July 2025


class ReportDataError(Exception):
    """The output folder cannot be read as a report's source (the message says why)."""


def connect(out_dir: str | Path):
    """A read-only DuckDB connection on OUT/union.duckdb holding the tables and views the report needs."""
    import duckdb

    out = Path(out_dir)
    if not out.is_dir():
        raise ReportDataError(f"output folder {str(out)!r} does not exist (run `union-metrics extract ... --out {out}` first)")
    db_path = out / "union.duckdb"
    if not db_path.is_file():
        raise ReportDataError(f"no tables in {str(out)!r}: union.duckdb is missing (run `union-metrics extract ... --out {out}` first)")
    con = duckdb.connect(str(db_path), read_only=True)
    present = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    missing = [n for n in TABLES + VIEWS if n not in present]
    if missing:
        con.close()
        raise ReportDataError(f"{db_path} lacks {', '.join(missing)}: it was written by an older version; "
                              f"run `union-metrics extract` again into {out}")
    return con


@dataclass
class ReportData:
    facts: pd.DataFrame          # metric_facts with a fact_id, restricted to whole-year periods
    by_year: pd.DataFrame        # one row per (province, year, indicator, unit) with achieved/target/context side by side
    citations: pd.DataFrame      # directive_citations, most cited first
    citations_by_year: pd.DataFrame  # canonical_id, year, n_articles
    mentions: pd.DataFrame       # fact_id -> metric mentions (doc, char span, sentence, title, published)
    directive_mentions: pd.DataFrame  # the citing sentences of the TOP_DIRECTIVES most cited documents
    n_articles: int
    indicators: list[str]


def _df(con, sql: str, params=None) -> pd.DataFrame:
    return con.execute(sql, params or []).df()


def load(con, indicators: list[str] | None = None) -> ReportData:
    """Everything the report shows, as frames (exact-year figures only: a multi-year term's figure
    cannot sit in a year column; those facts stay in `metric_facts` for SQL users)."""
    wanted = list(indicators) if indicators else None
    where = "AND indicator IN (SELECT unnest(?::VARCHAR[]))" if wanted else ""
    params = [wanted] if wanted else []
    whole_year = ("period_start = make_date(year(period_start), 1, 1) "
                  "AND period_end = make_date(year(period_start), 12, 31)")
    # the facts metrics_by_province_year reads (exactly one calendar year), numbered once for both queries below;
    # (province, indicator, status, unit, value, period) is unique among them
    facts_sql = f"""
        SELECT row_number() OVER (ORDER BY province NULLS LAST, indicator, status, unit, period, value) AS fact_id,
               province, province_2025, year(period_start) AS year, indicator, status, unit, value, period,
               hedged, n_mentions, n_articles, repeated
        FROM metric_facts
        WHERE period_start IS NOT NULL AND indicator IS NOT NULL AND {whole_year} {where}"""
    facts = _df(con, facts_sql, params)
    yearly = _df(con, f"SELECT * FROM metrics_by_province_year WHERE TRUE {where}", params)
    # what the views leave out: a percent of target stated beside an achieved figure ("đạt 110,7% chỉ tiêu"),
    # and the target of an "x/y" figure (2178/1550), per achieved yearly figure
    reported = _df(con, f"""
        SELECT province, year(period_start) AS year, indicator, unit, value,
               max(percent_of_target) AS reported_percent, max(target_value) AS inline_target
        FROM metrics
        WHERE status = 'achieved' AND (percent_of_target IS NOT NULL OR target_value IS NOT NULL)
          AND {whole_year} {where}
        GROUP BY ALL
    """, params)
    by_year = _side_by_side(yearly, reported)
    mentions = _df(con, f"""
        WITH f AS ({facts_sql})
        SELECT f.fact_id, m.doc_id, m.char_start, m.char_end, m.text, m.sentence, m.qualifier, m.org,
               a.title, a.published
        FROM f JOIN metrics m
          ON m.province IS NOT DISTINCT FROM f.province AND m.indicator = f.indicator
         AND m.status IS NOT DISTINCT FROM f.status AND m.unit IS NOT DISTINCT FROM f.unit
         AND m.value = f.value AND m.period IS NOT DISTINCT FROM f.period
        LEFT JOIN articles a USING (doc_id)
        ORDER BY f.fact_id, m.doc_id, m.char_start
    """, params)
    citations = _df(con, "SELECT * FROM directive_citations ORDER BY n_articles DESC, n_mentions DESC, canonical_id")
    citations_by_year = _df(con, """
        SELECT d.canonical_id, year(a.published) AS year, count(DISTINCT d.doc_id) AS n_articles
        FROM directives d JOIN articles a USING (doc_id)
        WHERE a.published IS NOT NULL
        GROUP BY ALL ORDER BY year, canonical_id
    """)
    top = citations["canonical_id"].head(TOP_DIRECTIVES).tolist()
    directive_mentions = _df(con, """
        SELECT d.canonical_id, d.doc_id, d.char_start, d.char_end, d.text, d.sentence, a.title, a.published
        FROM directives d LEFT JOIN articles a USING (doc_id)
        WHERE d.canonical_id IN (SELECT unnest(?::VARCHAR[]))
        ORDER BY d.canonical_id, a.published NULLS LAST, d.doc_id, d.char_start
    """, [top])
    n_articles = con.execute("SELECT count(*) FROM articles WHERE status = 'ok'").fetchall()[0][0]
    present = set(by_year["indicator"]) if len(by_year) else set()
    order = [c for c in INDICATOR_NAMES if c in present] + sorted(present - set(INDICATOR_NAMES))
    return ReportData(facts, by_year, citations, citations_by_year, mentions, directive_mentions, n_articles, order)


def _side_by_side(yearly: pd.DataFrame, reported: pd.DataFrame) -> pd.DataFrame:
    """Achieved, target and context of one (province, year, indicator, unit) on one row: never added up.
    The target is a target fact of that year, else the "/y" of the achieved mention; the percent of target
    is achieved / target where both exist, else the percent the article states."""
    keys = ["province", "province_2025", "year", "indicator", "unit"]
    cols = keys + [f"{what}_{s}" for s in STATUSES for what in ("value", "hedged", "n_facts")]
    extra = ["target_source", "percent", "percent_source"]
    if yearly.empty:
        return pd.DataFrame(columns=cols + extra)
    # pandas drops NULL keys when pivoting: a national or unplaced figure gets a visible label instead
    yearly = yearly.assign(province=yearly["province"].fillna(NO_PROVINCE),
                           province_2025=yearly["province_2025"].fillna(""))
    reported = reported.assign(province=reported["province"].fillna(NO_PROVINCE))
    wide = yearly.pivot_table(index=keys, columns="status", values=["value", "hedged", "n_facts"], aggfunc="first")
    wide.columns = [f"{what}_{status}" for what, status in wide.columns]
    wide = wide.reset_index()
    for c in cols:
        if c not in wide:
            wide[c] = None
    wide = wide[cols].astype({f"value_{s}": "float64" for s in STATUSES})
    wide = wide.merge(reported.rename(columns={"value": "value_achieved"}),
                      on=["province", "year", "indicator", "unit", "value_achieved"], how="left")
    has_target = wide["value_target"].notna()
    inline = ~has_target & wide["inline_target"].notna()
    wide["target_source"] = None
    wide.loc[has_target, "target_source"] = "fact"
    wide.loc[inline, "target_source"] = "inline"
    wide.loc[inline, "value_target"] = wide.loc[inline, "inline_target"]
    # a computed percent needs one achieved and one target figure of a known province: the view keeps the
    # largest of several distinct figures, and two unrelated figures must not be divided
    single = (wide["n_facts_achieved"] == 1) & ((wide["n_facts_target"] == 1) | inline)
    both = (wide["value_achieved"].notna() & wide["value_target"].notna() & (wide["value_target"] != 0)
            & single & (wide["province"] != NO_PROVINCE))
    said = ~both & wide["reported_percent"].notna()
    wide["percent"] = float("nan")
    wide.loc[both, "percent"] = wide.loc[both, "value_achieved"] / wide.loc[both, "value_target"] * 100
    wide.loc[said, "percent"] = wide.loc[said, "reported_percent"]
    wide["percent_source"] = None
    wide.loc[both, "percent_source"] = "computed"
    wide.loc[said, "percent_source"] = "reported"
    wide["province_2025"] = wide["province_2025"].replace("", None)
    wide = wide.drop(columns=["inline_target", "reported_percent"])
    wide["unplaced"] = wide["province"] == NO_PROVINCE  # listed after every named province
    wide = wide.sort_values(["indicator", "unit", "unplaced", "province", "year"])
    return wide.drop(columns="unplaced").reset_index(drop=True)


def group_2025(by_year: pd.DataFrame) -> pd.DataFrame:
    """The same rows per 2025 province. Before MERGER_YEAR the former provinces' yearly figures of one status
    are added up (different provinces, same year: no overlap); from MERGER_YEAR on, an article naming the new
    province may already count the whole, so the largest figure is kept instead of a sum (`combined` says
    which). A percent of target only where every former province with an achievement also had its target."""
    keys = ["province_2025", "year", "indicator", "unit"]
    rows = by_year[by_year["province_2025"].notna()].copy()
    if rows.empty:
        return pd.DataFrame(columns=keys + ["provinces", "combined", "percent"])
    rows["paired"] = rows["value_achieved"].notna() & rows["value_target"].notna()
    aggs = {"provinces": ("province", lambda s: ", ".join(sorted(set(s)))),
            "n_provinces": ("province", "nunique"), "n_paired": ("paired", "sum")}
    for s in STATUSES:
        aggs[f"sum_{s}"] = (f"value_{s}", lambda v: v.sum(min_count=1))
        aggs[f"max_{s}"] = (f"value_{s}", "max")
        aggs[f"hedged_{s}"] = (f"hedged_{s}", lambda v: bool(v.fillna(False).astype(bool).any()))
        aggs[f"n_from_{s}"] = (f"value_{s}", "count")
    out = rows.groupby(keys).agg(**aggs).reset_index()
    merged = out["year"] >= MERGER_YEAR
    for s in STATUSES:
        out[f"value_{s}"] = out[f"sum_{s}"].where(~merged, out[f"max_{s}"])
    out["combined"] = "one"
    out.loc[(out["n_provinces"] > 1) & ~merged, "combined"] = "sum"
    out.loc[(out["n_provinces"] > 1) & merged, "combined"] = "max"
    ok = ((out["n_from_achieved"] > 0) & (out["n_paired"] == out["n_from_achieved"])
          & (out["n_paired"] == out["n_from_target"]) & (out["value_target"] > 0)
          & ((out["combined"] != "max") | (out["n_paired"] == 1)))
    out["percent"] = float("nan")
    out.loc[ok, "percent"] = out.loc[ok, "value_achieved"] / out.loc[ok, "value_target"] * 100
    out = out.drop(columns=[f"{a}_{s}" for a in ("sum", "max") for s in STATUSES])
    return out.sort_values(["indicator", "unit", "province_2025", "year"]).reset_index(drop=True)
