"""Self-check for one enterprise: the explanation of one item from the evaluation trace."""

from __future__ import annotations

import pandas as pd

from recommender.matching.explain import Explanation, explain
from recommender.matching.matcher import STATUS_NAMES, Matcher
from recommender.rules.engine import Engine
from recommender.rules.trace import trace

__all__ = ["explain_item", "item_trace"]


def _one(matcher: Matcher, profile: int | pd.DataFrame) -> pd.DataFrame:
    one = matcher.frame.iloc[[profile]] if isinstance(profile, int) else profile.iloc[:1]
    return one.reset_index(drop=True)


def item_trace(matcher: Matcher, profile: int | pd.DataFrame, item_id: str) -> pd.DataFrame:
    """The tidy trace of one (enterprise, item)."""
    engine = Engine(_one(matcher, profile))
    return trace(engine, [0], matcher.catalog.item(item_id))


def explain_item(matcher: Matcher, profile: int | pd.DataFrame, item_id: str) -> Explanation:
    """Why an item applies to an enterprise, why not, and what to fill in or confirm."""
    item = matcher.catalog.item(item_id)
    engine = Engine(_one(matcher, profile))
    status = STATUS_NAMES[int(engine.item_status(item)[0])]
    return explain(trace(engine, [0], item), status, item.assumed)
