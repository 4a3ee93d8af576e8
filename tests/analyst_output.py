"""The bundled corpus's output folder and its report, built once per test session for the analyst tests
(report, browser, notebook): extracting the bundled corpus (~280 articles) takes seconds, so the three test files share one."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
INPUTS = ["corpus/", "eval/real/"]  # the bundled corpus: 5 seed articles and 234 real scraped pages


def bundled_output(tmp_path_factory) -> Path:
    out = tmp_path_factory.getbasetemp() / "bundled-out"
    if not (out / "union.duckdb").exists():
        subprocess.run([sys.executable, "-m", "pipeline", "extract", *INPUTS, "--out", str(out), "--quiet"],
                       cwd=REPO, check=True, capture_output=True)
    return out


def bundled_report(tmp_path_factory) -> Path:
    html = tmp_path_factory.getbasetemp() / "bundled-report" / "report.html"
    if not html.exists():
        from pipeline.report import build_report

        build_report(bundled_output(tmp_path_factory), html)
    return html
