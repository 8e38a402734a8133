"""Reach breakdowns, baseline comparison, threshold sweeps and overlap, checked by hand and by brute force."""

from __future__ import annotations

import numpy as np
import pandas as pd

from recommender.rules.engine import Engine
from recommender.rules.schema import Condition, SupportItem
from recommender.rules.whatif import compare, overlap, reach_by, sweep


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "credit_code": [f"E{i}" for i in range(8)],
            "industry_code": ["C1353", "C39", "I6510", "C13", None, "F5111", "C3911", "I65"],
            "region_code": ["500229", "500229", "500101", None, "500229", "500101", "500229", "500229"],
            "size": ["小型", "微型", "中型", "小型", None, "微型", "小型", "大型"],
            "revenue": [800.0, 1500.0, 2000.0, np.nan, 300.0, 2500.0, 1000.0, 50000.0],
            "has_bank_loan": pd.array([False, False, True, False, pd.NA, False, False, True], dtype="boolean"),
        }
    )


def _item(item_id: str, cap: float, first_loan: bool = True) -> SupportItem:
    conds = [Condition(op="le", field="revenue", value=cap)]
    if first_loan:
        conds.append(Condition(op="eq", field="has_bank_loan", value=False))
    return SupportItem(item_id=item_id, kind="credit", name=f"首贷贴息{cap:g}", conditions=tuple(conds))


def test_reach_by_section_size_and_region():
    engine = Engine(_frame())
    out = reach_by(engine, _item("p#1", 1000))
    # statuses: E0 1, E1 -1, E2 -1, E3 0, E4 0, E5 -1, E6 1, E7 -1
    section = out[out["dimension"] == "section"].set_index("group")
    assert section.loc["C"].tolist()[1:] == [2, 1, 1]
    assert section.loc["（未填）"].tolist()[1:] == [0, 1, 0]
    region = out[out["dimension"] == "region"].set_index("group")
    assert region.loc["500229"].tolist()[1:] == [2, 1, 2]
    total = out.groupby("dimension")[["eligible", "unknown", "ineligible"]].sum()
    assert (total.sum(axis=1) == 8).all()


def test_compare_gains_losses_and_transitions():
    engine = Engine(_frame())
    base, draft = _item("p#1", 1000), _item("p#2", 2000)
    gains, losses, transitions = compare(engine, base, draft)
    assert gains["credit_code"].tolist() == ["E1"]
    assert losses.empty
    cells = transitions.set_index(["before", "after"])["count"]
    assert cells[("ineligible", "eligible")] == 1
    assert cells[("eligible", "eligible")] == 2
    assert cells.sum() == 8
    back_gains, back_losses, _ = compare(engine, draft, base)
    assert back_losses["credit_code"].tolist() == ["E1"] and back_gains.empty


def _brute_sweep(engine: Engine, item: SupportItem, index: int, values) -> list[list[int]]:
    rows = []
    for value in values:
        conds = list(item.conditions)
        conds[index] = conds[index].with_value(value)
        status = engine.item_status(SupportItem("p#9", "credit", "x", tuple(conds)))
        rows.append([int((status == s).sum()) for s in (1, 0, -1)])
    return rows


def test_sweep_of_numeric_threshold_matches_brute_force():
    rng = np.random.default_rng(7)
    n = 2000
    frame = pd.DataFrame(
        {
            "credit_code": [f"E{i}" for i in range(n)],
            "revenue": np.where(rng.random(n) < 0.1, np.nan, rng.choice([100.0, 500, 1000, 2000, 3000], n)),
            "employees": np.where(rng.random(n) < 0.1, np.nan, rng.integers(1, 400, n).astype(float)),
            "has_bank_loan": pd.array(rng.choice([True, False, None], n), dtype="boolean"),
        }
    )
    engine = Engine(frame)
    for op in ("le", "lt", "ge", "gt"):
        item = SupportItem(
            "p#1",
            "credit",
            "x",
            (
                Condition(op="eq", field="has_bank_loan", value=False),
                Condition(op=op, field="revenue", value=1000),
                Condition(op="le", field="employees", value=300),
            ),
        )
        values = [0, 100, 500, 999.5, 1000, 2000, 3000, 5000]
        out = sweep(engine, item, 1, values)
        assert out[["eligible", "unknown", "ineligible"]].values.tolist() == _brute_sweep(engine, item, 1, values)


def test_sweep_of_categorical_condition_and_monotone_reach():
    engine = Engine(_frame())
    item = SupportItem(
        "p#1", "credit", "x", (Condition(op="in", field="size", value=["微型"]), Condition(op="le", field="revenue", value=3000))
    )
    out = sweep(engine, item, 0, [["微型"], ["小型", "微型"], ["中型", "小型", "微型"]])
    assert out["eligible"].tolist() == [2, 4, 5]
    assert out[["eligible", "unknown", "ineligible"]].values.tolist() == _brute_sweep(
        engine, item, 0, [["微型"], ["小型", "微型"], ["中型", "小型", "微型"]]
    )


def test_sweep_over_dates():
    frame = pd.DataFrame(
        {
            "credit_code": ["A", "B", "C"],
            "established": pd.to_datetime(["2019-12-31", "2020-01-01", None]),
        }
    )
    item = SupportItem("p#1", "incentive", "x", (Condition(op="ge", field="established", value="2020-01-01"),))
    out = sweep(Engine(frame), item, 0, ["2019-06-01", "2020-01-01", "2021-01-01"])
    assert out["eligible"].tolist() == [2, 1, 0]
    assert out["unknown"].tolist() == [1, 1, 1]


def test_overlap_with_other_items():
    engine = Engine(_frame())
    item = _item("p#1", 2000)  # eligible: E0, E1, E6
    others = [_item("q#1", 1000), _item("q#2", 1000, first_loan=False)]
    out = overlap(engine, item, others).set_index("item_id")
    assert out.loc["q#1", "both"] == 2 and out.loc["q#1", "eligible"] == 2
    assert out.loc["q#2", "both"] == 2 and out.loc["q#2", "eligible"] == 3
    assert out.loc["q#1", "share"] == 2 / 3
