"""Tests for pipeline.ingest: inputs, formats, encodings, bad input, doc_id/source rules."""
from __future__ import annotations

import codecs
import gzip
import io
import json
import sys
import unicodedata
import zlib
from pathlib import Path

import pytest

from pipeline.decoding import NOT_TEXT
from pipeline.dump_fields import NO_TEXT_FIELD
from pipeline.ingest import iter_records
from pipeline.input_paths import UsageError, check_inputs
from pipeline.json_stream import iter_json_values
from pipeline.records import RawRecord

SENTENCE = "Liên đoàn Lao động tỉnh Bắc Kạn kết nạp 856 đoàn viên"
ARTICLE = f"{SENTENCE}\n\nNăm 2023, toàn tỉnh có 12 công đoàn cơ sở được thành lập mới, đạt 120% chỉ tiêu."
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """Bytes as Windows writes Vietnamese in code page 1258: vowel letters (â ê ô ă ơ ư đ)
    precomposed, tone marks as separate combining characters."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = "".join(c for c in parts if c not in TONE_MARKS)
        tones = "".join(c for c in parts if c in TONE_MARKS)
        out.append(unicodedata.normalize("NFC", base) + tones)
    return "".join(out).encode("cp1258")


def write(path: Path, data: bytes | str, gz: bool = False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path.write_bytes(gzip.compress(raw) if gz else raw)
    return path


def read(*inputs) -> list[RawRecord]:
    return list(iter_records([str(i) for i in inputs]))


def jsonl(*records) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def csv_text(rows: list[list[str]]) -> str:
    import csv

    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue()


# ---------------------------------------------------------------- encodings

ENCODINGS = [
    # (case, how the text is written, detected encoding)
    ("utf-8", lambda t: t.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
    ("utf-8 decomposed (NFD)", lambda t: unicodedata.normalize("NFD", t).encode("utf-8"), "utf-8"),
    ("utf-16 LE with BOM", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16"),
    ("utf-16 BE with BOM", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
    ("utf-16 LE without BOM", lambda t: t.encode("utf-16-le"), "utf-16-le"),
    ("utf-16 BE without BOM", lambda t: t.encode("utf-16-be"), "utf-16-be"),
    ("utf-32 with BOM", lambda t: t.encode("utf-32"), "utf-32"),
    ("windows-1258", windows_1258, "cp1258"),
]
ENCODING_IDS = [c[0] for c in ENCODINGS]


@pytest.mark.parametrize("case, encode, encoding", ENCODINGS, ids=ENCODING_IDS)
def test_txt_encodings_decode_to_nfc_text(tmp_path, case, encode, encoding):
    [record] = read(write(tmp_path / "a.txt", encode(ARTICLE)))
    assert record.text == ARTICLE
    assert record.encoding == encoding
    assert record.error is None


def test_windows_1258_fixture_really_is_decomposed_and_not_utf8():
    data = windows_1258(SENTENCE)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert data.decode("cp1258") != SENTENCE  # combining tone marks until NFC
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == SENTENCE


@pytest.mark.parametrize("name", ["d.jsonl", "d.json", "d.csv"])
@pytest.mark.parametrize("case, encode, encoding", ENCODINGS, ids=ENCODING_IDS)
def test_dump_encodings_decode_to_nfc_text(tmp_path, case, encode, encoding, name):
    records = [{"id": "a1", "text": ARTICLE, "title": SENTENCE}, {"id": "a2", "text": SENTENCE, "title": ""}]
    dump = {"d.jsonl": jsonl(*records),
            "d.json": json.dumps(records, ensure_ascii=False),
            "d.csv": csv_text([list(records[0])] + [list(r.values()) for r in records])}[name]
    got = read(write(tmp_path / name, encode(dump)))
    assert [(r.doc_id, r.text, r.title, r.encoding) for r in got] == [
        ("a1", ARTICLE, SENTENCE, encoding), ("a2", SENTENCE, None, encoding)]


NOT_TEXT_BYTES = [
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
    ("binary with NULs", bytes((i * 37 + 11) % 256 for i in range(4096))),
    ("zlib stream", zlib.compress(ARTICLE.encode("utf-8") * 50)),
]


@pytest.mark.parametrize("case, data", NOT_TEXT_BYTES, ids=[c[0] for c in NOT_TEXT_BYTES])
def test_bytes_that_are_no_text_fail(tmp_path, case, data):
    [record] = read(write(tmp_path / "x.txt", data))
    assert (record.doc_id, record.text, record.error) == ("x", None, NOT_TEXT)


def test_utf8_with_one_broken_byte_stays_utf8(tmp_path):
    data = ARTICLE.encode("utf-8").replace("Lao".encode(), b"L\xffo", 1)
    [record] = read(write(tmp_path / "a.txt", data))
    assert record.encoding == "utf-8"
    assert record.text == ARTICLE.replace("Lao", "L\ufffdo", 1)


# ---------------------------------------------------------------- formats

HTML_PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Kết nạp đoàn viên - Báo Lao Động</title>
<meta property="og:title" content="Bắc Kạn kết nạp 856 đoàn viên">
<meta property="article:published_time" content="2023-04-03T10:15:00+07:00"></head>
<body><header><nav><a href="/">Trang chủ</a> <a href="/cd">Công đoàn</a></nav></header>
<article><p>{SENTENCE} trong quý I năm 2023.</p>
<p>Toàn tỉnh đã thành lập mới 12 công đoàn cơ sở, vượt 20% chỉ tiêu.</p></article>
<aside>Tin liên quan: Hội nghị tổng kết</aside><footer>Bản quyền © Báo Lao Động</footer>
<script>var tracking = 1;</script></body></html>"""
HTML_TEXT = (f"Bắc Kạn kết nạp 856 đoàn viên\n\n{SENTENCE} trong quý I năm 2023.\n\n"
             "Toàn tỉnh đã thành lập mới 12 công đoàn cơ sở, vượt 20% chỉ tiêu.")


