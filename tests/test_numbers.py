"""Numerals, quantities and comparison words (Civil Code art. 1259)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommender.text.numbers import find_bounds, find_quantities, parse_number, to_wan


@pytest.mark.parametrize(
    ("text", "value"),
    [("三", 3), ("十二", 12), ("两千", 2000), ("五百万", 5_000_000), ("〇", 0), ("二〇二四", 2024),
     ("壹佰贰拾叁", 123), ("1,500", 1500), ("1.5", 1.5), ("１２", 12), ("一百零五", 105),
     ("三点五", 3.5), ("1.5亿", 150_000_000)],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_parse_number_rejects_words():
    assert parse_number("企业") is None


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("五百万元", 500, "万元"), ("2亿元", 20000, "万元"), ("1.5亿", 15000, "万元"),
     ("3000元", 0.3, "万元"), ("8千元", 0.8, "万元"), ("百分之三", 0.03, "比例"), ("3%", 0.03, "比例"),
     ("1.5倍", 1.5, "倍"), ("三年", 3, "年"), ("6个月", 6, "月"), ("300人", 300, "人"),
     ("10天", 10, "日")],
)
def test_quantities(text, value, unit):
    (q,) = find_quantities(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


def test_calendar_dates_are_not_durations():
    assert find_quantities("2024年1月1日") == []


@pytest.mark.parametrize(
    ("text", "op", "value"),
    [("不超过300万元", "le", 300), ("300万元以下", "le", 300), ("三年以上", "ge", 3),
     ("一年以内", "le", 1), ("满1年", "ge", 1), ("届满两年", "ge", 2), ("不满三年", "lt", 3),
     ("未满3年", "lt", 3), ("超过5000万元", "gt", 5000), ("不低于3%", "ge", 0.03),
     ("不少于10人", "ge", 10), ("低于1亿元", "lt", 10000), ("少于5件", "lt", 5),
     ("高于2倍", "gt", 2), ("多于20人", "gt", 20), ("达到1000万元", "ge", 1000),
     ("300人以下（不含300人）", "lt", 300), ("3年（含）以上", "ge", 3),
     ("低于5000万元（含）", "le", 5000), ("首次突破1亿元", "gt", 10000),
     ("不得低于200万元", "ge", 200), ("不得超过70%", "le", 0.7), ("不应少于10人", "ge", 10)],
)
def test_bounds_follow_civil_code(text, op, value):
    (bound,) = find_bounds(text)
    assert bound.op == op
    assert bound.quantity.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [("10至50人", 10, 50), ("2000万元-1亿元", 2000, 10000), ("3%～5%", 0.03, 0.05),
     ("100万元至500万元之间", 100, 500)],
)
def test_ranges_give_two_bounds(text, lo, hi):
    low, high = find_bounds(text)
    assert (low.op, high.op) == ("ge", "le")
    assert low.quantity.value == pytest.approx(lo)
    assert high.quantity.value == pytest.approx(hi)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=10**7), st.sampled_from(["元", "万元", "亿元"]))
def test_money_is_converted_to_wan(n, unit):
    (bound,) = find_bounds(f"不超过{n}{unit}")
    assert bound.op == "le"
    assert bound.quantity.value == pytest.approx(to_wan(n, unit))
