"""Vectorised cell parsers: each takes a Series of raw cells and returns (values, reasons)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = [
    "Parsed",
    "missing_mask",
    "prepare",
    "map_unique",
    "by_unique",
    "parse_text",
    "parse_bool",
    "parse_date",
    "parse_number",
    "parse_tax_credit",
    "parse_taxpayer_type",
]

# (parsed values, per-row Chinese reason or NaN when the cell is fine or unknown)
Parsed = tuple[pd.Series, pd.Series]

_DATA = Path(__file__).parent / "data"
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")
_DATE_RE = (
    r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
# A month without a day (2020年3月, 2020-03, 2020.3, 202003) stands for the 1st of that month.
_MONTH_RE = r"^(\d{4})(?:[-/.年](\d{1,2})月?|(\d{2}))$"
_PLAIN_NUMBER = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"
_COMPACT_DATE_RE = r"^(\d{4})(\d{2})(\d{2})$"
_SERIAL_RE = r"^(\d{5}(?:\.\d+)?)$"  # a time of day is a fraction
_MONEY_UNITS = {"万元": 1.0, "万": 1.0, "元": 1e-4, "千元": 0.1, "百万元": 100.0, "亿元": 1e4, "亿": 1e4}
_NUMBER_NOISE = r"[,\s]|^(?:[¥￥$]|(?i:rmb|cny)|人民币)"  # separators and a currency sign in front
_COUNT_UNITS = {"人": 1.0, "个": 1.0, "件": 1.0, "项": 1.0, "家": 1.0, "名": 1.0}
_TAX_CREDIT = frozenset("ABMCD")
_REMARK = r"\s*[(\[【][^()\[\]【】]*[)\]】]\s*$"  # 是（首贷）, 否[已结清]
_WIDE = "[\uff01-\uff5e\u3000]"  # full-width ASCII forms and the ideographic space
_TAXPAYER_TYPES = ("一般纳税人", "小规模纳税人")


@cache
def _tokens(name: str) -> dict[str, str]:
    """A two-column token table (token,value) from data/<name>.csv, keys lower-cased."""
    out = {}
    with (_DATA / f"{name}.csv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# ") or not line.strip():  # "#N/A" is a token, not a comment
                continue
            token, _, value = line.rstrip("\n").partition(",")
            out[token.strip().lower()] = value.strip()
    return out


def _arrow(text: pd.Series) -> pa.ChunkedArray:
    """The Arrow strings behind a text Series (zero-copy for the default pyarrow string dtype)."""
    return pa.chunked_array(pa.array(text, type=pa.large_string()))


def prepare(raw: pd.Series, *, nfkc: bool = False) -> pd.Series:
    """Cells as stripped strings (NaN stays NaN); optionally NFKC-folded (full-width to ASCII)."""
    text = raw.astype("str").str.strip()
    if nfkc:
        wide = text.str.contains(_WIDE, regex=True).fillna(False).astype(bool)
        if wide.any():
            text = text.copy()
            text[wide] = text[wide].str.normalize("NFKC").str.strip()
    return text


@cache
def _missing_tokens(value: bool) -> frozenset[str]:
    scopes = ("all", "value") if value else ("all",)
    return frozenset(k for k, v in _tokens("missing").items() if v in scopes) | {""}


def missing_mask(text: pd.Series, *, value: bool = False) -> pd.Series:
    """True where a prepared cell means "not known": empty, -, —, 无数据, NULL, nan and the like.

    With ``value=True`` (numbers, dates, ratings, codes) 无/暂无/没有 are unknown too; elsewhere
    they mean "none" (a qualification list) or "no" (a boolean).
    """
    return (text.isna() | text.str.lower().isin(_missing_tokens(value))).astype(bool)


def map_unique(text: pd.Series, func: Callable[[str], Any]) -> pd.Series:
    """Apply ``func`` once per distinct non-missing value and spread the results (object dtype)."""
    codes, uniques = pd.factorize(text, use_na_sentinel=True)
    mapped = np.array([func(u) for u in uniques] + [None], dtype=object)
    return pd.Series(mapped[codes], index=text.index, dtype=object)


def by_unique(text: pd.Series, func: Callable[[str], tuple[Any, str | None]]) -> Parsed:
    """Apply ``func`` (value -> (result, reason)) once per distinct non-NaN cell."""
    codes, uniques = pd.factorize(text, use_na_sentinel=True)
    results = [func(u) for u in uniques]

    def spread(values: list[Any]) -> pd.Series:
        table = pd.array(values, dtype="str")
        return pd.Series(table.take(codes, allow_fill=True), index=text.index)

    return spread([r[0] for r in results]), spread([r[1] for r in results])


def _reasons(text: pd.Series, bad: pd.Series, prefix: str, suffix: str = "") -> pd.Series:
    """Per-row reasons: ``prefix"cell"suffix`` where ``bad``, NaN elsewhere."""
    out = pd.Series(np.nan, index=text.index, dtype="str")
    if bad.any():
        shown = text[bad].str.slice(0, 40)
        out[bad] = prefix + '"' + shown + '"' + suffix
    return out


def parse_text(raw: pd.Series) -> Parsed:
    """Free text: stripped, unknown where missing; never an error."""
    text = prepare(raw)
    values = text.where(~missing_mask(text))
    return values.astype("str"), pd.Series(np.nan, index=raw.index, dtype="str")


def parse_bool(raw: pd.Series, label: str) -> Parsed:
    """Booleans: true/false, 1/0, 是/否, Y/N, 有/无, √/×; a remark in brackets after the answer is
    ignored (是（首贷） is 是); NA when unknown."""
    text = prepare(raw, nfkc=True)
    missing = missing_mask(text)
    lower = text.str.lower()
    tokens = _tokens("booleans")
    yes_words = {k for k, v in tokens.items() if v == "true"}
    no_words = {k for k, v in tokens.items() if v == "false"}
    yes = lower.isin(yes_words).to_numpy(dtype=bool, copy=True)
    no = lower.isin(no_words).to_numpy(dtype=bool, copy=True)
    odd = ~(yes | no | missing.to_numpy())
    if odd.any():  # only the few cells not read as written: drop a remark and look again
        bare = lower[odd].str.replace(_REMARK, "", regex=True).str.strip()
        yes[odd] = bare.isin(yes_words).to_numpy(dtype=bool)
        no[odd] = bare.isin(no_words).to_numpy(dtype=bool)
    values = pd.array(np.where(yes, True, False), dtype="boolean")
    values[~(yes | no)] = pd.NA
    bad = ~missing & ~pd.Series(yes | no, index=raw.index)
    return pd.Series(values, index=raw.index), _reasons(text, bad, f"“{label}”无法识别为是或否: ")


def _slow_date(text: pd.Series) -> pd.Series:
    """Dates in the less common forms: YYYY/M/D, YYYY年M月D日, YYYYMMDD, Excel serial numbers."""
    text = prepare(text, nfkc=True)
    parts = text.str.extract(_DATE_RE).fillna(text.str.extract(_COMPACT_DATE_RE))
    month = text.str.extract(_MONTH_RE)
    parts[0] = parts[0].fillna(month[0])
    parts[1] = parts[1].fillna(month[1]).fillna(month[2])
    parts[2] = parts[2].where(month[0].isna(), "1")
    ymd = pd.DataFrame(
        {key: pd.to_numeric(parts[i], errors="coerce") for i, key in enumerate(("year", "month", "day"))}
    )
    ymd = ymd.where(ymd["year"].between(1900, 2100), np.nan)
    values = pd.to_datetime(ymd, errors="coerce").astype("datetime64[ns]")
    serial = pd.to_numeric(text.str.extract(_SERIAL_RE)[0], errors="coerce")
    serial = serial.where(serial.between(1, 73050))  # 1900-01-01 .. 2099-12-31
    if serial.notna().any():
        days = pd.to_timedelta(np.floor(serial), unit="D")
        values = values.fillna(_EXCEL_EPOCH + days)
    return values


def parse_date(raw: pd.Series, label: str) -> Parsed:
    """Dates: YYYY-MM-DD, YYYY/MM/DD, YYYY.M.D, YYYY年M月D日, YYYYMMDD, Excel serials; a month alone
    (2020年3月) is its 1st day; a time of day is dropped; NaT if unknown."""
    text = prepare(raw)
    missing = missing_mask(text, value=True)
    arrow = _arrow(text)
    arrow = pc.if_else(pc.match_substring_regex(arrow, r"^\d{4}-\d{2}-\d{2}$"), arrow, None)
    iso = pc.strptime(arrow, format="%Y-%m-%d", unit="s", error_is_null=True)
    values = pd.Series(iso.to_numpy(zero_copy_only=False), index=text.index).astype("datetime64[ns]")
    # strptime rolls 2020-02-30 over into March: keep only dates whose day is the one written
    written_day = pc.cast(pc.utf8_slice_codeunits(arrow, 8, 10), pa.int64())
    same_day = values.dt.day.to_numpy() == written_day.to_numpy(zero_copy_only=False)
    values = values.where(same_day & values.dt.year.between(1900, 2100))
    slow = (~missing & values.isna()).to_numpy()
    if slow.any():
        values[slow] = _slow_date(text[slow])
    bad = ~missing & values.isna()
    return values, _reasons(text, bad, f"“{label}”日期格式无法识别: ")


def _slow_number(text: pd.Series, units: dict[str, float], scale: float) -> pd.Series:
    """Numbers with separators, full-width digits or a unit suffix, scaled to 万元 for money."""
    compact = prepare(text, nfkc=True).str.replace(_NUMBER_NOISE, "", regex=True)
    pattern = "(" + "|".join(sorted(map(re.escape, units), key=len, reverse=True)) + ")$"
    unit = compact.str.extract(pattern)[0]
    number = pd.to_numeric(compact.str.replace(pattern, "", regex=True), errors="coerce")
    return number.astype("float64") * unit.map(units).astype("float64").fillna(scale)


def parse_number(
    raw: pd.Series,
    label: str,
    *,
    scale: float = 1.0,
    money: bool = True,
    integer: bool = False,
    nonneg: bool = False,
) -> Parsed:
    """Numbers with thousands separators, full-width digits, a currency sign; money to 万元 (元, 万元,
    亿元); 约300, 12%, 300-500 are not numbers."""
    text = prepare(raw)
    missing = missing_mask(text, value=True)
    arrow = _arrow(text)
    plain = pc.if_else(pc.match_substring_regex(arrow, _PLAIN_NUMBER), arrow, None)
    values = pd.Series(pc.cast(plain, pa.float64()).to_numpy(zero_copy_only=False), index=text.index)
    values = values * scale
    slow = (~missing & values.isna()).to_numpy()
    if slow.any():
        values[slow] = _slow_number(text[slow], _MONEY_UNITS if money else _COUNT_UNITS, scale)
    values = values.where(np.isfinite(values))
    reasons = _reasons(text, ~missing & values.isna(), f"“{label}”不是数字: ")
    if integer:
        fractional = values.notna() & (values % 1 != 0)
        reasons = reasons.fillna(_reasons(text, fractional, f"“{label}”不是整数: "))
    if nonneg:
        negative = (values < 0).fillna(False).astype(bool)
        if negative.any():
            reasons = reasons.where(~negative, f"{label}不能为负数")
    return values.where(reasons.isna()), reasons


def parse_tax_credit(raw: pd.Series, label: str) -> Parsed:
    """Tax credit ratings A/B/M/C/D, also written A级 or A类; NA when unknown."""
    text = prepare(raw, nfkc=True)
    missing = missing_mask(text, value=True)
    level = text.str.upper().str.replace(r"(级|类|级纳税人)$", "", regex=True)
    ok = level.isin(_TAX_CREDIT).astype(bool)
    bad = ~missing & ~ok
    values = level.where(ok).astype("str")
    return values, _reasons(text, bad, f"“{label}”不合法: ", "（应为A、B、M、C、D之一）")


def _taxpayer_type(value: str) -> str | None:
    compact = re.sub(r"\s+", "", value)
    if "小规模" in compact:
        return "小规模纳税人"
    if compact.startswith("一般"):
        return "一般纳税人"
    return None


def parse_taxpayer_type(raw: pd.Series, label: str) -> Parsed:
    """VAT taxpayer type: 一般纳税人 or 小规模纳税人 (short forms 一般/小规模 accepted)."""
    text = prepare(raw, nfkc=True)
    missing = missing_mask(text, value=True)
    known = text.isin(_TAXPAYER_TYPES).to_numpy(dtype=bool)
    mapped = text.where(known).astype(object)
    if not (known | missing.to_numpy()).all():
        odd = ~known & ~missing.to_numpy()
        mapped[odd] = map_unique(text[odd], _taxpayer_type)
    ok = mapped.notna()
    bad = ~missing & ~ok
    values = pd.Series(mapped.where(ok), index=raw.index).astype("str")
    return values, _reasons(text, bad, f"“{label}”不合法: ", f"（应为{'或'.join(_TAXPAYER_TYPES)}）")
