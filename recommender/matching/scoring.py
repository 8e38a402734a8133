"""The ranking score: status tier first, then relevance within the tier.

``score = tier + 0.999 * (0.45 * similarity + 0.20 * topical + 0.20 * benefit + 0.15 * settled)``

- ``tier``: 2 eligible, 1 unknown, 0 ineligible, so sorting by score sorts by status first;
- ``similarity``: TF-IDF cosine between the enterprise's text (scope, industry name,
  qualifications) and the item's text, in [0, 1];
- ``topical``: 1 when the enterprise's industry is one the item's prose favours;
- ``benefit``: size of the largest money benefit on a log scale (1 at 1000万元 and above), 0.3 for
  items whose benefit is a rate or term without an amount;
- ``settled``: share of the item's conditions that are not unknown for this enterprise.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np

from recommender.rules.schema import Condition, SupportItem

__all__ = ["WEIGHTS", "TIER", "benefit_size", "favoured_industries", "combine", "favoured_condition"]

WEIGHTS = {"similarity": 0.45, "topical": 0.20, "benefit": 0.20, "settled": 0.15}
TIER = {1: 2.0, 0: 1.0, -1: 0.0}  # status code -> tier


def benefit_size(item: SupportItem) -> float:
    """Largest money benefit of the item on a log scale in [0, 1]."""
    amounts = [b.amount for b in item.benefits if b.unit == "万元" and b.amount]
    if not amounts:
        return 0.3 if item.benefits else 0.0
    return min(1.0, math.log1p(max(amounts)) / math.log1p(1000.0))


@cache
def _industry_names() -> tuple[tuple[str, str], ...]:
    """(name, code) of divisions and groups with names long enough to spot in prose."""
    from recommender.profiles.industry import industry_table

    table = industry_table()
    rows = table[table["level"].astype(int).isin([2, 3]) & (table["name"].str.len() >= 3)]
    return tuple(zip(rows["name"], rows["code"], strict=True))


def favoured_industries(item: SupportItem) -> tuple[str, ...]:
    """Industries the item names: declared ones, required ones, and names in its prose."""
    codes = set(item.industries)
    for cond in item.conditions:
        if cond.field == "industry" and cond.op == "in":
            codes.update(cond.value)
    text = f"{item.name}{item.text}"
    codes.update(code for name, code in _industry_names() if name in text)
    return tuple(sorted(codes))


def favoured_condition(item: SupportItem) -> Condition | None:
    """A condition testing membership in the item's favoured industries (None if there are none)."""
    codes = favoured_industries(item)
    if not codes:
        return None
    return Condition(op="in", field="industry", value=list(codes), text="政策重点支持行业")


def combine(
    status: np.ndarray,
    similarity: np.ndarray,
    topical: np.ndarray,
    benefit: float,
    settled: np.ndarray,
) -> np.ndarray:
    """The score of the module docstring, elementwise."""
    tier = np.select([status == 1, status == 0], [TIER[1], TIER[0]], TIER[-1])
    within = (
        WEIGHTS["similarity"] * np.clip(similarity, 0.0, 1.0)
        + WEIGHTS["topical"] * topical
        + WEIGHTS["benefit"] * benefit
        + WEIGHTS["settled"] * settled
    )
    return tier + 0.999 * within
