"""Bounds on one record: the tunables of a batch run, in one place.

A million-article dump always holds a few pathological records (a whole site glued on one
line, megabytes of digits, a binary file named .txt). Each record is bounded in size and in
time so that none can stall a run or exhaust memory:

- `max_chars`: a longer text is cut at the last line break before the bound and processed;
  the article row says so in `error` (status stays `ok`: its rows are real, just partial).
- `seconds`: a record still running after this is stopped and reported `failed` with
  "timed out"; the run goes on with the next one. Enforced with a POSIX interval timer in
  the process's main thread (the CLI's own process and its worker processes), and by a
  watchdog thread that raises the time-out in the record's thread elsewhere (a Dask worker
  runs its tasks in threads). Both act between Python bytecodes, not inside one C call.
  Python discards an exception raised inside a garbage-collector callback or a `__del__`
  ("Exception ignored in ..."), so the time-out is raised again every `_REPEAT` seconds
  until it lands, and a block that still ends after its budget ran out raises it on exit:
  a record over its budget is always reported, never half-processed as `ok`.

Both can be changed per run (`union-metrics extract --max-chars N --record-seconds S`) or
through the environment (UNION_METRICS_MAX_CHARS, UNION_METRICS_RECORD_SECONDS).
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import threading
from dataclasses import dataclass

DEFAULT_MAX_CHARS = 200_000   # ~40x a long provincial report
DEFAULT_SECONDS = 20.0         # ~100x the time of a long report on one core


@dataclass(frozen=True)
class RecordLimits:
    max_chars: int = DEFAULT_MAX_CHARS
    seconds: float = DEFAULT_SECONDS

    @classmethod
    def from_env(cls) -> "RecordLimits":
        return cls(int(os.environ.get("UNION_METRICS_MAX_CHARS", DEFAULT_MAX_CHARS)),
                   float(os.environ.get("UNION_METRICS_RECORD_SECONDS", DEFAULT_SECONDS)))


class RecordTimeout(Exception):
    """Raised inside a record's processing when its time budget runs out."""


def truncate(text: str, max_chars: int) -> tuple[str, str | None]:
    """(text cut to at most max_chars at a line break where one is near, note or None)."""
    if len(text) <= max_chars:
        return text, None
    cut = text.rfind("\n", max_chars // 2, max_chars)
    cut = cut if cut > 0 else max_chars
    return text[:cut], f"truncated: the first {cut:,} of {len(text):,} characters were processed (limit {max_chars:,})"


_REPEAT = 0.05  # seconds between repeats of a time-out that was swallowed where it landed


@contextlib.contextmanager
def time_budget(seconds: float):
    """Raise RecordTimeout in the block after `seconds`."""
    if not (seconds and seconds > 0):
        yield
        return
    if not (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()):
        with _thread_time_budget(seconds):
            yield
        return
    fired = False

    def raise_timeout(signum, frame):
        nonlocal fired
        fired = True
        raise RecordTimeout()

    previous = signal.signal(signal.SIGALRM, raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if fired:  # every time-out was swallowed on its way (reached only without an exception)
        raise RecordTimeout()


def _set_async_exc(thread_id: int, exc_type) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exc_type) if exc_type else None)


@contextlib.contextmanager
def _thread_time_budget(seconds: float):
    """The budget for a block running outside the main thread (signals reach only the main
    thread): a timer thread schedules RecordTimeout in the block's thread, and a time-out
    scheduled but not yet raised when the block ends is withdrawn, so it never escapes later."""
    target = threading.get_ident()
    lock = threading.Lock()
    done = threading.Event()
    fired = False

    def fire() -> None:
        nonlocal fired
        if done.wait(seconds):
            return
        while True:
            with lock:
                if done.is_set():
                    return
                fired = True
                _set_async_exc(target, RecordTimeout)
            if done.wait(_REPEAT):
                return

    timer = threading.Thread(target=fire, daemon=True)
    timer.start()
    try:
        yield
    finally:
        with lock:
            done.set()
        if fired:
            _set_async_exc(target, None)
    if fired:
        raise RecordTimeout()
