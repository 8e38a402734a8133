"""Drafting: a draft's conditions as an editable table and back, validated on the way in."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from recommender.errors import RuleError
from recommender.matching.matcher import Matcher
from recommender.rules.engine import Engine
from recommender.rules.schema import FIELD_KINDS, Condition, SupportItem
from recommender.rules.whatif import overlap

__all__ = [
    "EDIT_COLUMNS",
    "FIELD_LABELS",
    "OP_LABELS",
    "conditions_table",
    "item_from_table",
    "numeric_conditions",
    "reach_at",
    "reach_chart",
    "curve_chart",
    "closest_item",
    "movers_table",
    "overlap_table",
]

EDIT_COLUMNS = ["启用", "字段", "运算", "取值", "原文", "条款"]

FIELD_LABELS = {
    "industry": "行业",
    "region_code": "注册地",
    "established": "成立日期",
    "age_years": "成立年限（年）",
    "employees": "从业人数",
    "revenue": "营业收入（万元）",
    "assets": "资产总额（万元）",
    "taxable_income": "应纳税所得额（万元）",
    "rd_expense": "研发费用（万元）",
    "rd_ratio": "研发费用占营业收入比例",
    "invention_patents": "有效发明专利数",
    "tax_credit": "纳税信用等级",
    "dishonest": "失信被执行人",
    "has_bank_loan": "有银行贷款记录",
    "small_low_profit": "小型微利企业",
    "size": "企业规模",
    "taxpayer_type": "纳税人类型",
    "ownership": "企业类型",
    "qualifications": "资质",
}
OP_LABELS = {
    "eq": "等于",
    "in": "属于",
    "not_in": "不属于",
    "lt": "小于",
    "le": "不超过",
    "gt": "大于",
    "ge": "不低于",
    "within": "位于",
    "has": "具有",
    "unknown": "需人工确认",
    "any_of": "满足其一",
}
_FIELD_BY_LABEL = {v: k for k, v in FIELD_LABELS.items()}
_OP_BY_LABEL = {v: k for k, v in OP_LABELS.items()}
_TRUE, _FALSE = {"是", "true", "True", "1", "有"}, {"否", "false", "False", "0", "无"}


def _show(cond: Condition) -> str:
    if cond.op == "any_of":
        return " 或 ".join(c.text or _show(c) for c in cond.any_of)
    value = cond.value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, tuple):
        return "、".join(map(str, value))
    return "" if value is None else str(value)


def conditions_table(item: SupportItem) -> pd.DataFrame:
    """One row per condition with Chinese labels, for an editable grid."""
    rows = [
        {
            "启用": True,
            "字段": FIELD_LABELS.get(c.field or "", ""),
            "运算": OP_LABELS[c.op],
            "取值": _show(c),
            "原文": c.text,
            "条款": c.clause,
        }
        for c in item.conditions
    ]
    return pd.DataFrame(rows, columns=EDIT_COLUMNS)


def _parse_value(field: str, op: str, raw: str):
    kind = FIELD_KINDS[field]
    raw = raw.strip()
    if kind == "number":
        try:
            return float(raw)
        except ValueError as exc:
            raise RuleError("R104", f"“{FIELD_LABELS[field]}”的取值应为数字：{raw}") from exc
    if kind == "bool":
        if raw in _TRUE:
            return True
        if raw in _FALSE:
            return False
        raise RuleError("R104", f"“{FIELD_LABELS[field]}”的取值应为“是”或“否”：{raw}")
    if op in ("in", "not_in"):
        return [v.strip() for v in raw.replace("，", "、").replace(",", "、").split("、") if v.strip()]
    return raw


def item_from_table(item: SupportItem, table: pd.DataFrame) -> SupportItem:
    """The item with the conditions of an edited table (rows unticked in 启用 are dropped).

    Rows whose field, operator or value did not change keep the original condition (so OR-groups
    and unknown conditions survive); edited rows are parsed and validated.
    """
    originals = list(item.conditions)
    conditions = []
    for n, row in enumerate(table.to_dict("records")):
        if not bool(row.get("启用", True)):
            continue
        original = originals[n] if n < len(originals) else None
        if original is not None and (
            FIELD_LABELS.get(original.field or "", "") == (row.get("字段") or "")
            and OP_LABELS[original.op] == row.get("运算")
            and _show(original) == str(row.get("取值") or "")
        ):
            conditions.append(replace(original, text=str(row.get("原文") or original.text)))
            continue
        field = _FIELD_BY_LABEL.get(str(row.get("字段") or ""))
        op = _OP_BY_LABEL.get(str(row.get("运算") or ""))
        if field is None or op is None or op in ("any_of", "unknown"):
            raise RuleError("R105", f"第{n + 1}行：请选择有效的字段和运算（“或”条件和人工确认条件不能在表格中新建）")
        value = _parse_value(field, op, str(row.get("取值") or ""))
        cond = Condition(
            op=op, field=field, value=value, text=str(row.get("原文") or ""),
            clause=str(row.get("条款") or ""),
        )
        conditions.append(cond.validate())
    return replace(item, conditions=tuple(conditions))


def numeric_conditions(item: SupportItem) -> dict[int, str]:
    """Top-level threshold conditions of an item (index -> label), the ones a slider can move."""
    return {
        n: f"{FIELD_LABELS[c.field]} {OP_LABELS[c.op]} {c.value:g}"
        for n, c in enumerate(item.conditions)
        if c.field and FIELD_KINDS[c.field] == "number" and c.op in ("lt", "le", "gt", "ge")
    }


def reach_at(curve: pd.DataFrame, value: float) -> int:
    """Eligible enterprises at one threshold of a sweep curve (``whatif.sweep`` output)."""
    at = curve[np.isclose(curve["value"].astype(float), float(value))]
    return int(at["eligible"].iloc[0])


def movers_table(frame: pd.DataFrame, moved: pd.DataFrame, limit: int = 200) -> pd.DataFrame:
    """Names and credit codes of enterprises that gain or lose eligibility (Chinese headers)."""
    names = frame.set_index("credit_code")["name"] if "name" in frame else pd.Series(dtype="str")
    codes = moved["credit_code"].head(limit)
    return pd.DataFrame(
        {"企业名称": names.reindex(codes).to_numpy(), "统一社会信用代码": codes.to_numpy()}
    )


def overlap_table(engine: Engine, item: SupportItem, others: list[SupportItem]) -> pd.DataFrame:
    """The ten existing items sharing the most eligible enterprises with a draft (Chinese headers)."""
    table = overlap(engine, item, others).sort_values("both", ascending=False).head(10)
    return table.rename(
        columns={"item_id": "编号", "name": "现有事项", "eligible": "该事项符合数",
                 "both": "同时符合", "share": "占草案符合比例"}
    )


_CHART_COLUMNS = {"eligible": "符合", "unknown": "待确认"}


def reach_chart(by: pd.DataFrame, dimension: str, top: int = 12) -> pd.DataFrame:
    """The ``top`` groups of one dimension of ``whatif.reach_by`` as a chart table (Chinese)."""
    part = by[by["dimension"] == dimension].nlargest(top, ["eligible", "unknown"])
    return part.set_index("group")[list(_CHART_COLUMNS)].rename(columns=_CHART_COLUMNS)


def curve_chart(curve: pd.DataFrame) -> pd.DataFrame:
    """A ``whatif.sweep`` curve indexed by threshold, as a chart table (Chinese)."""
    return curve.set_index("value")[list(_CHART_COLUMNS)].rename(columns=_CHART_COLUMNS)


def closest_item(matcher: Matcher, item: SupportItem) -> str | None:
    """The published item whose text is most like the draft's (the default to compare with)."""
    published = {i.item_id for i in matcher.catalog.items}
    ranked = matcher.similarity.search(item.name + item.text)
    return next((i for i in ranked.index if i in published), None)
