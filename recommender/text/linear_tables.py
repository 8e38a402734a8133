"""Tables copied out of a PDF one cell per line, as Markdown pipe tables.

Copying a table from a PDF viewer often loses its grid: the header comes out as one line of column names
separated by spaces (``序号 项目名称 支持对象 申报条件 支持标准``) and then every cell on a line of its own, row
after row, each row opening with its number (``1`` / name / object / conditions / standard / ``2`` / …). When the
header's first name is a number column and every numbered run holds exactly one line per remaining column, the
run is rebuilt as a pipe table; anything less regular is left as it is rather than guessed at.
"""

from __future__ import annotations

import re

from recommender.text.phrases import pipe_table

__all__ = ["linear_tables"]

_HEADER = re.compile(r"^\s*(?:序号|编号|序)(?:[ \u3000]+[\u4e00-\u9fff（）()/、]{2,12}){2,9}\s*$")
_NUMBER = re.compile(r"^\s*(\d{1,3})[.、]?\s*$")


def _rows(lines: list[str], start: int, width: int) -> tuple[list[list[str]], int]:
    """The numbered rows from ``start`` (1, 2, … each followed by ``width - 1`` cell lines) and where they end."""
    rows: list[list[str]] = []
    i = start
    while i + width <= len(lines):
        m = _NUMBER.match(lines[i])
        if not m or int(m.group(1)) != len(rows) + 1:
            break
        cells = [c.strip() for c in lines[i + 1:i + width]]
        if not all(cells) or any(_NUMBER.match(c) for c in cells):
            break
        if not rows and not _NUMBER.match(lines[i + width] if i + width < len(lines) else ""):
            break  # no 2 right after the first row: a wrapped cell, not this layout
        rows.append([m.group(1), *cells])
        i += width
    return rows, i


def linear_tables(text: str) -> str:
    """``text`` with every one-cell-per-line table under a 序号 header written as a pipe table."""
    if "序" not in text and "编号" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _HEADER.match(lines[i]):
            names = lines[i].split()
            rows, end = _rows(lines, i + 1, len(names))
            if len(rows) >= 2:
                out.extend(pipe_table([names, *rows]))
                i = end
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)
