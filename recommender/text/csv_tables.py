"""Comma-separated tables in a text (a ```csv block, or lines pasted from a .csv file) as Markdown pipe tables.

A bank or agency sometimes gives its product list as CSV: a header line of column names and one line per
row, the cells parted by half-width commas and quoted where they hold commas of their own. The rest of the
extractor reads pipe tables, so a run of such lines becomes one. Prose is never taken for a table: the header
must be short names without digits, and every line of the run must part into the same number (three or more)
of cells.
"""

from __future__ import annotations

import csv
import re

from recommender.text.phrases import pipe_table

__all__ = ["csv_tables"]

_FENCE = re.compile(r"^\s*```")
_NAME = re.compile(r"^[\u4e00-\u9fffA-Za-z（）()/、 ]{1,12}$")


def _cells(line: str) -> list[str] | None:
    if "," not in line:
        return None
    try:
        (cells,) = list(csv.reader([line.strip()]))
    except (csv.Error, ValueError):
        return None
    return [c.strip() for c in cells] if len(cells) >= 3 else None


def _run(lines: list[str], start: int) -> int:
    """Where the run of CSV lines under the header at ``start`` ends (``start`` when there is none)."""
    header = _cells(lines[start])
    if not header or not all(_NAME.match(c) for c in header):
        return start
    end = start + 1
    while end < len(lines) and (row := _cells(lines[end])) is not None and len(row) == len(header):
        end += 1
    return end if end - start >= 2 else start


def csv_tables(text: str) -> str:
    """``text`` with every CSV table (its ``` fence lines dropped) written as a pipe table."""
    if text.count(",") < 4:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        fenced = _FENCE.match(lines[i]) and i + 1 < len(lines)
        start = i + 1 if fenced else i
        end = _run(lines, start)
        if end == start:
            out.append(lines[i])
            i += 1
            continue
        out.extend(pipe_table([_cells(line) for line in lines[start:end]]))
        i = end + 1 if fenced and end < len(lines) and _FENCE.match(lines[end]) else end
    return "\n".join(out)
