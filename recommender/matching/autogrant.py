"""免申即享: items every condition of which the data can check, granted to those who hold them all."""

from __future__ import annotations

import numpy as np
import pandas as pd

from recommender.matching.matcher import Matcher
from recommender.rules.schema import Condition, SupportItem

__all__ = ["checkable", "auto_grant_items", "auto_grant"]


def checkable(cond: Condition) -> bool:
    """Whether profile data can settle a condition (no part of it needs a person to confirm)."""
    if cond.op == "any_of":
        return all(checkable(c) for c in cond.any_of)
    return cond.op != "unknown"


def auto_grant_items(matcher: Matcher) -> list[SupportItem]:
    """Items in force whose conditions are all checkable from profile data."""
    return [i for i in matcher.catalog.items if all(checkable(c) for c in i.conditions)]


def auto_grant(matcher: Matcher) -> pd.DataFrame:
    """(item_id, item name, credit_code, enterprise name) for every enterprise holding every condition."""
    codes = matcher.frame["credit_code"].to_numpy()
    names = matcher.frame["name"].to_numpy() if "name" in matcher.frame else np.full(len(codes), "")
    parts = []
    for item in auto_grant_items(matcher):
        rows = np.flatnonzero(matcher.status(item) == 1)
        parts.append(
            pd.DataFrame(
                {"item_id": item.item_id, "item_name": item.name, "credit_code": codes[rows],
                 "name": names[rows]}
            )
        )
    columns = ["item_id", "item_name", "credit_code", "name"]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
