"""Reach and what-if over the registry: breakdowns, baseline comparison, threshold sweeps, overlap."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from recommender.rules.engine import STATUS_CODES, Engine
from recommender.rules.evaluators import compile_condition
from recommender.rules.schema import FIELD_KINDS, SupportItem

__all__ = ["DIMENSIONS", "MISSING_GROUP", "Comparison", "reach_by", "compare", "sweep", "overlap"]

# Breakdown dimensions and the frame column each reads (section = the industry code's letter).
DIMENSIONS: dict[str, str] = {"section": "industry_code", "size": "size", "region": "region_code"}
MISSING_GROUP = "（未填）"
_COUNT_COLUMNS = ["eligible", "unknown", "ineligible"]


def _group_values(engine: Engine, dimension: str) -> pd.Series:
    column = DIMENSIONS.get(dimension, dimension)
    if column not in engine.frame.columns:
        return pd.Series([MISSING_GROUP] * engine.n)
    values = engine.frame[column].reset_index(drop=True).astype("string")
    if dimension == "section":
        values = values.str[:1]
    return values.fillna(MISSING_GROUP)


def _tally(status: np.ndarray, groups: np.ndarray, n_groups: int) -> np.ndarray:
    """[n_groups, 3] counts of (eligible, unknown, ineligible) per group code."""
    flat = np.bincount(groups * 3 + (1 - status.astype(np.intp)), minlength=n_groups * 3)
    return flat.reshape(n_groups, 3)


def reach_by(
    engine: Engine, item: SupportItem, by: Sequence[str] = ("section", "size", "region")
) -> pd.DataFrame:
    """Counts by status per group, one breakdown per dimension: dimension, group, counts."""
    status = engine.item_status(item)
    parts = []
    for dimension in by:
        codes, uniques = pd.factorize(_group_values(engine, dimension))
        table = pd.DataFrame(_tally(status, codes, len(uniques)), columns=_COUNT_COLUMNS)
        table.insert(0, "group", np.asarray(uniques, dtype=object))
        table.insert(0, "dimension", dimension)
        parts.append(table.sort_values(["eligible", "unknown"], ascending=False, kind="stable"))
    columns = ["dimension", "group", *_COUNT_COLUMNS]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)


class Comparison(NamedTuple):
    """Draft against baseline: who gains, who loses eligibility, and every status transition."""

    gains: pd.DataFrame
    losses: pd.DataFrame
    transitions: pd.DataFrame


def _moved(engine: Engine, rows: np.ndarray, before: np.ndarray, after: np.ndarray) -> pd.DataFrame:
    names = np.array([STATUS_CODES[-1], STATUS_CODES[0], STATUS_CODES[1]], dtype=object)
    codes = engine.frame["credit_code"].to_numpy()[rows] if "credit_code" in engine.frame else rows
    return pd.DataFrame(
        {
            "row": rows,
            "credit_code": codes,
            "before": names[before[rows] + 1],
            "after": names[after[rows] + 1],
        }
    )


def compare(engine: Engine, baseline_item: SupportItem, draft_item: SupportItem) -> Comparison:
    """Rows that move into (gains) or out of (losses) eligible, and the 3×3 transition counts."""
    before = engine.item_status(baseline_item)
    after = engine.item_status(draft_item)
    gains = np.flatnonzero((after == 1) & (before != 1))
    losses = np.flatnonzero((before == 1) & (after != 1))
    cells = np.bincount((before.astype(np.intp) + 1) * 3 + after + 1, minlength=9)
    transitions = pd.DataFrame(
        [
            {"before": STATUS_CODES[b], "after": STATUS_CODES[a], "count": int(cells[(b + 1) * 3 + a + 1])}
            for b in (1, 0, -1)
            for a in (1, 0, -1)
        ]
    )
    return Comparison(
        _moved(engine, gains, before, after), _moved(engine, losses, before, after), transitions
    )


def _count(bits: np.ndarray) -> int:
    return int(np.bitwise_count(bits).sum())


def _sorted_counts(
    x: np.ndarray, held_mask: np.ndarray, open_mask: np.ndarray, op: str, bounds: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per bound: rows held by ``x op bound`` among ``held_mask``, failed among ``open_mask``."""
    known = ~np.isnan(x)
    a = np.sort(x[held_mask & known])
    b = np.sort(x[open_mask & known])
    side = "right" if op in ("le", "gt") else "left"
    below_a, below_b = np.searchsorted(a, bounds, side), np.searchsorted(b, bounds, side)
    if op in ("le", "lt"):
        return below_a, len(b) - below_b
    return len(a) - below_a, below_b


def sweep(
    engine: Engine, item: SupportItem, condition_index: int, values: Sequence[Any]
) -> pd.DataFrame:
    """Reach of ``item`` as one top-level condition takes each of ``values`` in turn."""
    cond = item.conditions[condition_index]
    variants = [cond.with_value(v) for v in values]
    for variant in variants:
        compile_condition(variant)
    held_o, failed_o = engine.item_bits(item, skip=condition_index)
    kind = FIELD_KINDS.get(cond.field or "")
    if kind in ("number", "date") and cond.op in ("le", "lt", "ge", "gt"):
        if kind == "number":
            x = engine.columns.number(cond.field)
            bounds = np.array([float(v) for v in values])
        else:
            x = engine.columns.days(cond.field)
            epoch = np.datetime64("1970-01-01", "D")
            bounds = np.array([(np.datetime64(str(v), "D") - epoch).astype(float) for v in values])
        held_mask = np.unpackbits(held_o, count=engine.n).view(bool)
        failed_mask = np.unpackbits(failed_o, count=engine.n).view(bool)
        eligible, newly_failed = _sorted_counts(x, held_mask, ~failed_mask, cond.op, bounds)
        ineligible = _count(failed_o) + newly_failed
    else:
        eligible = np.empty(len(values), np.int64)
        ineligible = np.empty(len(values), np.int64)
        for k, variant in enumerate(variants):
            held, failed = engine.bits(variant)
            eligible[k] = _count(held_o & held)
            ineligible[k] = _count(failed_o | failed)
    eligible, ineligible = np.asarray(eligible, np.int64), np.asarray(ineligible, np.int64)
    return pd.DataFrame(
        {
            "value": list(values),
            "eligible": eligible,
            "unknown": engine.n - eligible - ineligible,
            "ineligible": ineligible,
        }
    )


def overlap(engine: Engine, item: SupportItem, others: Sequence[SupportItem]) -> pd.DataFrame:
    """Of the item's eligible enterprises, how many also qualify for each other item."""
    mine = engine.item_bits(item)[0]
    total = _count(mine)
    records = []
    for other in others:
        theirs = engine.item_bits(other)[0]
        both = _count(mine & theirs)
        records.append(
            {
                "item_id": other.item_id,
                "name": other.name,
                "eligible": _count(theirs),
                "both": both,
                "share": both / total if total else 0.0,
            }
        )
    columns = ["item_id", "name", "eligible", "both", "share"]
    return pd.DataFrame(records, columns=columns)
