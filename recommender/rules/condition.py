"""A condition: (field, op, value) plus the clause it came from, and the closed sets it draws on."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from recommender.errors import RuleError

__all__ = [
    "FIELD_KINDS",
    "OPS",
    "OPS_BY_KIND",
    "SIZE_CLASSES",
    "TAX_CREDIT_LEVELS",
    "Condition",
]


# Every field a condition may test, and its kind (what values and operators make sense).
FIELD_KINDS: dict[str, str] = {
    "industry": "industry",  # GB/T 4754-2017 codes, prefix match ("C", "C39", "3911")
    "region_code": "region",  # GB/T 2260 code; `within` = the code or any child
    "established": "date",  # ISO date string value
    "age_years": "number",
    "employees": "number",
    "revenue": "number",  # 万元
    "assets": "number",  # 万元
    "taxable_income": "number",  # 万元
    "rd_expense": "number",  # 万元
    "rd_ratio": "number",  # fraction: 3% is 0.03
    "invention_patents": "number",
    "tax_credit": "rating",  # A/B/M/C/D
    "dishonest": "bool",
    "has_bank_loan": "bool",  # 首贷户 = has_bank_loan eq False
    "small_low_profit": "bool",
    "size": "size",  # 大型/中型/小型/微型
    "taxpayer_type": "category",  # 一般纳税人/小规模纳税人
    "ownership": "category",  # 民营/国有/外资/集体...
    "qualifications": "set",  # `has` one canonical qualification name
}

OPS_BY_KIND: dict[str, frozenset[str]] = {
    "number": frozenset({"eq", "lt", "le", "gt", "ge"}),
    "date": frozenset({"lt", "le", "gt", "ge"}),
    "bool": frozenset({"eq"}),
    "rating": frozenset({"eq", "in", "not_in"}),
    "size": frozenset({"eq", "in", "not_in"}),
    "category": frozenset({"eq", "in", "not_in"}),
    "industry": frozenset({"in", "not_in"}),
    "region": frozenset({"within"}),
    "set": frozenset({"has"}),
}

# `any_of` groups children (Kleene OR); `unknown` is a substantive condition no field can check.
OPS: frozenset[str] = frozenset(
    {"eq", "in", "not_in", "lt", "le", "gt", "ge", "within", "has", "unknown", "any_of"}
)

SIZE_CLASSES: tuple[str, ...] = ("大型", "中型", "小型", "微型")
TAX_CREDIT_LEVELS: tuple[str, ...] = ("A", "B", "M", "C", "D")  # best first


def _freeze(value: Any) -> Any:
    """Make a condition value hashable: lists become tuples."""
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


@dataclass(frozen=True)
class Condition:
    """One eligibility condition: (field, op, value) with the clause it came from."""

    op: str
    field: str | None = None
    value: Any = None
    any_of: tuple[Condition, ...] = ()
    text: str = ""
    clause: str = ""
    span: tuple[int, int] | None = None
    confidence: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", _freeze(self.value))
        object.__setattr__(self, "any_of", tuple(self.any_of))
        if self.span is not None:
            object.__setattr__(self, "span", tuple(self.span))

    def key(self) -> tuple:
        """Identity for sharing evaluation: what is tested, not where it was written."""
        if self.op == "any_of":
            return ("any_of", tuple(sorted((c.key() for c in self.any_of), key=repr)))
        if self.op == "unknown":
            return ("unknown", self.text)
        value = self.value
        if self.op in ("in", "not_in") and isinstance(value, tuple):
            value = tuple(sorted(value, key=str))
        return (self.op, self.field, value)

    def validate(self) -> Condition:
        """Raise :class:`RuleError` with a code if the condition is not well formed."""
        if self.op not in OPS:
            raise RuleError("R101", f"未知的条件运算符“{self.op}”：{self.text}")
        if self.op == "any_of":
            if len(self.any_of) < 2:
                raise RuleError("R106", f"“或”条件至少需要两个分支：{self.text}")
            for child in self.any_of:
                child.validate()
            return self
        if self.op == "unknown":
            if not self.text:
                raise RuleError("R107", "无法核验的条件必须保留原文")
            return self
        if self.field not in FIELD_KINDS:
            raise RuleError("R102", f"未知的条件字段“{self.field}”：{self.text}")
        kind = FIELD_KINDS[self.field]
        if self.op not in OPS_BY_KIND[kind]:
            raise RuleError(
                "R103", f"字段“{self.field}”不支持运算符“{self.op}”：{self.text}"
            )
        _check_value(self, kind)
        return self

    def to_dict(self) -> dict[str, Any]:
        """Serialise as in CONTRACT.md section 6 (plus span and confidence when known)."""
        if self.op == "any_of":
            out: dict[str, Any] = {"any_of": [c.to_dict() for c in self.any_of]}
        elif self.op == "unknown":
            out = {"op": "unknown"}
        else:
            out = {"field": self.field, "op": self.op, "value": _thaw(self.value)}
        if self.clause:
            out["clause"] = self.clause
        out["text"] = self.text
        if self.span is not None:
            out["span"] = list(self.span)
        if self.confidence != 1.0:
            out["confidence"] = round(self.confidence, 3)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Condition:
        """Build from a dict as written by :meth:`to_dict` or a reviewed YAML file."""
        if not isinstance(data, dict):
            raise RuleError("R100", f"条件必须是键值对象，而不是：{data!r}")
        common = {
            "text": str(data.get("text", "") or ""),
            "clause": str(data.get("clause", "") or ""),
            "span": tuple(data["span"]) if data.get("span") else None,
            "confidence": float(data.get("confidence", 1.0)),
        }
        if "any_of" in data:
            children = data["any_of"]
            if not isinstance(children, list):
                raise RuleError("R106", f"“或”条件的分支必须是列表：{common['text']}")
            return cls(op="any_of", any_of=tuple(cls.from_dict(c) for c in children), **common)
        if "op" not in data:
            raise RuleError("R101", f"条件缺少运算符 op：{data!r}")
        op = str(data["op"])
        if op == "unknown":
            return cls(op="unknown", **common)
        if "field" not in data:
            raise RuleError("R102", f"条件缺少字段 field：{data!r}")
        if "value" not in data:
            raise RuleError("R104", f"条件缺少取值 value：{data!r}")
        return cls(op=op, field=str(data["field"]), value=data["value"], **common)

    def with_value(self, value: Any) -> Condition:
        """A copy testing another value (what-if on a threshold)."""
        return replace(self, value=value)


def _check_value(cond: Condition, kind: str) -> None:
    value = cond.value
    bad = RuleError("R104", f"字段“{cond.field}”的取值“{value}”不合法：{cond.text}")
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise bad
    elif kind == "date":
        try:
            date.fromisoformat(str(value))
        except ValueError as exc:
            raise bad from exc
    elif kind == "bool":
        if not isinstance(value, bool):
            raise bad
    elif kind in ("rating", "size", "category", "industry"):
        values = value if isinstance(value, tuple) else (value,)
        if cond.op in ("in", "not_in") and not isinstance(value, tuple):
            raise bad
        if not values or not all(isinstance(v, str) and v for v in values):
            raise bad
        if kind == "rating" and not set(values) <= set(TAX_CREDIT_LEVELS):
            raise bad
        if kind == "size" and not set(values) <= set(SIZE_CLASSES):
            raise bad
    elif kind == "region":
        values = value if isinstance(value, tuple) else (value,)
        if not values or not all(isinstance(v, str) and len(v) == 6 and v.isdigit() for v in values):
            raise bad
    elif kind == "set":
        if not isinstance(value, str) or not value:
            raise bad
