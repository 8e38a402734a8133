"""Hand-checked verdicts of the condition evaluators and the engine on real-shaped profiles."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from recommender.errors import RuleError
from recommender.rules.engine import Engine
from recommender.rules.evaluators import Columns, compile_condition, kleene_and, kleene_or
from recommender.rules.schema import Condition, SupportItem
from recommender.rules.trace import describe_condition, describe_expected, trace


def C(**kw) -> Condition:  # noqa: N802 - short constructor for readable tables
    return Condition(**kw)


def frame(**columns) -> pd.DataFrame:
    n = len(next(iter(columns.values())))
    data = {"credit_code": [f"9150022900000000{i:02d}" for i in range(n)], **columns}
    return pd.DataFrame(data)


def verdict(df: pd.DataFrame, cond: Condition) -> list[int]:
    return Engine(df).condition(cond).tolist()


def test_le_and_lt_boundaries_at_exactly_the_value():
    df = frame(revenue=[1999.0, 2000.0, 2000.5, np.nan])
    assert verdict(df, C(op="le", field="revenue", value=2000)) == [1, 1, -1, 0]
    assert verdict(df, C(op="lt", field="revenue", value=2000)) == [1, -1, -1, 0]
    assert verdict(df, C(op="ge", field="revenue", value=2000)) == [-1, 1, 1, 0]
    assert verdict(df, C(op="gt", field="revenue", value=2000)) == [-1, -1, 1, 0]
    assert verdict(df, C(op="eq", field="revenue", value=2000)) == [-1, 1, -1, 0]


def test_missing_column_is_unknown_not_failed():
    df = frame(revenue=[10.0, 20.0])
    assert verdict(df, C(op="le", field="assets", value=5000)) == [0, 0]
    assert verdict(df, C(op="eq", field="has_bank_loan", value=False)) == [0, 0]
    assert verdict(df, C(op="has", field="qualifications", value="高新技术企业")) == [0, 0]


def test_booleans_first_loan_and_dishonest():
    df = frame(has_bank_loan=pd.array([False, True, pd.NA], dtype="boolean"))
    assert verdict(df, C(op="eq", field="has_bank_loan", value=False)) == [1, -1, 0]
    assert verdict(df, C(op="eq", field="has_bank_loan", value=True)) == [-1, 1, 0]


def test_dates_established_boundary():
    df = frame(established=pd.to_datetime(["2021-06-30", "2021-07-01", None]))
    assert verdict(df, C(op="ge", field="established", value="2021-07-01")) == [-1, 1, 0]
    assert verdict(df, C(op="lt", field="established", value="2021-07-01")) == [1, -1, 0]


def test_tax_credit_rating_in_and_not_in():
    df = frame(tax_credit=["A", "B", "M", None])
    assert verdict(df, C(op="in", field="tax_credit", value=["A", "B"])) == [1, 1, -1, 0]
    assert verdict(df, C(op="not_in", field="tax_credit", value=["C", "D"])) == [1, 1, 1, 0]
    assert verdict(df, C(op="eq", field="tax_credit", value="A")) == [1, -1, -1, 0]


def test_region_county_within_city_and_province():
    df = frame(region_code=["500229", "500101", "510104", "500000", None])
    # 城口县 500229 lies in 重庆市县 500200 and in 重庆市 500000; 万州区 500101 does not lie in 500200.
    assert verdict(df, C(op="within", field="region_code", value="500200")) == [1, -1, -1, 0, 0]
    assert verdict(df, C(op="within", field="region_code", value="500000")) == [1, 1, -1, 1, 0]
    assert verdict(df, C(op="within", field="region_code", value="500229")) == [1, -1, -1, 0, 0]


def test_industry_prefix_match_on_normalised_codes():
    df = frame(industry_code=["C1353", "C39", "I6510", "C", None])
    # "3911" normalises to C3911; a firm known only as section C cannot be settled.
    assert verdict(df, C(op="in", field="industry", value=["C13"])) == [1, -1, -1, 0, 0]
    assert verdict(df, C(op="in", field="industry", value=["3911"])) == [-1, 0, -1, 0, 0]
    assert verdict(df, C(op="in", field="industry", value=["C"])) == [1, 1, -1, 1, 0]
    assert verdict(df, C(op="not_in", field="industry", value=["I"])) == [1, 1, -1, 1, 0]


def test_industry_categorical_column_gives_same_verdicts():
    codes = ["C1353", "C39", "I6510", None]
    plain, categorical = frame(industry_code=codes), frame(industry_code=pd.Categorical(codes))
    cond = C(op="in", field="industry", value=["C13", "I65"])
    assert verdict(plain, cond) == verdict(categorical, cond) == [1, -1, 1, 0]


def test_size_with_partial_inputs():
    # bits 大型=1 中型=2 小型=4 微型=8; 12 = 小型 or 微型 (revenue missing, headcount small).
    df = frame(size_possible=np.array([4, 8, 12, 6, 15, 2], np.uint8))
    small_micro = C(op="in", field="size", value=["小型", "微型"])
    assert verdict(df, small_micro) == [1, 1, 1, 0, 0, -1]
    assert verdict(df, C(op="eq", field="size", value="微型")) == [-1, 1, 0, -1, 0, -1]
    assert verdict(df, C(op="not_in", field="size", value=["大型"])) == [1, 1, 1, 1, 0, 1]


def test_size_from_size_column_when_bitmask_absent():
    df = frame(size=["小型", "中型", None])
    assert verdict(df, C(op="in", field="size", value=["小型", "微型"])) == [1, -1, 0]


def test_qualifications_has_canonical_name_and_alias():
    df = frame(qualifications=["高新技术企业;科技型中小企业", "", "专精特新中小企业", None])
    assert verdict(df, C(op="has", field="qualifications", value="高新技术企业")) == [1, -1, -1, 0]
    # 高企 is an alias: the condition is normalised to the canonical name at compile time.
    assert verdict(df, C(op="has", field="qualifications", value="高企")) == [1, -1, -1, 0]


def test_kleene_or_and_and():
    held, unknown, failed = (np.array([v], np.int8) for v in (1, 0, -1))
    assert kleene_or([held, unknown])[0] == 1
    assert kleene_or([failed, unknown])[0] == 0
    assert kleene_or([failed, failed])[0] == -1
    assert kleene_and([held, unknown])[0] == 0
    assert kleene_and([failed, unknown])[0] == -1
    assert kleene_and([held, held])[0] == 1


def test_any_of_group_is_kleene_or_through_engine():
    df = frame(
        qualifications=["高新技术企业", None, "", None],
        revenue=[5000.0, 100.0, 5000.0, 5000.0],
    )
    group = C(
        op="any_of",
        any_of=(
            C(op="has", field="qualifications", value="高新技术企业"),
            C(op="le", field="revenue", value=1000),
        ),
    )
    # held OR failed = held; unknown OR held = held; failed OR failed = failed; unknown OR failed = unknown
    assert verdict(df, group) == [1, 1, -1, 0]


def test_item_status_three_valued_and_assumed_held():
    df = frame(revenue=[800.0, 800.0, 3000.0, np.nan], employees=[20.0, np.nan, 20.0, 20.0])
    item = SupportItem(
        item_id="p#1",
        kind="incentive",
        name="小微企业奖励",
        conditions=(
            C(op="le", field="revenue", value=2000),
            C(op="le", field="employees", value=100),
        ),
        assumed=("依法注册登记",),
    )
    engine = Engine(df)
    assert engine.item_status(item).tolist() == [1, 0, -1, 0]
    assert engine.missing(item).tolist() == [0, 1, 0, 1]
    bare = SupportItem(item_id="p#2", kind="incentive", name="普惠", assumed=("依法注册登记",))
    assert engine.item_status(bare).tolist() == [1, 1, 1, 1]
    unknowable = SupportItem(
        item_id="p#3", kind="incentive", name="知识产权", conditions=(C(op="unknown", text="拥有核心自主知识产权"),)
    )
    assert engine.item_status(unknowable).tolist() == [0, 0, 0, 0]


def test_identical_conditions_are_evaluated_once():
    engine = Engine(frame(revenue=[1.0, 2.0]))
    a = C(op="in", field="tax_credit", value=["A", "B"], clause="第二条")
    b = C(op="in", field="tax_credit", value=["B", "A"], clause="第五条", text="纳税信用B级以上")
    assert engine.slot(a) == engine.slot(b)


@pytest.mark.parametrize(
    ("cond", "code"),
    [
        (C(op="between", field="revenue", value=1), "R101"),
        (C(op="le", field="turnover", value=1), "R102"),
        (C(op="has", field="revenue", value=1), "R103"),
        (C(op="le", field="revenue", value="多"), "R104"),
        (C(op="in", field="industry", value=["Z99"]), "R131"),
        (C(op="has", field="qualifications", value="优秀企业"), "R132"),
    ],
)
def test_malformed_conditions_raise_at_prepare_time(cond, code):
    with pytest.raises(RuleError) as err:
        compile_condition(cond)
    assert err.value.code == code
    engine = Engine(frame(revenue=[1.0]))
    item = SupportItem(item_id="p#1", kind="incentive", name="x", conditions=(cond,))
    with pytest.raises(RuleError):
        engine.prepare([item])


def test_columns_evaluate_once_per_distinct_value():
    seen: list[str] = []
    cols = Columns(frame(region_code=["500229"] * 5 + ["500101"] * 5))

    def verdict_of(code: str) -> int:
        seen.append(code)
        return 1

    cols.by_category("region_code", verdict_of)
    assert sorted(seen) == ["500101", "500229"]


def test_describe_condition_in_chinese():
    assert describe_condition(C(op="le", field="revenue", value=2000)) == "年营业收入不超过2000万元"
    assert describe_condition(C(op="ge", field="rd_ratio", value=0.03)) == "研发费用占营业收入比例不低于3%"
    assert describe_condition(C(op="eq", field="has_bank_loan", value=False)) == "无银行贷款记录（首贷户）"
    assert describe_expected(C(op="le", field="taxable_income", value=300)) == "≤ 300 万元"
    assert describe_expected(C(op="in", field="size", value=["小型", "微型"])) == "属于 小型、微型"
    assert "城口县" in describe_condition(C(op="within", field="region_code", value="500229"))


def test_trace_rows_for_nested_group_and_assumed():
    df = frame(revenue=[800.0], qualifications=[None])
    group = C(
        op="any_of",
        any_of=(
            C(op="has", field="qualifications", value="高新技术企业"),
            C(op="le", field="revenue", value=1000),
        ),
        text="高新技术企业或年营业收入不超过1000万元",
        clause="第二条第（三）项",
    )
    item = SupportItem(
        item_id="p#1",
        kind="credit",
        name="贷款",
        conditions=(C(op="le", field="revenue", value=500, clause="第二条"), group),
        assumed=("依法注册登记",),
    )
    out = trace(Engine(df), [0], item)
    assert out["condition"].tolist() == ["1", "2", "2.1", "2.2", "A1"]
    assert out["group"].tolist() == ["", "", "2", "2", "assumed"]
    assert out["result"].tolist() == ["failed", "held", "unknown", "held", "held"]
    assert out["observed"].tolist()[:4] == ["800 万元", "", "", "800 万元"]
    assert out.loc[0, "expected"] == "≤ 500 万元"
    assert out.loc[0, "clause"] == "第二条"
    assert set(out["enterprise"]) == {df["credit_code"].iloc[0]}
