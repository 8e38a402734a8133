"""Derived profile fields: 小型微利企业, age, R&D ratio, and the derive() frame."""

import datetime

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommender.profiles.derive import age_years, derive, rd_ratio, small_low_profit

NAN = float("nan")
AS_OF = datetime.date(2024, 6, 1)


def profiles(**columns):
    n = len(next(iter(columns.values())))
    base = {
        "credit_code": [f"c{i}" for i in range(n)],
        "industry_code": ["C3911"] * n,
        "employees": [NAN] * n,
        "revenue": [NAN] * n,
        "assets": [NAN] * n,
        "taxable_income": [NAN] * n,
        "rd_expense": [NAN] * n,
        "established": pd.to_datetime([None] * n),
    }
    return pd.DataFrame(base | columns)


@pytest.mark.parametrize(
    ("income", "employees", "assets", "expected"),
    [
        (300, 300, 5000, True),  # bounds included
        (0, 0, 0, True),
        (300.01, 10, 10, False),
        (10, 301, 10, False),
        (10, 10, 5000.5, False),
        (NAN, 10, 10, None),
        (10, NAN, 10, None),
        (10, 10, NAN, None),
        (NAN, NAN, NAN, None),
        (NAN, 400, NAN, False),  # a known input over its bound settles it
        (1000, NAN, NAN, False),
    ],
)
def test_small_low_profit(income, employees, assets, expected):
    df = profiles(taxable_income=[income], employees=[employees], assets=[assets])
    result = small_low_profit(df)
    assert result.dtype == "boolean"
    value = result.iloc[0]
    assert (None if pd.isna(value) else bool(value)) is expected


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            *[st.one_of(st.just(NAN), st.sampled_from([0.0, 299.0, 300.0, 301.0, 5000.0, 5001.0]))]
            * 3
        ),
        min_size=1,
        max_size=15,
    )
)
def test_small_low_profit_is_unknown_only_when_completions_disagree(rows):
    df = profiles(
        taxable_income=[r[0] for r in rows],
        employees=[r[1] for r in rows],
        assets=[r[2] for r in rows],
    )
    result = small_low_profit(df)
    limits = (300, 300, 5000)
    for row, value in zip(rows, result, strict=True):
        outcomes = set()
        for fill in (0.0, 1e9):
            full = [fill if np.isnan(v) else v for v in row]
            outcomes.add(all(v <= lim for v, lim in zip(full, limits, strict=True)))
        if len(outcomes) == 2:
            assert pd.isna(value)
        else:
            assert not pd.isna(value) and bool(value) == outcomes.pop()


def test_age_in_complete_years():
    dates = pd.Series(
        pd.to_datetime(["2021-06-01", "2021-06-02", "2020-02-29", "2024-06-01", None, "1999-12-31"])
    )
    ages = age_years(dates, AS_OF)
    assert ages.dtype == np.float64
    assert ages.iloc[:4].tolist() == [3.0, 2.0, 4.0, 0.0]
    assert np.isnan(ages.iloc[4])
    assert ages.iloc[5] == 24.0
    # A 29 February founding completes its year on 1 March in a common year.
    feb = pd.Series(pd.to_datetime(["2020-02-29"]))
    assert age_years(feb, datetime.date(2023, 2, 28)).iloc[0] == 2.0
    assert age_years(feb, datetime.date(2023, 3, 1)).iloc[0] == 3.0


def test_rd_ratio():
    df = profiles(rd_expense=[30, 30, NAN, 5, 0], revenue=[1000, 0, 1000, NAN, 200])
    ratio = rd_ratio(df).tolist()
    assert ratio[0] == pytest.approx(0.03)
    assert np.isnan(ratio[1]) and np.isnan(ratio[2]) and np.isnan(ratio[3])
    assert ratio[4] == 0.0


def test_derive_adds_every_column_with_its_dtype():
    df = profiles(
        industry_code=["C3911", "C3911", None],
        employees=[19, 100, 5],
        revenue=[NAN, NAN, 10],
        assets=[10, 10, 10],
        taxable_income=[10, 10, 10],
        rd_expense=[1, 1, 1],
        established=pd.to_datetime(["2020-01-01", None, "2024-01-01"]),
    )
    df.index = [5, 6, 7]
    out = derive(df, AS_OF)
    assert list(out.columns[: len(df.columns)]) == list(df.columns)
    assert "size" not in df.columns  # the input is left alone
    assert out["size"].iloc[0] == "微型" and pd.isna(out["size"].iloc[1])
    assert out["size_possible"].tolist() == [8, 12, 8]
    assert out["size_possible"].dtype == np.uint8
    assert out["small_low_profit"].dtype == "boolean"
    assert out["small_low_profit"].tolist() == [True, True, True]
    assert out["age_years"].iloc[0] == 4.0 and np.isnan(out["age_years"].iloc[1])
    assert np.isnan(out["rd_ratio"].iloc[0]) and out["rd_ratio"].iloc[2] == 0.1
    assert list(out.index) == [5, 6, 7]


def test_the_hand_filled_form_offers_the_subject_types_reviewed_rules_name():
    from datetime import date

    from recommender.matching.profile_form import FORM_FIELDS, profile_frame

    (choices,) = [c for f, _, _, c in FORM_FIELDS if f == "ownership"]
    assert {"个体工商户", "农民专业合作社"} <= set(choices)
    frame, problems = profile_frame({"name": "某烧烤店", "ownership": "个体工商户"}, date(2026, 11, 27))
    assert not problems and frame["ownership"].iloc[0] == "个体工商户"
