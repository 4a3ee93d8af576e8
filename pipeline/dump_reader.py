"""Article dumps: every record of a .jsonl/.ndjson, .json or .csv file, streamed.

  * ``jsonl``: one record per line; doc_id ``STEM:N`` with N the 1-based line;
  * ``json``: a list of records (or an object wrapping one), doc_id ``STEM:N`` with N
    the record number; a single-object .json file is one article: doc_id = its id,
    else the stem;
  * ``csv``: a header row, then one record per row; doc_id ``STEM:N`` with N the
    record number.
  A record's own id, text and other fields: dump_fields.py. Dumps are streamed (line by
  line, gzip decompressed on the fly); a .json list is parsed one record at a time
  (json_stream.py).

What is an article dump
  A dump file found in a folder or by a glob in which NO record has a text
  field is not an article dump (for example a gold or metadata JSONL next to
  the articles): it is skipped with one warning on stderr. A dump named on the
  command line is always read: without a text field each record is a
  ``failed`` row saying so (``--text-field NAME`` names the field to read;
  a NUL byte or a bad line fails that line only). In a real dump (at least one record has text), a
  record without text is an ``empty`` row with error "record has no text
  field", and a line that is not valid JSON is a ``failed`` row. Blank lines
  are not records. A file without a single valid record is one failed row.
"""
from __future__ import annotations

import csv
import io
import itertools
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from .decoding import NOT_TEXT, sniff_stream_encoding
from .dump_fields import HTML_KEYS, TEXT_KEYS, DumpItem, dump_item, lower_keys
from .input_files import READ_ERRORS, InputFile, failed, read_error, sniff
from .json_stream import JsonStreamError, iter_json_values
from .records import RawRecord
from .sidecar import SIDECAR_NAME

DUMP_FORMATS = frozenset({"jsonl", "json", "csv"})
JSON_CHUNK_CHARS = 1 << 20

# a dump cell may hold a whole article; the default limit is 128 KB
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def text_lines(inp: InputFile, encoding: str, first_line: int = 1, last_line: int | None = None,
               offset: int = 0) -> Iterator[tuple[int, str | None]]:
    """(1-based line number, decoded line or None if undecodable), streamed; only lines
    first_line..last_line when given (a shard of a big dump: `offset` is first_line's byte
    position in a plain file, where it is sought; a gzip stream is read up to it)."""
    if encoding.startswith(("utf-16", "utf-32")):  # newlines are not single bytes
        with inp.open() as f, io.TextIOWrapper(f, encoding=encoding, newline=None) as lines:
            yield from enumerate(lines, start=1)
        return
    with inp.open() as f:
        if offset:
            f.seek(offset)
        elif first_line > 1:
            try:
                for _ in itertools.islice(f, first_line - 1):
                    pass
            except READ_ERRORS:
                return  # the file breaks before this shard: the shard holding the break reports it
        for n, raw in enumerate(f, start=first_line):
            if last_line is not None and n > last_line:
                return
            codec = "utf-8" if (encoding == "utf-8-sig" and n > 1) else encoding
            try:
                yield n, raw.decode(codec)
            except UnicodeDecodeError:
                yield n, None


def parse_jsonl(inp: InputFile, encoding: str, first_line: int = 1, last_line: int | None = None,
                offset: int = 0) -> Iterator[DumpItem]:
    n = first_line - 1
    try:
        for n, line in text_lines(inp, encoding, first_line, last_line, offset):
            if line is None:
                yield DumpItem(failed(inp, f"JSONL line {n}: not valid {encoding}", n), "invalid")
                continue
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as exc:
                yield DumpItem(failed(inp, f"JSONL line {n}: invalid JSON ({exc})", n), "invalid")
                continue
            yield dump_item(obj, inp, n, encoding)
    except READ_ERRORS as exc:
        yield DumpItem(failed(inp, read_error(exc, inp.gzipped), n + 1), "fatal")
    except UnicodeDecodeError as exc:
        yield DumpItem(failed(inp, f"JSONL line {n + 1}: not valid {encoding} ({exc.reason})", n + 1), "fatal")


def text_chunks(inp: InputFile, encoding: str, size: int = JSON_CHUNK_CHARS) -> Iterator[str]:
    with inp.open() as f, io.TextIOWrapper(f, encoding=encoding) as text:
        while chunk := text.read(size):
            yield chunk


def wrapped_records(obj: dict) -> list | None:
    """The record list inside a wrapper object such as {"articles": [{...}, ...]}."""
    if any(k in lower_keys(obj) for k in TEXT_KEYS + HTML_KEYS):
        return None
    return next((v for v in obj.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)), None)


