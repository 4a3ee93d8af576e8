"""Assemble a benchmark corpus of any size from real paragraphs of scraped union news.

usage: .venv/bin/python bench/make_corpus.py N --out FILE.jsonl[.gz] | --out FOLDER [--seed S]

Each article is built like a scraped provincial report (~4-5 KB): a real
headline as its first line, a few page-furniture lines (menus, counters,
image file names, captions) as real pages have, real paragraphs drawn from
`eval/real/*.txt` (mixed across articles, so numbers, names and documents are
real text but the combinations are new) and, at the end, a "Các tin khác"
block of other headlines. Output is written one article at a time, so N can
be millions without holding them in memory. The same N and seed give the
same bytes.

With --out ending in .jsonl or .jsonl.gz: one JSON record per line
({"id", "url", "text"}); otherwise a folder of N .txt files.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

REAL = Path(__file__).resolve().parent.parent / "eval" / "real"

# Lines real pages carry around an article (the cleaner drops or keeps them as it would on a real page).
FURNITURE_TOP = ["Trang chủ", "Tin tức", "Hoạt động công đoàn", "Đăng nhập", "Tìm kiếm", "Chia sẻ",
                 "Cỡ chữ", "Lượt xem: {n}", "{n} lượt xem", "Bản in", "Zalo", "Facebook"]
FURNITURE_MID = ["anh-{n}.jpg", "dsc-{n}.jpg", "0:00 / 0:00", "Ảnh minh họa",
                 "(Ảnh: {n})", "Nghe bài viết"]
FURNITURE_END = ["Các tin khác", "Tin liên quan", "Xem thêm"]
TARGET_BYTES = (3400, 4600)


def load_pool(folder: Path = REAL) -> tuple[list[str], list[str]]:
    """(headlines, paragraphs) from the real pages: a page's first line is its headline;
    a paragraph is a prose line of 120+ characters that ends a sentence."""
    titles, paragraphs = [], []
    for path in sorted(folder.glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        if not lines:
            continue
        if 20 <= len(lines[0]) <= 200:
            titles.append(lines[0])
        paragraphs += [ln for ln in lines[1:] if len(ln) >= 120 and ln[-1] in ".!?”\")"]
    if not titles or not paragraphs:
        raise SystemExit(f"make_corpus: no real pages found in {folder}")
    return titles, paragraphs


def article(rng: random.Random, titles: list[str], paragraphs: list[str]) -> str:
    """One article's text: headline, furniture, real paragraphs up to ~4-5 KB, related headlines."""
    lines = [rng.choice(titles)]
    lines += [rng.choice(FURNITURE_TOP).format(n=rng.randint(10, 9999)) for _ in range(rng.randint(1, 4))]
    target, size = rng.randint(*TARGET_BYTES), 0
    while size < target:
        paragraph = rng.choice(paragraphs)
        lines.append(paragraph)
        size += len(paragraph.encode("utf-8"))
        if rng.random() < 0.2:
            lines.append(rng.choice(FURNITURE_MID).format(n=rng.randint(1000, 9999)))
    lines.append(rng.choice(FURNITURE_END))
    lines += rng.sample(titles, 3)
    return "\n\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("--out", required=True, help="FILE.jsonl, FILE.jsonl.gz or a folder for .txt files")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    titles, paragraphs = load_pool()
    out = Path(a.out)
    if out.name.endswith((".jsonl", ".jsonl.gz")):
        out.parent.mkdir(parents=True, exist_ok=True)
        opener = gzip.open if out.name.endswith(".gz") else open
        # mtime=0: the same arguments give byte-identical gzip files
        with (gzip.GzipFile(out, "wb", mtime=0) if opener is gzip.open else open(out, "wb")) as f:
            for i in range(a.n):
                record = {"id": f"bench-{i:07d}", "url": f"https://example.invalid/bench/{i}",
                          "text": article(rng, titles, paragraphs)}
                f.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
    else:
        out.mkdir(parents=True, exist_ok=True)
        for i in range(a.n):
            (out / f"bench-{i:07d}.txt").write_text(article(rng, titles, paragraphs), encoding="utf-8")
    print(f"wrote {a.n} articles to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
