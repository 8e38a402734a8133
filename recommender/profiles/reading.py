"""Raw enterprise tables from CSV or .xlsx: encoding, delimiter and header row detected, cells as text."""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from recommender.errors import ProfileError
from recommender.profiles.fields import match_header

__all__ = ["RawTable", "read_raw", "cell_text"]

_DELIMITERS = (",", "\t", ";", "|")
_BAD_LINE = re.compile(r"Skipping line (\d+): expected (\d+) fields, saw (\d+)")
_HEADER_SEARCH_ROWS = 20  # an Excel sheet may have a title block above the header row


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


def _sniff(data: bytes, encoding: str) -> tuple[str, list[str]]:
    """The delimiter and header names from the first non-blank line."""
    head = data[:65536].decode(encoding, errors="replace")
    line = next((ln for ln in head.splitlines() if ln.strip()), "")
    counts = {d: line.count(d) for d in _DELIMITERS}
    sep = max(_DELIMITERS, key=lambda d: counts[d]) if any(counts.values()) else ","
    names = next(csv.reader([line.lstrip("\ufeff")], delimiter=sep), [])
    return sep, names


def _read_csv_arrow(data: bytes, encoding: str, sep: str, names: list[str]) -> RawTable | None:
    """Fast multi-threaded read; None when a line is ragged (the careful reader numbers those)."""
    import pyarrow as pa
    from pyarrow import csv as pacsv

    ragged: list[object] = []

    def on_invalid(row: object) -> str:
        ragged.append(row)
        return "skip"

    table = pacsv.read_csv(
        io.BytesIO(data),
        read_options=pacsv.ReadOptions(encoding="utf8" if encoding == "utf-8-sig" else encoding),
        parse_options=pacsv.ParseOptions(
            delimiter=sep, newlines_in_values=True, invalid_row_handler=on_invalid
        ),
        convert_options=pacsv.ConvertOptions(
            column_types={n: pa.string() for n in names},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    if ragged:
        return None
    table = table.rename_columns(_dedupe([str(n) for n in table.column_names]))
    frame = table.to_pandas()
    return RawTable(frame, np.arange(len(frame), dtype=np.int64) + 2)


def _read_csv_careful(data: bytes, encoding: str, sep: str) -> RawTable:
    """Single-threaded read keeping blank lines and numbering ragged lines exactly."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = pd.read_csv(
            io.BytesIO(data),
            sep=sep,
            encoding=encoding,
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
    rows = np.arange(len(frame), dtype=np.int64) + 2
    for line, _ in sorted(bad):  # a skipped line shifts every later row down by one
        rows[rows >= line] += 1
    return RawTable(frame, rows, sorted(bad))


def _read_csv(data: bytes) -> RawTable:
    import pyarrow as pa

    for encoding in _encodings(data):
        sep, names = _sniff(data, encoding)
        blank_lines = b"\n\n" in data or b"\n\r\n" in data or data[:1] in (b"\n", b"\r")
        try:
            if not blank_lines and names:
                table = _read_csv_arrow(data, encoding, sep, names)
                if table is not None:
                    return table
            return _read_csv_careful(data, encoding, sep)
        except UnicodeDecodeError:
            continue
        except pa.ArrowInvalid as exc:
            if "UTF8" in str(exc) or "decode" in str(exc).lower():
                continue
            raise ProfileError("P122", f"无法按表格读取文件：{exc}") from exc
        except (pd.errors.ParserError, pd.errors.EmptyDataError, LookupError) as exc:
            raise ProfileError("P122", f"无法按表格读取文件：{exc}") from exc
    raise ProfileError("P121", "无法识别文件编码，请另存为UTF-8或GBK编码的CSV")


def _read_xlsx(data: bytes) -> RawTable:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken file
        raise ProfileError("P123", f"无法打开Excel文件：{exc}") from exc
    try:
        for sheet in book.worksheets:
            found = _xlsx_sheet(sheet)
            if found is not None:
                return found
        first = book.worksheets[0] if book.worksheets else None
        if first is None or first.max_row in (None, 0):
            raise ProfileError("P120", "文件为空，没有任何表格内容")
        raise ProfileError("P124", "Excel文件中没有含“统一社会信用代码”列的工作表")
    finally:
        book.close()


def _xlsx_sheet(sheet: Any) -> RawTable | None:
    """The table of one sheet whose header row (within the first rows) names the credit code."""
    rows = sheet.iter_rows(values_only=True)
    for number, cells in enumerate(rows, 1):
        if number > _HEADER_SEARCH_ROWS:
            return None
        names = [cell_text(c).strip() for c in cells]
        if any((m := match_header(n)) is not None and m[0] == "credit_code" for n in names if n):
            break
    else:
        return None
    width = len(names)
    body = [[cell_text(c) for c in cells] for cells in rows]
    width = max([width, *(len(r) for r in body)])
    names = [n or f"列{j + 1}" for j, n in enumerate(names + [""] * (width - len(names)))]
    body = [r + [""] * (width - len(r)) for r in body]
    frame = pd.DataFrame(body, columns=pd.Index(_dedupe(names)), dtype="str")
    return RawTable(frame, np.arange(len(frame), dtype=np.int64) + number + 1)


def _dedupe(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}.{seen[name] - 1}")
    return out


def read_raw(source: str | Path | IO[bytes] | IO[str] | bytes, *, filename: str | None = None) -> RawTable:
    """Read a CSV or .xlsx table (path, bytes or file object) into text cells."""
    data = _load_bytes(source)
    name = filename or (str(source) if isinstance(source, str | Path) else getattr(source, "name", ""))
    suffix = Path(str(name)).suffix.lower()
    if not data[:65536].strip(b" \t\r\n\xef\xbb\xbf") and not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise ProfileError("P120", "文件为空，没有任何表格内容")
    if suffix == ".xls" and not data.startswith(b"PK"):
        raise ProfileError("P125", "不支持旧版Excel（.xls），请另存为.xlsx或CSV")
    if data.startswith(b"PK\x03\x04") or suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(data)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Excel "Unicode text" is UTF-16
        data = data.decode("utf-16").encode("utf-8")
    elif data[:4096].count(b"\x00") * 10 > len(data[:4096]):  # mostly NUL bytes: not text
        raise ProfileError("P122", "不是表格文件（CSV或.xlsx）")
    return _read_csv(data)
