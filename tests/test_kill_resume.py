"""SIGKILL at several points of a real run, then --resume: the tables equal a clean run's,
no record lost or doubled."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parent.parent
SENTENCES = [
    "Năm {y}, Liên đoàn Lao động tỉnh Bắc Ninh kết nạp {n} đoàn viên mới, đạt 105,4% kế hoạch.",
    "Thực hiện Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị, công đoàn thành lập {k} CĐCS.",
    "Ngày 20/4/{y}, Công đoàn các Khu công nghiệp tỉnh trao {k} suất quà trị giá {k} triệu đồng.",
]


@pytest.fixture(scope="module")
def dump(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dump") / "big.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(240):
            text = " ".join(s.format(y=2015 + i % 10, n=1000 + i, k=3 + i % 50) for s in SENTENCES)
            f.write(json.dumps({"id": f"r{i}", "text": text}, ensure_ascii=False) + "\n")
    return path


def extract(dump: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline", "extract", str(dump), "--out", str(out),
                             "--batch-size", "10", "--quiet", *extra], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def tables(out: Path) -> dict[str, pd.DataFrame]:
    got = {}
    for name in ("articles", "dates", "directives", "orgs", "metrics"):
        frame = pd.read_parquet(out / f"{name}.parquet").drop(columns=["confidence"], errors="ignore")
        got[name] = frame.astype(str).sort_values(list(frame.columns)).reset_index(drop=True)
    return got


@pytest.fixture(scope="module")
def clean_run(dump, tmp_path_factory) -> dict[str, pd.DataFrame]:
    out = tmp_path_factory.mktemp("clean")
    proc = extract(dump, out)
    assert proc.wait(timeout=600) == 0, proc.stderr.read().decode()
    return tables(out)


@pytest.mark.parametrize("parts_before_kill", [1, 4, 9])
def test_sigkill_then_resume_gives_the_clean_tables(dump, clean_run, tmp_path, parts_before_kill):
    out = tmp_path / "out"
    proc = extract(dump, out)
    committed = out / ".parts" / "articles"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if committed.exists() and len(list(committed.glob("part-*.parquet"))) >= parts_before_kill:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before the kill point"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    resumed = extract(dump, out, "--resume")
    assert resumed.wait(timeout=600) == 0, resumed.stderr.read().decode()
    got = tables(out)
    assert len(got["articles"]) == 240 and got["articles"].doc_id.is_unique
    for name, frame in clean_run.items():
        pd.testing.assert_frame_equal(got[name], frame, check_dtype=False)
