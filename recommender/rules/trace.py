"""The tidy trace of (enterprise, item) verdicts and Chinese renderings of conditions."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from recommender.errors import PolicyMatchError
from recommender.rules.engine import Engine
from recommender.rules.evaluators import SIZE_BITS, Columns
from recommender.rules.schema import FIELD_KINDS, Condition, SupportItem

__all__ = ["TRACE_COLUMNS", "RESULT_LABELS", "trace", "describe_condition", "describe_expected"]

TRACE_COLUMNS = (
    "enterprise", "item", "condition", "group", "depth", "field", "label",
    "observed", "expected", "result", "clause", "text",
)
RESULT_LABELS: dict[str, str] = {"held": "满足", "failed": "不满足", "unknown": "待确认"}
_RESULTS = np.array(["failed", "unknown", "held"], dtype=object)

_ORDER_WORDS = {"le": "不超过", "lt": "低于", "ge": "不低于", "gt": "高于", "eq": "为"}
_DATE_WORDS = {"le": "不晚于", "lt": "早于", "ge": "不早于", "gt": "晚于"}
_SYMBOLS = {"le": "≤", "lt": "<", "ge": "≥", "gt": ">", "eq": "="}


class _Label(NamedTuple):
    label: str
    unit: str
    scale: float
    true_text: str
    false_text: str


@cache
def _labels() -> dict[str, _Label]:
    with resources.files("recommender.rules").joinpath("data/condition_labels.csv").open(
        encoding="utf-8"
    ) as fh:
        table = pd.read_csv(fh, comment="#", dtype=str, keep_default_na=False)
    return {
        row.field: _Label(row.label, row.unit, float(row.scale), row.true_text, row.false_text)
        for row in table.itertuples()
    }


def _number(value: float) -> str:
    """A number without a trailing .0 (2000 -> 2000, 0.5 -> 0.5)."""
    return f"{value:.6g}" if not float(value).is_integer() else str(int(value))


def _quantity(field: str, value: float, sep: str = "") -> str:
    spec = _labels()[field]
    unit = spec.unit if spec.unit == "%" else sep + spec.unit
    return f"{_number(float(value) * spec.scale)}{unit}".strip()


def _names(field: str, value: Any) -> list[str]:
    """Display names of category-like condition values (industry and region names)."""
    values = list(value) if isinstance(value, tuple) else [value]
    if FIELD_KINDS[field] == "industry":
        from recommender.profiles.industry import industry_name

        return [f"{_industry_name(industry_name, v)}（{v}）" for v in values]
    if FIELD_KINDS[field] == "region":
        return [f"{_region_name(v)}（{v}）" if _region_name(v) else v for v in values]
    unit = _labels()[field].unit
    return [f"{v}{unit}" for v in values]


def _region_name(code: str) -> str | None:
    """A region's name; 市辖区/县 groupings carry their parent's name (重庆市县)."""
    from recommender.profiles.regions import region_name, region_parent

    name = region_name(code)
    parent = region_parent(code)
    if name in ("市辖区", "县") and parent:
        return f"{region_name(parent) or ''}{name}"
    return name


def _industry_name(lookup: Any, code: str) -> str:
    try:
        return lookup(code)
    except (KeyError, PolicyMatchError):  # an unlisted code shows as itself
        return code


def describe_condition(cond: Condition) -> str:
    """The condition as a Chinese sentence, e.g. 年营业收入不超过2000万元."""
    if cond.op == "any_of":
        return "满足下列条件之一：" + "；或".join(describe_condition(c) for c in cond.any_of)
    if cond.op == "unknown":
        return cond.text or "需人工确认的条件"
    spec = _labels()[cond.field]
    kind = FIELD_KINDS[cond.field]
    if kind == "number":
        return f"{spec.label}{_ORDER_WORDS[cond.op]}{_quantity(cond.field, cond.value)}"
    if kind == "date":
        return f"{spec.label}{_DATE_WORDS[cond.op]}{cond.value}"
    if kind == "bool":
        return spec.true_text if cond.value else spec.false_text
    if kind == "set":
        return f"具有{cond.value}资质"
    names = "、".join(_names(cond.field, cond.value))
    verb = {"eq": "为", "in": "属于", "not_in": "不属于", "within": "位于"}[cond.op]
    return f"{spec.label}{verb}{names}"


def describe_expected(cond: Condition) -> str:
    """The expected value in short form, e.g. ≤ 300 万元, 属于 小型、微型."""
    if cond.op == "any_of":
        return "满足其一"
    if cond.op == "unknown":
        return "需人工确认"
    kind = FIELD_KINDS[cond.field]
    if kind == "number":
        return f"{_SYMBOLS[cond.op]} {_quantity(cond.field, cond.value, ' ')}"
    if kind == "date":
        return f"{_SYMBOLS[cond.op]} {cond.value}"
    if kind == "bool":
        return "是" if cond.value else "否"
    if kind == "set":
        return f"具有 {cond.value}"
    verb = {"eq": "为", "in": "属于", "not_in": "不属于", "within": "位于"}[cond.op]
    return f"{verb} {'、'.join(_names(cond.field, cond.value))}"


def _display(field: str, value: str) -> str:
    """A category-like profile value for display (industry and region codes with names)."""
    if FIELD_KINDS[field] in ("industry", "region"):
        return _display_code(field, value)
    if FIELD_KINDS[field] == "set":
        return "、".join(q for q in value.split(";") if q) or "无"
    return value


@cache
def _display_code(field: str, code: str) -> str:
    return _names(field, code)[0]


def _observed(cols: Columns, row: int, field: str) -> str:
    """The profile's value of a condition field at a row, as display text ('' if missing)."""
    kind = FIELD_KINDS[field]
    if kind == "number":
        value = cols.number(field)[row]
        return "" if math.isnan(value) else _quantity(field, value, " ")
    if kind == "date":
        value = cols.days(field)[row]
        return "" if math.isnan(value) else str(np.datetime64(int(value), "D"))
    if kind == "bool":
        return {1: "是", -1: "否", 0: ""}[int(cols.boolean(field)[row])]
    codes, uniques = cols.categories(field)
    if codes[row] >= 0:
        return _display(field, str(uniques[codes[row]]))
    if kind == "size":
        bits = int(cols.size_possible()[row])
        return "" if bits in (0, 15) else "或".join(n for n, b in SIZE_BITS.items() if bits & b)
    return ""


