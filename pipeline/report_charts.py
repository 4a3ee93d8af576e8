"""Charts for the report, drawn by matplotlib as inline SVG.

Why matplotlib SVG: the chart arrives drawn, so the page needs no JavaScript
library to render it (nothing to inline, nothing to execute at load, fast with
dozens of charts), stays one small self-contained file, and is the same
library the notebook plots with. Text is kept as SVG text (`svg.fonttype:
none`), so Vietnamese labels keep their diacritics, stay searchable, and use
the browser's fonts. Each bar links to its evidence (`#ev=KEY`), which the
page's script turns into the drill-down panel.
"""
from __future__ import annotations

import io
import re

import matplotlib

matplotlib.use("Agg")  # no display: the report is built on servers and in CI
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from .report_data import UNIT_NAMES  # noqa: E402

STYLE = {
    "svg.fonttype": "none",
    "svg.hashsalt": "union-metrics",  # stable ids: the same tables give the same file
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],  # ships with matplotlib: Vietnamese glyphs everywhere
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
ACHIEVED_COLOR, HEDGED_COLOR = "#2b6cb0", "#90b4dd"
MAX_BARS = 30


def format_number(value: float, unit: str = "count") -> str:
    """Vietnamese number format: 1.600, 110,7; money in triệu / tỷ đồng."""
    if value is None or pd.isna(value):
        return ""
    if unit == "vnd":
        for size, word in ((1e9, "tỷ đồng"), (1e6, "triệu đồng")):
            if abs(value) >= size:
                return f"{format_number(value / size, 'count')} {word}"
        return f"{format_number(value, 'count')} đồng"
    if unit == "percent":
        return f"{format_number(value, 'count')}%"
    text = f"{value:,.1f}" if abs(value - round(value)) >= 0.05 else f"{round(value):,}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _svg(fig) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(fig)
    text = buffer.getvalue()
    text = text[text.index("<svg"):]  # drop the XML prolog and DOCTYPE: the SVG sits inside HTML
    # let CSS size it: the page sets width 100%, the viewBox keeps the aspect ratio
    return re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1', text, count=1)


def ranking_frame(rows: pd.DataFrame, place_col: str) -> pd.DataFrame:
    """Per place, its latest year's achieved figure (places compared on their latest report)."""
    have = rows[rows["value_achieved"].notna()]
    if have.empty:
        return have
    latest = have.sort_values("year").groupby(place_col, as_index=False).tail(1)
    return latest.sort_values("value_achieved", ascending=False).head(MAX_BARS)


def ranking_chart(ranked: pd.DataFrame, place_col: str, unit: str, title: str, link) -> str:
    """Horizontal bars, largest first, each labelled with its year and value; hedged figures paler and
    marked ≈. `link(row)` gives the bar's evidence key."""
    with plt.rc_context(STYLE):
        height = 0.9 + 0.28 * max(len(ranked), 1)
        fig, ax = plt.subplots(figsize=(7.2, height))
        labels = [f"{p} ({int(y)})" for p, y in zip(ranked[place_col], ranked["year"])]
        hedged = ranked["hedged_achieved"].fillna(False).astype(bool).tolist()
        bars = ax.barh(range(len(ranked)), ranked["value_achieved"],
                       color=[HEDGED_COLOR if h else ACHIEVED_COLOR for h in hedged])
        for bar, (_, row), h in zip(bars, ranked.iterrows(), hedged):
            bar.set_url(f"#ev={link(row)}")
            ax.annotate(("≈ " if h else "") + format_number(row["value_achieved"], unit),
                        (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                        xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
        ax.set_yticks(range(len(ranked)), labels)
        ax.invert_yaxis()
        ax.set_xlabel(f"đạt được, năm gần nhất ({UNIT_NAMES.get(unit, unit)})")
        ax.set_title(title, loc="left", fontsize=10)
        ax.margins(x=0.18)
        ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: format_number(v, unit)))
        return _svg(fig)


def citations_chart(by_year: pd.DataFrame, top_ids: list[str], top_n: int = 6) -> str:
    """Articles citing each of the most cited documents, per year of publication (stacked), the rest grey."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7.2, 3.4))
        if by_year.empty:
            ax.text(0.5, 0.5, "không có văn bản nào được trích dẫn", ha="center", transform=ax.transAxes)
            return _svg(fig)
        named = top_ids[:top_n]
        frame = by_year.assign(doc=by_year["canonical_id"].where(by_year["canonical_id"].isin(named), "khác"))
        table = frame.pivot_table(index="year", columns="doc", values="n_articles", aggfunc="sum", fill_value=0)
        table = table[[c for c in named if c in table] + (["khác"] if "khác" in table else [])]
        years = [int(y) for y in table.index]
        bottom = [0] * len(years)
        colors = plt.get_cmap("tab10").colors
        for i, doc in enumerate(table.columns):
            color = "#c8c8c8" if doc == "khác" else colors[i % len(colors)]
            ax.bar(years, table[doc], bottom=bottom, label=doc, color=color, width=0.8)
            bottom = [b + v for b, v in zip(bottom, table[doc])]
        ax.set_ylabel("số bài trích dẫn")
        ax.set_xlabel("năm đăng bài")
        ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        ax.set_title("Văn bản được trích dẫn theo năm", loc="left", fontsize=10)
        return _svg(fig)
