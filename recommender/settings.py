"""Runtime settings read from the environment."""

import os
from pathlib import Path

__all__ = ["database_url", "data_dir", "PROJECT_ROOT"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """Folder for the SQLite file and other runtime state (``POLICY_MATCH_DATA``)."""
    return Path(os.environ.get("POLICY_MATCH_DATA", PROJECT_ROOT / "data"))


def database_url() -> str:
    """SQLAlchemy URL: ``DATABASE_URL`` if set, else a SQLite file under :func:`data_dir`."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    path = data_dir() / "policy_match.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"