def parse_json(inp: InputFile, encoding: str) -> Iterator[DumpItem]:
    n = 0
    try:
        for obj, single in iter_json_values(text_chunks(inp, encoding)):
            inner = wrapped_records(obj) if single and isinstance(obj, dict) else None
            if inner is not None:
                for n, item in enumerate(inner, start=1):
                    yield dump_item(item, inp, n, encoding)
                continue
            n += 1
            yield dump_item(obj, inp, n, encoding, single=single)
    except JsonStreamError as exc:
        yield DumpItem(failed(inp, f"JSON record {n + 1}: invalid JSON ({exc})", n + 1), "fatal")
    except READ_ERRORS as exc:
        yield DumpItem(failed(inp, read_error(exc, inp.gzipped), n + 1), "fatal")
    except UnicodeDecodeError as exc:
        yield DumpItem(failed(inp, f"JSON record {n + 1}: not valid {encoding} ({exc.reason})", n + 1), "fatal")


def parse_csv(inp: InputFile, encoding: str) -> Iterator[DumpItem]:
    n = 0
    try:
        with inp.open() as f, io.TextIOWrapper(f, encoding=encoding, newline="") as text:
            reader = csv.DictReader(text)
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    n += 1
                    yield DumpItem(failed(inp, f"CSV row {n}: {exc}", n), "invalid")
                    continue
                n += 1
                yield dump_item(row, inp, n, encoding)
    except READ_ERRORS as exc:
        yield DumpItem(failed(inp, read_error(exc, inp.gzipped), n + 1), "fatal")
    except UnicodeDecodeError as exc:
        yield DumpItem(failed(inp, f"CSV row {n + 1}: not valid {encoding} ({exc.reason})", n + 1), "fatal")


DUMP_PARSERS = {"jsonl": parse_jsonl, "json": parse_json, "csv": parse_csv}


def warn(message: str) -> None:
    print(f"union-metrics: warning: {message}", file=sys.stderr)


def read_dump(inp: InputFile) -> Iterator[RawRecord]:
    """Every record of a dump file, or nothing (with a warning) if it is not an article dump.

    Entries before the first article are counted, not kept: if an article
    follows them the file is parsed again from the start, so memory stays
    bounded even for a huge file that turns out not to be a dump.
    """
    try:
        encoding = sniff_stream_encoding(sniff(inp))
    except READ_ERRORS as exc:
        yield failed(inp, read_error(exc, inp.gzipped))
        return
    if encoding is None:
        yield failed(inp, NOT_TEXT)
        return
    parse = DUMP_PARSERS[inp.fmt]
    items = parse(inp, encoding)
    seen = {"no_text": 0, "invalid": 0}
    first_invalid: RawRecord | None = None
    for item in items:
        if item.kind == "article":
            if sum(seen.values()) == 0:
                yield item.record
                yield from (i.record for i in items)
            else:
                items.close()
                yield from (i.record for i in parse(inp, encoding))
            return
        if item.kind == "fatal":  # entries before it are in doubt (maybe no dump): say how many
            before = sum(seen.values())
            note = f" (after {before} entries without text)" if before else ""
            yield replace(item.record, error=f"{item.record.error}{note}")
            return
        seen[item.kind] += 1
        first_invalid = first_invalid or (item.record if item.kind == "invalid" else None)
    if seen["no_text"] and (inp.named or inp.text_field):
        # a dump the user named, or told us how to read: its records are accounted for, failed
        wanted = repr(inp.text_field) if inp.text_field else "/".join(TEXT_KEYS + HTML_KEYS)
        for item in parse(inp, encoding):
            error = item.record.error
            if item.kind == "no_text":
                error = f"no text field ({wanted}); name the one to read with --text-field"
            yield replace(item.record, text=None, error=error)
    elif seen["no_text"] and Path(inp.source).name == SIDECAR_NAME:
        pass  # a folder's page metadata, read by sidecar.py: not an article dump, nothing to say
    elif seen["no_text"]:
        invalid = f", {seen['invalid']} invalid entries" if seen["invalid"] else ""
        warn(f"skipping {inp.source}: none of its {seen['no_text']} records has a text field "
             f"({'/'.join(TEXT_KEYS + HTML_KEYS)}){invalid}; not an article dump (name it as an input, "
             f"or use --text-field, to read it)")
    elif first_invalid is not None:
        yield failed(inp, f"no valid record in {seen['invalid']} entries; first: {first_invalid.error}")
    else:
        yield RawRecord(doc_id=inp.stem, source=inp.source, text="", error="dump holds no records", fmt=inp.fmt)

