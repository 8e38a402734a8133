"""Loading what every view needs: the derived enterprise frame and the policy catalogue."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from recommender.rules.schema import Policy

__all__ = ["load_registry", "load_policies"]


def load_registry(path: str | Path, as_of: date) -> tuple[pd.DataFrame, list]:
    """Validated, derived enterprise frame and the rejected rows of a table file."""
    from recommender.profiles.derive import derive
    from recommender.profiles.importer import read_table

    result = read_table(path)
    return derive(result.frame, as_of), list(result.rejected)


def load_policies(folder: str | Path) -> list[Policy]:
    """Every policy of a folder: reviewed YAML where present, extraction otherwise."""
    from recommender.rules.corpus import load_corpus

    return load_corpus(folder)
