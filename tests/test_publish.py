"""A run's output as readers see it: resume keyed on content hashes, the manifest, all tables
published together, --force, someone else's --out, and the progress lines of a log."""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.publish import InconsistentOutput, check_published, parquet_run_id, verify_files
from pipeline.tables import TABLE_NAMES

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "corpus").glob("seed-*.txt"))
SENTENCE = "Năm {y}, Liên đoàn Lao động tỉnh Bắc Ninh kết nạp {n} đoàn viên mới, đạt 105,4% kế hoạch."


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=REPO, input=stdin,
                          capture_output=True, timeout=600)


def write_dump(path: Path, first: int, n: int) -> None:
    path.write_text("".join(json.dumps({"id": f"{path.stem}-{i}", "text": SENTENCE.format(y=2015 + i % 9, n=first + i)},
                                       ensure_ascii=False) + "\n" for i in range(n)), encoding="utf-8")


def tables(out: Path) -> dict[str, pd.DataFrame]:
    got = {}
    for name in ("articles", "dates", "directives", "orgs", "metrics", "bodies"):
        frame = pd.read_parquet(out / f"{name}.parquet").drop(columns=["confidence"], errors="ignore")
        got[name] = frame.astype(str).sort_values(list(frame.columns)).reset_index(drop=True)
    return got


def crash_after_committing(out: Path, inputs: list[Path], parts: int) -> None:
    """A run killed with SIGKILL once `parts` batches are committed: it reads the files, then
    waits on standard input (which the test never closes), so the kill point is exact."""
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", *map(str, inputs), "-", "--out", str(out),
                             "--batch-size", "2", "--quiet"], cwd=REPO, stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    committed = out / ".parts" / "articles"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if committed.is_dir() and len(list(committed.glob("part-*.parquet"))) >= parts:
            break
        time.sleep(0.05)
    assert proc.poll() is None, proc.stderr.read().decode()
    time.sleep(0.3)  # nothing more can be committed: the run is blocked reading standard input
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert len(list(committed.glob("part-*.parquet"))) == parts


# ---------------------------------------------------------------- resume keyed on content

