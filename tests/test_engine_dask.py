"""The Dask engine on a real LocalCluster of 2 worker processes, and on a scheduler and workers
started apart (`--scheduler ADDRESS`), gives the tables of `--jobs 1`."""
from __future__ import annotations

import gzip
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

pytest.importorskip("distributed")

REPO = Path(__file__).resolve().parent.parent
REAL = REPO / "eval" / "real"
TABLES = ("articles", "dates", "directives", "orgs", "metrics")


def extract(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "extract", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Real articles as files and in dumps big enough to be cut into shards, with the faults a
    real crawl has: duplicate ids within and across dumps and files, bad lines, a record
    without text, a truncated gzip dump, a JSONL file that is no article dump."""
    root = tmp_path_factory.mktemp("corpus")
    real = sorted(REAL.glob("real-*.txt"))
    for path in real[:8]:
        shutil.copy(path, root / path.name)
    (root / "again").mkdir()
    shutil.copy(real[0], root / "again" / real[0].name)  # the same file name in two folders
    texts = [p.read_text(encoding="utf-8") for p in real[8:20]]
    lines = [json.dumps({"id": f"r{i}", "text": t, "published": "2024-03-0%d" % (1 + i % 9)}, ensure_ascii=False)
             for i, t in enumerate(texts)]
    lines[3] = json.dumps({"id": "r1", "text": texts[3]}, ensure_ascii=False)      # duplicate id in the dump
    lines[5] = '{"id": "broken", "text": "unterminated'                              # invalid JSON line
    lines[7] = json.dumps({"id": "r7", "title": "no text here"})                       # no text field
    lines[9] = json.dumps({"id": real[1].stem, "text": texts[9]}, ensure_ascii=False)  # a .txt file's id
    (root / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # a second dump repeating ids of the first (a later crawl of the same site), gzipped
    with gzip.open(root / "later.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(lines[:6]) + "\n")
    # a gzip dump cut short (past the first 64 KB): its first lines are read, then one record
    # says "corrupt gzip"
    rng = random.Random(9)
    noise = ["{" + "".join(rng.choice("abcdefghij0123456789") for _ in range(3000)) for _ in range(40)]
    more = [json.dumps({"text": p.read_text(encoding="utf-8")}, ensure_ascii=False) for p in real[20:30]]
    data = gzip.compress(("\n".join(more[:5] + noise + more[5:]) + "\n").encode("utf-8"))
    (root / "cut.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    (root / "gold.jsonl").write_text(json.dumps({"doc_id": "x", "metrics": []}) + "\n", encoding="utf-8")
    return root


def sorted_tables(out: Path) -> dict[str, pd.DataFrame]:
    got = {}
    for name in TABLES:
        frame = pd.read_parquet(out / f"{name}.parquet").astype(str)
        got[name] = frame.sort_values(list(frame.columns)).reset_index(drop=True)
    return got


@pytest.fixture(scope="module")
def runs(corpus, tmp_path_factory):
    serial = tmp_path_factory.mktemp("serial")
    dask = tmp_path_factory.mktemp("dask")
    local = extract(str(corpus), "--out", str(serial), "--jobs", "1")
    # 3 records a partition: every dump is cut into line ranges, several shards per worker
    cluster = extract(str(corpus), "--out", str(dask), "--engine", "dask", "--jobs", "2", "--partition-size", "3")
    return local, serial, cluster, dask


def test_dask_engine_on_a_local_cluster_gives_the_tables_of_one_job(runs):
    local, serial, cluster, dask = runs
    assert local.returncode == cluster.returncode == 1, cluster.stderr  # the bad lines are failed rows
    want, got = sorted_tables(serial), sorted_tables(dask)
    for name in TABLES:
        assert len(got[name]) == len(want[name]), name
        pd.testing.assert_frame_equal(got[name], want[name], obj=name)
    articles = want["articles"]
    assert len(articles) > 8 + 1 + 12 + 6 + 5 + 20  # files, the repeated file, two dumps, part of the cut dump
    assert articles.doc_id.is_unique
    assert (articles.doc_id.str.contains("~")).sum() >= 8  # duplicates renamed the same way by both
    assert articles.error.str.contains("corrupt gzip").sum() == 1
    # the summary line counts the same records and renames
    assert local.stderr.splitlines()[-3].split(" in ")[0] == cluster.stderr.splitlines()[-3].split(" in ")[0]


def test_dask_output_has_the_same_duckdb_tables(runs):
    _, serial, _, dask = runs
    for out in (serial, dask):
        assert not (out / ".parts").exists()
    a = duckdb.connect(str(serial / "union.duckdb"), read_only=True)
    b = duckdb.connect(str(dask / "union.duckdb"), read_only=True)
    for name in TABLES + ("province_crosswalk",):
        assert a.execute(f"select count(*) from {name}").fetchone() == b.execute(f"select count(*) from {name}").fetchone()
    a.close()
    b.close()


def test_dask_output_is_published_with_a_manifest_as_the_local_engine_does(runs):
    from pipeline.publish import check_published, verify_files
    from pipeline.tables import TABLE_NAMES

    _, serial, _, dask = runs
    local, remote = check_published(serial, TABLE_NAMES), check_published(dask, TABLE_NAMES)
    for manifest, out in ((local, serial), (remote, dask)):
        assert manifest["finished"] is True and verify_files(out, manifest) == []
    assert remote["options"]["engine"] == "dask" and local["options"]["engine"] == "local"
    assert remote["counts"] == local["counts"] and remote["statuses"] == local["statuses"]
    assert remote["inputs"] == local["inputs"]


def test_without_dask_installed_the_engine_is_a_clear_usage_error(corpus, tmp_path):
    code = ("import sys; sys.modules['distributed'] = None; sys.modules['dask'] = None; "
            "from pipeline.cli import main; sys.exit(main(sys.argv[1:]))")
    proc = subprocess.run([sys.executable, "-c", code, "extract", str(corpus), "--out", str(tmp_path / "o"),
                           "--engine", "dask"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "pip install 'union-metrics[dask]'" in proc.stderr


def test_the_dask_engine_refuses_resume_stdin_and_pipes(corpus, tmp_path):
    proc = extract(str(corpus), "--out", str(tmp_path / "o"), "--engine", "dask", "--resume")
    assert proc.returncode == 2 and "local engine only" in proc.stderr
    proc = extract("-", "--out", str(tmp_path / "o2"), "--engine", "dask")
    assert proc.returncode == 2 and "not standard input" in proc.stderr
    os.mkfifo(tmp_path / "feed.jsonl")
    proc = extract(str(tmp_path / "feed.jsonl"), "--out", str(tmp_path / "o3"), "--engine", "dask")
    assert proc.returncode == 2 and "not pipes" in proc.stderr


@pytest.fixture
def external_cluster(tmp_path):
    """A scheduler and two single-threaded worker processes started apart from the run, as
    on a real cluster (`dask scheduler`, `dask worker ADDRESS`), on a free local port."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    procs = [subprocess.Popen([*dask, "--host", "127.0.0.1", "--port", str(port), "--dashboard-address", ":0"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    procs.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nworkers", "2",
                                   "--nthreads", "1", "--dashboard-address", ":0"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    try:
        from distributed import Client

        with Client(address, timeout=60) as client:  # wait until both workers are up
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
            p.wait(timeout=30)


def test_the_dask_engine_runs_on_an_existing_scheduler(external_cluster, tmp_path):
    out = tmp_path / "out"
    done = extract(str(REAL), "--out", str(out), "--engine", "dask", "--scheduler", external_cluster)
    assert done.returncode == 0, done.stderr
    by_one = tmp_path / "one"
    assert extract(str(REAL), "--out", str(by_one), "--jobs", "1").returncode == 0
    for name, frame in sorted_tables(out).items():
        pd.testing.assert_frame_equal(frame, sorted_tables(by_one)[name], check_dtype=False)