# (file name, content, expected [(doc_id, source suffix, text, fmt, title, url, published)])
FORMATS = [
    ("dn-1.txt", ARTICLE, [("dn-1", "", ARTICLE, "txt", None, None, None)]),
    ("page.html", HTML_PAGE,
     [("page", "", HTML_TEXT, "html", "Bắc Kạn kết nạp 856 đoàn viên", None, "2023-04-03")]),
    ("page.htm", HTML_PAGE,
     [("page", "", HTML_TEXT, "html", "Bắc Kạn kết nạp 856 đoàn viên", None, "2023-04-03")]),
    ("dump.jsonl",
     jsonl({"id": "x-7", "text": ARTICLE, "url": "https://a.vn/1", "title": "T1", "published": "2023-04-03"},
           {"content": SENTENCE, "link": "https://a.vn/2", "date": "27/08/2022 05:27"},
           {"Body": SENTENCE, "published_at": 1680480000},
           {"doc_id": 42, "article": SENTENCE, "time": "2023-04-03T10:15:00+07:00"}),
     [("x-7", ":1", ARTICLE, "jsonl", "T1", "https://a.vn/1", "2023-04-03"),
      ("dump:2", ":2", SENTENCE, "jsonl", None, "https://a.vn/2", "2022-08-27"),
      ("dump:3", ":3", SENTENCE, "jsonl", None, None, "2023-04-03"),
      ("42", ":4", SENTENCE, "jsonl", None, None, "2023-04-03T10:15:00+07:00")]),
    ("dump.jsonl", "\n" + jsonl({"text": SENTENCE}) + "\n\n" + jsonl({"text": ARTICLE}),
     [("dump:2", ":2", SENTENCE, "jsonl", None, None, None),  # blank lines are no records
      ("dump:5", ":5", ARTICLE, "jsonl", None, None, None)]),
    ("dump.jsonl", jsonl({"html": HTML_PAGE, "url": "https://a.vn/p"}),
     [("dump:1", ":1", HTML_TEXT, "jsonl", "Bắc Kạn kết nạp 856 đoàn viên", "https://a.vn/p", "2023-04-03")]),
    ("dump.jsonl", jsonl({"content": HTML_PAGE, "title": "Own title"}),  # markup in a text field
     [("dump:1", ":1", HTML_TEXT, "jsonl", "Own title", None, "2023-04-03")]),
    ("list.json", json.dumps([{"text": ARTICLE, "title": "T"}, {"id": "b", "body": SENTENCE}], ensure_ascii=False),
     [("list:1", ":1", ARTICLE, "json", "T", None, None), ("b", ":2", SENTENCE, "json", None, None, None)]),
    ("one.json", json.dumps({"text": ARTICLE, "url": "https://a.vn/1"}),
     [("one", "", ARTICLE, "json", None, "https://a.vn/1", None)]),
    ("wrapped.json", json.dumps({"source": "crawler", "articles": [{"text": SENTENCE}, {"text": ARTICLE}]}),
     [("wrapped:1", ":1", SENTENCE, "json", None, None, None),
      ("wrapped:2", ":2", ARTICLE, "json", None, None, None)]),
    ("rows.csv", csv_text([["ID", "Title", "Text", "URL"], ["", "T1", ARTICLE, "https://a.vn/1"],
                           ["c-2", "", SENTENCE, ""]]),
     [("rows:1", ":1", ARTICLE, "csv", "T1", "https://a.vn/1", None),
      ("c-2", ":2", SENTENCE, "csv", None, None, None)]),
]


