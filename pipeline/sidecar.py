"""Page metadata for inputs that carry none: url, title and published date of `.txt` articles.

A `.txt` file is only the article's text. A JSONL file of records
{"doc_id": ..., "url": ..., "title": ..., "published": ...} given with `--meta FILE`,
or named `meta.jsonl` inside an input folder, supplies the rest. A record's own
fields (from a JSONL/CSV dump) always win over the sidecar's.
"""
from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Iterable

from .records import RawRecord

SIDECAR_NAME = "meta.jsonl"
FIELDS = ("url", "title", "published")


class MetaError(ValueError):
    """A --meta file that cannot be read: bad usage, reported before the run starts."""


def sidecar_files(inputs: Iterable[str], explicit: Iterable[str] = ()) -> list[Path]:
    """The --meta files, then a meta.jsonl directly inside each input folder."""
    files = [Path(p) for p in explicit]
    for name in inputs:
        candidate = Path(name) / SIDECAR_NAME
        if os.path.isdir(name) and candidate.is_file():
            files.append(candidate)
    return files


def load_meta(files: Iterable[Path]) -> dict[str, dict[str, str]]:
    """doc_id → {url, title, published} (only the fields present); an earlier file wins."""
    meta: dict[str, dict[str, str]] = {}
    for path in files:
        try:
            with open(path, encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    if not line.strip():
                        continue
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise MetaError(f"{path}:{n}: not a JSON record ({exc.msg})") from None
                    key = row.get("doc_id", row.get("id")) if isinstance(row, dict) else None
                    if key is None:
                        raise MetaError(f"{path}:{n}: a metadata record needs a doc_id")
                    fields = {k: str(row[k]) for k in FIELDS if row.get(k) not in (None, "")}
                    meta.setdefault(str(key), fields)
        except OSError as exc:
            raise MetaError(f"cannot read --meta {path}: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise MetaError(f"{path} is not UTF-8 text") from None
    return meta


def with_meta(record: RawRecord, meta: dict[str, dict[str, str]]) -> RawRecord:
    """The record with the sidecar's fields filled in where the record has none."""
    fields = meta.get(record.doc_id)
    if not fields:
        return record
    missing = {k: v for k, v in fields.items() if getattr(record, k) is None}
    return replace(record, **missing) if missing else record
