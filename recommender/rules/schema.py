"""Benefits, support items and policies as plain data (CONTRACT.md section 6); conditions re-exported."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from recommender.errors import RuleError
from recommender.rules.condition import (
    FIELD_KINDS,
    OPS,
    OPS_BY_KIND,
    SIZE_CLASSES,
    TAX_CREDIT_LEVELS,
    Condition,
)

__all__ = [
    "FIELD_KINDS",
    "OPS",
    "OPS_BY_KIND",
    "SIZE_CLASSES",
    "TAX_CREDIT_LEVELS",
    "ITEM_KINDS",
    "Condition",
    "Benefit",
    "SupportItem",
    "Policy",
]

ITEM_KINDS: frozenset[str] = frozenset({"incentive", "credit"})


@dataclass(frozen=True)
class Benefit:
    """What an item gives: text plus a parsed amount and unit when there is one."""

    text: str
    amount: float | None = None
    unit: str | None = None  # 万元, %, 年, 月, 倍, 元/人 ...
    kind: str | None = None  # amount, cap, rate, ratio, duration, loan_cap ...

    def to_dict(self) -> dict[str, Any]:
        """Serialise as in CONTRACT.md section 6."""
        out: dict[str, Any] = {"text": self.text, "amount": self.amount, "unit": self.unit}
        if self.kind:
            out["kind"] = self.kind
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Benefit:
        """Build from a dict; a bare string is a benefit with text only."""
        if isinstance(data, str):
            return cls(text=data)
        if not isinstance(data, dict) or "text" not in data:
            raise RuleError("R110", f"待遇必须含有 text：{data!r}")
        amount = data.get("amount")
        return cls(
            text=str(data["text"]),
            amount=None if amount is None else float(amount),
            unit=data.get("unit"),
            kind=data.get("kind"),
        )


@dataclass(frozen=True)
class SupportItem:
    """One support item (incentive or credit product) of a policy document."""

    item_id: str  # "<policy_id>#<n>"
    kind: str  # incentive | credit
    name: str
    conditions: tuple[Condition, ...] = ()
    benefits: tuple[Benefit, ...] = ()
    assumed: tuple[str, ...] = ()  # boilerplate every registered firm meets: assumed held
    industries: tuple[str, ...] = ()  # industries the prose favours without requiring them
    clause: str = ""
    text: str = ""  # the item's source text, for similarity and display

    @property
    def policy_id(self) -> str:
        """The policy document this item belongs to."""
        return self.item_id.rsplit("#", 1)[0]

    def validate(self) -> SupportItem:
        """Raise :class:`RuleError` if the item or any condition is malformed."""
        if self.kind not in ITEM_KINDS:
            raise RuleError("R111", f"{self.item_id}：未知的项目类型“{self.kind}”")
        if not self.name:
            raise RuleError("R112", f"{self.item_id}：项目缺少名称")
        for cond in self.conditions:
            cond.validate()
        return self

    def to_dict(self) -> dict[str, Any]:
        """Serialise as in CONTRACT.md section 6 (plus assumed, industries, clause)."""
        out: dict[str, Any] = {
            "item_id": self.item_id,
            "kind": self.kind,
            "name": self.name,
            "conditions": [c.to_dict() for c in self.conditions],
            "benefits": [b.to_dict() for b in self.benefits],
        }
        if self.assumed:
            out["assumed"] = list(self.assumed)
        if self.industries:
            out["industries"] = list(self.industries)
        if self.clause:
            out["clause"] = self.clause
        if self.text:
            out["text"] = self.text
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SupportItem:
        """Build from a dict as written by :meth:`to_dict` or a reviewed YAML file."""
        if not isinstance(data, dict):
            raise RuleError("R113", f"项目必须是键值对象：{data!r}")
        for key in ("item_id", "kind", "name"):
            if key not in data:
                raise RuleError("R114", f"项目缺少“{key}”：{data!r}"[:200])
        return cls(
            item_id=str(data["item_id"]),
            kind=str(data["kind"]),
            name=str(data["name"]),
            conditions=tuple(Condition.from_dict(c) for c in data.get("conditions") or ()),
            benefits=tuple(Benefit.from_dict(b) for b in data.get("benefits") or ()),
            assumed=tuple(str(a) for a in data.get("assumed") or ()),
            industries=tuple(str(i) for i in data.get("industries") or ()),
            clause=str(data.get("clause", "") or ""),
            text=str(data.get("text", "") or ""),
        )


@dataclass(frozen=True)
class Policy:
    """A policy document with its support items; ``reviewed`` says whether a person checked it."""

    policy_id: str
    title: str
    items: tuple[SupportItem, ...] = ()
    issuer: str | None = None
    doc_number: str | None = None  # 文号
    region_code: str | None = None  # where it applies; None = nationwide
    published: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    reviewed: bool = False
    sources: tuple[str, ...] = ()  # real documents whose facts it carries
    text: str = field(default="", repr=False)

    def is_valid_on(self, day: date) -> bool:
        """Whether the document is in force on ``day``."""
        iso = day.isoformat()
        if self.valid_from and iso < self.valid_from:
            return False
        return not (self.valid_until and iso > self.valid_until)

    def validate(self) -> Policy:
        """Raise :class:`RuleError` if anything in the policy is malformed."""
        for key in ("published", "valid_from", "valid_until"):
            value = getattr(self, key)
            if value is not None:
                try:
                    date.fromisoformat(value)
                except ValueError as exc:
                    raise RuleError("R120", f"{self.policy_id}：日期“{key}”格式不合法：{value}") from exc
        if self.region_code is not None and not (
            len(self.region_code) == 6 and self.region_code.isdigit()
        ):
            raise RuleError("R121", f"{self.policy_id}：行政区划代码不合法：{self.region_code}")
        seen = set()
        for n, item in enumerate(self.items, 1):
            if item.item_id != f"{self.policy_id}#{n}":
                raise RuleError(
                    "R115", f"{self.policy_id}：第{n}个项目的编号应为“{self.policy_id}#{n}”，实为“{item.item_id}”"
                )
            if item.item_id in seen:
                raise RuleError("R116", f"{self.policy_id}：项目编号重复：{item.item_id}")
            seen.add(item.item_id)
            item.validate()
        return self

    def to_dict(self) -> dict[str, Any]:
        """Serialise: the JSON of CONTRACT.md section 6 plus provenance fields."""
        return {
            "policy_id": self.policy_id,
            "title": self.title,
            "issuer": self.issuer,
            "doc_number": self.doc_number,
            "region_code": self.region_code,
            "published": self.published,
            "valid_from": self.valid_from,
            "valid_until": self.valid_until,
            "reviewed": self.reviewed,
            "sources": list(self.sources),
            "items": [i.to_dict() for i in self.items],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str = "") -> Policy:
        """Build from a dict as written by :meth:`to_dict` or a reviewed YAML file."""
        if not isinstance(data, dict) or "policy_id" not in data:
            raise RuleError("R122", "政策规则必须是含有 policy_id 的键值对象")

        def opt(key: str) -> str | None:
            value = data.get(key)
            return None if value in (None, "") else str(value)

        return cls(
            policy_id=str(data["policy_id"]),
            title=str(data.get("title", "") or ""),
            items=tuple(SupportItem.from_dict(i) for i in data.get("items") or ()),
            issuer=opt("issuer"),
            doc_number=opt("doc_number"),
            region_code=opt("region_code"),
            published=opt("published"),
            valid_from=opt("valid_from"),
            valid_until=opt("valid_until"),
            reviewed=bool(data.get("reviewed", False)),
            sources=tuple(str(s) for s in data.get("sources") or ()),
            text=text,
        )
