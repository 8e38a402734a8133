"""Thresholds set per trade in a table (| 行业 | 入统标准 | 批发业 | 年主营业务收入2000万元及以上 |): each
item for one trade takes its trade's row."""

from __future__ import annotations

import re

from recommender.rules.schema import Condition
from recommender.text.conditions import find_conditions
from recommender.text.items import ItemPlan
from recommender.text.phrases import table_cells
from recommender.text.structure import Structure

__all__ = ["trade_thresholds"]

_TRADE_COLUMN = re.compile(r"^(?:所属)?行业(?:类别|门类|名称)?$")


def trade_thresholds(structure: Structure, items: list[ItemPlan], conditions: list[list[Condition]],
                     region_code: str | None) -> list[list[Condition]]:
    """Each item's conditions plus the row of a per-trade threshold table for the trade its own text names."""
    rows = _rows(structure, items, region_code)
    if not rows:
        return conditions
    out = []
    for plan, conds in zip(items, conditions, strict=True):
        own = {code for c in conds if c.field == "industry" and c.op == "in" and c.span
               and plan.start <= c.span[0] < plan.end for code in c.value}
        extra = [c for codes, row in rows if own and _overlaps(own, codes) for c in row]
        have = {c.key() for c in conds}
        out.append([*conds, *(c for c in extra if c.key() not in have)])
    return out


def _overlaps(a: set[str], b: set[str]) -> bool:
    return any(x.startswith(y) or y.startswith(x) for x in a for y in b)


def _rows(structure: Structure, items: list[ItemPlan], region_code: str | None) -> list[tuple[set[str], list[Condition]]]:
    """(industry codes, the other cells' conditions) of each row of a table led by a 行业 column outside every item."""
    text = structure.text
    out: list[tuple[set[str], list[Condition]]] = []
    header: list[str] | None = None
    offset = 0
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        cells = table_cells(line)
        if cells is None:
            header = None
            continue
        values = [line[a:b].strip("* ") for a, b in cells]
        if header is None:
            header = values
            continue
        if set("".join(values)) <= set("-: ") or not _TRADE_COLUMN.match(header[0]) or len(cells) < 2 \
                or any(p.start <= start < p.end for p in items):
            continue
        trade = find_conditions(values[0], start + cells[0][0], "", region_code=region_code).conditions
        codes = {code for c in trade if c.field == "industry" and c.op == "in" for code in c.value}
        at = structure.clause_at(start)
        address = f"{at.address} {values[0]}" if at is not None else values[0]
        rest = [c for a, b in cells[1:] for c in find_conditions(line[a:b], start + a, address, region_code=region_code).conditions
                if c.field not in ("industry", None) or c.op == "any_of"]
        if codes and rest:
            out.append((codes, rest))
    return out
