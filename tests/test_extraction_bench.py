"""The extraction benchmark's scoring: what counts as the same condition."""

import importlib.util
from pathlib import Path

from recommender.rules.schema import Condition

_SPEC = importlib.util.spec_from_file_location("extraction_bench", Path(__file__).parents[1] / "bench" / "extraction.py")
bench = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench)


def industry(*codes, op="in"):
    return Condition(field="industry", op=op, value=tuple(codes), text="行业")


def test_industry_lists_covering_the_same_firms_agree():
    assert bench.same_condition(industry("F51", "F52", "H61", "H62"), industry("F", "H"))
    assert bench.same_condition(industry("K701"), industry("K7010"))  # a class with one child is that child
    assert not bench.same_condition(industry("F51"), industry("F"))
    assert not bench.same_condition(industry("F51", "F52"), industry("F", op="not_in"))


def test_unknown_conditions_agree_on_overlapping_text():
    a = Condition(op="unknown", text="近三年内未发生重大安全生产事故")
    b = Condition(op="unknown", text="未发生重大安全生产事故")
    c = Condition(op="unknown", text="已完成股份制改造")
    assert bench.same_condition(a, b)
    assert not bench.same_condition(a, c)


def test_a_phrase_quoted_in_full_width_agrees_with_its_ascii_reading():
    assert bench.same_text("单笔质押贷款金额未满５０万元的，不予贴息", "单笔质押贷款金额未满50万元")
    assert not bench.same_text("单笔质押贷款金额未满５０万元的，不予贴息", "质押率不超过50%")


def test_a_one_member_list_is_that_member():
    one = Condition(field="tax_credit", op="eq", value="A", text="A级")
    assert bench.same_condition(one, Condition(field="tax_credit", op="in", value=("A",), text="A级"))
    assert not bench.same_condition(one, Condition(field="tax_credit", op="in", value=("A", "B"), text="A级或B级"))
    assert not bench.same_condition(one, Condition(field="tax_credit", op="not_in", value=("A",), text="非A级"))
