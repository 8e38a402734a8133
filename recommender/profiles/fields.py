"""Enterprise table fields (CONTRACT.md section 1) and matching of raw headers to them."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = [
    "FieldSpec",
    "FIELDS",
    "FIELD_LABELS",
    "field_specs",
    "normalise_header",
    "match_header",
    "header_map",
    "HeaderSpot",
    "locate_header",
]

_DATA = Path(__file__).parent / "data" / "fields.csv"

# Units a header may carry, e.g. 营业收入(元), 营业收入/万元, 营收（万）; the factor converts a cell to 万元.
_UNIT_SCALE = {"万元": 1.0, "万": 1.0, "元": 1e-4, "千元": 0.1, "百万元": 100.0, "亿元": 1e4, "亿": 1e4}
_UNIT = r"(?:单位:?)?(?:人民币)?(万元|千元|百万元|亿元|元|万|亿|人|个|件|项|家|名)(?:人民币)?"
_UNIT_RE = re.compile(rf"^(.+?)(?:\({_UNIT}\)|\[{_UNIT}\]|【{_UNIT}】|[/_:-]?{_UNIT})$")
# A year or period in front (2023年营业收入, 上年度营业收入) or a remark in brackets at the end.
_PERIOD_RE = re.compile(r"^(?:(?:19|20)\d{2}年?度?|上一?年度?|本年度?|去年|近一年|年末|期末)")
_REMARK_RE = re.compile(r"^(.+?)(?:\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】)$")
_MARKERS = "*※★☆#"  # required-field marks of fill-in templates: *企业名称
# A column-number row under the header of statistical forms: 甲 乙 1 2 3 ...
_COLUMN_NUMBER = re.compile(r"[甲乙丙丁戊己庚辛]|\d{1,2}|[(]\d{1,2}[)]")

@dataclass(frozen=True)
class FieldSpec:
    """One canonical field: its kind, Chinese aliases, display label and sign rule."""

    name: str
    kind: str  # credit_code, text, industry, region, date, int, money, tax_credit, bool, ...
    aliases: tuple[str, ...]
    label: str
    nonneg: bool

    @property
    def short(self) -> str:
        """The short Chinese name used in messages (the first alias)."""
        return self.aliases[0] if self.aliases else self.name


@cache
def field_specs() -> dict[str, FieldSpec]:
    """Every field of the enterprise table in CONTRACT order, loaded once from fields.csv."""
    with _DATA.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    specs = {}
    for row in csv.DictReader(lines):
        specs[row["field"]] = FieldSpec(
            name=row["field"],
            kind=row["type"],
            aliases=tuple(a for a in row["aliases"].split("|") if a),
            label=row["label"],
            nonneg=row.get("nonneg", "").strip().lower() == "true",
        )
    return specs


FIELDS: tuple[str, ...] = tuple(field_specs())
FIELD_LABELS: dict[str, str] = {name: spec.label for name, spec in field_specs().items()}


def normalise_header(raw: object) -> str:
    """Header text for comparison: no BOM, spaces or required marks, half-width brackets, lower case."""
    text = unicodedata.normalize("NFKC", str(raw).replace("\ufeff", ""))
    return re.sub(r"\s+", "", text).strip(_MARKERS).lower()


@cache
def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for spec in field_specs().values():
        index[normalise_header(spec.name)] = spec.name
        for alias in spec.aliases:
            index.setdefault(normalise_header(alias), spec.name)
    return index


def _match_key(key: str) -> tuple[str, float] | None:
    """The field and 万元 factor of a normalised header, trying a unit, then a trailing remark."""
    index = _alias_index()
    if key in index:
        return index[key], 1.0
    found = _UNIT_RE.match(key)
    if found is not None:
        base = _match_key(found.group(1))
        if base is not None:
            unit = next(u for u in found.groups()[1:] if u)
            money = field_specs()[base[0]].kind == "money"
            return base[0], _UNIT_SCALE.get(unit, 1.0) if money else 1.0
    remark = _REMARK_RE.match(key)
    return _match_key(remark.group(1)) if remark is not None else None


def match_header(raw: object) -> tuple[str, float] | None:
    """The field a raw header names and the factor converting its cells to 万元 (1 if not money)."""
    key = normalise_header(raw)
    if not key:
        return None
    found = _match_key(key)
    if found is None and (period := _PERIOD_RE.match(key)) is not None and period.end() < len(key):
        found = _match_key(key[period.end() :])
    return found


def header_map(columns: Iterable[object]) -> dict[object, str]:
    """Map raw headers to field names; the first header naming a field wins, the rest are extras."""
    out: dict[object, str] = {}
    taken: set[str] = set()
    for raw in columns:
        found = match_header(raw)
        if found is not None and found[0] not in taken:
            out[raw] = found[0]
            taken.add(found[0])
    return out


@dataclass(frozen=True)
class HeaderSpot:
    """Where a table starts among its first rows: header rows ``start`` to ``stop - 1``, merged names."""

    start: int  # index of the first header row
    stop: int  # index of the first data row
    names: list[str]
    score: int  # distinct fields the names match


def _fields_of(names: Sequence[str]) -> set[str]:
    return {m[0] for n in names if n and (m := match_header(n)) is not None}


def _key_column(cells: Sequence[str]) -> int | None:
    return next(
        (j for j, c in enumerate(cells) if c and (m := match_header(c)) and m[0] == "credit_code"),
        None,
    )


def _cell(row: Sequence[str], j: int) -> str:
    return row[j].strip() if j < len(row) and row[j] is not None else ""


def _merge_below(top: list[str], below: Sequence[str]) -> list[str]:
    """Names of a two-row header: the lower cell where given, under a group label carried right."""
    names, group = [], ""
    for j in range(max(len(top), len(below))):
        upper, lower = _cell(top, j), _cell(below, j)
        group = upper or group
        if not lower:
            names.append(upper)
        elif match_header(lower) is not None or not group:
            names.append(lower)
        else:
            names.append(group + lower)
    return names


def _is_column_numbers(row: Sequence[str], names: Sequence[str]) -> bool:
    cells = [c.strip() for c in row if c and c.strip()]
    wanted = max(3, (sum(1 for n in names if n) * 3 + 4) // 5)
    return len(cells) >= wanted and all(_COLUMN_NUMBER.fullmatch(c) for c in cells)


def locate_header(rows: Sequence[Sequence[str]]) -> HeaderSpot | None:
    """The header among a table's first rows: the first row naming the credit code, with a group
    row above or a sub-header row below merged in and a column-number row (甲 乙 1 2) skipped."""
    at = next((i for i, row in enumerate(rows) if _key_column(row) is not None), None)
    if at is None:
        return None
    names = [_cell(rows[at], j) for j in range(len(rows[at]))]
    key = _key_column(names)
    start, stop = at, at + 1
    if at > 0:
        above = rows[at - 1]
        fills = {j: _cell(above, j) for j in range(len(above)) if not _cell(names, j)}
        labels = [c for c in above if c and c.strip()]
        if len(labels) >= 2 and not any(":" in c or "：" in c for c in labels) and any(fills.values()):
            names += [""] * (len(above) - len(names))
            names = [fills.get(j) or n for j, n in enumerate(names)]
            start = at - 1
    if stop < len(rows) and key is not None and not _cell(rows[stop], key):
        below = rows[stop]
        if _fields_of(below) - _fields_of(names) or _fields_of(_merge_below(names, below)) > _fields_of(names):
            names = _merge_below(names, below)
            stop += 1
    if stop < len(rows) and _is_column_numbers(rows[stop], names):
        stop += 1
    return HeaderSpot(start, stop, names, len(_fields_of(names)))
