"""End to end in headless Debian Chromium: self-check a demo enterprise, explain, export outreach."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page, expect, sync_playwright

_SPEC = importlib.util.spec_from_file_location(
    "bench_browser", Path(__file__).resolve().parent.parent / "bench" / "browser.py"
)
browser = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(browser)

START = 90_000  # ms: first page load builds the matcher over the demo registry
STEP = 30_000  # ms: any later answer


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    """The app served on localhost with a fresh data folder; the server is always stopped."""
    with browser.serve_app(tmp_path_factory.mktemp("e2e_data")) as url:
        yield url


@pytest.fixture(scope="module")
def page(app_url):
    with sync_playwright() as playwright:
        chromium = browser.launch_chromium(playwright)
        context = chromium.new_context(
            locale="zh-CN", viewport={"width": 1400, "height": 1000}, accept_downloads=True
        )
        tab = context.new_page()
        tab.set_default_timeout(STEP)
        tab.goto(app_url)
        expect(tab.get_by_role("heading", name="企业自查")).to_be_visible(timeout=START)
        yield tab
        context.close()
        chromium.close()


def _metric(page: Page, label: str) -> int:
    box = page.get_by_test_id("stMetric").filter(has_text=label).first
    return int(box.get_by_test_id("stMetricValue").inner_text().replace(",", ""))


def test_self_check_and_explanation(page: Page):
    query = page.get_by_label("企业名称或统一社会信用代码")
    query.fill("万润")
    query.press("Enter")
    choice = page.get_by_role("combobox", name="找到 1 家企业")
    choice.click()
    page.get_by_role("option", name="城口县万润大药房有限公司（91500229MA04W8JH7X）").click()
    expect(choice).to_have_value("城口县万润大药房有限公司（91500229MA04W8JH7X）")
    expect(page.get_by_test_id("stMetric").filter(has_text="待确认")).to_be_visible()
    shown = _metric(page, "符合") + _metric(page, "待确认")
    assert shown > 0
    why = page.get_by_test_id("stExpander").filter(has_text="为什么？")
    expect(why).to_have_count(shown)
    why.first.get_by_text("为什么？").click()
    first = why.first.get_by_test_id("stText").first
    expect(first).to_be_visible()
    assert first.inner_text() in (
        "符合全部申报条件，可以申请。",
        "没有不符合的条件，但还有条件需要补充信息或确认。",
    )
    expect(why.first).to_contain_text("（见")  # the clause the verdict rests on


def test_outreach_export_opens_in_excel(page: Page, tmp_path):
    page.get_by_test_id("stSidebarNav").get_by_text("招商外联").click()
    expect(page.get_by_role("heading", name="招商外联")).to_be_visible()
    listed = _metric(page, "名单企业")
    assert listed > 0
    with page.expect_download() as info:
        page.get_by_role("button", name="导出外联名单（Excel）").click()
    target = tmp_path / "outreach.xlsx"
    info.value.save_as(target)
    sheet = openpyxl.load_workbook(target, read_only=True)["外联名单"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("序号", "统一社会信用代码", "企业名称")
    assert len(rows) - 1 == listed
    assert all(len(str(r[1])) == 18 for r in rows[1:])
