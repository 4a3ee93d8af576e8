"""One input to read, a file or standard input: its stem, format, gzip, how to open it,
and the error row of an input that cannot be read.

A file's format comes from its extension (unknown extensions are read as .txt); it is
gzipped when named .gz or when its first bytes say so. Special files (special_files.py):
a FIFO named as input is read with a bounded wait; one found in a folder, a device, a
socket, a broken symlink or a symlink loop is one failed row, never opened; a file gone
when it is read is a failed row "file vanished before it was read". Standard input and a
FIFO without a known suffix are sniffed: HTML, JSON lines, else plain text (`stdin_format`).
"""
from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable

from .decoding import decode_bytes
from .html_text import looks_like_html
from .records import RawRecord
from .special_files import VANISHED, SpecialFileError, gunzip_bounded, is_fifo, not_regular_reason, read_fifo

FORMAT_OF_SUFFIX = {
    ".txt": "txt", ".html": "html", ".htm": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv",
}
SNIFF_BYTES = 1 << 16


@dataclass(frozen=True)
class InputFile:
    """One file (or stdin) to read: where it is, how to name its records, how to open it."""

    source: str  # the path as given, or "stdin"
    stem: str  # file name without .gz and format suffix: the base of doc_ids
    fmt: str
    open: Callable[[], BinaryIO]  # a fresh binary stream, gzip already decompressed
    gzipped: bool
    text_field: str | None = None  # the dump field holding the text (--text-field), else TEXT_KEYS
    named: bool = False  # named on the command line itself (not found in a folder or by a glob)
    problem: str | None = None  # why it is not read (special_files.py): its one row's error


def split_name(path: Path) -> tuple[str, str | None, bool]:
    """(stem, format or None, gzipped) from a file name: 'a.jsonl.gz' -> ('a', 'jsonl', True)."""
    name = path.name
    gzipped = name.lower().endswith(".gz")
    if gzipped:
        name = name[:-3]
    base, dot, suffix = name.rpartition(".")
    fmt = FORMAT_OF_SUFFIX.get(f".{suffix.lower()}") if dot else None
    return (base if fmt and base else name), fmt, gzipped


def has_gzip_magic(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(2) == b"\x1f\x8b"
    except OSError:
        return False


def file_input(path: Path, text_field: str | None = None, named: bool = False) -> InputFile:
    stem, fmt, gz_name = split_name(path)
    problem = not_regular_reason(path, named)
    if problem is None and is_fifo(path):
        return fifo_input(path, stem, fmt, text_field)
    if problem is not None:
        def refuse() -> BinaryIO:
            raise SpecialFileError(problem)

        return InputFile(source=os.path.abspath(path), stem=stem, fmt=fmt or "txt", open=refuse, gzipped=gz_name,
                         text_field=text_field, named=named, problem=problem)
    gzipped = gz_name or has_gzip_magic(path)
    opener = (lambda: gzip.open(path, "rb")) if gzipped else (lambda: open(path, "rb"))
    # the resolved path: the same input has the same `source` (and --resume key) however it
    # was typed ("big.jsonl", "./big.jsonl", "/abs/path/big.jsonl") and from any folder
    return InputFile(source=os.path.realpath(path), stem=stem, fmt=fmt or "txt", open=opener, gzipped=gzipped,
                     text_field=text_field, named=named)


def fifo_input(path: Path, stem: str, fmt: str | None, text_field: str | None) -> InputFile:
    """A FIFO named on the command line (`<(zcat d.jsonl.gz)`), read whole once with a bounded
    wait (special_files.read_fifo); without a known suffix its format is sniffed as stdin's is."""
    source = os.path.abspath(path)
    try:
        data = read_fifo(path)
    except OSError as exc:  # SpecialFileError (no data, too big) is one
        return InputFile(source=source, stem=stem, fmt=fmt or "txt", open=io.BytesIO, gzipped=False,
                         text_field=text_field, named=True, problem=read_error(exc, False))
    gzipped = data[:2] == b"\x1f\x8b"
    if gzipped:
        try:
            data = gunzip_bounded(data)
        except READ_ERRORS as exc:
            return InputFile(source=source, stem=stem, fmt=fmt or "txt", open=io.BytesIO, gzipped=True,
                             text_field=text_field, named=True, problem=read_error(exc, True))
    return InputFile(source=source, stem=stem, fmt=fmt or stdin_format(data), open=lambda: io.BytesIO(data),
                     gzipped=gzipped, text_field=text_field, named=True)


def read_error(exc: BaseException, gzipped: bool) -> str:
    if isinstance(exc, SpecialFileError):
        return str(exc)
    if isinstance(exc, FileNotFoundError):
        return VANISHED
    if gzipped and isinstance(exc, (gzip.BadGzipFile, EOFError, zlib.error)):
        return f"corrupt gzip: {exc}"
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read file: {exc.strerror}"
    return f"cannot read file: {type(exc).__name__}: {exc}"


READ_ERRORS = (OSError, EOFError, zlib.error)


def failed(inp: InputFile, error: str, position: int | None = None) -> RawRecord:
    doc_id = inp.stem if position is None else f"{inp.stem}:{position}"
    source = inp.source if position is None else f"{inp.source}:{position}"
    return RawRecord(doc_id=doc_id, source=source, text=None, error=error, fmt=inp.fmt)


def sniff(inp: InputFile) -> bytes:
    with inp.open() as f:
        return f.read(SNIFF_BYTES)


def stdin_format(data: bytes) -> str:
    """html, jsonl or txt from the first bytes of standard input."""
    sample = data[:SNIFF_BYTES].rsplit(b"\n", 1)[0] if len(data) > SNIFF_BYTES else data
    decoded = decode_bytes(sample)
    head = decoded[0].lstrip() if decoded else ""
    if head.startswith("<") and looks_like_html(head):
        return "html"
    if head.startswith("{"):
        try:
            return "jsonl" if isinstance(json.loads(head.splitlines()[0]), dict) else "txt"
        except ValueError:
            return "txt"
    return "txt"
