"""What a run read: each input file's resolved path, size and content hash.

`--resume` compares these with the ones recorded by the crashed run (in its in-flight
manifest): a file whose bytes changed since is redone, not skipped. The manifest of a
finished run lists them too. Files are hashed in fixed-size chunks (memory stays flat
however big a dump is); the same pass counts a plain JSONL dump's lines, which gives the
progress bar its total without a second read.
"""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Sequence

CHUNK = 1 << 20  # 1 MB: large enough for hashlib's speed, small enough to keep memory flat
STDIN = "stdin"  # the `source` of records read from standard input


@dataclass(frozen=True)
class InputFingerprint:
    path: str            # resolved path, as records' `source` spells it
    size: int            # bytes on disk
    sha256: str          # of the bytes on disk (a .gz file: of the compressed bytes)
    records: int | None  # records the file holds when cheap to know (an article file: 1; a plain JSONL dump: its non-blank lines), else None

    def to_json(self) -> dict:
        return asdict(self)


def hash_file(path: str | os.PathLike) -> tuple[int, str, int, bool]:
    """(size, sha256 hex, newline count, ends with a newline) of a file, read in chunks."""
    digest = hashlib.sha256()
    size = newlines = 0
    last = b"\n"
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            newlines += chunk.count(b"\n")
            last = chunk[-1:]
    return size, digest.hexdigest(), newlines, last == b"\n"


def _first_record_lacks_text(path: Path) -> bool:
    """A JSONL file found in a folder whose first record has no text field: most likely not an
    article dump (a gold file, a training set), which ingest skips whole."""
    import json

    from .dump_fields import HTML_KEYS, TEXT_KEYS

    try:
        with open(path, "rb") as f:
            first = next((line for line in f if line.strip()), b"")
        record = json.loads(first)
    except (OSError, ValueError):
        return False
    return isinstance(record, dict) and not any(k.lower() in TEXT_KEYS + HTML_KEYS for k in record)


def _record_count(path: Path, newlines: int, ends_with_newline: bool, size: int, named: bool,
                  text_field: str | None) -> int | None:
    from .input_files import split_name

    _, fmt, gzipped = split_name(path)
    if fmt in (None, "txt", "html"):
        return 1
    if fmt == "jsonl" and not gzipped:
        if not named and not text_field and _first_record_lacks_text(path):
            return 0  # for the total only: a low total just hides the ETA (progress.Progress.line)
        # lines, not records: blank lines are not records, but counting them would need a
        # second look at each line; a total that is a little high is still a fair ETA
        return newlines + (0 if ends_with_newline or size == 0 else 1)
    return None  # gzipped, JSON arrays, CSV (quoted fields span lines): unknown without parsing


def fingerprint_inputs(inputs: Sequence[str], text_field: str | None = None) -> list[InputFingerprint]:
    """One fingerprint per input file in reading order; standard input has none (it is read
    once, when processed). A file that cannot be read is listed with size -1: its records
    say why when it is processed."""
    from .input_paths import iter_input_files

    prints = []
    for path, named in iter_input_files(inputs):
        if path == "-":
            continue
        resolved = os.path.realpath(path)
        try:
            if not stat.S_ISREG(os.stat(resolved).st_mode):
                # a FIFO would block (or be consumed) and a device never ends: never hashed;
                # ingest gives such an input its own row (special_files.py)
                raise OSError("not a regular file")
            size, sha, newlines, ends = hash_file(resolved)
        except OSError:
            prints.append(InputFingerprint(resolved, -1, "", None))
            continue
        prints.append(InputFingerprint(resolved, size, sha, _record_count(Path(resolved), newlines, ends, size, named,
                                                                                  text_field)))
    return prints


def expected_records(prints: Sequence[InputFingerprint], reads_stdin: bool) -> int | None:
    """The number of records the run will read, when every input's count is known."""
    if reads_stdin or any(p.records is None for p in prints):
        return None
    return sum(p.records for p in prints)  # type: ignore[misc]


def source_file(source: str) -> str:
    """The input file a record's `source` points into: "/a/big.jsonl:17" -> "/a/big.jsonl"."""
    from .tables import resume_key

    key = resume_key(source)
    if os.path.exists(key):
        return key
    path, sep, line = key.rpartition(":")
    return path if sep and line.isdigit() else key


def stale_sources(recorded: Sequence[dict] | None, current: Sequence[InputFingerprint]) -> Callable[[str], bool] | None:
    """For --resume: a predicate telling whether a committed record (by its `source`) must be
    redone, because its file's content hash differs from the one the crashed run recorded,
    its file is no input of this run, or it came from standard input (which cannot be
    compared). None when the crashed run recorded no hashes (parts written by an older
    version or by TableWriter alone): records are then matched by resolved path only."""
    if recorded is None:
        return None
    before = {r["path"]: r["sha256"] for r in recorded}
    unchanged = {p.path for p in current if p.sha256 and before.get(p.path) == p.sha256}

    def stale(source: str) -> bool:
        return source_file(source) not in unchanged

    return stale
