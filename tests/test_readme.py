"""The query outputs shown in README.md and docs/QUERIES.md are exactly what the commands
print on the bundled corpus (refresh them with scripts/update_readme_examples.py)."""
from __future__ import annotations

import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = runpy.run_path(str(REPO / "scripts" / "update_readme_examples.py"))
FIRST_COMMAND = ".venv/bin/union-metrics extract corpus/ eval/real/ --out out/"


def _examples():
    for path in EXAMPLES["FILES"]:
        for i, match in enumerate(EXAMPLES["examples"](path.read_text(encoding="utf-8"))):
            yield pytest.param(match["command"], match["output"], id=f"{path.name}-{i + 1}")


def test_readme_answers_five_questions():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Five questions, one command each", 1)[1].split("\n## ", 1)[0]
    assert len(EXAMPLES["examples"](section)) == 5


@pytest.mark.parametrize("command, shown", list(_examples()))
def test_shown_output_is_what_the_command_prints(bundled_out, command, shown):
    assert shown.strip(), "no output shown: run scripts/update_readme_examples.py"
    assert EXAMPLES["run"](command, bundled_out) == shown, \
        "stale example output: run README's first command, then scripts/update_readme_examples.py"


def test_readme_and_ci_run_the_main_job_on_the_bundled_corpus():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first = re.search(r"```bash\n(.*?)\n```", readme, re.S).group(1)
    assert first.endswith(FIRST_COMMAND)
    assert FIRST_COMMAND in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_no_example_needs_the_duckdb_binary():
    for path in EXAMPLES["FILES"]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*duckdb\s", text, re.M) and "`duckdb out/" not in text, path.name
