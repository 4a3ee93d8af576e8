"""`union-metrics report`: one offline HTML page; figures from the bundled corpus's output
(corpus/ + eval/real/), targets beside achievements, hedged figures marked, the 2025 grouping,
and every figure's evidence rendered by displaCy."""
from __future__ import annotations

import re
from urllib.parse import quote

import lxml.html
import pytest

from analyst_output import bundled_output, bundled_report
from pipeline import report_data
from pipeline.cli import main
from pipeline.report_evidence import LABEL_DATE, LABEL_METRIC, LABEL_ORG, cell_key, render_spans, unpack


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return bundled_output(tmp_path_factory)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    path = bundled_report(tmp_path_factory)
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def tree(page):
    return lxml.html.fromstring(page)


@pytest.fixture(scope="module")
def data(out):
    con = report_data.connect(out)
    yield report_data.load(con)
    con.close()


@pytest.fixture(scope="module")
def evidence(tree):
    return unpack(tree.get_element_by_id("evidence-data").text)


def _row(frame, **where):
    for column, value in where.items():
        frame = frame[frame[column] == value]
    assert len(frame) == 1, where
    return frame.iloc[0]


def test_the_page_loads_nothing_from_the_network(tree, page):
    for element in tree.iter("script", "link", "img", "iframe", "source", "use", "image"):
        for attr in ("src", "href", "xlink:href"):
            assert not re.match(r"\s*(https?:)?//", element.get(attr) or ""), (element.tag, element.get(attr))
    assert not tree.xpath("//script[@src] | //link[@rel='stylesheet']")
    assert not re.search(r"""(src|href)\s*=\s*["']\s*(https?:)?//""", page)
    assert not re.search(r"@import|url\(\s*['\"]?https?:", page)
    assert "default-src 'none'" in tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]


def test_achieved_target_and_percent_side_by_side(data):
    # "kết nạp mới 35.575/30.600 đoàn viên" (real-o04, Hà Nội 2019): both figures, never added up
    hanoi = _row(data.by_year, province="Hà Nội", year=2019, indicator="members_new", unit="count")
    assert (hanoi.value_achieved, hanoi.value_target) == (35575, 30600)
    assert hanoi.percent == pytest.approx(116.258, abs=1e-3) and hanoi.percent_source == "computed"
    # "322 đoàn viên được kết nạp Đảng, đạt 110,7% chỉ tiêu" (seed-000): the article's own percent
    bac_kan = _row(data.by_year, province="Bắc Kạn", year=2022, indicator="party_admission", unit="count")
    assert bac_kan.value_achieved == 322 and bac_kan.percent == pytest.approx(110.7)
    assert bac_kan.percent_source == "reported"
    # "2178/1550 đạt 140% chỉ tiêu" (seed-004): target stated, but several achieved figures that year -> the
    # article's percent, not a quotient of two unrelated figures
    cao_bang = _row(data.by_year, province="Cao Bằng", year=2021, indicator="training", unit="count")
    assert cao_bang.value_target == 1550 and cao_bang.n_facts_achieved > 1
    assert cao_bang.percent == pytest.approx(140.0) and cao_bang.percent_source == "reported"


def test_table_cells_show_the_figures(tree):
    section = tree.get_element_by_id("ind-members_new")
    rows = section.xpath(".//div[@class='scope-p']//tr[td[1]='Hà Nội'][td[2]='2019']")
    assert len(rows) == 1
    cells = [td.text_content().strip() for td in rows[0].xpath("td")]
    assert cells == ["Hà Nội", "2019", "35.575", "30.600", "116,3% (tính)", ""]
    link = rows[0].xpath("td[3]/a")[0]
    assert link.get("href") == "#ev=" + quote(cell_key("p", "Hà Nội", 2019, "members_new", "count", "achieved"), safe="")


def test_hedged_figures_are_marked(tree, data):
    # "phát triển mới gần 27.700 đoàn viên" (Hải Phòng 2023)
    assert _row(data.by_year, province="Hải Phòng", year=2023, indicator="members_new", unit="count").hedged_achieved
    cell = tree.get_element_by_id("ind-members_new").xpath(
        ".//div[@class='scope-p']//tr[td[1]='Hải Phòng'][td[2]='2023']/td[3]/a")[0]
    assert "hedged" in cell.get("class") and cell.text_content() == "27.700"


def test_group_2025_adds_former_provinces_before_the_merger_only(data):
    grouped = report_data.group_2025(data.by_year)
    # Quảng Nam + Đà Nẵng -> Đà Nẵng: in 2021 two provinces, two figures, one sum
    da_nang = _row(grouped, province_2025="Đà Nẵng", year=2021, indicator="welfare", unit="count")
    parts = data.by_year[(data.by_year.province_2025 == "Đà Nẵng") & (data.by_year.year == 2021)
                         & (data.by_year.indicator == "welfare") & (data.by_year.unit == "count")]
    assert sorted(parts.province) == ["Quảng Nam", "Đà Nẵng"]
    assert da_nang.value_achieved == parts.value_achieved.sum() and da_nang.combined == "sum"
    # from 2025 on a figure of the new province may already include the old one: the larger, not a sum
    gia_lai = _row(grouped, province_2025="Gia Lai", year=2025, indicator="members_total", unit="count")
    parts = data.by_year[(data.by_year.province_2025 == "Gia Lai") & (data.by_year.year == 2025)
                         & (data.by_year.indicator == "members_total") & (data.by_year.unit == "count")]
    assert len(parts) == 2 and gia_lai.value_context == parts.value_context.max() and gia_lai.combined == "max"


