"""`union-metrics report OUT -o report.html`: one self-contained HTML page for analysts.

Per indicator: a ranking chart and a province × year table with achieved, target and percent of target
side by side; the same grouped by the 2025 provinces on a toggle; directive citations over time; and for
every figure, the sentences it came from with the extracted spans highlighted by displaCy.
Data: `report_data`; evidence: `report_evidence`; charts: `report_charts`; page: `templates/`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from . import report_data
from .report_charts import citations_chart, format_number, ranking_chart, ranking_frame
from .report_data import INDICATOR_NAMES, NO_PROVINCE, UNIT_NAMES, ReportDataError
from .report_evidence import build_payload, cell_key, pack

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATUS_NAMES = {"achieved": "đạt được", "target": "chỉ tiêu", "context": "bối cảnh"}
UNIT_ORDER = ("count", "vnd", "percent")

__all__ = ["build_report", "ReportDataError", "ReportSummary"]


@dataclass
class ReportSummary:
    path: Path
    n_articles: int
    n_indicators: int
    n_charts: int
    n_facts: int
    n_bytes: int


def _missing(value) -> bool:
    """None, NaN, NA or NaT (a date column's missing value), but not a list or a string."""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _cell(scope, place, row, status, unit, indicator) -> dict:
    value = row.get(f"value_{status}")
    if _missing(value):
        return {"text": ""}
    hedged = bool(row.get(f"hedged_{status}")) if not _missing(row.get(f"hedged_{status}")) else False
    cell = {"text": format_number(value, unit), "hedged": hedged,
            "key": quote(cell_key(scope, place, row["year"], indicator, unit, status), safe=""),
            "title": "", "note": ""}
    n = row.get(f"n_facts_{status}")
    if not _missing(n) and n > 1:
        cell["note"] = f"(n={int(n)})"
        cell["title"] = f"số lớn nhất trong {int(n)} số liệu khác nhau; bấm để xem tất cả"
    if status == "target" and row.get("target_source") == "inline":
        # "2.178/1.550": the target is written in the achieved figure's own mention
        cell["key"] = quote(cell_key(scope, place, row["year"], indicator, unit, "achieved"), safe="")
        cell["note"] = "(x/y)"
    return cell


def _percent_text(row) -> str:
    value = row.get("percent")
    if _missing(value):
        return ""
    source = {"computed": "tính", "reported": "bài viết"}.get(row.get("percent_source"), "tính")
    return f"{format_number(value, 'percent')} ({source})"


def _tables(rows: pd.DataFrame, scope: str, place_col: str, indicator: str) -> list[dict]:
    tables = []
    for unit in sorted(set(rows["unit"]), key=lambda u: UNIT_ORDER.index(u) if u in UNIT_ORDER else 9):
        part = rows[rows["unit"] == unit].to_dict("records")
        out = []
        for row in part:
            place = row[place_col]
            provinces = row.get("provinces", "")
            if row.get("combined") == "sum":
                provinces += " (cộng)"
            elif row.get("combined") == "max":
                provinces += " (số lớn nhất: từ 2025 số của tỉnh mới có thể đã gồm cả)"
            out.append({"place": place, "year": int(row["year"]), "provinces": provinces,
                        "cells": [_cell(scope, place, row, s, unit, indicator) for s in ("achieved", "target")],
                        "percent": _percent_text(row) if unit != "percent" else "",
                        "context": _cell(scope, place, row, "context", unit, indicator)})
        tables.append({"caption": f"Theo {'tỉnh (2025)' if scope == 'g' else 'tỉnh'} và năm — {UNIT_NAMES.get(unit, unit)}",
                       "rows": out})
    return tables


def _main_unit(rows: pd.DataFrame) -> str | None:
    """The unit an indicator is ranked in: the one with most achieved figures, counts before money."""
    have = rows[rows["value_achieved"].notna() & (rows["unit"] != "percent")]
    if have.empty:
        have = rows[rows["value_achieved"].notna()]
    if have.empty:
        return None
    counts = have["unit"].value_counts()
    return max(counts.index, key=lambda u: (counts[u], -UNIT_ORDER.index(u) if u in UNIT_ORDER else -9))


def _scope(rows: pd.DataFrame, scope: str, place_col: str, indicator: str, name: str) -> dict:
    if scope == "p":
        rows = rows.copy()
        ranked_rows = rows[rows["province"] != NO_PROVINCE]  # a figure of no known province ranks nowhere
    else:
        ranked_rows = rows
    chart = ""
    unit = _main_unit(ranked_rows) if len(ranked_rows) else None
    if unit:
        ranked = ranking_frame(ranked_rows[ranked_rows["unit"] == unit], place_col)
        if len(ranked):
            where = "tỉnh, thành sau sáp nhập 2025" if scope == "g" else "tỉnh, thành"
            chart = ranking_chart(ranked, place_col, unit, f"{name}: xếp hạng {where}",
                                  lambda r: quote(cell_key(scope, r[place_col], r["year"], indicator, unit, "achieved"),
                                                  safe=""))
    return {"id": scope, "chart": chart, "tables": _tables(rows, scope, place_col, indicator),
            "place_header": "tỉnh, thành (2025)" if scope == "g" else "tỉnh, thành"}


def _directives(citations: pd.DataFrame) -> list[dict]:
    out = []
    for d in citations.head(report_data.TOP_DIRECTIVES).to_dict("records"):
        out.append({k: ("" if _missing(v) else (str(v)[:10] if k in ("issued", "first_cited", "last_cited") else v))
                    for k, v in d.items()} | {"key": quote(d["canonical_id"], safe="")})
    return out


def build_report(out_dir: str | Path, output: str | Path, group_2025: bool = False,
                 indicators: list[str] | None = None) -> ReportSummary:
    """Write the report for OUT into `output`; raises ReportDataError when OUT cannot be read."""
    from jinja2 import Environment, FileSystemLoader

    unknown = [c for c in indicators or [] if c not in INDICATOR_NAMES]
    if unknown:
        raise ReportDataError(f"unknown indicator code(s) {', '.join(unknown)}; known: {', '.join(INDICATOR_NAMES)}")
    con = report_data.connect(out_dir)
    try:
        data = report_data.load(con, indicators)
        evidence = pack(build_payload(con, data))
    finally:
        con.close()
    grouped = report_data.group_2025(data.by_year)
    sections, n_charts = [], 0
    for code in data.indicators:
        name = INDICATOR_NAMES.get(code, code)
        scopes = [_scope(data.by_year[data.by_year["indicator"] == code], "p", "province", code, name),
                  _scope(grouped[grouped["indicator"] == code], "g", "province_2025", code, name)]
        n_charts += sum(1 for s in scopes if s["chart"])
        sections.append({"code": code, "name": name, "scopes": scopes})
    top_ids = data.citations["canonical_id"].tolist()
    meta = {"indicators": INDICATOR_NAMES, "statuses": STATUS_NAMES}
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, keep_trailing_newline=True)
    html = env.get_template("report.html.j2").render(
        title="So sánh số liệu công đoàn theo tỉnh", source=str(out_dir), n_articles=data.n_articles,
        group_2025=group_2025, sections=sections, citations_chart=citations_chart(data.citations_by_year, top_ids),
        directives=_directives(data.citations), evidence=evidence,
        # "</" would end the script element early
        meta_json=json.dumps(meta, ensure_ascii=False).replace("</", "<\\/"))
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(output)
    return ReportSummary(output, data.n_articles, len(sections), n_charts + 1, len(data.facts),
                         output.stat().st_size)
