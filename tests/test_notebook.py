"""notebooks/compare_provinces.ipynb runs top to bottom (a Python kernel from this environment) against the
bundled corpus's output, and shows what it promises: plots, the side-by-side table, displaCy evidence."""
from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from analyst_output import REPO, bundled_output

NOTEBOOK = REPO / "notebooks" / "compare_provinces.ipynb"


def test_compare_provinces_notebook_runs(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("UNION_METRICS_OUT", str(bundled_output(tmp_path_factory)))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit the notebook without outputs"
    # any cell error raises CellExecutionError and fails the test
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the province comparison plot
    text = "\n".join(o.get("data", {}).get("text/plain", "") + o.get("text", "") for o in outputs)
    assert "Hà Nội" in text and "percent_source" in text
    evidence = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})
                and "SỐ LIỆU" in o["data"]["text/html"]]
    assert evidence and "35.575" in evidence[0] and "real-o04" in evidence[0]
