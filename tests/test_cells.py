"""Cell parsers: booleans, dates, numbers, ratings, taxpayer types; unknown is never zero or false."""

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommender.profiles import cells


def _parse(func, values, *args, **kwargs):
    got, why = func(pd.Series(values, dtype=object), *args, **kwargs)
    return list(got), list(why)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("true", True), ("FALSE", False), ("1", True), ("0", False), ("是", True), ("否", False),
     ("Y", True), ("n", False), ("有", True), ("无", False), ("对", True), ("错", False), ("Ｙ", True)],
)
def test_booleans(raw, expected):
    got, why = _parse(cells.parse_bool, [raw], "是否失信被执行人")
    assert got == [expected] and pd.isna(why[0])


@pytest.mark.parametrize("raw", ["", "  ", "-", "—", "无数据", "NULL", "nan", None])
def test_unknown_tokens_are_unknown_everywhere(raw):
    assert pd.isna(_parse(cells.parse_bool, [raw], "x")[0][0])
    assert math.isnan(_parse(cells.parse_number, [raw], "x")[0][0])
    assert pd.isna(_parse(cells.parse_date, [raw], "x")[0][0])
    assert all(pd.isna(w) for w in _parse(cells.parse_number, [raw], "x")[1])


def test_bad_boolean_has_reason():
    got, why = _parse(cells.parse_bool, ["也许"], "是否失信被执行人")
    assert pd.isna(got[0]) and why[0] == "“是否失信被执行人”无法识别为是或否: \"也许\""


@pytest.mark.parametrize(
    "raw", ["2015-03-01", "2015/3/1", "2015/03/01", "2015年3月1日", "20150301", "42064", "２０１５年３月１日",
            "2015-03-01 00:00:00"],
)
def test_dates(raw):
    got, why = _parse(cells.parse_date, [raw], "成立日期")
    assert got[0] == pd.Timestamp("2015-03-01") and pd.isna(why[0])


@pytest.mark.parametrize("raw", ["2015-02-30", "2015年13月1日", "去年", "1800-01-01"])
def test_bad_dates(raw):
    got, why = _parse(cells.parse_date, [raw], "成立日期")
    assert pd.isna(got[0]) and why[0].startswith("“成立日期”日期格式无法识别")


@pytest.mark.parametrize(
    ("raw", "scale", "expected"),
    [("1,234.5", 1.0, 1234.5), ("1234万元", 1.0, 1234.0), ("1234万", 1.0, 1234.0),
     ("12,000,000元", 1.0, 1200.0), ("0.12亿元", 1.0, 1200.0), ("１２３", 1.0, 123.0),
     ("5000000", 1e-4, 500.0), ("3亿", 1.0, 30000.0), (" 7 ", 1.0, 7.0)],
)
def test_money(raw, scale, expected):
    got, why = _parse(cells.parse_number, [raw], "营业收入", scale=scale)
    assert got[0] == pytest.approx(expected) and pd.isna(why[0])


def test_number_errors():
    got, why = _parse(cells.parse_number, ["abc", "-5", "12.5", "30人"], "从业人数",
                      money=False, integer=True, nonneg=True)
    assert math.isnan(got[0]) and why[0] == "“从业人数”不是数字: \"abc\""
    assert math.isnan(got[1]) and why[1] == "从业人数不能为负数"
    assert math.isnan(got[2]) and why[2] == "“从业人数”不是整数: \"12.5\""
    assert got[3] == 30 and pd.isna(why[3])


def test_negative_allowed_when_not_nonneg():
    got, why = _parse(cells.parse_number, ["-20"], "应纳税所得额")
    assert got == [-20.0] and pd.isna(why[0])


