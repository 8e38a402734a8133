"""Database engine and sessions: a SQLite file by default, any SQLAlchemy URL via DATABASE_URL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, create_engine

from recommender import settings

__all__ = ["dump_json", "get_engine", "init_db", "session"]


def dump_json(value: Any) -> str:
    """Canonical JSON text (sorted keys, compact, UTF-8): equal objects are stored as equal text."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA cache_size=-65536")  # 64 MiB: bulk upserts touch many index pages
    cursor.close()


@cache
def _engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, json_serializer=dump_json)
    in_memory = url in ("sqlite://", "sqlite:///:memory:")
    engine = create_engine(
        url,
        json_serializer=dump_json,
        connect_args={"check_same_thread": False},
        poolclass=StaticPool if in_memory else None,
    )
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def get_engine(url: str | None = None) -> Engine:
    """The (cached) engine for ``url``, else for :func:`recommender.settings.database_url`."""
    return _engine(url or settings.database_url())


def init_db(engine: Engine | None = None) -> Engine:
    """Create every table the imported models declare (the enterprise table at least)."""
    from recommender.storage import enterprise  # noqa: F401  (registers the table)

    engine = engine or get_engine()
    SQLModel.metadata.create_all(engine)
    return engine


@contextmanager
def session(engine: Engine | None = None) -> Iterator[Session]:
    """A session committed on success and rolled back on error."""
    with Session(engine or get_engine()) as db:
        try:
            yield db
            db.commit()
        except Exception:
            db.rollback()
            raise