def test_both_groupings_are_in_the_page_and_the_flag_picks_the_first_shown(tree, out, tmp_path):
    assert tree.xpath("//body/@class") == [""]
    assert tree.xpath("//section[@id='ind-members_new']//div[@class='scope-g']//td[1][.='Thái Nguyên']")
    grouped = tmp_path / "grouped.html"
    assert main(["report", str(out), "-o", str(grouped), "--group-2025", "--indicator", "members_new"]) == 0
    other = lxml.html.fromstring(grouped.read_text(encoding="utf-8"))
    assert other.xpath("//body/@class") == ["g25"]
    assert [s.get("id") for s in other.xpath("//section[@class='indicator']")] == ["ind-members_new"]


def test_charts_are_svg_with_vietnamese_labels_and_linked_bars(tree):
    charts = tree.xpath("//section[@id='ind-members_new']//div[@class='chart']/svg")
    assert len(charts) == 2  # by province, by 2025 province
    text = " ".join(charts[0].itertext())
    assert "Kết nạp đoàn viên mới: xếp hạng tỉnh, thành" in text and "Hải Phòng (2025)" in text
    links = [a.get("xlink:href") or a.get("href") for a in charts[0].iter("a")]  # HTML parser: literal name
    assert "#ev=" + quote(cell_key("p", "Hải Phòng", 2025, "members_new", "count", "achieved"), safe="") in links
    assert tree.xpath("//section[@id='directives']//svg") and "02-NQ/TW" in tree.get_element_by_id("directives").text_content()


def test_every_figure_has_its_sentences(tree, evidence):
    keys = {a.get("href")[4:] for a in tree.xpath("//a[starts-with(@href, '#ev=')]")}
    assert len(keys) > 300
    from urllib.parse import unquote
    for key in keys:
        facts = evidence["cells"][unquote(key)]
        assert facts and all(evidence["facts"][str(f)]["mentions"] for f in facts), key
    [fact] = evidence["cells"][cell_key("p", "Hà Nội", 2019, "members_new", "count", "achieved")]
    [mention] = evidence["facts"][str(fact)]["mentions"]
    assert mention[0] == "real-o04"
    html = evidence["html"][mention[3]]
    assert LABEL_METRIC in html and "35.575" in html and "đoàn viên" in html


def test_no_missing_value_is_printed(page):
    # what a reader sees: the page without its scripts (the evidence blob is base64, where
    # "/nan+" can occur by chance)
    shown = lxml.html.fromstring(page)
    for script in shown.xpath("//script"):
        script.drop_tree()
    text = shown.text_content()
    assert not re.search(r"\b(NaT|NaN|nan|None|<NA>)\b", text)
    row = shown.xpath("//section[@id='directives']//tr[td[1]='Luật Công đoàn']/td")
    assert [td.text_content() for td in row][3] == ""  # no issue date known


def test_directive_drill_down(evidence):
    mentions = evidence["directives"]["02-NQ/TW"]
    assert len({m[0] for m in mentions}) >= 5
    assert all("VĂN BẢN" in evidence["html"][m[3]] for m in mentions)


def test_render_spans_keeps_the_text_and_marks_each_span():
    sentence = "Năm 2022, LĐLĐ tỉnh kết nạp 1.600/1.550 đoàn viên."
    spans = [(sentence.index("1.600"), sentence.index("1.600") + 5, LABEL_METRIC),
             (0, 8, LABEL_DATE), (10, 19, LABEL_ORG)]
    html = render_spans(sentence, spans)
    plain = re.sub(r"\s+", " ", lxml.html.fromstring(html).text_content())
    for label in (LABEL_METRIC, LABEL_DATE, LABEL_ORG):
        assert plain.count(label) == 1
        plain = plain.replace(label, " ")
    # a span edge inside a word ("1.600/1.550") cuts the word into two tokens; every character is kept
    assert re.sub(r"\s+", "", plain) == re.sub(r"\s+", "", sentence)


def test_cli_errors_exit_2(tmp_path, capsys, out):
    assert main(["report", str(tmp_path / "missing"), "-o", str(tmp_path / "r.html")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["report", str(tmp_path), "-o", str(tmp_path / "r.html")]) == 2
    assert "no tables" in capsys.readouterr().err
    assert main(["report", str(out), "-o", str(tmp_path / "r.html"), "--indicator", "nope"]) == 2
    assert "unknown indicator" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()
