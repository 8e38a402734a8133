"""Grid tables drawn with characters (``+----+----+`` and ``|`` or ``┌─┬─┐`` and ``│``) as Markdown pipe tables.

A table exported from Word, WPS or pandoc as plain text draws its borders with ``+``/``-``/``=`` or with box-
drawing characters, and a cell too long for its column wraps onto further lines of the same row. The rest of the
extractor reads pipe tables with one line per row, so each row between two border lines becomes one line, every
cell's pieces joined. The cells of a line are found by its bars, not by column positions: a Chinese character is
one character wide in the text but two on the screen, so the bars do not line up by index.
"""

from __future__ import annotations

import re

from recommender.text.phrases import pipe_table

__all__ = ["grid_tables"]

_BORDER = re.compile(r"^\s*(?:\+[-=:+]*[-=][-=:+]*\+|[┌├└╔╠╚╞╟┏┣┗][─━═┄┈┬┼┴╤╪╧╦╬╩┳╋┻\s]*[┐┤┘╗╣╝╡╢┓┫┛])\s*$")
_BAR = re.compile(r"[|│┃║]")
_ASCII_END = re.compile(r"[0-9A-Za-z%.]$")
_ASCII_START = re.compile(r"^[0-9A-Za-z]")


def _columns(border: str) -> int:
    """How many columns a border line draws: its joints less one."""
    return len(re.findall(r"[+┌├└╔╠╚╞╟┏┣┗┬┼┴╤╪╧╦╬╩┳╋┻┐┤┘╗╣╝╡╢┓┫┛]", border.strip())) - 1


def _cells(line: str) -> list[str] | None:
    """The cell pieces of a row line (``| a | b |``), or None when the line is no row."""
    line = line.strip()
    if len(line) < 2 or not _BAR.match(line) or not _BAR.match(line[-1]):
        return None
    return [c.strip() for c in _BAR.split(line[1:-1])]


def _join(pieces: list[str]) -> str:
    """A wrapped cell's pieces as one phrase: run together, with a space only between Latin or digit ends."""
    out = ""
    for piece in filter(None, pieces):
        gap = " " if out and _ASCII_END.search(out) and _ASCII_START.match(piece) else ""
        out += gap + piece
    return out


def _table(lines: list[str], width: int) -> list[str] | None:
    """A grid table's lines (borders included) as pipe-table lines, or None when a row has the wrong width."""
    rows: list[list[str]] = []
    block: list[list[str]] = []
    ruled = sum(bool(_BORDER.match(line)) for line in lines) > 3  # a border between every two rows
    for line in lines:
        if _BORDER.match(line):
            if block:
                rows.append([_join([b[c] for b in block]) for c in range(width)])
            block = []
            continue
        cells = _cells(line)
        if cells is None or len(cells) != width:
            return None
        if ruled:
            block.append(cells)
        else:
            rows.append([_join([c]) for c in cells])
    if len(rows) < 2:
        return None
    return pipe_table(rows)


def grid_tables(text: str) -> str:
    """``text`` with every grid table written as a Markdown pipe table, one line per row."""
    if "+-" not in text and "─" not in text and "━" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _BORDER.match(lines[i]) or (width := _columns(lines[i])) < 2:
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        while j < len(lines) and (_BORDER.match(lines[j]) or _cells(lines[j]) is not None):
            j += 1
        table = _table(lines[i:j], width)
        out.extend(table if table is not None else lines[i:j])
        i = j
    return "\n".join(out)
