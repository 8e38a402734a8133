"""The evaluation notebook runs end to end and the Matcher beats its baselines on the labelled set."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

from recommender.profiles.credit_code import check_credit_code
from recommender.settings import PROJECT_ROOT

NOTEBOOK = PROJECT_ROOT / "notebooks" / "evaluation.ipynb"
EVAL_DIR = PROJECT_ROOT / "profiles" / "evaluation"


@pytest.fixture(scope="module")
def executed(tmp_path_factory) -> tuple[nbformat.NotebookNode, Path]:
    """The notebook executed in a temporary copy, and the folder it ran in."""
    workdir = tmp_path_factory.mktemp("notebook")
    copy = workdir / NOTEBOOK.name
    shutil.copy(NOTEBOOK, copy)
    nb = nbformat.read(copy, as_version=4)
    client = NotebookClient(
        nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}
    )
    client.execute()
    return nb, workdir


def test_every_cell_ran_without_error(executed) -> None:
    nb, _ = executed
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert code_cells and all(c.execution_count for c in code_cells)
    errors = [o for c in code_cells for o in c.outputs if o.output_type == "error"]
    assert errors == []


def test_matcher_beats_both_baselines_on_ndcg_at_5(executed) -> None:
    _, workdir = executed
    metrics = json.loads((workdir / "metrics.json").read_text(encoding="utf-8"))
    assert set(metrics) == {"matcher", "tfidf", "random"}
    assert set(metrics["matcher"]) == {"1", "3", "5", "10"}
    matcher = metrics["matcher"]["5"]["ndcg"]
    assert matcher > metrics["tfidf"]["5"]["ndcg"]
    assert matcher > metrics["random"]["5"]["ndcg"]
    for k in ("1", "3", "5", "10"):
        for name in metrics:
            assert 0.0 <= metrics[name][k]["precision"] <= 1.0
            assert 0.0 <= metrics[name][k]["ndcg"] <= 1.0


def test_labels_are_well_formed() -> None:
    enterprises = pd.read_csv(EVAL_DIR / "enterprises.csv", dtype=str)
    labels = pd.read_csv(EVAL_DIR / "labels.csv", skiprows=1, dtype={"credit_code": str})
    codes = enterprises["统一社会信用代码"]
    assert len(codes) == 24 and codes.is_unique
    assert [c for c in codes if check_credit_code(c) is not None] == []
    assert list(labels.columns) == ["credit_code", "item_id", "relevance", "why"]
    assert set(labels["credit_code"]) == set(codes)
    assert labels["relevance"].isin([1, 2, 3]).all()
    assert not labels.duplicated(["credit_code", "item_id"]).any()
    assert labels["why"].str.len().gt(0).all()
    policy_ids = {p.stem for p in (PROJECT_ROOT / "policies").glob("*.md")}
    assert set(labels["item_id"].str.split("#").str[0]) <= policy_ids
