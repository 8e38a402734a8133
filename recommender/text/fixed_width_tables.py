"""Tables aligned with spaces (a spreadsheet saved as formatted text, ``pdftotext -layout``) as pipe tables.

Such a table is a header line whose cells are set apart by two or more spaces, often underlined by runs of
dashes (``----  ----------``), then rows whose cells start under their column's header; a cell too long for its
column goes on in the same column on the next line(s), the other columns blank. Columns are measured in display
width (a Chinese character takes two), as the file was aligned. A row starts where the first column has text;
a line with the first column blank continues the row above, each fragment joined to its column's cell. The table
ends at a blank line or a line whose text does not start under a column. Other lines are left as they are.
"""

from __future__ import annotations

import re

from recommender.text.phrases import display_width, pipe_table

__all__ = ["fixed_width_tables"]

_GAP = re.compile(r"\S+(?: \S+)*")  # a fragment: words with single spaces inside, cells set apart by two or more
_RULE = re.compile(r"^\s*-{2,}(?:\s{1,}-{2,})+\s*$")


def _fragments(line: str) -> list[tuple[int, str]]:
    """Each fragment of ``line`` with the display column it starts at."""
    out, col, pos = [], 0, 0
    for m in _GAP.finditer(line):
        col += display_width(line[pos:m.start()])
        out.append((col, m.group(0)))
        col += display_width(m.group(0))
        pos = m.end()
    return out


def _column(starts: list[int], col: int) -> int | None:
    """The column a fragment starting at display column ``col`` belongs to (within a character of its start)."""
    for n, start in enumerate(starts):
        if abs(col - start) <= 1:
            return n
    return None


def _header(lines: list[str], i: int) -> list[int] | None:
    """Column starts when ``lines[i]`` heads a space-aligned table (3+ cells; a dash rule or aligned rows below)."""
    cells = _fragments(lines[i])
    if len(cells) < 3 or "  " not in lines[i].strip() or "|" in lines[i]:
        return None
    starts = [col for col, _ in cells]
    below = lines[i + 1] if i + 1 < len(lines) else ""
    if _RULE.match(below):
        rule = [col for col, _ in _fragments(below)]
        return rule if len(rule) == len(starts) else None
    rows = [ln for ln in lines[i + 1:i + 4] if ln.strip()]
    aligned = [ln for ln in rows if all(_column(starts, col) is not None for col, _ in _fragments(ln))
               and len(_fragments(ln)) >= 2]
    return starts if len(rows) >= 2 and len(aligned) == len(rows) else None


def _table(lines: list[str], i: int, starts: list[int]) -> tuple[list[str], int]:
    """The pipe-table lines of the table headed at ``i`` and the index of the line after it."""
    header = [""] * len(starts)
    for col, text in _fragments(lines[i]):
        header[_column(starts, col) or 0] = text
    j = i + 2 if i + 1 < len(lines) and _RULE.match(lines[i + 1]) else i + 1
    rows: list[list[str]] = []
    while j < len(lines) and lines[j].strip():
        placed = [(_column(starts, col), text) for col, text in _fragments(lines[j])]
        if any(n is None for n, _ in placed):
            break
        if placed[0][0] == 0 or not rows:
            rows.append([""] * len(starts))
        for n, text in placed:
            rows[-1][n] += text
        j += 1
    return pipe_table([header, *rows]), j


def fixed_width_tables(text: str) -> str:
    """``text`` with every space-aligned table written as a Markdown pipe table."""
    if "   " not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        starts = _header(lines, i) if "  " in lines[i] else None
        if starts:
            table, j = _table(lines, i, starts)
            if len(table) > 3:  # a header, its rule and at least two rows
                out.extend(table)
                i = j
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)
