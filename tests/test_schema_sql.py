"""The SQL-facing schema: period bounds, canonical issuers, page metadata, views and comments."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline.issuers import canonical_issuer
from pipeline.records import period_bounds
from pipeline.tables import SCHEMAS
from pipeline.views import VIEWS, column_docs

REPO = Path(__file__).resolve().parent.parent
D = dt.date


@pytest.mark.parametrize("period, bounds", [
    ("2022", (D(2022, 1, 1), D(2022, 12, 31))),
    ("2020/2022", (D(2020, 1, 1), D(2022, 12, 31))),
    ("2022-H1", (D(2022, 1, 1), D(2022, 6, 30))),
    ("2022-H2", (D(2022, 7, 1), D(2022, 12, 31))),
    ("2023-Q3", (D(2023, 7, 1), D(2023, 9, 30))),
    ("2024-02", (D(2024, 2, 1), D(2024, 2, 29))),
    ("2022-12", (D(2022, 12, 1), D(2022, 12, 31))),
    ("2021/2022-06", (D(2021, 1, 1), D(2022, 6, 30))),
    # not periods
    (None, (None, None)),
    ("", (None, None)),
    ("2022-13", (None, None)),
    ("2023/2020", (None, None)),
    ("năm 2022", (None, None)),
])
def test_period_bounds(period, bounds):
    assert period_bounds(period) == bounds


@pytest.mark.parametrize("written, province, canonical", [
    ("Bộ chính trị khóa XIII", None, "Bộ Chính trị"),
    ("Bộ Chính trị", None, "Bộ Chính trị"),
    ("Ban Chấp hành Trung ương Đảng khóa X", None, "Ban Chấp hành Trung ương"),
    ("Trung ương", None, "Ban Chấp hành Trung ương"),
    ("Đại hội XIII Công đoàn Việt Nam", None, "Đại hội Công đoàn Việt Nam lần thứ XIII"),
    ("Đại hội Công đoàn Việt Nam lần thứ XIII", None, "Đại hội Công đoàn Việt Nam lần thứ XIII"),
    ("Đại hội XIII của Đảng Cộng sản Việt Nam", None, "Đại hội Đảng toàn quốc lần thứ XIII"),
    ("Đại hội Đại biểu toàn quốc lần thứ XIII của Đảng", None, "Đại hội Đảng toàn quốc lần thứ XIII"),
    ("Ban Chấp hành Tổng Liên đoàn Lao động VN khóa IX", None, "Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam"),
    ("Ban Thường Vụ Liên đoàn Lao động tỉnh Bình Thuận", None, "Ban Thường vụ Liên đoàn Lao động tỉnh Bình Thuận"),
    ("Tỉnh ủy", "Cao Bằng", "Tỉnh ủy Cao Bằng"),
    ("Liên đoàn Lao động tỉnh", "Nghệ An", "Liên đoàn Lao động tỉnh Nghệ An"),
    ("Đại hội Công đoàn tỉnh lần thứ XIII", "Thanh Hóa", "Đại hội Công đoàn tỉnh Thanh Hóa lần thứ XIII"),
    ("Ủy ban nhân dân Thành phố", "Hà Nội", "Ủy ban nhân dân thành phố Hà Nội"),
    # a named place is kept; no province, no completion; nothing stays nothing
    ("Tỉnh ủy Cao Bằng", "Bắc Kạn", "Tỉnh ủy Cao Bằng"),
    ("Liên đoàn Lao động tỉnh", None, "Liên đoàn Lao động tỉnh"),
    ("Đại hội Đảng bộ tỉnh lần thứ XII", "Nghệ An", "Đại hội Đảng bộ tỉnh Nghệ An lần thứ XII"),
    (None, "Nghệ An", None),
])
def test_canonical_issuer(written, province, canonical):
    assert canonical_issuer(written, province) == canonical


def test_every_table_and_view_column_is_documented(bundled_out):
    docs = column_docs()
    con = duckdb.connect(str(bundled_out / "union.duckdb"), read_only=True)
    for name in list(SCHEMAS) + list(VIEWS) + ["province_crosswalk"]:
        rows = con.execute("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = ?", [name]).fetchall()
        assert rows, name
        undocumented = [c for c, comment in rows if not comment]
        assert not undocumented, (name, undocumented)
    sql_keywords = {r[0] for r in con.execute("SELECT keyword_name FROM duckdb_keywords() "
                                              "WHERE keyword_category = 'reserved'").fetchall()}
    for name in SCHEMAS:
        assert not set(SCHEMAS[name].names) & sql_keywords, name
    assert set(docs) >= set(SCHEMAS) | set(VIEWS)


@pytest.fixture(scope="module")
def bundled_out(tmp_path_factory):
    """The bundled corpus and the real evaluation pages (with their meta.jsonl) extracted once."""
    out = tmp_path_factory.mktemp("out")
    subprocess.run([sys.executable, "-m", "pipeline", "extract", str(REPO / "corpus"), str(REPO / "eval" / "real"),
                    "--out", str(out), "--quiet"], check=True, cwd=REPO)
    return out


def test_every_span_points_into_the_stored_body(bundled_out):
    con = duckdb.connect(str(bundled_out / "union.duckdb"), read_only=True)
    for table in ("dates", "directives", "orgs", "metrics"):
        bad = con.execute(f"""SELECT count(*) FROM {table} t JOIN bodies b USING (doc_id)
                              WHERE substr(b.body, t.char_start + 1, t.char_end - t.char_start) <> t.text""").fetchone()
        total = con.execute(f"SELECT count(*), count(DISTINCT doc_id) FROM {table}").fetchone()
        assert bad == (0,) and total[0] > 0, table
    assert con.execute("SELECT count(*) FROM articles a ANTI JOIN bodies b USING (doc_id) "
                       "WHERE a.status = 'ok'").fetchone() == (0,)


def test_a_folders_meta_jsonl_gives_txt_articles_their_url(bundled_out):
    con = duckdb.connect(str(bundled_out / "union.duckdb"), read_only=True)
    meta = {json.loads(l)["doc_id"]: json.loads(l)["url"] for l in open(REPO / "eval" / "real" / "meta.jsonl")}
    urls = dict(con.execute("SELECT doc_id, url FROM articles WHERE doc_id LIKE 'real-%'").fetchall())
    assert urls == meta


def test_metric_facts_count_a_repeated_figure_once(tmp_path):
    body = "Năm 2022, LĐLĐ tỉnh Bắc Kạn giới thiệu 322 đoàn viên được kết nạp Đảng."
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(body, encoding="utf-8")
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "pipeline", "extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                    "--out", str(out), "--quiet"], check=True, cwd=REPO)
    con = duckdb.connect(str(out / "union.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM metrics WHERE value = 322").fetchone() == (2,)
    assert con.execute("""SELECT province, indicator, status, period, period_start, period_end, n_articles, repeated
                          FROM metric_facts WHERE value = 322""").fetchall() == [
        ("Bắc Kạn", "party_admission", "achieved", "2022", D(2022, 1, 1), D(2022, 12, 31), 2, True)]
    assert con.execute("""SELECT province_2025, year, value, n_facts FROM metrics_by_province_year
                          WHERE indicator = 'party_admission'""").fetchall() == [("Thái Nguyên", 2022, 322.0, 1)]


def test_meta_option_attaches_page_fields_and_record_fields_win(tmp_path):
    (tmp_path / "a.txt").write_text("LĐLĐ tỉnh Bắc Kạn kết nạp 856 đoàn viên.", encoding="utf-8")
    meta = tmp_path / "pages.jsonl"
    meta.write_text(json.dumps({"doc_id": "a", "url": "https://example.vn/a", "published": "2023-04-03"}) + "\n",
                    encoding="utf-8")
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "pipeline", "extract", str(tmp_path / "a.txt"), "--meta", str(meta),
                    "--out", str(out), "--quiet"], check=True, cwd=REPO)
    con = duckdb.connect(str(out / "union.duckdb"), read_only=True)
    assert con.execute("SELECT url, published FROM articles").fetchall() == [("https://example.vn/a", D(2023, 4, 3))]


@pytest.mark.parametrize("content, message", [
    ("not json\n", "not a JSON record"),
    (json.dumps({"url": "https://example.vn"}) + "\n", "needs a doc_id"),
])
def test_a_bad_meta_file_is_a_usage_error(tmp_path, content, message):
    (tmp_path / "a.txt").write_text("LĐLĐ tỉnh Bắc Kạn kết nạp 856 đoàn viên.", encoding="utf-8")
    meta = tmp_path / "pages.jsonl"
    meta.write_text(content, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(tmp_path / "a.txt"), "--meta", str(meta),
                          "--out", str(tmp_path / "out")], capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 2 and message in run.stderr
    missing = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(tmp_path / "a.txt"), "--meta",
                              str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "out")],
                             capture_output=True, text=True, cwd=REPO)
    assert missing.returncode == 2 and "cannot read --meta" in missing.stderr
