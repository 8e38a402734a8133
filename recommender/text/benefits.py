"""Benefits of a support item: amounts, caps, rates, ratios and durations."""

from __future__ import annotations

import re

from recommender.rules.schema import Benefit
from recommender.text.numbers import find_quantities

__all__ = ["find_benefits"]

_PIECES = re.compile(r"[^，。；;：:\n]+")
_CUE = re.compile(
    r"给予|予以|奖励|补助|补贴|资助|贴息|减按|减半|免征|免收|加计扣除|退还|返还|额度|金额|期限|利率|费率|"
    r"担保费|最高|上限|最多|为限|税率|计收|摊销|发放"
)
_LOAN = re.compile(r"贷款|授信|额度|本金|续贷|借款|单笔|转贷")
_CAP = re.compile(r"最高|不超过|上限|最多|累计|为限|以内|封顶")
_RATIO = re.compile(r"减按|计入|计算应纳税所得额|减半")
_NOT_BENEFIT = re.compile(r"应纳税所得额不超过|从业人数|资产总额不超过|营业收入|成立|注册")


def _kind(piece: str, unit: str) -> str:
    if unit == "比例":
        return "ratio" if _RATIO.search(piece) else "rate"
    if unit in ("年", "月", "日"):
        return "duration"
    if unit == "倍":
        return "multiple"
    if unit == "万元" and _CAP.search(piece):
        return "loan_cap" if _LOAN.search(piece) else "cap"
    return "amount"


def find_benefits(text: str) -> list[Benefit]:
    """Benefits stated in ``text``: one per phrase carrying a benefit cue."""
    out: list[Benefit] = []
    for m in _PIECES.finditer(text):
        piece = m.group(0).strip()
        if not _CUE.search(piece) or _NOT_BENEFIT.search(piece):
            continue
        quantities = [q for q in find_quantities(piece) if q.unit in ("万元", "比例", "年", "月", "日", "倍")]
        if quantities:
            q = quantities[-1] if _CAP.search(piece) else quantities[0]
            amount = q.value
            out.append(Benefit(text=piece, amount=amount, unit=q.unit, kind=_kind(piece, q.unit)))
        elif "减半" in piece:
            out.append(Benefit(text=piece, amount=0.5, unit="比例", kind="ratio"))
    return out
