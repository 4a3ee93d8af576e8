"""Which files the command-line arguments name, in reading order, each file once.

  * a file: read whatever its extension (unknown extensions are read as .txt);
  * a folder: every file below it with a known extension (.txt .html .htm
    .jsonl .ndjson .json .csv, each optionally + .gz), hidden files and folders
    skipped, in sorted path order (deterministic); symlinked folders are followed once;
  * a glob (``*``, ``?``, ``[...]``, ``**``): its matches, filtered like a folder;
  * ``-``: standard input (ingest.read_stdin).
A path that does not exist, a glob that matches nothing and a folder with no
readable files are usage errors (`check_inputs` raises `UsageError`).
A file named twice (say by a folder and a glob) is read once.
"""
from __future__ import annotations

import glob
import os
import re
from pathlib import Path
from typing import Iterator, Sequence

from .input_files import FORMAT_OF_SUFFIX, split_name


class UsageError(Exception):
    """An input argument that names nothing readable (bad usage, exit 2)."""


GLOB_MAGIC = re.compile(r"[*?\[]")


def is_readable_candidate(path: Path) -> bool:
    """A folder or glob member worth reading: known extension, not hidden."""
    return not path.name.startswith(".") and split_name(path)[1] is not None


def walk_folder(folder: Path) -> Iterator[Path]:
    """Files below a folder with a known extension, hidden ones skipped, sorted path by path.
    Symlinked folders are followed, each real folder once (no loops); entries that are not
    regular files (FIFOs, broken symlinks, devices) are listed too: each gets a failed row
    (special_files.py) rather than vanishing without a word."""
    visited = {os.path.realpath(folder)}
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=True):
        kept = []
        for name in sorted(d for d in dirnames if not d.startswith(".")):
            real = os.path.realpath(os.path.join(dirpath, name))
            if real not in visited:  # a link back up the tree, or a second link to one folder
                visited.add(real)
                kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if is_readable_candidate(path):
                yield path


def expand_input(arg: str) -> Iterator[Path]:
    """Files named by one argument (not '-'): a file, a folder's files, or a glob's files."""
    path = Path(arg)
    if path.is_dir():
        yield from walk_folder(path)
    elif path.exists():
        yield path
    elif GLOB_MAGIC.search(arg):
        for match in sorted(glob.glob(arg, recursive=True)):
            m = Path(match)
            if m.is_dir():
                yield from walk_folder(m)
            elif is_readable_candidate(m):  # special files included: they get a failed row
                yield m


def check_inputs(inputs: Sequence[str]) -> None:
    """Raise UsageError for an argument that names no readable file."""
    for arg in inputs:
        if arg == "-":
            continue
        if next(expand_input(arg), None) is not None:
            continue
        path = Path(arg)
        if path.is_dir():
            known = " ".join(sorted(FORMAT_OF_SUFFIX))
            raise UsageError(f"folder {arg!r} holds no article files ({known}, optionally .gz)")
        if GLOB_MAGIC.search(arg) and not path.exists():
            raise UsageError(f"pattern {arg!r} matches no article files")
        raise UsageError(f"input {arg!r} does not exist")


def iter_input_files(inputs: Sequence[str]) -> Iterator[tuple[str | Path, bool]]:
    """(path or "-", named) for each input file in reading order, each file once; `named`:
    the argument is this very file (see read_dump)."""
    seen: set[str] = set()
    for arg in inputs:
        paths = [arg] if arg == "-" else expand_input(arg)
        for path in paths:
            key = "-" if path == "-" else os.path.realpath(path)
            if key in seen:
                continue
            seen.add(key)
            yield path, path != "-" and os.path.realpath(arg) == key
