"""GB/T 4754-2017 industry codes: normalisation, names and name look-up."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import pandas as pd

from recommender.errors import ProfileError

__all__ = [
    "normalise_industry_code",
    "industry_name",
    "industry_codes_for_name",
    "industry_table",
]

_CODE = re.compile(r"([A-Z]?)(\d{0,4})")


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


def industry_codes_for_name(name: str) -> list[str]:
    """Codes whose name is ``name`` (else starts or ends with it), outermost only."""
    query = name.strip()
    if not query:
        return []
    table = industry_table()
    names = table["name"]
    for mask in (names == query, names.str.startswith(query), names.str.endswith(query)):
        if mask.any():
            return _outermost(table.loc[mask, "code"].tolist())
    return []
