"""Enterprise table fields (CONTRACT.md section 1) and matching of raw headers to them."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
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
]

_DATA = Path(__file__).parent / "data" / "fields.csv"

# Units a header may carry in parentheses, e.g. 营业收入(元); the factor converts a cell to 万元.
_UNIT_SCALE = {"万元": 1.0, "元": 1e-4, "千元": 0.1, "百万元": 100.0, "亿元": 1e4}
_UNIT_RE = re.compile(r"^(.+?)\((?:单位:?)?(万元|千元|百万元|亿元|元|人|个|件|项|家)\)$")


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
    """Header text for comparison: no BOM or spaces, half-width parentheses, lower case."""
    text = unicodedata.normalize("NFKC", str(raw).replace("\ufeff", ""))
    return re.sub(r"\s+", "", text).lower()


@cache
def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for spec in field_specs().values():
        index[normalise_header(spec.name)] = spec.name
        for alias in spec.aliases:
            index.setdefault(normalise_header(alias), spec.name)
    return index


def match_header(raw: object) -> tuple[str, float] | None:
    """The field a raw header names and the factor converting its cells to 万元 (1 if not money)."""
    key = normalise_header(raw)
    index = _alias_index()
    if key in index:
        return index[key], 1.0
    found = _UNIT_RE.match(key)
    if found is None or found.group(1) not in index:
        return None
    name = index[found.group(1)]
    scale = _UNIT_SCALE.get(found.group(2), 1.0) if field_specs()[name].kind == "money" else 1.0
    return name, scale


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
