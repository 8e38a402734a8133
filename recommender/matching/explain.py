"""Chinese explanations rendered from the evaluation trace: why, why not, what to fill in."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

__all__ = ["Explanation", "explain"]

_SUMMARY = {
    "eligible": "符合全部申报条件，可以申请。",
    "unknown": "没有不符合的条件，但还有条件需要补充信息或确认。",
    "ineligible": "有条件不符合，暂不能申请。",
}


@dataclass
class Explanation:
    """Sentences grouped by what the enterprise should do with them."""

    status: str
    summary: str
    held: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    fill_in: list[str] = field(default_factory=list)  # a profile field is empty
    confirm: list[str] = field(default_factory=list)  # no field can check it: confirm by hand
    assumed: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """All sentences in reading order, each prefixed with its verdict."""
        return (
            [self.summary]
            + [f"✔ 符合：{s}" for s in self.held]
            + [f"✘ 不符合：{s}" for s in self.failed]
            + [f"？ 请补充：{s}" for s in self.fill_in]
            + [f"？ 请确认：{s}" for s in self.confirm]
        )


def _where(row: pd.Series) -> str:
    clause = str(row.get("clause") or "")
    return f"（见{clause}）" if clause else ""


def explain(trace: pd.DataFrame, status: str, assumed: tuple[str, ...] = ()) -> Explanation:
    """Turn the trace of one (enterprise, item) into an :class:`Explanation`."""
    out = Explanation(status=status, summary=_SUMMARY[status], assumed=list(assumed))
    top = trace[trace["depth"] == 0] if "depth" in trace else trace
    for _, row in top.iterrows():
        text = str(row.get("text") or row.get("condition") or "")
        expected = str(row.get("expected") or "")
        observed = str(row.get("observed") or "")
        where = _where(row)
        if row["result"] == "held":
            out.held.append(f"{text}{where}")
        elif row["result"] == "failed":
            detail = f"要求{expected}，" if expected else ""
            out.failed.append(f"{text}{where}：{detail}贵企业为{observed or '不满足'}")
        elif not row.get("field") or pd.isna(row.get("field")):
            out.confirm.append(f"{text}{where}")
        else:
            detail = f"要求{expected}" if expected else ""
            out.fill_in.append(f"{text}{where}：{detail}，请补充“{row.get('label') or row['field']}”")
    return out
