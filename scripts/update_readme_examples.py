#!/usr/bin/env python3
"""Rerun the `union-metrics query` examples of README.md (and docs/QUERIES.md) and write
their output under each command, so the shown output is what the code prints today.

An example is a block of this form; everything between the command's fence and the
closing marker is replaced by the command's standard output:

    <!-- example -->
    ```bash
    union-metrics query out/ "SELECT ..." --format markdown
    ```

    | ... output ... |
    <!-- /example -->

usage: scripts/update_readme_examples.py [--out DIR] [--check] [FILE...]
  --out DIR  the output folder the commands' `out/` stands for (default out/: run README's
             first command first, on the bundled corpus `corpus/ eval/real/`)
  --check    change nothing; exit 1 if a shown output differs from what the command prints
"""
from __future__ import annotations

import argparse
import re
import shlex
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FILES = [REPO / "README.md", REPO / "docs" / "QUERIES.md"]
BLOCK = re.compile(r"(?P<head><!-- example -->\n```bash\n(?P<command>.*?)\n```\n\n)(?P<output>.*?)(?P<tail><!-- /example -->)",
                   re.S)


def examples(text: str) -> list[re.Match]:
    return list(BLOCK.finditer(text))


def run(command: str, out_dir: Path) -> str:
    """The command's standard output, with `out/` standing for out_dir."""
    args = shlex.split(command.replace("\\\n", " "))
    if args[:2] != ["union-metrics", "query"]:
        raise ValueError(f"an example must be a `union-metrics query` command: {command!r}")
    args = [str(out_dir) if a in ("out/", "out") else a for a in args[1:]]
    proc = subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=REPO)
    if proc.returncode != 0:
        raise RuntimeError(f"{command!r} exited {proc.returncode}: {proc.stderr.strip()}")
    return proc.stdout


def refresh(text: str, out_dir: Path) -> str:
    """text with every example's output replaced by what its command prints now."""
    return BLOCK.sub(lambda m: m["head"] + run(m["command"], out_dir) + m["tail"], text)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, default=FILES, metavar="FILE")
    ap.add_argument("--out", type=Path, default=REPO / "out", metavar="DIR")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    if not (args.out / "union.duckdb").exists():
        print(f"{args.out} holds no union.duckdb: run `union-metrics extract corpus/ eval/real/ --out {args.out}` first",
              file=sys.stderr)
        return 2
    stale = []
    for path in args.files:
        text = path.read_text(encoding="utf-8")
        new = refresh(text, args.out)
        if new != text:
            stale.append(path)
            if not args.check:
                path.write_text(new, encoding="utf-8")
        print(f"{path.relative_to(REPO)}: {len(examples(text))} examples, "
              f"{'stale' if new != text and args.check else 'updated' if new != text else 'up to date'}")
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    raise SystemExit(main())