def test_tax_credit_and_taxpayer_type():
    got, why = _parse(cells.parse_tax_credit, ["A级", "b", "M", "E"], "纳税信用等级")
    assert got[:3] == ["A", "B", "M"] and pd.isna(got[3]) and "“纳税信用等级”不合法" in why[3]
    got, why = _parse(cells.parse_taxpayer_type, ["一般纳税人", "小规模", "其他"], "纳税人类型")
    assert got[:2] == ["一般纳税人", "小规模纳税人"] and pd.isna(got[2]) and why[2].startswith("“纳税人类型”不合法")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1,234.5万元", 1234.5), ("￥1234", 1234.0), ("¥12,000,000元", 1200.0), ("RMB 500", 500.0),
     ("人民币300万元", 300.0), ("1.2亿", 12000.0), ("12 345", 12345.0), ("１，２３４", 1234.0)],
)
def test_money_with_currency_signs_and_spaces(raw, expected):
    got, why = _parse(cells.parse_number, [raw], "营业收入")
    assert got[0] == pytest.approx(expected) and pd.isna(why[0])


@pytest.mark.parametrize("raw", ["—", "/", "无", "暂无", "不详", "N/A", "#VALUE!"])
def test_unknown_money_is_unknown_not_zero(raw):
    got, why = _parse(cells.parse_number, [raw], "营业收入")
    assert math.isnan(got[0]) and pd.isna(why[0])


@pytest.mark.parametrize("raw", ["约300", "12%", "300-500", "三百"])
def test_approximate_or_ranged_money_is_rejected(raw):
    got, why = _parse(cells.parse_number, [raw], "营业收入")
    assert math.isnan(got[0]) and why[0] == f"“营业收入”不是数字: \"{raw}\""


def test_none_means_no_in_a_boolean_but_unknown_in_a_number():
    assert _parse(cells.parse_bool, ["无"], "有无贷款记录")[0] == [False]
    assert math.isnan(_parse(cells.parse_number, ["无"], "营业收入")[0][0])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("43895", "2020-03-05"), ("43895.75", "2020-03-05"), ("2020.3.5", "2020-03-05"),
     ("2020-3-5", "2020-03-05"), ("20200305", "2020-03-05"), ("2020/03/05 00:00:00", "2020-03-05"),
     ("2020/3/5 13:30", "2020-03-05"), ("2020年3月5号", "2020-03-05"),
     ("2020年3月", "2020-03-01"), ("2020-03", "2020-03-01"), ("202003", "2020-03-01")],
)
def test_date_forms_and_month_precision(raw, expected):
    got, why = _parse(cells.parse_date, [raw], "成立日期")
    assert got[0] == pd.Timestamp(expected) and pd.isna(why[0])


@pytest.mark.parametrize("raw", ["2020年", "2020年13月", "20201305"])
def test_incomplete_or_impossible_dates_are_rejected(raw):
    got, why = _parse(cells.parse_date, [raw], "成立日期")
    assert pd.isna(got[0]) and why[0].startswith("“成立日期”日期格式无法识别")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("是（首贷）", True), ("否 (已结清)", False), ("√", True), ("×", False), ("TRUE", True),
     ("FALSE", False), ("有【2笔】", True), ("1", True), ("0", False)],
)
def test_booleans_with_a_remark_in_brackets(raw, expected):
    got, why = _parse(cells.parse_bool, [raw], "是否有银行贷款记录")
    assert got == [expected] and pd.isna(why[0])


def test_a_remark_alone_is_not_a_boolean():
    got, why = _parse(cells.parse_bool, ["（待核实）", "是否"], "是否失信被执行人")
    assert pd.isna(got[0]) and pd.isna(got[1]) and all(w.startswith("“是否失信被执行人”") for w in why)


@settings(max_examples=30, deadline=None)
@given(wan=st.decimals(0, 10**7, places=2, allow_nan=False, allow_infinity=False),
       style=st.sampled_from(["{:,.2f}万元", "￥{:,.2f}万", "{:.2f}"]))
def test_money_written_in_wan_reads_back(wan, style):
    got, why = _parse(cells.parse_number, [style.format(wan)], "营业收入")
    assert got[0] == pytest.approx(float(wan)) and pd.isna(why[0])


@settings(max_examples=30, deadline=None)
@given(yuan=st.integers(0, 10**12))
def test_money_written_in_yuan_is_divided_by_ten_thousand(yuan):
    got, _ = _parse(cells.parse_number, [f"{yuan:,}元"], "营业收入")
    assert got[0] == pytest.approx(yuan / 1e4)
