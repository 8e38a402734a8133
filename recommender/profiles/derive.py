"""Derived profile fields: size class, 小型微利企业, age in years, R&D ratio."""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd

from recommender.profiles.size import classify_size

__all__ = ["SMALL_LOW_PROFIT_LIMITS", "derive", "small_low_profit", "age_years", "rd_ratio"]

# 小型微利企业 (财税〔2023〕12号 and 财政部 税务总局公告2023年第6号): upper bounds, inclusive.
SMALL_LOW_PROFIT_LIMITS: dict[str, float] = {
    "taxable_income": 300.0,
    "employees": 300.0,
    "assets": 5000.0,
}


def _numbers(df: pd.DataFrame, column: str) -> np.ndarray:
    return pd.to_numeric(df[column], errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def small_low_profit(df: pd.DataFrame) -> pd.Series:
    """Kleene AND of the three bounds: False if any known input exceeds, NA if one is missing."""
    over = np.zeros(len(df), dtype=bool)
    missing = np.zeros(len(df), dtype=bool)
    for column, limit in SMALL_LOW_PROFIT_LIMITS.items():
        values = _numbers(df, column)
        over |= values > limit
        missing |= np.isnan(values)
    result = pd.arrays.BooleanArray(~over, missing & ~over)
    return pd.Series(result, index=df.index, name="small_low_profit")


def age_years(established: pd.Series, as_of: datetime.date) -> pd.Series:
    """Complete years from each date up to ``as_of``; NaN when the date is unknown."""
    dates = pd.to_datetime(established, errors="coerce")
    years = as_of.year - dates.dt.year
    before_anniversary = (dates.dt.month > as_of.month) | (
        (dates.dt.month == as_of.month) & (dates.dt.day > as_of.day)
    )
    age = (years - before_anniversary.astype(float)).astype(float)
    return pd.Series(age.to_numpy(dtype=float, na_value=np.nan), index=established.index)


def rd_ratio(df: pd.DataFrame) -> pd.Series:
    """R&D expense over revenue; NaN when either is unknown or revenue is not positive."""
    revenue = _numbers(df, "revenue")
    rd = _numbers(df, "rd_expense")
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(revenue > 0, rd / revenue, np.nan)
    return pd.Series(ratio, index=df.index, name="rd_ratio")


def derive(df: pd.DataFrame, as_of: datetime.date) -> pd.DataFrame:
    """A copy of the profile frame with size, size_possible, small_low_profit, age_years, rd_ratio."""
    out = df.copy()
    out["size"], out["size_possible"] = classify_size(df)
    out["small_low_profit"] = small_low_profit(df)
    out["age_years"] = age_years(df["established"], as_of)
    out["rd_ratio"] = rd_ratio(df)
    return out
