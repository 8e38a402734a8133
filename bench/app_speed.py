"""App speed on the demo registry: first page load, a self-check answer, a threshold slider move.

Targets (issue 5): warm first load <= 5 s, self-check answer <= 1 s, slider move <= 1 s. Each figure
is the median of ``--repeat`` AppTest runs (the Streamlit script run, no browser), printed beside a
baseline: the bare engine call the page makes. ``--browser`` adds the warm load in real Chromium.
Run: ``python bench/app_speed.py [--repeat 5] [--browser]``.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from browser import ROOT

DRAFT = (
    "第一条 为支持本县小微企业发展，制定本办法。\n"
    "第二条 申报条件：（一）在本县注册登记；（二）上年度营业收入不超过1000万元；"
    "（三）纳税信用等级为A级或B级。\n"
    "第三条 对符合条件的企业，给予一次性补助5万元。"
)
CODES = ["91500229MA04W8JH7X", "91500229MA2L3PF50B", "915002290000160532"]


def _median(func, repeat: int) -> float:
    times = []
    for n in range(repeat):
        start = time.perf_counter()
        func(n)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _row(what: str, seconds: float, target: float | None = None) -> None:
    verdict = "" if target is None else ("  达标" if seconds <= target else "  未达标")
    goal = f"≤ {target:g} s" if target else ""
    print(f"{what:<34}{seconds * 1000:>10.1f} ms  {goal:<8}{verdict}")


def app_figures(repeat: int) -> None:
    """AppTest figures and their engine baselines."""
    from streamlit.testing.v1 import AppTest

    from recommender.matching.drafting_text import draft_policy, sweep_values
    from recommender.matching.matcher import Matcher
    from recommender.matching.workspace import all_policies, open_database, registry_from_db
    from recommender.rules.whatif import sweep

    def session() -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    start = time.perf_counter()
    session()
    _row("首次加载（冷启动，建库并计算）", time.perf_counter() - start)
    _row("首次加载（热，新会话）", _median(lambda _: session(), repeat), 5)

    at = session()
    at.text_input[0].set_value(CODES[0]).run()
    _row("自查结果（输入信用代码）", _median(
        lambda n: at.text_input[0].set_value(CODES[(n + 1) % len(CODES)]).run(), repeat), 1)

    at = session()
    at.switch_page("app_pages/drafting.py").run()
    at.text_area[0].set_value(DRAFT).run()
    options = [float(v) for v in at.select_slider[0].options]
    _row("拖动门槛滑块", _median(
        lambda n: at.select_slider[0].set_value(options[n % len(options)]).run(), repeat), 1)

    as_of = date.today()
    db = open_database()
    matcher = Matcher(all_policies(), registry_from_db(db, as_of), as_of)
    rows = [matcher.row(c) for c in CODES]
    _row("基线：Matcher.recommend（单家企业）", _median(
        lambda n: matcher.recommend(rows[n % len(rows)]), repeat))
    item = draft_policy(DRAFT, "500229").items[0]
    index = next(n for n, c in enumerate(item.conditions) if c.field == "revenue")
    values = sweep_values(matcher.engine, item, index)
    _row("基线：whatif.sweep（20 个门槛）", _median(
        lambda _: sweep(matcher.engine, item, index, values), repeat))


def browser_figure(repeat: int) -> None:
    """Warm first load in Chromium: navigation until the self-check page is interactive."""
    from browser import launch_chromium, serve_app
    from playwright.sync_api import expect, sync_playwright

    with tempfile.TemporaryDirectory() as data, serve_app(Path(data)) as url, sync_playwright() as p:
        chromium = launch_chromium(p)

        def load(_: int) -> None:
            page = chromium.new_page(locale="zh-CN")
            page.goto(url)
            expect(page.get_by_label("企业名称或统一社会信用代码")).to_be_visible(timeout=120_000)
            expect(page.get_by_text(re.compile(r"企业名录 [\d,]+ 家"))).to_be_visible(timeout=120_000)
            page.close()

        load(0)  # cold: builds the database and the matcher
        _row("浏览器首次加载（热，Chromium）", _median(load, repeat), 5)
        chromium.close()


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--browser", action="store_true", help="also measure in headless Chromium")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        os.environ["POLICY_MATCH_DATA"] = data
        os.environ.pop("DATABASE_URL", None)
        print(f"{'项目':<34}{'中位数':>13}  目标")
        app_figures(args.repeat)
    if args.browser:
        browser_figure(args.repeat)


if __name__ == "__main__":
    main()
