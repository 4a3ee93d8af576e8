"""Progress of an extract run on stderr: records done of the total, rate, ETA, failures so far.

On a terminal, a live tqdm bar. In a log (stderr not a terminal), plain lines in the same
format, one every `every_seconds` (and at the end), so a log of a day-long run stays short
and each line stands on its own:

    1000/24000 articles [00:45<17:15, 22.20 articles/s, failed=3]

Without a known total (gzipped or CSV dumps, standard input) there is no ETA:

    1000 articles [00:45, 22.20 articles/s, failed=3]
"""
from __future__ import annotations

import sys
import time
from typing import Callable, TextIO

from tqdm import tqdm

LINE_FORMAT = "{n_fmt}/{total_fmt} articles [{elapsed}<{remaining}, {rate_noinv_fmt}{postfix}]"
LINE_FORMAT_NO_TOTAL = "{n_fmt} articles [{elapsed}, {rate_noinv_fmt}{postfix}]"
BAR_FORMAT = "{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_noinv_fmt}{postfix}]"
EVERY_SECONDS = 30.0


class Progress:
    def __init__(self, enabled: bool, total: int | None = None, stream: TextIO | None = None,
                 every_seconds: float = EVERY_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.enabled = enabled
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.n = 0
        self.failed = 0
        self.skipped = 0
        self.every_seconds = every_seconds
        self.clock = clock
        self.start = clock()
        self._last_line = self.start
        self.tty = enabled and self.stream.isatty()
        # the terminal bar; in a log, format_meter writes the same fields as plain lines
        self.bar = tqdm(total=total, unit=" articles", file=self.stream, dynamic_ncols=True, mininterval=0.5,
                        leave=False, bar_format=BAR_FORMAT if total else LINE_FORMAT_NO_TOTAL,
                        postfix=self._postfix()) if self.tty else None

    def _postfix(self) -> str:
        text = f"failed={self.failed}"
        return text + (f", resumed={self.skipped}" if self.skipped else "")

    def tick(self, failed: bool = False) -> None:
        """One record processed."""
        self.advance(1, int(failed))

    def skip(self) -> None:
        """One record already done by the crashed run (--resume): counts toward the total."""
        self.skipped += 1
        self.advance(1, 0)

    def advance(self, n: int, failed: int = 0) -> None:
        self.n += n
        self.failed += failed
        if not self.enabled:
            return
        if self.bar is not None:
            if failed or self.n % 50 == 0:
                self.bar.set_postfix_str(self._postfix(), refresh=False)
            self.bar.update(n)
            return
        now = self.clock()
        if now - self._last_line >= self.every_seconds:
            self._last_line = now
            self._print_line(now)

    def line(self, now: float | None = None) -> str:
        """The plain progress line at time `now`."""
        now = self.clock() if now is None else now
        total = self.total if self.total and self.total >= self.n else None  # a low estimate: no ETA
        # records skipped by --resume take no time: `initial` keeps them out of the rate and ETA
        return tqdm.format_meter(self.n, total, now - self.start, unit=" articles", postfix=self._postfix(),
                                 bar_format=LINE_FORMAT if total else LINE_FORMAT_NO_TOTAL, initial=self.skipped)

    def _print_line(self, now: float) -> None:
        print(self.line(now), file=self.stream, flush=True)

    def done(self) -> None:
        """End the bar, or write the last line in a log."""
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.close()
        elif self.n:
            self.total = self.n  # the last line says how many there were, not the estimate
            self._print_line(self.clock())
