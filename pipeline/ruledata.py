"""Load rule data (patterns, gazetteers, abbreviations, lexicons) from `rules/`.

The files live in the repository's `rules/` folder, installed as the
`pipeline.rules` package data. Each file is read once per process (cached);
callers compile what they need once, at import.
"""
from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


CHECKOUT_RULES = Path(__file__).resolve().parent.parent / "rules"


def read_text(name: str) -> str:
    """A rule file of the checkout this `pipeline` package was imported from, when it is a source
    checkout; else the installed package data. (An editable install maps pipeline.rules to the
    checkout it was installed from: a second git worktree sharing that venv would otherwise run
    its own code on another checkout's rules.)"""
    own = CHECKOUT_RULES / name
    if own.is_file():
        return own.read_text(encoding="utf-8")
    return resources.files("pipeline.rules").joinpath(name).read_text(encoding="utf-8")


# libyaml's loader where PyYAML was built with it (its wheels are): the same safe schema, 9x faster
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    return yaml.load(read_text(name), Loader=_YAML_LOADER)


@lru_cache(maxsize=None)
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a CSV (or TSV, by extension) rule table, as dicts; '#' lines are comments."""
    delimiter = "\t" if name.endswith(".tsv") else ","
    lines = [l for l in read_text(name).splitlines() if l.strip() and not l.lstrip().startswith("#")]
    return tuple(dict(r) for r in csv.DictReader(io.StringIO("\n".join(lines)), delimiter=delimiter))


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a plain list file."""
    return tuple(l.strip() for l in read_text(name).splitlines() if l.strip() and not l.lstrip().startswith("#"))
