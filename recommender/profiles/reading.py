"""Raw enterprise tables from CSV or .xlsx: format, encoding, delimiter, sheet and header rows detected."""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import partial
from itertools import islice
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from recommender.errors import ProfileError
from recommender.profiles.fields import HeaderSpot, locate_header

__all__ = ["RawTable", "read_raw", "cell_text"]

_DELIMITERS = (",", "\t", ";", "|")
_BAD_LINE = re.compile(r"Skipping line (\d+): expected (\d+) fields, saw (\d+)")
_HEADER_SEARCH_ROWS = 30  # a title block or a 填报单位 line may stand above the header row
_HEAD_BYTES = 1 << 20  # the header is looked for in the first MiB
_NOT_BLANK = re.compile(rb"[^ \t\r\n\xef\xbb\xbf]")  # any byte but spaces, line ends and a BOM
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls (and .doc) compound files


@dataclass
class RawTable:
    """Cells as text under their raw headers, each row's number in the source, unreadable lines."""

    frame: pd.DataFrame
    rows: np.ndarray  # source row number of each frame row (the header row is 1 in a plain CSV)
    bad_lines: list[tuple[int, str]] = field(default_factory=list)  # (row, Chinese reason)


def cell_text(value: Any) -> str:
    """One spreadsheet or record value as the text a CSV would hold (dates ISO, bools true/false)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set):
        return ";".join(cell_text(v) for v in value)
    return str(value)


def _load_bytes(source: str | Path | IO[bytes] | IO[str] | bytes) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, str | Path):
        return Path(source).read_bytes()
    data = source.read()
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def _encodings(data: bytes) -> Iterator[str]:
    """Encodings to try, most likely first: UTF-8 (BOM or not), GB18030, then a guess."""
    sample = data[:65536]
    try:
        sample.decode("utf-8-sig") if len(data) <= len(sample) else _utf8_prefix(sample)
        yield from ("utf-8-sig", "gb18030")
    except UnicodeDecodeError:
        yield from ("gb18030", "utf-8-sig")
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is not None and best.encoding and best.encoding not in ("utf_8", "gb18030"):
        yield best.encoding


def _utf8_prefix(sample: bytes) -> str:
    """Decode a prefix of a UTF-8 file strictly, tolerating a character cut at the end."""
    import codecs

    return codecs.getincrementaldecoder("utf-8-sig")("strict").decode(sample, final=False)


def _head_records(data: bytes, encoding: str) -> tuple[list[tuple[int, str]], int]:
    """The first records as (byte offset, text) and the offset after them; a quote spans lines."""
    sample = data[:_HEAD_BYTES]
    lines = sample.split(b"\n")
    if len(data) > len(sample) or not lines[-1]:
        lines.pop()  # cut by the sample, or the empty rest after the final newline
    records: list[tuple[int, str]] = []
    start, end, pending, quotes = 0, 0, b"", 0
    for line in lines[: _HEADER_SEARCH_ROWS * 4]:
        pending += line + b"\n"
        quotes += line.count(b'"')
        if quotes % 2 == 0:
            text = pending.decode(encoding).replace("\ufeff", "").rstrip("\r\n")
            records.append((start, text))
            start = end = start + len(pending)
            pending, quotes = b"", 0
            if len(records) >= _HEADER_SEARCH_ROWS:
                break
    return records, end


def _split(text: str, sep: str) -> list[str]:
    return next(csv.reader(io.StringIO(text), delimiter=sep), [])


def _locate_csv(records: list[tuple[int, str]]) -> tuple[str, HeaderSpot]:
    """The delimiter and header rows: the spot naming the most fields, else the first non-blank line."""
    best: tuple[str, HeaderSpot] | None = None
    for sep in _DELIMITERS:
        spot = locate_header([_split(text, sep) for _, text in records])
        if spot is not None and (best is None or spot.score > best[1].score):
            best = (sep, spot)
    if best is not None:
        return best
    first = next((i for i, (_, text) in enumerate(records) if text.strip()), 0)
    line = records[first][1] if records else ""
    sep = max(_DELIMITERS, key=line.count) if any(d in line for d in _DELIMITERS) else ","
    return sep, HeaderSpot(first, first + 1, _split(line, sep), 0)


def _column_names(names: list[str], width: int) -> list[str]:
    """Header names padded to ``width``, blank or pandas-made ones as 列N, duplicates numbered."""
    padded = [str(n).strip() for n in names] + [""] * (width - len(names))
    named = [n if n and not n.startswith("Unnamed:") else f"列{j + 1}" for j, n in enumerate(padded)]
    return _dedupe(named)


def _read_csv_arrow(body: memoryview, encoding: str, sep: str, names: list[str]) -> pd.DataFrame | None:
    """Fast multi-threaded read; None when a line is ragged (the careful reader numbers those)."""
    import pyarrow as pa
    from pyarrow import csv as pacsv

    ragged: list[object] = []

    def on_invalid(row: object) -> str:
        ragged.append(row)
        return "skip"

    table = pacsv.read_csv(
        pa.BufferReader(pa.py_buffer(body)),
        read_options=pacsv.ReadOptions(
            encoding="utf8" if encoding == "utf-8-sig" else encoding, column_names=names
        ),
        parse_options=pacsv.ParseOptions(
            delimiter=sep, newlines_in_values=True, invalid_row_handler=on_invalid
        ),
        convert_options=pacsv.ConvertOptions(
            column_types={n: pa.string() for n in names},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    return None if ragged else table.to_pandas()


def _read_csv_careful(
    body: memoryview, encoding: str, sep: str, names: list[str]
) -> tuple[pd.DataFrame, list[tuple[int, str]]]:
    """Single-threaded read keeping blank lines; ragged lines as (line in ``body``, reason)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = pd.read_csv(
            io.BytesIO(body),
            sep=sep,
            encoding=encoding,
            header=None,
            names=names,
            dtype=str,
            na_filter=False,
            skip_blank_lines=False,
            on_bad_lines="warn",
            engine="c",
        )
    bad = []
    for warning in caught:
        for found in _BAD_LINE.finditer(str(warning.message)):
            line, expected, saw = (int(g) for g in found.groups())
            bad.append((line, f"列数不符：表头有{expected}列，此行有{saw}列"))
    return frame, sorted(bad)


