"""Comparison tables with one column per product (| 要素 | 外贸贷 | 跨境电商贷 |), rewritten as one row per product.

A bank's 产品对照表 puts each product in a column and each term (适用对象, 准入条件, 额度, 期限) in a row.
Everything downstream reads a table row by row, one item per row, so such a table is turned over:
its header becomes | 要素 | 适用对象 | 准入条件 | 额度 | … | and each product a row of its own. Every cell keeps
its words and only the order of the cells changes, except a tick (✓), which says the product has the row's
requirement and so is written as that requirement.
"""

from __future__ import annotations

import re

from recommender.text.headings import heading_role
from recommender.text.phrases import TABLE_RULE, cell_texts

__all__ = ["rows_per_product"]


_CORNER = re.compile(r"(?:产品)?要素|(?:对比|比较)?项目|对比项|产品(?:名称)?|名称|")
# a column headed by one of these holds text about the rows, not a product of its own
_NOT_PRODUCT = re.compile(r"内容|说明|备注|详情|标准|条件|要求|要点|金额|比例|档次|[0-9]")
_TERM = re.compile(r"额度|期限|利率|费率|担保|还款|金额|贴息|保费|补贴|补助")


def _is_comparison(header: list[str], rows: list[list[str]]) -> bool:
    """Whether a table holds one product per column: a corner like 要素, two or more named columns, and row
    labels naming who may apply (适用对象, 准入条件) and the terms (额度, 期限)."""
    if len(header) < 3 or len(rows) < 3 or any(len(r) != len(header) for r in rows):
        return False
    if not _CORNER.fullmatch(header[0].strip("* ")):
        return False
    products = [h.strip("* ") for h in header[1:]]
    if any(not p or len(p) > 16 or _NOT_PRODUCT.search(p) or heading_role(p) for p in products):
        return False
    labels = [r[0].strip("* ") for r in rows]
    return any(heading_role(label) == "conditions" for label in labels) and any(_TERM.search(label) for label in labels)


_TICK = re.compile(r"\s*[✓✔√☑●]\s*")


def _resolved(row: list[str]) -> list[str]:
    """A term's row with a tick (✓) read as the term itself: | 纳税信用等级须为A级或B级 | ✓ | — this product requires it."""
    return [row[0], *(row[0].strip("* ") if _TICK.fullmatch(cell) else cell for cell in row[1:])]


def rows_per_product(text: str) -> str:
    """``text`` with every comparison table that holds one product per column turned into one row per product."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    i = 0
    while i < len(lines):
        header = cell_texts(lines[i].rstrip("\r\n"))
        if header is None or i + 1 >= len(lines) or not TABLE_RULE.match(lines[i + 1]):
            out.append(lines[i])
            i += 1
            continue
        end = i + 2
        rows = []
        while end < len(lines) and (row := cell_texts(lines[end].rstrip("\r\n"))) is not None:
            rows.append(row)
            end += 1
        if not _is_comparison(header, rows):
            out.extend(lines[i:end])
            i = end
            continue
        newline = lines[end - 1][len(lines[end - 1].rstrip("\r\n")):] or "\n"
        columns = [header[0] or "产品", *(r[0] for r in rows)]  # an empty corner names the product column
        out.append("| " + " | ".join(columns) + " |" + newline)
        out.append("|" + "---|" * len(columns) + newline)
        cells = [_resolved(r) for r in rows]
        for n in range(1, len(header)):
            out.append("| " + " | ".join([header[n], *(c[n] for c in cells)]) + " |" + newline)
        i = end
    return "".join(out)
