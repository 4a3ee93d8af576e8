"""Read article files, folders, globs, dumps and stdin into RawRecords.

Inputs
  * a file: read whatever its extension (unknown extensions are read as .txt);
  * a folder: every file below it with a known extension (.txt .html .htm
    .jsonl .ndjson .json .csv, each optionally + .gz), hidden files and folders
    skipped, in sorted path order (deterministic);
  * a glob (``*``, ``?``, ``[...]``, ``**``): its matches, filtered like a folder;
  * ``-``: standard input, one article (plain text or HTML; JSON lines are read
    as a dump), doc_id ``stdin``.
  A path that does not exist, a glob that matches nothing and a folder with no
  readable files are usage errors (`check_inputs` raises `UsageError`).
  A file named twice (say by a folder and a glob) is read once.

Formats (RawRecord.fmt)
  * ``txt``: one article per file, doc_id = file stem;
  * ``html``: one article per file, by html_text.py: main text by trafilatura
    (precision settings, layout tables unwrapped), else the text of <body>, else
    tags stripped (pages too deep to parse); its headline as title and first
    line; published from the page's markup;
  * ``jsonl`` (one record per line), ``json`` (a list of records, or one
    record), ``csv`` (header row): article dumps. A record's text is its first
    field among text/content/body/article (HTML markup in it is extracted as
    above), else its ``html`` field; id/doc_id, url/link, title and
    published/date/published_at/time are taken when present (keys matched
    case-insensitively). doc_id = the record's id, else ``STEM:N`` with N the
    1-based line for JSONL and the record number for JSON/CSV; source =
    ``PATH:N``. A single-object .json file is one article: doc_id = its id, else
    the stem.

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

Encodings (RawRecord.encoding)
  Byte-order marks first (utf-8-sig, utf-16, utf-32), then UTF-16 without a
  BOM (NUL bytes in every other position), strict UTF-8, an HTML page's
  declared charset, windows-1258 ("cp1258") when the result reads as
  Vietnamese, the VNI and TCVN3 font encodings ("vni-windows", "tcvn3":
  legacy_encodings.py), UTF-8 with a few bad bytes replaced, and
  charset_normalizer as a last resort. Text is NFC-normalised (cp1258 and some scrapers produce
  decomposed marks). Bytes that are no text (NULs, control characters) give a
  failed record "not valid text in any known encoding".

Special files (special_files.py): a FIFO named as input is read with a bounded
wait; one found in a folder, a device, a socket, a broken symlink or a symlink
loop is one failed row, never opened; symlinked folders are followed once; a
file gone when it is read is a failed row "file vanished before it was read".

Bad input never stops a run and nothing is dropped silently: an unreadable
file, a corrupt gzip or undecodable bytes become one record with text=None and
the reason in `error`; an empty file is a record with text "" (status empty).
Dumps are streamed (line by line, gzip decompressed on the fly); a .json list
is parsed one record at a time.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import glob
import gzip
import hashlib
import io
import itertools
import json
import os
import re
import sys
import unicodedata
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Sequence

from .html_text import extract_html, looks_like_html
from .legacy_encodings import legacy_vietnamese_encoding
from .records import RawRecord, without_surrogates
from .sidecar import SIDECAR_NAME
from .special_files import (VANISHED, SpecialFileError, gunzip_bounded, is_fifo, not_regular_reason, read_bounded,
                            read_fifo)


class UsageError(Exception):
    """An input argument that names nothing readable (bad usage, exit 2)."""


# ---------------------------------------------------------------- constants

FORMAT_OF_SUFFIX = {
    ".txt": "txt", ".html": "html", ".htm": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv",
}
DUMP_FORMATS = frozenset({"jsonl", "json", "csv"})
TEXT_KEYS = ("text", "content", "body", "article")
HTML_KEYS = ("html", "raw_html")
ID_KEYS = ("id", "doc_id")
URL_KEYS = ("url", "link")
TITLE_KEYS = ("title",)
PUBLISHED_KEYS = ("published", "date", "published_at", "time")

NOT_TEXT = "not valid text in any known encoding"
NO_TEXT_FIELD = "record has no text field"
SNIFF_BYTES = 1 << 16
JSON_CHUNK_CHARS = 1 << 20
JSON_MAX_RECORD_CHARS = 1 << 28  # one record bigger than this is no article

# a dump cell may hold a whole article; the default limit is 128 KB
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

GLOB_MAGIC = re.compile(r"[*?\[]")
META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
DMY_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")

# Vietnamese tone marks and vowel modifiers (NFD combining marks)
VIETNAMESE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")
TEXT_CONTROLS = frozenset("\t\n\r\f\v")


# ---------------------------------------------------------------- decoding

def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def is_vietnamese_letter(ch: str) -> bool:
    """A Latin letter carrying Vietnamese marks (ă â ê ô ơ ư đ and the tones)."""
    if ch in "đĐ":
        return True
    parts = unicodedata.normalize("NFD", ch)
    return len(parts) > 1 and parts[0].isascii() and parts[0].isalpha() and all(
        m in VIETNAMESE_MARKS for m in parts[1:])


def bad_char_count(text: str) -> int:
    """Characters no text file contains: controls, unassigned, surrogates, U+FFFD."""
    return sum(1 for ch in text if ch == "\ufffd" or (
        unicodedata.category(ch) in ("Cc", "Cs", "Cn") and ch not in TEXT_CONTROLS))


def looks_like_text(text: str) -> bool:
    return bad_char_count(text) <= len(text) // 200


def looks_vietnamese(text: str) -> bool:
    """Most non-ASCII characters are Vietnamese letters, and there are enough of them.

    Mojibake (UTF-8 read as a code page) fails this: it turns each Vietnamese
    letter into two or three symbols.
    """
    non_ascii = [ch for ch in text if not ch.isascii()]
    letters = sum(1 for ch in text if ch.isalpha())
    vietnamese = sum(1 for ch in non_ascii if is_vietnamese_letter(ch))
    return (bool(non_ascii) and vietnamese >= 0.8 * len(non_ascii)
            and vietnamese >= 0.05 * letters and looks_like_text(text))


BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: same start
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_encoding(head: bytes) -> str | None:
    return next((name for bom, name in BOMS if head.startswith(bom)), None)


def utf16_without_bom(head: bytes) -> str | None:
    """utf-16-le / utf-16-be when NUL bytes fill one byte parity (ASCII-range text)."""
    sample = head[: 4096 - 4096 % 2]
    half = max(len(sample) // 2, 1)
    even_nuls = sample[0::2].count(0) / half
    odd_nuls = sample[1::2].count(0) / half
    if odd_nuls >= 0.25 and even_nuls <= 0.05:
        return "utf-16-le"
    if even_nuls >= 0.25 and odd_nuls <= 0.05:
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The codec named by an HTML <meta charset>, if Python knows it."""
    m = META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def try_decode(data: bytes, encoding: str) -> str | None:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if looks_like_text(text) else None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str | None] | None:
    """(NFC text, encoding name) for a whole file's bytes, or None when they are no text."""
    if not data:
        return "", None
    bom = bom_encoding(data)
    if bom:
        text = try_decode(data, bom)
        return (nfc(text), bom) if text is not None else None
    if b"\x00" in data:  # text files hold no NUL bytes unless UTF-16/32
        utf16 = utf16_without_bom(data)
        text = try_decode(data, utf16) if utf16 else None
        return (nfc(text), utf16) if text is not None else None
    for encoding in ("utf-8", declared):
        text = try_decode(data, encoding) if encoding else None
        if text is not None:
            return nfc(text), encoding
    text = try_decode(data, "cp1258")
    if text is not None and looks_vietnamese(nfc(text)):
        return nfc(text), "cp1258"
    legacy = legacy_vietnamese_encoding(data, reads_as_vietnamese)
    text = try_decode(data, legacy) if legacy else None
    if text is not None:
        return nfc(text), legacy
    if mostly_utf8(data):  # a few broken bytes, as in a truncated or spliced scrape
        return nfc(data.decode("utf-8", errors="replace")), "utf-8"
    return guess_with_charset_normalizer(data)


