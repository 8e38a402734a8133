"""A hand-filled profile (every field optional) turned into a derived one-row frame."""

from __future__ import annotations

from datetime import date

import pandas as pd

__all__ = ["FORM_FIELDS", "profile_frame", "size_hint"]

# (field, Chinese label, input kind, choices)
FORM_FIELDS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("name", "企业名称", "text", ()),
    ("industry_code", "国民经济行业代码（如 C1353）", "text", ()),
    ("region_code", "注册地行政区划代码（如 500229）", "text", ()),
    ("established", "成立日期", "date", ()),
    ("employees", "从业人数", "number", ()),
    ("revenue", "上年营业收入（万元）", "number", ()),
    ("assets", "资产总额（万元）", "number", ()),
    ("taxable_income", "上年应纳税所得额（万元）", "number", ()),
    ("rd_expense", "上年研发费用（万元）", "number", ()),
    ("invention_patents", "有效发明专利数", "number", ()),
    ("tax_credit", "纳税信用等级", "choice", ("A", "B", "M", "C", "D")),
    ("has_bank_loan", "是否有银行贷款记录", "choice", ("是", "否")),
    ("dishonest", "是否失信被执行人", "choice", ("否", "是")),
    ("taxpayer_type", "纳税人类型", "choice", ("一般纳税人", "小规模纳税人")),
    ("ownership", "企业类型", "choice", ("民营", "国有", "外资", "集体", "个体工商户", "农民专业合作社")),
    ("qualifications", "企业资质（用顿号分隔）", "text", ()),
    ("scope", "经营范围", "text", ()),
)


def _present(value) -> bool:
    return value is not None and value != "" and value != "（不填）"


def profile_frame(values: dict, as_of: date) -> tuple[pd.DataFrame, list[str]]:
    """The derived one-row frame of a filled form and the problems found in it (Chinese)."""
    from recommender.profiles.derive import derive
    from recommender.profiles.importer import frame_from_records

    record = {
        k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items() if _present(v)
    }
    result = frame_from_records([record], require_key=False)
    problems: list[str] = []
    if result.rejected:  # keep every good field: drop only the ones that fail on their own
        for key in list(record):
            alone = frame_from_records([{key: record[key]}], require_key=False)
            if alone.rejected:
                problems.extend(err.reason for err in alone.rejected)
                del record[key]
        result = frame_from_records([record], require_key=False)
    return derive(result.frame, as_of), problems


def size_hint(frame: pd.DataFrame) -> str:
    """The derived size class, or the classes still possible when inputs are missing."""
    size = frame["size"].iloc[0]
    if isinstance(size, str) and size:
        return size
    mask = int(frame["size_possible"].iloc[0])
    names = [n for bit, n in ((1, "大型"), (2, "中型"), (4, "小型"), (8, "微型")) if mask & bit]
    if len(names) == 4:
        return "信息不足，暂无法判断（请填写行业、从业人数、营业收入或资产总额）"
    return "可能为" + "或".join(names) + "（补充信息后可确定）"
