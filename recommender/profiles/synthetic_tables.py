"""Data tables behind the synthetic registry: industry mix, sector economics, regions, name words."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from recommender.errors import ProfileError

__all__ = ["SCOPES", "industry_mix", "region_weights", "name_words"]

_DATA = Path(__file__).parent / "data"
SCOPES: tuple[str, ...] = ("county", "city")
_PARAMS = (
    "emp_median",
    "emp_sigma",
    "rev_per_emp",
    "asset_ratio",
    "margin",
    "margin_sd",
    "rd_share",
    "rd_ratio",
    "tech",
)


def _read(name: str, **kwargs) -> pd.DataFrame:
    return pd.read_csv(_DATA / name, comment="#", encoding="utf-8", **kwargs)


def _longest_prefix(code: str, prefixes: pd.Index) -> str:
    """The longest sector prefix (``C39``, ``C``) that ``code`` starts with."""
    matches = [p for p in prefixes if code.startswith(p)]
    if not matches:
        raise ProfileError("P190", f"合成数据缺少行业“{code}”的经济参数")
    return max(matches, key=len)


@cache
def industry_mix(scope: str) -> pd.DataFrame:
    """Industries of a scope with probability ``p``, phrase and name-word lists and economics."""
    if scope not in SCOPES:
        raise ProfileError("P191", f"未知的合成范围“{scope}”，应为 county 或 city")
    mix = _read("synthetic_industry_mix.csv", dtype={"weight": float}, keep_default_na=False)
    mix = mix[mix["scope"] == scope].reset_index(drop=True)
    params = _read("synthetic_industry_params.csv").set_index("prefix")
    prefixes = [_longest_prefix(code, params.index) for code in mix["industry_code"]]
    economics = params.loc[prefixes, list(_PARAMS)].reset_index(drop=True)
    out = pd.concat([mix.drop(columns="scope"), economics], axis=1)
    out["p"] = out["weight"] / out["weight"].sum()
    out["phrases"] = out["scope_phrases"].str.split("|")
    out["words"] = out["name_words"].str.split("|")
    out["section"] = out["industry_code"].str[0]
    return out


@cache
def region_weights() -> pd.DataFrame:
    """District and county units of 重庆市 with name and probability ``p``."""
    table = _read("synthetic_regions.csv", dtype={"region_code": str})
    table["p"] = table["weight"] / table["weight"].sum()
    return table


@cache
def name_words() -> np.ndarray:
    """Words for trade names (字号)."""
    lines = (_DATA / "synthetic_name_words.txt").read_text(encoding="utf-8").splitlines()
    return np.array([w.strip() for w in lines if w.strip() and not w.startswith("#")])
