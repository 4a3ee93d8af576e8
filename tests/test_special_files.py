"""Inputs that are not plain files, through the CLI: FIFOs, devices, symlinks, files that
vanish. Each gets exactly one `articles` row saying why; none hangs the run or exhausts memory."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline.special_files import VANISHED

REPO = Path(__file__).resolve().parent.parent
TEXT = "Năm 2023, Liên đoàn Lao động tỉnh Bắc Ninh kết nạp 4.215 đoàn viên mới."


def extract(*args: str, timeout: float = 120) -> tuple[subprocess.CompletedProcess, float]:
    env = {**os.environ, "UNION_METRICS_FIFO_SECONDS": "1"}
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", *args, "--quiet", "--jobs", "1"],
                          cwd=REPO, capture_output=True, timeout=timeout, env=env)
    return proc, time.monotonic() - started


def rows(out: Path) -> list[tuple[str, str, str | None]]:
    articles = pd.read_parquet(out / "articles.parquet").sort_values("doc_id")
    return [(d, s, None if pd.isna(e) else e) for d, s, e in zip(articles.doc_id, articles.status, articles.error)]


def test_special_entries_in_a_folder_each_get_a_failed_row(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")                              # nobody writes to it: must not hang
    (folder / "broken.txt").symlink_to(tmp_path / "gone.txt")   # target does not exist
    (folder / "sub" / "up").symlink_to(folder)                  # a loop back up the tree
    (folder / "again.txt").symlink_to(folder / "a.txt")         # a second name for a.txt: read once
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "b.txt").write_text(TEXT.replace("4.215", "12"), encoding="utf-8")
    (folder / "linked").symlink_to(outside)                     # a symlinked folder: followed once
    proc, seconds = extract(str(folder), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1, proc.stderr.decode()
    assert seconds < 60
    assert rows(tmp_path / "out") == [
        ("a", "ok", None),
        ("b", "ok", None),
        ("broken", "failed", "broken symlink: its target does not exist"),
        ("pipe", "failed", "not a regular file (FIFO found in a folder or by a glob): not read; "
                           "name it on the command line to read it"),
    ]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_character_device_named_as_input_is_one_failed_row(tmp_path, device):
    if not os.path.exists(device):
        pytest.skip(f"{device} missing")
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    proc, seconds = extract(device, str(good), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1, proc.stderr.decode()
    assert seconds < 60
    name = Path(device).name
    assert rows(tmp_path / "out") == sorted([("good", "ok", None),
                                             (name, "failed", "not a regular file (character device): not read")])


def test_a_named_fifo_without_a_writer_fails_after_the_wait(tmp_path):
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    proc, seconds = extract(str(fifo), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1, proc.stderr.decode()
    assert seconds < 60
    assert rows(tmp_path / "out") == [("feed", "failed", "FIFO: no data within 1 s (no writer?)")]


def test_a_named_fifo_with_a_writer_is_read_like_a_file(tmp_path):
    """`extract <(zcat dump.jsonl.gz)`: a pipe named on the command line, format sniffed."""
    dump = '{"id": "p1", "text": "' + TEXT + '"}\n{"id": "p2", "text": "' + TEXT + '"}\n'
    script = f'{sys.executable} -m pipeline extract <(printf %s "$DUMP") --out "$OUT" --quiet --jobs 1'
    env = {**os.environ, "DUMP": dump, "OUT": str(tmp_path / "out")}
    proc = subprocess.run(["bash", "-c", script], cwd=REPO, capture_output=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr.decode()
    assert rows(tmp_path / "out") == [("p1", "ok", None), ("p2", "ok", None)]


def test_a_file_deleted_between_listing_and_reading_is_a_failed_row(tmp_path, monkeypatch):
    """The CLI in this process, with the folder listing taken before one file is deleted."""
    from pipeline import cli, input_paths

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.jsonl"):
        (folder / name).write_text(TEXT if name.endswith(".txt") else '{"text": "x"}\n', encoding="utf-8")
    listed = input_paths.walk_folder
    first: list = []

    def list_then_delete(path):
        # every listing after the first (check_inputs') gives the first's paths, with two of
        # them deleted from the disk meanwhile: they were listed, then vanished before reading
        if not first:
            first.extend(listed(path))
        else:
            for name in ("b.txt", "c.jsonl"):
                (folder / name).unlink(missing_ok=True)
        return iter(list(first))

    monkeypatch.setattr(input_paths, "walk_folder", list_then_delete)
    code = cli.main(["extract", str(folder), "--out", str(tmp_path / "out"), "--quiet", "--jobs", "1"])
    assert code == 1
    assert rows(tmp_path / "out") == [("a", "ok", None), ("b", "failed", VANISHED), ("c", "failed", VANISHED)]


def test_a_file_bigger_than_the_article_bound_fails_without_reading_it_all(tmp_path, monkeypatch):
    from pipeline import special_files
    from pipeline.ingest import iter_records

    monkeypatch.setattr(special_files, "MAX_FILE_BYTES", 1000)
    (tmp_path / "big.txt").write_text("a " * 2000, encoding="utf-8")
    [record] = iter_records([str(tmp_path / "big.txt")])
    assert (record.text, record.error) == (None, "file larger than 1000 bytes: not one article (split it, or make it a dump)")


def test_endless_standard_input_is_one_failed_row(tmp_path):
    """`extract - < /dev/zero`: read up to the bound, then one failed row, no MemoryError."""
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", "-", "--out", str(tmp_path / "out"),
                               "--quiet", "--jobs", "1"], cwd=REPO, stdin=zero, capture_output=True, timeout=300)
    assert proc.returncode == 1, proc.stderr.decode()
    assert rows(tmp_path / "out") == [
        ("stdin", "failed", "standard input larger than 268435456 bytes: not one article (split it, or make it a dump)")]


def test_a_gzip_bomb_is_stopped_at_the_bound():
    import gzip

    from pipeline.special_files import SpecialFileError, gunzip_bounded

    bomb = gzip.compress(b"\0" * 100_000)
    assert gunzip_bounded(bomb, limit=100_000) == b"\0" * 100_000
    with pytest.raises(SpecialFileError, match="decompressed input larger than 99999 bytes"):
        gunzip_bounded(bomb, limit=99_999)
