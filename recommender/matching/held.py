"""Items an enterprise already holds: ones that confer a qualification it already has."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from recommender.rules.schema import Condition, SupportItem

__all__ = ["conferred_qualification", "already_held"]

_CONFER = re.compile(r"认定|评价|入库|申报|培育|认证|备案")


def _required(cond: Condition) -> set[str]:
    if cond.op == "any_of":
        return set().union(*(_required(c) for c in cond.any_of))
    return {cond.value} if cond.op == "has" else set()


def conferred_qualification(item: SupportItem) -> str | None:
    """The qualification an item grants (e.g. 科技型中小企业评价入库), if it grants one."""
    from recommender.profiles.qualifications import qualification_table

    if not _CONFER.search(item.name):
        return None
    required = set().union(*(_required(c) for c in item.conditions)) if item.conditions else set()
    for name in qualification_table()["canonical"].unique():
        if name in item.name and name not in required:
            return name
    return None


def already_held(profile: pd.Series, items: Iterable[SupportItem]) -> set[str]:
    """Ids of items that would give the enterprise a qualification it already lists."""
    raw = profile.get("qualifications")
    if raw is None or pd.isna(raw) or not str(raw):
        return set()
    held = set(str(raw).split(";"))
    return {item.item_id for item in items if conferred_qualification(item) in held}
