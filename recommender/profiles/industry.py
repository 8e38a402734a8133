"""GB/T 4754-2017 industry codes: normalisation, names and name look-up."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import cache
from importlib import resources

import pandas as pd

from recommender.errors import ProfileError

__all__ = [
    "normalise_industry_code",
    "industry_name",
    "industry_codes_for_name",
    "industry_table",
    "industry_code_for_text",
]

_CODE = re.compile(r"([A-Z]?)(\d{0,4})")
# A code with its name as registries write it: C3911 计算机整机制造, 3911(计算机整机制造), C-制造业
_CODE_AND_NAME = re.compile(r"([A-Z]?)\s*[-_]?\s*(\d{2,4})?(?![\d])\s*[-_:：、,，]?\s*(.*)")


@cache
def industry_table() -> pd.DataFrame:
    """Every section, division, group and class: code (e.g. ``C3911``), digits, level, section, name."""
    with (
        resources.files("recommender.profiles")
        .joinpath("data/industries.csv")
        .open(encoding="utf-8") as fh
    ):
        raw = pd.read_csv(fh, dtype=str, comment="#")
    digits = raw["code"].where(raw["level"] != "1", "")
    return pd.DataFrame(
        {
            "code": raw["section"] + digits,
            "digits": digits,
            "level": raw["level"].astype(int),
            "section": raw["section"],
            "name": raw["name"],
        }
    )


@cache
def _section_of_digits() -> dict[str, str]:
    table = industry_table()
    return dict(zip(table["digits"], table["section"], strict=True))


@cache
def _names() -> dict[str, str]:
    table = industry_table()
    return dict(zip(table["code"], table["name"], strict=True))


def normalise_industry_code(raw: str) -> str:
    """The section-prefixed form of an industry code (``3911`` -> ``C3911``)."""
    text = str(raw).strip().upper()
    match = _CODE.fullmatch(text)
    if not text or match is None or len(match.group(2)) == 1:
        raise ProfileError("P111", f"行业代码格式不正确：{raw}")
    letter, digits = match.groups()
    if not digits:
        if letter + digits not in _names():
            raise ProfileError("P112", f"不存在的行业门类：{raw}")
        return letter
    section = _section_of_digits().get(digits)
    if section is None:
        raise ProfileError("P112", f"不存在的国民经济行业代码：{raw}")
    if letter and letter != section:
        raise ProfileError("P113", f"行业代码{digits}属于门类{section}，与字母{letter}不一致")
    return section + digits


def industry_name(code: str) -> str:
    """The Chinese name of an industry code in any accepted form."""
    return _names()[normalise_industry_code(code)]


def _outermost(codes: list[str]) -> list[str]:
    """Drop codes already covered by a shorter code in the list (``K70`` under ``K``)."""
    return [c for c in codes if not any(o != c and c.startswith(o) for o in codes)]


@cache
def _name_index() -> tuple[dict[str, list[int]], list[tuple[str, int]], list[tuple[str, int]], list[str]]:
    """Rows by exact name, (name, row) and (reversed name, row) sorted for prefix look-ups, and the codes."""
    names = industry_table()["name"].tolist()
    exact: dict[str, list[int]] = {}
    for row, name in enumerate(names):
        exact.setdefault(name, []).append(row)
    forward = sorted((n, r) for r, n in enumerate(names))
    return exact, forward, sorted((n[::-1], r) for r, n in enumerate(names)), industry_table()["code"].tolist()


def _prefixed(index: list[tuple[str, int]], prefix: str) -> list[int]:
    start = bisect_left(index, (prefix,))
    rows = []
    for name, row in index[start:]:
        if not name.startswith(prefix):
            break
        rows.append(row)
    return sorted(rows)


def industry_codes_for_name(name: str) -> list[str]:
    """Codes whose name is ``name`` (else starts or ends with it), outermost only."""
    query = name.strip()
    if not query:
        return []
    exact, forward, backward, codes = _name_index()
    rows = exact.get(query) or _prefixed(forward, query) or _prefixed(backward, query[::-1])
    return _outermost([codes[r] for r in rows])


def industry_code_for_text(raw: str) -> str:
    """The normalised code a cell gives as a code (``C3911``), a code with its name
    (``C3911 计算机整机制造``, ``3911(计算机整机制造)``) or a unique name (``制造业``)."""
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    upper = text.upper()
    if _CODE.fullmatch(upper):
        return normalise_industry_code(upper)
    found = _CODE_AND_NAME.fullmatch(upper)
    if found is not None and (found.group(2) or (found.group(1) and _is_name(found.group(3)))):
        return normalise_industry_code(found.group(1) + (found.group(2) or ""))
    name = re.sub(r"[()\[\]【】\s]", "", text)
    codes = industry_codes_for_name(name) if re.search(r"[\u4e00-\u9fff]", name) else []
    if len(codes) == 1:
        return codes[0]
    if codes:
        raise ProfileError("P114", f"行业名称“{name}”对应多个行业代码（{'、'.join(codes[:5])}），请填写代码")
    if name != text or re.search(r"[\u4e00-\u9fff]", name):
        raise ProfileError("P115", f"无法识别的行业名称：{text}（请填写国民经济行业代码，如C3911）")
    raise ProfileError("P111", f"行业代码格式不正确：{raw}")


def _is_name(rest: str) -> bool:
    """Whether the rest after a section letter is an industry name (C 制造业), not more code."""
    return bool(re.fullmatch(r"[(\[【]?[\u4e00-\u9fff、，,（）()]+[)\]】]?", rest))
