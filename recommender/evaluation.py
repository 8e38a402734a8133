"""Ranking quality: precision@k, recall@k and NDCG@k against graded relevance labels."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd

__all__ = ["precision_at_k", "recall_at_k", "ndcg_at_k", "evaluate_rankings"]


def precision_at_k(ranked: Sequence[str], relevance: Mapping[str, float], k: int) -> float:
    """Share of the top ``k`` that is relevant (grade > 0); fewer than k ranked count as misses."""
    if k <= 0:
        raise ValueError("k must be positive")
    return sum(1 for item in ranked[:k] if relevance.get(item, 0) > 0) / k


def recall_at_k(ranked: Sequence[str], relevance: Mapping[str, float], k: int) -> float:
    """Share of all relevant items found in the top ``k`` (1.0 when nothing is relevant)."""
    relevant = {item for item, grade in relevance.items() if grade > 0}
    if not relevant:
        return 1.0
    return len(relevant & set(ranked[:k])) / len(relevant)


def _dcg(grades: Sequence[float]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def ndcg_at_k(ranked: Sequence[str], relevance: Mapping[str, float], k: int) -> float:
    """Normalised discounted cumulative gain with gain 2^grade - 1 (1.0 when nothing is relevant)."""
    ideal = _dcg(sorted(relevance.values(), reverse=True)[:k])
    if ideal == 0:
        return 1.0
    return _dcg([relevance.get(item, 0) for item in ranked[:k]]) / ideal


def evaluate_rankings(
    rankings: Mapping[str, Sequence[str]], labels: pd.DataFrame, ks: Sequence[int] = (1, 3, 5, 10)
) -> pd.DataFrame:
    """Mean metrics over enterprises; ``labels`` has credit_code, item_id, relevance columns."""
    rows = []
    for code, group in labels.groupby("credit_code"):
        relevance = dict(zip(group["item_id"], group["relevance"], strict=True))
        ranked = list(rankings.get(code, ()))
        for k in ks:
            rows.append(
                {
                    "k": k,
                    "precision": precision_at_k(ranked, relevance, k),
                    "recall": recall_at_k(ranked, relevance, k),
                    "ndcg": ndcg_at_k(ranked, relevance, k),
                }
            )
    return pd.DataFrame(rows).groupby("k").mean().reset_index()