def _read_body(data: bytes, encoding: str, sep: str, spot: HeaderSpot, offset: int) -> RawTable:
    """The data records after the header, numbered as in the file (its first record is row 1)."""
    body = memoryview(data)[offset:]  # no copy of a large file
    names = _column_names(spot.names, len(spot.names))
    first = spot.stop + 1
    if _NOT_BLANK.search(data, offset) is None:
        frame = pd.DataFrame({n: pd.Series(dtype="str") for n in names})
        return RawTable(frame, np.zeros(0, dtype=np.int64))
    blank_line = data.find(b"\n\n", offset) >= 0 or data.find(b"\n\r\n", offset) >= 0
    if not (blank_line or data[offset : offset + 1] in (b"\n", b"\r")):
        frame = _read_csv_arrow(body, encoding, sep, names)
        if frame is not None:
            return RawTable(frame, np.arange(len(frame), dtype=np.int64) + first)
    frame, bad = _read_csv_careful(body, encoding, sep, names)
    bad = [(line + first - 1, why) for line, why in bad]
    rows = np.arange(len(frame), dtype=np.int64) + first
    for line, _ in bad:  # a skipped line shifts every later row down by one
        rows[rows >= line] += 1
    return RawTable(frame, rows, bad)


def _read_csv(data: bytes) -> RawTable:
    import pyarrow as pa

    for encoding in _encodings(data):
        try:
            records, end = _head_records(data, encoding)
            sep, spot = _locate_csv(records)
            offset = records[spot.stop][0] if spot.stop < len(records) else end
            return _read_body(data, encoding, sep, spot, offset)
        except UnicodeDecodeError:
            continue
        except pa.ArrowInvalid as exc:
            if "UTF8" in str(exc) or "decode" in str(exc).lower():
                continue
            raise ProfileError("P122", f"无法按表格读取文件：{exc}") from exc
        except (pd.errors.ParserError, pd.errors.EmptyDataError, LookupError) as exc:
            raise ProfileError("P122", f"无法按表格读取文件：{exc}") from exc
    raise ProfileError("P121", "无法识别文件编码，请另存为UTF-8或GBK编码的CSV")


def _sheet_text(rows: Iterator[tuple[Any, ...]]) -> Iterator[list[str]]:
    return ([cell_text(c).strip() for c in cells] for cells in rows)


Rows = Callable[[], Iterator[tuple[Any, ...]]]


