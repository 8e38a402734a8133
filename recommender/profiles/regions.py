"""GB/T 2260 region codes: validation, names and the province ⊃ city ⊃ county hierarchy."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import pandas as pd

__all__ = [
    "region_table",
    "is_region_code",
    "check_region_code",
    "region_name",
    "region_parent",
    "region_ancestors",
    "region_within",
    "region_prefix",
    "region_codes_for_name",
    "region_code_for_text",
]

_SIX_DIGITS = re.compile(r"\d{6}")
# Endings of unit names, so that 城口 finds 城口县 and 成都 finds 成都市.
_NAME_SUFFIXES = (
    "省",
    "市",
    "县",
    "区",
    "自治区",
    "自治州",
    "自治县",
    "地区",
    "盟",
    "旗",
    "特别行政区",
)


@cache
def region_table() -> pd.DataFrame:
    """Every listed region: code, name, parent (NA for provinces) and level (1-3)."""
    with (
        resources.files("recommender.profiles")
        .joinpath("data/regions.csv")
        .open(encoding="utf-8") as fh
    ):
        table = pd.read_csv(fh, dtype={"code": str, "name": str, "parent": str}, comment="#")
    return table.astype({"level": "int8"})


@cache
def _by_code() -> dict[str, tuple[str, str | None, int]]:
    table = region_table()
    parents = table["parent"].astype(object).where(table["parent"].notna(), None)
    return {
        code: (name, parent, int(level))
        for code, name, parent, level in zip(
            table["code"], table["name"], parents, table["level"], strict=True
        )
    }


@cache
def _listed_below() -> tuple[frozenset[str], frozenset[str]]:
    """Province prefixes whose cities are listed, and those whose counties are listed."""
    table = region_table()
    cities = frozenset(table.loc[table["level"] == 2, "code"].str[:2])
    counties = frozenset(table.loc[table["level"] == 3, "code"].str[:2])
    return cities, counties


def check_region_code(code: str) -> str | None:
    """None if ``code`` is a plausible GB/T 2260 code, else a Chinese reason."""
    code = str(code).strip()
    if not _SIX_DIGITS.fullmatch(code):
        return "行政区划代码应为6位数字"
    known = _by_code()
    if code in known:
        return None
    if code[:2] + "0000" not in known:
        return f"不存在的省级行政区划代码：{code[:2]}"
    cities_listed, counties_listed = _listed_below()
    if code[:2] in cities_listed:
        if code[2:4] == "00":
            return f"行政区划代码结构不正确：{code}"
        if code[:4] + "00" not in known:
            return f"不存在的地市级行政区划代码：{code[:4]}00"
    if code[:2] in counties_listed and code[4:] != "00":
        return f"不存在的区县级行政区划代码：{code}"
    return None


def is_region_code(code: str) -> bool:
    """Whether ``code`` is a plausible GB/T 2260 code."""
    return check_region_code(code) is None


def region_name(code: str) -> str | None:
    """The name of a listed region, None if the code is not in the table."""
    entry = _by_code().get(str(code).strip())
    return entry[0] if entry else None


def region_parent(code: str) -> str | None:
    """The enclosing region: from the table, else from the digit structure."""
    code = str(code).strip()
    entry = _by_code().get(code)
    if entry is not None:
        return entry[1]
    if not _SIX_DIGITS.fullmatch(code) or code[2:] == "0000":
        return None
    if code[4:] != "00":
        return code[:4] + "00"
    return code[:2] + "0000"


def region_ancestors(code: str) -> list[str]:
    """The enclosing regions, nearest first (``500229`` -> ``['500200', '500000']``)."""
    chain: list[str] = []
    parent = region_parent(code)
    while parent is not None:
        chain.append(parent)
        parent = region_parent(parent)
    return chain


def region_within(code: str, ancestor: str) -> bool:
    """Whether region ``code`` is ``ancestor`` or lies inside it."""
    code, ancestor = str(code).strip(), str(ancestor).strip()
    if not _SIX_DIGITS.fullmatch(code):
        return False
    return code == ancestor or ancestor in region_ancestors(code)


def region_prefix(ancestor: str) -> str:
    """The code prefix shared by a region and everything inside it (``500000`` -> ``50``)."""
    ancestor = str(ancestor).strip()
    if ancestor.endswith("0000"):
        return ancestor[:2]
    if ancestor.endswith("00"):
        return ancestor[:4]
    return ancestor


def region_codes_for_name(name: str) -> list[str]:
    """Codes of regions called ``name``, or ``name`` plus a unit ending (城口 -> 城口县, 酉阳县 -> 500242)."""
    query = name.strip()
    if not query:
        return []
    table = region_table()
    exact = table.loc[table["name"] == query, "code"].tolist()
    if exact:
        return exact
    names = {query + suffix for suffix in _NAME_SUFFIXES}
    found = table.loc[table["name"].isin(names), "code"].tolist()
    return found or list(_autonomous_short_names().get(query, ()))


@cache
def _ethnic_groups() -> tuple[str, ...]:
    with resources.files("recommender.profiles").joinpath("data/ethnic_groups.txt").open(encoding="utf-8") as fh:
        words = [line.strip() for line in fh if line.strip() and not line.startswith("#")]
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _autonomous_short_names() -> dict[str, tuple[str, ...]]:
    """Everyday names of autonomous units: 酉阳 and 酉阳县 for 酉阳土家族苗族自治县, 黔东南州 for …自治州."""
    groups = "|".join(re.escape(g) for g in _ethnic_groups())
    pattern = re.compile(rf"^(?P<base>.+?)(?:(?:{groups})族)+自治(?P<unit>县|州|旗)$")
    out: dict[str, list[str]] = {}
    for code, name in zip(region_table()["code"], region_table()["name"], strict=True):
        m = pattern.match(name)
        if m and len(m.group("base")) >= 2:
            for alias in (m.group("base"), m.group("base") + m.group("unit")):
                out.setdefault(alias, []).append(code)
    return {alias: tuple(codes) for alias, codes in out.items()}


@cache
def _names_by_region() -> dict[str, tuple[str, ...]]:
    """Each region's name and, for names of three characters or more, the name without its ending."""
    out = {}
    for code, (name, _, _) in _by_code().items():
        if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        short = next((name[: -len(s)] for s in _NAME_SUFFIXES if name.endswith(s)), name)
        names = [name, short] if len(short) >= 2 and short != name else [name]
        names += [alias for alias, codes in _autonomous_short_names().items() if code in codes]
        out[code] = tuple(dict.fromkeys(names))
    return out


def _name_chain(text: str) -> tuple[str | None, str]:
    """The deepest region whose names (province, city, county, each optional) begin ``text``."""
    found: str | None = None
    rest = text
    while rest:
        step = [
            (len(n), code)
            for code, names in _names_by_region().items()
            if (found is None or region_within(code, found)) and code != found
            for n in names
            if rest.startswith(n)
        ]
        if not step:
            break
        longest = max(length for length, _ in step)
        codes = {code for length, code in step if length == longest}
        if len(codes) != 1:
            break
        found, rest = codes.pop(), rest[longest:]
    return found, rest


def region_code_for_text(raw: str) -> str | None:
    """The 6-digit code a cell gives as a code (``500229``), a code with its name (``500229城口县``)
    or names down to a listed county (``城口县``, ``重庆市城口县``); None if it names no one region."""
    text = re.sub(r"\s+", "", str(raw))
    code = re.match(r"(\d{6})(?:\.0+)?(?!\d)", text)
    if code is not None:
        return code.group(1)
    if re.match(r"\d", text):
        return None
    found, rest = _name_chain(text)
    if found is None or (rest and _by_code()[found][2] < 3):
        return None
    return found