def summary(records: list[RawRecord], path: Path) -> list[tuple]:
    return [(r.doc_id, r.source[len(str(path)):], r.text, r.fmt, r.title, r.url, r.published) for r in records]


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("name, content, expected", FORMATS, ids=[f"{c[0]}-{i}" for i, c in enumerate(FORMATS)])
def test_formats(tmp_path, name, content, expected, gz):
    path = write(tmp_path / (name + (".gz" if gz else "")), content, gz=gz)
    records = read(path)
    assert summary(records, path) == expected
    assert all(r.error is None and r.encoding == "utf-8" for r in records)


def test_gzip_is_recognised_by_its_bytes_without_gz_suffix(tmp_path):
    [record] = read(write(tmp_path / "a.txt", ARTICLE, gz=True))
    assert (record.doc_id, record.text) == ("a", ARTICLE)


def test_explicit_file_with_unknown_extension_is_read_as_text(tmp_path):
    [record] = read(write(tmp_path / "note.md", ARTICLE))
    assert (record.doc_id, record.text, record.fmt) == ("note.md", ARTICLE, "txt")


def test_html_without_main_text_falls_back_to_body_text(tmp_path):
    page = "<html><body><nav>Trang chủ</nav><div>Chỉ một dòng: 856 đoàn viên.</div><script>x()</script></body></html>"
    [record] = read(write(tmp_path / "p.html", page))
    assert record.text == "Chỉ một dòng: 856 đoàn viên."


def test_html_declared_windows_1258_charset(tmp_path):
    page = f'<html><head><meta charset="windows-1258"><title>{SENTENCE}</title></head><body><p>{ARTICLE}</p></body></html>'
    [record] = read(write(tmp_path / "p.html", windows_1258(page)))
    assert (record.encoding, record.title) == ("cp1258", SENTENCE)
    assert SENTENCE in record.text


def test_csv_cell_larger_than_default_field_limit(tmp_path):
    long_text = (SENTENCE + ". ") * 5000  # ~300 KB, over csv's default 128 KB
    [record] = read(write(tmp_path / "big.csv", csv_text([["text"], [long_text]])))
    assert record.text == long_text


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 1 << 20])
def test_json_list_streams_across_chunk_boundaries(chunk):
    doc = json.dumps([{"text": ARTICLE, "n": 12345}, 678, "x", [1, 2], {"id": "b"}], ensure_ascii=False)
    chunks = (doc[i:i + chunk] for i in range(0, len(doc), chunk))
    assert list(iter_json_values(chunks)) == [
        ({"text": ARTICLE, "n": 12345}, False), (678, False), ("x", False), ([1, 2], False), ({"id": "b"}, False)]


# ---------------------------------------------------------------- stdin

class FakeStdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


STDIN_CASES = [
    ("text", ARTICLE.encode("utf-8"), [("stdin", "stdin", ARTICLE, "txt", "utf-8")]),
    ("windows-1258", windows_1258(ARTICLE), [("stdin", "stdin", ARTICLE, "txt", "cp1258")]),
    ("gzip text", gzip.compress(ARTICLE.encode("utf-16")), [("stdin", "stdin", ARTICLE, "txt", "utf-16")]),
    ("html", HTML_PAGE.encode("utf-8"), [("stdin", "stdin", HTML_TEXT, "html", "utf-8")]),
    ("jsonl", jsonl({"text": SENTENCE}, {"id": "k", "text": ARTICLE}).encode("utf-8"),
     [("stdin:1", "stdin:1", SENTENCE, "jsonl", "utf-8"), ("k", "stdin:2", ARTICLE, "jsonl", "utf-8")]),
    ("empty", b"", [("stdin", "stdin", "", "txt", None)]),
]


