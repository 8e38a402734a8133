"""HTML tables pasted into a policy text (web pages keep their ``<table>`` markup) as Markdown pipe tables.

Policies copied from government websites often carry their tables as raw HTML. The rest of the extractor
reads pipe tables, so each ``<table>`` block becomes one: the first row is the header, a cell spanning
columns repeats across them and a cell spanning rows repeats down them (the merged cell holds for every row
it covers). Text outside tables is left as it is.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from recommender.text.phrases import pipe_table

__all__ = ["pipe_tables"]

_TABLE = re.compile(r"<table\b[^>]*>.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s+")


class _Rows(HTMLParser):
    """Rows of cells (text, column span, row span) of one table."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, int, int]]] = []
        self._cell: list[str] | None = None
        self._spans = (1, 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._close_cell()
            self.rows.append([])
        elif tag in ("td", "th"):
            self._close_cell()
            if not self.rows:
                self.rows.append([])
            given = dict(attrs)
            self._cell, self._spans = [], (_span(given.get("colspan")), _span(given.get("rowspan")))
        elif tag == "br" and self._cell is not None:
            self._cell.append("<br>")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th", "tr", "table"):
            self._close_cell()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _close_cell(self) -> None:
        if self._cell is not None:
            text = _cell_breaks(_SPACE.sub(" ", "".join(self._cell)).strip().replace("|", "/"))
            self.rows[-1].append((text, *self._spans))
            self._cell = None


def _span(value: str | None) -> int:
    return int(value) if value and value.strip().isdigit() and 0 < int(value) < 50 else 1


def _grid(rows: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    """The table's cells laid out on a grid, merged cells repeated over every place they cover."""
    grid: list[list[str]] = []
    carried: dict[int, tuple[str, int]] = {}  # column → (text, rows still to cover)
    for row in rows:
        out: list[str] = []
        cells = iter(row)
        while True:
            col = len(out)
            if col in carried:
                text, left = carried[col]
                out.append(text)
                if left > 1:
                    carried[col] = (text, left - 1)
                else:
                    del carried[col]
                continue
            cell = next(cells, None)
            if cell is None:
                break
            text, colspan, rowspan = cell
            for _ in range(colspan):
                if rowspan > 1:
                    carried[len(out)] = (text, rowspan - 1)
                out.append(text)
        if any(out):
            grid.append(out)
    return grid


def _pipe_table(markup: str) -> str:
    parser = _Rows()
    parser.feed(markup)
    parser.close()
    grid = _grid(parser.rows)
    if not grid:
        return ""
    return "\n".join(pipe_table(grid))


_BR = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_ENDS_PHRASE = re.compile(r"[。；;，,、：:]$")


def _cell_breaks(cell: str) -> str:
    """A cell's line breaks (<br>) as the ； between the phrases they part; none after a phrase's own stop, and
    none where a side is too short to be a phrase (3年期<br>以内 only wraps)."""
    pieces = [p for p in _BR.split(cell) if p]
    out = pieces[:1]
    for piece in pieces[1:]:
        parted = len(out[-1]) >= 4 and len(piece) >= 4 and not _ENDS_PHRASE.search(out[-1])
        out.append(("；" if parted else "") + piece)
    return "".join(out)


def _line_breaks(text: str) -> str:
    """<br> in a pipe-table row parts the cell's phrases (；); anywhere else it ends a line."""
    return "\n".join("|".join(_cell_breaks(c) for c in line.split("|")) if line.lstrip().startswith("|")
                     else _BR.sub("\n", line) for line in text.split("\n"))


def pipe_tables(text: str) -> str:
    """``text`` with every HTML table written as a Markdown pipe table, and every <br> read as a break."""
    if "<table" in text or "<TABLE" in text:
        text = _TABLE.sub(lambda m: _pipe_table(m.group(0)), text)
    return _line_breaks(text) if "<br" in text or "<BR" in text else text
