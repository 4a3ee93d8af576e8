"""The user docs in docs/ stay true: TABLES.md is what scripts/build_table_docs.py writes from
columns.yaml, and INDICATORS.md lists exactly the codes the model emits and the spec defines."""
from __future__ import annotations

import json
import re
import runpy
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO.parent / "shared" / "spec" / "INDICATORS.md"


def _codes(markdown: str) -> list[str]:
    """The codes of the first table of an indicators page (its rows start "| `code` |")."""
    table = markdown.split("| code |", 1)[1].split("\n\n", 1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.M)


def test_tables_md_is_in_sync_with_columns_yaml():
    build = runpy.run_path(str(REPO / "scripts" / "build_table_docs.py"))
    assert (REPO / "docs" / "TABLES.md").read_text(encoding="utf-8") == build["render"](), \
        "docs/TABLES.md is stale: run scripts/build_table_docs.py"


def test_tables_md_names_every_column_with_a_meaning():
    text = (REPO / "docs" / "TABLES.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z_0-9]+)` \| [A-Z0-9_\[\]]* \| (.*) \|$", text, flags=re.M)
    assert len(rows) > 100 and all(meaning.strip() for _, meaning in rows)
    for name in ("metrics", "metric_facts", "metrics_by_province_year", "directive_citations", "partitioned"):
        assert f"\n## {name}\n" in text


def test_indicator_codes_are_the_models_and_the_specs():
    codes = _codes((REPO / "docs" / "INDICATORS.md").read_text(encoding="utf-8"))
    model = json.loads((REPO / "pipeline" / "models" / "metric_model.json").read_text(encoding="utf-8"))
    assert len(codes) == len(set(codes)) == 16
    assert set(codes) == set(model["indicator"]["classes"])
    cues = yaml.safe_load((REPO / "rules" / "metric_cues.yaml").read_text(encoding="utf-8"))
    assert set(cues["indicator_cues"]) <= set(codes)
    if SPEC.exists():  # ../shared beside the clone
        assert codes == _codes(SPEC.read_text(encoding="utf-8"))


def test_every_example_uses_a_listed_code_and_status():
    text = (REPO / "docs" / "INDICATORS.md").read_text(encoding="utf-8")
    examples = text.split("## Examples", 1)[1].split("## Status", 1)[0]
    rows = re.findall(r"^\| `([a-z_]+)` \| ([a-z]+) \| (.+) \|$", examples, flags=re.M)
    assert len(rows) >= 16
    assert {code for code, _, _ in rows} <= set(_codes(text))
    assert {status for _, status, _ in rows} <= {"achieved", "target", "context"}
    assert all("**" in sentence for _, _, sentence in rows)


def test_readme_links_the_docs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for page in ("docs/TABLES.md", "docs/INDICATORS.md", "docs/QUERIES.md"):
        assert f"]({page})" in readme and (REPO / page).exists(), page
