"""Validated enterprise tables: raw cells to the canonical frame, every rejected row with a reason.

Rows are numbered as in the source: the header is row 1, the first data row row 2 (with a title
block or a 填报单位 line above the header, the file's or sheet's own row numbers). Fully blank rows
and rows that are no enterprise (合计, 备注, 填表人 ... with no credit code) are skipped and not
counted in ``rows_read`` (the latter are listed in ``skipped``); every other row is either in
``frame`` or in ``rejected``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from recommender.errors import ProfileError
from recommender.profiles import cells
from recommender.profiles.credit_code import credit_code_check_char
from recommender.profiles.fields import FieldSpec, field_specs, match_header
from recommender.profiles.industry import industry_code_for_text
from recommender.profiles.key_column import parse_credit_codes
from recommender.profiles.qualifications import normalise_qualifications, qualification_table
from recommender.profiles.reading import RawTable, cell_text, read_raw
from recommender.profiles.regions import check_region_code, region_code_for_text

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
    skipped: list[RowError] = field(default_factory=list)  # 合计/备注/落款 rows: no enterprise

    def row_notes(self) -> list[RowError]:
        """Rejected and skipped rows in file order, for the ``row N: reason`` report."""
        return sorted([*self.rejected, *self.skipped], key=lambda e: e.row)


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


def _industry(text: str) -> tuple[str | None, str | None]:
    try:
        return industry_code_for_text(text), None
    except ProfileError as exc:
        return None, f"行业代码无法识别（{exc.message}）"


def _region(text: str) -> tuple[str | None, str | None]:
    code = region_code_for_text(text)
    if code is None and not re.match(r"\d", text):
        return None, f"行政区划无法识别（“{text[:40]}”不是唯一的区县名称，请填写6位行政区划代码）"
    why = check_region_code(text if code is None else code)
    return (code, None) if why is None else (None, f"行政区划代码不合法（{why}）")


@cache
def _none_listed() -> frozenset[str]:
    with (Path(__file__).parent / "data" / "none_listed.csv").open(encoding="utf-8") as fh:
        return frozenset(ln.split(",")[0].strip() for ln in fh if ln.strip() and ln[0] != "#")


@cache
def _known_qualifications() -> frozenset[str]:
    return frozenset(re.sub(r"\s+", "", a) for a in qualification_table()["alias"])


def _split_qualifications(text: str) -> str:
    """Also split on / | and line breaks, and on spaces unless a spaced part is a known name."""
    parts = []
    for part in re.split(r"[/|\r\n\t]+", text):
        spaced = part.strip()
        known = re.sub(r"\s+", "", spaced) in _known_qualifications()
        parts += [spaced] if known else spaced.split()
    return ";".join(p for p in parts if p)


def _qualifications(text: str) -> tuple[str | None, str | None]:
    if text in _none_listed():
        return "", None
    return normalise_qualifications(_split_qualifications(text)), None


def _coded(raw: pd.Series, func: Callable[[str], tuple[Any, str | None]]) -> cells.Parsed:
    text = cells.prepare(raw, nfkc=True)
    return cells.by_unique(text.where(~cells.missing_mask(text, value=True)), func)


def _parse(spec: FieldSpec, raw: pd.Series, scale: float, as_of: date | None) -> cells.Parsed:
    kind, label = spec.kind, spec.short
    if kind == "text":
        return cells.parse_text(raw)
    if kind == "industry":
        return _coded(raw.astype("str").str.upper(), _industry)
    if kind == "region":
        return _coded(raw, _region)
    if kind == "list":
        return cells.by_unique(cells.parse_text(raw)[0], _qualifications)
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


@cache
def _footer_words() -> tuple[tuple[str, str], ...]:
    with (Path(__file__).parent / "data" / "footer_rows.csv").open(encoding="utf-8") as fh:
        pairs = [ln.strip().split(",", 1) for ln in fh if ln.strip() and ln[0] != "#"]
    return tuple(sorted(((w, kind) for w, kind in pairs), key=lambda p: -len(p[0])))


def _footer_kind(cells_: list[str]) -> str | None:
    """What a row without a credit code is when its first filled cell opens with 合计, 备注, 填表人 ..."""
    first = next((c.strip() for c in cells_ if isinstance(c, str) and c.strip()), "")
    first = re.sub(r"^[\s\d.、()（）一二三四五六七八九十]*", "", first) or first
    return next((kind for word, kind in _footer_words() if first.startswith(word)), None)


def _footer_rows(frame: pd.DataFrame, key: int) -> dict[int, str]:
    """Positions of rows that are no enterprise (totals, notes, sign-off lines), with what they are."""
    code = frame.iloc[:, key].astype("str").str.strip()
    candidates = np.flatnonzero((code.isna() | ~code.str.isascii() | (code == "")).to_numpy())
    found = {}
    for i in candidates:
        kind = _footer_kind(frame.iloc[i].tolist())
        if kind is not None:
            found[int(i)] = kind
    return found


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
        aliases = "、".join(field_specs()["credit_code"].aliases[:5])
        raise ProfileError("P126", f"表中没有“统一社会信用代码”列（表头可写作：{aliases}）")
    footers = _footer_rows(frame, found["credit_code"][0]) if skip_blank and len(frame) else {}
    skipped = [RowError(int(rows[i]), None, f"{kind}，不是企业，已跳过") for i, kind in footers.items()]
    if footers:
        keep = np.ones(len(frame), dtype=bool)
        keep[list(footers)] = False
        frame, rows = frame.iloc[keep].reset_index(drop=True), rows[keep]
        extras = {k: v.iloc[keep].reset_index(drop=True) for k, v in extras.items()}
    values: dict[str, pd.Series] = {}
    reasons: list[pd.Series] = []
    for name, spec in field_specs().items():
        if name not in found:
            values[name] = _empty(spec.kind, frame.index)
            continue
        position, scale = found[name]
        column = frame.iloc[:, position]
        if name == "credit_code":
            parsed = parse_credit_codes(column, rows)
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
        skipped=skipped,
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
