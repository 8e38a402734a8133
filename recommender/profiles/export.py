"""Write an enterprise frame as CSV (UTF-8) or .xlsx with the English field names of CONTRACT §1."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd

from recommender.errors import ProfileError
from recommender.profiles.fields import FIELDS

__all__ = ["DERIVED_COLUMNS", "table_for_export", "write_table"]

# Derived columns written after the §1 fields when present (CONTRACT.md section 4).
DERIVED_COLUMNS: tuple[str, ...] = ("size", "small_low_profit", "age_years")
_INTERNAL = frozenset({"size_possible", "rd_ratio"})  # derived helpers not part of the table


def _text_column(column: pd.Series, name: str) -> pd.Series:
    """One column as the text a CSV cell holds: true/false, ISO dates, '；' lists, '' if unknown."""
    if name == "qualifications":  # "" is a known empty list, written 无 so it reads back as such
        listed = column.astype("str").str.replace(";", "；", regex=False)
        return listed.where(listed != "", "无").fillna("")
    if isinstance(column.dtype, pd.BooleanDtype) or column.dtype == bool:
        out = np.where(column.fillna(False).astype(bool), "true", "false")
        return pd.Series(out, index=column.index).where(column.notna().to_numpy(), "")
    if pd.api.types.is_datetime64_any_dtype(column.dtype):
        return column.dt.strftime("%Y-%m-%d").fillna("")
    if pd.api.types.is_numeric_dtype(column.dtype):
        numbers = column.astype("float64")
        whole = numbers.notna() & (numbers % 1 == 0) & (numbers.abs() < 1e15)
        out = numbers.round(6).astype(str).astype(object)
        out[whole] = numbers[whole].astype("int64").astype(str)
        return out.fillna("")
    return column.astype("str").fillna("")


def table_for_export(df: pd.DataFrame) -> pd.DataFrame:
    """The frame as text cells: §1 fields, then derived columns, then extra columns as read."""
    derived = [c for c in DERIVED_COLUMNS if c in df.columns]
    extras = [c for c in df.columns if c not in FIELDS and c not in DERIVED_COLUMNS and c not in _INTERNAL]
    columns = [c for c in FIELDS if c in df.columns] + derived + extras
    return pd.DataFrame({c: _text_column(df[c], str(c)) for c in columns}, index=df.index)


def _write_xlsx(df: pd.DataFrame, text: pd.DataFrame, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("企业名录")
    sheet.append(list(text.columns))
    numeric = {
        c for c in text.columns if c in df.columns and pd.api.types.is_numeric_dtype(df[c].dtype)
        and not isinstance(df[c].dtype, pd.BooleanDtype) and df[c].dtype != bool
    }
    values = [
        df[c].astype("float64").to_numpy() if c in numeric else text[c].to_numpy(dtype=object)
        for c in text.columns
    ]
    for row in zip(*values, strict=True):
        sheet.append([
            (None if v != v else (int(v) if float(v).is_integer() else float(v)))
            if isinstance(v, float) else (v or None)
            for v in row
        ])
    book.save(path)


def write_table(df: pd.DataFrame, target: str | Path | IO[str]) -> None:
    """Write ``df`` to a .csv/.xlsx path by suffix, or as CSV to an open text stream."""
    text = table_for_export(df)
    if not isinstance(target, str | Path):
        text.to_csv(target, index=False, lineterminator="\n")
        return
    path = Path(target)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _write_xlsx(df, text, path)
    elif suffix in (".csv", ".txt", ""):
        text.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    else:
        raise ProfileError("P130", f"不支持的导出格式：{suffix}（请用.csv或.xlsx）")
