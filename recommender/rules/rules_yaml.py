"""Writing a policy's rules as a reviewable YAML file (the format ``reviewed`` reads)."""

from __future__ import annotations

from typing import Any

import yaml

from recommender.rules.schema import Benefit, Condition, Policy

__all__ = ["dump_policy_yaml"]


class _Flow(dict):
    """A mapping written on one line."""


class _FlowList(list):
    """A list written on one line."""


class _Dumper(yaml.SafeDumper):
    """Readable YAML: Chinese unescaped, key order kept, lists indented, short mappings on one line."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_Dumper.add_representer(
    _Flow, lambda d, data: d.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)
)
_Dumper.add_representer(
    _FlowList, lambda d, data: d.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)
)


def _condition_yaml(cond: Condition) -> dict[str, Any]:
    data = cond.to_dict()
    data.pop("span", None)
    if "any_of" in data:
        data["any_of"] = [_condition_yaml(c) for c in cond.any_of]
        return data
    flow = _Flow(data)
    return flow if len(yaml.dump(flow, Dumper=_Dumper, allow_unicode=True, width=10_000)) <= 160 else data


def _benefit_yaml(benefit: Benefit) -> dict[str, Any]:
    data = benefit.to_dict()
    amount = data["amount"]
    if isinstance(amount, float) and amount.is_integer():
        data["amount"] = int(amount)
    return data


def dump_policy_yaml(policy: Policy) -> str:
    """The rule file of a policy, ready for review (loadable by :func:`load_reviewed`)."""
    items = []
    for item in policy.items:
        data = item.to_dict()
        data.pop("text", None)
        data["conditions"] = [_condition_yaml(c) for c in item.conditions]
        data["benefits"] = [_Flow(_benefit_yaml(b)) for b in item.benefits]
        for key in ("assumed", "industries"):
            if key in data:
                data[key] = _FlowList(data[key])
        order = ("item_id", "kind", "name", "clause", "conditions", "assumed", "industries", "benefits")
        items.append({k: data[k] for k in order if k in data})
    body: dict[str, Any] = {"policy_id": policy.policy_id, "reviewed": policy.reviewed}
    for key in ("valid_from", "valid_until"):
        if getattr(policy, key):
            body[key] = getattr(policy, key)
    body["items"] = items
    header = [f"# {policy.title or policy.policy_id}"]
    if not policy.reviewed:
        header.append("# 由 policy-match extract 生成的草稿：请对照原文逐条核对，核对后把 reviewed 改为 true")
    text = yaml.dump(body, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return "\n".join(header) + "\n" + text