def _flatten(conds: Sequence[Condition], prefix: str, group: str, depth: int) -> list[tuple]:
    out: list[tuple] = []
    for n, cond in enumerate(conds, 1):
        index = f"{prefix}{n}"
        field = cond.field or ""
        label = _labels()[field].label if field else ""
        text = cond.text or describe_condition(cond)
        out.append((index, group, depth, field, label, describe_expected(cond), cond.clause, text))
        out.extend(_flatten(cond.any_of, f"{index}.", index, depth + 1))
    return out


_STATIC = ("condition", "group", "depth", "field", "label", "expected", "clause", "text")


class _Static(NamedTuple):
    items: tuple[SupportItem, ...]
    frame: pd.DataFrame  # one row per (item, condition), enterprise / observed / result blank
    assumed: np.ndarray  # True on assumed rows (always held)
    fields: list[str]  # distinct condition fields
    field_codes: np.ndarray  # per row: index into fields, -1 for none


_CACHE: dict[tuple[int, ...], _Static] = {}


def _static(items: tuple[SupportItem, ...]) -> _Static:
    """The engine-independent part of a trace of ``items``, cached for repeated calls."""
    key = tuple(map(id, items))
    entry = _CACHE.get(key)
    if entry is not None and all(a is b for a, b in zip(entry.items, items, strict=True)):
        return entry
    rows, item_ids, assumed = [], [], []
    for item in items:
        conds = _flatten(item.conditions, "", "", 0)
        extra = [(f"A{n}", "assumed", 0, "", "", "默认满足", "", t) for n, t in enumerate(item.assumed, 1)]
        rows.extend(conds + extra)
        item_ids.extend([item.item_id] * (len(conds) + len(extra)))
        assumed.extend([False] * len(conds) + [True] * len(extra))
    frame = pd.DataFrame(rows, columns=list(_STATIC))
    frame.insert(0, "item", item_ids)
    frame.insert(0, "enterprise", "")
    frame.insert(frame.columns.get_loc("expected") + 1, "observed", "")
    frame.insert(frame.columns.get_loc("expected") + 1, "result", "")
    frame = frame[list(TRACE_COLUMNS)].astype({"depth": np.int8})
    codes, fields = pd.factorize(frame["field"].where(frame["field"] != ""))
    if len(_CACHE) > 64:
        _CACHE.clear()
    entry = _CACHE[key] = _Static(items, frame, np.array(assumed, bool), list(fields), codes)
    return entry


def trace(
    engine: Engine, rows: Sequence[int] | np.ndarray, items: SupportItem | Sequence[SupportItem]
) -> pd.DataFrame:
    """Tidy trace: one row per (enterprise, item, condition) with observed, expected and result."""
    items = (items,) if isinstance(items, SupportItem) else tuple(items)
    rows = np.asarray(rows, np.intp)
    static = _static(items)
    m = len(static.frame)
    flat = np.full(m, -1, np.intp)
    flat[~static.assumed] = engine.trace_slots(items)
    tri = np.ones((m, len(rows)), np.int8)  # assumed rows stay held
    if len(rows) and (~static.assumed).any():
        tri[~static.assumed] = engine.slots_at(flat[~static.assumed], rows)
    frame = engine.frame
    if "credit_code" in frame.columns:
        codes = frame["credit_code"].iloc[rows].to_numpy(dtype=object)
    else:
        codes = rows.astype(str).astype(object)
    observed = np.empty((len(rows), len(static.fields) + 1), dtype=object)
    observed[:, -1] = ""
    for r, row in enumerate(rows):
        observed[r, :-1] = [_observed(engine.columns, int(row), f) for f in static.fields]
    if len(rows) == 1:
        out = static.frame.copy(deep=False)
    else:
        out = static.frame.iloc[np.tile(np.arange(m), len(rows))].reset_index(drop=True)
    out["enterprise"] = np.repeat(codes, m)
    out["observed"] = observed[:, static.field_codes].ravel()
    out["result"] = _RESULTS[tri.T.ravel() + 1]
    return out
