"""Throughput and memory at scale, in one run, as ratios against a baseline measured in that run.

usage: .venv/bin/python bench/bench_scale.py [--sizes 1000,10000] [--rounds 3] [--workdir DIR] [--seed 1] [--no-dask]

Corpora come from bench/make_corpus.py (real paragraphs, ~4.9 KB articles, one JSONL
file per size). On the first size it times, in `--rounds` interleaved rounds (each figure the best of them):

- the baseline: underthesea `word_tokenize` over every line of every article, in this
  process, models loaded (what segmenting all the text costs; the project's yardstick);
- the whole CLI (`union-metrics extract`, start-up, merge and DuckDB included) with
  `--jobs 1`, with one job per core, and with `--engine dask` on a LocalCluster of one
  worker per core, and checks that the Dask tables equal the `--jobs 1` tables;
- the start-up cost of each engine (the whole CLI on a 2-article input: imports, models,
  workers, merge and DuckDB), and each rate again with that fixed cost taken out.

For every size it runs the CLI again with one job per core and samples, every 0.2 s, the
memory of the whole process tree: the largest single process's RSS (parent or worker)
and the total (sum of PSS, so pages the forked workers share are counted once). The
last lines project the wall time of 1,000,000 such articles on 16 cores.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("articles", "dates", "directives", "orgs", "metrics")


def make_corpus(n: int, path: Path, seed: int) -> Path:
    if not path.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(n), "--out", str(path),
                        "--seed", str(seed)], check=True)
    return path


class TreeMemory:
    """Peak memory of a process and all its descendants, sampled in a thread."""

    def __init__(self, pid: int, every: float = 0.2):
        self.root = psutil.Process(pid)
        self.every = every
        self.peak_total_pss = 0
        self.peak_process_rss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.root] + self.root.children(recursive=True)
            except psutil.Error:
                break
            total = 0
            for p in procs:
                try:
                    info = p.memory_full_info()
                except psutil.Error:
                    continue
                total += getattr(info, "pss", info.rss)
                self.peak_process_rss = max(self.peak_process_rss, info.rss)
            self.peak_total_pss = max(self.peak_total_pss, total)
            self._stop.wait(self.every)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def run_cli(inputs: Path, out: Path, *flags: str, memory: bool = False) -> dict:
    """Run `union-metrics extract`; return wall seconds and, with `memory`, peak memory (MB).
    Sampling costs CPU (reading /proc/PID/smaps), so timed runs are not sampled."""
    cmd = [sys.executable, "-m", "pipeline", "extract", str(inputs), "--out", str(out), "--quiet", *flags]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    sampler = TreeMemory(proc.pid) if memory else None
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    if sampler:
        sampler.stop()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench_scale: {' '.join(cmd)} failed ({proc.returncode}):\n{err}")
    if not sampler:
        return {"seconds": seconds}
    return {"seconds": seconds, "total_mb": sampler.peak_total_pss / 2**20,
            "process_mb": sampler.peak_process_rss / 2**20}


def word_tokenize_baseline(path: Path) -> tuple[int, float]:
    """(articles, seconds) for underthesea word_tokenize over every non-blank line of every article."""
    from underthesea import word_tokenize

    word_tokenize("Liên đoàn Lao động tỉnh kết nạp đoàn viên.")  # load the model outside the timing
    n, seconds = 0, 0.0
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            started = time.perf_counter()
            for text_line in text.splitlines():
                if text_line.strip():
                    word_tokenize(text_line)
            seconds += time.perf_counter() - started
            n += 1
    return n, seconds


def same_tables(a: Path, b: Path) -> bool:
    import pandas as pd

    for name in TABLES:
        x, y = (pd.read_parquet(d / f"{name}.parquet").astype(str) for d in (a, b))
        x, y = (t.sort_values(list(t.columns)).reset_index(drop=True) for t in (x, y))
        if not x.equals(y):
            return False
    return True


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes; speed is measured on the first")
    ap.add_argument("--workdir", default="/tmp/union-metrics-bench")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask engine")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved timing rounds; each figure is the best")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    work = Path(a.workdir)
    work.mkdir(parents=True, exist_ok=True)
    cores = os.cpu_count() or 1
    corpora = {n: make_corpus(n, work / f"corpus-{n}-seed{a.seed}.jsonl", a.seed) for n in sizes}
    tiny = make_corpus(2, work / f"corpus-2-seed{a.seed}.jsonl", a.seed)
    n = sizes[0]
    mb = corpora[n].stat().st_size / 1e6
    print(f"{time.strftime('%Y-%m-%d')}, {cores} cores; corpus of {n} articles ({mb:.1f} MB JSONL, "
          f"{mb * 1e3 / n:.1f} KB an article)")

    runs = {"1 worker (--jobs 1)": ("jobs1", ["--jobs", "1"]),
            f"{cores} workers (--jobs 0)": ("jobs0", ["--jobs", "0"])}
    if not a.no_dask:
        runs[f"Dask LocalCluster, {cores} workers"] = ("dask", ["--engine", "dask", "--jobs", "0"])
    # each round times the baseline and every engine once, interleaved, and each figure is the
    # best of the rounds: a shared machine's drift (often +-10% from minute to minute) then
    # shifts the baseline and the pipeline alike instead of one run's luck deciding a ratio
    base_seconds, seconds, startup = float("inf"), {}, {}
    for _ in range(a.rounds):
        base_seconds = min(base_seconds, word_tokenize_baseline(corpora[n])[1])
        for _, (key, flags) in runs.items():
            startup[key] = min(startup.get(key, float("inf")), run_cli(tiny, work / "out-tiny", *flags)["seconds"])
            seconds[key] = min(seconds.get(key, float("inf")),
                               run_cli(corpora[n], work / f"out-{key}-{n}", *flags)["seconds"])
    base = n / base_seconds
    rows = [("word_tokenize over every line (baseline)", base)]
    measured, steady, rss = {}, {}, {}
    for label, (key, _) in runs.items():
        measured[key] = n / seconds[key]
        steady[key] = n / max(seconds[key] - startup[key], 1e-9)
        rows.append((f"CLI, {label}", measured[key], steady[key]))
    print(f"best of {a.rounds} interleaved rounds")
    print(f"{'':<44} {'articles/s':>11} {'x baseline':>11}   {'without start-up (x baseline)':>30}")
    print(f"{rows[0][0]:<44} {base:>11.1f} {1:>11.2f}")
    for label, rate, rate_steady in rows[1:]:
        print(f"{label:<44} {rate:>11.1f} {rate / base:>11.2f}   {rate_steady:>20.1f} ({rate_steady / base:.2f})")
    print(f"{cores} workers / 1 worker: {measured['jobs0'] / measured['jobs1']:.2f}x "
          f"(without start-up: {steady['jobs0'] / steady['jobs1']:.2f}x)")
    if "dask" in measured:
        same = same_tables(work / f"out-jobs1-{n}", work / f"out-dask-{n}")
        print(f"Dask tables identical to --jobs 1 (rows sorted): {'yes' if same else 'NO'}")
    print("start-up (whole CLI on 2 articles, subtracted above): " + ", ".join(
        f"{key} {seconds:.1f} s" for key, seconds in startup.items()))

    for size in sizes:
        rss[size] = run_cli(corpora[size], work / f"out-rss-{size}", "--jobs", "0", memory=True)
    print(f"peak memory, whole CLI with {cores} workers (merge and DuckDB included):")
    for size in sizes:
        r = rss[size]
        print(f"  {size:>9} articles: total {r['total_mb']:.0f} MB (PSS, all processes), "
              f"largest process {r['process_mb']:.0f} MB RSS, {size / r['seconds']:.1f} articles/s")
    if len(sizes) > 1:
        first, last = rss[sizes[0]], rss[sizes[-1]]
        print(f"  {sizes[-1]} vs {sizes[0]}: total {last['total_mb'] / first['total_mb']:.2f}x, "
              f"largest process {last['process_mb'] / first['process_mb']:.2f}x")

    # a million-article run pays the start-up once: the steady rates are the ones that scale
    efficiency = min(steady["jobs0"] / (cores * steady["jobs1"]), 1.0)
    rate16 = steady["jobs1"] * 16 * efficiency
    print(f"projected: 1,000,000 articles on 16 cores at {steady['jobs1']:.1f} articles/s a core and "
          f"{efficiency:.0%} parallel efficiency (both as measured here, without start-up): "
          f"{1e6 / rate16 / 3600:.1f} h ({rate16:.0f} articles/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
