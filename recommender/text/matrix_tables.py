"""Requirement matrices (one row per product, one column per requirement) as tables with one 申报条件 column.

A bank or agency often lays its products out as a grid: | 产品 | 成立年限 | 纳税信用 | 资质要求 | 行业 | 额度 |, each
cell holding that requirement's value for the row's product (须满2年, A级、B级, 制造业) or 不限 where it asks
nothing. The rest of the extractor reads a conditions column, so the requirement columns of each row are
joined into one 申报条件 cell: a measure's column name stays with its value (成立年限须满2年, 纳税信用A级、B级); a
column that only names a kind (资质要求, 行业) gives its value alone; 不限 cells are dropped. Benefit columns
(额度, 期限, 利率…) are kept as they are.
"""

from __future__ import annotations

import re

from recommender.text.phrases import TABLE_RULE, cell_texts, pipe_table

__all__ = ["requirement_matrices"]

_NAME = re.compile(r"^(?:贷款|信贷|金融)?(?:产品|产品名称|项目|项目名称|政策|政策名称|事项|名称)$")
_MEASURE = re.compile(r"成立年限|经营年限|注册年限|纳税信用|信用等级|营业收入|销售收入|从业人员|员工人数|资产总额|研发费用|研发投入|发明专利")
_KIND = re.compile(r"(?:资质|行业|所属行业|企业类型|规模|主体类型|注册地|区域|对象)(?:要求|类型|范围)?$")
_NOTHING = re.compile(r"^(?:不限|无|无要求|不作要求|—+|-+|/|／)?$")


def _requirement(header: str) -> str | None:
    """How a column's cells are read: 'measure' (name kept), 'kind' (value alone), or None (not a requirement)."""
    if _MEASURE.search(header):
        return "measure"
    return "kind" if _KIND.search(header) else None


def _rebuilt(rows: list[list[str]]) -> list[str] | None:
    header = rows[0]
    kinds = [_requirement(h) for h in header]
    if not _NAME.match(header[0]) or sum(k is not None for k in kinds[1:]) < 2:
        return None
    kept = [n for n, k in enumerate(kinds) if n and k is None]
    out = [[header[0], "申报条件", *(header[n] for n in kept)]]
    for row in rows[1:]:
        row = row + [""] * (len(header) - len(row))
        terms = [(header[n] if kinds[n] == "measure" else "") + row[n] for n in range(1, len(header))
                 if kinds[n] and not _NOTHING.match(row[n].strip())]
        out.append([row[0], "；".join(terms), *(row[n] for n in kept)])
    return pipe_table(out)


def requirement_matrices(text: str) -> str:
    """``text`` with each requirement-matrix pipe table rewritten with one 申报条件 column."""
    if "|" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].lstrip().startswith("|"):
            j += 1
        if j - i >= 3 and TABLE_RULE.match(lines[i + 1]):
            rows = [cell_texts(line) or [] for n, line in enumerate(lines[i:j]) if n != 1]
            rebuilt = _rebuilt(rows)
            out.extend(rebuilt if rebuilt is not None else lines[i:j])
            i = j
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)
