"""Outreach lists: for one item, the enterprises to call first, filtered and exportable."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from recommender.matching.matcher import STATUS_LABELS, STATUS_NAMES, Matcher

__all__ = ["OutreachFilter", "outreach", "write_outreach", "outreach_xlsx", "outreach_view",
           "OUTREACH_HEADERS"]

OUTREACH_HEADERS = {
    "rank": "序号",
    "credit_code": "统一社会信用代码",
    "name": "企业名称",
    "region_code": "行政区划代码",
    "industry_code": "行业代码",
    "size": "企业规模",
    "status_label": "匹配结果",
    "unknown": "待确认条件数",
    "score": "推荐分",
    "reasons": "依据",
    "state": "外联进展",
    "note": "备注",
}


@dataclass(frozen=True)
class OutreachFilter:
    """Optional filters; an empty tuple means no filter on that column."""

    regions: tuple[str, ...] = ()  # region codes; an enterprise within any of them passes
    industries: tuple[str, ...] = ()  # industry code prefixes (C, C13, I65)
    sizes: tuple[str, ...] = ()  # 大型/中型/小型/微型
    statuses: tuple[str, ...] = ("eligible", "unknown")


def _mask(matcher: Matcher, flt: OutreachFilter, status: np.ndarray) -> np.ndarray:
    from recommender.rules.schema import Condition

    keep = np.isin(pd.Series(status).map(STATUS_NAMES).to_numpy(), list(flt.statuses))
    engine = matcher.engine
    if flt.regions:
        cond = Condition(
            op="any_of",
            any_of=tuple(
                Condition(op="within", field="region_code", value=r) for r in flt.regions
            ),
        ) if len(flt.regions) > 1 else Condition(
            op="within", field="region_code", value=flt.regions[0]
        )
        keep &= engine.condition(cond) == 1
    if flt.industries:
        keep &= engine.condition(Condition(op="in", field="industry", value=flt.industries)) == 1
    if flt.sizes:
        size = matcher.frame["size"].astype("string").fillna("").to_numpy()
        keep &= np.isin(size, list(flt.sizes))
    return keep


def outreach(
    matcher: Matcher, item_id: str, flt: OutreachFilter | None = None, *, reasons: bool = True
) -> pd.DataFrame:
    """Enterprises for an item: eligible first, then unknown with the fewest missing facts."""
    flt = flt or OutreachFilter()
    item = matcher.catalog.item(item_id)
    status = matcher.status(item)
    keep = np.flatnonzero(_mask(matcher, flt, status))
    unknown = matcher.unknown_count(item)[keep]
    score = matcher.scores(item, status)[keep]
    order = np.lexsort((-score, unknown, -status[keep]))
    rows = keep[order]
    frame = matcher.frame
    out = pd.DataFrame(
        {
            "rank": np.arange(1, len(rows) + 1),
            "credit_code": frame["credit_code"].to_numpy()[rows],
            "name": frame["name"].to_numpy()[rows] if "name" in frame else "",
            "region_code": frame["region_code"].to_numpy()[rows],
            "industry_code": frame["industry_code"].to_numpy()[rows],
            "size": frame["size"].to_numpy()[rows],
            "status": pd.Series(status[rows]).map(STATUS_NAMES).to_numpy(),
            "status_label": pd.Series(status[rows]).map(STATUS_LABELS).to_numpy(),
            "unknown": unknown[order],
            "score": np.round(score[order], 4),
        }
    )
    if reasons:
        out["reasons"] = matcher.reasons(item, rows)
    return out


def _shown(table: pd.DataFrame) -> pd.DataFrame:
    return table[[c for c in OUTREACH_HEADERS if c in table]].rename(columns=OUTREACH_HEADERS)


def outreach_view(table: pd.DataFrame) -> pd.DataFrame:
    """The on-screen columns of an outreach list, with Chinese headers (reasons left to export)."""
    shown = table.drop(columns=["reasons", "note"], errors="ignore")
    return _shown(shown.assign(size=shown["size"].fillna("信息不足")))


def outreach_xlsx(table: pd.DataFrame) -> bytes:
    """An outreach list with Chinese headers as the bytes of an .xlsx workbook (for downloads)."""
    buffer = io.BytesIO()
    _shown(table).to_excel(buffer, index=False, sheet_name="外联名单")
    return buffer.getvalue()


def write_outreach(table: pd.DataFrame, path: str | Path) -> Path:
    """Write an outreach list with Chinese headers to .xlsx or .csv (by suffix)."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        path.write_bytes(outreach_xlsx(table))
    else:
        _shown(table).to_csv(path, index=False, encoding="utf-8-sig")
    return path
