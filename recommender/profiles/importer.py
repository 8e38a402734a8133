"""Validated enterprise tables: raw cells to the canonical frame, every rejected row with a reason.

Rows are numbered as in the source: the header is row 1, the first data row row 2 (in an Excel
sheet with a title block above the header, the sheet's own row numbers). Fully blank rows are
skipped and not counted in ``rows_read``; every other row is either in ``frame`` or in ``rejected``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd
import pyarrow as pa

from recommender.errors import ProfileError
from recommender.profiles import cells
from recommender.profiles.credit_code import (
    char_values,
    check_credit_code,
    check_values,
    credit_code_check_char,
)
from recommender.profiles.fields import FieldSpec, field_specs, match_header
from recommender.profiles.industry import normalise_industry_code
from recommender.profiles.qualifications import normalise_qualifications
from recommender.profiles.reading import RawTable, cell_text, read_raw
from recommender.profiles.regions import check_region_code

__all__ = ["RowError", "ImportResult", "read_table", "frame_from_records", "empty_frame"]

_JOIN = "；"
_PLACEHOLDER_PREFIX = "91000000000"  # + 6 digits + check char: a valid code for keyless profiles


@dataclass(frozen=True)
class RowError:
    """A rejected row: its number in the source, its credit code if any, and why (Chinese)."""

    row: int
    credit_code: str | None
    reason: str


@dataclass
class ImportResult:
    """Accepted rows in canonical form, rejected rows, and how many non-blank rows were read."""

    frame: pd.DataFrame
    rejected: list[RowError]
    rows_read: int
    fields: tuple[str, ...] = field(default=())  # canonical fields the source had a column for


def _empty(kind: str, index: pd.Index) -> pd.Series:
    if kind == "date":
        return pd.Series(pd.NaT, index=index, dtype="datetime64[ns]")
    if kind in ("int", "money"):
        return pd.Series(np.nan, index=index, dtype="float64")
    if kind == "bool":
        return pd.Series(pd.NA, index=index, dtype="boolean")
    return pd.Series(np.nan, index=index, dtype="str")


def empty_frame() -> pd.DataFrame:
    """A canonical enterprise frame with no rows."""
    index = pd.RangeIndex(0)
    return pd.DataFrame({n: _empty(s.kind, index) for n, s in field_specs().items()})


def _by_unique(text: pd.Series, func: Callable[[str], tuple[Any, str | None]]) -> cells.Parsed:
    """Apply ``func`` (value -> (result, reason)) once per distinct non-NaN cell."""
    codes, uniques = pd.factorize(text, use_na_sentinel=True)
    results = [func(u) for u in uniques]

    def spread(values: list[Any]) -> pd.Series:
        table = pd.array(values, dtype="str")
        return pd.Series(table.take(codes, allow_fill=True), index=text.index)

    return spread([r[0] for r in results]), spread([r[1] for r in results])


def _ascii_matrix(text: pd.Series, width: int) -> np.ndarray:
    """Bytes of equal-length ASCII strings as an (n, width) uint8 matrix, read from Arrow buffers."""
    array = pa.chunked_array(pa.array(text)).combine_chunks().cast(pa.large_string())
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int64)[array.offset :][: len(array) + 1]
    data = np.frombuffer(array.buffers()[2], dtype=np.uint8)[offsets[0] : offsets[-1]]
    return data.reshape(-1, width)


def _valid_codes(text: pd.Series) -> np.ndarray:
    """Vectorised GB 32100-2015 check over upper-cased codes (NaN is invalid)."""
    ok = (text.str.len() == 18).fillna(False).to_numpy(dtype=bool, copy=True)
    ok &= text.str.isascii().fillna(False).to_numpy(dtype=bool)
    if not ok.any():
        return ok
    chars = char_values(_ascii_matrix(text[ok], 18))
    good = (chars >= 0).all(axis=1) & (chars[:, 17] == check_values(chars[:, :17]))
    ok[ok] = good
    return ok


def _credit_code(raw: pd.Series, rows: np.ndarray) -> cells.Parsed:
    text = cells.prepare(raw, nfkc=True).str.upper()
    missing = cells.missing_mask(text)
    valid = _valid_codes(text)
    reasons = pd.Series(np.nan, index=raw.index, dtype="str")
    reasons[missing.to_numpy()] = "统一社会信用代码为空"
    invalid = ~valid & ~missing.to_numpy()
    if invalid.any():
        _, why = _by_unique(text[invalid], lambda c: (None, f"统一社会信用代码{check_credit_code(c)}"))
        reasons[invalid] = why
    good = text[valid]
    dup = good.duplicated(keep="first").to_numpy()
    if dup.any():
        first_row = pd.Series(rows[valid][~dup], index=good[~dup].to_numpy())
        earlier = good[dup].map(first_row).astype("int64").astype("str")
        reasons[earlier.index] = "统一社会信用代码重复（与第" + earlier + "行）"
    return text.where(~missing), reasons


def _industry(text: str) -> tuple[str | None, str | None]:
    try:
        return normalise_industry_code(text), None
    except ProfileError as exc:
        return None, f"行业代码无法识别（{exc.message}）"


def _region(text: str) -> tuple[str | None, str | None]:
    why = check_region_code(text)
    return (text, None) if why is None else (None, f"行政区划代码不合法（{why}）")


@cache
def _none_listed() -> frozenset[str]:
    with (Path(__file__).parent / "data" / "none_listed.csv").open(encoding="utf-8") as fh:
        return frozenset(ln.split(",")[0].strip() for ln in fh if ln.strip() and ln[0] != "#")


def _qualifications(text: str) -> tuple[str | None, str | None]:
    return ("" if text in _none_listed() else normalise_qualifications(text)), None


def _coded(raw: pd.Series, func: Callable[[str], tuple[Any, str | None]]) -> cells.Parsed:
    text = cells.prepare(raw, nfkc=True)
    return _by_unique(text.where(~cells.missing_mask(text)), func)


def _parse(spec: FieldSpec, raw: pd.Series, scale: float, as_of: date | None) -> cells.Parsed:
    kind, label = spec.kind, spec.short
    if kind == "text":
        return cells.parse_text(raw)
    if kind == "industry":
        return _coded(raw.astype("str").str.upper(), _industry)
    if kind == "region":
        return _coded(raw, _region)
    if kind == "list":
        return _by_unique(cells.parse_text(raw)[0], _qualifications)
    if kind == "bool":
        return cells.parse_bool(raw, label)
    if kind == "tax_credit":
        return cells.parse_tax_credit(raw, label)
    if kind == "taxpayer_type":
        return cells.parse_taxpayer_type(raw, label)
    if kind in ("int", "money"):
        return cells.parse_number(
            raw, label, scale=scale, money=kind == "money", integer=kind == "int", nonneg=spec.nonneg
        )
    if kind == "date":
        values, reasons = cells.parse_date(raw, label)
        limit = pd.Timestamp(as_of or date.today())
        late = (values > limit).fillna(False).astype(bool)
        if late.any():
            when = "今天" if as_of is None else as_of.isoformat()
            reasons = reasons.where(~late, f"{label}晚于{when}")
            values = values.where(~late)
        return values, reasons
    raise ProfileError("P100", f"字段类型未定义：{kind}")


def _blank_rows(frame: pd.DataFrame) -> np.ndarray:
    """Rows whose every cell is empty or whitespace (checked column by column on candidates only)."""
    candidates = np.arange(len(frame))
    for column in frame.columns:
        if not len(candidates):
            break
        text = frame[column].iloc[candidates].astype("str").str.strip()
        candidates = candidates[(text.isna() | (text == "")).to_numpy()]
    blank = np.zeros(len(frame), dtype=bool)
    blank[candidates] = True
    return blank


def _extra_name(raw: object, position: int) -> str:
    name = str(raw).replace("\ufeff", "").strip()
    return f"列{position + 1}" if not name or name.startswith("Unnamed:") else name


def _validate(table: RawTable, *, skip_blank: bool, as_of: date | None) -> ImportResult:
    frame, rows = table.frame, table.rows
    if skip_blank and len(frame):
        keep = ~_blank_rows(frame)
        frame, rows = frame.iloc[keep].reset_index(drop=True), rows[keep]
    found: dict[str, tuple[int, float]] = {}
    extras: dict[str, pd.Series] = {}
    for position, raw in enumerate(frame.columns):
        match = match_header(raw)
        if match is not None and match[0] not in found:
            found[match[0]] = (position, match[1])
            continue
        values = cells.parse_text(frame.iloc[:, position])[0]
        name = _extra_name(raw, position)
        if values.notna().any() or not name.startswith("列"):
            extras[name] = values
    if "credit_code" not in found:
        aliases = "、".join(field_specs()["credit_code"].aliases)
        raise ProfileError("P126", f"表中没有“统一社会信用代码”列（表头可写作：{aliases}）")
    values: dict[str, pd.Series] = {}
    reasons: list[pd.Series] = []
    for name, spec in field_specs().items():
        if name not in found:
            values[name] = _empty(spec.kind, frame.index)
            continue
        position, scale = found[name]
        column = frame.iloc[:, position]
        if name == "credit_code":
            parsed = _credit_code(column, rows)
        else:
            parsed = _parse(spec, column, scale, as_of)
        values[name] = parsed[0]
        if parsed[1].notna().any():
            reasons.append(parsed[1])
    joined = pd.Series(np.nan, index=frame.index, dtype="str")
    for reason in reasons:
        joined = joined.where(reason.isna(), (joined + _JOIN + reason).fillna(reason))
    bad = joined.notna().to_numpy()
    out = pd.DataFrame({**values, **{k: v for k, v in extras.items() if k not in values}})
    codes = values["credit_code"]
    rejected = [
        RowError(int(r), None if pd.isna(c) else str(c), str(why))
        for r, c, why in zip(rows[bad], codes[bad], joined[bad], strict=True)
    ]
    rejected += [RowError(line, None, why) for line, why in table.bad_lines]
    rejected.sort(key=lambda e: e.row)
    return ImportResult(
        frame=out[~bad].reset_index(drop=True),
        rejected=rejected,
        rows_read=len(frame) + len(table.bad_lines),
        fields=tuple(n for n in field_specs() if n in found),
    )


def read_table(
    source: str | Path | IO[bytes] | IO[str] | bytes,
    *,
    filename: str | None = None,
    as_of: date | None = None,
) -> ImportResult:
    """Read and validate a CSV or .xlsx enterprise table; ``as_of`` bounds 成立日期 (default today)."""
    return _validate(read_raw(source, filename=filename), skip_blank=True, as_of=as_of)


def frame_from_records(
    records: list[dict[str, Any]], *, require_key: bool = True, as_of: date | None = None
) -> ImportResult:
    """Validate profiles given as dicts (English or Chinese keys); records are numbered from 1.

    With ``require_key=False`` a missing credit code is replaced by a generated placeholder code.
    """
    frame = pd.DataFrame([{k: cell_text(v) for k, v in r.items()} for r in records], dtype="str")
    frame.index = pd.RangeIndex(len(records))
    key = next((c for c in frame.columns if (m := match_header(c)) and m[0] == "credit_code"), None)
    if key is None:
        key = "credit_code"
        frame[key] = pd.Series(np.nan, index=frame.index, dtype="str")
    if not require_key:
        text = cells.prepare(frame[key])
        missing = cells.missing_mask(text).to_numpy()
        placeholders = [
            f"{_PLACEHOLDER_PREFIX}{i:06d}" + credit_code_check_char(f"{_PLACEHOLDER_PREFIX}{i:06d}")
            for i in np.flatnonzero(missing) + 1
        ]
        frame.loc[missing, key] = placeholders
    rows = np.arange(1, len(frame) + 1, dtype=np.int64)
    return _validate(RawTable(frame, rows), skip_blank=False, as_of=as_of)
