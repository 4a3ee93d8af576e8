"""Read article files, folders, globs, dumps and stdin into RawRecords: `iter_records`.

Data flows one way through these modules:
  input_paths.py  which files the arguments name (files, folders, globs, ``-``), each once;
  input_files.py  one input: its stem, format, gzip, special files, how a failed read reads;
  decoding.py     bytes to NFC text: BOMs, UTF-8/16/32, cp1258, VNI, TCVN3, last resorts;
  dump_reader.py  article dumps (JSONL, JSON, CSV), streamed; what is an article dump;
  dump_fields.py  one dump record's fields as a RawRecord;
  json_stream.py  a JSON list read one element at a time;
  ingest.py       one article per .txt/.html file, standard input, and `iter_records`;
  doc_ids.py      doc_ids made unique within a run (`unique_doc_ids`, after ingest).

Formats (RawRecord.fmt)
  * ``txt``: one article per file, doc_id = file stem;
  * ``html``: one article per file, by html_text.py: main text by trafilatura
    (precision settings, layout tables unwrapped), else the text of <body>, else
    tags stripped (pages too deep to parse); its headline as title and first
    line; published from the page's markup;
  * ``jsonl``, ``json``, ``csv``: article dumps (dump_reader.py);
  * ``-``: standard input, one article (plain text or HTML; JSON lines are read
    as a dump), doc_id ``stdin``.

Bad input never stops a run and nothing is dropped silently: an unreadable
file, a corrupt gzip or undecodable bytes become one record with text=None and
the reason in `error`; an empty file is a record with text "" (status empty).
"""
from __future__ import annotations

import io
import sys
from dataclasses import replace
from typing import Iterator, Sequence

from .decoding import NOT_TEXT, declared_charset, decode_bytes
from .dump_reader import DUMP_FORMATS, read_dump
from .html_text import extract_html
from .input_files import READ_ERRORS, InputFile, failed, file_input, read_error, stdin_format
from .input_paths import iter_input_files
from .records import RawRecord, without_surrogates
from .special_files import gunzip_bounded, read_bounded


def read_all(inp: InputFile) -> bytes:
    with inp.open() as f:
        return read_bounded(f)


def read_single_article(inp: InputFile) -> RawRecord:
    """A .txt or .html file: one article."""
    try:
        data = read_all(inp)
    except READ_ERRORS as exc:
        return failed(inp, read_error(exc, inp.gzipped))
    declared = declared_charset(data) if inp.fmt == "html" else None
    decoded = decode_bytes(data, declared)
    if decoded is None:
        return failed(inp, NOT_TEXT)
    text, encoding = decoded
    record = RawRecord(doc_id=inp.stem, source=inp.source, text=text, encoding=encoding, fmt=inp.fmt)
    if inp.fmt != "html" or not text.strip():
        return record
    page = extract_html(text)
    return replace(record, text=page.text, title=page.title, published=page.published,
                   error=page.note if page.text else "HTML page has no main text")


def read_input(inp: InputFile) -> Iterator[RawRecord]:
    if inp.problem is not None:
        yield failed(inp, inp.problem)
    elif inp.fmt in DUMP_FORMATS:
        yield from read_dump(inp)
    else:
        yield read_single_article(inp)


def read_stdin() -> Iterator[RawRecord]:
    """Standard input, read once into memory: one article (text or HTML) or a JSONL dump."""
    inp = InputFile(source="stdin", stem="stdin", fmt="txt", open=io.BytesIO, gzipped=False)
    try:
        data = read_bounded(sys.stdin.buffer, what="standard input")
    except (OSError, ValueError) as exc:
        yield failed(inp, read_error(exc, False))
        return
    if data[:2] == b"\x1f\x8b":
        inp = replace(inp, gzipped=True)
        try:
            data = gunzip_bounded(data)
        except READ_ERRORS as exc:
            yield failed(inp, read_error(exc, True))
            return
    yield from read_input(replace(inp, fmt=stdin_format(data), open=lambda: io.BytesIO(data)))


def iter_records(inputs: Sequence[str], text_field: str | None = None) -> Iterator[RawRecord]:
    """One RawRecord per input record, in argument order then sorted path order.

    Never raises for bad input; a file named twice is read once.
    """
    for path, named in iter_input_files(inputs):
        records = read_stdin() if path == "-" else read_input(file_input(path, text_field, named))
        for record in records:
            yield without_surrogates(record)
