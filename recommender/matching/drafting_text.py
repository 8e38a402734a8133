"""A draft as a policy: uploaded or pasted text read by the extractor, and threshold ranges."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np

from recommender.matching.catalog import applicable_item
from recommender.rules.engine import Engine
from recommender.rules.schema import Policy, SupportItem

__all__ = ["DRAFT_ID", "draft_from_upload", "draft_policy", "sweep_values"]

DRAFT_ID = "draft"


def draft_from_upload(filename: str, data: bytes) -> str:
    """The text of an uploaded draft (.txt/.md/.docx/.pdf), read like any policy document."""
    from recommender.text.loaders import load_document

    suffix = Path(filename).suffix.lower() or ".txt"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{DRAFT_ID}{suffix}"
        path.write_bytes(data)
        return load_document(path).text


def draft_policy(text: str, region_code: str | None = None) -> Policy:
    """The draft's items as extraction reads them, scoped to ``region_code`` when given."""
    from recommender.text.extract import extract_policy

    policy = extract_policy(text, DRAFT_ID, {"region_code": region_code} if region_code else None)
    items = tuple(applicable_item(policy, item) for item in policy.items)
    return replace(policy, items=items)


def sweep_values(engine: Engine, item: SupportItem, index: int, points: int = 20) -> list[float]:
    """``points`` round thresholds spanning the registry's values around the current one."""
    cond = item.conditions[index]
    column = engine.frame.get(cond.field)
    current = float(cond.value)
    values = column.to_numpy(dtype=float) if column is not None else np.array([])
    values = values[~np.isnan(values)]
    high = max(current * 2.0, float(np.quantile(values, 0.9)) if len(values) else current * 2.0)
    low = current * 0.25 if current > 0 else 0.0
    grid = np.linspace(low, max(high, low + 1.0), points - 1)
    step = 10 ** max(np.floor(np.log10(max((high - low) / points, 1e-9))), -2)
    rounded = np.unique(np.round(np.append(grid, current) / step) * step)
    return sorted({float(v) for v in rounded} | {current})
