"""The process_record fuzz target (tests/fuzz_process_record.py) for a fixed CI budget."""
from __future__ import annotations

import os

from fuzz_process_record import fuzz


def test_fuzz_process_record_for_a_fixed_budget():
    seconds = float(os.environ.get("UNION_METRICS_FUZZ_SECONDS", "15"))
    assert fuzz(seconds, seed=int(os.environ.get("UNION_METRICS_FUZZ_SEED", "0"))) > 10
