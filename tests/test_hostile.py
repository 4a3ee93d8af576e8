"""A generated hostile corpus through the real CLI: every input record is accounted for in
`articles` (one row each), the good records' rows are the same as in a clean run, nothing
crashes or hangs, and the exit code says that some records failed."""
from __future__ import annotations

import codecs
import gzip
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pandas as pd

import pipeline.legacy_encodings  # noqa: F401  (registers the vni-windows and tcvn3 codecs)

REPO = Path(__file__).resolve().parent.parent
GOOD = "Năm 2023, Liên đoàn Lao động tỉnh Bắc Ninh kết nạp 4.215 đoàn viên mới, đạt 105,4% kế hoạch."


def good(i: int) -> str:
    return GOOD.replace("4.215", f"{4000 + i}")


def hostile_corpus(root: Path) -> tuple[int, list[str]]:
    """(number of input records, the names of the good article files) of a corpus of 43 kinds;
    `hostile/` holds files named one by one, `special/` a folder read as a whole."""
    h = root / "hostile"
    h.mkdir()
    records = 0

    def put(name: str, data: bytes | str, n: int = 1) -> None:
        nonlocal records
        path = h / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        records += n

    put("empty.txt", b"")                                             # 1 empty file
    put("blank.txt", "  \n\t\n")                                      # 2 whitespace only
    put("binary.txt", bytes(range(256)) * 20)                         # 3 binary bytes
    put("nul.txt", GOOD.encode() + b"\x00\x01\x02")                   # 4 NUL in a text file
    put("utf16.txt", GOOD.encode("utf-16"))                           # 5 UTF-16 with BOM
    put("cp1258.txt", "Năm 2023 kết nạp 50 đoàn viên công đoàn".encode("cp1258", "replace"))  # 6 legacy code page
    put("nfd.txt", unicodedata.normalize("NFD", good(1)))             # 7 decomposed marks
    put("bom.txt", codecs.BOM_UTF8 + good(2).encode())                # 8 UTF-8 BOM
    put("long_line.txt", (GOOD + " ") * 2000)                         # 9 over the size limit, one line
    put("digits.txt", ",".join(str(i) for i in range(5000)))          # 10 a line of numbers
    put("cues.txt", "Nghị quyết số " * 3000)                          # 11 a cue word repeated
    put("percent.txt", "110,7% " * 3000)                              # 12 percentages repeated
    put("furniture.txt", "Trang chủ | Tin tức | Liên hệ\nĐang truy cập: 75\n© 2024 Báo")  # 13 furniture only
    put("emoji.txt", "🎉" * 500 + "\u202e" + good(3))                  # 14 emoji and bidi control
    put("controls.txt", "\x07\x1b[31m" + good(4))                     # 15 control characters
    put("longword.txt", "a" * 50000)                                  # 16 one huge word
    put("dup_ids.jsonl", "".join(json.dumps({"id": "7", "text": good(i)}) + "\n" for i in (5, 6)), 2)  # 17 same id twice
    put("mixed.jsonl", json.dumps({"id": "m1", "text": good(7)}) + "\n{bad json\n"
        + '{"id": "m3", "text": "x\\udc80y ' + GOOD + '"}\n' + "[1, 2]\n", 4)   # 18-21 bad line, surrogate, non-object
    put("nul_line.jsonl", json.dumps({"id": "n1", "text": good(8)}).encode() + b"\n" + b'{"id": "n2", "text": "a\x00b"}\n', 2)  # 22 NUL in a line
    put("array.json", json.dumps([{"id": "a1", "text": good(9)}, {"id": "a2", "content": good(10)}]), 2)  # 23 a JSON array
    put("single.json", json.dumps({"title": "T", "text": good(11)}))  # 24 one JSON object
    put("other_column.csv", "id,noidung\n1,Năm 2022 kết nạp 5 đoàn viên\n")  # 25 no text column (named: fails)
    put("good.csv", 'id,text\nc1,"' + good(12) + '"\n', 1)            # 26 CSV with text
    put("ok.jsonl.gz", gzip.compress((json.dumps({"id": "g1", "text": good(13)}) + "\n").encode()))  # 27 gzip
    put("broken.jsonl.gz", gzip.compress(b'{"id": "g2", "text": "x"}\n' * 50)[:40])  # 28 truncated gzip
    put("page.html", f"<html><body><nav>Trang chủ</nav><article><p>{good(14)}</p></article></body></html>")  # 29 HTML
    put("deep.html", "<div>" * 3000 + good(15) + "</div>" * 3000)     # 30 deeply nested HTML
    put("notext.html", "<html><body><script>var x=1;</script></body></html>")  # 31 HTML with no text
    put("only_title.txt", "Kết nạp đoàn viên")                        # 32 one short line
    put("nbsp.txt", good(16).replace(" ", "\u00a0"))                  # 33 no-break spaces
    put("crlf.txt", (good(17) + "\r\n") * 3)                          # 34 CRLF lines
    put("vni.txt", good(18).encode("vni-windows"))                    # 35 VNI Windows font encoding
    put("tcvn3.txt", good(19).encode("tcvn3"))                        # 36 TCVN3 (.Vn fonts)
    put("deep10k.html", "<div>" * 10000 + good(20) + "</div>" * 10000)  # 37 nested beyond lxml's limit
    put("portal.html", (REPO / "tests/fixtures/html/table_portal.html").read_bytes())  # 38 table-layout portal
    os.mkfifo(h / "fifo.txt")                                         # 39 a FIFO nobody writes to
    records += 1
    special = root / "special"  # read as a folder: what a directory walk meets
    special.mkdir()
    os.mkfifo(special / "pipe.txt")                                   # 40 a FIFO found in a folder
    (special / "dangling.txt").symlink_to(root / "missing.txt")         # 41 a broken symlink
    (special / "loop").symlink_to(special)                            # 42 a symlink loop (no record)
    (special / "linked.txt").symlink_to(h / "crlf.txt")               # 43 a second name of a file (read once)
    records += 2
    goods = []
    for i in range(5):
        name = f"good-{i}.txt"
        (h / name).write_text(good(100 + i), encoding="utf-8")
        records += 1
        goods.append(name)
    return records, goods


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "UNION_METRICS_FIFO_SECONDS": "2"}
    return subprocess.run([sys.executable, "-m", "pipeline", "extract", *args, "--quiet"], cwd=REPO,
                          capture_output=True, timeout=600, env=env)