def test_resume_redoes_the_records_of_a_changed_input_and_skips_the_others(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_dump(a, 100, 6)
    write_dump(b, 200, 6)
    out = tmp_path / "out"
    crash_after_committing(out, [a, b], parts=6)  # all 12 records committed, nothing published
    in_flight = json.loads((out / ".parts" / "manifest.json").read_text(encoding="utf-8"))
    assert {p["path"]: p["sha256"] for p in in_flight["inputs"]} == \
        {str(p.resolve()): hashlib.sha256(p.read_bytes()).hexdigest() for p in (a, b)}
    assert in_flight["finished"] is False
    write_dump(a, 500, 6)  # a.jsonl changed since the crash: same ids, other figures

    resumed = run_cli("extract", str(a), str(b), "--out", str(out), "--resume", "--batch-size", "2")
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert "read 6 articles (resumed: 6 already done)" in resumed.stderr.decode()  # a's redone, b's skipped
    clean = tmp_path / "clean"
    assert run_cli("extract", str(a), str(b), "--out", str(clean), "--quiet").returncode == 0
    got, want = tables(out), tables(clean)
    for name in want:
        pd.testing.assert_frame_equal(got[name], want[name], obj=name)
    members = sorted(v for v in pd.read_parquet(out / "metrics.parquet").value if v != 105.4)  # not the percent
    assert members == [200.0 + i for i in range(6)] + [500.0 + i for i in range(6)]  # none of a's old 100s
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["resumed_from"] == in_flight["run_id"] and manifest["finished"] is True


def test_resume_with_an_unchanged_input_skips_all_its_records(tmp_path):
    a = tmp_path / "a.jsonl"
    write_dump(a, 100, 4)
    out = tmp_path / "out"
    crash_after_committing(out, [a], parts=2)
    resumed = run_cli("extract", str(a), "--out", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert "read 0 articles (resumed: 4 already done)" in resumed.stderr.decode()
    assert sorted(v for v in pd.read_parquet(out / "metrics.parquet").value if v != 105.4) == [100.0 + i for i in range(4)]


# ---------------------------------------------------------------- the manifest

def test_the_manifest_describes_the_published_run_exactly(tmp_path):
    out = tmp_path / "out"
    for inputs in ([SEEDS[0], SEEDS[1]], [SEEDS[2]]):  # a second run of other inputs into the same folder
        proc = run_cli("extract", *map(str, inputs), "--out", str(out), "--quiet")
        assert proc.returncode == 0, proc.stderr.decode()
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["tool"] == "union-metrics" and manifest["finished"] is True
        assert manifest["version"] == __import__("pipeline").__version__
        assert manifest["started"] <= manifest["finished_at"]
        assert manifest["options"]["inputs"] == list(map(str, inputs))
        assert manifest["inputs"] == [{"path": str(p.resolve()), "size": p.stat().st_size, "records": 1,
                                       "sha256": hashlib.sha256(p.read_bytes()).hexdigest()} for p in inputs]
        for name in TABLE_NAMES:
            assert manifest["counts"][name] == pq.ParquetFile(out / f"{name}.parquet").metadata.num_rows, name
            assert parquet_run_id(out / f"{name}.parquet") == manifest["run_id"]
        assert manifest["statuses"] == {"ok": len(inputs), "empty": 0, "failed": 0}
        assert set(manifest["files"]) == {f"{n}.parquet" for n in TABLE_NAMES} | {"union.duckdb"}
        assert verify_files(out, manifest) == []
        assert check_published(out, TABLE_NAMES) == manifest
        assert sorted(os.listdir(out)) == sorted([f"{n}.parquet" for n in TABLE_NAMES] + ["manifest.json",
                                                                                        "union.duckdb"])


# ---------------------------------------------------------------- publishing together

class Killed(BaseException):
    """Stands for SIGKILL inside an in-process run: nothing after it runs (no cleanup either)."""


def _doc_ids_in_duckdb(out: Path) -> set[str]:
    con = duckdb.connect(str(out / "union.duckdb"), read_only=True)
    try:
        return {r[0] for r in con.execute("select doc_id from articles").fetchall()}
    finally:
        con.close()


@pytest.mark.parametrize("kill_at", range(8))  # before each of the 8 moves into OUT: database, 6 tables, manifest
def test_a_run_killed_while_publishing_never_shows_readers_a_mixed_set(tmp_path, monkeypatch, kill_at):
    from pipeline.cli import main
    from pipeline.query import QueryError, connect

    out = tmp_path / "out"
    assert main(["extract", str(SEEDS[0]), "--out", str(out), "--quiet"]) == 0
    old = {SEEDS[0].stem}
    new = {p.stem for p in SEEDS[1:3]}
    real_replace, moves = os.replace, []

    def replace(src, dst):
        if Path(dst).parent == out:  # a move into OUT: one step of the publication
            if len(moves) == kill_at:
                raise Killed
            moves.append(Path(dst).name)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(Killed):
        main(["extract", *map(str, SEEDS[1:3]), "--out", str(out), "--quiet"])
    monkeypatch.setattr(os, "replace", real_replace)
    assert moves[:1] == (["union.duckdb"] if kill_at else [])
    # union.duckdb is one file: whole, of one run or the other
    assert _doc_ids_in_duckdb(out) == (new if kill_at else old)
    # the Parquet files: either one run's set with its manifest, or refused as mixed
    parquet_only = tmp_path / "parquet_only"
    parquet_only.mkdir()
    for name in TABLE_NAMES:
        os.link(out / f"{name}.parquet", parquet_only / f"{name}.parquet")
    os.link(out / "manifest.json", parquet_only / "manifest.json")
    ids = {parquet_run_id(out / f"{n}.parquet") for n in TABLE_NAMES}
    tables_moved = max(0, kill_at - 1)
    if tables_moved:  # some or all tables moved, the manifest still the old run's
        assert len(ids) == (2 if tables_moved < len(TABLE_NAMES) else 1)
        with pytest.raises(InconsistentOutput):
            check_published(out, TABLE_NAMES)
        with pytest.raises(QueryError, match="publication was interrupted"):
            connect(parquet_only)
    else:
        manifest = check_published(out, TABLE_NAMES)
        assert ids == {manifest["run_id"]}
        con = connect(parquet_only)
        assert {r[0] for r in con.execute("select doc_id from articles").fetchall()} == old
        con.close()
    # every record was committed before the publication: --resume publishes them, whole
    resumed = run_cli("extract", *map(str, SEEDS[1:3]), "--out", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert "read 0 articles (resumed: 2 already done)" in resumed.stderr.decode()
    manifest = check_published(out, TABLE_NAMES)
    assert verify_files(out, manifest) == [] and not (out / ".parts").exists()
    assert set(pd.read_parquet(out / "articles.parquet").doc_id) == _doc_ids_in_duckdb(out) == new


# ---------------------------------------------------------------- --force and someone else's folder

def test_a_folder_holding_only_other_files_is_written_beside_them(tmp_path):
    # "mktemp -d; extract --out $d 2> $d/err.log": the log is no reason to refuse, and is left alone
    out = tmp_path / "d"
    out.mkdir()
    (out / "err.log").write_text("", encoding="utf-8")
    proc = run_cli("extract", str(SEEDS[0]), "--out", str(out), "--quiet")
    assert proc.returncode == 0, proc.stderr.decode()
    assert (out / "err.log").exists() and len(pd.read_parquet(out / "articles.parquet")) == 1
    assert run_cli("extract", str(SEEDS[1]), "--out", str(out), "--quiet").returncode == 0


def test_someone_elses_folder_is_refused_and_never_emptied(tmp_path):
    out = tmp_path / "theirs"
    (out / ".parts").mkdir(parents=True)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / ".parts" / "draft.txt").write_text("also mine", encoding="utf-8")
    for extra in ((), ("--force",)):
        proc = run_cli("extract", str(SEEDS[0]), "--out", str(out), "--quiet", *extra)
        assert proc.returncode == 2
        lines = proc.stderr.decode().splitlines()
        assert len(lines) == 1 and "was not made by union-metrics" in lines[0]
    (out / ".parts" / "draft.txt").rename(out / "draft.txt")
    (out / ".parts").rmdir()
    # a file of theirs with one of our names would be replaced: refused without --force
    (out / "articles.parquet").write_text("their table", encoding="utf-8")
    (out / "union.duckdb").write_text("their database", encoding="utf-8")
    proc = run_cli("extract", str(SEEDS[0]), "--out", str(out), "--quiet")
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == (
        f"union-metrics: error: --out {out} holds files union-metrics did not write (articles.parquet, "
        f"union.duckdb); choose another folder, or add --force to replace them")
    assert (out / "articles.parquet").read_text(encoding="utf-8") == "their table"
    proc = run_cli("extract", str(SEEDS[0]), "--out", str(out), "--quiet", "--force")
    assert proc.returncode == 0, proc.stderr.decode()
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "draft.txt").read_text(encoding="utf-8") == "also mine"
    assert len(pd.read_parquet(out / "articles.parquet")) == 1
    # once it holds our manifest, reruns need no --force
    assert run_cli("extract", str(SEEDS[1]), "--out", str(out), "--quiet").returncode == 0


def test_an_unfinished_run_is_kept_unless_resumed_or_forced(tmp_path):
    a = tmp_path / "a.jsonl"
    write_dump(a, 100, 4)
    out = tmp_path / "out"
    crash_after_committing(out, [a], parts=2)
    plain = run_cli("extract", str(a), "--out", str(out))
    assert plain.returncode == 2
    assert plain.stderr.decode().strip() == (f"union-metrics: error: {out} holds 2 committed batches of an unfinished "
                                             f"run: add --resume to continue it, or --force to start over")
    both = run_cli("extract", str(a), "--out", str(out), "--force", "--resume")
    assert both.returncode == 2 and "give one of them" in both.stderr.decode()
    assert len(list((out / ".parts" / "articles").glob("part-*.parquet"))) == 2  # untouched
    forced = run_cli("extract", str(a), "--out", str(out), "--force")
    assert forced.returncode == 0, forced.stderr.decode()
    assert "read 4 articles: 4 ok" in forced.stderr.decode()  # everything redone, nothing skipped
    assert sorted(pd.read_parquet(out / "articles.parquet").doc_id) == [f"a-{i}" for i in range(4)]


# ---------------------------------------------------------------- progress in a log

def test_progress_lines_in_a_log_give_count_total_eta_rate_and_failures():
    from pipeline.progress import Progress

    now = [0.0]
    log = io.StringIO()  # not a terminal: plain lines
    progress = Progress(True, total=240, stream=log, every_seconds=10, clock=lambda: now[0])
    for i in range(100):
        now[0] += 0.25
        progress.tick(failed=i % 40 == 0)
    progress.done()
    assert log.getvalue().splitlines() == [
        "40/240 articles [00:10<00:50,  4.00 articles/s, failed=1]",
        "80/240 articles [00:20<00:40,  4.00 articles/s, failed=2]",
        "100/100 articles [00:25<00:00,  4.00 articles/s, failed=3]",
    ]
    unknown = io.StringIO()
    progress = Progress(True, total=None, stream=unknown, every_seconds=10, clock=lambda: now[0])
    progress.skip()  # a record the crashed run committed: no time, not in the rate
    now[0] += 2
    progress.tick()
    progress.done()
    assert unknown.getvalue() == "2/2 articles [00:02<00:00,  0.50 articles/s, failed=0, resumed=1]\n"
    quiet = io.StringIO()
    progress = Progress(False, total=5, stream=quiet)
    progress.tick()
    progress.done()
    assert quiet.getvalue() == ""


def test_the_cli_writes_a_progress_line_to_a_log(tmp_path):
    proc = run_cli("extract", *map(str, SEEDS[:2]), "--out", str(tmp_path / "out"))
    assert proc.returncode == 0
    lines = proc.stderr.decode().splitlines()
    assert re.fullmatch(r"2/2 articles \[00:\d\d<00:00, +\d+\.\d\d articles/s, failed=0\]", lines[0]), lines
    assert lines[1].startswith("read 2 articles: 2 ok")
    quiet = run_cli("extract", *map(str, SEEDS[:2]), "--out", str(tmp_path / "out"), "--quiet")
    assert quiet.returncode == 0 and quiet.stderr == b""


# ---------------------------------------------------------------- evaluate and train

def test_evaluate_on_a_folder_without_tables_is_a_usage_error(tmp_path):
    (tmp_path / "empty").mkdir()
    proc = run_cli("evaluate", str(REPO / "corpus" / "gold.jsonl"), str(tmp_path / "empty"))
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == (f"union-metrics: error: no tables in {str(tmp_path / 'empty')!r}: it holds "
                                            f"no articles.parquet (run `union-metrics extract ... --out "
                                            f"{tmp_path / 'empty'}` first)")
    assert proc.stdout == b""


def test_train_does_not_overwrite_the_packaged_model_unless_told(tmp_path):
    from pipeline.metric_model import default_model_path

    before = default_model_path().read_bytes()
    proc = run_cli("train", "--folds", "0")
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == ("union-metrics: error: give --model PATH for the new model file, or "
                                            "--overwrite-packaged to replace the shipped model that every extract "
                                            "run uses")
    assert default_model_path().read_bytes() == before
    target = tmp_path / "model.json"
    proc = run_cli("train", "--folds", "0", "--model", str(target))
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(target.read_text(encoding="utf-8"))["features"]
    assert default_model_path().read_bytes() == before
