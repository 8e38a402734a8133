"""Ranking metrics against values computed by hand."""

import math

import pandas as pd
import pytest

from recommender.evaluation import evaluate_rankings, ndcg_at_k, precision_at_k, recall_at_k

RANKED = ["a", "b", "c", "d"]
GRADES = {"a": 0, "b": 2, "c": 1, "e": 3}  # e is relevant but never ranked


def test_precision_counts_only_graded_items_in_the_top_k():
    assert precision_at_k(RANKED, GRADES, 1) == 0.0
    assert precision_at_k(RANKED, GRADES, 2) == 0.5
    assert precision_at_k(RANKED, GRADES, 4) == 0.5


def test_precision_treats_a_short_ranking_as_misses():
    assert precision_at_k(["b"], GRADES, 4) == 0.25


def test_recall_is_the_share_of_relevant_items_found():
    assert recall_at_k(RANKED, GRADES, 2) == pytest.approx(1 / 3)
    assert recall_at_k(RANKED, GRADES, 4) == pytest.approx(2 / 3)


def test_ndcg_by_hand():
    # DCG@3 of (0, 2, 1) = 0 + 3/log2(3) + 1/log2(4); ideal (3, 2, 1) = 7 + 3/log2(3) + 1/2
    dcg = 3 / math.log2(3) + 1 / 2
    ideal = 7 + 3 / math.log2(3) + 1 / 2
    assert ndcg_at_k(RANKED, GRADES, 3) == pytest.approx(dcg / ideal)


def test_perfect_ranking_has_ndcg_one():
    assert ndcg_at_k(["e", "b", "c"], GRADES, 3) == pytest.approx(1.0)


def test_nothing_relevant_scores_one_not_nan():
    assert ndcg_at_k(RANKED, {"a": 0}, 3) == 1.0
    assert recall_at_k(RANKED, {}, 3) == 1.0


def test_k_must_be_positive():
    with pytest.raises(ValueError):
        precision_at_k(RANKED, GRADES, 0)


def test_evaluate_rankings_averages_over_enterprises():
    labels = pd.DataFrame(
        {
            "credit_code": ["x", "x", "y"],
            "item_id": ["p#1", "p#2", "p#1"],
            "relevance": [2, 0, 1],
        }
    )
    table = evaluate_rankings({"x": ["p#1", "p#2"], "y": ["p#2", "p#1"]}, labels, ks=(1,))
    assert table.loc[0, "precision"] == pytest.approx(0.5)  # x hits at 1, y misses
    assert table.loc[0, "recall"] == pytest.approx(0.5)