def _pick_sheet(sheets: list[tuple[str, Rows]]) -> RawTable:
    """The table of the sheet whose header names the most fields."""
    best: tuple[Rows, HeaderSpot] | None = None
    blank = True
    for _, rows in sheets:
        head = list(islice(_sheet_text(rows()), _HEADER_SEARCH_ROWS))
        blank = blank and not any(any(row) for row in head)
        spot = locate_header(head)
        if spot is not None and (best is None or spot.score > best[1].score):
            best = (rows, spot)
    if best is None and blank:
        raise ProfileError("P120", "文件为空，没有任何表格内容")
    if best is None:
        titles = "、".join(title for title, _ in sheets)
        raise ProfileError("P124", f"Excel文件的工作表（{titles}）中都没有“统一社会信用代码”列")
    return _sheet_table(*best)


def _read_xlsx(data: bytes) -> RawTable:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken file
        raise ProfileError("P123", f"无法打开Excel文件（文件可能已损坏）：{exc}") from exc
    try:
        for sheet in book.worksheets:
            sheet.reset_dimensions()  # some writers record a wrong used range
        return _pick_sheet(
            [(s.title, partial(s.iter_rows, values_only=True)) for s in book.worksheets]
        )
    finally:
        book.close()


def _read_xls(data: bytes) -> RawTable:
    """Old Excel (.xls, BIFF) workbooks, as government systems still export them."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data)
    except Exception as exc:  # xlrd raises several types for a broken or encrypted file
        if "workbook" in str(exc).lower():
            raise ProfileError("P125", "这是Word等其他Office文件，不是Excel表格") from exc
        raise ProfileError("P123", f"无法打开Excel文件（文件可能已损坏或加密）：{exc}") from exc

    def value(cell: Any) -> Any:
        if cell.ctype == xlrd.XL_CELL_DATE:
            return xlrd.xldate_as_datetime(cell.value, book.datemode)
        if cell.ctype == xlrd.XL_CELL_BOOLEAN:
            return bool(cell.value)
        if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
            return None
        return cell.value

    def rows_of(sheet: Any) -> Rows:
        return lambda: (tuple(value(c) for c in sheet.row(i)) for i in range(sheet.nrows))

    return _pick_sheet([(s.name, rows_of(s)) for s in book.sheets()])


def _sheet_table(rows: Rows, spot: HeaderSpot) -> RawTable:
    """The data rows of a sheet below its header, numbered as the sheet numbers them."""
    body = list(islice(_sheet_text(rows()), spot.stop, None))
    width = max([len(spot.names), *(len(r) for r in body)])
    body = [r + [""] * (width - len(r)) for r in body]
    frame = pd.DataFrame(body, columns=pd.Index(_column_names(spot.names, width)), dtype="str")
    return RawTable(frame, np.arange(len(frame), dtype=np.int64) + spot.stop + 1)


def _dedupe(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}.{seen[name] - 1}")
    return out


def _refuse_other_formats(data: bytes) -> None:
    """Clear errors for old Excel, web pages saved as .xls, PDF and other binary files."""
    head = data[:4096]
    if re.match(rb"\s*<(!doctype html|html|table|\?xml)", head[:512].lower().lstrip(b"\xef\xbb\xbf")):
        raise ProfileError(
            "P127", "该文件实为网页（HTML/XML）格式的导出，不是真正的Excel；请用Excel打开后另存为.xlsx或CSV"
        )
    if head.startswith(b"%PDF") or head.count(b"\x00") * 10 > len(head):
        raise ProfileError("P122", "不是表格文件（CSV或.xlsx），请检查文件内容")


def read_raw(source: str | Path | IO[bytes] | IO[str] | bytes, *, filename: str | None = None) -> RawTable:
    """Read a CSV, .xlsx or .xls table (path, bytes or file object) into text cells; the content decides."""
    data = _load_bytes(source)
    if _NOT_BLANK.search(data) is None:
        raise ProfileError("P120", "文件为空，没有任何表格内容")
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data)
    if data.startswith(_OLE_MAGIC):
        return _read_xls(data)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Excel "Unicode text" is UTF-16
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProfileError("P121", "UTF-16编码的文件内容有损坏，无法读取") from exc
    _refuse_other_formats(data)
    if _NOT_BLANK.search(data) is None:
        raise ProfileError("P120", "文件为空，没有任何表格内容")
    return _read_csv(data)
