"""Tables pasted from a spreadsheet (cells separated by TABs or full-width bars) as Markdown pipe tables.

A table copied out of Excel or WPS into a plain text keeps one row per line with a TAB between cells; a
spreadsheet exported sheet by sheet as text may put a full-width ``｜`` between cells instead, keeping empty
cells. The rest of the extractor reads pipe tables, so a run of two or more lines that each hold the same number
of cells (at least two) becomes one, its first line the header. Other lines are left as they are (a Markdown
pipe table, whose cells may hold a ``｜``, among them, and ``label｜value`` lines: two bar-separated cells make a
table only under a header with numbered rows).
"""

from __future__ import annotations

from recommender.text.phrases import pipe_table

__all__ = ["tab_tables"]


def _cells(line: str, sep: str) -> list[str]:
    return [" ".join(c.split()) for c in line.rstrip("\r").split(sep)]


def _width(line: str, sep: str) -> int:
    """How many cells a line has (0 for a line that is no table row): trailing empty TAB cells aside, every
    bar-separated cell counted."""
    if sep not in line or line.lstrip().startswith("|"):
        return 0
    cells = _cells(line, sep)
    if sep == "\t":
        while cells and not cells[-1]:
            cells.pop()
    return len(cells) if len(cells) >= 2 and cells[0] else 0


def _tables(text: str, sep: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        width = _width(lines[i], sep)
        j = i + 1
        while width and j < len(lines) and _width(lines[j], sep) == width:
            j += 1
        if j - i >= 2 and (sep == "\t" or width > 2 or all(_cells(row, sep)[0].isdigit() for row in lines[i + 1:j])):
            out.extend(pipe_table([_cells(row, sep)[:width] for row in lines[i:j]]))
        else:
            out.extend(lines[i:j])
        i = j
    return "\n".join(out)


def tab_tables(text: str) -> str:
    """``text`` with every run of TAB- or ｜-separated rows written as a Markdown pipe table."""
    for sep in ("\t", "｜"):
        if sep in text:
            text = _tables(text, sep)
    return text
