"""Every Streamlit page driven with AppTest on the bundled demo data, in a fresh data folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import streamlit as st
from hypothesis import given, settings
from hypothesis import strategies as st_
from streamlit.testing.v1 import AppTest

from app_pages.shared import plain

APP = str(Path(__file__).resolve().parent.parent / "app.py")
DEMO = Path(__file__).resolve().parent.parent / "profiles" / "demo_enterprises.csv"
PHARMACY = "91500229MA04W8JH7X"  # 城口县万润大药房有限公司, first row of the demo registry
DRAFT = (
    "第一条 为支持本县小微企业发展，制定本办法。\n"
    "第二条 申报条件：（一）在本县注册登记；（二）上年度营业收入不超过1000万元；"
    "（三）纳税信用等级为A级或B级。\n"
    "第三条 对符合条件的企业，给予一次性补助5万元。"
)


@pytest.fixture(scope="module", autouse=True)
def data_folder(tmp_path_factory):
    """A fresh POLICY_MATCH_DATA (SQLite file seeded on first start) and empty Streamlit caches."""
    folder = tmp_path_factory.mktemp("app_data")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("POLICY_MATCH_DATA", str(folder))
        mp.delenv("DATABASE_URL", raising=False)
        st.cache_resource.clear()
        st.cache_data.clear()
        yield folder
        st.cache_resource.clear()
        st.cache_data.clear()


def _run(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    if page:
        at.switch_page(f"app_pages/{page}.py").run()
    _ok(at)
    return at


def _ok(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _metrics(at: AppTest) -> dict[str, int]:
    return {m.label: int(str(m.value).replace(",", "")) for m in at.metric}


def _self_check(at: AppTest, query: str) -> AppTest:
    at.text_input[0].set_value(query).run()
    _ok(at)
    return at


def test_sidebar_shows_seeded_registry(data_folder):
    at = _run()
    assert (data_folder / "policy_match.db").exists()
    caption = at.sidebar.caption[0].value
    demo_rows = sum(1 for _ in DEMO.open(encoding="utf-8")) - 1
    assert f"企业名录 {demo_rows:,} 家" in caption
    assert int(re.search(r"有效支持事项 (\d+) 项", caption).group(1)) > 0


def test_self_check_of_a_demo_enterprise():
    at = _self_check(_run(), PHARMACY)
    assert at.selectbox[0].label == "找到 1 家企业"
    counts = _metrics(at)
    assert set(counts) == {"符合", "待确认", "不符合"}
    valid = int(re.search(r"有效支持事项 (\d+) 项", at.sidebar.caption[0].value).group(1))
    assert sum(counts.values()) == valid
    # one card (with a "为什么？" expander) per eligible or unknown item, the default filter
    cards = [e for e in at.expander if e.label == "为什么？"]
    assert len(cards) == counts["符合"] + counts["待确认"]
    first = [t.value for t in cards[0].text]
    assert first[0] in ("符合全部申报条件，可以申请。", "没有不符合的条件，但还有条件需要补充信息或确认。")
    assert any(line.startswith(("✔ 符合：", "？ 请")) for line in first[1:])


def test_search_by_name_and_received_item_is_hidden():
    at = _self_check(_run(), "城口县")
    assert int(re.search(r"找到 (\d+) 家企业", at.selectbox[0].label).group(1)) > 1
    assert all("城口县" in name for name in at.selectbox[0].options)
    at = _self_check(at, PHARMACY)  # the push test below relies on other enterprises' items
    before = sum(_metrics(at).values())
    hide = [b for b in at.button if b.label == "已享受，隐藏此项"]
    assert hide
    hide[0].click().run()
    _ok(at)
    assert sum(_metrics(at).values()) == before - 1


def test_hand_filled_profile_shows_size_and_results():
    at = _run()
    at.radio[0].set_value("手工填写").run()
    assert "信息不足" in at.info[0].value
    at.text_input(key="form_industry_code").set_value("C1353")
    at.number_input(key="form_employees").set_value(10)
    at.text_input(key="form_region_code").set_value("500229").run()
    _ok(at)
    assert at.info[0].value.endswith("微型")  # an industrial firm under 20 staff is micro
    counts = _metrics(at)
    assert counts["符合"] + counts["待确认"] > 0


def test_outreach_counts_and_status_filter():
    at = _run("outreach")
    counts = _metrics(at)
    assert counts["名单企业"] == counts["符合"] + counts["待确认"] > 0
    assert at.download_button[0].label == "导出外联名单（Excel）"
    at.multiselect[3].set_value(["待确认"]).run()
    _ok(at)
    narrowed = _metrics(at)
    assert narrowed["名单企业"] == narrowed["待确认"] == counts["待确认"]
    assert narrowed["符合"] == 0


def test_outreach_mark_is_stored_and_shown():
    at = _run("outreach")
    code = at.selectbox[1].value
    at.radio[0].set_value("有意向")
    at.text_input[0].set_value("周三回电")
    at.button[0].click().run()  # the form's submit button
    _ok(at)
    table = at.dataframe[0].value
    row = table[table["统一社会信用代码"] == code]
    assert row["外联进展"].tolist() == ["有意向"]
    again = _run("outreach")  # a new session reads it back from the database
    table = again.dataframe[0].value
    assert table.loc[table["统一社会信用代码"] == code, "外联进展"].tolist() == ["有意向"]


def test_push_once_then_never_again_and_new_for_you():
    at = _run("push")
    at.button[0].click().run()
    _ok(at)
    created = int(re.search(r"新增推送 (\d+) 条", at.success[0].value).group(1))
    assert created > 0
    assert _metrics(at)["该政策的推送消息"] == created
    at.button[0].click().run()
    _ok(at)
    assert at.success[0].value == f"新增推送 0 条；已推送过、本次跳过 {created} 条。"
    assert _metrics(at)["该政策的推送消息"] == created
    approve = [b for b in at.button if b.label.startswith("全部审核通过")][0]
    approve.click().run()
    _ok(at)
    assert at.download_button[0].label == f"导出已审核消息（{created} 条）"
    codes = at.dataframe[0].value["统一社会信用代码"]
    code = codes[codes != PHARMACY].iloc[0]

    check = _self_check(_run(), code)
    assert any("新推送" in m.value for m in check.markdown)
    check.run()  # seen once: no longer new
    assert not any("新推送" in m.value for m in check.markdown)


def test_drafting_reach_follows_edited_threshold():
    at = _run("drafting")
    at.text_area[0].set_value(DRAFT).run()
    _ok(at)
    table = at.dataframe[0].value
    assert table["取值"].tolist()[1] == "1000"
    before = _metrics(at)
    assert before["符合"] > 0
    assert sum(before[k] for k in ("符合", "待确认", "不符合")) == 3000
    slider = at.select_slider[0]
    assert float(slider.value) == 1000.0
    assert before["门槛为 1000 时符合条件的企业"] == before["符合"]
    top = float(slider.options[-1])
    slider.set_value(top).run()
    _ok(at)
    swept = _metrics(at)[f"门槛为 {top:g} 时符合条件的企业"]
    assert swept >= before["符合"]

    at.session_state["edit_draft#1"] = {
        "edited_rows": {1: {"取值": f"{top:g}"}}, "added_rows": [], "deleted_rows": [],
    }
    at.run()
    _ok(at)
    after = _metrics(at)
    assert after["符合"] == swept > before["符合"]  # the table edit and the sweep agree


def test_data_page_reports_bad_rows_of_a_gbk_table():
    lines = DEMO.read_text(encoding="utf-8").splitlines()[:4]
    cells = lines[3].split(",")
    cells[0] = cells[0][:-1] + ("A" if cells[0][-1] != "A" else "B")  # break the check character
    lines[3] = ",".join(cells)
    data = ("\n".join(lines) + "\n").encode("gbk")
    at = _run("data")
    at.file_uploader(key="ent_upload").set_value(("名录.csv", data, "text/csv")).run()
    _ok(at)
    assert _metrics(at) == {"读取行数": 3, "可导入": 2, "有问题的行": 1}
    errors = at.dataframe[0].value
    assert errors["行号"].tolist() == [4]
    assert "校验码" in errors["原因"].iloc[0]
    [b for b in at.button if b.label == "导入数据库"][0].click().run()
    _ok(at)
    assert at.success[0].value == "导入完成：新增 0 家，更新 0 家，未变 2 家。"


def test_data_page_saves_reviewed_rules(data_folder):
    at = _run("data")
    policy_id = at.selectbox[0].value
    source, rules = at.text_area[0].value, at.text_area[1].value
    assert source.strip() and policy_id in rules
    [b for b in at.button if b.label == "校验并保存为已审核规则"][0].click().run()
    _ok(at)
    assert at.success[0].value.startswith("已保存")
    saved = (data_folder / "policies" / f"{policy_id}.yaml").read_text(encoding="utf-8")
    assert "reviewed: true" in saved


SPECIAL = r"\\`*_{}\[\]()<>#+\-.!|~:$"  # what Streamlit markdown would interpret


@settings(max_examples=40, deadline=None)
@given(st_.text(alphabet="ab中文*_[]():$<>#`~|!.-+{}\\ ", max_size=30))
def test_plain_escapes_every_markdown_character(text):
    escaped = plain(text)
    assert re.sub(r"\\(.)", r"\1", escaped) == text  # nothing lost, nothing added
    assert re.fullmatch(rf"(?:\\[{SPECIAL}]|[^{SPECIAL}])*", escaped)  # every special one escaped
