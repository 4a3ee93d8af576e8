"""Shared fixtures."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def bundled_out(tmp_path_factory):
    """README's first command's output: the bundled corpus (corpus/ and eval/real/) extracted once
    per test session, with hive-partitioned copies by province and year."""
    out = tmp_path_factory.mktemp("bundled_out")
    subprocess.run([sys.executable, "-m", "pipeline", "extract", "corpus/", "eval/real/", "--out", str(out),
                    "--partition-by", "province,year", "--quiet"], check=True, cwd=REPO)
    return out
