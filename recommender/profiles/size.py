"""SME size class (统计上大中小微型企业划分办法(2017)), three-valued over missing inputs."""

from __future__ import annotations

from functools import cache
from importlib import resources

import numpy as np
import pandas as pd

from recommender.errors import ProfileError
from recommender.profiles.industry import industry_table, normalise_industry_code

__all__ = ["SIZE_BITS", "size_categories", "size_thresholds", "classify_size"]

# Bit of each class in ``size_possible``; 15 means nothing is settled.
SIZE_BITS: dict[str, int] = {"大型": 1, "中型": 2, "小型": 4, "微型": 8}
_CLASSES = ("large", "medium", "small")
_INDICATORS = ("employees", "revenue", "assets")


def _read(name: str) -> pd.DataFrame:
    with (
        resources.files("recommender.profiles")
        .joinpath(f"data/{name}")
        .open(encoding="utf-8") as fh
    ):
        return pd.read_csv(fh, comment="#", dtype={"code": str})


@cache
def size_thresholds() -> pd.DataFrame:
    """Lower bounds per (category, indicator) for the large, medium and small classes."""
    return _read("size_thresholds.csv")


@cache
def size_categories() -> dict[str, frozenset[str]]:
    """For every GB/T 4754-2017 code, the size categories its classes fall in."""
    mapping = _read("size_categories.csv")
    prefixes = sorted(
        (
            (normalise_industry_code(c), cat)
            for c, cat in zip(mapping["code"], mapping["category"], strict=True)
        ),
        key=lambda pair: -len(pair[0]),
    )
    table = industry_table()
    classes = table.loc[table["level"] == 4, "code"].tolist()
    category_of = {
        cls: next((cat for prefix, cat in prefixes if cls.startswith(prefix)), None)
        for cls in classes
    }
    return {
        code: frozenset(cat for cls, cat in category_of.items() if cat and cls.startswith(code))
        for code in table["code"]
    }


@cache
def _bounds() -> tuple[list[str], np.ndarray]:
    """Category names and a (class, indicator, category) array of bounds, -inf = not listed."""
    thresholds = size_thresholds()
    names = list(dict.fromkeys(thresholds["category"]))
    bounds = np.full((len(_CLASSES), len(_INDICATORS), len(names)), -np.inf)
    for row in thresholds.itertuples(index=False):
        for k, cls in enumerate(_CLASSES):
            bounds[k, _INDICATORS.index(row.indicator), names.index(row.category)] = getattr(
                row, cls
            )
    return names, bounds


def _category_mask(code: object, names: list[str]) -> int:
    """Bitmask of the categories one industry code allows (missing or unreadable: all)."""
    try:
        cats = size_categories()[normalise_industry_code(str(code))]
    except ProfileError:
        return (1 << len(names)) - 1
    return sum(1 << names.index(cat) for cat in cats)


def _category_masks(codes: pd.Series, names: list[str]) -> np.ndarray:
    """Per row, a bitmask of the categories the industry code allows."""
    index, uniques = pd.factorize(codes, use_na_sentinel=True)
    per_unique = np.array([_category_mask(u, names) for u in uniques] + [(1 << len(names)) - 1])
    return per_unique[index]


def _possible_for(
    low: np.ndarray, high: np.ndarray, bounds: np.ndarray | list[list[np.ndarray]]
) -> np.ndarray:
    """Size bitmask per row from the (class, indicator) bounds, scalars or one per row.

    ``low``/``high`` are the indicators with unknowns set to -inf/+inf: a class is certainly
    met when ``low`` reaches every bound, certainly missed when ``high`` falls short of one.
    """
    held, failed = [], []
    for k in range(len(_CLASSES)):
        all_met = np.ones(low.shape[1], dtype=bool)
        any_short = np.zeros(low.shape[1], dtype=bool)
        for i in range(len(_INDICATORS)):
            all_met &= low[i] >= bounds[k][i]
            any_short |= high[i] < bounds[k][i]
        held.append(all_met)
        failed.append(any_short)
    (large_h, medium_h, small_h), (large_f, medium_f, small_f) = held, failed
    possible = np.where(~large_f, SIZE_BITS["大型"], 0)
    possible |= np.where(~medium_f & ~large_h, SIZE_BITS["中型"], 0)
    possible |= np.where(~small_f & ~medium_h, SIZE_BITS["小型"], 0)
    possible |= np.where(~small_h, SIZE_BITS["微型"], 0)
    return possible.astype(np.uint8)


def classify_size(df: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(size class or NA, bitmask of classes the known inputs allow) for every row."""
    names, bounds = _bounds()
    masks = _category_masks(df["industry_code"], names)
    values = np.stack(
        [
            pd.to_numeric(df[col], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
            for col in _INDICATORS
        ]
    )
    unknown = np.isnan(values)
    low, high = np.where(unknown, -np.inf, values), np.where(unknown, np.inf, values)
    # Rows with exactly one candidate category: its bounds, row by row.
    single = (masks > 0) & ((masks & (masks - 1)) == 0)
    category = np.log2(np.where(single, masks, 1)).astype(np.intp)
    per_row = [
        [bounds[k, i].take(category) for i in range(len(_INDICATORS))] for k in range(len(_CLASSES))
    ]
    possible = _possible_for(low, high, per_row)
    # Rows whose industry leaves several categories: the union over them.
    several = np.flatnonzero((masks & (masks - 1)) != 0)
    possible[several] = 0
    for c in range(len(names)):
        rows = several[(masks[several] >> c) & 1 == 1]
        possible[rows] |= _possible_for(low[:, rows], high[:, rows], bounds[:, :, c])
    possible[masks == 0] = sum(SIZE_BITS.values())
    lookup = np.full(16, None, dtype=object)
    for name, bit in SIZE_BITS.items():
        lookup[bit] = name
    size = pd.Series(lookup[possible], index=df.index, name="size", dtype="string")
    return size, pd.Series(possible, index=df.index, name="size_possible")