def reads_as_vietnamese(text: str) -> bool:
    return looks_vietnamese(nfc(text))


def mostly_utf8(data: bytes) -> bool:
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    return broken <= max(4, len(lenient) // 200) and looks_like_text(lenient.replace("\ufffd", ""))


def guess_with_charset_normalizer(data: bytes) -> tuple[str, str] | None:
    """Last resort: slow, so only reached by bytes none of the usual codecs read."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    return (nfc(text), best.encoding) if looks_like_text(text) else None


def sniff_stream_encoding(head: bytes) -> str | None:
    """Codec for a streamed dump, chosen from its first bytes (may end mid-character)."""
    if not head:
        return "utf-8"
    bom = bom_encoding(head)
    if bom:
        return bom
    if b"\x00" in head:
        utf16 = utf16_without_bom(head)
        if utf16:
            return utf16
        head = head.replace(b"\x00", b"")  # a stray NUL in a UTF-8 dump: its own line fails, not the file
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        if looks_like_text(text):
            return "utf-8"
    except UnicodeDecodeError:
        pass
    text = try_decode(head, "cp1258")
    if text is not None and looks_vietnamese(nfc(text)):
        return "cp1258"
    legacy = legacy_vietnamese_encoding(head, reads_as_vietnamese)
    if legacy:
        return legacy
    if mostly_utf8(head):  # a few bad lines; they fail one by one
        return "utf-8"
    return None


# ---------------------------------------------------------------- input files

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


def is_readable_candidate(path: Path) -> bool:
    """A folder or glob member worth reading: known extension, not hidden."""
    return not path.name.startswith(".") and split_name(path)[1] is not None


def walk_folder(folder: Path) -> Iterator[Path]:
    """Files below a folder with a known extension, hidden ones skipped, sorted path by path.
    Symlinked folders are followed, each real folder once (no loops); entries that are not
    regular files (FIFOs, broken symlinks, devices) are listed too: each gets a failed row
    (special_files.py) rather than vanishing without a word."""
    visited = {os.path.realpath(folder)}
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=True):
        kept = []
        for name in sorted(d for d in dirnames if not d.startswith(".")):
            real = os.path.realpath(os.path.join(dirpath, name))
            if real not in visited:  # a link back up the tree, or a second link to one folder
                visited.add(real)
                kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if is_readable_candidate(path):
                yield path


def expand_input(arg: str) -> Iterator[Path]:
    """Files named by one argument (not '-'): a file, a folder's files, or a glob's files."""
    path = Path(arg)
    if path.is_dir():
        yield from walk_folder(path)
    elif path.exists():
        yield path
    elif GLOB_MAGIC.search(arg):
        for match in sorted(glob.glob(arg, recursive=True)):
            m = Path(match)
            if m.is_dir():
                yield from walk_folder(m)
            elif is_readable_candidate(m):  # special files included: they get a failed row
                yield m


def check_inputs(inputs: Sequence[str]) -> None:
    """Raise UsageError for an argument that names no readable file."""
    for arg in inputs:
        if arg == "-":
            continue
        if next(expand_input(arg), None) is not None:
            continue
        path = Path(arg)
        if path.is_dir():
            known = " ".join(sorted(FORMAT_OF_SUFFIX))
            raise UsageError(f"folder {arg!r} holds no article files ({known}, optionally .gz)")
        if GLOB_MAGIC.search(arg) and not path.exists():
            raise UsageError(f"pattern {arg!r} matches no article files")
        raise UsageError(f"input {arg!r} does not exist")


# ---------------------------------------------------------------- records

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


# -- dump records

@dataclass(frozen=True)
class DumpItem:
    """A parsed dump entry and what it is: an article, a record without text,
    an invalid entry (one bad line), or a fatal error that ends the file."""

    record: RawRecord
    kind: str  # article, no_text, invalid, fatal


def lower_keys(obj: dict) -> dict:
    return {str(k).strip().lower(): v for k, v in obj.items() if k is not None}


def first_value(fields: dict, keys: Sequence[str]):
    return next((fields[k] for k in keys if fields.get(k) not in (None, "")), None)


def as_text(value) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n\n".join(value)
    return None


def iso_published(value) -> str | None:
    """A record's date as ISO when recognisable (ISO, d/m/yyyy, epoch seconds), else as given."""
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value  # epoch milliseconds
        try:
            return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    m = DMY_DATE.match(text)  # Vietnamese dates are day-first
    if m:
        try:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        except ValueError:
            return text
    return text


def optional_str(value) -> str | None:
    return nfc(str(value).strip()) if value not in (None, "") and not isinstance(value, (dict, list)) else None


def dump_item(obj, inp: InputFile, position: int, encoding: str | None, single: bool = False) -> DumpItem:
    """One dump record (a parsed JSON object or CSV row) as a RawRecord."""
    label = {"jsonl": "JSONL line", "json": "JSON record", "csv": "CSV row"}[inp.fmt]
    doc_id, source = (inp.stem, inp.source) if single else (f"{inp.stem}:{position}", f"{inp.source}:{position}")
    if not isinstance(obj, dict):
        return DumpItem(RawRecord(doc_id=doc_id, source=source, text=None, encoding=encoding, fmt=inp.fmt,
                                  error=f"{label} {position}: not a JSON object"), "invalid")
    fields = lower_keys(obj)
    own_id = optional_str(first_value(fields, ID_KEYS))
    url = optional_str(first_value(fields, URL_KEYS))
    record = RawRecord(
        doc_id=own_id or doc_id, source=source, text=None, encoding=encoding, fmt=inp.fmt, url=url,
        title=optional_str(first_value(fields, TITLE_KEYS)),
        published=iso_published(first_value(fields, PUBLISHED_KEYS)),
    )
    keys = (inp.text_field.lower(),) if inp.text_field else TEXT_KEYS
    text = next((t for t in (as_text(fields.get(k)) for k in keys) if t is not None), None)
    html = None
    if text is None:
        html = next((t for t in (as_text(fields.get(k)) for k in HTML_KEYS) if t is not None), None)
    elif looks_like_html(text):
        html, text = text, None
    if html is not None:
        page = extract_html(html, url)
        record = replace(record, title=record.title or page.title, published=record.published or page.published,
                         error=page.note if page.text else "HTML has no main text")
        return DumpItem(replace(record, text=page.text), "article")
    if text is None:
        if inp.text_field:
            return DumpItem(replace(record, text="", error=f"{label} {position}: no field {inp.text_field!r}"), "no_text")
        return DumpItem(replace(record, text="", error=NO_TEXT_FIELD), "no_text")
    return DumpItem(replace(record, text=nfc(text)), "article")


def sniff(inp: InputFile) -> bytes:
    with inp.open() as f:
        return f.read(SNIFF_BYTES)


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


class JsonStreamError(ValueError):
    pass


def iter_json_values(chunks: Iterator[str]) -> Iterator[tuple[object, bool]]:
    """(value, is_top_level_single) for each element of a top-level JSON array, or the
    one top-level value; holds one element in memory at a time."""
    decoder = json.JSONDecoder()
    buf, pos, exhausted = "", 0, False

    def more() -> bool:
        nonlocal buf, pos, exhausted
        chunk = next(chunks, None)
        if chunk is None:
            exhausted = True
            return False
        buf, pos = buf[pos:] + chunk, 0
        return True

    def skip_space() -> str:
        """The next non-space character ('' at end of input), not consumed."""
        nonlocal pos
        while True:
            while pos < len(buf) and buf[pos] in " \t\r\n\ufeff":
                pos += 1
            if pos < len(buf) or not more():
                return buf[pos:pos + 1]

    def value():
        nonlocal pos
        while True:
            try:
                obj, end = decoder.raw_decode(buf, pos)
                if end < len(buf) or exhausted:  # a value ending at the buffer edge may go on
                    pos = end
                    return obj
            except ValueError as exc:
                if exhausted or len(buf) - pos > JSON_MAX_RECORD_CHARS:
                    raise JsonStreamError(str(exc)) from None
            more()

    first = skip_space()
    if first == "":
        return
    if first != "[":
        obj = value()
        if skip_space() != "":
            raise JsonStreamError(f"extra data after the top-level value at char {pos}")
        yield obj, True
        return
    pos += 1
    if skip_space() == "]":
        pos += 1
    else:
        while True:
            yield value(), False
            sep = skip_space()
            if sep == "]":
                pos += 1
                break
            if sep != ",":
                raise JsonStreamError(f"expected ',' or ']' but found {sep or 'end of file'!r}")
            pos += 1
            skip_space()
    if skip_space() != "":
        raise JsonStreamError("extra data after the top-level list")


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


def read_input(inp: InputFile) -> Iterator[RawRecord]:
    if inp.problem is not None:
        yield failed(inp, inp.problem)
    elif inp.fmt in DUMP_FORMATS:
        yield from read_dump(inp)
    else:
        yield read_single_article(inp)


# ---------------------------------------------------------------- stdin

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


# ---------------------------------------------------------------- entry point

def iter_input_files(inputs: Sequence[str]) -> Iterator[tuple[str | Path, bool]]:
    """(path or "-", named) for each input file in reading order, each file once; `named`:
    the argument is this very file (see read_dump)."""
    seen: set[str] = set()
    for arg in inputs:
        paths = [arg] if arg == "-" else expand_input(arg)
        for path in paths:
            key = "-" if path == "-" else os.path.realpath(path)
            if key in seen:
                continue
            seen.add(key)
            yield path, path != "-" and os.path.realpath(arg) == key


def iter_records(inputs: Sequence[str], text_field: str | None = None) -> Iterator[RawRecord]:
    """One RawRecord per input record, in argument order then sorted path order.

    Never raises for bad input; a file named twice is read once.
    """
    for path, named in iter_input_files(inputs):
        records = read_stdin() if path == "-" else read_input(file_input(path, text_field, named))
        for record in records:
            yield without_surrogates(record)


def doc_id_key(doc_id: str) -> int:
    """A doc_id as the 64-bit number duplicate detection compares."""
    return int.from_bytes(hashlib.blake2b(doc_id.encode("utf-8", "replace"), digest_size=8).digest(), "big")


def renamed_duplicate(record: RawRecord) -> RawRecord:
    """A record whose doc_id an earlier record took, as "ID~HASH" (HASH from its own source,
    so a rerun gives the same id), its `error` saying so."""
    suffix = hashlib.blake2b(record.source.encode("utf-8", "replace"), digest_size=3).hexdigest()
    note = f"doc_id {record.doc_id!r} was taken by an earlier record; renamed"
    return replace(record, doc_id=f"{record.doc_id}~{suffix}",
                   error=f"{record.error}; {note}" if record.error else note)


def unique_doc_ids(records: Iterable[RawRecord], renamed: list[int] | None = None) -> Iterator[RawRecord]:
    """Records whose doc_id an earlier record of the run already took ("dn-001" in two
    folders, 7 and "7" in two dumps) get "ID~HASH" (`renamed_duplicate`), so that no two
    articles share an id. Holds 8 bytes per record seen (a million records: ~70 MB as a set)."""
    seen: set[int] = set()
    for record in records:
        key = doc_id_key(record.doc_id)
        if key in seen:
            record = renamed_duplicate(record)
            if renamed is not None:
                renamed.append(1)
        seen.add(key)
        yield record
