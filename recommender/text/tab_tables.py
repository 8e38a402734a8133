"""Tables pasted from a spreadsheet (cells separated by TAB characters) as Markdown pipe tables.

A table copied out of Excel or WPS into a plain text keeps one row per line with a TAB between cells. The rest
of the extractor reads pipe tables, so a run of two or more lines that each hold the same number of TAB-
separated cells (at least two) becomes one, its first line the header. Other lines are left as they are.
"""

from __future__ import annotations

from recommender.text.phrases import pipe_table

__all__ = ["tab_tables"]


def _cells(line: str) -> list[str]:
    return [" ".join(c.split()) for c in line.rstrip("\r").split("\t")]


def _width(line: str) -> int:
    """How many cells a line has, trailing empty cells aside (0 for a line that is no table row)."""
    if "\t" not in line:
        return 0
    cells = _cells(line)
    while cells and not cells[-1]:
        cells.pop()
    return len(cells) if len(cells) >= 2 and cells[0] else 0


def _table(rows: list[str], width: int) -> list[str]:
    return pipe_table([_cells(row)[:width] for row in rows])


def tab_tables(text: str) -> str:
    """``text`` with every run of TAB-separated rows written as a Markdown pipe table."""
    if "\t" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        width = _width(lines[i])
        j = i + 1
        while width and j < len(lines) and _width(lines[j]) == width:
            j += 1
        if j - i >= 2:
            out.extend(_table(lines[i:j], width))
        else:
            out.extend(lines[i:j])
        i = j
    return "\n".join(out)
