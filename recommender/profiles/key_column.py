"""The credit-code column of an enterprise table: cleaned up, checked (GB 32100-2015), deduplicated."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa

from recommender.profiles import cells
from recommender.profiles.credit_code import (
    CREDIT_CODE_ALPHABET,
    char_values,
    check_credit_code,
    check_values,
)

__all__ = ["parse_credit_codes"]

_CODE_NOISE = r"[\s'‘’\"“”=]"  # spaces, Excel's leading apostrophe, ="..." text formulas


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


def _code_reason(code: str) -> str:
    """Why a cleaned-up cell is no credit code, in Chinese."""
    if re.fullmatch(r"\d{15}", code):
        return "统一社会信用代码无效：15位旧版注册号，不是统一社会信用代码（请查询该企业的18位代码）"
    if re.fullmatch(r"\d(\.\d+)?E\+?\d+", code) or re.fullmatch(r"\d{16,}\.0+", code):
        return f"统一社会信用代码被Excel存成了数字（{code}），末几位已丢失；请将该列设为文本后重新填写"
    if len(code) != 18:
        return f"统一社会信用代码长度不是18位（共{len(code)}位）"
    why = check_credit_code(code)
    if why == "含非法字符":
        bad = "".join(dict.fromkeys(ch for ch in code if ch not in CREDIT_CODE_ALPHABET))
        return f"统一社会信用代码含非法字符“{bad}”（代码不使用I、O、S、V、Z）"
    return f"统一社会信用代码{why}"


def parse_credit_codes(raw: pd.Series, rows: np.ndarray) -> cells.Parsed:
    """Credit codes cleaned up (spaces, Excel's apostrophe, full-width), checked, duplicates found;
    ``rows`` numbers the rows for the duplicate message."""
    text = cells.prepare(raw, nfkc=True).str.upper()
    missing = cells.missing_mask(text, value=True)
    valid = _valid_codes(text)
    odd = ~valid & ~missing.to_numpy()
    if odd.any():  # clean up only the cells that fail as written
        text = text.copy()
        text[odd] = text[odd].str.replace(_CODE_NOISE, "", regex=True)
        missing = cells.missing_mask(text, value=True)
        valid = _valid_codes(text)
    reasons = pd.Series(np.nan, index=raw.index, dtype="str")
    reasons[missing.to_numpy()] = "统一社会信用代码为空"
    invalid = ~valid & ~missing.to_numpy()
    if invalid.any():
        _, why = cells.by_unique(text[invalid], lambda c: (None, _code_reason(c)))
        reasons[invalid] = why
    good = text[valid]
    dup = good.duplicated(keep="first").to_numpy()
    if dup.any():
        first_row = pd.Series(rows[valid][~dup], index=good[~dup].to_numpy())
        earlier = good[dup].map(first_row).astype("int64").astype("str")
        reasons[earlier.index] = "统一社会信用代码重复（与第" + earlier + "行）"
    return text.where(~missing), reasons
