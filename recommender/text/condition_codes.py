"""Condition codes a table defines once and other rows cite (| T1 | 在本区登记注册 | … | T1、T2、T4 |).

A workbook of supports often lists its conditions once in a code table (| 代码 | 条件内容 |) and gives each
support a cell of the codes that apply to it (| 适用条件代码 |); a code not cited does not apply. Read as they
stand, the code table would look like requirements of every support and the cited codes like nothing at all.
So each citing cell is written out as the cited conditions joined by ；, and the code table is blanked.
"""

from __future__ import annotations

import re

from recommender.text.phrases import TABLE_RULE, cell_texts

__all__ = ["condition_codes"]

_CODE_HEAD = re.compile(r"^(?:条件)?(?:代码|编号|代号|编码)$")
_CONTENT_HEAD = re.compile(r"条件|内容|要求")
_CITING_HEAD = re.compile(r"(?:条件|要求)(?:代码|编号|代号|编码)")
_CODE = re.compile(r"^[A-Za-z]{1,3}-?[0-9]{1,3}$")
_CODE_LIST = re.compile(r"\s*[、，,；;/\s]\s*")


def _tables(lines: list[str]) -> list[tuple[int, int]]:
    """(header line, end) of each pipe table: a header row, a rule, then rows."""
    out, i = [], 0
    while i + 1 < len(lines):
        if cell_texts(lines[i]) and TABLE_RULE.match(lines[i + 1]):
            j = i + 2
            while j < len(lines) and cell_texts(lines[j]) is not None:
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def _definitions(lines: list[str], start: int, end: int) -> dict[str, str]:
    header = cell_texts(lines[start]) or []
    code = next((n for n, h in enumerate(header) if _CODE_HEAD.match(h)), None)
    content = next((n for n, h in enumerate(header) if n != code and _CONTENT_HEAD.search(h)), None)
    if code is None or content is None:
        return {}
    found = {}
    for line in lines[start + 2:end]:
        cells = cell_texts(line) or []
        if len(cells) > max(code, content) and _CODE.match(cells[code]) and cells[content]:
            found[cells[code].upper()] = cells[content]
    return found


def condition_codes(text: str) -> str:
    """``text`` with each cell of cited condition codes written out and the code table blanked."""
    if "代码" not in text and "编号" not in text and "代号" not in text and "编码" not in text:
        return text
    lines = text.split("\n")
    tables = _tables(lines)
    for start, end in tables:
        codes = _definitions(lines, start, end)
        if len(codes) < 2:
            continue
        cited = False
        for other, other_end in tables:
            header = cell_texts(lines[other]) or []
            column = next((n for n, h in enumerate(header) if _CITING_HEAD.search(h)), None)
            if other == start or column is None:
                continue
            for n in range(other + 2, other_end):
                cells = cell_texts(lines[n]) or []
                refs = [r.upper() for r in _CODE_LIST.split(cells[column]) if r] if len(cells) > column else []
                if refs and all(r in codes for r in refs):
                    cells[column] = "；".join(codes[r].rstrip("。；;") for r in refs)
                    lines[n] = "| " + " | ".join(cells) + " |"
                    cited = True
        if cited:
            lines[start:end] = [""] * (end - start)
    return "\n".join(lines)
