"""Property tests: the vectorised engine against a per-row reference, and monotonicity laws."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from recommender.rules.engine import Engine
from recommender.rules.schema import Condition, SupportItem

REGIONS = ["500229", "500101", "500000", "500200", "510104", "510100"]
INDUSTRIES = ["C1353", "C13", "C39", "C", "I6510", "I65", "F5111"]
QUALS = ["", "高新技术企业", "科技型中小企业", "高新技术企业;专精特新中小企业"]
NUMBERS = ["revenue", "employees", "assets", "age_years"]
BITS = {"大型": 1, "中型": 2, "小型": 4, "微型": 8}


def _maybe(values):
    return st.one_of(st.none(), st.sampled_from(values))


@st.composite
def registries(draw) -> pd.DataFrame:
    n = draw(st.integers(1, 30))

    def column(values):
        return draw(st.lists(_maybe(values), min_size=n, max_size=n))

    frame = pd.DataFrame(
        {
            "credit_code": [f"C{i:017d}" for i in range(n)],
            "region_code": column(REGIONS),
            "industry_code": column(INDUSTRIES),
            "tax_credit": column(["A", "B", "M", "C", "D"]),
            "qualifications": column(QUALS),
            "has_bank_loan": pd.array(column([True, False]), dtype="boolean"),
            "size_possible": np.array(draw(st.lists(st.integers(1, 15), min_size=n, max_size=n)), np.uint8),
        }
    )
    for name in NUMBERS:
        frame[name] = np.array([np.nan if v is None else v for v in column([0.0, 5.0, 20.0, 300.0, 2000.0])])
    return frame


def leaves() -> st.SearchStrategy[Condition]:
    threshold = st.sampled_from([0, 5, 10, 20, 300, 1000, 2000, 5000])
    return st.one_of(
        st.builds(
            lambda f, op, v: Condition(op=op, field=f, value=v),
            st.sampled_from(NUMBERS),
            st.sampled_from(["lt", "le", "gt", "ge", "eq"]),
            threshold,
        ),
        st.builds(lambda v: Condition(op="within", field="region_code", value=v), st.sampled_from(REGIONS)),
        st.builds(
            lambda v: Condition(op="in", field="industry", value=v),
            st.lists(st.sampled_from(["C13", "C", "I65", "C3911", "F"]), min_size=1, max_size=2),
        ),
        st.builds(
            lambda op, v: Condition(op=op, field="tax_credit", value=v),
            st.sampled_from(["in", "not_in"]),
            st.lists(st.sampled_from(["A", "B", "M", "C", "D"]), min_size=1, max_size=3),
        ),
        st.builds(
            lambda op, v: Condition(op=op, field="size", value=v),
            st.sampled_from(["in", "not_in"]),
            st.lists(st.sampled_from(list(BITS)), min_size=1, max_size=3),
        ),
        st.builds(lambda v: Condition(op="eq", field="has_bank_loan", value=v), st.booleans()),
        st.builds(
            lambda v: Condition(op="has", field="qualifications", value=v),
            st.sampled_from(["高新技术企业", "科技型中小企业", "专精特新中小企业"]),
        ),
        st.just(Condition(op="unknown", text="拥有核心自主知识产权")),
    )


def conditions() -> st.SearchStrategy[Condition]:
    group = st.lists(leaves(), min_size=2, max_size=3).map(lambda cs: Condition(op="any_of", any_of=tuple(cs)))
    return st.one_of(leaves(), leaves(), group)


def items(max_size: int = 4) -> st.SearchStrategy[SupportItem]:
    return st.lists(conditions(), max_size=max_size).map(
        lambda cs: SupportItem(item_id="p#1", kind="incentive", name="测试", conditions=tuple(cs))
    )


# --- the straightforward per-row reference -------------------------------------------------
def _region_within(code: str, parent: str) -> bool:
    prefix = parent[:2] if parent.endswith("0000") else parent[:4] if parent.endswith("00") else parent
    return code.startswith(prefix)


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def reference(row: dict, cond: Condition) -> int:
    if cond.op == "any_of":
        return max(reference(row, c) for c in cond.any_of)
    if cond.op == "unknown":
        return 0
    field = "industry_code" if cond.field == "industry" else cond.field
    if cond.field == "size":
        possible = int(row["size_possible"])
        allowed = sum(BITS[v] for v in set(cond.value))
        allowed = 15 & ~allowed if cond.op == "not_in" else allowed
        return 1 if possible & ~allowed == 0 else -1 if possible & allowed == 0 else 0
    value = row[field]
    if _missing(value):
        return 0
    if cond.field == "industry":
        if any(value.startswith(p) for p in cond.value):
            result = 1
        elif any(p.startswith(value) for p in cond.value):
            result = 0
        else:
            result = -1
        return result
    if cond.field == "region_code":
        if _region_within(value, cond.value):
            return 1
        return 0 if _region_within(cond.value, value) else -1
    if cond.field == "qualifications":
        return 1 if cond.value in value.split(";") else -1
    if cond.op in ("in", "not_in"):
        inside = value in cond.value
        return (1 if inside else -1) * (1 if cond.op == "in" else -1)
    checks = {
        "eq": value == cond.value,
        "lt": value < cond.value,
        "le": value <= cond.value,
        "gt": value > cond.value,
        "ge": value >= cond.value,
    }
    return 1 if checks[cond.op] else -1


def reference_item(row: dict, item: SupportItem) -> int:
    return min((reference(row, c) for c in item.conditions), default=1)


# --- properties ----------------------------------------------------------------------------
@settings(max_examples=30, deadline=None)
@given(registries(), st.lists(items(), min_size=1, max_size=4))
def test_vectorised_equals_per_row_reference(frame, some_items):
    some_items = [
        SupportItem(item_id=f"p#{j}", kind=i.kind, name=i.name, conditions=i.conditions)
        for j, i in enumerate(some_items, 1)
    ]
    engine = Engine(frame)
    rows = frame.to_dict("records")
    expected = np.array([[reference_item(r, item) for item in some_items] for r in rows])
    assert (engine.statuses(some_items) == expected).all()
    for item in some_items:
        for cond in item.conditions:
            assert engine.condition(cond).tolist() == [reference(r, cond) for r in rows]
    picked = np.arange(len(frame))[::-2]
    assert (engine.statuses(some_items, rows=picked) == expected[picked]).all()


@settings(max_examples=20, deadline=None)
@given(registries(), st.lists(items(), min_size=1, max_size=5))
def test_counts_equal_status_tallies(frame, some_items):
    engine = Engine(frame)
    matrix = engine.statuses(some_items)
    counts = engine.counts(some_items)
    assert counts["eligible"].tolist() == (matrix == 1).sum(axis=0).tolist()
    assert counts["unknown"].tolist() == (matrix == 0).sum(axis=0).tolist()
    assert counts["ineligible"].tolist() == (matrix == -1).sum(axis=0).tolist()


@settings(max_examples=20, deadline=None)
@given(
    registries(),
    items(3),
    st.sampled_from(NUMBERS),
    st.sampled_from(["le", "lt", "ge", "gt"]),
    st.sampled_from([0, 5, 20, 300]),
    st.sampled_from([0, 1, 100, 5000]),
)
def test_relaxing_a_threshold_never_shrinks_the_eligible_set(frame, item, field, op, value, step):
    relaxed_value = value + step if op in ("le", "lt") else value - step
    strict = Condition(op=op, field=field, value=value)
    loose = Condition(op=op, field=field, value=relaxed_value)
    engine = Engine(frame)
    before = engine.item_status(SupportItem("p#1", "incentive", "x", item.conditions + (strict,)))
    after = engine.item_status(SupportItem("p#2", "incentive", "x", item.conditions + (loose,)))
    assert not ((before == 1) & (after != 1)).any()
    assert not ((after == -1) & (before != -1)).any()


@settings(max_examples=20, deadline=None)
@given(registries(), items(3), conditions())
def test_adding_a_condition_never_grows_the_eligible_set(frame, item, extra):
    engine = Engine(frame)
    before = engine.item_status(item)
    after = engine.item_status(SupportItem("p#2", "incentive", "x", item.conditions + (extra,)))
    assert not ((after == 1) & (before != 1)).any()
    assert not ((before == -1) & (after != -1)).any()
    assert (after <= before).all()


def _fields(cond: Condition) -> set[str]:
    if cond.op == "any_of":
        return set().union(*(_fields(c) for c in cond.any_of))
    return {cond.field} if cond.field else set()


@settings(max_examples=20, deadline=None)
@given(registries(), items(4), st.sampled_from(["revenue", "employees", "region_code", "industry", "tax_credit", "qualifications", "has_bank_loan"]))
def test_a_missing_value_never_yields_ineligible_unless_another_condition_fails(frame, item, field):
    column = "industry_code" if field == "industry" else field
    blanked = frame.copy()
    blanked[column] = pd.Series([None] * len(frame), dtype=frame[column].dtype)
    before = Engine(frame).item_status(item)
    engine = Engine(blanked)
    after = engine.item_status(item)
    assert not ((after == -1) & (before != -1)).any()
    others = [c for c in item.conditions if field not in _fields(c)]
    other_failed = np.zeros(len(frame), bool)
    for cond in others:
        other_failed |= engine.condition(cond) == -1
    assert not ((after == -1) & ~other_failed).any()
