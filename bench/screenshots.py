"""Screenshots of every page on the demo data, in headless Debian Chromium, for the README.

Run: ``python bench/screenshots.py [--out docs/screenshots]``.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from browser import ROOT, launch_chromium, serve_app
from playwright.sync_api import Page, expect, sync_playwright

DRAFT = (
    "第一条 为支持本县小微企业发展，制定本办法。\n"
    "第二条 申报条件：（一）在本县注册登记；（二）上年度营业收入不超过1000万元；"
    "（三）纳税信用等级为A级或B级。\n"
    "第三条 对符合条件的企业，给予一次性补助5万元。"
)


def _open(page: Page, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_text(title).click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()


def _settle(page: Page) -> None:
    """Wait until Streamlit has finished the current run."""
    page.wait_for_timeout(500)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)
    page.wait_for_timeout(500)


def _shoot(page: Page, out: Path, name: str) -> None:
    _settle(page)
    page.screenshot(path=out / f"{name}.png")
    print(out / f"{name}.png")


def take(url: str, out: Path) -> None:
    """Drive each page into a representative state and save one PNG per page."""
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        page = chromium.new_page(locale="zh-CN", viewport={"width": 1400, "height": 1100})
        page.set_default_timeout(60_000)
        page.goto(url)
        expect(page.get_by_role("heading", name="企业自查")).to_be_visible(timeout=120_000)
        query = page.get_by_label("企业名称或统一社会信用代码")
        query.fill("万润")
        query.press("Enter")
        expect(page.get_by_role("combobox", name="找到 1 家企业")).to_be_visible()
        page.get_by_test_id("stExpander").filter(has_text="为什么？").first.click()
        _shoot(page, out, "selfcheck")

        _open(page, "招商外联")
        _shoot(page, out, "outreach")

        _open(page, "政策推送")
        page.get_by_role("button", name="计算推送对象并放入待发箱").click()
        expect(page.get_by_text("新增推送")).to_be_visible()
        _shoot(page, out, "push")

        _open(page, "政策起草")
        page.get_by_label("草案正文").fill(DRAFT)
        page.keyboard.press("Control+Enter")
        expect(page.get_by_text("覆盖面分布")).to_be_visible()
        _shoot(page, out, "drafting")

        _open(page, "数据管理")
        page.get_by_role("tab", name="审核规则").click()
        _shoot(page, out, "data")
        chromium.close()


def main() -> None:
    """Serve the app on a fresh data folder and save the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data, serve_app(Path(data)) as url:
        take(url, args.out)


if __name__ == "__main__":
    main()
