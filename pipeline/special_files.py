"""Inputs that are not plain regular files: FIFOs, devices, sockets, symlinks, vanished files.

Opening one of these the usual way can hang a run (a FIFO waits for a writer), exhaust memory
(`/dev/zero` never ends) or fail later with a misleading message. Each gets one row instead:

- a regular file (or a symlink to one, followed once): read as usual;
- a FIFO named on the command line (`extract <(zcat dump.jsonl.gz)`): read, with a bounded wait
  for each chunk (`FIFO_WAIT_SECONDS`) and a bounded size (`MAX_FILE_BYTES`), so a FIFO with
  no writer fails "no data" instead of hanging;
- a FIFO found in a folder or by a glob: not opened (it may belong to another program, and
  reading it would steal its data): a failed row saying so;
- a character or block device (`/dev/zero`, `/dev/sda`) or a socket: never opened, a failed row;
- a broken symlink or a symlink loop: a failed row;
- a file listed but gone when it is read: a failed row "file vanished before it was read".

`MAX_FILE_BYTES` also bounds a regular file read whole as one article (.txt, .html) and
standard input (`extract - < /dev/zero` fails instead of exhausting memory), before and after
gzip decompression.
"""
from __future__ import annotations

import errno
import os
import select
import stat
from pathlib import Path

FIFO_WAIT_SECONDS = 10.0  # UNION_METRICS_FIFO_SECONDS overrides
MAX_FILE_BYTES = 256 << 20  # one article file; dumps are streamed and bounded per record
READ_CHUNK = 1 << 16

VANISHED = "file vanished before it was read"


class SpecialFileError(OSError):
    """An input that is not read as a file; its message is the row's `error`."""

    def __str__(self) -> str:
        return self.args[0]


def not_regular_reason(path: Path, named: bool) -> str | None:
    """Why `path` is not read as a regular file (its row's error), or None when it is one
    (or is a FIFO named on the command line, read by `read_fifo`)."""
    try:
        mode = os.stat(path).st_mode  # follows symlinks
    except FileNotFoundError:
        return "broken symlink: its target does not exist" if os.path.islink(path) else VANISHED
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop: the link never reaches a file"
        return None  # other faults (permissions) surface when the file is opened
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        if named:
            return None
        return "not a regular file (FIFO found in a folder or by a glob): not read; name it on the command line to read it"
    kind = ("character device" if stat.S_ISCHR(mode) else "block device" if stat.S_ISBLK(mode)
            else "socket" if stat.S_ISSOCK(mode) else "directory" if stat.S_ISDIR(mode) else "special file")
    return f"not a regular file ({kind}): not read"


def is_fifo(path: Path) -> bool:
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except OSError:
        return False


def read_fifo(path: Path, wait: float | None = None, limit: int | None = None) -> bytes:
    """Everything written to a FIFO until its writer closes it. Raises SpecialFileError when
    no data comes for `wait` seconds (no writer, or a stalled one) or past `limit` bytes."""
    if wait is None:
        wait = float(os.environ.get("UNION_METRICS_FIFO_SECONDS", FIFO_WAIT_SECONDS))
    limit = MAX_FILE_BYTES if limit is None else limit
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a blocking open would wait for a writer forever
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            ready, _, _ = select.select([fd], [], [], wait)
            if not ready:
                what = "no data" if size == 0 else f"no more data after {size} bytes"
                raise SpecialFileError(f"FIFO: {what} within {wait:g} s (no writer?)")
            try:
                chunk = os.read(fd, READ_CHUNK)
            except BlockingIOError:
                continue
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > limit:
                raise SpecialFileError(f"FIFO: more than {limit} bytes: not one article or dump read whole")
            chunks.append(chunk)
    finally:
        os.close(fd)


def read_bounded(f, limit: int | None = None, what: str = "file") -> bytes:
    """A stream's bytes, failing past `limit` (default MAX_FILE_BYTES) rather than exhausting memory."""
    limit = MAX_FILE_BYTES if limit is None else limit
    data = f.read(limit + 1)
    if len(data) > limit:
        raise SpecialFileError(f"{what} larger than {limit} bytes: not one article (split it, or make it a dump)")
    return data


def gunzip_bounded(data: bytes, limit: int | None = None) -> bytes:
    """Gzip bytes held in memory (standard input, a FIFO) decompressed, failing past `limit`
    (a small gzip of zeros can unpack to gigabytes)."""
    import gzip
    import io

    with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
        return read_bounded(f, limit, "decompressed input")
