"""The catalogue: support items in force on a date, with each policy's region made explicit."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from recommender.rules.schema import Condition, Policy, SupportItem

__all__ = ["Catalog", "applicable_item"]


def applicable_item(policy: Policy, item: SupportItem) -> SupportItem:
    """The item with the policy's region as a condition when the item states none itself."""
    if not policy.region_code or any(_tests_region(c) for c in item.conditions):
        return item
    region = Condition(
        op="within",
        field="region_code",
        value=policy.region_code,
        text=f"政策适用地区（{policy.issuer or policy.title}）",
        clause="适用范围",
    )
    return replace(item, conditions=(region, *item.conditions))


def _tests_region(cond: Condition) -> bool:
    if cond.op == "any_of":
        return any(_tests_region(c) for c in cond.any_of)
    return cond.field == "region_code"


@dataclass(frozen=True)
class Catalog:
    """Items offered as of ``as_of``; ``expired`` lists items left out by their validity window."""

    policies: tuple[Policy, ...]
    items: tuple[SupportItem, ...]
    expired: tuple[SupportItem, ...]
    as_of: date

    @classmethod
    def build(cls, policies: list[Policy] | tuple[Policy, ...], as_of: date) -> Catalog:
        """Select the items in force on ``as_of`` and make region scopes explicit."""
        items, expired = [], []
        for policy in policies:
            bucket = items if policy.is_valid_on(as_of) else expired
            bucket.extend(applicable_item(policy, item) for item in policy.items)
        return cls(tuple(policies), tuple(items), tuple(expired), as_of)

    def policy_of(self, item_id: str) -> Policy:
        """The policy document an item belongs to."""
        policy_id = item_id.rsplit("#", 1)[0]
        for policy in self.policies:
            if policy.policy_id == policy_id:
                return policy
        raise KeyError(item_id)

    @cached_property
    def _by_id(self) -> dict[str, SupportItem]:
        return {item.item_id: item for item in self.items}

    def item(self, item_id: str) -> SupportItem:
        """An item in force by id (KeyError if unknown or expired)."""
        return self._by_id[item_id]

    def titles(self) -> list[str]:
        """The policy title of each item, aligned with :attr:`items`."""
        by_id = {p.policy_id: p.title for p in self.policies}
        return [by_id.get(i.policy_id, "") for i in self.items]
