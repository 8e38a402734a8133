"""Loading what every view needs: the derived enterprise frame and the policy catalogue."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine as SqlEngine

from recommender.rules.schema import Policy
from recommender.settings import PROJECT_ROOT, data_dir

__all__ = [
    "DEMO_REGISTRY",
    "POLICY_DIR",
    "load_registry",
    "load_policies",
    "uploads_dir",
    "open_database",
    "registry_from_db",
    "all_policies",
]

DEMO_REGISTRY = PROJECT_ROOT / "profiles" / "demo_enterprises.csv"
POLICY_DIR = PROJECT_ROOT / "policies"


def load_registry(path: str | Path, as_of: date) -> tuple[pd.DataFrame, list]:
    """Validated, derived enterprise frame and the rejected or skipped rows of a table file."""
    from recommender.profiles.derive import derive
    from recommender.profiles.importer import read_table

    result = read_table(path)
    return derive(result.frame, as_of), result.row_notes()


def load_policies(folder: str | Path) -> list[Policy]:
    """Every policy of a folder: reviewed YAML where present, extraction otherwise."""
    from recommender.rules.corpus import load_corpus

    return load_corpus(folder)


def uploads_dir() -> Path:
    """Where policy documents uploaded through the app are kept (beside the database)."""
    path = data_dir() / "policies"
    path.mkdir(parents=True, exist_ok=True)
    return path


def all_policies() -> list[Policy]:
    """The bundled corpus plus uploaded documents; an upload with a bundled id replaces it."""
    bundled = {p.policy_id: p for p in load_policies(POLICY_DIR)}
    bundled.update({p.policy_id: p for p in load_policies(uploads_dir())})
    return list(bundled.values())


def open_database(url: str | None = None, *, seed: Path | None = DEMO_REGISTRY) -> SqlEngine:
    """The database with every table created; seeded from the demo registry when empty."""
    import recommender.storage.tracking  # noqa: F401  (registers the tracking tables)
    from recommender.profiles.importer import read_table
    from recommender.profiles.store import count_enterprises, upsert_enterprises
    from recommender.storage.db import get_engine, init_db

    engine = get_engine(url)
    init_db(engine)
    if seed is not None and seed.exists() and count_enterprises(engine) == 0:
        upsert_enterprises(read_table(seed).frame, engine)
    return engine


def registry_from_db(engine: SqlEngine, as_of: date) -> pd.DataFrame:
    """Every stored enterprise as a derived frame."""
    from recommender.profiles.derive import derive
    from recommender.profiles.store import load_enterprises

    return derive(load_enterprises(engine), as_of)
