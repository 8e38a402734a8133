"""Cell parsers: booleans, dates, numbers, ratings, taxpayer types; unknown is never zero or false."""

import math

import pandas as pd
import pytest

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
