"""Publishing a run's tables together, the run manifest, and whose folder OUT is.

A run builds everything it publishes in a staging folder inside OUT (`OUT/.parts/staging/`:
the merged `TABLE.parquet` files, `union.duckdb`, the `partitioned/` copies), then moves
each into place with os.replace (same filesystem: each move is atomic), `union.duckdb`
first, and writes `OUT/manifest.json` last (a temporary file, then os.replace). So:

- `union.duckdb` holds every table in one file: a reader of it sees one run, whole.
- The Parquet files are replaced one after another: a reader of several of them could
  catch the swap midway. Each file carries its run's id in its footer
  (`union_metrics.run_id`), and the manifest names the run and each file's size and
  sha256: the set is consistent when every file's footer id equals the manifest's run id
  (`check_published`, which `union-metrics query` and `evaluate` call before reading Parquet).
- The committed parts are removed only once the manifest is written: a run killed while
  publishing is finished by `--resume` (every record is already done; it publishes again).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import uuid
from pathlib import Path

from . import __version__

MANIFEST = "manifest.json"
PARTS = ".parts"
STAGING = "staging"  # inside .parts: removed with the parts once published
LOCK = ".union-metrics.lock"
DATABASE = "union.duckdb"
PARTITIONED = "partitioned"
TOOL = "union-metrics"


class NotOurFolder(Exception):
    """OUT holds files union-metrics did not write (the message says which and what to do)."""


class InconsistentOutput(Exception):
    """OUT's Parquet files are not one run's set (a publication in progress or interrupted)."""


def new_run_id() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def write_json_atomically(path: Path, data: dict) -> None:
    """`path` holds either its old content or all of `data`, never a part (temp file, fsync, os.replace)."""
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def read_manifest(path: Path) -> dict | None:
    """A manifest written by union-metrics, or None (missing, unreadable, or someone else's file)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("tool") == TOOL else None


def base_manifest(run_id: str, started: str, options: dict, inputs: list[dict]) -> dict:
    return {"tool": TOOL, "version": __version__, "run_id": run_id, "started": started, "finished_at": None,
            "finished": False, "options": options, "inputs": inputs}


# ---------------------------------------------------------------- whose folder

def check_ownership(out: Path, force: bool) -> None:
    """Raise NotOurFolder unless union-metrics may write into `out`. Files of other names
    (a log redirected into OUT, notes) are written beside and never touched. A file with
    one of our output names that our manifest does not account for would be replaced: that
    needs `force`. A `.parts/` or `partitioned/` folder we did not make is never removed
    (the run refuses, even with `force`)."""
    from .tables import TABLE_NAMES

    published = read_manifest(out / MANIFEST)
    in_flight = read_manifest(out / PARTS / MANIFEST)
    if (out / PARTS).exists() and in_flight is None:
        raise NotOurFolder(f"{out / PARTS} was not made by union-metrics; it is left alone: move it away or "
                           f"choose another --out")
    if (out / PARTITIONED).exists() and not (published and PARTITIONED in published.get("files", {})):
        raise NotOurFolder(f"{out / PARTITIONED} was not made by union-metrics; it is left alone: move it away or "
                           f"choose another --out")
    if published or in_flight or force:
        return
    ours = {f"{t}.parquet" for t in TABLE_NAMES} | {DATABASE, MANIFEST}
    taken = sorted(p.name for p in out.iterdir() if p.name in ours)
    if not taken:
        return
    shown = ", ".join(taken[:3]) + (f" and {len(taken) - 3} more" if len(taken) > 3 else "")
    raise NotOurFolder(f"--out {out} holds files union-metrics did not write ({shown}); "
                       f"choose another folder, or add --force to replace them")


# ---------------------------------------------------------------- publishing

def staging_dir(out: Path) -> Path:
    path = out / PARTS / STAGING
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def file_digest(path: Path) -> str:
    from .fingerprint import hash_file

    return hash_file(path)[1]


def describe_files(staged: Path, tables: tuple[str, ...]) -> dict[str, dict]:
    """{name: {size, sha256}} of the staged files; `partitioned` as a file count."""
    files = {}
    for name in [f"{t}.parquet" for t in tables] + [DATABASE]:
        path = staged / name
        files[name] = {"size": path.stat().st_size, "sha256": file_digest(path)}
    if (staged / PARTITIONED).is_dir():
        files[PARTITIONED] = {"files": sum(1 for p in (staged / PARTITIONED).rglob("*.parquet"))}
    return files


def publish(out: Path, staged: Path, manifest: dict, tables: tuple[str, ...]) -> None:
    """Move the staged files into OUT (union.duckdb first), replace or remove `partitioned/`,
    then write the manifest, then remove the parts. See the module docstring for what is atomic."""
    previous = read_manifest(out / MANIFEST)
    os.replace(staged / DATABASE, out / DATABASE)
    for table in tables:
        os.replace(staged / f"{table}.parquet", out / f"{table}.parquet")
    old_partitioned = out / PARTITIONED
    ours = previous is not None and PARTITIONED in previous.get("files", {})
    if (staged / PARTITIONED).is_dir():
        if old_partitioned.exists():  # ours (check_ownership refused a foreign one)
            shutil.rmtree(old_partitioned)
        os.replace(staged / PARTITIONED, old_partitioned)
    elif old_partitioned.exists() and ours:  # it held the previous run's rows
        shutil.rmtree(old_partitioned)
    write_json_atomically(out / MANIFEST, manifest)
    shutil.rmtree(out / PARTS, ignore_errors=True)


# ---------------------------------------------------------------- readers

def parquet_run_id(path: Path) -> str | None:
    import pyarrow.parquet as pq

    from .tables import RUN_ID_KEY

    metadata = pq.read_schema(path).metadata or {}
    value = metadata.get(RUN_ID_KEY)
    return value.decode() if value else None


def check_published(out: Path, tables: tuple[str, ...]) -> dict | None:
    """For a reader of OUT's Parquet files: the manifest of the run they all come from (None for
    a folder without one: files copied without it, or written by an older version or by hand).
    Raises InconsistentOutput when the files are not one published run's set. Reads only the
    manifest and each file's footer."""
    manifest = read_manifest(out / MANIFEST)
    found = [out / f"{t}.parquet" for t in tables if (out / f"{t}.parquet").is_file()]
    ids = {p.name: parquet_run_id(p) for p in found}
    if manifest is None:  # files copied without it, or an older version's: one run's set at least
        runs = set(ids.values())
        if len(runs) > 1:
            raise InconsistentOutput(f"{out} holds Parquet files of different runs ({', '.join(sorted(map(str, runs)))}) "
                                     f"and no {MANIFEST}: its publication was interrupted; rerun "
                                     f"`union-metrics extract ... --resume` into it")
        return None
    mixed = sorted(name for name, run in ids.items() if run != manifest.get("run_id"))
    if mixed:
        raise InconsistentOutput(f"{out} is being published, or its publication was interrupted: "
                                 f"{', '.join(mixed)} not from run {manifest.get('run_id')}; query union.duckdb, "
                                 f"wait for the run, or rerun it with --resume")
    return manifest


def verify_files(out: Path, manifest: dict) -> list[str]:
    """Names of the manifest's files whose size or sha256 differs on disk (a full check: hashes every file)."""
    bad = []
    for name, about in manifest.get("files", {}).items():
        path = out / name
        if "sha256" not in about:
            continue
        if not path.is_file() or path.stat().st_size != about["size"] or file_digest(path) != about["sha256"]:
            bad.append(name)
    return bad