@pytest.mark.parametrize("case, data, expected", STDIN_CASES, ids=[c[0] for c in STDIN_CASES])
def test_stdin(monkeypatch, case, data, expected):
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    records = list(iter_records(["-"]))
    assert [(r.doc_id, r.source, r.text, r.fmt, r.encoding) for r in records] == expected


def test_stdin_corrupt_gzip_fails(monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(gzip.compress(ARTICLE.encode())[:40]))
    [record] = iter_records(["-"])
    assert (record.doc_id, record.text) == ("stdin", None)
    assert record.error.startswith("corrupt gzip: ")


# ---------------------------------------------------------------- folders and globs

@pytest.fixture
def tree(tmp_path) -> Path:
    for rel in ["b.txt", "a/z.txt", "a/b/c.html", "a-c.txt", "d/dump.jsonl.gz", "d/rows.csv",
                ".hidden.txt", ".git/x.txt", "a/notes.md", "a/image.png", "a/B.TXT"]:
        content = jsonl({"text": rel}) if "jsonl" in rel else (
            csv_text([["text"], [rel]]) if rel.endswith(".csv") else f"<p>{rel}</p><p>x</p>" if "html" in rel else rel)
        write(tmp_path / rel, content, gz=rel.endswith(".gz"))
    return tmp_path


def test_folder_is_read_recursively_in_sorted_order_skipping_hidden_and_unknown(tree):
    records = read(tree)
    assert [r.source[len(str(tree)) + 1:] for r in records] == [
        "a-c.txt", "b.txt", "a/B.TXT", "a/z.txt", "a/b/c.html", "d/dump.jsonl.gz:1", "d/rows.csv:1"]
    assert [r.doc_id for r in records] == ["a-c", "b", "B", "z", "c", "dump:1", "rows:1"]
    assert [r.text for r in records][:4] == ["a-c.txt", "b.txt", "a/B.TXT", "a/z.txt"]


GLOBS = [
    ("**/*.txt", ["a-c.txt", "a/z.txt", "b.txt"]),  # glob matches sorted as paths; case counts
    ("*.txt", ["a-c.txt", "b.txt"]),
    ("a/**/*.html", ["a/b/c.html"]),
    ("d/*", ["d/dump.jsonl.gz:1", "d/rows.csv:1"]),
    ("a", ["a/B.TXT", "a/z.txt", "a/b/c.html"]),
    ("a/*", ["a/B.TXT", "a/b/c.html", "a/z.txt"]),  # sorted matches; a matched folder is read whole
]


@pytest.mark.parametrize("pattern, expected", GLOBS)
def test_globs(tree, pattern, expected):
    records = read(str(tree / pattern))
    assert [r.source[len(str(tree)) + 1:] for r in records] == expected


def test_a_file_named_twice_is_read_once(tree):
    records = read(tree / "b.txt", tree / "*.txt", tree / "b.txt")
    assert [r.doc_id for r in records] == ["b", "a-c"]


USAGE_ERRORS = [
    ("missing.txt", "does not exist"),
    ("nope/*.jsonl", "matches no article files"),
    ("a/*.png", "matches no article files"),
    ("empty", "holds no article files"),
    ("only-unknown", "holds no article files"),
]


@pytest.mark.parametrize("arg, message", USAGE_ERRORS)
def test_check_inputs_usage_errors(tree, arg, message):
    (tree / "empty").mkdir()
    write(tree / "only-unknown" / "x.md", "x")
    with pytest.raises(UsageError, match=message):
        check_inputs(["-", str(tree / "b.txt"), str(tree / arg)])


@pytest.mark.parametrize("arg", ["-", "b.txt", ".", "**/*.csv", "a/notes.md"])
def test_check_inputs_accepts(tree, arg):
    check_inputs([arg if arg == "-" else str(tree / arg)])


# ---------------------------------------------------------------- bad input

def test_corrupt_gzip_is_one_failed_record(tmp_path):
    truncated = gzip.compress(jsonl(*[{"text": ARTICLE}] * 50).encode())[:60]
    not_gzip = b"this is not gzip data at all"
    records = read(write(tmp_path / "t.jsonl.gz", truncated), write(tmp_path / "n.txt.gz", not_gzip))
    assert [(r.doc_id, r.text, r.error.split(":")[0]) for r in records] == [
        ("t", None, "corrupt gzip"), ("n", None, "corrupt gzip")]