def test_hostile_corpus_loses_nothing_and_leaves_good_records_untouched(tmp_path):
    n_records, goods = hostile_corpus(tmp_path)
    files = sorted(p for p in (tmp_path / "hostile").iterdir())
    out = tmp_path / "out"
    proc = run(*map(str, files), str(tmp_path / "special"), "/dev/zero", "--out", str(out),
               "--max-chars", "50000", "--record-seconds", "30")
    n_records += 1  # /dev/zero
    assert proc.returncode == 1, proc.stderr.decode()  # some records failed, none crashed the run
    articles = pd.read_parquet(out / "articles.parquet")
    assert len(articles) == n_records  # every input record has exactly one row
    assert articles.doc_id.is_unique  # duplicate ids were made unique
    assert set(articles.status) <= {"ok", "empty", "failed"}
    assert articles[articles.status != "ok"].error.notna().all()  # every non-ok row says why
    by_id = articles.set_index("doc_id")
    assert by_id.loc["long_line", "error"].startswith("truncated:")
    assert by_id.loc["mixed:2", "status"] == "failed" and by_id.loc["mixed:4", "status"] == "failed"
    assert by_id.loc["n1", "status"] == "ok" and by_id.loc["nul_line:2", "status"] == "failed"
    assert by_id.loc["binary", "status"] == "failed" and by_id.loc["broken", "status"] == "failed"
    assert "--text-field" in by_id.loc["1", "error"]  # the CSV without a text column, named: failed, not skipped
    [renamed] = [i for i in by_id.index if i.startswith("7~")]  # the second record with id 7
    assert by_id.loc[renamed, "error"].startswith("doc_id '7' was taken")
    assert by_id.loc["notext", "status"] == "empty" and by_id.loc["furniture", "status"] == "empty"
    assert (by_id.loc["vni", "encoding"], by_id.loc["tcvn3", "encoding"]) == ("vni-windows", "tcvn3")
    assert by_id.loc["deep10k", "status"] == "ok" and by_id.loc["deep10k", "error"].startswith("HTML too deeply nested")
    assert by_id.loc["portal", "title"] == "Công đoàn tỉnh kết nạp 500 đoàn viên mới"
    assert by_id.loc["fifo", "error"] == "FIFO: no data within 2 s (no writer?)"
    assert by_id.loc["pipe", "error"].startswith("not a regular file (FIFO found in a folder")
    assert by_id.loc["dangling", "error"] == "broken symlink: its target does not exist"
    assert by_id.loc["zero", "error"] == "not a regular file (character device): not read"
    metrics = pd.read_parquet(out / "metrics.parquet")
    assert set(metrics.doc_id) <= set(articles.doc_id)
    # good records inside hostile dumps and files still give their figures
    assert {4005.0, 4006.0, 4007.0, 4008.0, 4009.0, 4012.0, 4013.0, 4014.0, 4018.0, 4019.0, 4020.0} <= set(metrics.value)
    assert not {75.0, 1234.0, 1234567.0} & set(metrics[metrics.doc_id == "portal"].value)  # counters are no metrics

    # the good records' rows equal those of a clean run over them alone
    clean = tmp_path / "clean"
    proc = run(*[str(tmp_path / "hostile" / g) for g in goods], "--out", str(clean))
    assert proc.returncode == 0, proc.stderr.decode()
    cols = ["doc_id", "char_start", "char_end", "text", "value", "unit", "indicator", "status", "period"]
    mine = metrics[metrics.doc_id.str.startswith("good-")][cols].sort_values(cols).reset_index(drop=True)
    theirs = pd.read_parquet(clean / "metrics.parquet")[cols].sort_values(cols).reset_index(drop=True)
    pd.testing.assert_frame_equal(mine, theirs)
