"""Read article dumps into RawRecords. STUB: plain UTF-8 .txt files only."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Sequence

from .records import RawRecord


class UsageError(Exception):
    """An input argument that names nothing readable (bad usage, exit 2)."""


def iter_records(inputs: Sequence[str]) -> Iterator[RawRecord]:
    for arg in inputs:
        p = Path(arg)
        files = sorted(p.rglob("*.txt")) if p.is_dir() else [p]
        for f in files:
            yield RawRecord(doc_id=f.stem, source=str(f), text=f.read_text(encoding="utf-8"), encoding="utf-8")


def check_inputs(inputs: Sequence[str]) -> None:
    for arg in inputs:
        if arg != "-" and not Path(arg).exists():
            raise UsageError(f"input {arg!r} does not exist")
