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
from recommender.rules.evaluators import FIELD_COLUMNS, SIZE_BITS
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


def _observed(frame: pd.DataFrame, row: int, field: str) -> str:
    """The profile's value of a condition field at a row, as display text ('' if missing)."""
    column = FIELD_COLUMNS.get(field, field)
    value = frame[column].iat[row] if column in frame.columns else None
    missing = value is None or (not isinstance(value, str) and pd.isna(value))
    kind = FIELD_KINDS[field]
    if kind == "size" and missing and "size_possible" in frame.columns:
        bits = frame["size_possible"].iat[row]
        if pd.isna(bits) or int(bits) in (0, 15):
            return ""
        return "或".join(name for name, bit in SIZE_BITS.items() if int(bits) & bit)
    if missing:
        return ""
    if kind == "number":
        return "" if math.isnan(float(value)) else _quantity(field, float(value), " ")
    if kind == "date":
        return pd.Timestamp(value).date().isoformat()
    if kind == "bool":
        return "是" if bool(value) else "否"
    if kind == "set":
        return "、".join(q for q in str(value).split(";") if q) or "无"
    if kind in ("industry", "region"):
        return _names(field, str(value))[0]
    return str(value)


class _Spec(NamedTuple):
    condition: str
    group: str
    depth: int
    field: str
    label: str
    expected: str
    clause: str
    text: str


def _flatten(conds: Sequence[Condition], prefix: str, group: str, depth: int) -> list[_Spec]:
    out: list[_Spec] = []
    for n, cond in enumerate(conds, 1):
        index = f"{prefix}{n}"
        field = cond.field or ""
        label = _labels()[field].label if field else ""
        text = cond.text or describe_condition(cond)
        out.append(_Spec(index, group, depth, field, label, describe_expected(cond), cond.clause, text))
        out.extend(_flatten(cond.any_of, f"{index}.", index, depth + 1))
    return out


_SPECS: dict[int, tuple[SupportItem, list[_Spec], list[_Spec]]] = {}


def _specs(item: SupportItem) -> tuple[list[_Spec], list[_Spec]]:
    """Static trace rows of an item: its conditions (depth first) and its assumed boilerplate."""
    entry = _SPECS.get(id(item))
    if entry is None or entry[0] is not item:
        if len(_SPECS) > 50_000:
            _SPECS.clear()
        assumed = [
            _Spec(f"A{n}", "assumed", 0, "", "", "默认满足", "", text)
            for n, text in enumerate(item.assumed, 1)
        ]
        entry = _SPECS[id(item)] = (item, _flatten(item.conditions, "", "", 0), assumed)
    return entry[1], entry[2]


def trace(
    engine: Engine, rows: Sequence[int] | np.ndarray, items: SupportItem | Sequence[SupportItem]
) -> pd.DataFrame:
    """Tidy trace: one row per (enterprise, item, condition) with observed, expected and result."""
    items = [items] if isinstance(items, SupportItem) else list(items)
    rows = np.asarray(rows, np.intp)
    frame = engine.frame
    codes = frame["credit_code"].to_numpy()[rows] if "credit_code" in frame else rows.astype(str)
    specs, slots, item_ids = [], [], []
    for item in items:
        conds, assumed = _specs(item)
        specs.extend(conds)
        specs.extend(assumed)
        slots.append(engine.flat_slots(item))
        slots.append(np.full(len(assumed), -1, np.intp))
        item_ids.extend([item.item_id] * (len(conds) + len(assumed)))
    flat = np.concatenate([np.zeros(0, np.intp), *slots])
    tri = np.ones((len(flat), len(rows)), np.int8)  # assumed rows (slot -1) stay held
    known = flat >= 0
    if known.any() and len(rows):
        tri[known] = engine.slots_at(flat[known], rows)
    fields = sorted({s.field for s in specs if s.field})
    columns: dict[str, list] = {name: [] for name in TRACE_COLUMNS}
    for r, (row, code) in enumerate(zip(rows, codes, strict=True)):
        observed = {f: _observed(frame, int(row), f) for f in fields}
        observed[""] = ""
        columns["enterprise"].extend([code] * len(specs))
        columns["item"].extend(item_ids)
        columns["observed"].extend(observed[s.field] for s in specs)
        columns["result"].extend(_RESULTS[tri[:, r] + 1])
        for name in ("condition", "group", "depth", "field", "label", "expected", "clause", "text"):
            columns[name].extend(getattr(s, name) for s in specs)
    return pd.DataFrame(columns, columns=list(TRACE_COLUMNS))
