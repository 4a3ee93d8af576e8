"""The report in a real browser: Debian's Chromium, headless, driven by Playwright (which downloads no
browser of its own here). Charts must render, a click on a figure must open its evidence with the
displaCy-highlighted span visible, the 2025 toggle must switch the tables, and nothing may be fetched."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from analyst_output import REPO, bundled_report

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# the README's picture; refreshed only on request, so that a test run leaves the work tree clean
SCREENSHOT_COPY = REPO / "notebooks" / "report_screenshot.png"
UPDATE_SCREENSHOT = os.environ.get("UNION_METRICS_UPDATE_SCREENSHOT") == "1"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian's chromium is not installed at /usr/bin/chromium (.ci/run installs it)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def test_report_renders_and_drills_down_to_evidence(browser, tmp_path_factory, tmp_path):
    report = bundled_report(tmp_path_factory)
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(report.as_uri(), wait_until="load")

    # charts: every visible ranking chart is an SVG that was laid out with real bars and text
    charts = page.locator("section.indicator .scope-p .chart svg")
    assert charts.count() >= 10
    first = charts.first
    box = first.bounding_box()
    assert box["width"] > 300 and box["height"] > 100
    assert first.locator("path").count() > 5 and "Hải Phòng (2025)" in first.text_content()

    # drill down from a table cell: Hà Nội 2019, new members
    row = page.locator("#ind-members_new .scope-p tr", has_text="Hà Nội").filter(has_text="2019")
    row.locator("td.num a").first.click()
    panel = page.locator("#evidence")
    page.wait_for_selector("#evidence[data-ready='1']")
    assert panel.is_visible()
    assert "Kết nạp đoàn viên mới · Hà Nội · 2019 · đạt được" in panel.locator("h3").text_content()
    assert "real-o04" in panel.text_content()
    highlighted = panel.locator(".spans span", has_text="SỐ LIỆU").first
    assert highlighted.is_visible()
    assert panel.locator(".spans", has_text="35.575").first.is_visible()
    page.screenshot(path=str(tmp_path / "report_evidence.png"))

    # drill down from a chart bar (an SVG link)
    page.click("#evidence-close")
    assert not panel.is_visible()
    page.evaluate("document.getElementById('evidence').dataset.ready = ''")
    first.locator("a").first.click()
    page.wait_for_selector("#evidence[data-ready='1']")
    assert panel.locator(".spans span", has_text="SỐ LIỆU").first.is_visible()
    page.click("#evidence-close")

    # the 2025 grouping: Bắc Kạn's figures under Thái Nguyên
    assert not page.locator("#ind-members_new .scope-g").is_visible()
    page.check("#group2025")
    assert page.locator("#ind-members_new .scope-g").is_visible()
    assert not page.locator("#ind-members_new .scope-p").is_visible()
    assert page.locator("#ind-members_new .scope-g td.place", has_text="Thái Nguyên").first.is_visible()
    page.uncheck("#group2025")

    # evidence open again for the README's picture
    row.locator("td.num a").first.click()
    page.wait_for_selector("#evidence[data-ready='1']")
    shot = tmp_path / "report_screenshot.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000
    if UPDATE_SCREENSHOT:
        shutil.copyfile(shot, SCREENSHOT_COPY)

    assert [u for u in requests if not u.startswith("file:")] == []
    assert errors == []
    page.close()