def test_gzip_corrupt_midway_keeps_earlier_records(tmp_path):
    data = gzip.compress(jsonl(*[{"text": f"{SENTENCE} {i}"} for i in range(3000)]).encode())
    records = read(write(tmp_path / "t.jsonl.gz", data[: len(data) // 2]))
    *good, last = records
    assert len(good) > 100 and [r.text for r in good] == [f"{SENTENCE} {i}" for i in range(len(good))]
    assert (last.doc_id, last.text) == (f"t:{len(good) + 1}", None)
    assert last.error.startswith("corrupt gzip: ")


def test_invalid_jsonl_line_is_failed_and_neighbours_come_through(tmp_path):
    lines = [json.dumps({"text": f"bài {i}"}, ensure_ascii=False) for i in range(1, 21)]
    lines[16] = '{"text": "bài 17", broken'
    records = read(write(tmp_path / "d.jsonl", "\n".join(lines) + "\n"))
    assert len(records) == 20
    assert [r.text for r in records[:16] + records[17:]] == [f"bài {i}" for i in range(1, 21) if i != 17]
    bad = records[16]
    assert (bad.doc_id, bad.source, bad.text) == ("d:17", f"{tmp_path / 'd.jsonl'}:17", None)
    assert bad.error.startswith("JSONL line 17: invalid JSON (")


def test_record_without_text_in_a_dump_is_empty_with_error(tmp_path):
    records = read(write(tmp_path / "d.jsonl", jsonl({"title": "no text yet"}, {"text": ARTICLE}, {"text": None})))
    assert [(r.doc_id, r.text, r.error, r.title) for r in records] == [
        ("d:1", "", NO_TEXT_FIELD, "no text yet"), ("d:2", ARTICLE, None, None), ("d:3", "", NO_TEXT_FIELD, None)]


NOT_DUMPS = [
    ("gold.jsonl", jsonl({"doc_id": "a", "province": "Bắc Kạn", "metrics": []}, {"doc_id": "b", "dates": []})),
    ("pages.jsonl", jsonl({"doc_id": "a", "url": "https://a.vn"}) + "not json\n"),
    ("meta.csv", csv_text([["doc_id", "url"], ["a", "https://a.vn"]])),
    ("meta.json", json.dumps([{"doc_id": "a", "url": "u"}])),
]


@pytest.mark.parametrize("name, content", NOT_DUMPS)
def test_dump_without_any_text_field_in_a_folder_is_skipped_with_one_warning(tmp_path, capsys, name, content):
    path = write(tmp_path / name, content)
    assert read(tmp_path) == []  # found in a folder (a gold or metadata file beside the articles)
    err = capsys.readouterr().err
    assert err.count("warning") == 1 and f"skipping {path}" in err and "not an article dump" in err


def test_a_folders_meta_jsonl_is_page_metadata_read_without_a_warning(tmp_path, capsys):
    write(tmp_path / "meta.jsonl", jsonl({"doc_id": "a", "url": "https://a.vn"}))
    assert read(tmp_path) == []
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("name, content", NOT_DUMPS)
def test_a_named_dump_without_any_text_field_fails_record_by_record(tmp_path, name, content):
    """A dump the user named is read: every record is accounted for, none silently dropped."""
    path = write(tmp_path / name, content)
    records = list(iter_records([str(path)]))
    assert records and all(r.text is None and r.error for r in records)
    assert any("no text field" in r.error and "--text-field" in r.error for r in records)


def test_text_field_names_the_column_to_read(tmp_path):
    path = write(tmp_path / "x.csv", csv_text([["id", "noidung"], ["1", ARTICLE]]))
    [record] = iter_records([str(path)], text_field="noidung")
    assert (record.doc_id, record.text, record.error) == ("1", ARTICLE, None)
    [missing] = iter_records([str(path)], text_field="body")
    assert missing.text is None and "no text field ('body')" in missing.error


def test_a_nul_byte_fails_its_own_line_only(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(jsonl({"id": "a", "text": ARTICLE}).encode() + b'{"id": "b", "text": "x\x00y"}\n'
                     + jsonl({"id": "c", "text": ARTICLE}).encode())
    records = list(iter_records([str(path)]))
    assert [(r.doc_id, r.text is not None) for r in records] == [("a", True), ("d:2", False), ("c", True)]
    assert "invalid JSON" in records[1].error


BAD_FILES = [
    # (file name, bytes, expected [(doc_id, text, error prefix)])
    ("e.txt", b"", [("e", "", None)]),
    ("e.html", b"", [("e", "", None)]),
    ("e.jsonl", b"", [("e", "", "dump holds no records")]),
    ("e.csv", b"text\n", [("e", "", "dump holds no records")]),
    ("e.json", b"[]", [("e", "", "dump holds no records")]),
    ("bin.jsonl", bytes(range(256)) * 4, [("bin", None, NOT_TEXT)]),
    ("garbage.jsonl", b"hello\nworld\n", [("garbage", None, "no valid record in 2 entries; first: JSONL line 1")]),
    ("bad.json", json.dumps([{"text": "a"}, {"text": "b"}])[:-8].encode(),
     [("bad:1", "a", None), ("bad:2", None, "JSON record 2: invalid JSON (")]),
    ("scalar.jsonl", jsonl({"text": "a"}, [1, 2]).encode(),
     [("scalar:1", "a", None), ("scalar:2", None, "JSONL line 2: not a JSON object")]),
    ("mixed.jsonl", jsonl({"text": "a"}).encode() + b'{"text": "\xff\xfe"}\n',
     [("mixed:1", "a", None), ("mixed:2", None, "JSONL line 2: not valid utf-8")]),
    ("nohtml.html", b"<html><body><script>x()</script></body></html>", [("nohtml", "", "HTML page has no main text")]),
]


@pytest.mark.parametrize("name, data, expected", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_files(tmp_path, name, data, expected):
    records = read(write(tmp_path / name, data))
    got = [(r.doc_id, r.text, r.error) for r in records]
    assert [(d, t) for d, t, _ in got] == [(d, t) for d, t, _ in expected]
    for (_, _, error), (_, _, prefix) in zip(got, expected):
        assert error == prefix if prefix is None else error.startswith(prefix)


def test_file_that_cannot_be_opened_fails_and_the_run_goes_on(tmp_path, monkeypatch):
    import builtins

    def deny_secret(path, *args, **kwargs):  # works as root too, unlike chmod
        if Path(path).name.startswith("secret"):
            raise PermissionError(13, "Permission denied", str(path))
        return builtins.open(path, *args, **kwargs)

    monkeypatch.setattr("pipeline.input_files.open", deny_secret, raising=False)
    write(tmp_path / "ok.txt", SENTENCE)
    write(tmp_path / "secret.txt", ARTICLE)
    write(tmp_path / "secret2.jsonl", jsonl({"text": ARTICLE}))
    records = read(tmp_path)
    assert [(r.doc_id, r.text, r.error) for r in records] == [
        ("ok", SENTENCE, None),
        ("secret", None, "cannot read file: Permission denied"),
        ("secret2", None, "cannot read file: Permission denied"),
    ]


def test_every_record_of_a_mixed_folder_yields_exactly_one_raw_record(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", bytes(range(256)))
    write(tmp_path / "c.jsonl", jsonl({"text": "x"}, {"text": "y"}) + "{oops\n")
    write(tmp_path / "d.txt.gz", b"\x1f\x8b garbage")
    write(tmp_path / "e.txt", b"")
    records = read(tmp_path)
    assert [(r.doc_id, r.text is None) for r in records] == [
        ("a", False), ("b", True), ("c:1", False), ("c:2", False), ("c:3", True), ("d", True), ("e", False)]


# ---------------------------------------------------------------- through the core

def test_failed_and_empty_records_get_their_status_in_the_core(tmp_path):
    from pipeline.core import process_record

    write(tmp_path / "bin.txt", bytes(range(256)))
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "d.jsonl", jsonl({"text": ARTICLE}, {"title": "chỉ có tiêu đề"}) + "{bad\n")
    write(tmp_path / "z.jsonl.gz", b"\x1f\x8b\x08\x00broken")
    rows = [process_record(r).article for r in read(tmp_path) if r.doc_id != "d:1"]
    assert [(a.doc_id, a.status, a.error) for a in rows] == [
        ("bin", "failed", NOT_TEXT),
        ("d:2", "empty", NO_TEXT_FIELD),
        ("d:3", "failed", rows[2].error),
        ("empty", "empty", "no article text after cleaning"),
        ("z", "failed", rows[4].error),
    ]
    assert rows[2].error.startswith("JSONL line 3: invalid JSON (")
    assert rows[4].error.startswith("corrupt gzip: ")
    assert rows[1].title == "chỉ có tiêu đề"
